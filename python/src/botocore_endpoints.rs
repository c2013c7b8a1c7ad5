//! Where boto3 sends a bucket's requests, and the one place where this package departs from it.
//!
//! The drop-in client follows botocore's endpoint rules for S3 presigning: path-style for a
//! custom endpoint unless `addressing_style="virtual"` (and then path-style anyway for IP
//! endpoints, and for names a host cannot carry), virtual-hosted on AWS for DNS-compatible
//! names, `s3.amazonaws.com` for us-east-1 unless `us_east_1_regional_endpoint="regional"`.
//!
//! Two of botocore's habits are traps, so they only happen with `boto3_compatible=True`:
//! - in the aws partition, "auto" addressing presigns against the global host
//!   `BUCKET.s3.amazonaws.com` for every region, signed for the client's region; S3 answers
//!   those with a redirect or an error in regions launched after 2019 (boto/boto3#1982). Without
//!   the option, the URL names the bucket's region (`BUCKET.s3.REGION.amazonaws.com`), and
//!   us-east-1 is regional unless `us_east_1_regional_endpoint="legacy"` is asked for;
//! - an explicit default port in `endpoint_url` (`https://host:443`) stays in the URL text
//!   (it is never signed: clients send `Host` without it). Without the option it is dropped.

use presign::s3::{AddressingStyle, Bucket, Endpoint};
use presign::Error;

/// boto3's `addressing_style`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Addressing {
    Auto,
    Virtual,
    Path,
}

impl Addressing {
    pub(crate) fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "auto" => Addressing::Auto,
            "virtual" => Addressing::Virtual,
            "path" => Addressing::Path,
            _ => return None,
        })
    }
}

/// The library's style of the same name (the Pythonic layer's, which has no botocore rules).
impl From<Addressing> for AddressingStyle {
    fn from(a: Addressing) -> Self {
        match a {
            Addressing::Auto => AddressingStyle::Auto,
            Addressing::Virtual => AddressingStyle::VirtualHosted,
            Addressing::Path => AddressingStyle::Path,
        }
    }
}

/// A custom `endpoint_url`.
#[derive(Clone, Debug)]
struct Custom {
    /// As given, without a trailing `/` (the library drops a default port from what it signs).
    url: String,
    /// `:443` / `:80` when the URL spelled out its scheme's default port: botocore keeps it in
    /// the URL text.
    default_port: Option<&'static str>,
}

/// The client's endpoint settings, as boto3's `region_name`, `endpoint_url` and `Config` give
/// them.
#[derive(Clone, Debug)]
pub(crate) struct Settings {
    pub(crate) region: String,
    custom: Option<Custom>,
    pub(crate) addressing: Addressing,
    /// `us_east_1_regional_endpoint`: `Some(true)` "regional", `Some(false)` "legacy".
    us_east_1_regional: Option<bool>,
    dualstack: bool,
    accelerate: bool,
    fips: bool,
    pub(crate) boto3_compatible: bool,
}

/// A bucket resolved for the client, and the port text botocore would keep in its URLs.
#[derive(Clone, Debug)]
pub(crate) struct Resolved {
    pub(crate) bucket: Bucket,
    pub(crate) port_text: Option<&'static str>,
}

impl Resolved {
    /// Puts back the default port botocore keeps in the URL text (compatible mode only).
    #[inline]
    pub(crate) fn fix_url(&self, url: &mut String) {
        if let Some(port) = self.port_text {
            url.insert_str(self.bucket.origin().len(), port);
        }
    }
}

#[allow(clippy::too_many_arguments)]
impl Settings {
    /// Checks and keeps the settings.
    ///
    /// # Errors
    /// [`Error::InvalidRegion`], [`Error::InvalidEndpoint`].
    pub(crate) fn new(
        region: &str,
        endpoint_url: Option<&str>,
        addressing: Addressing,
        us_east_1_regional: Option<bool>,
        dualstack: bool,
        accelerate: bool,
        fips: bool,
        boto3_compatible: bool,
    ) -> Result<Self, Error> {
        let custom = match endpoint_url {
            None => {
                Endpoint::aws(region)?; // checks the region
                None
            }
            Some(url) => {
                let url = url.strip_suffix('/').unwrap_or(url);
                // The library checks it (scheme, host, port, no path) and the region.
                Endpoint::custom(url, region)?;
                let authority = url.split_once("://").map_or(url, |(_, a)| a);
                let default_port = match (url.starts_with("https://"), authority.rsplit_once(':')) {
                    (true, Some((_, "443"))) => Some(":443"),
                    (false, Some((_, "80"))) => Some(":80"),
                    _ => None,
                };
                Some(Custom {
                    url: url.to_owned(),
                    default_port,
                })
            }
        };
        Ok(Settings {
            region: region.to_owned(),
            custom,
            addressing,
            us_east_1_regional,
            dualstack,
            accelerate,
            fips,
            boto3_compatible,
        })
    }

