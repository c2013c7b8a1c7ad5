//! The session token, which two names can carry: `AWS_SESSION_TOKEN` and the older
//! `AWS_SECURITY_TOKEN` (`aws_session_token` and `aws_security_token` in the files).

use crate::error::{CliError, Result};

/// The one token among `(name, value)` pairs (empty values ignored). Two different values are
/// refused: the AWS CLI would take `*_security_token` and the AWS SDKs `*_session_token`, so
/// either choice signs with a token some other tool would not use.
pub fn pick<'a>(
    session: (&str, Option<&'a str>),
    security: (&str, Option<&'a str>),
    where_: &str,
) -> Result<Option<&'a str>> {
    match (
        session.1.filter(|v| !v.is_empty()),
        security.1.filter(|v| !v.is_empty()),
    ) {
        (Some(a), Some(b)) if a != b => Err(CliError::fail(format!(
            "{where_}: {} and {} are both set, to different tokens: keep only {}",
            session.0, security.0, session.0
        ))),
        (Some(a), _) => Ok(Some(a)),
        (None, b) => Ok(b),
    }
}
