//! Where S3 is: the endpoint options, resolved with the environment and the profile as the AWS
//! CLI resolves them.

use crate::error::{CliError, Result};
use crate::profile::{env, Config};
use clap::{Args, ValueEnum};
use presign::s3::{AddressingStyle, Endpoint};

/// How the bucket goes in the URL.
#[derive(Clone, Copy, ValueEnum)]
pub enum Addressing {
    /// Virtual-hosted when the bucket name allows it, else path-style.
    Auto,
    /// bucket.host/key.
    Virtual,
    /// host/bucket/key.
    Path,
}

/// Where S3 is.
#[derive(Args, Clone)]
pub struct S3EndpointArgs {
    /// An S3-compatible endpoint, http://host:port or https://host (default: AWS_ENDPOINT_URL_S3,
    /// AWS_ENDPOINT_URL, the profile's endpoint_url, else AWS).
    #[arg(long, value_name = "URL")]
    pub endpoint_url: Option<String>,
    /// auto (default), virtual or path.
    #[arg(long, value_enum, value_name = "STYLE")]
    pub addressing_style: Option<Addressing>,
    /// In us-east-1, use the legacy global host s3.amazonaws.com (as the AWS documentation
    /// examples do) instead of s3.us-east-1.amazonaws.com.
    #[arg(long)]
    pub legacy_global_endpoint: bool,
    /// Use the dualstack (IPv4 + IPv6) endpoint.
    #[arg(long)]
    pub dualstack: bool,
    /// Use S3 Transfer Acceleration (bucket.s3-accelerate.amazonaws.com).
    #[arg(long)]
    pub accelerate: bool,
    /// Use the FIPS endpoint (s3-fips.REGION.amazonaws.com).
    #[arg(long)]
    pub fips: bool,
}

impl S3EndpointArgs {
    /// The S3 endpoint from these flags, the environment and the profile.
    pub fn resolve(&self, cfg: &Config, region: &str) -> Result<Endpoint> {
        let args = self;
        let addressing = match args.addressing_style {
            Some(Addressing::Auto) => AddressingStyle::Auto,
            Some(Addressing::Virtual) => AddressingStyle::VirtualHosted,
            Some(Addressing::Path) => AddressingStyle::Path,
            None => match cfg.nested_value("s3", "addressing_style").as_deref() {
                None | Some("auto") => AddressingStyle::Auto,
                Some("virtual") => AddressingStyle::VirtualHosted,
                Some("path") => AddressingStyle::Path,
                Some(_) => {
                    return Err(CliError::fail(format!(
                        "s3.addressing_style in profile \"{}\" must be auto, virtual or path",
                        cfg.profile()
                    )))
                }
            },
        };
        if let Some((url, source)) = cfg.endpoint_url(args.endpoint_url.as_deref(), "s3") {
            for (on, flag) in [
                (args.dualstack, "--dualstack"),
                (args.accelerate, "--accelerate"),
                (args.fips, "--fips"),
                (args.legacy_global_endpoint, "--legacy-global-endpoint"),
            ] {
                if on {
                    return Err(CliError::usage(format!("{flag} chooses an AWS endpoint: it cannot be combined with the custom endpoint from {source}")));
                }
            }
            let e = Endpoint::custom(&url, region)
                .map_err(|e| CliError::fail(format!("{e} (the endpoint came from {source})")))?;
            return Ok(e.addressing(addressing));
        }
        let dualstack = args.dualstack
            || cfg.bool_setting(
                Some("AWS_USE_DUALSTACK_ENDPOINT"),
                Some("use_dualstack_endpoint"),
                Some("use_dualstack_endpoint"),
            )?;
        let fips = args.fips
            || cfg.bool_setting(
                Some("AWS_USE_FIPS_ENDPOINT"),
                Some("use_fips_endpoint"),
                None,
            )?;
        let accelerate =
            args.accelerate || cfg.bool_setting(None, None, Some("use_accelerate_endpoint"))?;
        let legacy = args.legacy_global_endpoint
            || env("AWS_S3_US_EAST_1_REGIONAL_ENDPOINT")
                .or_else(|| cfg.nested_value("s3", "us_east_1_regional_endpoint"))
                .is_some_and(|v| v.eq_ignore_ascii_case("legacy"));
        if args.legacy_global_endpoint && region != "us-east-1" {
            return Err(CliError::usage(format!(
                "--legacy-global-endpoint is only for us-east-1 (the region is {region})"
            )));
        }
        Ok(Endpoint::aws(region)?
            .dualstack(dualstack)
            .fips(fips)
            .accelerate(accelerate)
            .legacy_global_endpoint(legacy)
            .addressing(addressing))
    }
}
