//! Client hazards: what a presigned request is correct for, yet known clients break.
//!
//! A presign result carries them in [`Presigned::warnings`](crate::Presigned::warnings); the
//! request option `deny_warnings` (e.g. [`S3Request::deny_warnings`](crate::s3::S3Request::deny_warnings))
//! turns the first one into [`Error::ClientHazard`](crate::Error::ClientHazard) instead. Each
//! hazard was seen in a real client (headless Chromium 156, Node 20's fetch and `http`,
//! curl 7.88, Python requests 2.34 / urllib3 2.7; the browser suite in `tests/browser` shows the
//! browser ones):
//!
//! | code | what breaks |
//! |---|---|
//! | `dot-segment-in-key` | browsers, Node, curl and requests remove `.`/`..` segments from the path |
//! | `non-ascii-response-override` | a `response-*` value S3 echoes as raw UTF-8 header bytes: pages read them as Latin-1 |
//! | `non-ascii-header-value` | browsers send a header's characters as Latin-1 bytes (or refuse them), not the UTF-8 that was signed |
//! | `header-browsers-cannot-set` | a signed header the Fetch standard forbids pages to set (`Date`, `Expect`, `Origin`, ...) |
//! | `charset-rewritten-by-xhr` | `XMLHttpRequest.send(string)` rewrites a signed `charset` to `UTF-8` |

use alloc::string::String;
use core::fmt;

/// A hazard: the request is signed correctly, but a common client will not send it as signed.
///
/// [`code`](Warning::code) is stable (kebab-case, for programs and bindings); `Display` says
/// what breaks and what to do.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Warning {
    /// The URL's path has a `.` or `..` segment (also written `%2e`). Browsers (WHATWG URL
    /// parsing: `fetch`, `XMLHttpRequest`, also Node's `fetch` and `http`), curl and Python
    /// requests/urllib3 remove dot segments before sending: `/k/./a.png` goes out as
    /// `/k/a.png`, another key, so S3 answers 403 SignatureDoesNotMatch.
    DotSegmentInKey {
        /// The URL path as signed (percent-encoded).
        path: String,
    },
    /// A `response-*` override holds non-ASCII: S3 puts its UTF-8 bytes in the response header,
    /// and browsers read header bytes as Latin-1 (`café` arrives as `cafÃ©`).
    NonAsciiResponseOverride {
        /// The query parameter, e.g. `response-content-disposition`.
        parameter: String,
    },
    /// A signed header value holds non-ASCII: browsers send each character as one Latin-1 byte
    /// (`é` as 0xE9, not the signed UTF-8 `C3 A9`) and refuse characters above U+00FF.
    NonAsciiHeaderValue {
        /// The header name (lower case).
        header: String,
    },
    /// A signed header that web pages cannot set (a forbidden request header of the Fetch
    /// standard): the browser drops it or sends its own value.
    HeaderBrowsersCannotSet {
        /// The header name (lower case).
        header: String,
    },
    /// The signed `Content-Type` has a `charset` other than `UTF-8` spelled so:
    /// `XMLHttpRequest.send()` with a string body sends `charset=UTF-8` instead.
    CharsetRewrittenByXhr {
        /// The signed Content-Type.
        content_type: String,
    },
}

