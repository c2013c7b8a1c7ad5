//! One error type for the command: a one-line message and the exit code.

use std::fmt;

/// Exit code for signing, verification, credential and I/O failures.
pub const FAILURE: i32 = 1;
/// Exit code for usage errors (clap uses 2 too).
pub const USAGE: i32 = 2;

/// An error to print as `presign: error: MESSAGE` before exiting with `code`.
///
/// Messages never carry secret material: they are built from names, paths and the library's
/// errors, which carry none.
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub code: i32,
}

impl CliError {
    /// A failure (exit 1).
    pub fn fail(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            code: FAILURE,
        }
    }

    /// A usage error (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            code: USAGE,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<presign::Error> for CliError {
    fn from(e: presign::Error) -> Self {
        CliError::fail(e.to_string())
    }
}

pub type Result<T, E = CliError> = std::result::Result<T, E>;

/// Renders a clap error as one line: the message lines before the usage, joined.
pub fn clap_one_line(rendered: &str) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for line in rendered.lines() {
        let t = line.trim();
        if t.starts_with("Usage:") || t.starts_with("For more information") {
            break;
        }
        if t.is_empty() {
            continue;
        }
        if out.ends_with(':') {
            out.push(' ');
            in_list = true;
        } else if !out.is_empty() {
            in_list &= !t.starts_with("tip:");
            out.push_str(if in_list { ", " } else { "; " });
        }
        out.push_str(t.strip_prefix("error: ").unwrap_or(t));
    }
    out
}
