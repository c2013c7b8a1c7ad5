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

/// Refuses a closed standard stream (`<&-`, `>&-`). The Rust runtime reopens a closed 0, 1
/// or 2 on `/dev/null` (read-write) before `main`, so a command would read nothing or write
/// to nowhere and exit 0 having done nothing. A shell's `</dev/null` or `>/dev/null` opens it
/// read-only or write-only, so on Linux the two are told apart by the open mode
/// (`/proc/self/fdinfo`); elsewhere only a still-closed descriptor is caught.
///
/// Some parents also give `/dev/null` read-write on purpose (Python's `subprocess.DEVNULL`,
/// libuv's "ignore"), which this takes for a closed stream: so only `presign batch` asks,
/// where discarding every answer or reading no request is never the point; a command run for
/// its exit code (`presign verify` with its output discarded) is not refused.
///
/// # Errors
/// When the stream was closed, with `why` it matters.
#[cfg(unix)]
pub fn require_open(stream: impl std::os::fd::AsFd, name: &str, why: &str) -> Result<()> {
    use std::os::fd::AsRawFd;
    let fd = stream.as_fd();
    let closed = match fd.try_clone_to_owned() {
        Err(_) => true,
        Ok(_) => reopened_on_dev_null(fd.as_raw_fd()),
    };
    if closed {
        Err(CliError::fail(format!("{name} is closed: {why}")))
    } else {
        Ok(())
    }
}

/// Whether descriptor `fd` is `/dev/null` opened read-write, as the runtime reopens a closed
/// standard descriptor (Linux; `false` where `/proc` cannot say).
#[cfg(unix)]
fn reopened_on_dev_null(fd: i32) -> bool {
    let on_null = std::fs::read_link(format!("/proc/self/fd/{fd}"))
        .is_ok_and(|target| target == std::path::Path::new("/dev/null"));
    if !on_null {
        return false;
    }
    let Ok(info) = std::fs::read_to_string(format!("/proc/self/fdinfo/{fd}")) else {
        return false;
    };
    // `flags:` is octal; the access mode is its low two bits (O_RDWR = 2).
    info.lines()
        .find_map(|l| l.strip_prefix("flags:"))
        .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
        .is_some_and(|flags| flags & 3 == 2)
}

/// Refuses a closed standard stream (on Unix; elsewhere every stream is taken as open).
///
/// # Errors
/// Never here.
#[cfg(not(unix))]
pub fn require_open<T>(_stream: T, _name: &str, _why: &str) -> Result<()> {
    Ok(())
}
