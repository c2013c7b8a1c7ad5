//! Typed errors. Every message says what is wrong and what to do about it, and none of them ever
//! carries secret material (secret keys, session tokens or signatures).

use crate::Warning;
use alloc::string::String;
use core::fmt;

/// Everything that can go wrong while building a signature or a presigned URL.
///
/// Each variant carries only non-secret context; `Display` says what to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A header name is empty, not ASCII, or contains bytes outside the HTTP token set.
    InvalidHeaderName {
        /// The offending name, with non-printable bytes escaped.
        name: String,
    },
    /// A header value contains CR, LF, NUL or another control byte (header injection).
    InvalidHeaderValue {
        /// The header whose value is invalid.
        name: String,
    },
    /// A header value holds whitespace outside ASCII (U+00A0 no-break space, U+2003 em space,
    /// U+2028 line separator, U+0085 next line, ...: Unicode's `White_Space` beyond space and
    /// tab), which signers canonicalize differently: botocore and s3s trim and collapse it like
    /// a space, aws-sigv4 and the AWS SDK for JavaScript keep it, so the server may compute
    /// another signature than ours.
    AmbiguousWhitespace {
        /// The header whose value holds it.
        name: String,
        /// The first such character.
        character: char,
    },
    /// A header the signer sets itself (or a second `host`) was supplied by the caller.
    ReservedHeader {
        /// The lower-case header name.
        name: String,
    },
    /// The same header was given twice where only one value is allowed.
    DuplicateHeader {
        /// The lower-case header name.
        name: String,
    },
    /// The region is empty or not of the form `[a-z0-9-]+`.
    InvalidRegion {
        /// The region as given.
        region: String,
    },
    /// The service signing name is empty or not of the form `[a-z0-9-]+`.
    InvalidService {
        /// The service as given.
        service: String,
    },
    /// The HTTP method is empty or not an HTTP token.
    InvalidMethod {
        /// The method as given.
        method: String,
    },
    /// The host is empty or contains bytes that cannot appear in a Host header.
    InvalidHost {
        /// The host as given.
        host: String,
    },
    /// The path is empty, does not start with `/`, or holds control bytes.
    InvalidPath {
        /// Why the path was refused.
        reason: &'static str,
    },
    /// `X-Amz-Expires` must be within 1..=604800 seconds (seven days).
    InvalidExpiry {
        /// The requested lifetime in seconds.
        seconds: u64,
    },
    /// The URL would outlive the temporary credentials that sign it.
    ExpiresAfterCredentials {
        /// When the URL would expire (Unix seconds).
        url_expires_at: i64,
        /// When the credentials expire (Unix seconds).
        credentials_expire_at: i64,
    },
    /// The credentials have already expired at the signing time.
    CredentialsExpired {
        /// When the credentials expired (Unix seconds).
        expired_at: i64,
    },
    /// A timestamp is outside 1970-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z.
    TimestampOutOfRange {
        /// The Unix time given.
        unix_seconds: i64,
    },
    /// A date-time string could not be parsed.
    InvalidTimestamp {
        /// What was expected.
        expected: &'static str,
    },
    /// The access key id is empty or contains whitespace, control bytes or `/`.
    InvalidAccessKeyId,
    /// The secret access key is empty or contains whitespace or control bytes.
    InvalidSecretKey,
    /// The session token contains whitespace or control bytes.
    InvalidSessionToken,
    /// A payload hash is not 64 lower-case hex digits or a known literal.
    InvalidPayloadHash,
    /// A query parameter name is empty.
    InvalidQueryParameter {
        /// Why it was refused.
        reason: &'static str,
    },
    /// The bucket name breaks an S3 naming rule.
    InvalidBucketName {
        /// The bucket name as given.
        bucket: String,
        /// The rule that is broken, in the words of the S3 documentation.
        rule: &'static str,
    },
    /// The object key is empty or longer than 1024 bytes of UTF-8.
    InvalidObjectKey {
        /// Why it was refused.
        reason: &'static str,
        /// The key length in bytes.
        len: usize,
    },
    /// The endpoint URL could not be used.
    InvalidEndpoint {
        /// Why it was refused.
        reason: &'static str,
    },
    /// A URL given as text cannot be signed ([`sigv4::RequestUrl`](crate::sigv4::RequestUrl)).
    InvalidUrl {
        /// Why it was refused.
        reason: &'static str,
    },
    /// An S3 option cannot be combined with the others (e.g. accelerate with a dotted bucket).
    UnsupportedConfiguration {
        /// What cannot be combined.
        reason: &'static str,
    },
    /// An aws-chunked upload or chunk does not fit the upload it belongs to.
    InvalidChunk {
        /// What is wrong and what to do.
        reason: &'static str,
    },
    /// A `CreateSession` response body is not one (S3 Express One Zone).
    InvalidSessionResponse {
        /// What is wrong.
        reason: &'static str,
    },
    /// A POST policy condition or field is invalid.
    InvalidPolicy {
        /// Why it was refused.
        reason: String,
    },
    /// The request asked for its warnings to be errors (`deny_warnings`), and a client is known
    /// to break it: see [`Warning`].
    ClientHazard(Warning),
}

