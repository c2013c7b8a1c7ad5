//! Why did S3 say `SignatureDoesNotMatch`? Compare what was presigned with what a client sent,
//! and say what breaks the signature in words a user acts on; or compare the canonical request
//! and string to sign that S3 returns in its error body with ours, line by line.
//!
//! ```
//! use presign::diagnose::{diagnose, Context, Finding, Intended, Sent};
//! use presign::s3::{Bucket, Endpoint};
//! use presign::{Credentials, Timestamp};
//!
//! let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
//! let bucket = Bucket::new(Endpoint::aws("eu-west-1")?, "my-uploads")?;
//! let now = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?;
//! let upload = bucket.put_object("cat.png").content_type("image/png").presign(&creds, now, 900)?;
//!
//! // The browser uploaded with fetch(url, { method: "PUT", body: file }) and no Content-Type.
//! let sent = Sent::new("PUT", &upload.url);
//! let findings = diagnose(&Intended::from_presigned(&upload), &sent, &Context::default());
//! assert!(matches!(&findings[0], Finding::SignedHeaderNotSent { name, .. } if name == "content-type"));
//! assert!(findings[0].to_string().contains("the upload must send `Content-Type: image/png` exactly"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::canonical::UriPath;
use crate::encoding;
use crate::sigv4::{SigningDetails, MAX_EXPIRES};
use crate::verify::{self, RawParam, AUTH_PARAMS, SENSITIVE_HEADERS};
use crate::{Presigned, Timestamp};
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// What was presigned: the URL, and when known the method and the headers that were signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Intended<'a> {
    /// The method the URL was presigned for, if known.
    pub method: Option<&'a str>,
    /// The presigned URL.
    pub url: &'a str,
    /// The signed headers with their values (besides `host`), if known. Without them only the
    /// names in `X-Amz-SignedHeaders` are checked.
    pub headers: Option<Vec<(&'a str, &'a str)>>,
}

impl<'a> Intended<'a> {
    /// From our presign result: method, URL and signed headers all known.
    pub fn from_presigned(presigned: &'a Presigned) -> Self {
        Intended {
            method: Some(&presigned.method),
            url: &presigned.url,
            headers: Some(
                presigned
                    .headers
                    .iter()
                    .map(|(n, v)| (n.as_str(), v.as_str()))
                    .collect(),
            ),
        }
    }

    /// From a presigned URL alone (the method, if known).
    pub fn from_url(method: Option<&'a str>, url: &'a str) -> Self {
        Intended {
            method,
            url,
            headers: None,
        }
    }
}

/// What a client actually sent: method, URL and headers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sent<'a> {
    /// The method sent.
    pub method: &'a str,
    /// The URL as sent (absolute).
    pub url: &'a str,
    /// The headers sent (any case). A `Host` header, if given, is compared instead of the URL's.
    pub headers: Vec<(&'a str, &'a str)>,
}

impl<'a> Sent<'a> {
    /// A request with no headers.
    pub fn new(method: &'a str, url: &'a str) -> Self {
        Sent {
            method,
            url,
            headers: Vec::new(),
        }
    }

    /// Adds a header that was sent.
    pub fn header(mut self, name: &'a str, value: &'a str) -> Self {
        self.headers.push((name, value));
        self
    }
}

/// What else the diagnosis may use: the time, the region the bucket is really in, and when the
/// signing credentials expire.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Context<'a> {
    /// The current time (for expiry).
    pub now: Option<Timestamp>,
    /// The region the bucket is in, if known (e.g. from S3's `x-amz-bucket-region`).
    pub expected_region: Option<&'a str>,
    /// When the credentials that signed the URL expire (temporary credentials).
    pub credentials_expire_at: Option<Timestamp>,
}

impl<'a> Context<'a> {
    /// Sets the current time.
    pub fn now(mut self, now: Timestamp) -> Self {
        self.now = Some(now);
        self
    }
    /// Sets the region the bucket is in.
    pub fn expected_region(mut self, region: &'a str) -> Self {
        self.expected_region = Some(region);
        self
    }
    /// Sets when the signing credentials expire.
    pub fn credentials_expire_at(mut self, at: Timestamp) -> Self {
        self.credentials_expire_at = Some(at);
        self
    }
}

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Noted, but not the cause: the signature still matches.
    Harmless,
    /// Works with some servers and breaks with others (S3 among them for `+`).
    Risky,
    /// The request is refused because of this.
    Breaks,
}

/// How a path or a query value changed between the URL and the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// A space, signed as `%20`, was sent as `+` (form encoding).
    SpaceAsPlus,
    /// A `+`, signed as `%2B`, arrived as a space (sent as `%20` or ` `), the session-token case.
    PlusBecameSpace,
    /// A `+`, signed as `%2B`, was sent bare: servers that form-decode (S3 among them) read it
    /// as a space.
    PlusNotEncoded,
    /// Encoded a second time (`%20` became `%2520`).
    DoubleEncoded,
    /// The same characters in another Unicode normalization form (NFC vs NFD).
    UnicodeNormalization,
    /// Cut at an unencoded `?` or `#`.
    Truncated {
        /// The character that cut it.
        at: char,
    },
    /// Other escapes that decode to the same bytes (`%7E` vs `~`, `%2f` vs `%2F`, `!` vs `%21`).
    EquivalentEscapes,
    /// Other content altogether.
    Different,
}

/// Which URL a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Which {
    /// The presigned URL.
    Presigned,
    /// The URL the client sent.
    Sent,
}

