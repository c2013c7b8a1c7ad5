//! `credential_process`: a command that prints credentials as JSON
//! (`{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}`).

use super::expiration::parse_expiration;
use crate::error::{CliError, Result};
use presign::Credentials;
use std::process::{Command, Stdio};

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
pub fn run(cmd: &str, where_: &str) -> Result<Credentials> {
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
