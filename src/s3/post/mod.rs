//! Browser form uploads: presigned POST policies (S3 "POST Object" with a signed policy), and
//! the verification of a submitted form.
//!
//! A presigned PUT URL cannot cap the size of what is uploaded; a POST policy can
//! (`content-length-range`), and it can let the uploader pick the key inside a prefix. The server
//! signs a JSON policy listing what the form may contain; the browser submits the fields below
//! plus the file as `multipart/form-data` to [`PresignedPost::url`].
//!
//! ```
//! use presign::s3::post::PostPolicy;
//! use presign::s3::{Bucket, Endpoint};
//! use presign::{Credentials, Timestamp};
//!
//! let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
//! let bucket = Bucket::new(Endpoint::aws("eu-west-1")?, "my-uploads")?;
//! let now = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?; // the caller reads the clock
//! let post = PostPolicy::new(&bucket)
//!     .key_starts_with("users/alice/")
//!     .content_length_range(1, 10 * 1024 * 1024)
//!     .content_type_starts_with("image/")
//!     .expires_in(600)
//!     .sign(&creds, now)?;
//! assert_eq!(post.url, "https://my-uploads.s3.eu-west-1.amazonaws.com/");
//! let names: Vec<&str> = post.fields.iter().map(|(n, _)| n.as_str()).collect();
//! assert_eq!(names, ["key", "policy", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-signature"]);
//! assert_eq!(post.field("key"), Some("users/alice/${filename}"));
//! // The form must also carry a Content-Type starting with "image/", then the file, last.
//! assert_eq!(post.caller_fields(), [("Content-Type", "image/")]);
//! # Ok::<(), presign::Error>(())
//! ```
//!
//! # The policy
//!
//! The policy is written as Python's `json.dumps` writes it (botocore's `generate_presigned_post`):
//! `", "` and `": "` separators, non-ASCII as `\uXXXX`, and the expiration as
//! `%Y-%m-%dT%H:%M:%SZ`. Its conditions come in this order:
//!
//! 1. `{"bucket": NAME}`;
//! 2. the key: `{"key": KEY}`, or `["starts-with", "$key", PREFIX]` for
//!    [`key_starts_with`](PostPolicy::key_starts_with) and for a key ending in `${filename}`
//!    (the prefix is the key without `${filename}`, as botocore does);
//! 3. the caller's conditions, in the order first set (setting a field again replaces its
//!    condition in place; field names compare case-insensitively);
//! 4. `x-amz-algorithm`, `x-amz-credential`, `x-amz-date`, and `x-amz-security-token` when the
//!    credentials carry a session token.
//!
//! # Expiry
//!
//! S3 accepts any expiration in a POST policy; this crate caps it at [`MAX_POST_EXPIRY`] (seven
//! days, as for presigned URLs): a signed form is a bearer credential, and a week-old signing
//! scope is a smell. The default is [`DEFAULT_POST_EXPIRY`] (one hour, as botocore). A form can
//! never outlive temporary credentials ([`Error::ExpiresAfterCredentials`](crate::Error::ExpiresAfterCredentials)).
//!
//! # Verification
//!
//! [`PostVerifier`] checks a submitted form as S3 does (algorithm, credential scope, date,
//! signature over the `policy` text, expiration, every condition, and that every field is
//! covered by a condition) and explains a refusal in a [`PostRejection`].

mod base64;
mod builder;
mod document;
mod fields;
mod form;
mod html;
mod json_parser;
mod json_writer;
mod policy;
mod presigned_post;
mod rejection;
#[cfg(test)]
mod tests;
mod verifier;

pub use builder::{PostPolicy, DEFAULT_POST_EXPIRY, FILENAME_VARIABLE, MAX_POST_EXPIRY};
pub use document::sign_document;
pub use form::PostForm;
pub use policy::{Condition, Policy, MAX_POLICY_LEN};
pub use presigned_post::PresignedPost;
pub use rejection::{PostRejection, Requirement};
pub use verifier::{
    PostVerifier, VerifiedPost, DEFAULT_MAX_CLOCK_SKEW, MAX_FORM_BYTES, MAX_FORM_FIELDS,
};