/// One thing that breaks (or could break) the signature, with a message a user acts on
/// (`Display`). Values of sensitive headers and of the session token are never copied in full.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Finding {
    /// A URL could not be read.
    UnusableUrl {
        /// Which URL.
        which: Which,
        /// Why.
        reason: &'static str,
    },
    /// The input is larger than the diagnosis reads.
    TooLarge {
        /// What is too large.
        what: &'static str,
    },
    /// The presigned URL lacks SigV4 query parameters.
    NotPresigned {
        /// The missing parameters.
        missing: Vec<&'static str>,
    },
    /// A signed header was not sent (the Content-Type case).
    SignedHeaderNotSent {
        /// The lower-case name.
        name: String,
        /// The signed value, when known.
        value: Option<String>,
        /// Whether the request is an upload (PUT or POST).
        upload: bool,
    },
    /// A signed header was sent with another value.
    SignedHeaderChanged {
        /// The lower-case name.
        name: String,
        /// The signed value.
        signed: String,
        /// The value sent.
        sent: String,
    },
    /// An `x-amz-*` header was sent that the URL does not sign.
    UnsignedAmzHeader {
        /// The lower-case name.
        name: String,
    },
    /// An `Authorization` header was sent along with a presigned URL.
    AuthorizationHeaderSent,
    /// The request used another method than the one signed.
    MethodChanged {
        /// The signed method.
        signed: String,
        /// The method sent.
        sent: String,
    },
    /// The request went to another host.
    HostChanged {
        /// The signed host.
        signed: String,
        /// The host sent.
        sent: String,
    },
    /// The request went to the same host name on another port.
    PortChanged {
        /// The signed host.
        signed: String,
        /// The host sent.
        sent: String,
    },
    /// The path was changed or re-encoded.
    PathChanged {
        /// The signed path (raw, clipped).
        signed: String,
        /// The path sent (raw, clipped).
        sent: String,
        /// How it changed.
        change: Change,
        /// Whether it breaks the signature: re-encodings that decode the same are harmless for
        /// S3, which decodes the path before signing, and break every other service.
        severity: Severity,
    },
    /// SigV4 parameters (`X-Amz-*`) of the URL were not sent: the URL was cut short.
    SignatureParametersMissing {
        /// The missing parameters.
        names: Vec<&'static str>,
    },
    /// A query parameter of the URL was not sent.
    QueryParameterRemoved {
        /// The decoded name (clipped).
        name: String,
    },
    /// A query parameter was sent that the URL does not have.
    QueryParameterAdded {
        /// The decoded name (clipped).
        name: String,
    },
    /// A query parameter was sent with another value or encoding.
    QueryParameterChanged {
        /// The decoded name (clipped).
        name: String,
        /// The signed raw value (clipped; the session token is redacted).
        signed: String,
        /// The raw value sent (clipped; the session token is redacted).
        sent: String,
        /// How it changed.
        change: Change,
        /// Whether it breaks the signature.
        severity: Severity,
    },
    /// The URL has expired.
    Expired {
        /// When it expired.
        expired_at: Timestamp,
        /// How long ago, in seconds.
        seconds_ago: u64,
    },
    /// The URL is dated more than 15 minutes in the future.
    NotYetValid {
        /// Its signing time.
        signed_at: Timestamp,
        /// How far ahead, in seconds.
        seconds_ahead: u64,
    },
    /// `X-Amz-Expires` is over seven days (or not a number in 1..=604800).
    ExpiryTooLong {
        /// The value given, in seconds (0 when it is not a number).
        seconds: u64,
    },
    /// The URL is signed for another region than the bucket's.
    RegionMismatch {
        /// The region in the credential scope.
        signed: String,
        /// The region expected.
        expected: String,
        /// Whether the expected region was read from the endpoint host (rather than given).
        from_host: bool,
    },
    /// The temporary credentials that signed the URL expire before it does.
    CredentialsExpireFirst {
        /// When the credentials expire.
        credentials_expire_at: Timestamp,
        /// When the URL expires.
        url_expires_at: Timestamp,
        /// Whether the credentials have already expired at the context's `now`.
        already: bool,
    },
}

impl Finding {
    /// Whether this finding breaks the request, might, or is harmless.
    pub fn severity(&self) -> Severity {
        match self {
            Finding::PathChanged { severity, .. }
            | Finding::QueryParameterChanged { severity, .. } => *severity,
            Finding::CredentialsExpireFirst { already: false, .. } => Severity::Risky,
            _ => Severity::Breaks,
        }
    }

    /// The error code S3 would answer because of this finding, if any.
    pub fn s3_code(&self) -> Option<&'static str> {
        if self.severity() == Severity::Harmless {
            return None;
        }
        Some(match self {
            Finding::UnusableUrl { .. } | Finding::TooLarge { .. } => return None,
            Finding::NotPresigned { .. } | Finding::SignatureParametersMissing { .. } => {
                "AccessDenied"
            }
            Finding::UnsignedAmzHeader { .. } => "AccessDenied",
            Finding::AuthorizationHeaderSent => "InvalidArgument",
            Finding::Expired { .. } => "AccessDenied",
            Finding::NotYetValid { .. } => "RequestTimeTooSkewed",
            Finding::ExpiryTooLong { .. } | Finding::RegionMismatch { .. } => {
                "AuthorizationQueryParametersError"
            }
            Finding::CredentialsExpireFirst { .. } => "ExpiredToken",
            _ => "SignatureDoesNotMatch",
        })
    }
}

/// `content-type` → `Content-Type`.
fn title_case(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    let mut up = true;
    for c in name.chars() {
        fmt::Write::write_char(f, if up { c.to_ascii_uppercase() } else { c })?;
        up = c == '-';
    }
    Ok(())
}

