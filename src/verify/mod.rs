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

mod auth;
mod canonical;
mod headers;
mod key_cache;
mod limits;
mod query;
mod redact;
mod rejection;
mod request;
mod secret;
#[cfg(feature = "sigv4a")]
mod sigv4a;
#[cfg(test)]
mod tests;
mod verifier;

pub(crate) use crate::sigv4::AUTH_PARAMS;
pub use auth::AuthLocation;
pub(crate) use headers::canonical_header_value;
pub use key_cache::{KeyCache, DEFAULT_KEY_CACHE_CAPACITY};
pub use limits::{
    DEFAULT_MAX_SKEW, MAX_HEADERS, MAX_HEADER_BYTES, MAX_QUERY_PARAMS, MAX_SIGNED_HEADERS,
    MAX_URL_LEN,
};
pub(crate) use redact::{clip, redact_header_line, redact_query_line, SENSITIVE_HEADERS};
pub use rejection::{Rejection, SignatureMismatch};
pub use request::Request;
pub(crate) use request::{raw_params, split_url, RawParam, UrlParts};
pub use secret::Secret;
pub use verifier::{Verified, Verifier};
