//! Where a bucket lives: endpoints, partitions, virtual-hosted vs path-style addressing, and the
//! bucket naming rules.
//!
//! | configuration | host | path |
//! |---|---|---|
//! | AWS, virtual-hosted | `bucket.s3.us-west-2.amazonaws.com` | `/key` |
//! | AWS, path-style | `s3.us-west-2.amazonaws.com` | `/bucket/key` |
//! | legacy global (us-east-1 only) | `bucket.s3.amazonaws.com` | `/key` |
//! | China | `bucket.s3.cn-north-1.amazonaws.com.cn` | `/key` |
//! | dualstack / FIPS | `bucket.s3.dualstack.REGION…`, `bucket.s3-fips.REGION…` | `/key` |
//! | transfer acceleration | `bucket.s3-accelerate.amazonaws.com` | `/key` |
//! | custom (`http://127.0.0.1:9000`) | `127.0.0.1:9000` | `/bucket/key` |
//!
//! `Auto` addressing picks virtual-hosted style only for DNS-compatible names (lower-case letters,
//! digits and hyphens, 3 to 63 bytes, no dots) on host names; buckets with dots or capitals, IP
//! hosts and `localhost` go path-style.

use crate::signing::{validate_region, validate_service};
use crate::Error;
use alloc::format;
use alloc::string::String;

/// How the bucket appears in the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
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
enum Kind {
    Aws {
        region: String,
        dualstack: bool,
        accelerate: bool,
        fips: bool,
        legacy_global: bool,
    },
    Custom {
        https: bool,
        host: String,
    },
}

/// An S3 endpoint: AWS in a region (with options), or a custom S3-compatible server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    kind: Kind,
    region: String,
    signing_name: String,
    addressing: AddressingStyle,
}

fn partition_suffix(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "amazonaws.com.cn"
    } else {
        "amazonaws.com"
    }
}

