//! The request as received: method, raw URL parts, headers, and the raw query parameters.

use super::limits::MAX_URL_LEN;
use super::rejection::Rejection;
use crate::encoding::{self};
use crate::sigv4::AUTH_PARAMS;
use alloc::borrow::Cow;
use alloc::vec::Vec;

/// A request as it was received: the method, the `Host`, the raw (still percent-encoded) path and
/// query, the headers, and optionally the SHA-256 of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Request<'a> {
    /// The HTTP method as received, e.g. `GET`.
    pub method: &'a str,
    /// The host (with `:port` when not the scheme's default). A `Host` header among
    /// [`Request::headers`] takes precedence, as it is what a server receives.
    pub host: &'a str,
    /// The raw path, starting with `/`, exactly as received (not decoded).
    pub path: &'a str,
    /// The raw query string without the `?`, exactly as received (not decoded).
    pub query: &'a str,
    /// The headers as received (any case; a repeated name is joined with `,`).
    pub headers: Vec<(&'a str, &'a str)>,
    /// Lower-case hex SHA-256 of the body, when the server knows it. For header authentication
    /// it is compared with `x-amz-content-sha256` (and used when that header is absent, for
    /// services other than S3, where `None` means an empty body).
    pub payload_hash: Option<&'a str>,
}

/// The parts of an absolute URL (`scheme://authority/path?query#fragment`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct UrlParts<'a> {
    pub scheme: &'a str,
    /// The authority with the scheme's default port removed: the `Host` value.
    pub host: &'a str,
    /// The raw path (`/` when the URL has none).
    pub path: &'a str,
    /// The raw query, without `?`.
    pub query: &'a str,
}

/// Splits an absolute URL, or an origin-form target (`/path?query`, empty host).
pub(crate) fn split_url(url: &str) -> Result<UrlParts<'_>, &'static str> {
    let url = url.get(..url.find('#').unwrap_or(url.len())).unwrap_or("");
    let (scheme, rest) = if url.starts_with('/') {
        ("", url)
    } else {
        let scheme_len = url
            .bytes()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))
            .unwrap_or(url.len());
        match url.get(scheme_len..) {
            Some(rest) if scheme_len > 0 && rest.starts_with("://") => {
                (&url[..scheme_len], &rest[3..])
            }
            _ if url.contains("://") => return Err("the URL scheme is not valid"),
            _ => return Err("the URL must be absolute (scheme://host/path) or start with '/'"),
        }
    };
    // (An origin-form target starts with '/': its authority is empty.)
    let (authority, rest) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    if authority.as_bytes().contains(&b'@') {
        return Err("the URL must not carry a user name or password");
    }
    let (path, query) = match rest.find('?') {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, ""),
    };
    let path = if path.is_empty() { "/" } else { path };
    let host = strip_default_port(scheme, authority);
    Ok(UrlParts {
        scheme,
        host,
        path,
        query,
    })
}

/// `host:443` over https and `host:80` over http are sent as `host`.
pub(crate) fn strip_default_port<'a>(scheme: &str, authority: &'a str) -> &'a str {
    let default = if scheme.eq_ignore_ascii_case("https") {
        ":443"
    } else if scheme.eq_ignore_ascii_case("http") {
        ":80"
    } else {
        return authority;
    };
    authority.strip_suffix(default).unwrap_or(authority)
}

impl<'a> Request<'a> {
    /// A request from its parts: raw path and raw query (without `?`), exactly as received.
    pub fn new(method: &'a str, host: &'a str, path: &'a str, query: &'a str) -> Self {
        Request {
            method,
            host,
            path,
            query,
            headers: Vec::new(),
            payload_hash: None,
        }
    }

    /// A request from the URL as received: `https://host[:port]/path?query` (the scheme's
    /// default port is dropped from the host, as clients do), or an origin-form target
    /// `/path?query` whose host then comes from a `Host` header. A `#fragment` is ignored.
    ///
    /// # Errors
    /// [`Rejection::TooLarge`] over [`MAX_URL_LEN`], [`Rejection::InvalidRequest`] for a URL that
    /// cannot be split.
    pub fn from_url(method: &'a str, url: &'a str) -> Result<Self, Rejection> {
        if url.len() > MAX_URL_LEN {
            return Err(Rejection::TooLarge {
                what: "URL",
                limit: MAX_URL_LEN,
            });
        }
        let parts = split_url(url).map_err(|reason| Rejection::InvalidRequest { reason })?;
        Ok(Request::new(method, parts.host, parts.path, parts.query))
    }

    /// Adds a received header.
    pub fn header(mut self, name: &'a str, value: &'a str) -> Self {
        self.headers.push((name, value));
        self
    }

    /// Adds received headers.
    pub fn headers<I: IntoIterator<Item = (&'a str, &'a str)>>(mut self, headers: I) -> Self {
        self.headers.extend(headers);
        self
    }

    /// Sets the SHA-256 (lower-case hex) of the body that was received.
    pub fn payload_hash(mut self, hash: &'a str) -> Self {
        self.payload_hash = Some(hash);
        self
    }
}

/// One raw `name=value` piece of a query string.
#[derive(Clone, Debug)]
pub(crate) struct RawParam<'a> {
    pub raw_value: &'a str,
    pub name: Cow<'a, [u8]>,
}

impl RawParam<'_> {
    /// Which authentication parameter this is (by decoded name, case-sensitive as S3 reads
    /// them).
    pub(crate) fn auth_index(&self) -> Option<usize> {
        AUTH_PARAMS.iter().position(|p| p.as_bytes() == &*self.name)
    }
}

/// Splits a raw query into pieces (empty pieces skipped), at most `limit` of them.
pub(crate) fn raw_params(query: &str, limit: usize) -> Result<Vec<RawParam<'_>>, usize> {
    let mut out = Vec::new();
    for piece in query.split('&').filter(|p| !p.is_empty()) {
        if out.len() == limit {
            return Err(limit);
        }
        let (raw_name, raw_value) = piece.split_once('=').unwrap_or((piece, ""));
        out.push(RawParam {
            raw_value,
            name: encoding::decode(raw_name),
        });
    }
    Ok(out)
}