    /// The endpoint URL as the client was given it (without a trailing `/`).
    pub(crate) fn endpoint_url(&self) -> Option<String> {
        self.custom.as_ref().map(|c| c.url.clone())
    }

    /// Resolves bucket `name` as botocore does (see the module docs for the two departures).
    ///
    /// # Errors
    /// [`Error::InvalidBucketName`], [`Error::UnsupportedConfiguration`] (the library refuses
    /// the endpoint options S3 has no host for, as botocore's endpoint rules do).
    pub(crate) fn resolve(&self, name: &str) -> Result<Resolved, Error> {
        let region = self.region.as_str();
        let options = |e: Endpoint| {
            e.dualstack(self.dualstack)
                .accelerate(self.accelerate)
                .fips(self.fips)
        };
        let (bucket, port_text) = match &self.custom {
            Some(c) => {
                // botocore drops use_dualstack_endpoint and use_fips_endpoint for an
                // endpoint_url (they choose among AWS's hosts); acceleration it refuses there,
                // and so does the library.
                let endpoint = Endpoint::custom(&c.url, region)?.accelerate(self.accelerate);
                let bucket = if self.addressing == Addressing::Virtual {
                    virtual_or_path(endpoint, name)?
                } else {
                    Bucket::new(endpoint.addressing(AddressingStyle::Path), name)?
                };
                (bucket, c.default_port.filter(|_| self.boto3_compatible))
            }
            None if self.accelerate => {
                let e = options(Endpoint::aws(region)?);
                (
                    Bucket::new(e.addressing(AddressingStyle::Auto), name)?,
                    None,
                )
            }
            None => {
                let regional = options(Endpoint::aws(region)?);
                let aws_partition = regional.partition() == Some("aws");
                let bucket = if self.addressing == Addressing::Path {
                    Bucket::new(regional.addressing(AddressingStyle::Path), name)?
                } else {
                    virtual_or_path(regional, name)?
                };
                let virtual_hosted = bucket.is_virtual_hosted();
                // us-east-1's legacy global host: botocore's default, presign's on request.
                let us_east_1_global = region == "us-east-1"
                    && if self.boto3_compatible {
                        self.us_east_1_regional != Some(true)
                    } else {
                        self.us_east_1_regional == Some(false)
                    };
                // The trap (boto/boto3#1982): botocore's _should_use_global_endpoint under
                // "auto" ("path" is its ForcePathStyle, which keeps the regional host), and for
                // path-style only names that are host labels (either case, no dots or `_`).
                let aws_global = self.boto3_compatible
                    && region != "us-east-1"
                    && aws_partition
                    && !self.dualstack
                    && !self.fips
                    && self.addressing == Addressing::Auto
                    && (virtual_hosted || is_host_label(name));
                let global = if us_east_1_global {
                    Some(options(Endpoint::aws(region)?.legacy_global_endpoint(true)))
                } else if aws_global {
                    Some(Endpoint::custom("https://s3.amazonaws.com", region)?)
                } else {
                    None
                };
                match global {
                    Some(e) => (
                        Bucket::new(e.addressing(style(virtual_hosted)), name)?,
                        None,
                    ),
                    None => (bucket, None),
                }
            }
        };
        Ok(Resolved { bucket, port_text })
    }
}

/// The bucket virtual-hosted where the library allows it (a DNS-compatible name; a dotted one
/// only over http; never on an IP endpoint), path-style otherwise, as botocore falls back.
fn virtual_or_path(endpoint: Endpoint, name: &str) -> Result<Bucket, Error> {
    match Bucket::new(
        endpoint.clone().addressing(AddressingStyle::VirtualHosted),
        name,
    ) {
        Err(Error::UnsupportedConfiguration { .. }) => {
            Bucket::new(endpoint.addressing(AddressingStyle::Path), name)
        }
        other => other,
    }
}

/// A host label as the endpoint rules define it: 1 to 63 letters (either case), digits and
/// hyphens, starting with a letter or digit.
fn is_host_label(name: &str) -> bool {
    (1..=63).contains(&name.len())
        && name.as_bytes()[0].is_ascii_alphanumeric()
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn style(virtual_hosted: bool) -> AddressingStyle {
    if virtual_hosted {
        AddressingStyle::VirtualHosted
    } else {
        AddressingStyle::Path
    }
}
