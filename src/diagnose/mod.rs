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

mod compare;
mod finding;
mod input;
mod intrinsic;
mod s3_error;
mod signed_url;
mod signing_diff;
#[cfg(test)]
mod tests;

pub use compare::diagnose;
pub use finding::{Change, Finding, Severity, Which};
pub use input::{Context, Intended, Sent};
pub use intrinsic::diagnose_url;
pub use s3_error::{S3ErrorBody, MAX_ERROR_BODY};
pub use signing_diff::{
    compare_signing, explain_signature_mismatch, Component, LineDifference, SigningDiff, Text,
};
