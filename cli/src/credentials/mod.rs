//! Credentials, found in the AWS CLI's order (v2, `botocore.credentials`), without any network
//! source:
//!
//! 1. the environment (`AWS_ACCESS_KEY_ID`, ...), unless `--profile` is given
//!    (`AWS_PROFILE` does not hide them, as in the AWS CLI);
//! 2. `role_arn` (assume-role) — refused, see [`network`];
//! 3. web identity (`AWS_WEB_IDENTITY_TOKEN_FILE` unless `--profile`, `web_identity_token_file`)
//!    — refused;
//! 4. IAM Identity Center (`sso_account_id`, `sso_role_name`) — refused;
//! 5. static keys in the profile's section of the `credentials` file;
//! 6. `login_session` (`aws login`) — refused;
//! 7. `credential_process` (in either file; the `credentials` file's wins), with a timeout;
//! 8. static keys in the profile's section of the `config` file.
//!
//! Then the AWS CLI would ask the container and instance metadata endpoints; presign says
//! where it looked instead. The profile settings 2–7 are read as the AWS CLI merges the two
//! files: the `credentials` file's section over the `config` file's.

mod env;
mod expiration;
mod network;
mod process;
mod session_token;
mod static_keys;

use crate::error::{CliError, Result};
use crate::profile::{self, Config};
use presign::Credentials;

/// The credentials, from the first source that has them.
pub fn find(cfg: &Config) -> Result<Credentials> {
    let mut looked = Vec::new();
    if cfg.explicit_profile() {
        looked.push("not the environment (--profile given)".to_string());
    } else {
        if let Some(c) = env::from_env()? {
            return Ok(c);
        }
        looked.push("the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)".to_string());
    }
    network::assume_role(cfg)?;
    network::web_identity(cfg)?;
    network::sso(cfg)?;
    let in_credentials = cfg.credentials_section_name();
    if let Some(section) = cfg.credentials_section() {
        if let Some(c) = static_keys::from_section(section, &in_credentials)? {
            return Ok(c);
        }
    }
    looked.push(in_credentials);
    network::login(cfg)?;
    if let Some((cmd, where_)) = cfg.merged_value("credential_process") {
        return process::run(cmd, &where_);
    }
    let in_config = cfg.config_section_name();
    if let Some(section) = cfg.config_section() {
        if let Some(c) = static_keys::from_section(section, &in_config)? {
            return Ok(c);
        }
    }
    looked.push(in_config);
    Err(CliError::fail(format!(
        "no AWS credentials found: looked in {}{} (presign never asks the network: no SSO, assume-role, container or instance metadata credentials)",
        looked.join(", "),
        network_hint(cfg)
    )))
}

/// What the profile or environment has that only a network source could use.
fn network_hint(cfg: &Config) -> String {
    let settings = ["sso_session", "sso_start_url", "credential_source"];
    if let Some((k, where_)) = settings
        .iter()
        .find_map(|k| cfg.merged_value(k).map(|(_, w)| (k, w)))
    {
        return format!("; profile \"{}\" has `{k}` (in {where_}), which needs the network: export temporary keys into AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN (e.g. `aws configure export-credentials --format env`)", cfg.profile());
    }
    let vars = [
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    ];
    if let Some(v) = vars.iter().find(|v| profile::env(v).is_some()) {
        return format!("; {v} is set: container credentials need the network; export them into AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN");
    }
    String::new()
}
