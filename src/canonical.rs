//! The canonical request: method, canonical URI, canonical query, canonical headers, signed
//! headers and payload hash, joined by newlines and hashed as they are produced.
//!
//! The pieces are written once: query names and values are percent-encoded straight into the
//! URL being built, and the canonical request is hashed from slices of that URL in canonical
//! order, so the canonical request never exists in memory unless a caller asks to see it.

use crate::encoding::{self, Component};
use crate::Error;
use alloc::string::String;
use alloc::vec::Vec;
use core::cmp::Ordering;
use core::ops::Range;
use sha2::{Digest, Sha256};

/// How the canonical URI is made from a request path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UriPath {
    /// S3 and its relatives: the path is decoded and encoded once with SigV4's rules, and never
    /// normalized (`..`, `./`, `//` and trailing dots stay). The URL carries that same encoding.
    S3,
    /// Every other AWS service: dot segments and empty segments are removed, then the path as it
    /// is sent is encoded again (`%3D` becomes `%253D`: "double encoding").
    Normalized,
}

impl UriPath {
    /// [`UriPath::S3`] for the S3 signing names (`s3`, `s3-object-lambda`, `s3-outposts`,
    /// `s3express`), [`UriPath::Normalized`] for every other service.
    pub fn for_service(service: &str) -> UriPath {
        match service {
            "s3" | "s3-object-lambda" | "s3-outposts" | "s3express" => UriPath::S3,
            _ => UriPath::Normalized,
        }
    }
}

/// Something the canonical request is written to: a hasher, or a hasher that also keeps a copy.
pub(crate) trait Sink {
    fn put(&mut self, bytes: &str);
}

impl Sink for Sha256 {
    #[inline]
    fn put(&mut self, bytes: &str) {
        self.update(bytes.as_bytes());
    }
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

/// Checks a request path: it must start with `/` and hold no control bytes.
pub(crate) fn validate_path(path: &str) -> Result<(), Error> {
    if !path.starts_with('/') {
        return Err(Error::InvalidPath {
            reason: "the path must start with '/' (use \"/\" for the root)",
        });
    }
    if path.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Err(Error::InvalidPath {
            reason: "the path contains control bytes (CR, LF, NUL, ...): percent-encode them",
        });
    }
    Ok(())
}

/// Removes `.`/`..` segments and empty segments (RFC 3986 §5.2.4, plus `//` collapsing), keeping
/// a trailing slash when the path ended in one or in a dot segment.
pub fn normalize_path(path: &str) -> String {
    let mut segs: Vec<&str> = Vec::new();
    let mut trailing = false;
    for seg in path.split('/') {
        trailing = false;
        match seg {
            "" => trailing = true,
            "." => trailing = true,
            ".." => {
                segs.pop();
                trailing = true;
            }
            s => segs.push(s),
        }
    }
    let mut out = String::with_capacity(path.len());
    for s in &segs {
        out.push('/');
        out.push_str(s);
    }
    if out.is_empty() || trailing {
        out.push('/');
    }
    out
}

/// The canonical URI of `path` under `rules`.
///
/// ```
/// use presign::canonical::{canonical_uri, UriPath};
/// assert_eq!(canonical_uri("/a b/%2B/../c", UriPath::S3), "/a%20b/%2B/../c");
/// assert_eq!(canonical_uri("/test/@x/JBD%3D", UriPath::Normalized), "/test/%40x/JBD%253D");
/// assert_eq!(canonical_uri("//example//..", UriPath::Normalized), "/");
/// ```
pub fn canonical_uri(path: &str, rules: UriPath) -> String {
    let mut out = String::with_capacity(path.len() + 16);
    match rules {
        UriPath::S3 => encoding::encode_into(&mut out, &encoding::decode(path), Component::Path),
        UriPath::Normalized => {
            encoding::encode_into(&mut out, normalize_path(path).as_bytes(), Component::Path)
        }
    }
    out
}

/// Bytes that may stand in a URL path as they are (RFC 3986 pchar plus `/` and `%`).
fn url_path_safe(b: u8) -> bool {
    encoding::is_unreserved(b) || b"/%!$&'()*+,;=:@".contains(&b)
}

