//! Verifying SigV4 signatures as a server, proxy or gateway would: presigned URLs (the
//! `X-Amz-*` query parameters) and `Authorization: AWS4-HMAC-SHA256 ...` header requests.
//!
//! The canonical request is rebuilt from what was *received* (the raw path and query, the
//! headers as sent), never from what a signer meant to send, and the signature is compared in
//! constant time. Every refusal is a typed [`Rejection`] that maps to the error code S3 itself
//! would answer ([`Rejection::s3_code`]).
//!
//! Parsing is bounded ([`MAX_URL_LEN`], [`MAX_QUERY_PARAMS`], [`MAX_HEADERS`],
//! [`MAX_HEADER_BYTES`], [`MAX_SIGNED_HEADERS`]) and never panics, whatever the input.
//!
//! ```
//! use presign::s3::{Bucket, Endpoint};
//! use presign::verify::{Rejection, Request, Verifier};
//! use presign::{Credentials, Timestamp};
//!
//! let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
//! let bucket = Bucket::new(Endpoint::aws("eu-west-1")?, "my-uploads")?;
//! let signed_at = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?;
//! let upload = bucket.put_object("cat.png").content_type("image/png").presign(&creds, signed_at, 900)?;
//!
//! // The server side: what arrived, the clock, and where to find secrets.
//! let now = signed_at.add_seconds(60)?;
//! let lookup = |akid: &str, _token: Option<&str>| (akid == "AKIAIOSFODNN7EXAMPLE").then_some(creds.clone());
//! let verifier = Verifier::new(now).region("eu-west-1").service("s3");
//!
//! let request = Request::from_url("PUT", &upload.url)?.header("Content-Type", "image/png");
//! let ok = verifier.verify(&request, lookup)?;
//! assert_eq!(ok.access_key_id, "AKIAIOSFODNN7EXAMPLE");
//! assert_eq!(ok.signed_headers, ["content-type", "host"]);
//!
//! // The same URL without the signed Content-Type is refused.
//! let bare = Request::from_url("PUT", &upload.url)?;
//! let err = verifier.verify(&bare, lookup).unwrap_err();
//! assert!(matches!(err, Rejection::SignedHeaderMissing { ref name } if name == "content-type"));
//! assert_eq!(err.s3_code(), "SignatureDoesNotMatch");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::canonical::{self, UriPath};
use crate::encoding::{self, Component};
use crate::signing::{self, SigningKey, ALGORITHM, EMPTY_SHA256, UNSIGNED_PAYLOAD};
use crate::sigv4::MAX_EXPIRES;
use crate::{Credentials, Timestamp};
use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// The longest URL (host, path and query together) the verifier reads: 16 KiB.
pub const MAX_URL_LEN: usize = 16 * 1024;
/// The most query parameters the verifier reads.
pub const MAX_QUERY_PARAMS: usize = 200;
/// The most headers the verifier reads.
pub const MAX_HEADERS: usize = 200;
/// The most bytes of header names and values together the verifier reads: 64 KiB.
pub const MAX_HEADER_BYTES: usize = 64 * 1024;
/// The most names `SignedHeaders` may list.
pub const MAX_SIGNED_HEADERS: usize = 100;
/// The clock skew S3 allows between the request time and its own clock: 15 minutes.
pub const DEFAULT_MAX_SKEW: u64 = 900;

pub(crate) use crate::sigv4::AUTH_PARAMS;
const ALG: usize = 0;
const CRED: usize = 1;
const DATE: usize = 2;
const EXPIRES: usize = 3;
const SIGNED: usize = 4;
const SIG: usize = 5;
const TOKEN: usize = 6;

/// Header values never copied into a rejection or a diagnosis.
pub(crate) const SENSITIVE_HEADERS: [&str; 3] = [
    "x-amz-security-token",
    "x-amz-server-side-encryption-customer-key",
    "authorization",
];

/// Where the signature was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AuthLocation {
    /// A presigned URL: `X-Amz-Algorithm`, `X-Amz-Signature`, ... in the query string.
    Query,
    /// An `Authorization: AWS4-HMAC-SHA256 ...` header.
    Header,
}

/// Where the verifier finds the secret of an access key: the value the lookup function returns.
///
/// Implemented for `str`, `String` (a bare secret access key) and [`Credentials`]. When the
/// lookup returns `Credentials` with a session token, the request must carry that same token
/// ([`Rejection::InvalidToken`] otherwise); with an expiration, the request is refused from then
/// on ([`Rejection::ExpiredToken`]).
pub trait Secret {
    /// The secret access key.
    fn secret_access_key(&self) -> &str;
    /// The session token the request must carry, if the lookup wants it checked.
    fn session_token(&self) -> Option<&str> {
        None
    }
    /// When these credentials stop being accepted.
    fn expires_at(&self) -> Option<Timestamp> {
        None
    }
}

impl Secret for str {
    fn secret_access_key(&self) -> &str {
        self
    }
}

impl Secret for String {
    fn secret_access_key(&self) -> &str {
        self
    }
}

impl Secret for Credentials {
    fn secret_access_key(&self) -> &str {
        Credentials::secret_access_key(self)
    }
    fn session_token(&self) -> Option<&str> {
        Credentials::session_token(self)
    }
    fn expires_at(&self) -> Option<Timestamp> {
        Credentials::expires_at(self)
    }
}

impl<T: Secret + ?Sized> Secret for &T {
    fn secret_access_key(&self) -> &str {
        (**self).secret_access_key()
    }
    fn session_token(&self) -> Option<&str> {
        (**self).session_token()
    }
    fn expires_at(&self) -> Option<Timestamp> {
        (**self).expires_at()
    }
}

