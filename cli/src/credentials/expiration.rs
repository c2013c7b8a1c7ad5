//! The expiry time of temporary credentials, as the sources give it (RFC 3339).

use crate::error::{CliError, Result};
use presign::Timestamp;

/// Parses an expiry time; `source` names where it came from, for the message.
pub fn parse_expiration(value: &str, source: &str) -> Result<Timestamp> {
    Timestamp::parse_rfc3339(value).map_err(|e| CliError::fail(format!("{source}: {e}")))
}