/// Writes `path` into a URL: under [`UriPath::S3`] exactly the canonical URI; otherwise the path
/// as given, with only the bytes a URL cannot carry (space, non-ASCII, `"<>\^`{|}#?`) encoded.
pub(crate) fn write_url_path(out: &mut String, path: &str, rules: UriPath) {
    match rules {
        UriPath::S3 => encoding::encode_into(out, &encoding::decode(path), Component::Path),
        UriPath::Normalized => {
            for &b in path.as_bytes() {
                if url_path_safe(b) {
                    out.push(b as char);
                } else {
                    out.push('%');
                    out.push(char::from(b"0123456789ABCDEF"[(b >> 4) as usize]));
                    out.push(char::from(b"0123456789ABCDEF"[(b & 15) as usize]));
                }
            }
        }
    }
}

/// One `name=value` pair of the URL's query, as offsets into the URL buffer.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Param {
    start: u32,
    eq: u32,
    end: u32,
}

impl Param {
    fn name<'a>(&self, url: &'a str) -> &'a str {
        &url[self.start as usize..self.eq as usize]
    }
    fn value<'a>(&self, url: &'a str) -> &'a str {
        &url[self.eq as usize + 1..self.end as usize]
    }
}

/// Query parameters being written into a URL, remembered for the canonical query.
#[derive(Debug, Default)]
pub(crate) struct QueryWriter {
    params: Vec<Param>,
    /// Whether `params` is known to be in canonical order already.
    sorted: bool,
}

impl QueryWriter {
    pub(crate) fn clear(&mut self) {
        self.params.clear();
        self.sorted = true;
    }

    /// How many parameters have been written.
    pub(crate) fn len(&self) -> usize {
        self.params.len()
    }

    /// Records `url[start..end]`, already written, as one parameter (`name=value` with the `=`
    /// at `eq`, or several `&`-joined pairs that sort as one block) that sorts after every
    /// parameter recorded before it: the canonical order stays known without sorting.
    pub(crate) fn record_in_order(&mut self, start: usize, eq: usize, end: usize) {
        debug_assert!(start < eq && eq < end);
        self.params.push(Param {
            start: start as u32,
            eq: eq as u32,
            end: end as u32,
        });
    }

    /// Records each `name=value` pair of `url[start..end]` (already written, `&`-separated) as
    /// a parameter of its own, to be sorted with the others.
    pub(crate) fn record_each(&mut self, url: &str, start: usize, end: usize) {
        let mut p = start;
        for piece in url[start..end].split('&') {
            let eq = piece.find('=').map_or(p + piece.len(), |i| p + i);
            self.params.push(Param {
                start: p as u32,
                eq: eq as u32,
                end: (p + piece.len()) as u32,
            });
            p += piece.len() + 1;
        }
        self.sorted = false;
    }

    /// Appends `name=value` (both percent-encoded from decoded text) to `url`, with the
    /// separator (`?` first, `&` after).
    pub(crate) fn push(&mut self, url: &mut String, name: &str, value: &str) {
        url.push(if self.params.is_empty() { '?' } else { '&' });
        let start = url.len() as u32;
        encoding::encode_str_into(url, name, Component::Query);
        let eq = url.len() as u32;
        url.push('=');
        encoding::encode_str_into(url, value, Component::Query);
        self.params.push(Param {
            start,
            eq,
            end: url.len() as u32,
        });
        self.sorted = false;
    }

    /// Sorts the parameters into canonical order (by encoded name, then encoded value) and
    /// writes the canonical query to `sink`.
    /// Parameters that follow each other in the URL as they do in canonical order are written
    /// as one slice of the URL.
    pub(crate) fn write_canonical<S: Sink>(&mut self, url: &str, sink: &mut S) {
        let p = &mut self.params;
        if !self.sorted {
            // Not insertion sort: 100 000 parameters in reverse order would take minutes.
            // Parameters that compare equal are the same text, so stability does not matter;
            // `sort_unstable_by` never allocates.
            p.sort_unstable_by(|a, b| cmp_params(url, a, b));
            self.sorted = true;
        }
        let Some(first) = p.first() else { return };
        let (mut start, mut end) = (first.start, first.end);
        for param in &p[1..] {
            // The URL has a single `&` between two adjacent parameters.
            if param.start == end + 1 {
                end = param.end;
            } else {
                sink.put(&url[start as usize..end as usize]);
                sink.put("&");
                (start, end) = (param.start, param.end);
            }
        }
        sink.put(&url[start as usize..end as usize]);
    }
}

fn cmp_params(url: &str, a: &Param, b: &Param) -> Ordering {
    a.name(url)
        .cmp(b.name(url))
        .then_with(|| a.value(url).cmp(b.value(url)))
}

