//! Directory bucket names: `base--zoneid--x-s3`, e.g. `my-data--usw2-az1--x-s3`.

use crate::Error;

/// The suffix every directory bucket name ends with.
pub const DIRECTORY_SUFFIX: &str = "--x-s3";

/// A directory bucket name split into its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DirectoryBucketName<'a> {
    /// The whole name, as signed and sent.
    pub name: &'a str,
    /// The part before `--zoneid--x-s3`.
    pub base: &'a str,
    /// The zone id, e.g. `usw2-az1` (an Availability Zone) or `usw2-lax1-az1` (a Local Zone).
    pub zone_id: &'a str,
}

fn fail(bucket: &str, rule: &'static str) -> Error {
    Error::InvalidBucketName {
        bucket: bucket.into(),
        rule,
    }
}

/// Whether `name` has the shape of a directory bucket name (ends with `--x-s3`).
pub fn is_directory_bucket_name(name: &str) -> bool {
    name.ends_with(DIRECTORY_SUFFIX)
}

/// Splits and checks a directory bucket name (AWS's directory bucket naming rules): 3 to 63
/// lower-case letters, digits and hyphens, beginning with a letter or digit, ending with
/// `--ZONEID--x-s3`; the zone id is lower-case letters and digits in hyphen-separated parts,
/// the last of them `az` and a number.
///
/// # Errors
/// [`Error::InvalidBucketName`] saying which rule the name breaks.
pub fn parse_directory_bucket_name(name: &str) -> Result<DirectoryBucketName<'_>, Error> {
    let Some(rest) = name.strip_suffix(DIRECTORY_SUFFIX) else {
        return Err(fail(
            name,
            "a directory bucket name ends with --ZONEID--x-s3, e.g. my-data--usw2-az1--x-s3",
        ));
    };
    if !(3..=63).contains(&name.len()) {
        return Err(fail(
            name,
            "directory bucket names must be between 3 and 63 characters long, suffix included",
        ));
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(fail(
            name,
            "directory bucket names can consist only of lower-case letters, numbers and hyphens (-)",
        ));
    }
    let Some((base, zone_id)) = rest.rsplit_once("--") else {
        return Err(fail(
            name,
            "a directory bucket name ends with --ZONEID--x-s3, e.g. my-data--usw2-az1--x-s3",
        ));
    };
    let base_ok = base
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphanumeric())
        && !base.ends_with('-');
    if !base_ok {
        return Err(fail(
            name,
            "the base name of a directory bucket must begin and end with a letter or number",
        ));
    }
    if base.starts_with("xn--") || base.starts_with("sthree-") {
        return Err(fail(
            name,
            "bucket names must not start with xn-- or sthree-",
        ));
    }
    let parts_ok = zone_id
        .split('-')
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    let az_ok = zone_id.rsplit_once('-').is_some_and(|(_, last)| {
        last.len() > 2 && last.starts_with("az") && last[2..].bytes().all(|b| b.is_ascii_digit())
    });
    if !parts_ok || !az_ok {
        return Err(fail(
            name,
            "the zone id of a directory bucket looks like usw2-az1 (Availability Zone) or usw2-lax1-az1 (Local Zone)",
        ));
    }
    Ok(DirectoryBucketName {
        name,
        base,
        zone_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn splits_names() {
        let n = parse_directory_bucket_name("my-data--usw2-az1--x-s3").unwrap();
        assert_eq!((n.base, n.zone_id), ("my-data", "usw2-az1"));
        let n = parse_directory_bucket_name("a--b--usw2-lax1-az1--x-s3").unwrap();
        assert_eq!((n.base, n.zone_id), ("a--b", "usw2-lax1-az1"));
        let n = parse_directory_bucket_name("b1--apne1-az4--x-s3").unwrap();
        assert_eq!(n.zone_id, "apne1-az4");
        assert!(is_directory_bucket_name("x--usw2-az1--x-s3"));
        assert!(!is_directory_bucket_name("plain-bucket"));
    }

    #[test]
    fn refuses_bad_names() {
        let long = format!("{}--usw2-az1--x-s3", "a".repeat(48));
        for bad in [
            "my-data",
            "--usw2-az1--x-s3",
            "My-data--usw2-az1--x-s3",
            "my.data--usw2-az1--x-s3",
            "my-data---usw2-az1--x-s3",
            "-data--usw2-az1--x-s3",
            "my-data--usw2--x-s3",
            "my-data--usw2-az--x-s3",
            "my-data--usw2-azx--x-s3",
            "my-data--az1--x-s3",
            "my-data--usw2--az1--x-s3",
            "xn--data--usw2-az1--x-s3",
            "sthree-data--usw2-az1--x-s3",
            "my-data-x-s3",
            &long,
        ] {
            assert!(
                matches!(
                    parse_directory_bucket_name(bad),
                    Err(Error::InvalidBucketName { .. })
                ),
                "{bad}"
            );
        }
    }
}
