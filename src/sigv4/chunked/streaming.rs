//! What authenticates the chunks ([`Streaming`]) and what a trailer carries ([`Checksum`]).

use super::chunk_error;
use crate::Error;

/// How the chunks are authenticated: the three `x-amz-content-sha256` values of aws-chunked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Streaming {
    /// `STREAMING-AWS4-HMAC-SHA256-PAYLOAD`: every chunk signed.
    Signed,
    /// `STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER`: every chunk signed, then a signed trailer.
    SignedWithTrailer,
    /// `STREAMING-UNSIGNED-PAYLOAD-TRAILER`: chunks only framed, then a trailer with a checksum
    /// (only the request headers are signed; the checksum protects the body).
    UnsignedWithTrailer,
}

impl Streaming {
    /// The `x-amz-content-sha256` value (and the payload line of the seed's canonical request).
    pub fn content_sha256(self) -> &'static str {
        match self {
            Streaming::Signed => "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
            Streaming::SignedWithTrailer => "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
            Streaming::UnsignedWithTrailer => "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
        }
    }

    pub(super) fn signed(self) -> bool {
        !matches!(self, Streaming::UnsignedWithTrailer)
    }
}

/// The checksum a trailer carries: S3's `x-amz-checksum-*` headers, base64 values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Checksum {
    /// `x-amz-checksum-crc32` (4 bytes).
    Crc32,
    /// `x-amz-checksum-crc32c` (4 bytes).
    Crc32c,
    /// `x-amz-checksum-crc64nvme` (8 bytes).
    Crc64Nvme,
    /// `x-amz-checksum-sha1` (20 bytes).
    Sha1,
    /// `x-amz-checksum-sha256` (32 bytes).
    Sha256,
}

impl Checksum {
    /// The trailing header's name, which `x-amz-trailer` announces.
    pub fn header_name(self) -> &'static str {
        match self {
            Checksum::Crc32 => "x-amz-checksum-crc32",
            Checksum::Crc32c => "x-amz-checksum-crc32c",
            Checksum::Crc64Nvme => "x-amz-checksum-crc64nvme",
            Checksum::Sha1 => "x-amz-checksum-sha1",
            Checksum::Sha256 => "x-amz-checksum-sha256",
        }
    }

    /// The length of the base64 (padded) value: what the encoded length counts.
    pub fn base64_len(self) -> usize {
        let raw: usize = match self {
            Checksum::Crc32 | Checksum::Crc32c => 4,
            Checksum::Crc64Nvme => 8,
            Checksum::Sha1 => 20,
            Checksum::Sha256 => 32,
        };
        raw.div_ceil(3) * 4
    }

    /// Checks that `value` is padded base64 of this checksum's size.
    pub(super) fn validate(self, value: &str) -> Result<(), Error> {
        let ok = value.len() == self.base64_len()
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=');
        if ok {
            Ok(())
        } else {
            Err(chunk_error(
                "the trailing checksum must be the padded base64 of the checksum's bytes (crc32: 8 characters, crc32c: 8, crc64nvme: 12, sha1: 28, sha256: 44)",
            ))
        }
    }
}
