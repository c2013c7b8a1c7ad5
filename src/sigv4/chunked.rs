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

use crate::encoding;
use crate::signing::{ScopedKey, EMPTY_SHA256};
use crate::sigv4::{self, Payload, Request, Signed, SigningParams};
use crate::{Error, Timestamp};
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// The smallest chunk S3 accepts, but for the last one: 8 KiB.
pub const MIN_CHUNK_SIZE: u64 = 8192;

/// The chunk size the AWS SDKs use: 64 KiB.
pub const DEFAULT_CHUNK_SIZE: u64 = 65536;

/// `;chunk-signature=`
const SIG_EXT: &str = ";chunk-signature=";
/// `x-amz-trailer-signature:`
const TRAILER_SIG: &str = "x-amz-trailer-signature:";

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

    fn signed(self) -> bool {
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
    fn validate(self, value: &str) -> Result<(), Error> {
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

fn chunk_error(reason: &'static str) -> Error {
    Error::InvalidChunk { reason }
}

/// The number of hex digits of `n` (at least one).
fn hex_len(n: u64) -> u64 {
    u64::from((64 - n.leading_zeros()).div_ceil(4).max(1))
}

/// The shape of an aws-chunked body: how long it is decoded, how it is cut, how it is
/// authenticated. It gives the headers to send and signs the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkedUpload {
    streaming: Streaming,
    decoded_length: u64,
    chunk_size: u64,
    trailer: Option<Checksum>,
    sign_content_length: bool,
}

impl ChunkedUpload {
    /// `STREAMING-AWS4-HMAC-SHA256-PAYLOAD`: `decoded_length` bytes in chunks of `chunk_size`
    /// (the last one shorter).
    ///
    /// # Errors
    /// [`Error::InvalidChunk`] if `chunk_size` is under [`MIN_CHUNK_SIZE`].
    pub fn signed(decoded_length: u64, chunk_size: u64) -> Result<Self, Error> {
        Self::new(Streaming::Signed, decoded_length, chunk_size, None)
    }

    /// `STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER`, ending with a signed `checksum` trailer.
    ///
    /// # Errors
    /// As [`signed`](Self::signed).
    pub fn signed_with_trailer(
        decoded_length: u64,
        chunk_size: u64,
        checksum: Checksum,
    ) -> Result<Self, Error> {
        Self::new(
            Streaming::SignedWithTrailer,
            decoded_length,
            chunk_size,
            Some(checksum),
        )
    }

    /// `STREAMING-UNSIGNED-PAYLOAD-TRAILER`: unsigned chunks ending with a `checksum` trailer.
    ///
    /// # Errors
    /// As [`signed`](Self::signed).
    pub fn unsigned_with_trailer(
        decoded_length: u64,
        chunk_size: u64,
        checksum: Checksum,
    ) -> Result<Self, Error> {
        Self::new(
            Streaming::UnsignedWithTrailer,
            decoded_length,
            chunk_size,
            Some(checksum),
        )
    }

    fn new(
        streaming: Streaming,
        decoded_length: u64,
        chunk_size: u64,
        trailer: Option<Checksum>,
    ) -> Result<Self, Error> {
        if chunk_size < MIN_CHUNK_SIZE {
            return Err(chunk_error(
                "the chunk size must be at least 8192 bytes (S3 refuses smaller chunks but for the last one); 65536 is what the AWS SDKs use",
            ));
        }
        let upload = ChunkedUpload {
            streaming,
            decoded_length,
            chunk_size,
            trailer,
            sign_content_length: true,
        };
        upload
            .checked_content_length()
            .ok_or(chunk_error("the encoded length does not fit in 64 bits"))?;
        Ok(upload)
    }

    /// Whether `Content-Length` is signed (the default, as in AWS's first streaming example and
    /// the AWS SDKs). It must be sent either way; AWS's trailer example leaves it unsigned.
    pub fn sign_content_length(mut self, sign: bool) -> Self {
        self.sign_content_length = sign;
        self
    }

    /// How the chunks are authenticated.
    pub fn streaming(&self) -> Streaming {
        self.streaming
    }

    /// The body's length before encoding (`x-amz-decoded-content-length`).
    pub fn decoded_length(&self) -> u64 {
        self.decoded_length
    }

    /// The size of every chunk but the last.
    pub fn chunk_size(&self) -> u64 {
        self.chunk_size
    }

    /// The trailing checksum, for the `-TRAILER` forms.
    pub fn trailer(&self) -> Option<Checksum> {
        self.trailer
    }

    /// The `Content-Length` of the encoded body: chunks, framing, signatures and trailer.
    pub fn content_length(&self) -> u64 {
        // Checked when the upload was made.
        self.checked_content_length().unwrap_or(u64::MAX)
    }

    fn checked_content_length(&self) -> Option<u64> {
        let signed = self.streaming.signed();
        // `hex(n)[;chunk-signature=SIG]\r\n` + data + `\r\n`
        let frame = |n: u64| -> Option<u64> {
            let sig = if signed {
                (SIG_EXT.len() + 64) as u64
            } else {
                0
            };
            hex_len(n).checked_add(sig + 4)?.checked_add(n)
        };
        let full = self.decoded_length / self.chunk_size;
        let rest = self.decoded_length % self.chunk_size;
        let mut total = full.checked_mul(frame(self.chunk_size)?)?;
        if rest > 0 {
            total = total.checked_add(frame(rest)?)?;
        }
        // The zero-size chunk, without the data's `\r\n`.
        total = total.checked_add(frame(0)? - 2)?;
        let end = match self.trailer {
            None => 2,
            Some(c) => {
                let mut t = (c.header_name().len() + 1 + c.base64_len() + 2) as u64;
                if signed {
                    t += (TRAILER_SIG.len() + 64 + 2) as u64;
                }
                t + 2
            }
        };
        total.checked_add(end)
    }

    /// The headers aws-chunked needs besides the signer's own, as they are signed and must be
    /// sent: `content-encoding`, `content-length` (the encoded length),
    /// `x-amz-decoded-content-length`, and `x-amz-trailer` for the trailer forms. The signer
    /// adds `x-amz-content-sha256` with [`Streaming::content_sha256`].
    pub fn headers(&self) -> Vec<(&'static str, String)> {
        let mut digits = [0u8; 20];
        let mut out = Vec::with_capacity(4);
        out.push(("content-encoding", String::from("aws-chunked")));
        out.push((
            "content-length",
            String::from(sigv4::url::u64_digits(self.content_length(), &mut digits)),
        ));
        out.push((
            "x-amz-decoded-content-length",
            String::from(sigv4::url::u64_digits(self.decoded_length, &mut digits)),
        ));
        if let Some(c) = self.trailer {
            out.push(("x-amz-trailer", String::from(c.header_name())));
        }
        out
    }

    /// Signs `request` (its method, host, path, query and other headers) as this upload's seed:
    /// adds [`headers`](Self::headers) and a signed `x-amz-content-sha256`, and returns the
    /// signed request with the [`ChunkSigner`] for its body. The request's payload is ignored.
    ///
    /// # Errors
    /// The signer's errors ([`sigv4::sign`]); [`Error::ReservedHeader`] if the request already
    /// has one of the aws-chunked headers.
    pub fn sign(
        &self,
        request: &Request<'_>,
        params: &SigningParams<'_>,
    ) -> Result<(Signed, ChunkSigner), Error> {
        let extra = self.headers();
        for (name, _) in &request.headers {
            if extra.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
                return Err(Error::ReservedHeader {
                    name: name.to_ascii_lowercase(),
                });
            }
        }
        let mut req = request.clone();
        let (signed_extra, unsigned_extra): (Vec<_>, Vec<_>) = extra
            .iter()
            .partition(|(n, _)| self.sign_content_length || *n != "content-length");
        req.headers
            .extend(signed_extra.iter().map(|(n, v)| (*n, v.as_str())));
        req.payload = Payload::Hash(self.streaming.content_sha256());
        let mut params = params.clone();
        params.content_sha256_header = true;
        let mut signed = sigv4::sign(&req, &params)?;
        // Sent, not signed: before `authorization`, which stays last.
        let at = signed.headers.len().saturating_sub(1);
        for (n, v) in unsigned_extra {
            signed.headers.insert(at, (String::from(*n), v.clone()));
        }
        let chunks = ChunkSigner::new(self, &params, &signed.signature)?;
        Ok((signed, chunks))
    }
}