/// A request as it was received: the method, the `Host`, the raw (still percent-encoded) path and
/// query, the headers, and optionally the SHA-256 of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    let url = url.split('#').next().unwrap_or("");
    let (scheme, rest) = if url.starts_with('/') {
        ("", url)
    } else {
        let (scheme, rest) = url
            .split_once("://")
            .ok_or("the URL must be absolute (scheme://host/path) or start with '/'")?;
        if scheme.is_empty()
            || !scheme
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
        {
            return Err("the URL scheme is not valid");
        }
        (scheme, rest)
    };
    let (authority, rest) = match rest.find(['/', '?']) {
        Some(i) if !scheme.is_empty() => rest.split_at(i),
        Some(_) => ("", rest),
        None => (rest, ""),
    };
    if authority.contains('@') {
        return Err("the URL must not carry a user name or password");
    }
    let (path, query) = match rest.split_once('?') {
        Some((p, q)) => (p, q),
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

/// What the verifier expects: the current time, the allowed skew, and optionally the region and
/// service requests must be signed for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verifier<'a> {
    /// The server's current time (the library never reads a clock).
    pub now: Timestamp,
    /// The region the credential scope must name, e.g. `us-east-1`; `None` accepts any.
    pub region: Option<&'a str>,
    /// The service the credential scope must name, e.g. `s3`; `None` accepts any.
    pub service: Option<&'a str>,
    /// The largest difference allowed between the request time and `now`, in seconds
    /// ([`DEFAULT_MAX_SKEW`] by default). Presigned URLs may not be dated further than this in
    /// the future; header-signed requests may be neither older nor newer than this.
    pub max_skew: u64,
}

/// What a successful verification established.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// Where the signature was.
    pub location: AuthLocation,
    /// The access key id that signed.
    pub access_key_id: String,
    /// The credential scope `YYYYMMDD/region/service/aws4_request`.
    pub scope: String,
    /// The region of the scope.
    pub region: String,
    /// The service of the scope.
    pub service: String,
    /// The signing time (`X-Amz-Date`, or the `x-amz-date` / `Date` header).
    pub signed_at: Timestamp,
    /// The first instant at which the request is refused: `X-Amz-Date + X-Amz-Expires` for a
    /// presigned URL, `signed_at + max_skew` for a header-signed request.
    pub expires_at: Timestamp,
    /// The signed header names, lower-case and sorted.
    pub signed_headers: Vec<String>,
    /// The payload hash that was signed (`UNSIGNED-PAYLOAD`, a hex SHA-256, or a streaming
    /// literal): a server that accepts a body must check the body against it.
    pub payload_hash: String,
    /// Whether the request carried a session token (which the lookup function received).
    pub session_token: bool,
}

/// The texts S3 returns with `SignatureDoesNotMatch`, as the verifier computed them.
#[derive(Clone, PartialEq, Eq)]
pub struct SignatureMismatch {
    /// The access key id of the request.
    pub access_key_id: String,
    /// The canonical request computed from what was received. The values of
    /// `X-Amz-Security-Token`, `x-amz-security-token` and the SSE-C key are replaced with
    /// `<redacted>`, so this text does not hash to the one signed when a token is present.
    pub canonical_request: String,
    /// The string to sign computed from what was received.
    pub string_to_sign: String,
    /// The signature the request carried (clipped to 128 characters).
    pub signature_provided: String,
}

impl fmt::Debug for SignatureMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignatureMismatch")
            .field("access_key_id", &self.access_key_id)
            .field("canonical_request", &self.canonical_request)
            .field("string_to_sign", &self.string_to_sign)
            .field("signature_provided", &self.signature_provided)
            .finish()
    }
}

