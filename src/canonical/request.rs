//! The canonical request itself, written to a hasher (and optionally a copy) as it is produced.

use super::headers::Headers;
use super::query::QueryWriter;
use alloc::string::String;
use sha2::{Digest, Sha256};

/// Something the canonical request is written to: a buffer hashed in one call afterwards, or a
/// hasher that also keeps a copy.
pub(crate) trait Sink {
    fn put(&mut self, bytes: &str);
}

/// Writes the text, to hash it in one call afterwards: cheaper than feeding a hasher many short
/// slices.
impl Sink for String {
    #[inline]
    fn put(&mut self, bytes: &str) {
        self.push_str(bytes);
    }
}

/// Hashes and keeps the text, for callers who want to see the canonical request.
pub(crate) struct Tee<'a> {
    pub hasher: Sha256,
    pub text: &'a mut String,
}

impl Sink for Tee<'_> {
    fn put(&mut self, bytes: &str) {
        self.hasher.update(bytes.as_bytes());
        self.text.push_str(bytes);
    }
}

/// The signed headers of a canonical request.
#[derive(Clone, Copy)]
pub(crate) enum SignedHeaders<'a> {
    /// `host` alone, with this value (lower case, canonical): most presigned GETs.
    Host(&'a str),
    /// Any set, sorted ([`Headers::sort`]).
    Sorted(&'a Headers),
}

/// The whole canonical request, written to `sink` in order.
#[allow(clippy::too_many_arguments)]
#[inline]
pub(crate) fn write_canonical_request<S: Sink>(
    sink: &mut S,
    method: &str,
    canonical_uri: &str,
    url: &str,
    query: &mut QueryWriter,
    headers: SignedHeaders<'_>,
    signed_headers: &str,
    payload_hash: &str,
) {
    sink.put(method);
    sink.put("\n");
    sink.put(canonical_uri);
    sink.put("\n");
    query.write_canonical(url, sink);
    match headers {
        SignedHeaders::Host(host) => {
            sink.put("\nhost:");
            sink.put(host);
            sink.put("\n\nhost\n");
        }
        SignedHeaders::Sorted(headers) => {
            sink.put("\n");
            headers.write_canonical(sink);
            sink.put("\n");
            sink.put(signed_headers);
            sink.put("\n");
        }
    }
    sink.put(payload_hash);
}
