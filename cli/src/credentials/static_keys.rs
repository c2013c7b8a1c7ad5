//! Static keys in a profile section: `aws_access_key_id`, `aws_secret_access_key`,
//! `aws_session_token` (or `aws_security_token`).

use super::session_token::pick;
use crate::error::{CliError, Result};
use presign::Credentials;
use std::collections::BTreeMap;

/// The keys in `section`, if it has them; `where_` names the section, for messages.
pub fn from_section(
    section: &BTreeMap<String, String>,
    where_: &str,
) -> Result<Option<Credentials>> {
    let get = |k: &str| section.get(k).filter(|v| !v.is_empty());
    let (akid, secret) = match (get("aws_access_key_id"), get("aws_secret_access_key")) {
        (None, None) => return Ok(None),
        (Some(_), None) => {
            return Err(CliError::fail(format!(
                "{where_} has aws_access_key_id but no aws_secret_access_key"
            )))
        }
        (None, Some(_)) => {
            return Err(CliError::fail(format!(
                "{where_} has aws_secret_access_key but no aws_access_key_id"
            )))
        }
        (Some(a), Some(s)) => (a, s),
    };
    let mut c = Credentials::new(akid.as_str(), secret.as_str())
        .map_err(|e| CliError::fail(format!("{where_}: {e}")))?;
    let token = pick(
        (
            "aws_session_token",
            get("aws_session_token").map(String::as_str),
        ),
        (
            "aws_security_token",
            get("aws_security_token").map(String::as_str),
        ),
        where_,
    )?;
    if let Some(t) = token {
        c = c
            .with_session_token(t)
            .map_err(|e| CliError::fail(format!("{where_}: {e}")))?;
    }
    Ok(Some(c))
}
