//! `credential_process`: a command that prints credentials as JSON
//! (`{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}`).

use super::expiration::parse_expiration;
use crate::error::{CliError, Result};
use crate::profile::env;
use presign::Credentials;
use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

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

/// How long a `credential_process` may run before presign stops it: 60 s, the default of the
/// AWS SDK for Go v2 (the AWS CLI waits forever). Long enough for a helper that asks for an MFA
/// code or waits for a browser sign-in; short enough that a hung helper fails a script instead
/// of stalling it. `PRESIGN_CREDENTIAL_PROCESS_TIMEOUT` (seconds, 0 for none) changes it.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// The variable that changes [`DEFAULT_TIMEOUT`].
pub const TIMEOUT_VAR: &str = "PRESIGN_CREDENTIAL_PROCESS_TIMEOUT";

/// The most a `credential_process` may print (its JSON is a few hundred bytes; 64 KiB leaves
/// room for long session tokens and stops a runaway helper).
const MAX_OUTPUT: u64 = 64 * 1024;

fn timeout() -> Result<Option<Duration>> {
    match env(TIMEOUT_VAR) {
        None => Ok(Some(DEFAULT_TIMEOUT)),
        Some(v) => match v.trim().parse::<u64>() {
            Ok(0) => Ok(None),
            Ok(n) => Ok(Some(Duration::from_secs(n))),
            Err(_) => Err(CliError::fail(format!(
                "{TIMEOUT_VAR} must be a number of seconds (0 for no limit), not \"{v}\""
            ))),
        },
    }
}

/// Runs a `credential_process` command through the shell (as the AWS SDK for Go does; its
/// stdin is closed, its stderr goes to ours so prompts reach the user) and reads its JSON,
/// stopping it after the timeout.
pub fn run(cmd: &str, where_: &str) -> Result<Credentials> {
    let limit = timeout()?;
    let mut command = if cfg!(windows) {
        let mut c = Command::new("cmd");
        c.arg("/C").arg(cmd);
        c
    } else {
        let mut c = Command::new("sh");
        c.arg("-c").arg(cmd);
        c
    };
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| {
            CliError::fail(format!(
                "credential_process of {where_} could not be started: {e}"
            ))
        })?;
    let started = Instant::now();
    let mut pipe = child
        .stdout
        .take()
        .ok_or_else(|| CliError::fail(format!("credential_process of {where_}: no stdout pipe")))?;
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut stdout = Vec::new();
        let read = (&mut pipe)
            .take(MAX_OUTPUT + 1)
            .read_to_end(&mut stdout)
            .map(|_| stdout);
        let _ = sender.send(read);
    });
    let timed_out = |child: &mut Child| {
        let _ = child.kill();
        let _ = child.wait();
        CliError::fail(format!(
            "credential_process of {where_} did not finish within {} s and was stopped (set {TIMEOUT_VAR} to allow longer, 0 for no limit)",
            limit.unwrap_or_default().as_secs()
        ))
    };
    let read = match limit {
        None => receiver.recv().ok(),
        Some(l) => match receiver.recv_timeout(l) {
            Ok(r) => Some(r),
            Err(mpsc::RecvTimeoutError::Timeout) => return Err(timed_out(&mut child)),
            Err(mpsc::RecvTimeoutError::Disconnected) => None,
        },
    };
    let stdout = match read {
        Some(Ok(bytes)) if bytes.len() as u64 <= MAX_OUTPUT => bytes,
        Some(Ok(_)) => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(CliError::fail(format!(
                "credential_process of {where_} printed more than {} KiB: not credentials JSON",
                MAX_OUTPUT / 1024
            )));
        }
        Some(Err(e)) => {
            return Err(CliError::fail(format!(
                "credential_process of {where_}: reading its output: {e}"
            )))
        }
        None => Vec::new(),
    };
    // Its stdout is closed; wait for it to exit, within what is left of the limit.
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {
                if limit.is_some_and(|l| started.elapsed() >= l) {
                    return Err(timed_out(&mut child));
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) => {
                return Err(CliError::fail(format!(
                    "credential_process of {where_}: waiting for it: {e}"
                )))
            }
        }
    };
    if !status.success() {
        return Err(CliError::fail(format!(
            "credential_process of {where_} failed ({status})"
        )));
    }
    // Never echo the output: it holds the secret.
    let p: ProcessOutput = serde_json::from_slice(&stdout).map_err(|_| {
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