/// Frames and signs the chunks of one aws-chunked body, in order, one at a time.
///
/// Every chunk but the last must be [`ChunkedUpload::chunk_size`] bytes and together they must
/// make [`ChunkedUpload::decoded_length`]: otherwise the `Content-Length` sent would be wrong,
/// and the signer refuses the chunk. For [`Streaming::UnsignedWithTrailer`] it only frames.
pub struct ChunkSigner {
    upload: ChunkedUpload,
    /// `None` for unsigned chunks.
    key: Option<ScopedKey>,
    amz_date: crate::time::AmzDate,
    /// The previous signature, hex.
    previous: [u8; 64],
    /// Decoded bytes still to come.
    remaining: u64,
    finished: bool,
}

impl ChunkSigner {
    /// A signer for the body of `upload`, whose request was signed with `params` (credentials,
    /// region, service and time) and got `seed_signature` (hex): for a seed signed elsewhere.
    /// [`ChunkedUpload::sign`] signs the seed and makes one for you.
    ///
    /// # Errors
    /// [`Error::InvalidChunk`] if the seed signature is not 64 lower-case hex digits; region and
    /// service errors.
    pub fn new(
        upload: &ChunkedUpload,
        params: &SigningParams<'_>,
        seed_signature: &str,
    ) -> Result<Self, Error> {
        let key = params.scoped_key()?;
        Self::with_key(upload, key, params.time, seed_signature)
    }

