//! Where S3 is: AWS regions and partitions, dualstack, FIPS, acceleration, custom endpoints, and
//! the addressing style.

use super::partition::Partition;
use crate::signing::{validate_region, validate_service};
use crate::Error;
use alloc::format;
use alloc::string::String;

/// How the bucket appears in the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum AddressingStyle {
    /// Virtual-hosted when the bucket name and endpoint allow it, otherwise path-style.
    #[default]
    Auto,
    /// `bucket.host/key`. Refused for names that are not DNS-compatible.
    VirtualHosted,
    /// `host/bucket/key`.
    Path,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Aws { legacy_global: bool },
    Custom { https: bool, host: String },
}

/// An S3 endpoint: AWS in a region (with options), or a custom S3-compatible server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    pub(super) kind: Kind,
    region: String,
    signing_name: String,
    pub(super) addressing: AddressingStyle,
    dualstack: bool,
    pub(super) accelerate: bool,
    fips: bool,
}

/// A region that becomes a label of the host: a scope name ([`validate_region`]) that is also a
/// plain DNS label.
fn validate_host_label_region(region: &str) -> Result<(), Error> {
    validate_region(region)?;
    if region.starts_with('-') || region.ends_with('-') || region.starts_with("xn--") {
        return Err(Error::InvalidRegion {
            region: region.into(),
        });
    }
    Ok(())
}

pub(crate) fn partition_suffix(region: &str) -> &'static str {
    Partition::of(region).dns_suffix
}

impl Endpoint {
    /// AWS S3 in `region`, at the regional endpoint `s3.REGION.amazonaws.com`, or under its
    /// partition's domain (`amazonaws.com.cn` in China, `c2s.ic.gov` in `us-iso-*`, ...).
    ///
    /// # Errors
    /// [`Error::InvalidRegion`], also for a region that cannot be a DNS label of the host: one
    /// that starts or ends with `-`, or starts with `xn--` (the prefix of internationalized
    /// labels: URL parsers, browsers' among them, refuse such a host unless it is valid
    /// Punycode).
    pub fn aws(region: &str) -> Result<Self, Error> {
        validate_host_label_region(region)?;
        Ok(Endpoint {
            kind: Kind::Aws {
                legacy_global: false,
            },
            region: region.into(),
            signing_name: "s3".into(),
            addressing: AddressingStyle::Auto,
            dualstack: false,
            accelerate: false,
            fips: false,
        })
    }

