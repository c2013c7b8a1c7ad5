//! A bucket on an endpoint: its host and path prefix, virtual-hosted or path-style.

use super::bucket_name::{
    has_idna_label, is_virtual_hostable, refuse_reserved_on_aws, validate_bucket_name,
};
use super::endpoint::{partition_suffix, AddressingStyle, Endpoint, Kind};
use crate::Error;
use alloc::format;
use alloc::string::String;

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
    /// Only SigV4a signs for it (a Multi-Region Access Point).
    pub(crate) sigv4a_only: bool,
}

impl Bucket {
    /// Resolves `name` at `endpoint`.
    ///
    /// # Errors
    /// [`Error::InvalidBucketName`], or [`Error::UnsupportedConfiguration`] when virtual-hosted
    /// style (or acceleration) is asked for a name that cannot be a host name, or on an
    /// endpoint whose host is an IP address.
    pub fn new(endpoint: Endpoint, name: &str) -> Result<Self, Error> {
        validate_bucket_name(name)?;
        if matches!(endpoint.kind, Kind::Aws { .. }) {
            refuse_reserved_on_aws(name)?;
        }
        let (service_host, virtual_ok) = endpoint.service_host()?;
        let hostable = is_virtual_hostable(name);
        let accelerate = endpoint.accelerate;
        // Dotted names may be hosts over http (no certificate to break), but never with capitals:
        // the host is sent in lower case, which would name another bucket.
        // Nor with an `xn--` label, which URL parsers refuse unless it is valid Punycode.
        let dotted_over_http = name.contains('.')
            && !endpoint.https()
            && !name.bytes().any(|b| b.is_ascii_uppercase())
            && !has_idna_label(name);
        let virtual_hosted = match endpoint.addressing {
            AddressingStyle::Path if accelerate => {
                return Err(Error::UnsupportedConfiguration { reason: "S3 Transfer Acceleration does not support path-style addressing" })
            }
            AddressingStyle::Path => false,
            AddressingStyle::VirtualHosted if endpoint.is_ip_host() => {
                return Err(Error::UnsupportedConfiguration { reason: "virtual-hosted style puts the bucket name in front of the endpoint's host, and an IP address (IPv4 or [IPv6]) cannot carry one (my-bucket.127.0.0.1 is no host): use AddressingStyle::Path for this endpoint" })
            }
            AddressingStyle::VirtualHosted if !hostable && !dotted_over_http => {
                return Err(Error::UnsupportedConfiguration { reason: "this bucket name cannot be used virtual-hosted style (it is not a lower-case DNS label, has dots over https, or has a label starting with xn--, which URL parsers read as an internationalized name): use path-style addressing" })
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
            sigv4a_only: false,
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
            sigv4a_only: false,
        })
    }

    /// A bucket reached virtual-hosted style at `https://{host}` (hosts of their own: access
    /// points, directory buckets' zonal endpoints). `endpoint` carries the region and signing name.
    pub(crate) fn at_own_host(name: &str, mut endpoint: Endpoint, host: &str) -> Self {
        endpoint.addressing = AddressingStyle::VirtualHosted;
        Bucket {
            name: name.into(),
            endpoint,
            origin: format!("https://{host}"),
            host_start: "https://".len(),
            path_prefix: String::new(),
            virtual_hosted: true,
            sigv4a_only: false,
        }
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
