//! [`ChunkedUpload`]: the shape of an aws-chunked body, its headers, and the seed signature.

use super::{
    chunk_error, hex_len, Checksum, ChunkSigner, Streaming, MIN_CHUNK_SIZE, SIG_EXT, TRAILER_SIG,
};
use crate::sigv4::{self, Payload, Request, Signed, SigningParams};
use crate::Error;
use alloc::string::String;
use alloc::vec::Vec;

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
