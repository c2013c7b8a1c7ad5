//! Object key rules.

use crate::Error;

/// The longest object key S3 accepts, in bytes of UTF-8.
pub const MAX_KEY_LEN: usize = 1024;

/// Checks an object key: 1 to 1024 bytes of UTF-8. Nothing else is refused; nothing is
/// normalized (`..`, `//`, a leading `/`, trailing dots and spaces all stay).
///
/// # Errors
/// [`Error::InvalidObjectKey`].
pub fn validate_key(key: &str) -> Result<(), Error> {
    if key.is_empty() {
        return Err(Error::InvalidObjectKey {
            reason: "the key is empty; use a bucket-level request for the bucket itself",
            len: 0,
        });
    }
    if key.len() > MAX_KEY_LEN {
        return Err(Error::InvalidObjectKey {
            reason: "S3 keys are at most 1024 bytes of UTF-8",
            len: key.len(),
        });
    }
    Ok(())
}
