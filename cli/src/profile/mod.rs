//! The AWS shared configuration of one profile, found as the AWS CLI finds it (its credentials
//! are read by `crate::credentials`):
//!
//! - the profile: `--profile`, else `AWS_PROFILE`, else `default`;
//! - the files: `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE`, else under `$HOME/.aws/`;
//! - the region: `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`;
//! - the endpoint: `--endpoint-url`, `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the
//!   profile's `services` section, the profile's `endpoint_url` (the last four skipped when
//!   `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` or `ignore_configured_endpoint_urls` is true).

mod env;
mod files;
pub mod ini;
mod settings;

pub use env::env;
use files::File;

use crate::error::{CliError, Result};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The loaded configuration of one profile.
pub struct Config {
    profile: String,
    explicit_profile: bool,
    credentials_file: File,
    config_file: File,
}

/// Where a setting came from, for messages.
pub type Source = String;

impl Config {
    /// Loads the files for the profile `--profile` names, or `AWS_PROFILE`, or `default`.
    pub fn load(profile_flag: Option<&str>) -> Result<Config> {
        let home = env("HOME").map(PathBuf::from);
        let (profile, explicit_profile) = match profile_flag {
            Some(p) => (p.to_string(), true),
            None => (
                env("AWS_PROFILE")
                    .or_else(|| env("AWS_DEFAULT_PROFILE"))
                    .unwrap_or_else(|| "default".into()),
                false,
            ),
        };
        let credentials_file = File::load(
            "AWS_SHARED_CREDENTIALS_FILE",
            "credentials",
            home.as_deref(),
        )?;
        let config_file = File::load("AWS_CONFIG_FILE", "config", home.as_deref())?;
        let cfg = Config {
            profile,
            explicit_profile,
            credentials_file,
            config_file,
        };
        if cfg.profile != "default"
            && cfg.credentials_section().is_none()
            && cfg.config_section().is_none()
        {
            return Err(CliError::fail(format!(
                "profile \"{}\" (from {}) not found in {} or {}",
                cfg.profile,
                if cfg.explicit_profile {
                    "--profile"
                } else {
                    "AWS_PROFILE"
                },
                cfg.credentials_file.describe(),
                cfg.config_file.describe()
            )));
        }
        Ok(cfg)
    }

    /// The profile name.
    pub fn profile(&self) -> &str {
        &self.profile
    }

    /// Whether the profile was chosen with `--profile` (then the environment's keys are not
    /// used).
    pub fn explicit_profile(&self) -> bool {
        self.explicit_profile
    }

    /// The profile's section in the `credentials` file.
    pub fn credentials_section(&self) -> Option<&BTreeMap<String, String>> {
        self.credentials_file.ini()?.section(&self.profile)
    }

    /// The profile's section in the `config` file.
    pub fn config_section(&self) -> Option<&BTreeMap<String, String>> {
        self.config_file.ini()?.config_profile(&self.profile)
    }

    /// The profile's section of the `credentials` file for messages: `[NAME] in PATH`.
    pub fn credentials_section_name(&self) -> String {
        format!("[{}] in {}", self.profile, self.credentials_file.describe())
    }

    /// A non-empty setting of the profile as the AWS CLI merges the two files (the
    /// `credentials` file's section over the `config` file's), with where it is for messages.
    pub fn merged_value(&self, key: &str) -> Option<(&str, String)> {
        fn non_empty<'a>(s: Option<&'a BTreeMap<String, String>>, key: &str) -> Option<&'a str> {
            s?.get(key).map(String::as_str).filter(|v| !v.is_empty())
        }
        if let Some(v) = non_empty(self.credentials_section(), key) {
            return Some((v, self.credentials_section_name()));
        }
        non_empty(self.config_section(), key).map(|v| (v, self.config_section_name()))
    }

    /// The profile's section of the `config` file for messages: `[profile NAME] in PATH`.
    pub fn config_section_name(&self) -> String {
        let header = if self.profile == "default" {
            "[default]".to_string()
        } else {
            format!("[profile {}]", self.profile)
        };
        format!("{header} in {}", self.config_file.describe())
    }

    /// A setting of the profile in the `config` file.
    pub fn profile_value(&self, key: &str) -> Option<&str> {
        self.config_section()?
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// A setting of the profile's nested block, e.g. `s3` → `addressing_style`.
    pub fn nested_value(&self, block: &str, key: &str) -> Option<String> {
        ini::nested(self.profile_value(block)?)
            .remove(key)
            .filter(|v| !v.is_empty())
    }
}
