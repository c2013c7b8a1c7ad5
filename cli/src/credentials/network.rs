//! Sources the AWS CLI would take its identity from that need the network: assume-role
//! (`role_arn`), web identity (`web_identity_token_file`, `AWS_WEB_IDENTITY_TOKEN_FILE`), IAM
//! Identity Center (`sso_account_id`/`sso_role_name`) and `aws login` (`login_session`).
//!
//! presign never calls the network, so it cannot become that identity; and signing with any
//! other keys the profile holds (static keys, `credential_process`) would sign as someone
//! else, exit 0, and leave the user with a URL S3 refuses or, worse, one that works for the
//! wrong principal. So each is refused, at the place the AWS CLI's chain would use it, with
//! the way to hand presign the keys the AWS CLI would get.

use crate::error::{CliError, Result};
use crate::profile::{env, Config};

/// What to do instead: let the AWS CLI do the network part and give presign its keys.
fn instead(cfg: &Config) -> String {
    let flag = if cfg.profile() == "default" {
        String::new()
    } else {
        format!(" --profile {}", cfg.profile())
    };
    format!(
        "export the keys the AWS CLI gets and run presign without --profile: eval \"$(aws configure export-credentials{flag} --format env)\"; or give another profile `credential_process = aws configure export-credentials{flag} --format process`"
    )
}

/// What else the profile holds that presign refuses to sign with instead.
fn not_instead(cfg: &Config) -> String {
    let mut others = Vec::new();
    if let Some(s) = cfg.credentials_section() {
        if s.contains_key("aws_access_key_id") {
            others.push(format!(
                "the static keys of {}",
                cfg.credentials_section_name()
            ));
        }
    }
    if let Some(s) = cfg.config_section() {
        if s.contains_key("aws_access_key_id") {
            others.push(format!("the static keys of {}", cfg.config_section_name()));
        }
    }
    if let Some((_, where_)) = cfg.merged_value("credential_process") {
        others.push(format!("the credential_process of {where_}"));
    }
    if others.is_empty() {
        String::new()
    } else {
        format!(
            " (presign does not use {} instead: they are another identity)",
            others.join(" or ")
        )
    }
}

fn refuse(cfg: &Config, what: String) -> CliError {
    CliError::fail(format!(
        "{what}, which needs the network: presign never calls it, so it cannot sign as that identity{}; {}",
        not_instead(cfg),
        instead(cfg)
    ))
}

/// Refuses a profile with `role_arn` (and no `web_identity_token_file`): the AWS CLI assumes
/// the role, from `source_profile` or `credential_source`, before looking at any keys.
pub fn assume_role(cfg: &Config) -> Result<()> {
    let Some((role, where_)) = cfg.merged_value("role_arn") else {
        return Ok(());
    };
    if cfg.merged_value("web_identity_token_file").is_some() {
        return Ok(());
    }
    let from = match (
        cfg.merged_value("source_profile"),
        cfg.merged_value("credential_source"),
    ) {
        (Some((p, _)), _) => format!(" with the credentials of source_profile \"{p}\""),
        (None, Some((c, _))) => format!(" with the credentials of credential_source {c}"),
        (None, None) => String::new(),
    };
    Err(refuse(
        cfg,
        format!(
            "profile \"{}\" assumes the role {role} (role_arn in {where_}): the AWS CLI would call STS AssumeRole{from} and sign as the role",
            cfg.profile()
        ),
    ))
}

/// Refuses web identity: `AWS_WEB_IDENTITY_TOKEN_FILE` (unless `--profile` is given) or the
/// profile's `web_identity_token_file`; the AWS CLI calls STS AssumeRoleWithWebIdentity.
pub fn web_identity(cfg: &Config) -> Result<()> {
    let from_env = (!cfg.explicit_profile())
        .then(|| env("AWS_WEB_IDENTITY_TOKEN_FILE"))
        .flatten()
        .map(|_| "AWS_WEB_IDENTITY_TOKEN_FILE is set".to_string());
    let from_profile = || {
        cfg.merged_value("web_identity_token_file")
            .map(|(_, where_)| {
                format!(
                    "profile \"{}\" has web_identity_token_file (in {where_})",
                    cfg.profile()
                )
            })
    };
    match from_env.or_else(from_profile) {
        None => Ok(()),
        Some(what) => Err(refuse(
            cfg,
            format!("{what}: the AWS CLI would call STS AssumeRoleWithWebIdentity and sign as that role"),
        )),
    }
}

/// Refuses IAM Identity Center: `sso_account_id` or `sso_role_name` in the profile.
pub fn sso(cfg: &Config) -> Result<()> {
    let found = ["sso_account_id", "sso_role_name"]
        .iter()
        .find_map(|k| cfg.merged_value(k).map(|(_, w)| (k, w)));
    match found {
        None => Ok(()),
        Some((k, where_)) => Err(refuse(
            cfg,
            format!(
                "profile \"{}\" signs in with IAM Identity Center ({k} in {where_}): the AWS CLI would get the role's keys from SSO",
                cfg.profile()
            ),
        )),
    }
}

/// Refuses `aws login` sessions: `login_session` in the profile.
pub fn login(cfg: &Config) -> Result<()> {
    match cfg.merged_value("login_session") {
        None => Ok(()),
        Some((_, where_)) => Err(refuse(
            cfg,
            format!(
                "profile \"{}\" uses an `aws login` session (login_session in {where_}): the AWS CLI would get its keys from the sign-in service",
                cfg.profile()
            ),
        )),
    }
}