/// Why a request was refused. [`Rejection::s3_code`] gives the code S3 answers with and
/// [`Rejection::http_status`] its status; `Display` says what is wrong.
///
/// No variant ever holds a secret access key or a session token; strings copied from the
/// request are clipped and stripped of control characters.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rejection {
    /// The input exceeds a bound of the parser. S3 code `InvalidRequest`.
    TooLarge {
        /// What is too large: `"URL"`, `"query"`, `"headers"`, `"SignedHeaders"`.
        what: &'static str,
        /// The limit.
        limit: usize,
    },
    /// The request itself cannot be used (method, path, host, URL). S3 code `InvalidRequest`.
    InvalidRequest {
        /// What is wrong.
        reason: &'static str,
    },
    /// Neither `X-Amz-Algorithm` in the query nor an `Authorization` header. S3 code
    /// `AccessDenied`.
    MissingAuthentication,
    /// Both query and header authentication. S3 code `InvalidArgument` ("Only one auth mechanism
    /// allowed").
    ConflictingAuthentication,
    /// The authentication parameters or header cannot be parsed. S3 code
    /// `AuthorizationQueryParametersError` (query) or `AuthorizationHeaderMalformed` (header).
    Malformed {
        /// Query or header.
        location: AuthLocation,
        /// What is wrong, in S3's words where S3 has some.
        reason: &'static str,
    },
    /// An algorithm other than `AWS4-HMAC-SHA256`. Code as [`Rejection::Malformed`].
    UnsupportedAlgorithm {
        /// Query or header.
        location: AuthLocation,
        /// The algorithm given (clipped).
        algorithm: String,
    },
    /// An `X-Amz-*` authentication parameter appears twice. S3 code
    /// `AuthorizationQueryParametersError`.
    DuplicateParameter {
        /// The parameter, e.g. `X-Amz-Date`.
        name: &'static str,
    },
    /// The credential scope date is not the day of the request date. Code as
    /// [`Rejection::Malformed`].
    ScopeDateMismatch {
        /// Query or header.
        location: AuthLocation,
        /// The scope date, `YYYYMMDD`.
        scope_date: String,
        /// The request date, `YYYYMMDDTHHMMSSZ`.
        request_date: String,
    },
    /// The scope names another region than the one expected. Code as [`Rejection::Malformed`]
    /// ("the region 'x' is wrong; expecting 'y'").
    WrongRegion {
        /// Query or header.
        location: AuthLocation,
        /// The region in the scope (clipped).
        region: String,
        /// The region expected.
        expected: String,
    },
    /// The scope names another service than the one expected. Code as [`Rejection::Malformed`].
    WrongService {
        /// Query or header.
        location: AuthLocation,
        /// The service in the scope (clipped).
        service: String,
        /// The service expected.
        expected: String,
    },
    /// `X-Amz-Expires` is not a number in 1..=604800. S3 code
    /// `AuthorizationQueryParametersError`.
    InvalidExpires {
        /// The value given (clipped).
        value: String,
    },
    /// `host` is not among the signed headers. S3 code `AccessDenied` ("There were headers present
    /// in the request which were not signed").
    HostNotSigned {
        /// Query or header.
        location: AuthLocation,
    },
    /// A header-signed request has neither `x-amz-date` nor `Date`. S3 code `AccessDenied`.
    MissingDate,
    /// The date is not `YYYYMMDDTHHMMSSZ` (or, for the `Date` header, an HTTP date). S3 code
    /// `AuthorizationQueryParametersError` (query) or `AccessDenied` (header).
    InvalidDate {
        /// Query or header.
        location: AuthLocation,
    },
    /// The presigned URL has expired: `now >= X-Amz-Date + X-Amz-Expires`. S3 code
    /// `AccessDenied` ("Request has expired").
    Expired {
        /// The first instant the URL was refused.
        expired_at: Timestamp,
        /// The verifier's time.
        now: Timestamp,
    },
    /// The request time is too far from the verifier's clock (a presigned URL dated in the
    /// future, or a header-signed request older or newer than the skew). S3 code
    /// `RequestTimeTooSkewed`.
    TooSkewed {
        /// The request time.
        request_time: Timestamp,
        /// The verifier's time.
        server_time: Timestamp,
        /// The allowed skew in seconds.
        max_skew: u64,
    },
    /// A header listed in `SignedHeaders` was not sent. S3 code `SignatureDoesNotMatch`: S3 (and
    /// s3s) compute the signature without the header and answer exactly that, so this variant
    /// keeps S3's code while naming the header (the usual cause: a presigned PUT signed with a
    /// `Content-Type` the uploader does not send).
    SignedHeaderMissing {
        /// The lower-case header name.
        name: String,
    },
    /// `x-amz-*` headers were sent but not signed. S3 code `AccessDenied` ("There were headers
    /// present in the request which were not signed").
    UnsignedHeaders {
        /// The lower-case names (at most 16 listed).
        names: Vec<String>,
    },
    /// A header-signed S3 request without `x-amz-content-sha256`. S3 code `InvalidRequest`.
    MissingContentSha256,
    /// `x-amz-content-sha256` is not the hash of the body received. S3 code
    /// `XAmzContentSHA256Mismatch`.
    ContentSha256Mismatch,
    /// The lookup function knows no such access key. S3 code `InvalidAccessKeyId`.
    InvalidAccessKeyId {
        /// The access key id given (clipped).
        access_key_id: String,
    },
    /// The session token is not the one of the credentials. S3 code `InvalidToken`.
    InvalidToken,
    /// The credentials (and their session token) have expired. S3 code `ExpiredToken`.
    ExpiredToken {
        /// When they expired.
        expired_at: Timestamp,
    },
    /// The signature is not the one computed from what was received. S3 code
    /// `SignatureDoesNotMatch`.
    SignatureDoesNotMatch(Box<SignatureMismatch>),
}

impl Rejection {
    /// The error code S3 answers with, e.g. `"SignatureDoesNotMatch"`.
    pub fn s3_code(&self) -> &'static str {
        let auth = |l: &AuthLocation| match l {
            AuthLocation::Query => "AuthorizationQueryParametersError",
            AuthLocation::Header => "AuthorizationHeaderMalformed",
        };
        match self {
            Rejection::TooLarge { .. }
            | Rejection::InvalidRequest { .. }
            | Rejection::MissingContentSha256 => "InvalidRequest",
            Rejection::MissingAuthentication
            | Rejection::HostNotSigned { .. }
            | Rejection::MissingDate => "AccessDenied",
            Rejection::Expired { .. } | Rejection::UnsignedHeaders { .. } => "AccessDenied",
            Rejection::ConflictingAuthentication => "InvalidArgument",
            Rejection::Malformed { location, .. }
            | Rejection::UnsupportedAlgorithm { location, .. }
            | Rejection::ScopeDateMismatch { location, .. }
            | Rejection::WrongRegion { location, .. }
            | Rejection::WrongService { location, .. } => auth(location),
            Rejection::DuplicateParameter { .. } | Rejection::InvalidExpires { .. } => {
                "AuthorizationQueryParametersError"
            }
            Rejection::InvalidDate {
                location: AuthLocation::Query,
            } => "AuthorizationQueryParametersError",
            Rejection::InvalidDate {
                location: AuthLocation::Header,
            } => "AccessDenied",
            Rejection::TooSkewed { .. } => "RequestTimeTooSkewed",
            Rejection::SignedHeaderMissing { .. } | Rejection::SignatureDoesNotMatch(_) => {
                "SignatureDoesNotMatch"
            }
            Rejection::ContentSha256Mismatch => "XAmzContentSHA256Mismatch",
            Rejection::InvalidAccessKeyId { .. } => "InvalidAccessKeyId",
            Rejection::InvalidToken => "InvalidToken",
            Rejection::ExpiredToken { .. } => "ExpiredToken",
        }
    }

    /// The HTTP status S3 answers with: 400 or 403.
    pub fn http_status(&self) -> u16 {
        match self.s3_code() {
            "AccessDenied"
            | "RequestTimeTooSkewed"
            | "SignatureDoesNotMatch"
            | "InvalidAccessKeyId" => 403,
            _ => 400,
        }
    }
}

