//! A URL string split the way the signer needs it, for callers that hold a URL rather than its
//! parts (a command line, a JS or Python binding, a config file).

use super::request::Request;
use crate::error::Error;
use crate::verify::split_url;
use alloc::borrow::ToOwned;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::Write;

/// An `http(s)://host[:port]/path?query` URL read as an HTTP client sends it: the scheme and host
/// lower-cased, the scheme's default port dropped (clients send `Host` without it), the path
/// kept exactly as written (never decoded or normalized: it is signed as sent), the query split
/// into decoded pairs in their order (`%XX` decoded, `+` kept as `+`: SigV4 queries are not
/// form-encoded; invalid UTF-8 becomes U+FFFD), and the fragment dropped.
///
/// ```
/// use presign::sigv4::{self, RequestUrl, SigningParams};
/// use presign::{Credentials, Timestamp};
///
/// let url = RequestUrl::parse("https://STS.amazonaws.com:443/?Action=GetCallerIdentity&Version=2011-06-15")?;
/// assert_eq!((url.scheme(), url.host(), url.path()), ("https", "sts.amazonaws.com", "/"));
/// assert_eq!(url.query()[0], ("Action".to_string(), "GetCallerIdentity".to_string()));
///
/// let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
/// let now = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?;
/// let params = SigningParams::new(&creds, "us-east-1", "sts", now);
/// let presigned = sigv4::presign(&url.request("GET"), &params, 60)?;
/// assert!(presigned.url.starts_with("https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm="));
/// # Ok::<(), presign::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestUrl {
    scheme: &'static str,
    host: String,
    path: String,
    query: Vec<(String, String)>,
}

impl RequestUrl {
    /// Reads `url`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidUrl`] when the scheme is not `http` or `https`, the host is missing, the
    /// URL carries a user name or password (they cannot be signed), or the port is not a number
    /// from 1 to 65535.
    pub fn parse(url: &str) -> Result<Self, Error> {
        let invalid = |reason| Error::InvalidUrl { reason };
        let parts = split_url(url).map_err(invalid)?;
        let scheme = if parts.scheme.eq_ignore_ascii_case("https") {
            "https"
        } else if parts.scheme.eq_ignore_ascii_case("http") {
            "http"
        } else {
            return Err(invalid("the URL must start with https:// or http://"));
        };
        // `split_url` dropped an exact default port; a spelled-out one (`:0443`) is read here.
        let (name, port) = split_port(parts.host).map_err(invalid)?;
        if name.is_empty() {
            return Err(invalid("the URL has no host"));
        }
        let mut host = name.to_ascii_lowercase();
        let default = if scheme == "https" { 443 } else { 80 };
        if let Some(port) = port.filter(|p| *p != default) {
            let _ = write!(host, ":{port}");
        }
        let query = parts
            .query
            .split('&')
            .filter(|piece| !piece.is_empty())
            .map(|piece| {
                let (name, value) = piece.split_once('=').unwrap_or((piece, ""));
                (decode(name), decode(value))
            })
            .collect();
        Ok(RequestUrl {
            scheme,
            host,
            path: parts.path.to_owned(),
            query,
        })
    }

    /// `https` or `http`.
    pub fn scheme(&self) -> &'static str {
        self.scheme
    }

    /// The `Host` value: lower-case, with `:port` only when it is not the scheme's default.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The path exactly as the URL writes it (`/` when it has none).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query parameters, decoded, in the URL's order.
    pub fn query(&self) -> &[(String, String)] {
        &self.query
    }

    /// A request to sign for this URL with `method`: its scheme, host, path and query, no
    /// headers and an empty payload (set them on the result).
    pub fn request<'a>(&'a self, method: &'a str) -> Request<'a> {
        let mut request = Request::new(method, &self.host, &self.path).scheme(self.scheme);
        request.query = self
            .query
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        request
    }
}

/// Splits `host[:port]` or `[v6][:port]`; the port must be 1..=65535 in decimal.
fn split_port(authority: &str) -> Result<(&str, Option<u16>), &'static str> {
    let (name, port) = if authority.starts_with('[') {
        let close = authority
            .find(']')
            .ok_or("an IPv6 host must be closed with ']'")?;
        let (name, rest) = authority.split_at(close + 1);
        match rest.strip_prefix(':') {
            Some(port) => (name, Some(port)),
            None if rest.is_empty() => (name, None),
            None => return Err("an IPv6 host can only be followed by :port"),
        }
    } else {
        match authority.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (authority, None),
        }
    };
    let port = match port {
        None => None,
        Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
            match p.parse::<u16>() {
                Ok(n) if n > 0 => Some(n),
                _ => return Err("the port must be a number from 1 to 65535"),
            }
        }
        Some(_) => return Err("the port must be a number from 1 to 65535"),
    };
    Ok((name, port))
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(url: &RequestUrl) -> Vec<(&str, &str)> {
        url.query()
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect()
    }

    #[test]
    fn reads_a_url_as_clients_send_it() {
        let u = RequestUrl::parse("HTTPS://Example.COM:443/a/../b//c%2F?x=1&y&&z=a%20b+c#frag")
            .unwrap();
        assert_eq!(
            (u.scheme(), u.host(), u.path()),
            ("https", "example.com", "/a/../b//c%2F")
        );
        assert_eq!(pairs(&u), [("x", "1"), ("y", ""), ("z", "a b+c")]);
        let u = RequestUrl::parse("http://127.0.0.1:9000").unwrap();
        assert_eq!(
            (u.scheme(), u.host(), u.path()),
            ("http", "127.0.0.1:9000", "/")
        );
        assert!(u.query().is_empty());
        let u = RequestUrl::parse("http://[::1]:80/k").unwrap();
        assert_eq!(u.host(), "[::1]");
        let u = RequestUrl::parse("https://h:0443/").unwrap();
        assert_eq!(u.host(), "h");
        let u = RequestUrl::parse("https://h:8443/").unwrap();
        assert_eq!(u.host(), "h:8443");
        let u = RequestUrl::parse("https://h/?%ff=%C3%A9").unwrap();
        assert_eq!(pairs(&u), [("\u{fffd}", "é")]);
    }

    #[test]
    fn refuses_what_cannot_be_signed() {
        for (url, reason) in [
            ("ftp://h/", "https:// or http://"),
            ("/path-only", "https:// or http://"),
            ("h/path", "absolute"),
            ("https://u:p@h/", "user name or password"),
            ("https:///path", "no host"),
            ("https://:443/", "no host"),
            ("https://h:0/", "1 to 65535"),
            ("https://h:65536/", "1 to 65535"),
            ("https://h:+80/", "1 to 65535"),
            ("https://h:/", "1 to 65535"),
            ("https://[::1/", "closed with ']'"),
            ("https://[::1]x/", "followed by :port"),
        ] {
            match RequestUrl::parse(url) {
                Err(Error::InvalidUrl { reason: r }) => {
                    assert!(r.contains(reason), "{url}: {r}")
                }
                other => panic!("{url}: {other:?}"),
            }
        }
    }

    #[test]
    fn the_request_carries_every_part() {
        let u = RequestUrl::parse("http://h:9000/k%20?b=2&a=1").unwrap();
        let r = u.request("PUT");
        assert_eq!(
            (r.method, r.scheme, r.host, r.path),
            ("PUT", "http", "h:9000", "/k%20")
        );
        assert_eq!(r.query, [("b", "2"), ("a", "1")]);
    }
}