    fn with_key(
        upload: &ChunkedUpload,
        key: ScopedKey,
        time: Timestamp,
        seed_signature: &str,
    ) -> Result<Self, Error> {
        let hex_ok = seed_signature.len() == 64
            && seed_signature
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !hex_ok {
            return Err(chunk_error(
                "the seed signature must be the request's SigV4 signature: 64 lower-case hex digits",
            ));
        }
        if !key.covers(time) {
            return Err(chunk_error(
                "the signing key's date is not the request's: sign the chunks with the key of the seed's X-Amz-Date",
            ));
        }
        let mut previous = [0u8; 64];
        previous.copy_from_slice(seed_signature.as_bytes());
        Ok(ChunkSigner {
            upload: *upload,
            key: upload.streaming.signed().then_some(key),
            amz_date: time.amz_date(),
            previous,
            remaining: upload.decoded_length,
            finished: false,
        })
    }

    /// The signature the next chunk chains to (the seed's, then each chunk's), hex.
    pub fn previous_signature(&self) -> &str {
        encoding::hex_str(&self.previous)
    }

    /// Decoded bytes not yet passed to [`chunk`](Self::chunk).
    pub fn remaining(&self) -> u64 {
        self.remaining
    }

    /// The header line that goes before `data` on the wire (then `data`, then `\r\n`).
    ///
    /// # Errors
    /// [`Error::InvalidChunk`] if `data` is empty (the end is [`finish`](Self::finish)), not
    /// the expected size, or the body is already finished.
    pub fn chunk(&mut self, data: &[u8]) -> Result<ChunkHeader, Error> {
        let len = data.len() as u64;
        self.check_len(len)?;
        let hash = crate::signing::sha256(data);
        Ok(self.header_for(len, &hash))
    }

    /// [`chunk`](Self::chunk) for a chunk of `len` bytes whose SHA-256 the caller computed
    /// (e.g. while reading it).
    ///
    /// # Errors
    /// As [`chunk`](Self::chunk).
    pub fn chunk_from_sha256(&mut self, len: u64, sha256: &[u8; 32]) -> Result<ChunkHeader, Error> {
        self.check_len(len)?;
        Ok(self.header_for(len, sha256))
    }

    fn check_len(&mut self, len: u64) -> Result<(), Error> {
        if self.finished {
            return Err(chunk_error(
                "the body is finished: no chunk may follow the final one",
            ));
        }
        if len == 0 {
            return Err(chunk_error(
                "an empty chunk ends the body: call finish instead",
            ));
        }
        let expected = self.remaining.min(self.upload.chunk_size);
        if len != expected {
            return Err(chunk_error(
                "every chunk but the last must be chunk_size bytes, and they must add up to the decoded length (the Content-Length sent counts them so)",
            ));
        }
        self.remaining -= len;
        Ok(())
    }