/// Canonical headers: names lower-cased, values trimmed with runs of spaces and tabs collapsed,
/// sorted by name (values of a repeated name keep their order and are joined with `,`).
#[derive(Debug, Default, Clone)]
pub(crate) struct Headers {
    buf: String,
    entries: Vec<(Range<u32>, Range<u32>)>,
    sorted: bool,
}

/// Whether a header value is already canonical: no tab, no leading, trailing or doubled space.
fn is_canonical_value(v: &[u8]) -> bool {
    if matches!(v.first(), Some(b' ')) || matches!(v.last(), Some(b' ')) {
        return false;
    }
    let mut space = false;
    for &b in v {
        if b == b'\t' || (space && b == b' ') {
            return false;
        }
        space = b == b' ';
    }
    true
}

/// Checks a header name: a non-empty HTTP token (RFC 9110 `tchar`).
pub(crate) fn validate_header_name(name: &str) -> Result<(), Error> {
    let ok = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidHeaderName { name: name.into() })
    }
}

/// Checks a header value: no control bytes other than tab (no CR/LF header injection).
pub(crate) fn validate_header_value(name: &str, value: &str) -> Result<(), Error> {
    if value.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f) {
        return Err(Error::InvalidHeaderValue { name: name.into() });
    }
    Ok(())
}

impl Headers {
    pub(crate) fn clear(&mut self) {
        self.buf.clear();
        self.entries.clear();
        self.sorted = false;
    }

    /// Adds a header after validating it (the unit tests' entry point; the signers validate
    /// with their own error context first).
    #[cfg(test)]
    pub(crate) fn push(&mut self, name: &str, value: &str) -> Result<(), Error> {
        validate_header_name(name)?;
        validate_header_value(name, value)?;
        self.push_valid(name, value);
        Ok(())
    }

    /// Adds a header already known to be valid.
    pub(crate) fn push_valid(&mut self, name: &str, value: &str) {
        let n0 = self.buf.len() as u32;
        // Folds rather than `any`: no early exit, so the loops vectorize.
        if name
            .bytes()
            .fold(false, |upper, b| upper | b.is_ascii_uppercase())
        {
            for c in name.chars() {
                self.buf.push(c.to_ascii_lowercase());
            }
        } else {
            self.buf.push_str(name);
        }
        let n1 = self.buf.len() as u32;
        let blank = value.bytes().fold(0u8, |blank, b| {
            blank | u8::from(b == b' ') | u8::from(b == b'\t')
        });
        if blank == 0 || is_canonical_value(value.as_bytes()) {
            self.buf.push_str(value);
            self.entries.push((n0..n1, n1..self.buf.len() as u32));
            self.sorted = false;
            return;
        }
        let v = value.trim_matches([' ', '\t']);
        if v.contains("  ") || v.contains('\t') {
            let mut space = false;
            for c in v.chars() {
                if c == ' ' || c == '\t' {
                    space = true;
                } else {
                    if space {
                        self.buf.push(' ');
                        space = false;
                    }
                    self.buf.push(c);
                }
            }
        } else {
            self.buf.push_str(v);
        }
        self.entries.push((n0..n1, n1..self.buf.len() as u32));
        self.sorted = false;
    }

    /// Adds a header whose name is lower case and whose value is canonical already (a host
    /// name resolved from a validated endpoint).
    pub(crate) fn push_canonical(&mut self, name: &str, value: &str) {
        debug_assert!(
            !name.bytes().any(|b| b.is_ascii_uppercase()) && is_canonical_value(value.as_bytes())
        );
        let n0 = self.buf.len() as u32;
        self.buf.push_str(name);
        let n1 = self.buf.len() as u32;
        self.buf.push_str(value);
        self.entries.push((n0..n1, n1..self.buf.len() as u32));
        self.sorted = false;
    }

    fn name(&self, i: usize) -> &str {
        let r = &self.entries[i].0;
        &self.buf[r.start as usize..r.end as usize]
    }

    fn value(&self, i: usize) -> &str {
        let r = &self.entries[i].1;
        &self.buf[r.start as usize..r.end as usize]
    }

    /// Stable sort by name.
    pub(crate) fn sort(&mut self) {
        if self.sorted {
            return;
        }
        let buf = &self.buf;
        let key = |r: &Range<u32>| &buf[r.start as usize..r.end as usize];
        // Stable (values of a repeated name keep their order) and O(n log n); it allocates only
        // past 256 headers.
        self.entries.sort_by(|a, b| key(&a.0).cmp(key(&b.0)));
        self.sorted = true;
    }

