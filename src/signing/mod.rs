//! Signing keys, credential scopes, the string to sign and the signature.
//!
//! ```text
//! kDate    = HMAC("AWS4" + secret, YYYYMMDD)
//! kRegion  = HMAC(kDate, region)
//! kService = HMAC(kRegion, service)
//! kSigning = HMAC(kService, "aws4_request")
//! signature = hex(HMAC(kSigning, string_to_sign))
//! ```
//!
//! A [`ScopedKey`] holds what one day's signing shares for one region and service: the derived
//! key as a ready HMAC state (key blocks already absorbed), the scope text and the URL-encoded
//! `X-Amz-Credential` value.

mod digest;
mod key;
mod scope;
mod scoped_key;
mod string_to_sign;
#[cfg(test)]
mod tests;

pub(crate) use digest::{constant_time_eq, sha256, sha256_hex, EMPTY_SHA256, UNSIGNED_PAYLOAD};
pub(crate) use key::SigningKey;
pub(crate) use scope::{validate_region, validate_service};
pub(crate) use scoped_key::ScopedKey;
pub(crate) use scoped_key::StsState;
pub(crate) use string_to_sign::{string_to_sign, string_to_sign_for, ALGORITHM};
