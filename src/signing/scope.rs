//! The credential scope's names: region and service rules.

use crate::Error;

/// `[a-z0-9-]+`, at most 63 bytes: what a credential-scope region or service may be.
fn is_scope_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks a region code: `[a-z0-9-]+`, at most 63 bytes.
pub fn validate_region(region: &str) -> Result<(), Error> {
    if is_scope_name(region) {
        Ok(())
    } else {
        Err(Error::InvalidRegion {
            region: region.into(),
        })
    }
}

/// Checks a service signing name: `[a-z0-9-]+`, at most 63 bytes.
pub fn validate_service(service: &str) -> Result<(), Error> {
    if is_scope_name(service) {
        Ok(())
    } else {
        Err(Error::InvalidService {
            service: service.into(),
        })
    }
}
