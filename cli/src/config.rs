//! Credentials and settings, found as the AWS CLI finds them, without any network source:
//!
//! - credentials: the environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
//!   `AWS_SESSION_TOKEN`, `AWS_CREDENTIAL_EXPIRATION`) unless `--profile` is given, then the
//!   profile in `~/.aws/credentials`, then in `~/.aws/config` (static keys or
//!   `credential_process`);
//! - the profile: `--profile`, else `AWS_PROFILE`, else `default`;
//! - the files: `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE`, else under `$HOME/.aws/`;
//! - the region: `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`;
//! - the endpoint: `--endpoint-url`, `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the
//!   profile's `services` section, the profile's `endpoint_url` (the last four skipped when
//!   `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` or `ignore_configured_endpoint_urls` is true).

use crate::error::{CliError, Result};
use crate::ini::{self, Ini};
use presign::{Credentials, Timestamp};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A non-empty environment variable.
pub fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

enum File {
    /// No path could be made (HOME unset).
    NoPath(&'static str),
    Missing(PathBuf),
    Loaded(PathBuf, Ini),
}

impl File {
    fn load(var: &str, default_name: &str, home: Option<&Path>) -> Result<File> {
        let path = match env(var) {
            Some(p) => expand_home(&p, home),
            None => match home {
                Some(h) => h.join(".aws").join(default_name),
                None => {
                    return Ok(File::NoPath(if default_name == "config" {
                        "~/.aws/config (HOME is not set)"
                    } else {
                        "~/.aws/credentials (HOME is not set)"
                    }))
                }
            },
        };
        match std::fs::read(&path) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes).map_err(|_| {
                    CliError::fail(format!("{}: the file is not UTF-8 text", path.display()))
                })?;
                let ini = Ini::parse(&text).map_err(|e| {
                    CliError::fail(format!("{} line {}: {}", path.display(), e.line, e.reason))
                })?;
                Ok(File::Loaded(path, ini))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(File::Missing(path)),
            Err(e) => Err(CliError::fail(format!(
                "cannot read {}: {e}",
                path.display()
            ))),
        }
    }

    fn ini(&self) -> Option<&Ini> {
        match self {
            File::Loaded(_, ini) => Some(ini),
            _ => None,
        }
    }

    fn describe(&self) -> String {
        match self {
            File::NoPath(s) => (*s).to_string(),
            File::Missing(p) => format!("{} (no such file)", p.display()),
            File::Loaded(p, _) => p.display().to_string(),
        }
    }
}

fn expand_home(p: &str, home: Option<&Path>) -> PathBuf {
    match (p.strip_prefix("~/"), home) {
        (Some(rest), Some(h)) => h.join(rest),
        _ => PathBuf::from(p),
    }
}

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

    fn credentials_section(&self) -> Option<&BTreeMap<String, String>> {
        self.credentials_file.ini()?.section(&self.profile)
    }

    fn config_section(&self) -> Option<&BTreeMap<String, String>> {
        self.config_file.ini()?.config_profile(&self.profile)
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

    /// The credentials, from the first source that has them.
    pub fn credentials(&self) -> Result<Credentials> {
        let mut looked = Vec::new();
        if self.explicit_profile {
            looked.push("not the environment (--profile given)".to_string());
        } else {
            if let Some(c) = env_credentials()? {
                return Ok(c);
            }
            looked.push("the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)".to_string());
        }
        let cred_desc = self.credentials_file.describe();
        if let Some(section) = self.credentials_section() {
            if let Some(c) = static_keys(section, &format!("[{}] in {cred_desc}", self.profile))? {
                return Ok(c);
            }
        }
        looked.push(format!("[{}] in {cred_desc}", self.profile));
        let config_desc = self.config_file.describe();
        let header = if self.profile == "default" {
            "[default]".to_string()
        } else {
            format!("[profile {}]", self.profile)
        };
        let where_ = format!("{header} in {config_desc}");
        if let Some(section) = self.config_section() {
            if let Some(c) = static_keys(section, &where_)? {
                return Ok(c);
            }
            if let Some(cmd) = section.get("credential_process").filter(|c| !c.is_empty()) {
                return credential_process(cmd, &where_);
            }
            let network = [
                "role_arn",
                "sso_session",
                "sso_start_url",
                "web_identity_token_file",
                "credential_source",
            ];
            if let Some(k) = network.iter().find(|k| section.contains_key(**k)) {
                return Err(CliError::fail(format!(
                    "profile \"{}\" gets its credentials through `{k}`, which needs the network: presign reads only static keys and credential_process; export temporary keys into AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN (e.g. `aws configure export-credentials --format env`)",
                    self.profile
                )));
            }
        }
        looked.push(where_);
        Err(CliError::fail(format!("no AWS credentials found: looked in {} (presign never asks the network: no SSO, assume-role or instance metadata)", looked.join(", "))))
    }

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
}