impl Error {
    /// A stable, kebab-case name of this error (`"invalid-region"`, `"client-hazard"`, ...): the
    /// variant's name, for programs and bindings to branch on. Codes are never renamed or reused;
    /// new variants bring new codes.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidHeaderName { .. } => "invalid-header-name",
            Error::InvalidHeaderValue { .. } => "invalid-header-value",
            Error::AmbiguousWhitespace { .. } => "ambiguous-whitespace",
            Error::ReservedHeader { .. } => "reserved-header",
            Error::DuplicateHeader { .. } => "duplicate-header",
            Error::InvalidRegion { .. } => "invalid-region",
            Error::InvalidService { .. } => "invalid-service",
            Error::InvalidMethod { .. } => "invalid-method",
            Error::InvalidHost { .. } => "invalid-host",
            Error::InvalidPath { .. } => "invalid-path",
            Error::InvalidExpiry { .. } => "invalid-expiry",
            Error::ExpiresAfterCredentials { .. } => "expires-after-credentials",
            Error::CredentialsExpired { .. } => "credentials-expired",
            Error::TimestampOutOfRange { .. } => "timestamp-out-of-range",
            Error::InvalidTimestamp { .. } => "invalid-timestamp",
            Error::InvalidAccessKeyId => "invalid-access-key-id",
            Error::InvalidSecretKey => "invalid-secret-key",
            Error::InvalidSessionToken => "invalid-session-token",
            Error::InvalidPayloadHash => "invalid-payload-hash",
            Error::InvalidQueryParameter { .. } => "invalid-query-parameter",
            Error::InvalidBucketName { .. } => "invalid-bucket-name",
            Error::InvalidObjectKey { .. } => "invalid-object-key",
            Error::InvalidEndpoint { .. } => "invalid-endpoint",
            Error::InvalidUrl { .. } => "invalid-url",
            Error::UnsupportedConfiguration { .. } => "unsupported-configuration",
            Error::InvalidChunk { .. } => "invalid-chunk",
            Error::InvalidSessionResponse { .. } => "invalid-session-response",
            Error::InvalidPolicy { .. } => "invalid-policy",
            Error::ClientHazard(_) => "client-hazard",
        }
    }
}