    /// A custom S3-compatible endpoint (MinIO, Ceph, R2, s3s-fs, ...) as `http[s]://host[:port]`.
    /// The port stays in the signed Host unless it is the scheme's default (`:80` for http,
    /// `:443` for https), which is dropped as HTTP clients drop it. `region` is the signing region
    /// (most servers accept `us-east-1`).
    ///
    /// # Errors
    /// [`Error::InvalidEndpoint`] for another scheme, a user, a path, query or fragment, an empty
    /// host or a bad port; [`Error::InvalidRegion`].
    pub fn custom(url: &str, region: &str) -> Result<Self, Error> {
        validate_region(region)?;
        let (https, rest) = if let Some(r) = url.strip_prefix("https://") {
            (true, r)
        } else if let Some(r) = url.strip_prefix("http://") {
            (false, r)
        } else {
            return Err(Error::InvalidEndpoint {
                reason: "the endpoint URL must start with http:// or https://",
            });
        };
        let authority = rest.strip_suffix('/').unwrap_or(rest);
        if authority.contains(['/', '?', '#']) {
            return Err(Error::InvalidEndpoint { reason: "the endpoint URL must not have a path, query or fragment: give scheme://host[:port]" });
        }
        if authority.contains('@') {
            return Err(Error::InvalidEndpoint {
                reason: "the endpoint URL must not carry a user name or password",
            });
        }
        let (host, port) = split_host_port(authority)?;
        // `:` only inside an IPv6 literal's brackets, brackets only around one.
        let valid = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
            Some(ip6) => {
                !ip6.is_empty()
                    && ip6
                        .bytes()
                        .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
            }
            None => {
                !host.is_empty()
                    && host
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
            }
        };
        if !valid {
            return Err(Error::InvalidEndpoint {
                reason: "the endpoint host must be a host name or an IP address",
            });
        }
        let default_port = if https { 443 } else { 80 };
        // Lower case either way: HTTP clients send the host in lower case, and it is signed.
        let host = match port {
            Some(p) if p != default_port => format!("{}:{p}", host.to_ascii_lowercase()),
            _ => host.to_ascii_lowercase(),
        };
        Ok(Endpoint {
            kind: Kind::Custom { https, host },
            region: region.into(),
            signing_name: "s3".into(),
            addressing: AddressingStyle::Auto,
            dualstack: false,
            accelerate: false,
            fips: false,
        })
    }

    /// A custom endpoint from a parsed [`url::Url`] (scheme, host and port only).
    ///
    /// Only the endpoint comes from a `Url`: never parse an object URL with it, since URL parsers
    /// resolve `..` and `.` segments that are part of S3 keys.
    ///
    /// # Errors
    /// As [`Endpoint::custom`].
    #[cfg(feature = "url")]
    pub fn from_url(url: &url::Url, region: &str) -> Result<Self, Error> {
        if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
            return Err(Error::InvalidEndpoint { reason: "the endpoint URL must not have a path, query or fragment: give scheme://host[:port]" });
        }
        let host = match url.host() {
            Some(url::Host::Ipv6(a)) => format!("[{a}]"),
            Some(h) => format!("{h}"),
            None => {
                return Err(Error::InvalidEndpoint {
                    reason: "the endpoint host must be a host name or an IP address",
                })
            }
        };
        let authority = match url.port() {
            Some(p) => format!("{host}:{p}"),
            None => host,
        };
        Self::custom(&format!("{}://{authority}", url.scheme()), region)
    }

    /// Sets the addressing style.
    pub fn addressing(mut self, style: AddressingStyle) -> Self {
        self.addressing = style;
        self
    }

    /// Uses the dualstack (IPv4 + IPv6) endpoint (`s3.dualstack.REGION.amazonaws.com`). AWS
    /// endpoints outside the `eu-isoe-*` and `us-isof-*` regions, which have none:
    /// [`Bucket::new`](super::Bucket::new) refuses it there and on a custom endpoint.
    pub fn dualstack(mut self, on: bool) -> Self {
        self.dualstack = on;
        self
    }

    /// Uses S3 Transfer Acceleration (`bucket.s3-accelerate.amazonaws.com`). Only in the `aws`
    /// partition (not in China, GovCloud, the ISO regions or the European Sovereign Cloud),
    /// without FIPS, for a DNS-compatible bucket name without dots, virtual-hosted:
    /// [`Bucket::new`](super::Bucket::new) refuses anything else.
    pub fn accelerate(mut self, on: bool) -> Self {
        self.accelerate = on;
        self
    }

    /// Uses the FIPS endpoint (`s3-fips.REGION.amazonaws.com`). AWS endpoints outside China
    /// (S3 has no FIPS endpoints there): [`Bucket::new`](super::Bucket::new) refuses it in
    /// `cn-*` regions and on a custom endpoint.
    pub fn fips(mut self, on: bool) -> Self {
        self.fips = on;
        self
    }

    /// In us-east-1, uses the legacy global host `s3.amazonaws.com` instead of the regional
    /// `s3.us-east-1.amazonaws.com` (the AWS documentation examples use it). Ignored elsewhere.
    pub fn legacy_global_endpoint(mut self, on: bool) -> Self {
        if let Kind::Aws { legacy_global, .. } = &mut self.kind {
            *legacy_global = on;
        }
        self
    }

    /// Signs with another service name, e.g. `s3-object-lambda` for Object Lambda access points.
    ///
    /// # Errors
    /// [`Error::InvalidService`].
    pub fn signing_name(mut self, name: &str) -> Result<Self, Error> {
        validate_service(name)?;
        self.signing_name = name.into();
        Ok(self)
    }

    /// The signing region.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The signing name (`s3` unless changed).
    pub fn service(&self) -> &str {
        &self.signing_name
    }

    /// The addressing style asked for.
    pub fn addressing_style(&self) -> AddressingStyle {
        self.addressing
    }

    /// The AWS partition of an AWS endpoint, from its region: `aws`, `aws-cn`, `aws-us-gov`,
    /// `aws-iso`, `aws-iso-b`, `aws-iso-e`, `aws-iso-f` or `aws-eusc` (botocore's names;
    /// regions no other partition claims are `aws`). `None` for a custom endpoint.
    pub fn partition(&self) -> Option<&'static str> {
        match self.kind {
            Kind::Aws { .. } => Some(Partition::of(&self.region).name),
            Kind::Custom { .. } => None,
        }
    }

    pub(super) fn https(&self) -> bool {
        match &self.kind {
            Kind::Aws { .. } => true,
            Kind::Custom { https, .. } => *https,
        }
    }

    /// Whether the endpoint's host is an IP address literal (IPv4, or IPv6 in brackets): no
    /// bucket name can be put in front of it.
    pub(crate) fn is_ip_host(&self) -> bool {
        match &self.kind {
            Kind::Custom { host, .. } => {
                let bare = host_without_port(host);
                bare.starts_with('[') || is_ipv4(bare)
            }
            Kind::Aws { .. } => false,
        }
    }

    /// The service host (without a bucket) and whether virtual-hosted style is possible on it.
    ///
    /// # Errors
    /// [`Error::UnsupportedConfiguration`] for an option S3 has no host for (module docs).
    pub(super) fn service_host(&self) -> Result<(String, bool), Error> {
        let legacy_global = match &self.kind {
            Kind::Custom { host, .. } => {
                if let Some(reason) = self.custom_with_aws_option() {
                    return Err(Error::UnsupportedConfiguration { reason });
                }
                let bare = host_without_port(host);
                let ip_or_local = bare == "localhost" || bare.starts_with('[') || is_ipv4(bare);
                return Ok((host.clone(), !ip_or_local));
            }
            Kind::Aws { legacy_global } => *legacy_global,
        };
        let region = self.region.as_str();
        let partition = Partition::of(region);
        let suffix = partition.dns_suffix;
        let ds = if self.dualstack { ".dualstack" } else { "" };
        if self.accelerate {
            if self.fips {
                return Err(Error::UnsupportedConfiguration {
                    reason: "S3 Transfer Acceleration has no FIPS endpoint: turn off FIPS or acceleration",
                });
            }
            if !partition.accelerate {
                return Err(Error::UnsupportedConfiguration { reason: "S3 Transfer Acceleration exists only in the aws partition, not in China, GovCloud, the ISO regions or the European Sovereign Cloud: turn acceleration off for this region" });
            }
            return Ok((format!("s3-accelerate{ds}.{suffix}"), true));
        }
        if self.dualstack && !partition.dualstack {
            return Err(Error::UnsupportedConfiguration { reason: "S3 has no dualstack endpoints in the eu-isoe-* and us-isof-* regions (partitions aws-iso-e, aws-iso-f): turn dualstack off for this region" });
        }
        if self.fips && !partition.fips {
            return Err(Error::UnsupportedConfiguration { reason: "S3 has no FIPS endpoints in the China regions (partition aws-cn): turn FIPS off for this region" });
        }
        if legacy_global && region == "us-east-1" && !self.fips && !self.dualstack {
            return Ok((format!("s3.{suffix}"), true));
        }
        let s3 = if self.fips { "s3-fips" } else { "s3" };
        Ok((format!("{s3}{ds}.{region}.{suffix}"), true))
    }

    /// Why an AWS host option cannot apply to this custom endpoint, if one was asked for.
    fn custom_with_aws_option(&self) -> Option<&'static str> {
        Some(if self.accelerate {
            "a custom endpoint cannot be combined with S3 Transfer Acceleration: its URL is used as given (turn acceleration off, or use Endpoint::aws)"
        } else if self.fips {
            "a custom endpoint cannot be combined with FIPS: its URL is used as given (put the FIPS host in it, or use Endpoint::aws)"
        } else if self.dualstack {
            "a custom endpoint cannot be combined with dualstack: its URL is used as given (put the dualstack host in it, or use Endpoint::aws)"
        } else {
            return None;
        })
    }
}