fn duration(f: &mut fmt::Formatter<'_>, secs: i64) -> fmt::Result {
    let s = secs.unsigned_abs();
    if s < 60 {
        write!(f, "{s} s")
    } else if s < 3600 {
        write!(f, "{} min {} s", s / 60, s % 60)
    } else if s < 86_400 {
        write!(f, "{} h {} min", s / 3600, s / 60 % 60)
    } else {
        write!(f, "{} d {} h", s / 86_400, s / 3600 % 24)
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.s3_code())?;
        match self {
            Rejection::TooLarge { what, limit } => write!(f, "the request's {what} exceeds the verifier's limit of {limit}"),
            Rejection::InvalidRequest { reason } => f.write_str(reason),
            Rejection::MissingAuthentication => f.write_str(
                "the request carries no SigV4 signature (no X-Amz-Algorithm query parameter and no Authorization header)",
            ),
            Rejection::ConflictingAuthentication => f.write_str(
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified",
            ),
            Rejection::Malformed { reason, .. } => f.write_str(reason),
            Rejection::UnsupportedAlgorithm { algorithm, .. } => {
                write!(f, "the algorithm \"{algorithm}\" is not supported: only \"{ALGORITHM}\" is")
            }
            Rejection::DuplicateParameter { name } => write!(f, "the query parameter {name} appears more than once"),
            Rejection::ScopeDateMismatch { scope_date, request_date, .. } => write!(
                f,
                "Invalid credential date \"{scope_date}\": it is not the same day as the request date {request_date}"
            ),
            Rejection::WrongRegion { region, expected, .. } => {
                write!(f, "the region '{region}' is wrong; expecting '{expected}'")
            }
            Rejection::WrongService { service, expected, .. } => {
                write!(f, "the service '{service}' is wrong; expecting '{expected}'")
            }
            Rejection::InvalidExpires { value } => write!(
                f,
                "X-Amz-Expires \"{value}\" is not valid: it must be a number of seconds from 1 to 604800 (7 days)"
            ),
            Rejection::HostNotSigned { .. } => f.write_str(
                "There were headers present in the request which were not signed: host (SigV4 requires the Host header to be signed)",
            ),
            Rejection::MissingDate => f.write_str("AWS authentication requires a valid Date or x-amz-date header"),
            Rejection::InvalidDate { location: AuthLocation::Query } => {
                f.write_str("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"")
            }
            Rejection::InvalidDate { location: AuthLocation::Header } => {
                f.write_str("AWS authentication requires a valid Date or x-amz-date header")
            }
            Rejection::Expired { expired_at, now } => {
                write!(f, "Request has expired (at {expired_at}, ")?;
                duration(f, now.unix() - expired_at.unix())?;
                f.write_str(" ago)")
            }
            Rejection::TooSkewed { request_time, server_time, max_skew } => {
                write!(f, "The difference between the request time ({request_time}) and the current time ({server_time}) is too large: ")?;
                duration(f, request_time.unix() - server_time.unix())?;
                write!(f, " {}, more than the {max_skew} s allowed", if request_time > server_time { "ahead" } else { "behind" })
            }
            Rejection::SignedHeaderMissing { name } => write!(
                f,
                "the header \"{name}\" is signed (listed in SignedHeaders) but was not sent: send it with the value that was signed"
            ),
            Rejection::UnsignedHeaders { names } => {
                f.write_str("There were headers present in the request which were not signed: ")?;
                for (i, n) in names.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(n)?;
                }
                Ok(())
            }
            Rejection::MissingContentSha256 => f.write_str("Missing required header for this request: x-amz-content-sha256"),
            Rejection::ContentSha256Mismatch => {
                f.write_str("The provided 'x-amz-content-sha256' header does not match what was computed.")
            }
            Rejection::InvalidAccessKeyId { access_key_id } => write!(
                f,
                "The AWS Access Key Id \"{access_key_id}\" you provided does not exist in our records."
            ),
            Rejection::InvalidToken => f.write_str("The provided token is malformed or otherwise invalid."),
            Rejection::ExpiredToken { expired_at } => write!(f, "The provided token has expired (at {expired_at})."),
            Rejection::SignatureDoesNotMatch(m) => write!(
                f,
                "The request signature we calculated does not match the signature you provided (access key {}). Check your key and signing method; compare the canonical request:\n{}\nand the string to sign:\n{}",
                m.access_key_id, m.canonical_request, m.string_to_sign
            ),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Rejection {}

/// At most `max` bytes of `s` (at a character boundary), control characters replaced.
pub(crate) fn clip(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max));
    for c in s.chars() {
        if out.len() + c.len_utf8() > max {
            out.push('…');
            break;
        }
        out.push(if c.is_control() { '\u{FFFD}' } else { c });
    }
    out
}

/// A canonical header value: trimmed, runs of spaces and tabs collapsed to one space.
pub(crate) fn canonical_header_value(out: &mut String, value: &str) {
    let mut space = false;
    for c in value.trim_matches([' ', '\t']).chars() {
        if c == ' ' || c == '\t' {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
}

/// One raw `name=value` piece of a query string.
#[derive(Clone, Debug)]
pub(crate) struct RawParam<'a> {
    pub raw_name: &'a str,
    pub raw_value: &'a str,
    pub name: Cow<'a, [u8]>,
}

impl RawParam<'_> {
    /// Which authentication parameter this is (by decoded name, any case).
    pub(crate) fn auth_index(&self) -> Option<usize> {
        AUTH_PARAMS
            .iter()
            .position(|p| p.as_bytes().eq_ignore_ascii_case(&self.name))
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
            raw_name,
            raw_value,
            name: encoding::decode(raw_name),
        });
    }
    Ok(out)
}

