//! Writing the result to stdout.

use crate::error::{CliError, Result};
use std::io::Write;

/// Prints `text` and a newline to stdout; a closed pipe is not an error.
pub fn print_line(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::fail(format!("writing to stdout: {e}"))),
    }
}