fn duration(secs: u64) -> String {
    use core::fmt::Write;
    let mut s = String::new();
    let _ = if secs < 60 {
        write!(s, "{secs} s")
    } else if secs < 3600 {
        write!(s, "{} min", secs / 60)
    } else if secs < 86_400 {
        write!(s, "{} h {} min", secs / 3600, secs / 60 % 60)
    } else {
        write!(s, "{} days {} h", secs / 86_400, secs / 3600 % 24)
    };
    s
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Finding::UnusableUrl { which, reason } => {
                let w = match which {
                    Which::Presigned => "the presigned URL",
                    Which::Sent => "the URL sent",
                };
                write!(f, "{w} cannot be read: {reason}")
            }
            Finding::TooLarge { what } => write!(f, "the {what} is too large to diagnose"),
            Finding::NotPresigned { missing } => {
                f.write_str("the URL is not a SigV4 presigned URL: it lacks ")?;
                list(f, missing.iter().copied())
            }
            Finding::SignedHeaderNotSent { name, value, upload } => {
                let who = if *upload { "the upload" } else { "the request" };
                match value {
                    Some(v) => {
                        write!(f, "{who} must send `")?;
                        title_case(f, name)?;
                        write!(f, ": {v}` exactly: the header is signed into the URL, and without it S3 answers SignatureDoesNotMatch")?;
                        if name == "content-type" {
                            f.write_str(" (set it explicitly: fetch, XHR and form uploads send the file's own type or none)")?;
                        }
                        Ok(())
                    }
                    None => {
                        write!(f, "{who} must send the `")?;
                        title_case(f, name)?;
                        f.write_str("` header with the value that was signed (it is listed in X-Amz-SignedHeaders); without it S3 answers SignatureDoesNotMatch")
                    }
                }
            }
            Finding::SignedHeaderChanged { name, signed, sent } => {
                f.write_str("`")?;
                title_case(f, name)?;
                write!(f, "` was sent as `{sent}` but the URL is signed for `{signed}`: send `")?;
                title_case(f, name)?;
                write!(f, ": {signed}` exactly (the value is part of the signature)")
            }
            Finding::UnsignedAmzHeader { name } => write!(
                f,
                "the request sends `{name}`, which the URL does not sign: S3 answers AccessDenied \"There were headers present in the request which were not signed\"; presign with this header or stop sending it"
            ),
            Finding::AuthorizationHeaderSent => f.write_str(
                "the request sends an Authorization header along with the presigned URL: S3 answers InvalidArgument \"Only one auth mechanism allowed\"; remove the header (an HTTP client default or an interceptor adds it)",
            ),
            Finding::MethodChanged { signed, sent } => {
                write!(f, "the URL is presigned for {signed} but was sent with {sent}")?;
                if sent == "GET" && signed != "HEAD" {
                    f.write_str(" (opening it in a browser, a link or an <img> always does GET)")?;
                }
                if (signed == "GET" && sent == "HEAD") || (signed == "HEAD" && sent == "GET") {
                    f.write_str(": HEAD and GET are signed differently")?;
                }
                write!(f, ": the method is part of the signature, so send {signed} or presign for {sent}")
            }
            Finding::HostChanged { signed, sent } => write!(
                f,
                "the request went to host `{sent}` but the URL is signed for `{signed}`: the Host header is signed, so send the URL to the host it was presigned for (a proxy, a CDN or a rewritten endpoint changes it: presign with the host clients will use)"
            ),
            Finding::PortChanged { signed, sent } => write!(
                f,
                "the request went to `{sent}` but the URL is signed for `{signed}`: the port is part of the signed Host (a default port is left out, any other is kept), so use the same port as the presigned URL"
            ),
            Finding::PathChanged { signed, sent, change, severity } => {
                f.write_str("the path was ")?;
                match change {
                    Change::SpaceAsPlus => f.write_str("re-encoded: a space in the key, signed as `%20`, was sent as `+`, which in a path is a plus sign, so S3 looks for another key and the signature fails")?,
                    Change::PlusBecameSpace => f.write_str("re-encoded: a `+` in the key, signed as `%2B`, was sent as a space")?,
                    Change::PlusNotEncoded => f.write_str("re-encoded: a `+` in the key, signed as `%2B`, was sent bare; S3 may read a bare `+` in a path as a space (another key)")?,
                    Change::DoubleEncoded => f.write_str("encoded twice (`%` became `%25`, so `%20` became `%2520`): another key, and another signature")?,
                    Change::UnicodeNormalization => f.write_str("sent with its accented or composed characters in another Unicode normalization form (NFC vs NFD; macOS file names are NFD): other bytes, so another key; normalize the key the same way when presigning and when sending")?,
                    Change::Truncated { at } => write!(f, "cut at an unencoded `{at}`: a `?` or `#` in a key must be sent percent-encoded (`%3F`, `%23`), as in the presigned URL")?,
                    Change::EquivalentEscapes => f.write_str("re-encoded with other escapes that decode to the same key")?,
                    Change::Different => f.write_str("changed: the request asks for another resource")?,
                }
                write!(f, " (signed `{signed}`, sent `{sent}`)")?;
                match (change, severity) {
                    (Change::EquivalentEscapes, Severity::Harmless) => {
                        f.write_str(": S3 decodes the path before signing, so this is not the cause")
                    }
                    (Change::EquivalentEscapes, _) => f.write_str(
                        ": outside S3 the path is signed as sent, so the signature fails; send the path exactly as in the URL",
                    ),
                    _ => f.write_str(": send the URL exactly as presigned"),
                }
            }
            Finding::SignatureParametersMissing { names } => {
                f.write_str("the request lost the signature parameters ")?;
                list(f, names.iter().copied())?;
                f.write_str(": the URL was cut short (an unencoded `#` or `?` in it, or a copy that dropped the end); send the whole URL")
            }
            Finding::QueryParameterRemoved { name } => write!(
                f,
                "the query parameter `{name}` of the presigned URL was not sent: every query parameter is signed, so send the whole URL"
            ),
            Finding::QueryParameterAdded { name } => write!(
                f,
                "the request adds the query parameter `{name}`, which the URL does not sign: every query parameter but X-Amz-Signature is part of the signature; presign with it or stop adding it"
            ),
            Finding::QueryParameterChanged { name, signed, sent, change, severity } => {
                let token = name.eq_ignore_ascii_case("X-Amz-Security-Token");
                if token {
                    f.write_str("the session token (X-Amz-Security-Token) ")?;
                } else {
                    write!(f, "the query parameter `{name}` ")?;
                }
                match change {
                    Change::SpaceAsPlus => f.write_str("has a space, signed as `%20`, sent as `+` (form encoding); SigV4 decodes `+` as a plus sign, so the value differs")?,
                    Change::PlusBecameSpace if token => f.write_str("was mis-encoded: its `+` (signed as `%2B`) arrived as a space; a token contains `+`, `/` and `=`, which must be sent as `%2B`, `%2F` and `%3D`")?,
                    Change::PlusBecameSpace => f.write_str("has a `+`, signed as `%2B`, that arrived as a space; send it as `%2B`")?,
                    Change::PlusNotEncoded => f.write_str("has a `+`, signed as `%2B`, sent bare: servers that read the query as a form (S3 among them) take it for a space; keep `%2B`")?,
                    Change::DoubleEncoded => f.write_str("was encoded twice (`%` became `%25`)")?,
                    Change::UnicodeNormalization => f.write_str("was sent in another Unicode normalization form (NFC vs NFD)")?,
                    Change::Truncated { at } => write!(f, "was cut at an unencoded `{at}`")?,
                    Change::EquivalentEscapes => f.write_str("was re-encoded with other escapes that decode to the same value")?,
                    Change::Different => f.write_str("was changed")?,
                }
                write!(f, " (signed `{signed}`, sent `{sent}`)")?;
                if *severity == Severity::Harmless {
                    f.write_str(": the canonical query decodes and re-encodes it, so this is not the cause")
                } else {
                    f.write_str(": send the URL exactly as presigned")
                }
            }
            Finding::Expired { expired_at, seconds_ago } => write!(
                f,
                "the URL expired {} ago (at {expired_at}): S3 answers AccessDenied \"Request has expired\"; presign a new one",
                duration(*seconds_ago)
            ),
            Finding::NotYetValid { signed_at, seconds_ahead } => write!(
                f,
                "the URL is dated {} in the future ({signed_at}): the signer's clock (or the server's) is wrong, and S3 answers RequestTimeTooSkewed beyond 15 minutes",
                duration(*seconds_ahead)
            ),
            Finding::ExpiryTooLong { seconds } => write!(
                f,
                "X-Amz-Expires is {seconds} s ({}): S3 refuses more than 604800 s (7 days) with AuthorizationQueryParametersError; presign for 7 days at most",
                duration(*seconds)
            ),
            Finding::RegionMismatch { signed, expected, from_host } => {
                write!(f, "the URL is signed for region '{signed}' but ")?;
                if *from_host {
                    write!(f, "its endpoint host is in '{expected}'")?;
                } else {
                    write!(f, "the bucket is in '{expected}'")?;
                }
                write!(
                    f,
                    ": S3 answers AuthorizationQueryParametersError \"the region '{signed}' is wrong; expecting '{expected}'\"; presign for region {expected} at its regional endpoint"
                )
            }
            Finding::CredentialsExpireFirst { credentials_expire_at, url_expires_at, already } => {
                if *already {
                    write!(f, "the temporary credentials that signed the URL expired at {credentials_expire_at}")?;
                } else {
                    write!(f, "the temporary credentials that signed the URL expire at {credentials_expire_at}")?;
                }
                write!(
                    f,
                    ", before the URL does ({url_expires_at}): from then on S3 answers ExpiredToken (instance-profile and STS credentials last hours, not days); presign with longer-lived credentials or a shorter expiry"
                )
            }
        }
    }
}

fn list<'s>(f: &mut fmt::Formatter<'_>, items: impl Iterator<Item = &'s str>) -> fmt::Result {
    for (i, n) in items.enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        f.write_str(n)?;
    }
    Ok(())
}

