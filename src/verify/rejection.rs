//! Why a request was refused: typed, with the error code S3 itself would answer.

use super::auth::AuthLocation;
use crate::signing::ALGORITHM;
use crate::Timestamp;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// The texts S3 returns with `SignatureDoesNotMatch`, as the verifier computed them.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
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
    /// A signed header's value holds whitespace outside ASCII (U+00A0, U+2028, U+0085, ...),
    /// which signers canonicalize differently (botocore and s3s collapse it like a space,
    /// aws-sigv4 and the JavaScript SDK keep it): refused with that reason rather than an
    /// unexplained `SignatureDoesNotMatch` under one reading. S3 code `InvalidRequest`.
    AmbiguousWhitespace {
        /// The lower-case header name (clipped).
        name: String,
        /// The first such character.
        character: char,
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
    /// A stable, kebab-case name of this rejection (`"signature-does-not-match"`, `"expired"`,
    /// ...): the variant's name, finer than [`s3_code`](Self::s3_code), for programs and bindings
    /// to branch on. Codes are never renamed or reused; new variants bring new codes.
    pub fn code(&self) -> &'static str {
        match self {
            Rejection::TooLarge { .. } => "too-large",
            Rejection::InvalidRequest { .. } => "invalid-request",
            Rejection::MissingAuthentication => "missing-authentication",
            Rejection::ConflictingAuthentication => "conflicting-authentication",
            Rejection::Malformed { .. } => "malformed",
            Rejection::UnsupportedAlgorithm { .. } => "unsupported-algorithm",
            Rejection::DuplicateParameter { .. } => "duplicate-parameter",
            Rejection::ScopeDateMismatch { .. } => "scope-date-mismatch",
            Rejection::WrongRegion { .. } => "wrong-region",
            Rejection::WrongService { .. } => "wrong-service",
            Rejection::InvalidExpires { .. } => "invalid-expires",
            Rejection::HostNotSigned { .. } => "host-not-signed",
            Rejection::MissingDate => "missing-date",
            Rejection::InvalidDate { .. } => "invalid-date",
            Rejection::Expired { .. } => "expired",
            Rejection::TooSkewed { .. } => "too-skewed",
            Rejection::SignedHeaderMissing { .. } => "signed-header-missing",
            Rejection::UnsignedHeaders { .. } => "unsigned-headers",
            Rejection::AmbiguousWhitespace { .. } => "ambiguous-whitespace",
            Rejection::MissingContentSha256 => "missing-content-sha256",
            Rejection::ContentSha256Mismatch => "content-sha256-mismatch",
            Rejection::InvalidAccessKeyId { .. } => "invalid-access-key-id",
            Rejection::InvalidToken => "invalid-token",
            Rejection::ExpiredToken { .. } => "expired-token",
            Rejection::SignatureDoesNotMatch(_) => "signature-does-not-match",
        }
    }
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
            | Rejection::MissingContentSha256
            | Rejection::AmbiguousWhitespace { .. } => "InvalidRequest",
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
                f.write_str(&names.join(", "))
            }
            Rejection::AmbiguousWhitespace { name, character } => write!(
                f,
                "the signed header \"{name}\" holds U+{:04X}, whitespace that signers canonicalize differently (botocore and s3s collapse it like a space, aws-sigv4 and the JavaScript SDK keep it), so the signature cannot be checked reliably: send a plain space (U+0020) or an encoded value instead",
                u32::from(*character)
            ),
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

impl core::error::Error for Rejection {}