fn escape(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    for c in s.chars() {
        if c.is_control() {
            write!(f, "\\u{{{:x}}}", c as u32)?;
        } else {
            fmt::Write::write_char(f, c)?;
        }
    }
    Ok(())
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidHeaderName { name } => {
                f.write_str("invalid header name \"")?;
                escape(f, name)?;
                f.write_str("\": use a non-empty ASCII token (letters, digits and !#$%&'*+-.^_`|~), no spaces, colons or control bytes")
            }
            Error::InvalidHeaderValue { name } => {
                f.write_str("invalid value for header \"")?;
                escape(f, name)?;
                f.write_str("\": remove CR, LF, NUL and other control bytes (only tab is allowed); a value may not span lines")
            }
            Error::AmbiguousWhitespace { name, character } => {
                f.write_str("the value of header \"")?;
                escape(f, name)?;
                write!(f, "\" holds U+{:04X}, whitespace that signers canonicalize differently (botocore and s3s collapse it like a space, aws-sigv4 and the JavaScript SDK keep it), so the server may compute another signature: send a plain space (U+0020) instead, or encode the value (percent-encoding; RFC 2047 for x-amz-meta-*)", u32::from(*character))
            }
            Error::ReservedHeader { name } => write!(
                f,
                "header \"{name}\" is set by the signer: do not pass it yourself (the host comes from the endpoint, x-amz-date from the signing time, x-amz-security-token from the credentials)"
            ),
            Error::DuplicateHeader { name } => write!(
                f,
                "header \"{name}\" is given more than once: pass one value (browsers and HTTP clients merge or drop repeated headers, which breaks the signature)"
            ),
            Error::InvalidRegion { region } => {
                f.write_str("invalid region \"")?;
                escape(f, region)?;
                f.write_str("\": use an AWS region code such as us-east-1 (lower-case letters, digits and '-')")
            }
            Error::InvalidService { service } => {
                f.write_str("invalid service \"")?;
                escape(f, service)?;
                f.write_str("\": use the signing name such as s3, execute-api or rds-db (lower-case letters, digits and '-')")
            }
            Error::InvalidMethod { method } => {
                f.write_str("invalid HTTP method \"")?;
                escape(f, method)?;
                f.write_str("\": use an upper-case token such as GET, PUT, HEAD, DELETE or POST")
            }
            Error::InvalidHost { host } => {
                f.write_str("invalid host \"")?;
                escape(f, host)?;
                f.write_str("\": give a host name or IP address with an optional :port, no scheme, path, spaces or control bytes")
            }
            Error::InvalidPath { reason } => write!(f, "invalid path: {reason}"),
            Error::InvalidExpiry { seconds } => write!(
                f,
                "expiry of {seconds} s is out of range: X-Amz-Expires must be 1..=604800 seconds (at most 7 days); S3 refuses longer ones with AuthorizationQueryParametersError"
            ),
            Error::ExpiresAfterCredentials { url_expires_at, credentials_expire_at } => write!(
                f,
                "the URL would expire at {url_expires_at} (Unix time) but its temporary credentials expire at {credentials_expire_at}: from then on S3 answers ExpiredToken; shorten the expiry, sign with longer-lived credentials, or ask to clamp the expiry to the credentials"
            ),
            Error::CredentialsExpired { expired_at } => write!(
                f,
                "the credentials expired at {expired_at} (Unix time), before the signing time: refresh them"
            ),
            Error::TimestampOutOfRange { unix_seconds } => write!(
                f,
                "time {unix_seconds} (Unix seconds) is out of range: SigV4 dates must lie in 1970-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z"
            ),
            Error::InvalidTimestamp { expected } => write!(f, "invalid date-time: expected {expected}"),
            Error::InvalidAccessKeyId => f.write_str(
                "invalid access key id: it must be non-empty, without whitespace, control bytes or '/' (check for a stray newline from a copy-paste)",
            ),
            Error::InvalidSecretKey => f.write_str(
                "invalid secret access key: it must be non-empty, without whitespace or control bytes (check for a stray newline or space from a copy-paste)",
            ),
            Error::InvalidSessionToken => f.write_str(
                "invalid session token: it must not contain whitespace or control bytes (check for a stray newline from a copy-paste)",
            ),
            Error::InvalidPayloadHash => f.write_str(
                "invalid payload hash: give 64 lower-case hex digits of SHA-256, a STREAMING-* literal, or use Payload::Unsigned for UNSIGNED-PAYLOAD",
            ),
            Error::InvalidQueryParameter { reason } => write!(f, "invalid query parameter: {reason}"),
            Error::InvalidBucketName { bucket, rule } => {
                f.write_str("invalid bucket name \"")?;
                escape(f, bucket)?;
                write!(f, "\": {rule}")
            }
            Error::InvalidObjectKey { reason, len } => write!(f, "invalid object key ({len} bytes): {reason}"),
            Error::InvalidEndpoint { reason } => write!(f, "invalid endpoint: {reason}"),
            Error::InvalidUrl { reason } => write!(f, "invalid URL: {reason}"),
            Error::UnsupportedConfiguration { reason } => write!(f, "unsupported configuration: {reason}"),
            Error::InvalidChunk { reason } => write!(f, "invalid aws-chunked upload: {reason}"),
            Error::InvalidSessionResponse { reason } => write!(f, "invalid CreateSession response: {reason}"),
            Error::InvalidPolicy { reason } => write!(f, "invalid POST policy: {reason}"),
            Error::ClientHazard(w) => write!(
                f,
                "client hazard {}: {w} (warnings are errors for this request: deny_warnings)",
                w.code()
            ),
        }
    }
}

