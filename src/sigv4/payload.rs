//! What the signature says about the body: a hash, `UNSIGNED-PAYLOAD` or a streaming literal.

use crate::signing::{self, EMPTY_SHA256, UNSIGNED_PAYLOAD};
use crate::Error;
use alloc::borrow::Cow;
use alloc::string::String;

/// The payload-hash literals AWS services accept besides a hex SHA-256.
pub const PAYLOAD_LITERALS: [&str; 6] = [
    "UNSIGNED-PAYLOAD",
    "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
    "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
    "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
    "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD",
    "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER",
];

/// What the payload hash line of the canonical request says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Payload<'a> {
    /// No body: SHA-256 of the empty string.
    Empty,
    /// `UNSIGNED-PAYLOAD`: what S3 presigned URLs use, since the body is not known yet.
    Unsigned,
    /// A precomputed hash: 64 lower-case hex digits, or one of [`PAYLOAD_LITERALS`]
    /// (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD`, ...).
    Hash(&'a str),
    /// The body itself, hashed here.
    Bytes(&'a [u8]),
}

impl Payload<'_> {
    pub(crate) fn hash(&self) -> Result<Cow<'static, str>, Error> {
        Ok(match self {
            Payload::Empty => Cow::Borrowed(EMPTY_SHA256),
            Payload::Unsigned => Cow::Borrowed(UNSIGNED_PAYLOAD),
            Payload::Hash(h) => {
                let hex = h.len() == 64
                    && h.bytes()
                        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
                let literal = PAYLOAD_LITERALS.contains(h);
                if !(hex || literal) {
                    return Err(Error::InvalidPayloadHash);
                }
                Cow::Owned(String::from(*h))
            }
            Payload::Bytes(b) => Cow::Owned(signing::sha256_hex(b)),
        })
    }
}