/// The `Host` value split into host name and explicit port.
fn host_port(host: &str) -> (&str, Option<&str>) {
    if let Some(rest) = host.strip_prefix('[') {
        return match rest.split_once(']') {
            Some((_, p)) => (&host[..host.len() - p.len()], p.strip_prefix(':')),
            None => (host, None),
        };
    }
    match host.rsplit_once(':') {
        Some((h, p)) if !h.contains(':') => (h, Some(p)),
        _ => (host, None),
    }
}

/// `xx-name-N` (two-letter prefix, words, a number): what AWS region codes look like.
fn looks_like_region(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() >= 3
        && parts
            .first()
            .is_some_and(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_lowercase()))
        && parts
            .last()
            .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The region named by an AWS S3 endpoint host (`b.s3.REGION.amazonaws.com`,
/// `b.s3-REGION.amazonaws.com`, `s3.dualstack.REGION...`, `s3-fips.REGION...`).
pub(crate) fn region_of_host(host: &str) -> Option<&str> {
    let (name, _) = host_port(host);
    if !(name.ends_with(".amazonaws.com") || name.ends_with(".amazonaws.com.cn")) {
        return None;
    }
    let labels: Vec<&str> = name.split('.').collect();
    for (i, l) in labels.iter().enumerate() {
        if let Some(r) = l.strip_prefix("s3-").filter(|r| looks_like_region(r)) {
            return Some(r);
        }
        let s3_label = *l == "s3" || l.starts_with("s3-") || *l == "dualstack";
        if s3_label {
            if let Some(next) = labels.get(i + 1).filter(|n| looks_like_region(n)) {
                return Some(next);
            }
        }
    }
    None
}

/// What the presigned URL says about itself.
struct Signed<'a> {
    parts: verify::UrlParts<'a>,
    params: Vec<RawParam<'a>>,
    date: Option<Timestamp>,
    expires: Option<u64>,
    expires_raw: Option<Cow<'a, str>>,
    region: Option<String>,
    service: Option<String>,
    signed_headers: Vec<String>,
    missing: Vec<&'static str>,
}

fn read_signed(url: &str) -> Result<Signed<'_>, Finding> {
    if url.len() > verify::MAX_URL_LEN {
        return Err(Finding::TooLarge {
            what: "presigned URL",
        });
    }
    let parts = verify::split_url(url).map_err(|reason| Finding::UnusableUrl {
        which: Which::Presigned,
        reason,
    })?;
    let params = verify::raw_params(parts.query, verify::MAX_QUERY_PARAMS).map_err(|_| {
        Finding::TooLarge {
            what: "presigned URL's query",
        }
    })?;
    let value = |i: usize| {
        params
            .iter()
            .find(|p| p.auth_index() == Some(i))
            .map(|p| encoding::decode_lossy(p.raw_value))
    };
    let missing: Vec<&'static str> = AUTH_PARAMS[..6]
        .iter()
        .enumerate()
        .filter(|(i, _)| value(*i).is_none())
        .map(|(_, n)| *n)
        .collect();
    let date = value(2).and_then(|d| Timestamp::parse_amz_date(&d).ok());
    let expires_raw = value(3);
    let expires = expires_raw.as_deref().and_then(|e| {
        if e.len() <= 19 {
            e.parse::<u64>().ok()
        } else {
            None
        }
    });
    let (region, service) = match value(1) {
        Some(c) => {
            let mut it = c.rsplitn(5, '/');
            let _term = it.next();
            let service = it.next().map(String::from);
            let region = it.next().map(String::from);
            (region, service)
        }
        None => (None, None),
    };
    let signed_headers = value(4)
        .map(|s| {
            s.split(';')
                .filter(|n| !n.is_empty())
                .take(verify::MAX_SIGNED_HEADERS)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    Ok(Signed {
        parts,
        params,
        date,
        expires,
        expires_raw,
        region,
        service,
        signed_headers,
        missing,
    })
}

/// Findings about the presigned URL itself: expiry, region, credentials lifetime.
///
/// ```
/// use presign::diagnose::{diagnose_url, Context, Finding, Intended};
/// use presign::Timestamp;
/// let url = "https://b.s3.us-east-2.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F20260101%2Fus-east-2%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=00";
/// let ctx = Context::default().expected_region("ap-south-1").now(Timestamp::parse_rfc3339("2026-01-01T01:00:00Z")?);
/// let findings = diagnose_url(&Intended::from_url(Some("GET"), url), &ctx);
/// assert!(findings.iter().any(|f| matches!(f, Finding::RegionMismatch { expected, .. } if expected == "ap-south-1")));
/// assert!(findings.iter().any(|f| matches!(f, Finding::Expired { seconds_ago: 2700, .. })));
/// # Ok::<(), presign::Error>(())
/// ```
pub fn diagnose_url(intended: &Intended<'_>, context: &Context<'_>) -> Vec<Finding> {
    match read_signed(intended.url) {
        Ok(s) => intrinsic(&s, context),
        Err(f) => alloc::vec![f],
    }
}

fn intrinsic(s: &Signed<'_>, ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    if !s.missing.is_empty() {
        out.push(Finding::NotPresigned {
            missing: s.missing.clone(),
        });
    }
    match (s.expires, &s.expires_raw) {
        (Some(e), _) if (1..=MAX_EXPIRES).contains(&e) => {}
        (Some(e), _) => out.push(Finding::ExpiryTooLong { seconds: e }),
        (None, Some(_)) => out.push(Finding::ExpiryTooLong { seconds: 0 }),
        (None, None) => {}
    }
    let expires_at = match (s.date, s.expires) {
        (Some(d), Some(e)) => d.add_seconds(e).ok(),
        _ => None,
    };
    if let (Some(now), Some(date)) = (ctx.now, s.date) {
        if let Some(at) = expires_at {
            if now >= at {
                out.push(Finding::Expired {
                    expired_at: at,
                    seconds_ago: (now.unix() - at.unix()) as u64,
                });
            }
        }
        if date.unix() - now.unix() > verify::DEFAULT_MAX_SKEW as i64 {
            out.push(Finding::NotYetValid {
                signed_at: date,
                seconds_ahead: (date.unix() - now.unix()) as u64,
            });
        }
    }
    if let Some(signed) = &s.region {
        let expected = match ctx.expected_region {
            Some(r) => Some((r, false)),
            None => region_of_host(s.parts.host).map(|r| (r, true)),
        };
        if let Some((expected, from_host)) = expected {
            if signed != expected {
                out.push(Finding::RegionMismatch {
                    signed: verify::clip(signed, 64),
                    expected: verify::clip(expected, 64),
                    from_host,
                });
            }
        }
    }
    if let (Some(cred), Some(url)) = (ctx.credentials_expire_at, expires_at) {
        if cred < url {
            let already = ctx.now.is_some_and(|n| n >= cred);
            out.push(Finding::CredentialsExpireFirst {
                credentials_expire_at: cred,
                url_expires_at: url,
                already,
            });
        }
    }
    out
}