/// `SignedHeaders` parsed and checked: lower-case tokens, sorted, no repeats, bounded.
fn parse_signed_headers(list: &str, location: AuthLocation) -> Result<Vec<&str>, Rejection> {
    let mut names: Vec<&str> = Vec::new();
    for name in list.split(';') {
        if names.len() == MAX_SIGNED_HEADERS {
            return Err(Rejection::TooLarge {
                what: "SignedHeaders",
                limit: MAX_SIGNED_HEADERS,
            });
        }
        let ok = !name.is_empty()
            && name.bytes().all(|b| {
                (b.is_ascii_graphic() && !b.is_ascii_uppercase())
                    && !b"\"(),/:;<=>?@[\\]{}".contains(&b)
            });
        if !ok {
            return Err(Rejection::Malformed {
                location,
                reason: "SignedHeaders must be a ';'-separated list of lower-case header names",
            });
        }
        if let Some(prev) = names.last() {
            if *prev >= name {
                return Err(Rejection::Malformed {
                    location,
                    reason: "SignedHeaders must be sorted and list each name once",
                });
            }
        }
        names.push(name);
    }
    Ok(names)
}

/// `AKID/YYYYMMDD/region/service/aws4_request` → (akid, date, region, service).
fn parse_credential(
    cred: &str,
    location: AuthLocation,
) -> Result<(&str, &str, &str, &str), Rejection> {
    let bad = || {
        Rejection::Malformed {
        location,
        reason: "Error parsing the Credential: it must be <access key id>/<YYYYMMDD>/<region>/<service>/aws4_request",
    }
    };
    let mut it = cred.rsplitn(5, '/');
    let (term, service, region, date, akid) =
        match (it.next(), it.next(), it.next(), it.next(), it.next()) {
            (Some(t), Some(s), Some(r), Some(d), Some(a)) => (t, s, r, d, a),
            _ => return Err(bad()),
        };
    if term != "aws4_request" {
        return Err(Rejection::Malformed {
            location,
            reason: "the credential scope must end with \"aws4_request\"",
        });
    }
    if akid.is_empty() || akid.len() > 128 || !akid.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(bad());
    }
    if date.len() != 8 || !date.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Rejection::Malformed {
            location,
            reason: "the credential scope date must be YYYYMMDD",
        });
    }
    if signing::validate_region(region).is_err() {
        return Err(Rejection::Malformed {
            location,
            reason: "the credential scope region is not a region code",
        });
    }
    if signing::validate_service(service).is_err() {
        return Err(Rejection::Malformed {
            location,
            reason: "the credential scope service is not a service name",
        });
    }
    Ok((akid, date, region, service))
}

/// Parses an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`) or the `X-Amz-Date` form.
pub(crate) fn parse_http_date(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    if let Ok(t) = Timestamp::parse_amz_date(s) {
        return Some(t);
    }
    // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
    let (_, rest) = s.split_once(", ")?;
    let mut parts = rest.split(' ');
    let day: u8 = parts.next()?.parse().ok()?;
    let month = parts.next()?;
    let year: u16 = parts.next()?.parse().ok()?;
    let time = parts.next()?;
    if parts.next()? != "GMT" || parts.next().is_some() {
        return None;
    }
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|m| *m == month)? as u8 + 1;
    let mut hms = time.split(':');
    let hour: u8 = hms.next()?.parse().ok()?;
    let minute: u8 = hms.next()?.parse().ok()?;
    let second: u8 = hms.next()?.parse().ok()?;
    if hms.next().is_some() || time.len() != 8 {
        return None;
    }
    Timestamp::from_date_time(crate::time::DateTime {
        year,
        month,
        day,
        hour,
        minute,
        second,
    })
    .ok()
}

/// Replaces the values of the session token and the SSE-C key in a canonical request.
pub(crate) fn redact_canonical_request(cr: &str) -> String {
    let mut out = String::with_capacity(cr.len());
    let mut in_headers = true;
    for (i, line) in cr.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match i {
            2 => out.push_str(&redact_query_line(line)),
            n if n >= 3 && in_headers => {
                if line.is_empty() {
                    in_headers = false;
                    continue;
                }
                out.push_str(&redact_header_line(line));
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// The canonical query line with `X-Amz-Security-Token`'s value redacted.
pub(crate) fn redact_query_line(line: &str) -> Cow<'_, str> {
    let is_token = |p: &str| {
        p.split_once('=')
            .is_some_and(|(n, _)| n.eq_ignore_ascii_case("X-Amz-Security-Token"))
    };
    if !line.split('&').any(is_token) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    for (i, p) in line.split('&').enumerate() {
        if i > 0 {
            out.push('&');
        }
        match p.split_once('=') {
            Some((n, _)) if is_token(p) => {
                out.push_str(n);
                out.push_str("=<redacted>");
            }
            _ => out.push_str(p),
        }
    }
    Cow::Owned(out)
}

/// A canonical header line with a sensitive value redacted.
pub(crate) fn redact_header_line(line: &str) -> Cow<'_, str> {
    match line.split_once(':') {
        Some((n, _)) if SENSITIVE_HEADERS.iter().any(|s| s.eq_ignore_ascii_case(n)) => {
            let mut s = String::from(n);
            s.push_str(":<redacted>");
            Cow::Owned(s)
        }
        _ => Cow::Borrowed(line),
    }
}

/// The parsed authentication fields.
struct Auth<'a> {
    location: AuthLocation,
    credential: Cow<'a, str>,
    signed_headers: Cow<'a, str>,
    signature: Cow<'a, str>,
    token: Option<String>,
    signed_at: Timestamp,
    expires: Option<u64>,
}

/// The values of the received headers named `name` (any case), in order.
fn header_values<'v>(headers: &[(&'v str, &'v str)], name: &str) -> Vec<&'v str> {
    headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| *v)
        .collect()
}

impl<'a> Verifier<'a> {
    /// A verifier at time `now`, accepting any region and service, with S3's 15-minute skew.
    pub fn new(now: Timestamp) -> Self {
        Verifier {
            now,
            region: None,
            service: None,
            max_skew: DEFAULT_MAX_SKEW,
        }
    }