impl Warning {
    /// The stable kebab-case code, e.g. `"dot-segment-in-key"`.
    pub fn code(&self) -> &'static str {
        match self {
            Warning::DotSegmentInKey { .. } => "dot-segment-in-key",
            Warning::NonAsciiResponseOverride { .. } => "non-ascii-response-override",
            Warning::NonAsciiHeaderValue { .. } => "non-ascii-header-value",
            Warning::HeaderBrowsersCannotSet { .. } => "header-browsers-cannot-set",
            Warning::CharsetRewrittenByXhr { .. } => "charset-rewritten-by-xhr",
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::DotSegmentInKey { path } => write!(
                f,
                "the path `{path}` has a `.` or `..` segment: browsers (fetch, XMLHttpRequest), \
                 Node, curl and Python requests remove dot segments before sending, so S3 sees \
                 another key and answers 403 SignatureDoesNotMatch; rename the key without `.`/`..` \
                 segments, or send the URL with a client that keeps the path as is \
                 (curl --path-as-is, Python http.client)"
            ),
            Warning::NonAsciiResponseOverride { parameter } => {
                let header = parameter.strip_prefix("response-").unwrap_or(parameter);
                write!(
                    f,
                    "`{parameter}` is not ASCII: S3 sends it as raw UTF-8 bytes in the `{header}` \
                     response header, which browsers read as Latin-1 (`café` arrives as `cafÃ©`); "
                )?;
                if header.eq_ignore_ascii_case("content-disposition") {
                    f.write_str(
                        "build it with presign::content_disposition (an ASCII `filename` plus \
                         `filename*=UTF-8''...`, RFC 6266/8187)",
                    )
                } else {
                    f.write_str("keep the value ASCII")
                }
            }
            Warning::NonAsciiHeaderValue { header } => write!(
                f,
                "the signed header `{header}` is not ASCII: browsers send each character as one \
                 Latin-1 byte (`é` as 0xE9, not the UTF-8 that was signed) and refuse characters \
                 above U+00FF, so S3 answers 403 SignatureDoesNotMatch; make the value ASCII \
                 (percent-encode it; for Content-Disposition use presign::content_disposition)"
            ),
            Warning::HeaderBrowsersCannotSet { header } => write!(
                f,
                "web pages cannot set `{header}` (a forbidden request header of the Fetch \
                 standard): the browser drops it or sends its own value, so a browser upload \
                 fails with 403 SignatureDoesNotMatch; do not sign it for browser clients"
            ),
            Warning::CharsetRewrittenByXhr { content_type } => write!(
                f,
                "the signed Content-Type `{content_type}` has a charset not spelled `UTF-8`: \
                 XMLHttpRequest.send() with a string body rewrites it to `charset=UTF-8`, so S3 \
                 answers 403 SignatureDoesNotMatch; sign `charset=UTF-8` exactly, or send a Blob \
                 or an ArrayBuffer (fetch sends the header as set)"
            ),
        }
    }
}

/// Pushes the hazards of a URL path as it will be sent (percent-encoded, from its first `/`).
pub(crate) fn check_path(path: &str, out: &mut alloc::vec::Vec<Warning>) {
    if path.split('/').any(is_dot_segment) {
        out.push(Warning::DotSegmentInKey { path: path.into() });
    }
}

/// Pushes the hazards of an S3 query parameter (decoded name and value).
pub(crate) fn check_s3_query(name: &str, value: &str, out: &mut alloc::vec::Vec<Warning>) {
    if !value.is_ascii() && is_response_override(name) {
        out.push(Warning::NonAsciiResponseOverride {
            parameter: name.into(),
        });
    }
}

/// Pushes the hazards of a signed header (any case).
pub(crate) fn check_header(name: &str, value: &str, out: &mut alloc::vec::Vec<Warning>) {
    let lower = || name.to_ascii_lowercase();
    if is_forbidden_in_browsers(name) {
        out.push(Warning::HeaderBrowsersCannotSet { header: lower() });
    }
    if !value.is_ascii() {
        out.push(Warning::NonAsciiHeaderValue { header: lower() });
    } else if name.eq_ignore_ascii_case("content-type") && has_charset_xhr_rewrites(value) {
        out.push(Warning::CharsetRewrittenByXhr {
            content_type: value.into(),
        });
    }
}

