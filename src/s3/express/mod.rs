//! S3 Express One Zone: directory buckets (`base--zoneid--x-s3`) on zonal endpoints
//! (`BUCKET.s3express-ZONEID.REGION.amazonaws.com`), signed as service `s3express` with the
//! session credentials `CreateSession` returns, whose token travels as `X-Amz-S3session-Token`
//! instead of `X-Amz-Security-Token`.
//!
//! The flow, sans-IO: [`create_session`] signs the `CreateSession` request (with the account's
//! credentials), the caller sends it, [`parse_create_session_response`] reads the session
//! credentials from the answer, and object requests on [`Bucket::directory`](crate::s3::Bucket::directory)
//! are presigned (or signed) with them. A session lasts five minutes, so a presigned URL cannot
//! outlive it: presigning refuses a longer expiry (or clamps it, with `clamp_expiry_to_credentials`).

/// The signing name of S3 Express One Zone (zonal endpoints and `CreateSession`).
pub const SIGNING_NAME: &str = "s3express";

mod directory_bucket;
mod name;
mod session_response;

pub use directory_bucket::{create_session, SessionMode};

pub use name::{
    is_directory_bucket_name, parse_directory_bucket_name, DirectoryBucketName, DIRECTORY_SUFFIX,
};
pub use session_response::{parse_create_session_response, MAX_RESPONSE_LEN};