    /// Requires the credential scope to name this region.
    pub fn region(mut self, region: &'a str) -> Self {
        self.region = Some(region);
        self
    }

    /// Requires the credential scope to name this service.
    pub fn service(mut self, service: &'a str) -> Self {
        self.service = Some(service);
        self
    }

    /// Sets the allowed clock skew in seconds.
    pub fn max_skew(mut self, seconds: u64) -> Self {
        self.max_skew = seconds;
        self
    }

    /// Verifies `request`. `lookup` receives the access key id and the session token (if any)
    /// and returns the secret ([`Secret`]: a secret access key or [`Credentials`]), or `None`
    /// for an unknown key.
    ///
    /// # Errors
    /// A [`Rejection`] saying why the request is refused.
    pub fn verify<S, F>(&self, request: &Request<'_>, mut lookup: F) -> Result<Verified, Rejection>
    where
        S: Secret,
        F: FnMut(&str, Option<&str>) -> Option<S>,
    {
        // Bounds first: nothing below is worse than linear in inputs this size.
        let url_len = request
            .host
            .len()
            .saturating_add(request.path.len())
            .saturating_add(request.query.len());
        if url_len > MAX_URL_LEN {
            return Err(Rejection::TooLarge {
                what: "URL",
                limit: MAX_URL_LEN,
            });
        }
        if request.headers.len() > MAX_HEADERS {
            return Err(Rejection::TooLarge {
                what: "headers",
                limit: MAX_HEADERS,
            });
        }
        let header_bytes = request.headers.iter().fold(0usize, |n, (k, v)| {
            n.saturating_add(k.len()).saturating_add(v.len())
        });
        if header_bytes > MAX_HEADER_BYTES {
            return Err(Rejection::TooLarge {
                what: "headers",
                limit: MAX_HEADER_BYTES,
            });
        }
        if crate::sigv4::validate_method(request.method).is_err() {
            return Err(Rejection::InvalidRequest {
                reason: "the method is not an upper-case HTTP token",
            });
        }
        if !request.path.starts_with('/') {
            return Err(Rejection::InvalidRequest {
                reason: "the path must start with '/'",
            });
        }
        if request
            .path
            .bytes()
            .chain(request.query.bytes())
            .any(|b| b < 0x20 || b == 0x7f)
        {
            return Err(Rejection::InvalidRequest {
                reason: "the path or query contains control bytes",
            });
        }
        let params =
            raw_params(request.query, MAX_QUERY_PARAMS).map_err(|limit| Rejection::TooLarge {
                what: "query",
                limit,
            })?;
        let header = |name: &str| header_values(&request.headers, name);
        let host = header("host").first().copied().unwrap_or(request.host);
        if host.is_empty() || crate::sigv4::validate_host(host).is_err() {
            return Err(Rejection::InvalidRequest {
                reason: "the Host is missing or not a valid host[:port]",
            });
        }

        let auth = parse_auth(&params, &request.headers)?;
        let (akid, date, region, service) = parse_credential(&auth.credential, auth.location)?;
        let location = auth.location;
        let amz = auth.signed_at.amz_date();
        if date != amz.date() {
            return Err(Rejection::ScopeDateMismatch {
                location,
                scope_date: String::from(date),
                request_date: String::from(amz.as_str()),
            });
        }
        if let Some(expected) = self.region {
            if region != expected {
                return Err(Rejection::WrongRegion {
                    location,
                    region: clip(region, 64),
                    expected: clip(expected, 64),
                });
            }
        }
        if let Some(expected) = self.service {
            if service != expected {
                return Err(Rejection::WrongService {
                    location,
                    service: clip(service, 64),
                    expected: clip(expected, 64),
                });
            }
        }
        let signed_names = parse_signed_headers(&auth.signed_headers, location)?;
        if !signed_names.contains(&"host") {
            return Err(Rejection::HostNotSigned { location });
        }

        // Time.
        let now = self.now.unix();
        let at = auth.signed_at.unix();
        let skew = i64::try_from(self.max_skew).unwrap_or(i64::MAX);
        let too_skewed = || Rejection::TooSkewed {
            request_time: auth.signed_at,
            server_time: self.now,
            max_skew: self.max_skew,
        };
        let expires_at = match auth.expires {
            Some(expires) => {
                if at.saturating_sub(skew) > now {
                    return Err(too_skewed());
                }
                // X-Amz-Expires ≤ 604800, so this stays in range except at the end of year 9999.
                let expires_at = auth
                    .signed_at
                    .add_seconds(expires)
                    .unwrap_or(auth.signed_at);
                if now >= expires_at.unix() {
                    return Err(Rejection::Expired {
                        expired_at: expires_at,
                        now: self.now,
                    });
                }
                expires_at
            }
            None => {
                if at.saturating_sub(skew) > now || now.saturating_sub(skew) > at {
                    return Err(too_skewed());
                }
                auth.signed_at
                    .add_seconds(self.max_skew)
                    .unwrap_or(auth.signed_at)
            }
        };

        // Headers: every signed one present, every x-amz-* one signed.
        let rules = UriPath::for_service(service);
        let s3 = rules == UriPath::S3;
        let mut canonical_headers = String::with_capacity(256);
        for name in &signed_names {
            canonical_headers.push_str(name);
            canonical_headers.push(':');
            let mut any = false;
            if *name == "host" {
                // Exactly one Host: the header if sent, otherwise the request's host.
                canonical_header_value(&mut canonical_headers, host);
                any = true;
            } else {
                for v in header(name) {
                    if any {
                        canonical_headers.push(',');
                    }
                    canonical_header_value(&mut canonical_headers, v);
                    any = true;
                }
            }
            if !any {
                return Err(Rejection::SignedHeaderMissing {
                    name: clip(name, 128),
                });
            }
            canonical_headers.push('\n');
        }
        let mut unsigned: Vec<String> = Vec::new();
        for (name, _) in &request.headers {
            let lower = name.to_ascii_lowercase();
            let exempt = lower == "x-amz-content-sha256"
                || (lower == "x-amz-security-token" && location == AuthLocation::Header && !s3);
            if lower.starts_with("x-amz-")
                && !exempt
                && !signed_names.contains(&lower.as_str())
                && !unsigned.contains(&lower)
                && unsigned.len() < 16
            {
                unsigned.push(clip(&lower, 128));
            }
        }
        if !unsigned.is_empty() {
            return Err(Rejection::UnsignedHeaders { names: unsigned });
        }

        // Payload.
        let content_sha = header("x-amz-content-sha256")
            .first()
            .map(|v| v.trim_matches([' ', '\t']));
        if let (Some(h), Some(body)) = (content_sha, request.payload_hash) {
            let hex = h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit());
            if hex && !h.eq_ignore_ascii_case(body) {
                return Err(Rejection::ContentSha256Mismatch);
            }
        }
        let payload_hash: &str = match (content_sha, location) {
            (Some(h), _) => h,
            (None, AuthLocation::Header) if s3 => return Err(Rejection::MissingContentSha256),
            (None, AuthLocation::Query) if s3 => UNSIGNED_PAYLOAD,
            (None, _) => request.payload_hash.unwrap_or(EMPTY_SHA256),
        };

        // The secret.
        let secret =
            lookup(akid, auth.token.as_deref()).ok_or_else(|| Rejection::InvalidAccessKeyId {
                access_key_id: clip(akid, 128),
            })?;
        if let Some(limit) = secret.expires_at() {
            if self.now >= limit {
                return Err(Rejection::ExpiredToken { expired_at: limit });
            }
        }
        if let Some(expected) = secret.session_token() {
            let given = auth.token.as_deref().unwrap_or("");
            if !signing::constant_time_eq(expected.as_bytes(), given.as_bytes()) {
                return Err(Rejection::InvalidToken);
            }
        }

        // The canonical request, from what was received.
        let canonical_uri = canonical::canonical_uri(request.path, rules);
        let mut pairs: Vec<(String, String)> = Vec::with_capacity(params.len());
        for p in &params {
            if p.auth_index() == Some(SIG) {
                continue;
            }
            let mut n = String::with_capacity(p.raw_name.len());
            encoding::encode_into(&mut n, &p.name, Component::Query);
            let mut v = String::with_capacity(p.raw_value.len());
            encoding::encode_into(&mut v, &encoding::decode(p.raw_value), Component::Query);
            pairs.push((n, v));
        }
        pairs.sort_unstable();
        let mut cr = String::with_capacity(
            request.method.len()
                + canonical_uri.len()
                + request.query.len() * 2
                + canonical_headers.len()
                + 256,
        );
        cr.push_str(request.method);
        cr.push('\n');
        cr.push_str(&canonical_uri);
        cr.push('\n');
        for (i, (n, v)) in pairs.iter().enumerate() {
            if i > 0 {
                cr.push('&');
            }
            cr.push_str(n);
            cr.push('=');
            cr.push_str(v);
        }
        cr.push('\n');
        cr.push_str(&canonical_headers);
        cr.push('\n');
        cr.push_str(&auth.signed_headers);
        cr.push('\n');
        cr.push_str(payload_hash);

        let scope = {
            let mut s = String::with_capacity(8 + region.len() + service.len() + 16);
            s.push_str(date);
            s.push('/');
            s.push_str(region);
            s.push('/');
            s.push_str(service);
            s.push_str("/aws4_request");
            s
        };
        let sts = signing::string_to_sign(amz.as_str(), &scope, &signing::sha256(cr.as_bytes()));
        let key = SigningKey::derive(secret.secret_access_key(), date, region, service);
        let computed = encoding::hex32(&key.sign(sts.as_bytes()));
        if !signing::constant_time_eq(&computed, auth.signature.as_bytes()) {
            return Err(Rejection::SignatureDoesNotMatch(Box::new(
                SignatureMismatch {
                    access_key_id: clip(akid, 128),
                    canonical_request: redact_canonical_request(&cr),
                    string_to_sign: sts,
                    signature_provided: clip(&auth.signature, 128),
                },
            )));
        }
        Ok(Verified {
            location,
            access_key_id: String::from(akid),
            region: String::from(region),
            service: String::from(service),
            scope,
            signed_at: auth.signed_at,
            expires_at,
            signed_headers: signed_names.iter().map(|n| String::from(*n)).collect(),
            payload_hash: String::from(payload_hash),
            session_token: auth.token.is_some(),
        })
    }
}