fn parse_expiration(value: &str, source: &str) -> Result<Timestamp> {
    Timestamp::parse_rfc3339(value).map_err(|e| CliError::fail(format!("{source}: {e}")))
}

fn env_credentials() -> Result<Option<Credentials>> {
    let akid = env("AWS_ACCESS_KEY_ID");
    let secret = env("AWS_SECRET_ACCESS_KEY");
    let (akid, secret) = match (akid, secret) {
        (None, None) => return Ok(None),
        (Some(_), None) => return Err(CliError::fail("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both, or neither to use a profile")),
        (None, Some(_)) => return Err(CliError::fail("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not: set both, or neither to use a profile")),
        (Some(a), Some(s)) => (a, s),
    };
    let mut c = Credentials::new(akid, secret)
        .map_err(|e| CliError::fail(format!("AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY: {e}")))?;
    if let Some(t) = env("AWS_SESSION_TOKEN").or_else(|| env("AWS_SECURITY_TOKEN")) {
        c = c
            .with_session_token(t)
            .map_err(|e| CliError::fail(format!("AWS_SESSION_TOKEN: {e}")))?;
    }
    if let Some(x) = env("AWS_CREDENTIAL_EXPIRATION") {
        c = c.with_expiration(parse_expiration(&x, "AWS_CREDENTIAL_EXPIRATION")?);
    }
    Ok(Some(c))
}

fn static_keys(section: &BTreeMap<String, String>, where_: &str) -> Result<Option<Credentials>> {
    let get = |k: &str| section.get(k).filter(|v| !v.is_empty());
    let (akid, secret) = match (get("aws_access_key_id"), get("aws_secret_access_key")) {
        (None, None) => return Ok(None),
        (Some(_), None) => {
            return Err(CliError::fail(format!(
                "{where_} has aws_access_key_id but no aws_secret_access_key"
            )))
        }
        (None, Some(_)) => {
            return Err(CliError::fail(format!(
                "{where_} has aws_secret_access_key but no aws_access_key_id"
            )))
        }
        (Some(a), Some(s)) => (a, s),
    };
    let mut c = Credentials::new(akid.as_str(), secret.as_str())
        .map_err(|e| CliError::fail(format!("{where_}: {e}")))?;
    if let Some(t) = get("aws_session_token").or_else(|| get("aws_security_token")) {
        c = c
            .with_session_token(t.as_str())
            .map_err(|e| CliError::fail(format!("{where_}: {e}")))?;
    }
    Ok(Some(c))
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ProcessOutput {
    version: u32,
    access_key_id: String,
    secret_access_key: String,
    #[serde(default)]
    session_token: Option<String>,
    #[serde(default)]
    expiration: Option<String>,
}

/// Runs a `credential_process` command (its stderr goes to ours) and reads its JSON.
fn credential_process(cmd: &str, where_: &str) -> Result<Credentials> {
    let mut command = if cfg!(windows) {
        let mut c = Command::new("cmd");
        c.arg("/C").arg(cmd);
        c
    } else {
        let mut c = Command::new("sh");
        c.arg("-c").arg(cmd);
        c
    };
    let out = command
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| {
            CliError::fail(format!(
                "credential_process of {where_} could not be started: {e}"
            ))
        })?;
    if !out.status.success() {
        return Err(CliError::fail(format!(
            "credential_process of {where_} failed ({})",
            out.status
        )));
    }
    // Never echo the output: it holds the secret.
    let p: ProcessOutput = serde_json::from_slice(&out.stdout).map_err(|_| {
        CliError::fail(format!(
            "credential_process of {where_} did not print the expected JSON ({{\"Version\": 1, \"AccessKeyId\", \"SecretAccessKey\", ...}})"
        ))
    })?;
    if p.version != 1 {
        return Err(CliError::fail(format!(
            "credential_process of {where_} printed Version {}, expected 1",
            p.version
        )));
    }
    let ctx = |e: presign::Error| CliError::fail(format!("credential_process of {where_}: {e}"));
    let mut c = Credentials::new(p.access_key_id, p.secret_access_key).map_err(ctx)?;
    if let Some(t) = p.session_token.filter(|t| !t.is_empty()) {
        c = c.with_session_token(t).map_err(ctx)?;
    }
    if let Some(x) = p.expiration {
        c = c.with_expiration(parse_expiration(
            &x,
            &format!("Expiration from credential_process of {where_}"),
        )?);
    }
    Ok(c)
}