/// What browsers, Node, curl and Python requests send for `path`: WHATWG URL's path parsing,
/// which drops `.` segments and removes a `..` segment with the one before it (a last `.` or
/// `..` leaves a trailing `/`). `/k/./a` → `/k/a`, `/k/x/../a` → `/k/a`, `/k/..` → `/`.
pub(crate) fn remove_dot_segments(path: &str) -> String {
    let mut kept: alloc::vec::Vec<&str> = alloc::vec::Vec::new();
    let segments: alloc::vec::Vec<&str> =
        path.strip_prefix('/').unwrap_or(path).split('/').collect();
    let last = segments.len() - 1;
    for (i, s) in segments.iter().enumerate() {
        if is_dot_segment(s) {
            if s.len() > 1 && !s.eq_ignore_ascii_case("%2e") {
                kept.pop();
            }
            if i == last {
                kept.push("");
            }
        } else {
            kept.push(s);
        }
    }
    let mut out = String::with_capacity(path.len());
    for s in kept {
        out.push('/');
        out.push_str(s);
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// `.` or `..`, each dot possibly written `%2e`/`%2E` (WHATWG URL's single- and double-dot
/// path segments).
fn is_dot_segment(segment: &str) -> bool {
    let s = segment.as_bytes();
    let dot_at = |i: usize| -> Option<usize> {
        match s.get(i)? {
            b'.' => Some(i + 1),
            b'%' if s.get(i + 1) == Some(&b'2') && matches!(s.get(i + 2), Some(b'e' | b'E')) => {
                Some(i + 3)
            }
            _ => None,
        }
    };
    match dot_at(0) {
        Some(end) if end == s.len() => true,
        Some(end) => dot_at(end) == Some(s.len()),
        None => false,
    }
}

fn is_response_override(name: &str) -> bool {
    [
        "response-content-disposition",
        "response-content-type",
        "response-content-language",
        "response-content-encoding",
        "response-cache-control",
        "response-expires",
    ]
    .iter()
    .any(|p| p.eq_ignore_ascii_case(name))
}

/// The Fetch standard's forbidden request headers a presign could sign (`Host` is never in a
/// presign's header list; `Content-Length` is left out: browsers send the body's length, which
/// matches a signed length when the body is the expected one).
fn is_forbidden_in_browsers(name: &str) -> bool {
    const NAMES: [&str; 19] = [
        "accept-charset",
        "accept-encoding",
        "access-control-request-headers",
        "access-control-request-method",
        "connection",
        "cookie",
        "cookie2",
        "date",
        "dnt",
        "expect",
        "keep-alive",
        "origin",
        "referer",
        "set-cookie",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "via",
    ];
    let starts = |p: &str| name.len() >= p.len() && name[..p.len()].eq_ignore_ascii_case(p);
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(name)) || starts("proxy-") || starts("sec-")
}

/// A `charset` parameter whose value, quoted or not, is not exactly `UTF-8`: Chromium rewrites
/// even `utf-8` (to `UTF-8`) and `"utf-8"` (to `"UTF-8"`).
fn has_charset_xhr_rewrites(content_type: &str) -> bool {
    content_type.split(';').skip(1).any(|param| {
        let (name, value) = param.split_once('=').unwrap_or((param, ""));
        let value = value.trim();
        let unquoted = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        name.trim().eq_ignore_ascii_case("charset") && unquoted != "UTF-8"
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec::Vec;

    fn path(p: &str) -> Vec<&'static str> {
        let mut out = Vec::new();
        check_path(p, &mut out);
        out.iter().map(Warning::code).collect()
    }

    fn header(n: &str, v: &str) -> Vec<Warning> {
        let mut out = Vec::new();
        check_header(n, v, &mut out);
        out
    }

    #[test]
    fn dot_segments_in_every_spelling_browsers_remove() {
        for p in [
            "/b/k/./a.png",
            "/b/k/x/../a.png",
            "/b/k/.",
            "/b/k/..",
            "/.",
            "/b/%2e/a",
            "/b/%2E/a",
            "/b/.%2e/a",
            "/b/%2e./a",
            "/b/%2E%2e/a",
        ] {
            assert_eq!(path(p), ["dot-segment-in-key"], "{p}");
        }
    }

    #[test]
    fn dot_segments_are_removed_as_chromium_removes_them() {
        // Each pair measured in headless Chromium 156 (the request target that arrived).
        for (sent, arrived) in [
            ("/k/./a", "/k/a"),
            ("/k/%2e/a", "/k/a"),
            ("/k/%2E%2e/a", "/a"),
            ("/k/.%2e/a", "/a"),
            ("/k/.", "/k/"),
            ("/k/..", "/"),
            ("/..", "/"),
            ("/b/k/x/../a.png", "/b/k/a.png"),
            ("//lead", "//lead"),
            ("/e//x", "/e//x"),
            ("/k/%2e%2e%2fa", "/k/%2e%2e%2fa"),
            ("/", "/"),
        ] {
            assert_eq!(remove_dot_segments(sent), arrived, "{sent}");
        }
    }

    #[test]
    fn segments_that_only_contain_dots_are_kept_by_browsers() {
        // Measured in Chromium: all of these arrive as signed (tests/browser/test_put.py).
        for p in [
            "/b/k/.../a",
            "/b/.x/a",
            "/b/x./a",
            "/b/a..b",
            "/b/e/.bin",
            "/b/%252e/a",
            "/b/%2e%2e%2e/a",
            "/b//a",
            "/b/%2f/a",
            "/",
        ] {
            assert_eq!(path(p), Vec::<&str>::new(), "{p}");
        }
    }

    #[test]
    fn non_ascii_response_overrides() {
        let mut out = Vec::new();
        check_s3_query(
            "response-content-disposition",
            "attachment; filename=\"café.png\"",
            &mut out,
        );
        check_s3_query("Response-Content-Type", "text/plain; x=é", &mut out);
        check_s3_query("response-content-disposition", "attachment", &mut out);
        check_s3_query("x-id", "é", &mut out);
        assert_eq!(
            out.iter().map(Warning::code).collect::<Vec<_>>(),
            ["non-ascii-response-override"; 2]
        );
        assert!(out[0].to_string().contains("presign::content_disposition"));
        assert!(out[0]
            .to_string()
            .contains("`content-disposition` response header"));
        assert!(out[1].to_string().ends_with("keep the value ASCII"));
    }

    #[test]
    fn non_ascii_header_values() {
        let w = header("x-amz-meta-name", "café");
        assert_eq!(
            w,
            [Warning::NonAsciiHeaderValue {
                header: "x-amz-meta-name".into()
            }]
        );
        assert!(header("x-amz-meta-name", "cafe").is_empty());
    }

    #[test]
    fn headers_browsers_cannot_set() {
        for n in [
            "Date",
            "expect",
            "Origin",
            "Referer",
            "Cookie",
            "Accept-Encoding",
            "Sec-Fetch-Mode",
            "Proxy-Authorization",
            "Transfer-Encoding",
        ] {
            let w = header(n, "x");
            assert_eq!(w.len(), 1, "{n}");
            assert_eq!(
                w[0],
                Warning::HeaderBrowsersCannotSet {
                    header: n.to_ascii_lowercase()
                }
            );
        }
        for n in [
            "content-length",
            "content-type",
            "x-amz-date",
            "range",
            "secret",
            "proxy",
        ] {
            assert!(header(n, "x").is_empty(), "{n}");
        }
    }

    #[test]
    fn charsets_xhr_rewrites() {
        // Measured in Chromium: `utf-8`, `utf8` and `iso-8859-1` all go out as `UTF-8`,
        // quoted or not; `UTF-8` spelled so is kept, quoted or not.
        for ct in [
            "text/plain;charset=utf-8",
            "text/plain; charset=utf8",
            "text/plain; charset=iso-8859-1",
            "text/plain; charset=\"utf-8\"",
        ] {
            let w = header("Content-Type", ct);
            assert_eq!(
                w.iter().map(Warning::code).collect::<Vec<_>>(),
                ["charset-rewritten-by-xhr"],
                "{ct}"
            );
        }
        for ct in [
            "text/plain;charset=UTF-8",
            "text/plain; charset=UTF-8",
            "application/json; Charset=\"UTF-8\"",
            "text/plain;charset=UTF-8;format=flowed",
            "image/png",
            "text/x; format=flowed",
        ] {
            assert!(header("content-type", ct).is_empty(), "{ct}");
        }
        // Only Content-Type is rewritten.
        assert!(header("x-amz-meta-ct", "text/plain;charset=utf-8").is_empty());
    }

    #[test]
    fn every_message_says_what_to_do() {
        let all = [
            Warning::DotSegmentInKey {
                path: "/b/./k".into(),
            },
            Warning::NonAsciiResponseOverride {
                parameter: "response-content-disposition".into(),
            },
            Warning::NonAsciiHeaderValue {
                header: "x-amz-meta-a".into(),
            },
            Warning::HeaderBrowsersCannotSet {
                header: "date".into(),
            },
            Warning::CharsetRewrittenByXhr {
                content_type: "text/plain;charset=utf-8".into(),
            },
        ];
        let mut codes: Vec<&str> = all.iter().map(Warning::code).collect();
        for w in &all {
            let m = w.to_string();
            assert!(m.contains("; "), "{m}");
            assert!(!m.contains('\n'));
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
    }
}