fn parse_auth<'r>(
    params: &[RawParam<'r>],
    headers: &[(&'r str, &'r str)],
) -> Result<Auth<'r>, Rejection> {
    let header = |name: &str| header_values(headers, name);
    let mut found: [Option<&RawParam<'r>>; 7] = [None; 7];
    for p in params {
        if let Some(i) = p.auth_index() {
            if found[i].is_some() {
                return Err(Rejection::DuplicateParameter {
                    name: AUTH_PARAMS[i],
                });
            }
            found[i] = Some(p);
        }
    }
    let authorization = header("authorization");
    let auth_header = authorization.first().copied();
    let query_auth = found[ALG].is_some();
    match (query_auth, auth_header) {
        (true, Some(_)) => Err(Rejection::ConflictingAuthentication),
        (false, None) => Err(Rejection::MissingAuthentication),
        (true, None) => {
            let location = AuthLocation::Query;
            let value = |i: usize| found[i].map(|p| encoding::decode_lossy(p.raw_value));
            let (Some(alg), Some(cred), Some(date), Some(expires), Some(signed), Some(sig)) = (
                value(ALG),
                value(CRED),
                value(DATE),
                value(EXPIRES),
                value(SIGNED),
                value(SIG),
            ) else {
                return Err(Rejection::Malformed {
                    location,
                    reason: "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.",
                });
            };
            if alg != ALGORITHM {
                return Err(Rejection::UnsupportedAlgorithm {
                    location,
                    algorithm: clip(&alg, 64),
                });
            }
            let signed_at = Timestamp::parse_amz_date(&date)
                .map_err(|_| Rejection::InvalidDate { location })?;
            let seconds = if expires.is_empty()
                || expires.len() > 7
                || !expires.bytes().all(|b| b.is_ascii_digit())
            {
                None
            } else {
                expires.parse::<u64>().ok()
            };
            let expires = match seconds {
                Some(e @ 1..=MAX_EXPIRES) => e,
                _ => {
                    return Err(Rejection::InvalidExpires {
                        value: clip(&expires, 32),
                    })
                }
            };
            Ok(Auth {
                location,
                credential: Cow::Owned(cred.into_owned()),
                signed_headers: Cow::Owned(signed.into_owned()),
                signature: Cow::Owned(sig.into_owned()),
                token: value(TOKEN).map(Cow::into_owned),
                signed_at,
                expires: Some(expires),
            })
        }
        (false, Some(value)) => {
            let location = AuthLocation::Header;
            if authorization.len() > 1 {
                return Err(Rejection::Malformed {
                    location,
                    reason: "the Authorization header appears more than once",
                });
            }
            let value = value.trim_matches([' ', '\t']);
            let (alg, rest) = value.split_once(' ').unwrap_or((value, ""));
            if alg != ALGORITHM {
                return Err(Rejection::UnsupportedAlgorithm {
                    location,
                    algorithm: clip(alg, 64),
                });
            }
            let (mut cred, mut signed, mut sig) = (None, None, None);
            for part in rest.split(',') {
                let part = part.trim_matches([' ', '\t']);
                let (k, v) = part.split_once('=').ok_or(Rejection::Malformed {
                    location,
                    reason: "the Authorization header must be AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...",
                })?;
                let slot = match k {
                    "Credential" => &mut cred,
                    "SignedHeaders" => &mut signed,
                    "Signature" => &mut sig,
                    _ => return Err(Rejection::Malformed { location, reason: "the Authorization header has an unknown component (expected Credential, SignedHeaders, Signature)" }),
                };
                if slot.replace(v).is_some() {
                    return Err(Rejection::Malformed {
                        location,
                        reason: "a component of the Authorization header appears more than once",
                    });
                }
            }
            let (Some(cred), Some(signed), Some(sig)) = (cred, signed, sig) else {
                return Err(Rejection::Malformed {
                    location,
                    reason:
                        "the Authorization header must have Credential, SignedHeaders and Signature",
                });
            };
            let amz_dates = header("x-amz-date");
            let signed_at = match amz_dates.first() {
                Some(d) => {
                    if amz_dates.len() > 1 {
                        return Err(Rejection::InvalidDate { location });
                    }
                    Timestamp::parse_amz_date(d.trim_matches([' ', '\t']))
                        .map_err(|_| Rejection::InvalidDate { location })?
                }
                None => match header("date").first() {
                    Some(d) => parse_http_date(d).ok_or(Rejection::InvalidDate { location })?,
                    None => return Err(Rejection::MissingDate),
                },
            };
            let token = header("x-amz-security-token")
                .first()
                .map(|t| String::from(t.trim_matches([' ', '\t'])));
            Ok(Auth {
                location,
                credential: Cow::Borrowed(cred),
                signed_headers: Cow::Borrowed(signed),
                signature: Cow::Borrowed(sig),
                token,
                signed_at,
                expires: None,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_urls() {
        let p = split_url("https://h.example:443/a%20b/c?x=1&y#frag").unwrap();
        assert_eq!(
            (p.scheme, p.host, p.path, p.query),
            ("https", "h.example", "/a%20b/c", "x=1&y")
        );
        let p = split_url("http://h:9000?x").unwrap();
        assert_eq!((p.host, p.path, p.query), ("h:9000", "/", "x"));
        let p = split_url("/k?q=1").unwrap();
        assert_eq!((p.host, p.path, p.query), ("", "/k", "q=1"));
        assert!(split_url("h/path").is_err());
        assert!(split_url("http://u:p@h/").is_err());
    }

    #[test]
    fn http_dates() {
        let t = parse_http_date("Fri, 24 May 2013 00:00:00 GMT").unwrap();
        assert_eq!(t.amz_date().as_str(), "20130524T000000Z");
        assert!(parse_http_date("Fri, 24 Foo 2013 00:00:00 GMT").is_none());
        assert!(parse_http_date("Fri, 24 May 2013 00:00:00 UTC").is_none());
        assert!(parse_http_date("").is_none());
    }

    #[test]
    fn signed_headers_rules() {
        assert!(parse_signed_headers("host;x-amz-date", AuthLocation::Query).is_ok());
        assert!(parse_signed_headers("x-amz-date;host", AuthLocation::Query).is_err());
        assert!(parse_signed_headers("host;host", AuthLocation::Query).is_err());
        assert!(parse_signed_headers("Host", AuthLocation::Query).is_err());
        assert!(parse_signed_headers("host;", AuthLocation::Query).is_err());
    }

    #[test]
    fn redacts_token_and_sse_key() {
        let cr = "GET\n/\na=1&X-Amz-Security-Token=SECRET%2B\nhost:h\nx-amz-server-side-encryption-customer-key:KEY\n\nhost\nUNSIGNED-PAYLOAD";
        let r = redact_canonical_request(cr);
        assert!(!r.contains("SECRET") && !r.contains("KEY\n"), "{r}");
        assert!(r.contains("X-Amz-Security-Token=<redacted>"));
        assert!(r.ends_with("\n\nhost\nUNSIGNED-PAYLOAD"));
    }

    #[test]
    fn clips() {
        assert_eq!(clip("a\nb", 10), "a\u{FFFD}b");
        assert_eq!(clip("ééé", 4), "éé…");
    }
}