/// Compares what was presigned with what a client sent, and lists what breaks the signature
/// (and what is harmless), most telling first: the URL itself (expiry, region, credentials),
/// then method, host, path, query and headers.
pub fn diagnose(intended: &Intended<'_>, sent: &Sent<'_>, context: &Context<'_>) -> Vec<Finding> {
    let signed = match read_signed(intended.url) {
        Ok(s) => s,
        Err(f) => return alloc::vec![f],
    };
    let mut out = intrinsic(&signed, context);
    if sent.url.len() > verify::MAX_URL_LEN {
        out.push(Finding::TooLarge { what: "URL sent" });
        return out;
    }
    if sent.headers.len() > verify::MAX_HEADERS {
        out.push(Finding::TooLarge {
            what: "list of headers sent",
        });
        return out;
    }
    let got = match verify::split_url(sent.url) {
        Ok(p) => p,
        Err(reason) => {
            out.push(Finding::UnusableUrl {
                which: Which::Sent,
                reason,
            });
            return out;
        }
    };
    let sent_header = |name: &str| -> Vec<&str> {
        sent.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
            .collect()
    };
    let rules = signed
        .service
        .as_deref()
        .map_or(UriPath::S3, UriPath::for_service);

    // Method.
    if let Some(m) = intended.method {
        if m != sent.method {
            out.push(Finding::MethodChanged {
                signed: verify::clip(m, 32),
                sent: verify::clip(sent.method, 32),
            });
        }
    }

    // Host and port.
    let sent_host = sent_header("host").first().copied().unwrap_or(got.host);
    let signed_host = signed.parts.host;
    if !sent_host.is_empty() && !sent_host.eq_ignore_ascii_case(signed_host) {
        let (a, _) = host_port(signed_host);
        let (b, _) = host_port(sent_host);
        let (signed_host, sent_host) =
            (verify::clip(signed_host, 256), verify::clip(sent_host, 256));
        if a.eq_ignore_ascii_case(b) {
            out.push(Finding::PortChanged {
                signed: signed_host,
                sent: sent_host,
            });
        } else {
            out.push(Finding::HostChanged {
                signed: signed_host,
                sent: sent_host,
            });
        }
    }

    // Path.
    if signed.parts.path != got.path {
        let change = classify(signed.parts.path, got.path, true);
        let severity = severity(change, rules == UriPath::S3);
        out.push(Finding::PathChanged {
            signed: verify::clip(signed.parts.path, 256),
            sent: verify::clip(got.path, 256),
            change,
            severity,
        });
    }

    // Query.
    match verify::raw_params(got.query, verify::MAX_QUERY_PARAMS) {
        Err(_) => out.push(Finding::TooLarge { what: "query sent" }),
        Ok(sent_params) => compare_query(&signed.params, &sent_params, &mut out),
    }

    // Headers.
    let upload = matches!(intended.method.unwrap_or(sent.method), "PUT" | "POST");
    for name in signed
        .signed_headers
        .iter()
        .filter(|n| n.as_str() != "host")
    {
        let values = sent_header(name);
        let known = intended.headers.as_ref().map(|hs| {
            hs.iter()
                .filter(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| *v)
                .collect::<Vec<_>>()
        });
        let redact = SENSITIVE_HEADERS.contains(&name.as_str());
        let show = |v: &str| {
            if redact {
                redacted(v)
            } else {
                verify::clip(v, 256)
            }
        };
        if values.is_empty() {
            let value = known
                .as_ref()
                .filter(|k| !k.is_empty())
                .map(|k| show(&join_canonical(k)));
            out.push(Finding::SignedHeaderNotSent {
                name: verify::clip(name, 128),
                value,
                upload,
            });
            continue;
        }
        if let Some(k) = known.filter(|k| !k.is_empty()) {
            let (a, b) = (join_canonical(&k), join_canonical(&values));
            if a != b {
                out.push(Finding::SignedHeaderChanged {
                    name: verify::clip(name, 128),
                    signed: show(&a),
                    sent: show(&b),
                });
            }
        }
    }
    let mut seen: Vec<String> = Vec::new();
    for (name, _) in &sent.headers {
        let lower = name.to_ascii_lowercase();
        if lower == "authorization" {
            if !seen.contains(&lower) {
                out.push(Finding::AuthorizationHeaderSent);
                seen.push(lower);
            }
            continue;
        }
        if lower.starts_with("x-amz-")
            && lower != "x-amz-content-sha256"
            && !signed.signed_headers.contains(&lower)
            && !seen.contains(&lower)
        {
            out.push(Finding::UnsignedAmzHeader {
                name: verify::clip(&lower, 128),
            });
            seen.push(lower);
        }
    }
    out
}

fn join_canonical(values: &[&str]) -> String {
    let mut s = String::new();
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        verify::canonical_header_value(&mut s, v);
    }
    s
}

/// `<redacted, N characters>` with at most the first four characters of a long secret.
fn redacted(v: &str) -> String {
    use core::fmt::Write;
    let mut s = String::new();
    let n = v.chars().count();
    if n >= 32 {
        let head: String = v.chars().take(4).collect();
        let _ = write!(s, "{head}…<redacted, {n} characters>");
    } else {
        let _ = write!(s, "<redacted, {n} characters>");
    }
    s
}

fn severity(change: Change, s3: bool) -> Severity {
    match change {
        Change::EquivalentEscapes if s3 => Severity::Harmless,
        Change::PlusNotEncoded if s3 => Severity::Risky,
        _ => Severity::Breaks,
    }
}

fn compare_query(signed: &[RawParam<'_>], sent: &[RawParam<'_>], out: &mut Vec<Finding>) {
    let mut lost_auth: Vec<&'static str> = Vec::new();
    let mut names: Vec<&[u8]> = Vec::new();
    for p in signed.iter().chain(sent) {
        if !names.contains(&&*p.name) {
            names.push(&p.name);
        }
    }
    for name in names {
        let a: Vec<&RawParam<'_>> = signed.iter().filter(|p| *p.name == *name).collect();
        let b: Vec<&RawParam<'_>> = sent.iter().filter(|p| *p.name == *name).collect();
        let display = verify::clip(&String::from_utf8_lossy(name), 128);
        let auth = a.first().or(b.first()).and_then(|p| p.auth_index());
        for i in 0..a.len().max(b.len()) {
            match (a.get(i), b.get(i)) {
                (Some(_), None) => match auth {
                    Some(k) if k < 6 => {
                        if !lost_auth.contains(&AUTH_PARAMS[k]) {
                            lost_auth.push(AUTH_PARAMS[k]);
                        }
                    }
                    _ => out.push(Finding::QueryParameterRemoved {
                        name: display.clone(),
                    }),
                },
                (None, Some(_)) => out.push(Finding::QueryParameterAdded {
                    name: display.clone(),
                }),
                (Some(x), Some(y)) if x.raw_value != y.raw_value => {
                    let change = classify(x.raw_value, y.raw_value, false);
                    let token = auth == Some(6);
                    let show = |v: &str| {
                        if token {
                            redacted(v)
                        } else {
                            verify::clip(v, 256)
                        }
                    };
                    out.push(Finding::QueryParameterChanged {
                        name: display.clone(),
                        signed: show(x.raw_value),
                        sent: show(y.raw_value),
                        change,
                        severity: severity(change, true),
                    });
                }
                _ => {}
            }
        }
    }
    if !lost_auth.is_empty() {
        out.push(Finding::SignatureParametersMissing { names: lost_auth });
    }
}