impl core::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::collections::BTreeSet;
    use alloc::format;
    use alloc::vec::Vec;

    #[test]
    fn every_code_is_the_kebab_case_variant_name_and_unique() {
        let s = String::new;
        let all = [
            Error::InvalidHeaderName { name: s() },
            Error::InvalidHeaderValue { name: s() },
            Error::AmbiguousWhitespace {
                name: s(),
                character: '\u{a0}',
            },
            Error::ReservedHeader { name: s() },
            Error::DuplicateHeader { name: s() },
            Error::InvalidRegion { region: s() },
            Error::InvalidService { service: s() },
            Error::InvalidMethod { method: s() },
            Error::InvalidHost { host: s() },
            Error::InvalidPath { reason: "" },
            Error::InvalidExpiry { seconds: 0 },
            Error::ExpiresAfterCredentials {
                url_expires_at: 0,
                credentials_expire_at: 0,
            },
            Error::CredentialsExpired { expired_at: 0 },
            Error::TimestampOutOfRange { unix_seconds: 0 },
            Error::InvalidTimestamp { expected: "" },
            Error::InvalidAccessKeyId,
            Error::InvalidSecretKey,
            Error::InvalidSessionToken,
            Error::InvalidPayloadHash,
            Error::InvalidQueryParameter { reason: "" },
            Error::InvalidBucketName {
                bucket: s(),
                rule: "",
            },
            Error::InvalidObjectKey { reason: "", len: 0 },
            Error::InvalidEndpoint { reason: "" },
            Error::InvalidUrl { reason: "" },
            Error::UnsupportedConfiguration { reason: "" },
            Error::InvalidChunk { reason: "" },
            Error::InvalidSessionResponse { reason: "" },
            Error::InvalidPolicy { reason: s() },
            Error::ClientHazard(Warning::DotSegmentInKey { path: s() }),
        ];
        let mut seen = BTreeSet::new();
        for e in &all {
            let debug = format!("{e:?}");
            let name: String = debug
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            let mut kebab = String::new();
            for (i, c) in name.chars().enumerate() {
                if c.is_ascii_uppercase() && i > 0 {
                    kebab.push('-');
                }
                kebab.push(c.to_ascii_lowercase());
            }
            assert_eq!(e.code(), kebab, "{debug}");
            assert!(seen.insert(e.code()), "duplicate code {}", e.code());
        }
        let codes: Vec<&str> = all.iter().map(Error::code).collect();
        assert_eq!(codes[0], "invalid-header-name");
        assert_eq!(codes[codes.len() - 1], "client-hazard");
    }
}
