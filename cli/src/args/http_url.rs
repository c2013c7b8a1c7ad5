//! URL arguments (`presign url`, `--sts-endpoint`, presigned URLs to explain), split as the
//! signer needs them.

/// The parts of a URL as the signer needs them.
#[derive(Debug, PartialEq, Eq)]
pub struct UrlParts<'a> {
    pub scheme: &'static str,
    /// Lower-case host, with `:port` unless it is the scheme's default.
    pub host: String,
    /// The raw path as typed (`/` when empty).
    pub path: &'a str,
    /// The raw query, without `?`.
    pub query: &'a str,
}

/// Splits `http[s]://host[:port]/path?query#fragment` without decoding or normalizing the path.
pub fn split_url(url: &str) -> std::result::Result<UrlParts<'_>, String> {
    let (scheme, rest) = if url.len() > 8 && url[..8].eq_ignore_ascii_case("https://") {
        ("https", &url[8..])
    } else if url.len() > 7 && url[..7].eq_ignore_ascii_case("http://") {
        ("http", &url[7..])
    } else {
        return Err(format!("\"{url}\" must start with https:// or http://"));
    };
    let rest = rest.split_once('#').map_or(rest, |(r, _)| r);
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let after = &rest[end..];
    if authority.is_empty() {
        return Err(format!("\"{url}\" has no host"));
    }
    if authority.contains('@') {
        return Err(format!(
            "\"{url}\": a user name or password in the URL cannot be signed; remove it"
        ));
    }
    let (host, port) = if let Some(stripped) = authority.strip_prefix('[') {
        let close = stripped
            .find(']')
            .ok_or_else(|| format!("\"{url}\": an IPv6 host must be closed with ']'"))?;
        let port = &stripped[close + 1..];
        (&authority[..close + 2], port.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    let default_port = if scheme == "https" { 443 } else { 80 };
    let host = host.to_ascii_lowercase();
    let host = match port {
        None => host,
        Some(p) => {
            let n: u16 =
                p.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                    format!("\"{url}\": the port must be a number from 1 to 65535")
                })?;
            if n == default_port {
                host
            } else {
                format!("{host}:{n}")
            }
        }
    };
    let (path, query) = after.split_once('?').unwrap_or((after, ""));
    Ok(UrlParts {
        scheme,
        host,
        path: if path.is_empty() { "/" } else { path },
        query,
    })
}

/// Decodes `%XX` sequences (`+` stays `+`: SigV4 queries are not form-encoded), replacing
/// invalid UTF-8 with U+FFFD.
pub fn decode_lossy(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Splits a raw query (`a=1&b=%2F&c`) into decoded name/value pairs, in order. Empty pieces are
/// skipped; a piece with no `=` has the value `""`.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (n, v) = p.split_once('=').unwrap_or((p, ""));
            (decode_lossy(n), decode_lossy(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_split_without_normalizing() {
        let p = split_url("https://Example.COM:443/a/../b//c%2F?x=1&y#frag").unwrap();
        assert_eq!(
            p,
            UrlParts {
                scheme: "https",
                host: "example.com".into(),
                path: "/a/../b//c%2F",
                query: "x=1&y"
            }
        );
        let p = split_url("http://127.0.0.1:9000").unwrap();
        assert_eq!(
            (p.host.as_str(), p.path, p.query),
            ("127.0.0.1:9000", "/", "")
        );
        let p = split_url("http://h:80?q").unwrap();
        assert_eq!((p.host.as_str(), p.path, p.query), ("h", "/", "q"));
        let p = split_url("https://[::1]:8443/x").unwrap();
        assert_eq!(p.host, "[::1]:8443");
        let p = split_url("https://[::1]/x").unwrap();
        assert_eq!(p.host, "[::1]");
        for bad in [
            "ftp://h/",
            "h/x",
            "https:///x",
            "https://u:p@h/",
            "https://h:0/",
            "https://h:x/",
            "https://h:70000/",
        ] {
            assert!(split_url(bad).is_err(), "{bad}");
        }
    }
}
