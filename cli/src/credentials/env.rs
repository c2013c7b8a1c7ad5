//! Credentials from the environment: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
//! `AWS_SESSION_TOKEN` (or the older `AWS_SECURITY_TOKEN`), `AWS_CREDENTIAL_EXPIRATION`.

use super::expiration::parse_expiration;
use super::session_token::pick;
use crate::error::{CliError, Result};
use crate::profile::env;
use presign::Credentials;

/// The credentials in the environment, if its variables are set.
pub fn from_env() -> Result<Option<Credentials>> {
    let akid = env("AWS_ACCESS_KEY_ID");
    let secret = env("AWS_SECRET_ACCESS_KEY");
    let (akid, secret) = match (akid, secret) {
        (None, None) => return Ok(None),
        (Some(_), None) => return Err(CliError::fail("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both, or neither to use a profile")),
        (None, Some(_)) => return Err(CliError::fail("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not: set both, or neither to use a profile")),
        (Some(a), Some(s)) => (a, s),
    };
    let mut c = Credentials::new(akid, secret)
        .map_err(|e| CliError::fail(format!("AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY: {e}")))?;
    let (session, security) = (env("AWS_SESSION_TOKEN"), env("AWS_SECURITY_TOKEN"));
    let token = pick(
        ("AWS_SESSION_TOKEN", session.as_deref()),
        ("AWS_SECURITY_TOKEN", security.as_deref()),
        "the environment",
    )?;
    if let Some(t) = token {
        c = c
            .with_session_token(t)
            .map_err(|e| CliError::fail(format!("AWS_SESSION_TOKEN: {e}")))?;
    }
    if let Some(x) = env("AWS_CREDENTIAL_EXPIRATION") {
        c = c.with_expiration(parse_expiration(&x, "AWS_CREDENTIAL_EXPIRATION")?);
    }
    Ok(Some(c))
}
