//! S3 Express One Zone: directory buckets (`base--zoneid--x-s3`) on zonal endpoints
//! (`BUCKET.s3express-ZONEID.REGION.amazonaws.com`), signed as service `s3express` with the
//! session credentials `CreateSession` returns, whose token travels as `X-Amz-S3session-Token`
//! instead of `X-Amz-Security-Token`.

/// The signing name of S3 Express One Zone (zonal endpoints and `CreateSession`).
pub const SIGNING_NAME: &str = "s3express";

mod name;
mod session_response;

pub use name::{
    is_directory_bucket_name, parse_directory_bucket_name, DirectoryBucketName, DIRECTORY_SUFFIX,
};
pub use session_response::{parse_create_session_response, MAX_RESPONSE_LEN};
