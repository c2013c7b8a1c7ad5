//! The string to sign: algorithm, timestamp, scope and the canonical request's hash.

use crate::encoding::{self};
use alloc::string::String;

/// The SigV4 algorithm name.
pub const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// The string to sign, as text (for debugging a `SignatureDoesNotMatch`).
pub fn string_to_sign(amz_date: &str, scope: &str, canonical_request_sha256: &[u8; 32]) -> String {
    string_to_sign_for(ALGORITHM, amz_date, scope, canonical_request_sha256)
}

/// [`string_to_sign`] for another algorithm (SigV4a's `AWS4-ECDSA-P256-SHA256`).
pub(crate) fn string_to_sign_for(
    algorithm: &str,
    amz_date: &str,
    scope: &str,
    canonical_request_sha256: &[u8; 32],
) -> String {
    let hex = encoding::hex32(canonical_request_sha256);
    let mut s = String::with_capacity(algorithm.len() + 17 + scope.len() + 1 + 64);
    s.push_str(algorithm);
    s.push('\n');
    s.push_str(amz_date);
    s.push('\n');
    s.push_str(scope);
    s.push('\n');
    s.push_str(encoding::hex_str(&hex));
    s
}