impl Endpoint {
    /// AWS S3 in `region`, at the regional endpoint `s3.REGION.amazonaws.com` (or
    /// `amazonaws.com.cn` in China).
    ///
    /// # Errors
    /// [`Error::InvalidRegion`].
    pub fn aws(region: &str) -> Result<Self, Error> {
        validate_region(region)?;
        Ok(Endpoint {
            kind: Kind::Aws {
                region: region.into(),
                dualstack: false,
                accelerate: false,
                fips: false,
                legacy_global: false,
            },
            region: region.into(),
            signing_name: "s3".into(),
            addressing: AddressingStyle::Auto,
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

    /// Uses the dualstack (IPv4 + IPv6) endpoint. AWS endpoints only.
    pub fn dualstack(mut self, on: bool) -> Self {
        if let Kind::Aws { dualstack, .. } = &mut self.kind {
            *dualstack = on;
        }
        self
    }

    /// Uses S3 Transfer Acceleration (`bucket.s3-accelerate.amazonaws.com`). AWS endpoints only;
    /// needs a DNS-compatible bucket name without dots, and is not offered in China or GovCloud.
    pub fn accelerate(mut self, on: bool) -> Self {
        if let Kind::Aws { accelerate, .. } = &mut self.kind {
            *accelerate = on;
        }
        self
    }

    /// Uses the FIPS endpoint (`s3-fips.REGION.amazonaws.com`). AWS endpoints only.
    pub fn fips(mut self, on: bool) -> Self {
        if let Kind::Aws { fips, .. } = &mut self.kind {
            *fips = on;
        }
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

    fn https(&self) -> bool {
        match &self.kind {
            Kind::Aws { .. } => true,
            Kind::Custom { https, .. } => *https,
        }
    }

    /// The service host (without a bucket) and whether virtual-hosted style is possible on it.
    fn service_host(&self) -> Result<(String, bool), Error> {
        match &self.kind {
            Kind::Custom { host, .. } => {
                let bare = host_without_port(host);
                let ip_or_local = bare == "localhost" || bare.starts_with('[') || is_ipv4(bare);
                Ok((host.clone(), !ip_or_local))
            }
            Kind::Aws {
                region,
                dualstack,
                accelerate,
                fips,
                legacy_global,
            } => {
                let suffix = partition_suffix(region);
                if *accelerate {
                    if region.starts_with("cn-") || region.starts_with("us-gov-") {
                        return Err(Error::UnsupportedConfiguration { reason: "S3 Transfer Acceleration is not available in the China or GovCloud partitions" });
                    }
                    if *fips {
                        return Err(Error::UnsupportedConfiguration {
                            reason: "S3 Transfer Acceleration has no FIPS endpoint",
                        });
                    }
                    let ds = if *dualstack { ".dualstack" } else { "" };
                    return Ok((format!("s3-accelerate{ds}.{suffix}"), true));
                }
                let s3 = if *fips { "s3-fips" } else { "s3" };
                let ds = if *dualstack { ".dualstack" } else { "" };
                if *legacy_global && region == "us-east-1" && !*fips && !*dualstack {
                    return Ok((format!("s3.{suffix}"), true));
                }
                Ok((format!("{s3}{ds}.{region}.{suffix}"), true))
            }
        }
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

fn is_ipv4(s: &str) -> bool {
    let mut n = 0;
    for part in s.split('.') {
        n += 1;
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    n == 4
}

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

/// A bucket at an endpoint, resolved once: the URL origin, the signed host and the path prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bucket {
    name: String,
    endpoint: Endpoint,
    /// `https://host`.
    origin: String,
    host_start: usize,
    /// `` (virtual-hosted) or `/bucket` (path-style).
    path_prefix: String,
    virtual_hosted: bool,
}

impl Bucket {
    /// Resolves `name` at `endpoint`.
    ///
    /// # Errors
    /// [`Error::InvalidBucketName`], or [`Error::UnsupportedConfiguration`] when virtual-hosted
    /// style (or acceleration) is asked for a name that cannot be a host name.
    pub fn new(endpoint: Endpoint, name: &str) -> Result<Self, Error> {
        validate_bucket_name(name)?;
        let (service_host, virtual_ok) = endpoint.service_host()?;
        let hostable = is_virtual_hostable(name);
        let accelerate = matches!(
            endpoint.kind,
            Kind::Aws {
                accelerate: true,
                ..
            }
        );
        // Dotted names may be hosts over http (no certificate to break), but never with capitals:
        // the host is sent in lower case, which would name another bucket.
        let dotted_over_http = name.contains('.')
            && !endpoint.https()
            && !name.bytes().any(|b| b.is_ascii_uppercase());
        let virtual_hosted = match endpoint.addressing {
            AddressingStyle::Path if accelerate => {
                return Err(Error::UnsupportedConfiguration { reason: "S3 Transfer Acceleration does not support path-style addressing" })
            }
            AddressingStyle::Path => false,
            AddressingStyle::VirtualHosted if !hostable && !dotted_over_http => {
                return Err(Error::UnsupportedConfiguration { reason: "this bucket name cannot be used virtual-hosted style (it is not a lower-case DNS label, or has dots over https): use path-style addressing" })
            }
            AddressingStyle::VirtualHosted => true,
            AddressingStyle::Auto if accelerate && !hostable => {
                return Err(Error::UnsupportedConfiguration { reason: "S3 Transfer Acceleration needs a DNS-compatible bucket name without dots" })
            }
            AddressingStyle::Auto => hostable && virtual_ok,
        };
        let scheme = if endpoint.https() {
            "https://"
        } else {
            "http://"
        };
        let (origin, path_prefix) = if virtual_hosted {
            (format!("{scheme}{name}.{service_host}"), String::new())
        } else {
            (format!("{scheme}{service_host}"), format!("/{name}"))
        };
        Ok(Bucket {
            name: name.into(),
            endpoint,
            host_start: scheme.len(),
            origin,
            path_prefix,
            virtual_hosted,
        })
    }

    /// An S3 access point, `NAME-ACCOUNT.s3-accesspoint.REGION.amazonaws.com` (keys go right
    /// after the host; signing name `s3`).
    ///
    /// # Errors
    /// [`Error::InvalidBucketName`] for a bad access point name or account id,
    /// [`Error::InvalidRegion`].
    pub fn access_point(name: &str, account_id: &str, region: &str) -> Result<Self, Error> {
        Self::access_point_at(name, account_id, region, "s3-accesspoint", "s3")
    }

    /// An S3 Object Lambda access point,
    /// `NAME-ACCOUNT.s3-object-lambda.REGION.amazonaws.com`, signed as `s3-object-lambda`.
    ///
    /// # Errors
    /// As [`Bucket::access_point`].
    pub fn object_lambda_access_point(
        name: &str,
        account_id: &str,
        region: &str,
    ) -> Result<Self, Error> {
        Self::access_point_at(
            name,
            account_id,
            region,
            "s3-object-lambda",
            "s3-object-lambda",
        )
    }

    fn access_point_at(
        name: &str,
        account_id: &str,
        region: &str,
        label: &str,
        service: &str,
    ) -> Result<Self, Error> {
        let fail = |rule: &'static str| {
            Err(Error::InvalidBucketName {
                bucket: name.into(),
                rule,
            })
        };
        if !(3..=50).contains(&name.len()) || !is_virtual_hostable(name) {
            return fail("access point names must be 3 to 50 lower-case letters, numbers and hyphens, beginning and ending with a letter or number");
        }
        if account_id.len() != 12 || !account_id.bytes().all(|b| b.is_ascii_digit()) {
            return fail("the account id of an access point is 12 digits");
        }
        let mut endpoint = Endpoint::aws(region)?.signing_name(service)?;
        endpoint.addressing = AddressingStyle::VirtualHosted;
        let origin = format!(
            "https://{name}-{account_id}.{label}.{region}.{}",
            partition_suffix(region)
        );
        Ok(Bucket {
            name: name.into(),
            endpoint,
            origin,
            host_start: "https://".len(),
            path_prefix: String::new(),
            virtual_hosted: true,
        })
    }

    /// The bucket name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The endpoint.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// `scheme://host`, as URLs start.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The signed Host value.
    pub fn host(&self) -> &str {
        &self.origin[self.host_start..]
    }

    /// `""` for virtual-hosted style, `"/bucket"` for path-style.
    pub fn path_prefix(&self) -> &str {
        &self.path_prefix
    }

    /// Whether the bucket is in the host name.
    pub fn is_virtual_hosted(&self) -> bool {
        self.virtual_hosted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host_path(e: Endpoint, b: &str) -> (String, String) {
        let b = Bucket::new(e, b).unwrap();
        (String::from(b.origin()), String::from(b.path_prefix()))
    }

    #[test]
    fn aws_hosts() {
        let e = || Endpoint::aws("us-west-2").unwrap();
        assert_eq!(
            host_path(e(), "my-bucket"),
            (
                "https://my-bucket.s3.us-west-2.amazonaws.com".into(),
                "".into()
            )
        );
        assert_eq!(
            host_path(e(), "my.bucket"),
            (
                "https://s3.us-west-2.amazonaws.com".into(),
                "/my.bucket".into()
            )
        );
        assert_eq!(
            host_path(e(), "MyBucket"),
            (
                "https://s3.us-west-2.amazonaws.com".into(),
                "/MyBucket".into()
            )
        );
        assert_eq!(
            host_path(e().addressing(AddressingStyle::Path), "b12"),
            ("https://s3.us-west-2.amazonaws.com".into(), "/b12".into())
        );
        assert_eq!(
            host_path(e().dualstack(true), "b12").0,
            "https://b12.s3.dualstack.us-west-2.amazonaws.com"
        );
        assert_eq!(
            host_path(e().fips(true), "b12").0,
            "https://b12.s3-fips.us-west-2.amazonaws.com"
        );
        assert_eq!(
            host_path(e().accelerate(true), "b12").0,
            "https://b12.s3-accelerate.amazonaws.com"
        );
        assert_eq!(
            host_path(Endpoint::aws("cn-north-1").unwrap(), "b12").0,
            "https://b12.s3.cn-north-1.amazonaws.com.cn"
        );
        assert_eq!(
            host_path(Endpoint::aws("us-gov-west-1").unwrap(), "b12").0,
            "https://b12.s3.us-gov-west-1.amazonaws.com"
        );
        let g = Endpoint::aws("us-east-1")
            .unwrap()
            .legacy_global_endpoint(true);
        assert_eq!(
            host_path(g, "examplebucket").0,
            "https://examplebucket.s3.amazonaws.com"
        );
        let r = Endpoint::aws("us-east-1").unwrap();
        assert_eq!(
            host_path(r, "examplebucket").0,
            "https://examplebucket.s3.us-east-1.amazonaws.com"
        );
    }

    #[test]
    fn custom_endpoints_and_ports() {
        let b = Bucket::new(
            Endpoint::custom("http://127.0.0.1:9000", "us-east-1").unwrap(),
            "bkt",
        )
        .unwrap();
        assert_eq!(
            (b.origin(), b.host(), b.path_prefix()),
            ("http://127.0.0.1:9000", "127.0.0.1:9000", "/bkt")
        );
        let b = Bucket::new(
            Endpoint::custom("http://localhost:9000/", "us-east-1").unwrap(),
            "bkt",
        )
        .unwrap();
        assert_eq!(b.path_prefix(), "/bkt");
        let b = Bucket::new(
            Endpoint::custom("http://localhost:9000", "us-east-1")
                .unwrap()
                .addressing(AddressingStyle::VirtualHosted),
            "bkt",
        )
        .unwrap();
        assert_eq!(b.host(), "bkt.localhost:9000");
        let b = Bucket::new(
            Endpoint::custom("https://minio.example.com:443", "us-east-1").unwrap(),
            "bkt",
        )
        .unwrap();
        assert_eq!(b.host(), "bkt.minio.example.com");
        let b = Bucket::new(
            Endpoint::custom("http://s3.local.test:80", "us-east-1").unwrap(),
            "bkt",
        )
        .unwrap();
        assert_eq!(b.origin(), "http://bkt.s3.local.test");
        let b = Bucket::new(
            Endpoint::custom("https://r2.example.com:8443", "auto-region").unwrap(),
            "bkt",
        )
        .unwrap();
        assert_eq!(b.host(), "bkt.r2.example.com:8443");
        let b = Bucket::new(
            Endpoint::custom("http://[::1]:9000", "us-east-1").unwrap(),
            "bkt",
        )
        .unwrap();
        assert_eq!((b.host(), b.path_prefix()), ("[::1]:9000", "/bkt"));
        for bad in [
            "ftp://h",
            "h:9000",
            "http://h/path",
            "http://u@h",
            "http://h:0",
            "http://h:99999",
            "http://h:x",
            "http://",
            "http://h?x",
        ] {
            assert!(
                matches!(
                    Endpoint::custom(bad, "us-east-1"),
                    Err(Error::InvalidEndpoint { .. })
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn bucket_rules_are_quoted() {
        let cases = [
            ("ab", "between 3 and 63"),
            ("a b c", "only of lowercase letters"),
            ("a/b", "only of lowercase letters"),
            ("-abc", "begin and end"),
            ("abc.", "begin and end"),
            ("a..b", "two adjacent periods"),
            ("192.168.5.4", "IP address"),
        ];
        for (name, rule) in cases {
            match validate_bucket_name(name) {
                Err(e @ Error::InvalidBucketName { .. }) => {
                    assert!(alloc::format!("{e}").contains(rule), "{name}: {e}")
                }
                other => panic!("{name}: {other:?}"),
            }
        }
        assert!(validate_bucket_name(&"a".repeat(256)).is_err());
    }

    #[cfg(feature = "url")]
    #[test]
    fn endpoint_from_url() {
        let u = url::Url::parse("https://minio.example.com:443/").unwrap();
        let b = Bucket::new(Endpoint::from_url(&u, "us-east-1").unwrap(), "bkt").unwrap();
        assert_eq!(b.host(), "bkt.minio.example.com");
        let u = url::Url::parse("http://[::1]:9000").unwrap();
        assert_eq!(
            Bucket::new(Endpoint::from_url(&u, "us-east-1").unwrap(), "bkt")
                .unwrap()
                .host(),
            "[::1]:9000"
        );
        let u = url::Url::parse("http://h/base").unwrap();
        assert!(Endpoint::from_url(&u, "us-east-1").is_err());
    }

    #[test]
    fn access_points() {
        let b = Bucket::access_point("my-ap", "111122223333", "us-west-2").unwrap();
        assert_eq!(
            (b.host(), b.path_prefix(), b.endpoint().service()),
            (
                "my-ap-111122223333.s3-accesspoint.us-west-2.amazonaws.com",
                "",
                "s3"
            )
        );
        let b =
            Bucket::object_lambda_access_point("my-olap", "111122223333", "cn-north-1").unwrap();
        assert_eq!(
            b.host(),
            "my-olap-111122223333.s3-object-lambda.cn-north-1.amazonaws.com.cn"
        );
        assert_eq!(b.endpoint().service(), "s3-object-lambda");
        assert!(matches!(
            Bucket::access_point("my-ap", "1234", "us-west-2"),
            Err(Error::InvalidBucketName { .. })
        ));
        assert!(matches!(
            Bucket::access_point("My_AP", "111122223333", "us-west-2"),
            Err(Error::InvalidBucketName { .. })
        ));
    }

    #[test]
    fn refuses_impossible_combinations() {
        let e = Endpoint::aws("us-west-2").unwrap();
        assert!(matches!(
            Bucket::new(
                e.clone().addressing(AddressingStyle::VirtualHosted),
                "My.Bucket"
            ),
            Err(Error::UnsupportedConfiguration { .. })
        ));
        assert!(matches!(
            Bucket::new(e.clone().accelerate(true), "my.bucket"),
            Err(Error::UnsupportedConfiguration { .. })
        ));
        assert!(matches!(
            Bucket::new(
                e.clone().accelerate(true).addressing(AddressingStyle::Path),
                "b12"
            ),
            Err(Error::UnsupportedConfiguration { .. })
        ));
        assert!(matches!(
            Bucket::new(Endpoint::aws("cn-north-1").unwrap().accelerate(true), "b12"),
            Err(Error::UnsupportedConfiguration { .. })
        ));
    }
}
