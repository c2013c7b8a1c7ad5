//! What signing returns: a presigned URL, signed headers, and the intermediate texts.

use crate::{Method, Timestamp, Warning};
use alloc::string::String;
use alloc::vec::Vec;

/// A presigned request: everything a client needs to use it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Presigned {
    /// The method the URL is signed for; any other method fails.
    pub method: Method,
    /// The URL.
    pub url: String,
    /// Headers the client MUST send with these exact values (they are signed). `Host` is not
    /// listed: HTTP clients set it from the URL.
    pub headers: Vec<(String, String)>,
    /// The signing time.
    pub signed_at: Timestamp,
    /// The instant after which the URL is refused.
    pub expires_at: Timestamp,
    /// What common clients are known to break about this request (browsers rewriting a
    /// `./`/`../` path, non-ASCII header values, ...): each says what fails and what to do.
    /// Empty for most requests; `deny_warnings` turns the first one into an error.
    pub warnings: Vec<Warning>,
}

/// A request signed with an `Authorization` header.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Signed {
    /// The method.
    pub method: Method,
    /// The URL (scheme, host, path and query as signed).
    pub url: String,
    /// Every header to send except `Host`: the caller's headers, then `x-amz-date`, the content
    /// hash and session token when added, and `authorization`.
    pub headers: Vec<(String, String)>,
    /// The hex signature.
    pub signature: String,
}

/// The intermediate texts, for debugging a `SignatureDoesNotMatch` (S3 returns its own
/// canonical request and string to sign in the error body: compare them with these).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SigningDetails {
    /// The canonical request.
    pub canonical_request: String,
    /// The string to sign.
    pub string_to_sign: String,
    /// The hex signature.
    pub signature: String,
}
