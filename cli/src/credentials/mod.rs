//! Credentials, found as the AWS CLI finds them, without any network source: the environment
//! (unless `--profile` is given), then the profile's static keys in the `credentials` file,
//! then in the `config` file, then its `credential_process`. Sources that need the network
//! (assume-role, SSO, web identity, instance metadata) are refused with what to do instead.

mod env;
mod expiration;
mod process;
mod static_keys;

use crate::error::{CliError, Result};
use crate::profile::Config;
use presign::Credentials;

/// The credentials, from the first source that has them.
pub fn find(cfg: &Config) -> Result<Credentials> {
    let profile = cfg.profile();
    let mut looked = Vec::new();
    if cfg.explicit_profile() {
        looked.push("not the environment (--profile given)".to_string());
    } else {
        if let Some(c) = env::from_env()? {
            return Ok(c);
        }
        looked.push("the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)".to_string());
    }
    let cred_desc = cfg.credentials_file().describe();
    if let Some(section) = cfg.credentials_section() {
        if let Some(c) = static_keys::from_section(section, &format!("[{profile}] in {cred_desc}"))?
        {
            return Ok(c);
        }
    }
    looked.push(format!("[{profile}] in {cred_desc}"));
    let where_ = cfg.config_section_name();
    if let Some(section) = cfg.config_section() {
        if let Some(c) = static_keys::from_section(section, &where_)? {
            return Ok(c);
        }
        if let Some(cmd) = section.get("credential_process").filter(|c| !c.is_empty()) {
            return process::run(cmd, &where_);
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
                "profile \"{profile}\" gets its credentials through `{k}`, which needs the network: presign reads only static keys and credential_process; export temporary keys into AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN (e.g. `aws configure export-credentials --format env`)"
            )));
        }
    }
    looked.push(where_);
    Err(CliError::fail(format!("no AWS credentials found: looked in {} (presign never asks the network: no SSO, assume-role or instance metadata)", looked.join(", "))))
}
