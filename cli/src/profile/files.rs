//! The shared `config` and `credentials` files: where they are (`AWS_CONFIG_FILE`,
//! `AWS_SHARED_CREDENTIALS_FILE`, else under `$HOME/.aws/`), read and parsed.

use super::env::env;
use super::ini::Ini;
use crate::error::{CliError, Result};
use std::path::{Path, PathBuf};

/// One of the two shared files (`config`, `credentials`), as found.
pub enum File {
    /// No path could be made (HOME unset).
    NoPath(&'static str),
    Missing(PathBuf),
    Loaded(PathBuf, Ini),
}

impl File {
    /// Loads the file the variable `var` names, else `~/.aws/<default_name>`.
    pub fn load(var: &str, default_name: &str, home: Option<&Path>) -> Result<File> {
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

    /// The parsed file, if there is one.
    pub fn ini(&self) -> Option<&Ini> {
        match self {
            File::Loaded(_, ini) => Some(ini),
            _ => None,
        }
    }

    /// The file for messages: its path, or why there is none.
    pub fn describe(&self) -> String {
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
