//! Base64 (RFC 4648, padded) of the policy document, with the `base64` crate: what this file adds
//! is S3's leniency for line-wrapped text and error messages that say what is wrong.

use crate::Error;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use base64::engine::general_purpose::STANDARD;
use base64::{DecodeError, Engine as _};

/// Standard base64 (RFC 4648 §4, with `=` padding), as S3 wants the `policy` field.
pub(crate) fn base64_encode(data: &[u8]) -> String {
    STANDARD.encode(data)
}

/// Decodes standard base64 with `=` padding. ASCII whitespace (space, tab, CR, LF) is skipped,
/// since some encoders wrap lines; anything else outside the alphabet, bad padding, a length
/// that is not a multiple of four, or non-zero bits after the last byte is refused.
///
/// # Errors
/// [`Error::InvalidPolicy`], saying what is wrong.
pub(crate) fn base64_decode(text: &str) -> Result<Vec<u8>, Error> {
    let fail = |what: &str| Error::InvalidPolicy {
        reason: format!("the policy is not valid base64: {what}"),
    };
    let is_space = |c: &u8| matches!(c, b' ' | b'\t' | b'\r' | b'\n');
    let packed: Option<Vec<u8>> = text
        .as_bytes()
        .iter()
        .any(is_space)
        .then(|| text.bytes().filter(|c| !is_space(c)).collect());
    let input = packed.as_deref().unwrap_or(text.as_bytes());
    if input.len() % 4 != 0 {
        return Err(fail(
            "its length is not a multiple of 4 (padding missing or text truncated)",
        ));
    }
    STANDARD.decode(input).map_err(|e| {
        fail(match e {
            DecodeError::InvalidByte(_, b'=') | DecodeError::InvalidPadding => {
                "misplaced '=' padding, or text after it"
            }
            DecodeError::InvalidByte(..) => "a character outside A-Z a-z 0-9 + / =",
            DecodeError::InvalidLength(_) => "its length is not a multiple of 4",
            DecodeError::InvalidLastSymbol(..) => "non-zero bits after the last byte",
        })
    })
}
