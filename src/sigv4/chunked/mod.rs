//! aws-chunked streaming uploads: a body sent in chunks, each signed after the one before it,
//! so an upload can start before its whole body is hashed (S3 `PutObject` and `UploadPart`).
//!
//! The request itself is signed with an `Authorization` header whose payload hash is one of the
//! `STREAMING-*` literals (the *seed* signature); then every chunk goes out framed as
//! `hex(size);chunk-signature=SIG\r\nDATA\r\n`, where `SIG` signs the chunk's SHA-256 chained to the
//! previous signature:
//!
//! ```text
//! AWS4-HMAC-SHA256-PAYLOAD \n X-Amz-Date \n scope \n previous signature \n SHA-256("") \n SHA-256(chunk)
//! ```
//!
//! The body ends with a zero-size chunk; the `-TRAILER` forms then send a trailing header (a
//! checksum such as `x-amz-checksum-crc32`) and, when signed, its signature
//! (`AWS4-HMAC-SHA256-TRAILER \n X-Amz-Date \n scope \n previous signature \n SHA-256("name:value\n")`).
//!
//! Sans-IO: [`ChunkedUpload`] says which headers to send (the encoded `Content-Length` among them)
//! and signs the request; the [`ChunkSigner`] it returns takes one chunk at a time and returns
//! the bytes that frame it. The caller owns the body and the connection.
//!
//! ```
//! use presign::sigv4::chunked::ChunkedUpload;
//! use presign::sigv4::{Request, SigningParams};
//! use presign::{Credentials, Timestamp};
//!
//! let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
//! let time = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z")?;
//! let body = vec![b'a'; 66560];
//! let upload = ChunkedUpload::signed(body.len() as u64, 65536)?;
//! assert_eq!(upload.content_length(), 66824);
//!
//! let request = Request::new("PUT", "s3.amazonaws.com", "/examplebucket/chunkObject.txt")
//!     .header("x-amz-storage-class", "REDUCED_REDUNDANCY");
//! let params = SigningParams::new(&creds, "us-east-1", "s3", time);
//! let (signed, mut chunks) = upload.sign(&request, &params)?;
//! assert!(signed.signature.starts_with("4f232c43"));
//!
//! let mut wire = Vec::new(); // what goes on the connection after the headers
//! for chunk in body.chunks(65536) {
//!     wire.extend_from_slice(chunks.chunk(chunk)?.as_bytes());
//!     wire.extend_from_slice(chunk);
//!     wire.extend_from_slice(b"\r\n");
//! }
//! wire.extend_from_slice(chunks.finish()?.as_bytes());
//! assert_eq!(wire.len() as u64, upload.content_length());
//! assert!(wire.ends_with(b"0;chunk-signature=b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9\r\n\r\n"));
//! # Ok::<(), presign::Error>(())
//! ```

mod header;
mod signer;
mod streaming;
mod upload;

pub use header::ChunkHeader;
pub use signer::ChunkSigner;
pub use streaming::{Checksum, Streaming};
pub use upload::ChunkedUpload;

use crate::Error;

/// The smallest chunk S3 accepts, but for the last one: 8 KiB.
pub const MIN_CHUNK_SIZE: u64 = 8192;

/// The chunk size the AWS SDKs use: 64 KiB.
pub const DEFAULT_CHUNK_SIZE: u64 = 65536;

/// `;chunk-signature=`
const SIG_EXT: &str = ";chunk-signature=";
/// `x-amz-trailer-signature:`
const TRAILER_SIG: &str = "x-amz-trailer-signature:";

fn chunk_error(reason: &'static str) -> Error {
    Error::InvalidChunk { reason }
}

/// The number of hex digits of `n` (at least one).
fn hex_len(n: u64) -> u64 {
    u64::from((64 - n.leading_zeros()).div_ceil(4).max(1))
}

#[cfg(test)]
mod tests;
