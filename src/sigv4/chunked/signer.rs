//! [`ChunkSigner`]: each chunk's signature chained to the one before, and the trailer's.

use super::{chunk_error, ChunkHeader, ChunkedUpload, SIG_EXT, TRAILER_SIG};
use crate::encoding;
use crate::signing::{ScopedKey, EMPTY_SHA256};
use crate::sigv4::SigningParams;
use crate::{Error, Timestamp};
use alloc::string::String;
use core::fmt;

/// Frames and signs the chunks of one aws-chunked body, in order, one at a time.
///
/// Every chunk but the last must be [`ChunkedUpload::chunk_size`] bytes and together they must
/// make [`ChunkedUpload::decoded_length`]: otherwise the `Content-Length` sent would be wrong,
/// and the signer refuses the chunk. For [`Streaming::UnsignedWithTrailer`](super::Streaming::UnsignedWithTrailer) it only frames.
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

    pub(super) fn with_key(
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
            key: upload.streaming().signed().then_some(key),
            amz_date: time.amz_date(),
            previous,
            remaining: upload.decoded_length(),
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
        let expected = self.remaining.min(self.upload.chunk_size());
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

    /// The end of the body for [`Streaming::Signed`](super::Streaming::Signed): the zero-size chunk,
    /// `0;chunk-signature=SIG\r\n\r\n`.
    ///
    /// # Errors
    /// [`Error::InvalidChunk`] if chunks are missing, the body is already finished, or the upload
    /// has a trailer (use [`finish_with_trailer`](Self::finish_with_trailer)).
    pub fn finish(&mut self) -> Result<ChunkHeader, Error> {
        if self.upload.trailer().is_some() {
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
        let Some(checksum) = self.upload.trailer() else {
            return Err(chunk_error(
                "this upload has no trailer: end it with finish",
            ));
        };
        checksum.validate(value)?;
        let head = self.final_chunk()?;
        let mut out = String::with_capacity(head.as_bytes().len() + 200);
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