    fn header_for(&mut self, len: u64, hash: &[u8; 32]) -> ChunkHeader {
        let mut h = ChunkHeader::default();
        h.push_hex(len);
        self.push_signature(&mut h, hash);
        h.push(b"\r\n");
        h
    }

    /// Appends `;chunk-signature=SIG` for a chunk hashing to `hash`, when chunks are signed.
    fn push_signature(&mut self, h: &mut ChunkHeader, hash: &[u8; 32]) {
        if let Some(key) = &self.key {
            let sig = chain_signature(
                key,
                "AWS4-HMAC-SHA256-PAYLOAD",
                &self.amz_date,
                &self.previous,
                Some(EMPTY_SHA256),
                hash,
            );
            self.previous = sig;
            h.push(SIG_EXT.as_bytes());
            h.push(&sig);
        }
    }

    /// The end of the body for [`Streaming::Signed`]: the zero-size chunk,
    /// `0;chunk-signature=SIG\r\n\r\n`.
    ///
    /// # Errors
    /// [`Error::InvalidChunk`] if chunks are missing, the body is already finished, or the upload
    /// has a trailer (use [`finish_with_trailer`](Self::finish_with_trailer)).
    pub fn finish(&mut self) -> Result<ChunkHeader, Error> {
        if self.upload.trailer.is_some() {
            return Err(chunk_error(
                "this upload announced a trailer: end it with finish_with_trailer and the checksum",
            ));
        }
        let mut h = self.final_chunk()?;
        h.push(b"\r\n");
        Ok(h)
    }

    fn final_chunk(&mut self) -> Result<ChunkHeader, Error> {
        if self.finished {
            return Err(chunk_error("the body is already finished"));
        }
        if self.remaining != 0 {
            return Err(chunk_error(
                "bytes of the decoded length are still missing: send every chunk before the final one",
            ));
        }
        self.finished = true;
        let mut h = ChunkHeader::default();
        h.push(b"0");
        self.push_signature(&mut h, &crate::signing::sha256(b""));
        h.push(b"\r\n");
        Ok(h)
    }

    /// The end of the body for the trailer forms: the zero-size chunk, the trailing checksum
    /// (`value`: base64, as S3 expects it), its signature when chunks are signed, and the
    /// closing blank line.
    ///
    /// # Errors
    /// As [`finish`](Self::finish); also if the upload has no trailer or `value` is not base64
    /// of the checksum's size.
    pub fn finish_with_trailer(&mut self, value: &str) -> Result<String, Error> {
        let Some(checksum) = self.upload.trailer else {
            return Err(chunk_error(
                "this upload has no trailer: end it with finish",
            ));
        };
        checksum.validate(value)?;
        let head = self.final_chunk()?;
        let mut out = String::with_capacity(head.len + 200);
        out.push_str(head.as_str());
        out.push_str(checksum.header_name());
        out.push(':');
        out.push_str(value);
        out.push_str("\r\n");
        if let Some(key) = &self.key {
            let mut canonical = String::with_capacity(64);
            canonical.push_str(checksum.header_name());
            canonical.push(':');
            canonical.push_str(value);
            canonical.push('\n');
            let sig = chain_signature(
                key,
                "AWS4-HMAC-SHA256-TRAILER",
                &self.amz_date,
                &self.previous,
                None,
                &crate::signing::sha256(canonical.as_bytes()),
            );
            self.previous = sig;
            out.push_str(TRAILER_SIG);
            out.push_str(encoding::hex_str(&sig));
            out.push_str("\r\n");
        }
        out.push_str("\r\n");
        Ok(out)
    }
}

impl fmt::Debug for ChunkSigner {
    // The key stays hidden; signatures are public once sent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChunkSigner")
            .field("upload", &self.upload)
            .field("previous", &self.previous_signature())
            .field("remaining", &self.remaining)
            .field("finished", &self.finished)
            .finish()
    }
}

