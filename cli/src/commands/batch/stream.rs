//! The batch's I/O: lines from stdin, answers to stdout in input order. Output is flushed
//! whenever the input has nothing more buffered, so a program can talk to `presign batch`
//! line by line through pipes.

use super::answer::failure_line;
use super::line::IdOnly;
use super::signer::Signer;
use crate::error::CliError;
use serde_json::value::RawValue;
use std::io::{BufRead, BufReader, BufWriter, Write};

fn io_err(e: std::io::Error) -> CliError {
    CliError::fail(format!("batch I/O: {e}"))
}

/// Why writing stopped: the reader went away (not an error), or an I/O error.
pub enum Stop {
    Closed,
    Failed(CliError),
}

fn put(out: &mut impl Write, bytes: &[u8]) -> std::result::Result<(), Stop> {
    out.write_all(bytes).map_err(stop)
}

fn stop(e: std::io::Error) -> Stop {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Stop::Closed
    } else {
        Stop::Failed(io_err(e))
    }
}

/// Signs stdin into `output`; returns the number of lines and of failed lines.
pub fn stream(
    signer: &mut Signer,
    output: &mut BufWriter<impl Write>,
) -> std::result::Result<(u64, u64), Stop> {
    let null = RawValue::from_string("null".into())
        .map_err(|e| Stop::Failed(CliError::fail(e.to_string())))?;
    let mut input = BufReader::with_capacity(64 * 1024, std::io::stdin().lock());
    let mut raw = Vec::with_capacity(1024);
    let mut answer = Vec::with_capacity(1024);
    let (mut lineno, mut n, mut failed) = (0u64, 0u64, 0u64);
    loop {
        if input.buffer().is_empty() {
            // About to wait for input: let the reader see what is done so far.
            output.flush().map_err(stop)?;
        }
        raw.clear();
        if input
            .read_until(b'\n', &mut raw)
            .map_err(|e| Stop::Failed(io_err(e)))?
            == 0
        {
            break;
        }
        lineno += 1;
        let Ok(text) = std::str::from_utf8(&raw) else {
            n += 1;
            failed += 1;
            put(
                output,
                &failure_line(&null, lineno, "the line is not UTF-8"),
            )?;
            continue;
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        n += 1;
        answer.clear();
        match signer.line(text, &mut answer, &null) {
            Ok(()) => put(output, &answer)?,
            Err((id, msg)) => {
                failed += 1;
                // A line that is not a valid request object may still carry its id.
                let id_text = id.or_else(|| {
                    serde_json::from_str::<IdOnly<'_>>(text)
                        .ok()
                        .and_then(|i| i.id.map(|r| r.get().to_string()))
                });
                let id_raw = id_text.and_then(|t| RawValue::from_string(t).ok());
                put(
                    output,
                    &failure_line(id_raw.as_deref().unwrap_or(&null), lineno, &msg),
                )?;
            }
        }
    }
    output.flush().map_err(stop)?;
    Ok((n, failed))
}
