//! The canonical URI: path validation, RFC 3986 dot-segment normalization, and the path as
//! written into the URL and into the canonical request.

use crate::encoding::{self, Component};
use crate::Error;
use alloc::string::String;
use alloc::vec::Vec;

/// How the canonical URI is made from a request path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
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