/// HMAC of `algorithm \n date \n scope \n previous \n [middle \n] hex(hash)`, hex.
fn chain_signature(
    key: &ScopedKey,
    algorithm: &str,
    amz_date: &crate::time::AmzDate,
    previous: &[u8; 64],
    middle: Option<&str>,
    hash: &[u8; 32],
) -> [u8; 64] {
    let mut sts = String::with_capacity(40 + 17 + key.scope().len() + 3 * 65);
    sts.push_str(algorithm);
    sts.push('\n');
    sts.push_str(amz_date.as_str());
    sts.push('\n');
    sts.push_str(key.scope());
    sts.push('\n');
    sts.push_str(encoding::hex_str(previous));
    sts.push('\n');
    if let Some(m) = middle {
        sts.push_str(m);
        sts.push('\n');
    }
    sts.push_str(encoding::hex_str(&encoding::hex32(hash)));
    encoding::hex32(&key.sign(sts.as_bytes()))
}

/// The bytes that frame one chunk (`hex(size);chunk-signature=SIG\r\n`), on the stack.
#[derive(Clone, Copy)]
pub struct ChunkHeader {
    buf: [u8; 104],
    len: usize,
}

impl Default for ChunkHeader {
    fn default() -> Self {
        ChunkHeader {
            buf: [0; 104],
            len: 0,
        }
    }
}

impl ChunkHeader {
    fn push(&mut self, bytes: &[u8]) {
        self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    fn push_hex(&mut self, n: u64) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let digits = hex_len(n) as usize;
        for i in (0..digits).rev() {
            self.buf[self.len] = HEX[((n >> (4 * i)) & 15) as usize];
            self.len += 1;
        }
    }

    /// The bytes to write.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// The same, as text (it is ASCII).
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// The chunk's signature (hex), when chunks are signed.
    pub fn signature(&self) -> Option<&str> {
        let s = self.as_str();
        let i = s.find(SIG_EXT)? + SIG_EXT.len();
        s.get(i..i + 64)
    }
}

