//! The bucket naming rules, and which names can be virtual-hosted.

use super::endpoint::is_ipv4;
use crate::Error;

/// Checks a bucket name, quoting the S3 rule it breaks. Accepts the legacy names S3 still serves
/// (capitals and `_`, up to 255 bytes): those can only be reached path-style.
///
/// # Errors
/// [`Error::InvalidBucketName`].
pub fn validate_bucket_name(bucket: &str) -> Result<(), Error> {
    let fail = |rule: &'static str| {
        Err(Error::InvalidBucketName {
            bucket: bucket.into(),
            rule,
        })
    };
    if bucket.len() < 3 || bucket.len() > 255 {
        return fail(
            "bucket names must be between 3 and 63 characters long (legacy names up to 255)",
        );
    }
    if !bucket
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')
    {
        return fail("bucket names can consist only of lowercase letters, numbers, periods (.) and hyphens (-)");
    }
    let first = bucket.as_bytes()[0];
    let last = bucket.as_bytes()[bucket.len() - 1];
    if !first.is_ascii_alphanumeric() || !last.is_ascii_alphanumeric() {
        return fail("bucket names must begin and end with a letter or number");
    }
    if bucket.contains("..") {
        return fail("bucket names must not contain two adjacent periods");
    }
    if is_ipv4(bucket) {
        return fail(
            "bucket names must not be formatted as an IP address (for example, 192.168.5.4)",
        );
    }
    Ok(())
}

/// Whether a bucket can be addressed virtual-hosted style: a DNS label of lower-case letters,
/// digits and hyphens, 3 to 63 bytes. Names with dots are refused too: they break the TLS
/// wildcard certificate of `*.s3.REGION.amazonaws.com`.
pub fn is_virtual_hostable(bucket: &str) -> bool {
    (3..=63).contains(&bucket.len())
        && bucket
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !bucket.starts_with('-')
        && !bucket.ends_with('-')
}
