//! The canonical request rebuilt from what was received, written into a reused buffer and hashed
//! in one call (cheaper than feeding the hasher many short slices), so a mismatch can show it.
//!
//! Query names and values, and the S3 path, are already canonical when a SigV4 signer wrote
//! them (every byte unreserved or `%XX` in upper-case hex): those are copied as they are;
//! anything else (`+`, lower-case hex, raw UTF-8, `%41` for `A`) is decoded and encoded again.

use super::auth::SIG;
use super::headers::{canonical_header_value, Matched, SignedNames};
use super::query::{canonical_escape, Piece};
use crate::canonical::{self, UriPath};
use crate::encoding::{self, Component};
use alloc::string::String;
use alloc::vec::Vec;

/// Buffers reused from one verification to the next (a [`KeyCache`](super::KeyCache) keeps
/// them): nothing is allocated once they have grown to the size of the requests seen.
#[derive(Clone, Default)]
pub(super) struct Scratch {
    /// The canonical request.
    pub text: String,
    /// Query names and values that had to be encoded again.
    pub encoded: String,
    /// The raw query's pieces.
    pub pieces: Vec<Piece>,
    /// The canonical query's parameters: name and value, each in the raw query or in `encoded`.
    pub params: Vec<[Span; 2]>,
    /// Authentication parameters decoded from the query.
    pub decoded: String,
    /// The names of `SignedHeaders`, as offsets into it.
    pub signed: Vec<(u32, u32)>,
}

/// A name or value of the canonical query: a range of the raw query, or of [`Scratch::encoded`].
#[derive(Clone, Copy)]
pub(super) struct Span {
    start: u32,
    end: u32,
    encoded: bool,
}

impl Span {
    fn get<'s>(self, query: &'s str, encoded: &'s str) -> &'s str {
        let text = if self.encoded { encoded } else { query };
        text.get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }
}

/// Whether the raw S3 `path` is already as SigV4 encodes it: unreserved bytes and `/` as they
/// are, every other byte as `%XX` in upper-case hex (and not `%2F`: a canonical path has `/`
/// literal). Only a shortcut: a path that is not is encoded again, which gives the same bytes
/// for one that is.
pub(super) fn is_canonical_path(path: &str) -> bool {
    let b = path.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if encoding::is_unreserved(b[i]) || b[i] == b'/' {
            i += 1;
        } else if b[i] == b'%' && canonical_escape(b, i) && &b[i + 1..i + 3] != b"2F" {
            i += 3;
        } else {
            return false;
        }
    }
    true
}

/// `raw` decoded and encoded again (SigV4's rules for `component`), appended to `out`.
fn reencode(out: &mut String, raw: &str, component: Component) {
    encoding::encode_into(out, &encoding::decode(raw), component);
}

/// Appends the canonical query to `out`: every piece of the raw `query` but `X-Amz-Signature`
/// when `skip_signature`, names and values in canonical encoding, sorted by name then value,
/// joined by `&`.
pub(super) fn write_query(
    out: &mut String,
    query: &str,
    pieces: &[Piece],
    skip_signature: bool,
    params: &mut Vec<[Span; 2]>,
    encoded: &mut String,
) {
    params.clear();
    encoded.clear();
    let span = |raw: &str, canonical: bool, start: usize, encoded: &mut String| {
        if canonical {
            Span {
                start: start as u32,
                end: (start + raw.len()) as u32,
                encoded: false,
            }
        } else {
            let start = encoded.len();
            reencode(encoded, raw, Component::Query);
            Span {
                start: start as u32,
                end: encoded.len() as u32,
                encoded: true,
            }
        }
    };
    for piece in pieces {
        let name = piece.name(query);
        if skip_signature && super::auth::auth_param(name, piece.name_escaped()) == Some(SIG) {
            continue;
        }
        let n = span(name, piece.name_canonical(), piece.name_start(), encoded);
        let v = span(
            piece.value(query),
            piece.value_canonical(),
            piece.value_start(),
            encoded,
        );
        params.push([n, v]);
    }
    let text = |p: Span| p.get(query, encoded);
    params.sort_unstable_by(|a, b| {
        text(a[0])
            .cmp(text(b[0]))
            .then_with(|| text(a[1]).cmp(text(b[1])))
    });
    for (i, [n, v]) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(text(*n));
        out.push('=');
        out.push_str(text(*v));
    }
}

/// Appends the canonical URI of the raw `path` under `rules`.
pub(super) fn write_uri(out: &mut String, path: &str, rules: UriPath) {
    match rules {
        UriPath::S3 if is_canonical_path(path) => out.push_str(path),
        UriPath::S3 => reencode(out, path, Component::Path),
        UriPath::Normalized => out.push_str(&canonical::canonical_uri(path, rules)),
    }
}

/// Appends the canonical headers: each signed name, `:`, its values (the `host` value for
/// `host`) canonicalized and joined by `,`, and a newline.
pub(super) fn write_headers(
    out: &mut String,
    signed: &SignedNames<'_, '_>,
    matched: &Matched,
    headers: &[(&str, &str)],
    host: &str,
) {
    for (s, name) in signed.iter().enumerate() {
        out.push_str(name);
        out.push(':');
        if name == "host" {
            // Exactly one Host: the header if sent, otherwise the request's host.
            canonical_header_value(out, host);
        } else {
            for (i, v) in matched.values(headers, s).enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical_header_value(out, v);
            }
        }
        out.push('\n');
    }
}