impl fmt::Debug for ChunkHeader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ChunkHeader({:?})", self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Credentials;

    fn example_signer(upload: &ChunkedUpload, seed: &str) -> ChunkSigner {
        let creds = Credentials::new(
            "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        )
        .unwrap();
        let t = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z").unwrap();
        let key = ScopedKey::new(&creds, t, "us-east-1", "s3").unwrap();
        ChunkSigner::with_key(upload, key, t, seed).unwrap()
    }

    #[test]
    fn encoded_lengths() {
        // s3-vectors.md §4: 66560 bytes in 64 KiB chunks are sent as 66824.
        assert_eq!(
            ChunkedUpload::signed(66560, 65536)
                .unwrap()
                .content_length(),
            66824
        );
        // The zero-size chunk alone: `0;chunk-signature=<64>\r\n\r\n`.
        assert_eq!(
            ChunkedUpload::signed(0, 65536).unwrap().content_length(),
            86
        );
        // Unsigned: `2000\r\n<8192>\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n`.
        let u = ChunkedUpload::unsigned_with_trailer(8192, 8192, Checksum::Crc32).unwrap();
        assert_eq!(
            u.content_length(),
            4 + 2 + 8192 + 2 + 3 + 20 + 1 + 8 + 2 + 2
        );
        assert!(ChunkedUpload::signed(1, 8191).is_err());
        assert!(ChunkedUpload::signed(u64::MAX, 8192).is_err());
        assert_eq!(
            (hex_len(0), hex_len(15), hex_len(16), hex_len(u64::MAX)),
            (1, 1, 2, 16)
        );
    }

    #[test]
    fn chunk_sizes_are_enforced() {
        let upload = ChunkedUpload::signed(10000, 8192).unwrap();
        let mut s = example_signer(&upload, &"0".repeat(64));
        assert!(s.finish().is_err(), "chunks missing");
        let mut s = example_signer(&upload, &"0".repeat(64));
        assert!(s.chunk(&[0; 100]).is_err(), "short first chunk");
        assert!(s.chunk(&[]).is_err());
        s.chunk(&[0; 8192]).unwrap();
        assert!(s.chunk(&[0; 8192]).is_err(), "longer than what is left");
        s.chunk(&[0; 1808]).unwrap();
        assert_eq!(s.remaining(), 0);
        assert!(
            s.finish_with_trailer("AAAAAA==").is_err(),
            "no trailer announced"
        );
        s.finish().unwrap();
        assert!(s.finish().is_err());
        assert!(s.chunk(&[0; 1]).is_err());
    }

    #[test]
    fn seed_signature_shape() {
        let upload = ChunkedUpload::signed(0, 8192).unwrap();
        let creds = Credentials::new("AKID", "secret").unwrap();
        let t = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z").unwrap();
        let key = ScopedKey::new(&creds, t, "us-east-1", "s3").unwrap();
        for bad in ["", "ABCDEF", &"A".repeat(64), &"0".repeat(63)] {
            assert!(ChunkSigner::with_key(&upload, key.clone(), t, bad).is_err());
        }
        let next_day = t.add_seconds(86_400).unwrap();
        assert!(ChunkSigner::with_key(&upload, key, next_day, &"0".repeat(64)).is_err());
    }

    #[test]
    fn trailer_example_from_the_s3_documentation() {
        // AWS S3 "sigv4-streaming-trailers" example (also s3s's aws_chunked_stream test): seed
        // 106e2a8a..., 65536 + 1024 bytes of 'a', a crc32c trailer.
        let upload = ChunkedUpload::signed_with_trailer(66560, 65536, Checksum::Crc32c).unwrap();
        let mut s = example_signer(
            &upload,
            "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e",
        );
        let c1 = s.chunk(&[b'a'; 65536]).unwrap();
        assert_eq!(
            c1.as_str(),
            "10000;chunk-signature=b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2\r\n"
        );
        let c2 = s.chunk(&[b'a'; 1024]).unwrap();
        assert_eq!(
            c2.signature(),
            Some("1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7")
        );
        let end = s.finish_with_trailer("sOO8/Q==").unwrap();
        assert_eq!(
            end,
            "0;chunk-signature=2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992\r\n\
             x-amz-checksum-crc32c:sOO8/Q==\r\n\
             x-amz-trailer-signature:d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435\r\n\r\n"
        );
        assert!(s.finish_with_trailer("sOO8/Q==").is_err());
    }

    #[test]
    fn trailer_values_are_checked() {
        let upload = ChunkedUpload::signed_with_trailer(0, 8192, Checksum::Sha256).unwrap();
        let mut s = example_signer(&upload, &"0".repeat(64));
        assert!(s.finish().is_err(), "a trailer was announced");
        assert!(
            s.finish_with_trailer("sOO8/Q==").is_err(),
            "sha256 is 44 characters"
        );
        assert!(s.finish_with_trailer(&"*".repeat(44)).is_err());
        let value = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
        let end = s.finish_with_trailer(value).unwrap();
        assert_eq!(end.len() as u64, upload.content_length());
        assert!(end.contains(
            "\r\nx-amz-checksum-sha256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\r\n"
        ));
    }

    #[test]
    fn the_aws_chunked_headers_are_the_signers() {
        let creds = Credentials::new("AKID", "secret").unwrap();
        let t = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z").unwrap();
        let params = SigningParams::new(&creds, "us-east-1", "s3", t);
        let upload = ChunkedUpload::signed_with_trailer(10, 8192, Checksum::Crc32).unwrap();
        for name in [
            "Content-Encoding",
            "content-length",
            "x-amz-decoded-content-length",
            "X-Amz-Trailer",
            "x-amz-content-sha256",
        ] {
            let req = Request::new("PUT", "s3.amazonaws.com", "/b/k").header(name, "1");
            assert!(
                matches!(
                    upload.sign(&req, &params),
                    Err(Error::ReservedHeader { .. })
                ),
                "{name}"
            );
        }
        let (signed, _) = upload
            .sign(&Request::new("PUT", "s3.amazonaws.com", "/b/k"), &params)
            .unwrap();
        let names: Vec<&str> = signed.headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "content-encoding",
                "content-length",
                "x-amz-decoded-content-length",
                "x-amz-trailer",
                "x-amz-date",
                "x-amz-content-sha256",
                "authorization"
            ]
        );
    }
}
