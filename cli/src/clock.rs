//! The clock: read here, in the binding, because the library never reads it.

use crate::error::{CliError, Result};
use presign::Timestamp;

/// The current time, read from the system clock (the library never reads it).
pub fn now() -> Result<Timestamp> {
    Timestamp::try_from(std::time::SystemTime::now())
        .map_err(|e| CliError::fail(format!("the system clock: {e}")))
}

/// The given time, or now.
pub fn time_or_now(t: Option<Timestamp>) -> Result<Timestamp> {
    match t {
        Some(t) => Ok(t),
        None => now(),
    }
}
