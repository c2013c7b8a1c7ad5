//! The AWS partitions: which one a region belongs to, its DNS suffix, and which S3 endpoint
//! options exist in it.
//!
//! From botocore 1.43.11: `partitions.json` (names, region patterns, DNS suffixes), the S3
//! endpoint rule set (`Partition does not support FIPS` for `aws-cn`) and `endpoints.json`
//! (no dualstack S3 variant in `aws-iso-e` and `aws-iso-f`: botocore raises
//! `EndpointVariantError`). Transfer Acceleration is documented only for the `aws` partition:
//! botocore refuses it in `aws-cn` and makes `s3-accelerate` hosts from the other partitions'
//! suffixes, which AWS does not document; presign refuses it outside `aws`.

/// An AWS partition, as S3 endpoints need it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Partition {
    /// `aws`, `aws-cn`, `aws-us-gov`, ...
    pub(crate) name: &'static str,
    /// What host names end with: `amazonaws.com`, `amazonaws.com.cn`, ...
    pub(crate) dns_suffix: &'static str,
    /// Whether S3 has FIPS endpoints (`s3-fips.REGION.SUFFIX`) here.
    pub(crate) fips: bool,
    /// Whether S3 has dualstack endpoints (`s3.dualstack.REGION.SUFFIX`) here.
    pub(crate) dualstack: bool,
    /// Whether S3 Transfer Acceleration (`s3-accelerate.SUFFIX`) exists here.
    pub(crate) accelerate: bool,
}

const fn partition(
    name: &'static str,
    dns_suffix: &'static str,
    fips: bool,
    dualstack: bool,
) -> Partition {
    Partition {
        name,
        dns_suffix,
        fips,
        dualstack,
        accelerate: false,
    }
}

/// The commercial partition: every region no other partition claims.
const AWS: Partition = Partition {
    name: "aws",
    dns_suffix: "amazonaws.com",
    fips: true,
    dualstack: true,
    accelerate: true,
};

/// The other partitions, by the region prefix of their `regionRegex` (more specific first).
const OTHERS: [(&str, Partition); 7] = [
    ("cn-", partition("aws-cn", "amazonaws.com.cn", false, true)),
    (
        "us-gov-",
        partition("aws-us-gov", "amazonaws.com", true, true),
    ),
    ("us-iso-", partition("aws-iso", "c2s.ic.gov", true, true)),
    (
        "us-isob-",
        partition("aws-iso-b", "sc2s.sgov.gov", true, true),
    ),
    (
        "us-isof-",
        partition("aws-iso-f", "csp.hci.ic.gov", true, false),
    ),
    (
        "eu-isoe-",
        partition("aws-iso-e", "cloud.adc-e.uk", true, false),
    ),
    (
        "eusc-de-",
        partition("aws-eusc", "amazonaws.eu", true, true),
    ),
];

impl Partition {
    /// The partition of `region` (`aws` for every region no other partition claims, as
    /// botocore falls back).
    pub(crate) fn of(region: &str) -> &'static Partition {
        OTHERS
            .iter()
            .find(|(prefix, _)| region.starts_with(prefix))
            .map_or(&AWS, |(_, p)| p)
    }
}

#[cfg(test)]
mod tests {
    use super::Partition;

    #[test]
    fn regions_find_their_partition() {
        for (region, name, suffix) in [
            ("us-east-1", "aws", "amazonaws.com"),
            ("eu-west-1", "aws", "amazonaws.com"),
            ("mx-central-1", "aws", "amazonaws.com"),
            ("cn-north-1", "aws-cn", "amazonaws.com.cn"),
            ("cn-northwest-1", "aws-cn", "amazonaws.com.cn"),
            ("us-gov-west-1", "aws-us-gov", "amazonaws.com"),
            ("us-iso-east-1", "aws-iso", "c2s.ic.gov"),
            ("us-isob-east-1", "aws-iso-b", "sc2s.sgov.gov"),
            ("us-isof-south-1", "aws-iso-f", "csp.hci.ic.gov"),
            ("eu-isoe-west-1", "aws-iso-e", "cloud.adc-e.uk"),
            ("eusc-de-east-1", "aws-eusc", "amazonaws.eu"),
            ("garage", "aws", "amazonaws.com"),
        ] {
            let p = Partition::of(region);
            assert_eq!((p.name, p.dns_suffix), (name, suffix), "{region}");
        }
    }

    #[test]
    fn which_partitions_have_which_options() {
        for region in [
            "us-east-1",
            "cn-north-1",
            "us-gov-east-1",
            "us-iso-east-1",
            "us-isof-south-1",
            "eu-isoe-west-1",
        ] {
            let p = Partition::of(region);
            assert_eq!(p.accelerate, p.name == "aws", "{region}");
            assert_eq!(p.fips, p.name != "aws-cn", "{region}");
            let no_dualstack = ["aws-iso-e", "aws-iso-f"].contains(&p.name);
            assert_eq!(p.dualstack, !no_dualstack, "{region}");
        }
    }
}
