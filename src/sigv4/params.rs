//! Who signs, where and when: credentials, region, service, time and options.

use super::request::{RawPathBytes, SessionToken};
use crate::canonical::UriPath;
use crate::{Credentials, Timestamp};

/// Who signs, where and when.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct SigningParams<'a> {
    /// The credentials.
    pub credentials: &'a Credentials,
    /// The region, e.g. `us-east-1`.
    pub region: &'a str,
    /// The signing name of the service, e.g. `s3`, `execute-api`, `rds-db`.
    pub service: &'a str,
    /// The signing time (`X-Amz-Date`).
    pub time: Timestamp,
    /// How the canonical URI is made; by default [`UriPath::for_service`].
    pub uri_path: UriPath,
    /// How raw non-URL bytes of a non-S3 path are signed; by default [`RawPathBytes::Escape`].
    pub raw_path_bytes: RawPathBytes,
    /// Where the session token goes.
    pub session_token: SessionToken,
    /// Header signing only: add a signed `x-amz-content-sha256` header with the payload hash. On
    /// by default for the S3 signing names (`s3`, `s3-object-lambda`, `s3-outposts`,
    /// `s3express`), which refuse a header-signed request without it, as every AWS SDK sends it;
    /// off for other services.
    pub content_sha256_header: bool,
    /// Presigning only: shorten the expiry to the credentials' expiration instead of refusing.
    pub clamp_expiry_to_credentials: bool,
    /// Presigning only: fail with [`Error::ClientHazard`](crate::Error::ClientHazard) instead of
    /// returning [`warnings`](crate::Presigned::warnings).
    pub deny_warnings: bool,
}

/// What signing shares whatever the scheme: SigV4's [`SigningParams`] and SigV4a's both make
/// one.
#[derive(Clone, Copy)]
pub(crate) struct Common<'a> {
    pub credentials: &'a Credentials,
    pub time: Timestamp,
    pub uri_path: UriPath,
    pub raw_path_bytes: RawPathBytes,
    pub session_token: SessionToken,
    pub content_sha256_header: bool,
    pub clamp_expiry_to_credentials: bool,
    pub deny_warnings: bool,
}

impl Common<'_> {
    /// The query parameter that carries the session token.
    pub(crate) fn token_param(&self) -> &'static str {
        match self.session_token {
            SessionToken::S3Session => "X-Amz-S3session-Token",
            SessionToken::Signed | SessionToken::AddedAfterSigning => "X-Amz-Security-Token",
        }
    }

    /// The header that carries the session token.
    pub(crate) fn token_header(&self) -> &'static str {
        match self.session_token {
            SessionToken::S3Session => "x-amz-s3session-token",
            SessionToken::Signed | SessionToken::AddedAfterSigning => "x-amz-security-token",
        }
    }

    /// Whether the session token is part of the signature.
    pub(crate) fn sign_token(&self) -> bool {
        self.session_token != SessionToken::AddedAfterSigning
    }
}

impl<'a> SigningParams<'a> {
    /// The day's signing key for these credentials, region and service.
    pub(crate) fn scoped_key(&self) -> Result<crate::signing::ScopedKey, crate::Error> {
        crate::signing::ScopedKey::new(self.credentials, self.time, self.region, self.service)
    }

    pub(crate) fn common(&self) -> Common<'a> {
        Common {
            credentials: self.credentials,
            time: self.time,
            uri_path: self.uri_path,
            raw_path_bytes: self.raw_path_bytes,
            session_token: self.session_token,
            content_sha256_header: self.content_sha256_header,
            clamp_expiry_to_credentials: self.clamp_expiry_to_credentials,
            deny_warnings: self.deny_warnings,
        }
    }

    /// Parameters with the defaults: the service's URI rules, a signed session token, and for
    /// S3 a signed `x-amz-content-sha256` header.
    ///
    /// ```
    /// use presign::sigv4::{sign, Payload, Request, SigningParams};
    /// use presign::{Credentials, Timestamp};
    ///
    /// let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
    /// let time = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z")?;
    /// let get = Request::new("GET", "examplebucket.s3.amazonaws.com", "/test.txt").payload(Payload::Empty);
    /// let signed = sign(&get, &SigningParams::new(&creds, "us-east-1", "s3", time))?;
    /// assert!(signed.headers.iter().any(|(n, v)| n == "x-amz-content-sha256"
    ///     && v == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    /// # Ok::<(), presign::Error>(())
    /// ```
    pub fn new(
        credentials: &'a Credentials,
        region: &'a str,
        service: &'a str,
        time: Timestamp,
    ) -> Self {
        SigningParams {
            credentials,
            region,
            service,
            time,
            uri_path: UriPath::for_service(service),
            raw_path_bytes: RawPathBytes::Escape,
            session_token: SessionToken::Signed,
            content_sha256_header: sends_content_sha256(service),
            clamp_expiry_to_credentials: false,
            deny_warnings: false,
        }
    }
}

/// Whether header signing for `service` adds `x-amz-content-sha256` by default: for the S3
/// signing names, which refuse a header-signed request without it.
pub(crate) fn sends_content_sha256(service: &str) -> bool {
    UriPath::for_service(service) == UriPath::S3
}