/// How `sent` differs from `signed` (both raw, percent-encoded).
fn classify(signed: &str, sent: &str, path: bool) -> Change {
    let a = encoding::decode(signed);
    let b = encoding::decode(sent);
    if a == b {
        let plus_escapes = |s: &str| {
            s.as_bytes()
                .windows(3)
                .filter(|w| w.eq_ignore_ascii_case(b"%2B"))
                .count()
        };
        if sent.contains('+') && plus_escapes(signed) > plus_escapes(sent) {
            return Change::PlusNotEncoded;
        }
        return Change::EquivalentEscapes;
    }
    let pairwise = |from: u8, to: u8| {
        a.len() == b.len()
            && a.iter()
                .zip(b.iter())
                .all(|(x, y)| x == y || (*x == from && *y == to))
            && a.contains(&from)
    };
    if pairwise(b' ', b'+') {
        return Change::SpaceAsPlus;
    }
    if pairwise(b'+', b' ') {
        return Change::PlusBecameSpace;
    }
    if *encoding::decode(&String::from_utf8_lossy(&b)) == *a && b.contains(&b'%') {
        return Change::DoubleEncoded;
    }
    if path && a.len() > b.len() && a.starts_with(&b) {
        if let Some(&c @ (b'?' | b'#')) = a.get(b.len()) {
            return Change::Truncated { at: char::from(c) };
        }
    }
    if let (Ok(x), Ok(y)) = (core::str::from_utf8(&a), core::str::from_utf8(&b)) {
        if (has_combining(x) || has_combining(y)) && skeleton(x) == skeleton(y) {
            return Change::UnicodeNormalization;
        }
    }
    Change::Different
}

/// Characters that attach to the one before: combining marks, the Japanese (han)dakuten, and
/// the vowel and final Hangul jamo of decomposed syllables.
fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0x3099..=0x309A | 0x1160..=0x11FF)
}

/// Whether `s` holds anything only a decomposed (NFD) form has: combining characters or leading
/// Hangul jamo.
fn has_combining(s: &str) -> bool {
    s.chars()
        .any(|c| is_combining(c) || ('\u{1100}'..='\u{115F}').contains(&c))
}

/// The ASCII characters of `s` that no combining mark modifies: equal for the NFC and NFD forms
/// of one text.
fn skeleton(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let modified = chars.peek().is_some_and(|n| is_combining(*n));
        if c.is_ascii() && !modified {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// S3's SignatureDoesNotMatch body against our canonical request and string to sign.

/// The fields of an S3 error body (`<Error><Code>...`), XML entities decoded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct S3ErrorBody {
    /// `<Code>`, e.g. `SignatureDoesNotMatch`.
    pub code: Option<String>,
    /// `<Message>`.
    pub message: Option<String>,
    /// `<AWSAccessKeyId>`.
    pub access_key_id: Option<String>,
    /// `<CanonicalRequest>` (or decoded from `<CanonicalRequestBytes>`).
    pub canonical_request: Option<String>,
    /// `<StringToSign>` (or decoded from `<StringToSignBytes>`).
    pub string_to_sign: Option<String>,
    /// `<SignatureProvided>`.
    pub signature_provided: Option<String>,
}

/// The largest error body read: 1 MiB.
pub const MAX_ERROR_BODY: usize = 1 << 20;

/// Decodes `&amp; &lt; &gt; &quot; &apos; &#NN; &#xHH;`; anything else stays as it is.
pub fn xml_unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(j, _)| j);
        let decoded = end.and_then(|j| {
            let ent = &rest[1..j];
            let c = match ent {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let n = if let Some(h) =
                        ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X"))
                    {
                        u32::from_str_radix(h, 16).ok()
                    } else if let Some(d) = ent.strip_prefix('#') {
                        d.parse::<u32>().ok()
                    } else {
                        None
                    };
                    char::from_u32(n?)?
                }
            };
            Some((c, j))
        });
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn tag<'x>(xml: &'x str, name: &str) -> Option<&'x str> {
    let mut open = String::with_capacity(name.len() + 2);
    open.push('<');
    open.push_str(name);
    open.push('>');
    let start = xml.find(&open)? + open.len();
    let mut close = String::with_capacity(name.len() + 3);
    close.push_str("</");
    close.push_str(name);
    close.push('>');
    let len = xml.get(start..)?.find(&close)?;
    xml.get(start..start + len)
}

/// `47 45 54 0a ...` (S3's `...Bytes` elements) to text.
fn from_hex_bytes(s: &str) -> Option<String> {
    let mut bytes = Vec::new();
    for h in s.split_ascii_whitespace() {
        bytes.push(u8::from_str_radix(h, 16).ok()?);
    }
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

impl S3ErrorBody {
    /// Reads an S3 error body. Missing elements are `None`; a body over [`MAX_ERROR_BODY`] is
    /// read up to that size.
    pub fn parse(xml: &str) -> S3ErrorBody {
        let mut end = xml.len().min(MAX_ERROR_BODY);
        while !xml.is_char_boundary(end) {
            end -= 1;
        }
        let xml = &xml[..end];
        let text = |n: &str| tag(xml, n).map(|t| xml_unescape(t).into_owned());
        S3ErrorBody {
            code: text("Code"),
            message: text("Message"),
            access_key_id: text("AWSAccessKeyId"),
            canonical_request: text("CanonicalRequest")
                .or_else(|| tag(xml, "CanonicalRequestBytes").and_then(from_hex_bytes)),
            string_to_sign: text("StringToSign")
                .or_else(|| tag(xml, "StringToSignBytes").and_then(from_hex_bytes)),
            signature_provided: text("SignatureProvided"),
        }
    }
}

/// The part of the signing texts a difference is in.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Component {
    /// The HTTP method (canonical request line 1).
    Method,
    /// The canonical URI (line 2).
    Uri,
    /// The canonical query (line 3).
    Query,
    /// One canonical header (lower-case name).
    Header(String),
    /// The signed-headers list.
    SignedHeaders,
    /// The payload hash (last line).
    Payload,
    /// The algorithm line of the string to sign.
    Algorithm,
    /// The request date (`X-Amz-Date`) in the string to sign.
    Date,
    /// The credential scope (date, region, service) in the string to sign.
    Scope,
    /// The canonical request hash in the string to sign.
    Hash,
}

impl fmt::Display for Component {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Component::Method => f.write_str("the method"),
            Component::Uri => f.write_str("the URI"),
            Component::Query => f.write_str("the query"),
            Component::Header(n) => write!(f, "the header `{n}`"),
            Component::SignedHeaders => f.write_str("the signed-headers list"),
            Component::Payload => f.write_str("the payload hash"),
            Component::Algorithm => f.write_str("the algorithm"),
            Component::Date => f.write_str("the date"),
            Component::Scope => f.write_str("the credential scope"),
            Component::Hash => f.write_str("the canonical request hash"),
        }
    }
}

/// Which text a line belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    /// The canonical request.
    CanonicalRequest,
    /// The string to sign.
    StringToSign,
}