    /// The signed-headers list, `a;b;c` (after [`Headers::sort`]).
    pub(crate) fn write_signed(&self, out: &mut String) {
        for i in 0..self.entries.len() {
            let n = self.name(i);
            if i > 0 {
                if self.name(i - 1) == n {
                    continue;
                }
                out.push(';');
            }
            out.push_str(n);
        }
    }

    /// The canonical headers block, each `name:value\n` (after [`Headers::sort`]).
    pub(crate) fn write_canonical<S: Sink>(&self, sink: &mut S) {
        for i in 0..self.entries.len() {
            let n = self.name(i);
            if i > 0 && self.name(i - 1) == n {
                sink.put(",");
            } else {
                if i > 0 {
                    sink.put("\n");
                }
                sink.put(n);
                sink.put(":");
            }
            sink.put(self.value(i));
        }
        if !self.entries.is_empty() {
            sink.put("\n");
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_like_the_suite() {
        assert_eq!(normalize_path("/example/.."), "/");
        assert_eq!(normalize_path("/example1/example2/../.."), "/");
        assert_eq!(normalize_path("/./"), "/");
        assert_eq!(normalize_path("//"), "/");
        assert_eq!(normalize_path("/./example"), "/example");
        assert_eq!(normalize_path("//example//"), "/example/");
        assert_eq!(normalize_path("/a/b/.."), "/a/");
        assert_eq!(normalize_path("/a/b"), "/a/b");
        assert_eq!(normalize_path("/../.."), "/");
    }

    #[test]
    fn headers_canonicalize() {
        let mut h = Headers::default();
        h.push("My-Header1", "value4").unwrap();
        h.push("Host", "example.amazonaws.com").unwrap();
        h.push("my-header1", "  a   b\t\tc  ").unwrap();
        h.sort();
        let mut s = String::new();
        h.write_signed(&mut s);
        assert_eq!(s, "host;my-header1");
        let mut text = String::new();
        let mut tee = Tee {
            hasher: Sha256::new(),
            text: &mut text,
        };
        h.write_canonical(&mut tee);
        assert_eq!(
            text,
            "host:example.amazonaws.com\nmy-header1:value4,a b c\n"
        );
    }

    #[test]
    fn header_validation() {
        let mut h = Headers::default();
        assert!(matches!(
            h.push("", "v"),
            Err(Error::InvalidHeaderName { .. })
        ));
        assert!(matches!(
            h.push("a b", "v"),
            Err(Error::InvalidHeaderName { .. })
        ));
        assert!(matches!(
            h.push("a:b", "v"),
            Err(Error::InvalidHeaderName { .. })
        ));
        assert!(matches!(
            h.push("é", "v"),
            Err(Error::InvalidHeaderName { .. })
        ));
        assert!(matches!(
            h.push("x", "a\r\nx-evil: 1"),
            Err(Error::InvalidHeaderValue { .. })
        ));
        assert!(matches!(
            h.push("x", "a\nb"),
            Err(Error::InvalidHeaderValue { .. })
        ));
        assert!(matches!(
            h.push("x", "a\0b"),
            Err(Error::InvalidHeaderValue { .. })
        ));
        h.push("x", "tab\tok").unwrap();
    }

    #[test]
    fn query_sorts_by_name_then_value() {
        let mut url = String::from("https://h/");
        let mut q = QueryWriter::default();
        q.push(&mut url, "b", "2");
        q.push(&mut url, "a-b", "1");
        q.push(&mut url, "a", "z");
        q.push(&mut url, "a", "y");
        q.push(&mut url, "ሴ", "+ /");
        assert_eq!(url, "https://h/?b=2&a-b=1&a=z&a=y&%E1%88%B4=%2B%20%2F");
        let mut text = String::new();
        let mut tee = Tee {
            hasher: Sha256::new(),
            text: &mut text,
        };
        q.write_canonical(&url, &mut tee);
        // Sorted by encoded bytes: `%` (0x25) sorts before letters.
        assert_eq!(text, "%E1%88%B4=%2B%20%2F&a=y&a=z&a-b=1&b=2");
    }

    #[test]
    fn path_validation() {
        assert!(validate_path("").is_err());
        assert!(validate_path("a").is_err());
        assert!(validate_path("/a\nb").is_err());
        validate_path("/").unwrap();
    }
}
