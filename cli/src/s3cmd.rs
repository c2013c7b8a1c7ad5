//! `presign s3://BUCKET/KEY`: a presigned S3 URL, its JSON, or a ready curl command.

use crate::config::Config;
use crate::error::{CliError, Result};
use crate::util::{self, CurlFile, PresignedJson};
use crate::{print_line, Addressing, S3Args, S3EndpointArgs};
use presign::s3::{AddressingStyle, Bucket, Endpoint};
use presign::Presigned;

/// The default lifetime of an S3 URL, as the AWS CLI's `aws s3 presign`.
pub const DEFAULT_EXPIRES: u64 = 3600;

/// A bucket and the key exactly as typed.
#[derive(Clone, Debug)]
pub struct S3Target {
    pub bucket: String,
    /// `None` for `s3://BUCKET` and `s3://BUCKET/`.
    pub key: Option<String>,
}

/// Splits `s3://BUCKET/KEY` at the first `/` after the bucket; nothing else is parsed, decoded
/// or normalized.
pub fn parse_s3_url(s: &str) -> std::result::Result<S3Target, String> {
    let rest = s
        .strip_prefix("s3://")
        .or_else(|| s.strip_prefix("S3://"))
        .ok_or_else(|| format!("\"{s}\" is not an S3 URL: write s3://BUCKET/KEY (or use `presign url` for other URLs)"))?;
    let (bucket, key) = match rest.split_once('/') {
        Some((b, k)) => (b, (!k.is_empty()).then(|| k.to_string())),
        None => (rest, None),
    };
    if bucket.is_empty() {
        return Err(format!("\"{s}\" has no bucket: write s3://BUCKET/KEY"));
    }
    Ok(S3Target {
        bucket: bucket.to_string(),
        key,
    })
}

/// The region for S3: the usual chain, else us-east-1 (as the AWS CLI does).
pub fn s3_region(cfg: &Config, flag: Option<&str>) -> String {
    cfg.region(flag).unwrap_or_else(|| "us-east-1".into())
}

/// The S3 endpoint from the flags, the environment and the profile.
pub fn build_endpoint(cfg: &Config, region: &str, args: &S3EndpointArgs) -> Result<Endpoint> {
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
        || crate::config::env("AWS_S3_US_EAST_1_REGIONAL_ENDPOINT")
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

/// Prints a presigned request as a URL, JSON or a curl command.
pub fn emit(p: &Presigned, json: bool, curl: Option<CurlFile<'_>>) -> Result<()> {
    if json {
        print_line(&PresignedJson::new(p, None).to_string_pretty())
    } else if let Some(file) = curl {
        print_line(&util::curl_command(p, file))
    } else {
        print_line(&p.url)
    }
}

pub fn run(a: S3Args) -> Result<()> {
    let target = a
        .target
        .ok_or_else(|| CliError::usage("give s3://BUCKET/KEY or a subcommand"))?;
    let cfg = Config::load(a.common.profile.as_deref())?;
    let region = s3_region(&cfg, a.common.region.as_deref());
    let endpoint = build_endpoint(&cfg, &region, &a.endpoint)?;
    let bucket = Bucket::new(endpoint, &target.bucket)?;
    let mut req = bucket.request(a.method, target.key.as_deref());
    if let Some(ct) = &a.content_type {
        req = req.content_type(ct.as_str());
    }
    for (name, value) in &a.metadata {
        req = req.metadata(name, value.as_str());
    }
    for (name, value) in &a.common.headers {
        req = req.header(name.as_str(), value.as_str());
    }
    for (name, value) in &a.query {
        req = req.query(name.as_str(), value.as_str());
    }
    req = req.clamp_expiry_to_credentials(a.common.clamp_expiry);
    let creds = cfg.credentials()?;
    let time = util::time_or_now(a.common.time)?;
    let p = req.presign(&creds, time, a.common.expires_in.unwrap_or(DEFAULT_EXPIRES))?;
    let curl = a.curl.then(|| match &a.file {
        Some(f) => CurlFile::Path(f),
        None => CurlFile::Placeholder,
    });
    emit(&p, a.common.json, curl)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s3_urls_split_once() {
        let t = parse_s3_url("s3://b/a/../c").unwrap();
        assert_eq!((t.bucket.as_str(), t.key.as_deref()), ("b", Some("a/../c")));
        let t = parse_s3_url("s3://b///x").unwrap();
        assert_eq!(t.key.as_deref(), Some("//x"));
        let t = parse_s3_url("s3://b/a%20b?x#y").unwrap();
        assert_eq!(t.key.as_deref(), Some("a%20b?x#y"));
        assert_eq!(parse_s3_url("s3://b").unwrap().key, None);
        assert_eq!(parse_s3_url("s3://b/").unwrap().key, None);
        assert!(parse_s3_url("s3:///k").is_err());
        assert!(parse_s3_url("https://b/k").is_err());
    }
}
