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

/// The names S3 reserves that no general purpose bucket on AWS can have, by prefix or suffix,
/// with the rule each breaks (the S3 User Guide's "General purpose bucket naming rules").
///
/// Three reserved suffixes are *not* refused here: `-s3alias` (access point aliases),
/// `--ol-s3` (Object Lambda Access Point aliases) and `--table-s3` (S3 Tables warehouse
/// locations) cannot be bucket names, but S3 accepts them wherever a bucket name goes in an
/// object request, signed like one; refusing them would refuse working URLs.
const RESERVED: [(Affix, &str, &str); 5] = [
    (Affix::Prefix, "xn--", "bucket names must not start with the prefix xn-- (reserved for internationalized domain names)"),
    (Affix::Prefix, "sthree-", "bucket names must not start with the prefix sthree- (reserved by S3, as is sthree-configurator)"),
    (Affix::Prefix, "amzn-s3-demo-", "bucket names must not start with the prefix amzn-s3-demo- (reserved for the examples of the AWS documentation: use your own bucket's name)"),
    (Affix::Suffix, "--x-s3", "a name ending in --x-s3 is a directory bucket (S3 Express One Zone): use Bucket::directory(name, region) (presign::s3::express), signed with the session credentials of CreateSession, not a general purpose bucket"),
    (Affix::Suffix, ".mrap", "a name ending in .mrap is a Multi-Region Access Point alias: use Bucket::multi_region_access_point(alias) and presign_sigv4a (SigV4a, feature sigv4a), not a general purpose bucket"),
];

#[derive(Clone, Copy)]
enum Affix {
    Prefix,
    Suffix,
}

/// Refuses the names S3 reserves for other things than general purpose buckets (see
/// [`RESERVED`]). Only for AWS endpoints: other S3-compatible servers have their own rules.
///
/// # Errors
/// [`Error::InvalidBucketName`].
pub fn refuse_reserved_on_aws(bucket: &str) -> Result<(), Error> {
    for (affix, text, rule) in RESERVED {
        let hit = match affix {
            Affix::Prefix => bucket.starts_with(text),
            Affix::Suffix => bucket.ends_with(text),
        };
        if hit {
            return Err(Error::InvalidBucketName {
                bucket: bucket.into(),
                rule,
            });
        }
    }
    Ok(())
}

/// Whether a bucket can be addressed virtual-hosted style: a DNS label of lower-case letters,
/// digits and hyphens, 3 to 63 bytes, that is not an internationalized label (`xn--`: URL
/// parsers, browsers' among them, decode it and refuse the whole URL unless it is valid
/// Punycode). Names with dots are refused too: they break the TLS wildcard certificate of
/// `*.s3.REGION.amazonaws.com`.
pub fn is_virtual_hostable(bucket: &str) -> bool {
    (3..=63).contains(&bucket.len())
        && bucket
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !bucket.starts_with('-')
        && !bucket.ends_with('-')
        && !has_idna_label(bucket)
}

/// Whether a dot-separated label of `name` starts with `xn--`, the prefix of internationalized
/// (Punycode) labels.
pub fn has_idna_label(name: &str) -> bool {
    name.split('.').any(|label| label.starts_with("xn--"))
}