/// One differing line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineDifference {
    /// The text it is in.
    pub text: Text,
    /// The 1-based line number (in ours; in theirs when we have no such line).
    pub line: usize,
    /// What the line is.
    pub component: Component,
    /// Our line (`None`: only theirs has it). Session token and SSE-C key redacted.
    pub ours: Option<String>,
    /// Their line (`None`: only ours has it). Session token and SSE-C key redacted.
    pub theirs: Option<String>,
    /// What differs within the line, when it can be said more precisely.
    pub note: Option<String>,
}

/// The line-by-line difference between our signing texts and the server's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SigningDiff {
    /// The differing lines, canonical request first.
    pub lines: Vec<LineDifference>,
    /// Whether the server's string to sign was compared.
    pub string_to_sign_compared: bool,
}

impl SigningDiff {
    /// Whether the texts are identical (then the signing key differs: the secret is wrong).
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The components that differ, in order, each once.
    pub fn components(&self) -> Vec<&Component> {
        let mut out: Vec<&Component> = Vec::new();
        for l in &self.lines {
            if !out.contains(&&l.component) {
                out.push(&l.component);
            }
        }
        out
    }

    /// Whether `component` differs.
    pub fn differs_in(&self, component: &Component) -> bool {
        self.lines.iter().any(|l| l.component == *component)
    }
}

impl fmt::Display for SigningDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.lines.is_empty() {
            return f.write_str(if self.string_to_sign_compared {
                "the canonical request and the string to sign are identical: the signing key differs, so the secret access key is wrong (another key, or one with a stray space or newline)"
            } else {
                "the canonical requests are identical: compare the string to sign (date and scope), or check the secret access key"
            });
        }
        f.write_str("the server's signing texts differ from ours in ")?;
        for (i, c) in self.components().iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{c}")?;
        }
        f.write_str(":")?;
        for l in &self.lines {
            let text = match l.text {
                Text::CanonicalRequest => "canonical request",
                Text::StringToSign => "string to sign",
            };
            write!(f, "\n- {text} line {} ({}):", l.line, l.component)?;
            write!(f, "\n    ours:   {}", l.ours.as_deref().unwrap_or("(none)"))?;
            write!(
                f,
                "\n    theirs: {}",
                l.theirs.as_deref().unwrap_or("(none)")
            )?;
            if let Some(n) = &l.note {
                write!(f, "\n    {n}")?;
            }
        }
        Ok(())
    }
}

/// A canonical request split into its parts; headers as `(name, whole line)`.
struct Canon<'a> {
    lines: Vec<&'a str>,
    headers: Vec<(&'a str, usize)>,
    signed: Option<usize>,
    payload: Option<usize>,
}

fn split_canon(text: &str) -> Canon<'_> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut headers = Vec::new();
    let mut i = 3;
    while let Some(l) = lines.get(i) {
        if l.is_empty() {
            break;
        }
        headers.push((l.split_once(':').map_or(*l, |(n, _)| n), i));
        i += 1;
    }
    let signed = (i + 1 < lines.len()).then_some(i + 1);
    let payload = (i + 2 < lines.len()).then_some(i + 2);
    Canon {
        lines,
        headers,
        signed,
        payload,
    }
}

fn line_at<'a>(c: &Canon<'a>, i: Option<usize>) -> Option<&'a str> {
    i.and_then(|i| c.lines.get(i).copied())
}

fn redact_line(component: &Component, line: &str) -> String {
    match component {
        Component::Query => verify::redact_query_line(line).into_owned(),
        Component::Header(_) => verify::redact_header_line(line).into_owned(),
        _ => String::from(line),
    }
}

fn query_note(ours: &str, theirs: &str) -> Option<String> {
    use core::fmt::Write;
    let split = |s: &'_ str| -> Vec<(String, String)> {
        s.split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (n, v) = p.split_once('=').unwrap_or((p, ""));
                (String::from(n), String::from(v))
            })
            .collect()
    };
    let (a, b) = (split(ours), split(theirs));
    let (mut sa, mut sb) = (a.clone(), b.clone());
    sa.sort();
    sb.sort();
    if sa == sb {
        return Some(String::from(
            "the same parameters in another order: SigV4 sorts by the percent-encoded names (then values); one side sorted before encoding",
        ));
    }
    let mut note = String::new();
    let is_token = |n: &str| n.eq_ignore_ascii_case("X-Amz-Security-Token");
    let mut names: Vec<&str> = Vec::new();
    for (n, _) in a.iter().chain(&b) {
        if !names.contains(&n.as_str()) {
            names.push(n);
        }
    }
    for n in names {
        let va: Vec<&String> = a.iter().filter(|(x, _)| x == n).map(|(_, v)| v).collect();
        let vb: Vec<&String> = b.iter().filter(|(x, _)| x == n).map(|(_, v)| v).collect();
        if va == vb {
            continue;
        }
        if !note.is_empty() {
            note.push_str("; ");
        }
        let n_shown = verify::clip(n, 128);
        let _ = match (va.is_empty(), vb.is_empty()) {
            (false, true) => write!(note, "`{n_shown}` only in ours"),
            (true, false) => write!(note, "`{n_shown}` only in theirs"),
            _ if is_token(n) => write!(note, "the session token differs (values not shown): check how it is encoded (`+` `/` `=` must be `%2B` `%2F` `%3D`)"),
            _ => write!(note, "`{n_shown}` differs"),
        };
    }
    (!note.is_empty()).then_some(note)
}

