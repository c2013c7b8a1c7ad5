//! Generic SigV4 for any AWS service: sign a request with an `Authorization` header, or presign
//! it into a URL with the signature in the query string.
//!
//! ```
//! use presign::{sigv4, Credentials, Payload, Timestamp};
//!
//! let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
//! let time = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z")?;
//! let request = sigv4::Request::new("GET", "examplebucket.s3.amazonaws.com", "/test.txt")
//!     .payload(Payload::Unsigned);
//! let params = sigv4::SigningParams::new(&creds, "us-east-1", "s3", time);
//! let presigned = sigv4::presign(&request, &params, 86400)?;
//! assert!(presigned.url.ends_with("X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"));
//! # Ok::<(), presign::Error>(())
//! ```

pub mod chunked;
mod output;
mod params;
mod payload;
mod presign;
mod request;
mod request_url;
mod scratch;
mod sign;
pub(crate) mod url;
mod validate;

pub use crate::canonical::UriPath;
#[cfg(feature = "http")]
pub use crate::http::sign_http_request;
pub use output::{Presigned, Signed, SigningDetails};
pub use params::SigningParams;
#[cfg(feature = "sigv4a")]
pub(crate) use params::{sends_content_sha256, Common};
pub use payload::{Payload, PAYLOAD_LITERALS};
pub(crate) use presign::details;
#[cfg(feature = "sigv4a")]
pub(crate) use presign::presign_with;
pub use presign::{presign, presign_with_details};
pub use request::{RawPathBytes, Request, SessionToken};
pub use request_url::RequestUrl;
pub(crate) use scratch::Scratch;
pub use sign::{sign, sign_with_details};
#[cfg(feature = "sigv4a")]
pub(crate) use sign::{sign_with, HeaderScheme};
#[cfg(feature = "sigv4a")]
pub(crate) use url::{append_signature, write_presigned_query};
pub(crate) use url::{finish_presigned_url, is_auth_param, QueryAuth, AUTH_PARAMS};
pub use validate::MAX_EXPIRES;
pub(crate) use validate::{effective_expiry, validate_host, validate_method};
