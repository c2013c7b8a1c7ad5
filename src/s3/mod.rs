//! S3: endpoints and addressing, object keys exactly as S3 wants them, operations, browser form
//! uploads ([`post`]), and a fast presigner that reuses what a day's signing shares.
//!
//! # Presigning an operation
//!
//! What a presign returns is the method, the URL, the exact headers the client must send and
//! when it expires.
//!
//! ```
//! use presign::s3::{Bucket, Endpoint};
//! use presign::{Credentials, Timestamp};
//!
//! let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
//! let bucket = Bucket::new(Endpoint::aws("eu-west-1")?, "my-uploads")?;
//! let now = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?; // the caller reads the clock
//! let upload = bucket
//!     .put_object("photos/cat 1.png")
//!     .content_type("image/png")
//!     .metadata("owner", "alice")
//!     .presign(&creds, now, 900)?;
//! assert_eq!(upload.method, "PUT");
//! assert!(upload.url.starts_with("https://my-uploads.s3.eu-west-1.amazonaws.com/photos/cat%201.png?"));
//! // The browser must send exactly these headers, or S3 answers SignatureDoesNotMatch:
//! assert_eq!(upload.headers, [("content-type".into(), "image/png".into()), ("x-amz-meta-owner".into(), "alice".into())]);
//! # Ok::<(), presign::Error>(())
//! ```
//!
//! # Addressing
//!
//! | configuration | host | path |
//! |---|---|---|
//! | AWS, virtual-hosted | `bucket.s3.us-west-2.amazonaws.com` | `/key` |
//! | AWS, path-style | `s3.us-west-2.amazonaws.com` | `/bucket/key` |
//! | legacy global (us-east-1 only) | `bucket.s3.amazonaws.com` | `/key` |
//! | China | `bucket.s3.cn-north-1.amazonaws.com.cn` | `/key` |
//! | other partitions (GovCloud, ISO, EU Sovereign Cloud) | `bucket.s3.us-iso-east-1.c2s.ic.gov` | `/key` |
//! | dualstack / FIPS | `bucket.s3.dualstack.REGION…`, `bucket.s3-fips.REGION…` | `/key` |
//! | transfer acceleration | `bucket.s3-accelerate.amazonaws.com` | `/key` |
//! | custom (`http://127.0.0.1:9000`) | `127.0.0.1:9000` | `/bucket/key` |
//!
//! `Auto` addressing picks virtual-hosted style only for DNS-compatible names (lower-case letters,
//! digits and hyphens, 3 to 63 bytes, no dots) on host names; buckets with dots or capitals, IP
//! hosts and `localhost` go path-style.

mod bucket;
mod bucket_name;
mod endpoint;
pub mod express;
mod key;
mod method;
mod mrap;
mod operations;
mod partition;
pub mod post;
mod presigner;
mod request;
#[cfg(test)]
mod tests;

pub use bucket::Bucket;
pub use bucket_name::validate_bucket_name;
pub use endpoint::{AddressingStyle, Endpoint};
pub use key::{validate_key, MAX_KEY_LEN};
pub use method::Method;
pub use mrap::MRAP_SUFFIX;
pub use post::{PostForm, PostPolicy, PostRejection, PostVerifier, PresignedPost};
pub use presigner::{Presigner, Validity};
pub use request::S3Request;
