//! The stable `code` of every error the JS package throws.
//!
//! Library errors carry the kebab-case name of their `presign::Error` variant; the wrapper's own
//! are below. JS code branches on these, so they never change once released.

use presign::Error;

/// An option name the operation does not know, or a value of the wrong type.
pub const INVALID_OPTION: &str = "invalid-option";
/// An argument of the wrong type or shape (the wrapper's own checks).
pub const INVALID_ARGUMENT: &str = "invalid-argument";
/// A `time` that is not a whole second within the years 1970..=9999.
pub const INVALID_TIME: &str = "invalid-time";

/// The code of a library error.
pub fn of(e: &Error) -> &'static str {
    match e {
        Error::InvalidHeaderName { .. } => "invalid-header-name",
        Error::InvalidHeaderValue { .. } => "invalid-header-value",
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
        Error::UnsupportedConfiguration { .. } => "unsupported-configuration",
        Error::InvalidChunk { .. } => "invalid-chunk",
        Error::InvalidSessionResponse { .. } => "invalid-session-response",
        Error::InvalidPolicy { .. } => "invalid-policy",
        Error::ClientHazard(_) => "client-hazard",
        _ => "presign-error",
    }
}
