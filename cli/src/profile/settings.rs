//! The profile's settings besides credentials: region, endpoint URL and boolean switches, each
//! from the flag, the environment, then the profile, as the AWS CLI orders them.

use super::env::env;
use super::ini;
use super::{Config, Source};
use crate::error::{CliError, Result};

impl Config {
    /// The region: the flag, `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile.
    pub fn region(&self, flag: Option<&str>) -> Option<String> {
        flag.map(str::to_string)
            .or_else(|| env("AWS_REGION"))
            .or_else(|| env("AWS_DEFAULT_REGION"))
            .or_else(|| self.profile_value("region").map(str::to_string))
    }

    /// The endpoint URL configured for `service` (`s3`, `sts`), with where it came from.
    pub fn endpoint_url(&self, flag: Option<&str>, service: &str) -> Option<(String, Source)> {
        if let Some(f) = flag {
            return Some((f.to_string(), "--endpoint-url".into()));
        }
        let ignore = env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
            .or_else(|| {
                self.profile_value("ignore_configured_endpoint_urls")
                    .map(str::to_string)
            })
            .is_some_and(|v| v.eq_ignore_ascii_case("true"));
        if ignore {
            return None;
        }
        let var = format!(
            "AWS_ENDPOINT_URL_{}",
            service.to_ascii_uppercase().replace(['-', ' '], "_")
        );
        if let Some(v) = env(&var) {
            return Some((v, var));
        }
        if let Some(v) = env("AWS_ENDPOINT_URL") {
            return Some((v, "AWS_ENDPOINT_URL".into()));
        }
        if let Some(services) = self.profile_value("services") {
            let block = self
                .config_file
                .ini()
                .and_then(|i| i.services(services))
                .and_then(|s| s.get(service));
            if let Some(url) = block.and_then(|b| ini::nested(b).remove("endpoint_url")) {
                return Some((
                    url,
                    format!("[services {services}] in {}", self.config_file.describe()),
                ));
            }
        }
        self.profile_value("endpoint_url").map(|v| {
            (
                v.to_string(),
                format!("endpoint_url of profile \"{}\"", self.profile),
            )
        })
    }

    /// A boolean setting: the environment variable, then the profile key, then the key in the
    /// profile's `s3` block.
    pub fn bool_setting(
        &self,
        var: Option<&str>,
        profile_key: Option<&str>,
        s3_key: Option<&str>,
    ) -> Result<bool> {
        let (value, source) = if let Some(v) = var.and_then(env) {
            (v, var.unwrap_or_default().to_string())
        } else if let Some(v) = profile_key.and_then(|k| self.profile_value(k)) {
            (
                v.to_string(),
                format!(
                    "{} in profile \"{}\"",
                    profile_key.unwrap_or_default(),
                    self.profile
                ),
            )
        } else if let Some(v) = s3_key.and_then(|k| self.nested_value("s3", k)) {
            (
                v,
                format!(
                    "s3.{} in profile \"{}\"",
                    s3_key.unwrap_or_default(),
                    self.profile
                ),
            )
        } else {
            return Ok(false);
        };
        match value.to_ascii_lowercase().as_str() {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(CliError::fail(format!("{source} must be true or false"))),
        }
    }

    /// The region for S3: the usual chain, else us-east-1 (as the AWS CLI does).
    pub fn s3_region(&self, flag: Option<&str>) -> String {
        self.region(flag).unwrap_or_else(|| "us-east-1".into())
    }

    /// The region for a non-S3 request: the usual chain, required.
    pub fn required_region(&self, flag: Option<&str>) -> Result<String> {
        self.region(flag).ok_or_else(|| {
            CliError::usage("no region: give --region, or set AWS_REGION or the profile's region")
        })
    }
}