/// Compares our canonical request and string to sign with the server's, line by line, and names
/// the component each differing line belongs to.
pub fn compare_signing(
    ours_canonical_request: &str,
    ours_string_to_sign: &str,
    theirs_canonical_request: &str,
    theirs_string_to_sign: Option<&str>,
) -> SigningDiff {
    let mut lines = Vec::new();
    let (a, b) = (
        split_canon(ours_canonical_request),
        split_canon(theirs_canonical_request),
    );
    let mut push = |text: Text,
                    line: usize,
                    component: Component,
                    ours: Option<&str>,
                    theirs: Option<&str>,
                    note: Option<String>| {
        if ours != theirs {
            lines.push(LineDifference {
                text,
                line: line + 1,
                ours: ours.map(|l| redact_line(&component, l)),
                theirs: theirs.map(|l| redact_line(&component, l)),
                component,
                note,
            });
        }
    };
    let fixed = [Component::Method, Component::Uri, Component::Query];
    for (i, c) in fixed.into_iter().enumerate() {
        let (x, y) = (a.lines.get(i).copied(), b.lines.get(i).copied());
        let note = match (&c, x, y) {
            (Component::Query, Some(x), Some(y)) if x != y => query_note(x, y),
            (Component::Uri, Some(x), Some(y)) if x != y && encoding::decode(x) == encoding::decode(y) => Some(String::from(
                "the same path with other escapes: one side encoded the path differently (S3 decodes it once and encodes it once)",
            )),
            (Component::Uri, Some(x), Some(y)) if x != y && *encoding::decode(y) == *x.as_bytes() => {
                Some(String::from("theirs is ours encoded twice: the path was encoded again on the way"))
            }
            _ => None,
        };
        push(Text::CanonicalRequest, i, c, x, y, note);
    }
    let mut names: Vec<&str> = Vec::new();
    for (n, _) in a.headers.iter().chain(&b.headers) {
        if !names.contains(n) {
            names.push(n);
        }
    }
    names.sort_unstable();
    for n in names {
        let x = a.headers.iter().find(|(m, _)| *m == n);
        let y = b.headers.iter().find(|(m, _)| *m == n);
        let line = x.or(y).map_or(3, |(_, i)| *i);
        let note = match (x, y) {
            (Some(_), None) => Some(String::from(
                "the server did not receive this header: the client did not send it",
            )),
            (None, Some(_)) => Some(String::from(
                "the server signed a header we did not: its SignedHeaders differ",
            )),
            _ => None,
        };
        push(
            Text::CanonicalRequest,
            line,
            Component::Header(verify::clip(n, 128)),
            line_at(&a, x.map(|(_, i)| *i)),
            line_at(&b, y.map(|(_, i)| *i)),
            note,
        );
    }
    push(
        Text::CanonicalRequest,
        a.signed.or(b.signed).unwrap_or(0),
        Component::SignedHeaders,
        line_at(&a, a.signed),
        line_at(&b, b.signed),
        None,
    );
    let payload_note = Some(String::from(
        "presigned S3 URLs sign UNSIGNED-PAYLOAD unless the client sends x-amz-content-sha256; header-signed requests sign that header's value",
    ));
    let (pa, pb) = (line_at(&a, a.payload), line_at(&b, b.payload));
    push(
        Text::CanonicalRequest,
        a.payload.or(b.payload).unwrap_or(0),
        Component::Payload,
        pa,
        pb,
        payload_note.filter(|_| pa != pb),
    );
    let canonical_differs = !lines.is_empty();
    let compared = theirs_string_to_sign.is_some();
    if let Some(theirs) = theirs_string_to_sign {
        let x: Vec<&str> = ours_string_to_sign.split('\n').collect();
        let y: Vec<&str> = theirs.split('\n').collect();
        let parts = [
            Component::Algorithm,
            Component::Date,
            Component::Scope,
            Component::Hash,
        ];
        for (i, c) in parts.into_iter().enumerate() {
            let (p, q) = (x.get(i).copied(), y.get(i).copied());
            let note = match (&c, p, q) {
                (Component::Scope, Some(p), Some(q)) if p != q => {
                    let (sp, sq): (Vec<&str>, Vec<&str>) = (p.split('/').collect(), q.split('/').collect());
                    let which = ["date", "region", "service", "terminator"];
                    let diff: Vec<&str> = (0..4).filter(|k| sp.get(*k) != sq.get(*k)).map(|k| which[k]).collect();
                    let mut s = String::from("the scope's ");
                    s.push_str(&diff.join(" and "));
                    s.push_str(" differ");
                    if diff.contains(&"region") {
                        s.push_str(": sign for the bucket's region");
                    }
                    Some(s)
                }
                (Component::Hash, Some(_), Some(_)) if canonical_differs => {
                    Some(String::from("follows from the canonical request differences above"))
                }
                (Component::Hash, Some(_), Some(_)) => Some(String::from(
                    "the canonical requests look identical but hash differently: invisible characters differ (a trailing space, CR, or another Unicode form)",
                )),
                _ => None,
            };
            if p != q {
                lines.push(LineDifference {
                    text: Text::StringToSign,
                    line: i + 1,
                    component: c,
                    ours: p.map(String::from),
                    theirs: q.map(String::from),
                    note,
                });
            }
        }
    }
    SigningDiff {
        lines,
        string_to_sign_compared: compared,
    }
}

/// Reads S3's `SignatureDoesNotMatch` body (raw XML) and compares its canonical request and string
/// to sign with ours (from `presign_with_details`). `None` when the body has no canonical request.
///
/// ```
/// use presign::diagnose::{explain_signature_mismatch, Component};
/// use presign::{sigv4, Credentials, Payload, Timestamp};
///
/// let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
/// let time = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z")?;
/// let req = sigv4::Request::new("GET", "examplebucket.s3.amazonaws.com", "/a b.txt").payload(Payload::Unsigned);
/// let (_, ours) = sigv4::presign_with_details(&req, &sigv4::SigningParams::new(&creds, "us-east-1", "s3", time), 3600)?;
///
/// // S3 saw the space sent as `+` (XML-escaped in its error body as usual).
/// let theirs = ours.canonical_request.replace("/a%20b.txt", "/a%2Bb.txt").replace('&', "&amp;");
/// let body = format!("<Error><Code>SignatureDoesNotMatch</Code><CanonicalRequest>{theirs}</CanonicalRequest></Error>");
/// let diff = explain_signature_mismatch(&ours, &body).unwrap();
/// assert_eq!(diff.components(), [&Component::Uri]);
/// # Ok::<(), presign::Error>(())
/// ```
pub fn explain_signature_mismatch(
    ours: &SigningDetails,
    s3_error_xml: &str,
) -> Option<SigningDiff> {
    let body = S3ErrorBody::parse(s3_error_xml);
    let theirs = body.canonical_request?;
    Some(compare_signing(
        &ours.canonical_request,
        &ours.string_to_sign,
        &theirs,
        body.string_to_sign.as_deref(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_from_hosts() {
        assert_eq!(
            region_of_host("b.s3.us-east-2.amazonaws.com"),
            Some("us-east-2")
        );
        assert_eq!(
            region_of_host("s3.dualstack.eu-west-1.amazonaws.com"),
            Some("eu-west-1")
        );
        assert_eq!(
            region_of_host("b.s3-fips.us-gov-west-1.amazonaws.com"),
            Some("us-gov-west-1")
        );
        assert_eq!(
            region_of_host("b.s3-ap-south-1.amazonaws.com"),
            Some("ap-south-1")
        );
        assert_eq!(
            region_of_host("b.s3.cn-north-1.amazonaws.com.cn"),
            Some("cn-north-1")
        );
        assert_eq!(region_of_host("b.s3.amazonaws.com"), None);
        assert_eq!(region_of_host("b.s3-accelerate.amazonaws.com"), None);
        assert_eq!(region_of_host("localhost:9000"), None);
    }

    #[test]
    fn classifies_changes() {
        assert_eq!(classify("/a%20b", "/a+b", true), Change::SpaceAsPlus);
        assert_eq!(classify("/a%2Bb", "/a+b", true), Change::PlusNotEncoded);
        assert_eq!(classify("x%2By", "x%20y", false), Change::PlusBecameSpace);
        assert_eq!(classify("/a%20b", "/a%2520b", true), Change::DoubleEncoded);
        assert_eq!(classify("/a~b", "/a%7Eb", true), Change::EquivalentEscapes);
        assert_eq!(
            classify("/a%3Fb", "/a", true),
            Change::Truncated { at: '?' }
        );
        assert_eq!(
            classify("/caf%C3%A9", "/cafe%CC%81", true),
            Change::UnicodeNormalization
        );
        assert_eq!(classify("/a", "/b", true), Change::Different);
    }

    #[test]
    fn unescapes_xml() {
        assert_eq!(
            xml_unescape("a&amp;b&lt;&gt;&quot;&apos;&#65;&#x42;&bogus;&"),
            "a&b<>\"'AB&bogus;&"
        );
        assert_eq!(from_hex_bytes("47 45 54 0a").as_deref(), Some("GET\n"));
    }
}