fn split_host_port(authority: &str) -> Result<(&str, Option<u16>), Error> {
    const BAD_PORT: Error = Error::InvalidEndpoint {
        reason: "the port must be a number from 1 to 65535",
    };
    let parse = |p: &str| -> Result<Option<u16>, Error> {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 5 {
            return Err(BAD_PORT);
        }
        match p.parse::<u32>() {
            Ok(n @ 1..=65_535) => Ok(Some(n as u16)),
            _ => Err(BAD_PORT),
        }
    };
    if authority.starts_with('[') {
        let end = authority.find(']').ok_or(Error::InvalidEndpoint {
            reason: "an IPv6 host must be closed with ']'",
        })?;
        let host = &authority[..=end];
        return match &authority[end + 1..] {
            "" => Ok((host, None)),
            p => Ok((host, parse(p.strip_prefix(':').ok_or(BAD_PORT)?)?)),
        };
    }
    match authority.rsplit_once(':') {
        Some((h, p)) => Ok((h, parse(p)?)),
        None => Ok((authority, None)),
    }
}

fn host_without_port(host: &str) -> &str {
    if host.starts_with('[') {
        return host.split_inclusive(']').next().unwrap_or(host);
    }
    host.split(':').next().unwrap_or(host)
}

pub(super) fn is_ipv4(s: &str) -> bool {
    let mut n = 0;
    for part in s.split('.') {
        n += 1;
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    n == 4
}
