//! `presign batch`: JSON lines in, JSON lines out.
//!
//! Each input line is an object:
//! `{"id": any, "bucket": "b", "key": "k", "method": "GET", "expires_in": 3600 | "15m",
//!   "content_type": "...", "headers": {...}, "metadata": {...}, "query": {...}}`
//! (only `bucket` is required). Each answer is one line, in input order:
//! `{"id": ..., "url": ..., "method": ..., "headers": {...}, "expires_at": ...}` or
//! `{"id": ..., "line": N, "error": "..."}`. A bad line never stops the batch; blank lines are
//! skipped. The exit code is 1 when any line failed.
//!
//! A line whose `headers`, `metadata` or `query` gives a name twice is refused (answered with
//! its error, like any bad line), never signed with one of the values; the query keeps the
//! caller's order in the URL. A line longer than 4 MiB is skipped and answered with an error.
//!
//! All URLs of one batch share one signing time, read once at the start (or `--time`). Lines
//! are answered by `--threads` workers (default: one per core), each with its own
//! [`Presigner`] (which keeps the day's signing key); answers are written in input order, and
//! memory stays bounded whatever the input size (see [`pipeline`]). A chunk is answered as soon
//! as a line ends, so a program can talk to `presign batch` line by line through pipes.
//!
//! stdin or stdout closed, or stdout closing before every line is answered, is an error
//! (exit 1) with a message saying how many lines were answered.

mod answer;
mod fast_line;
mod input;
mod line;
mod pairs;
pub mod pipeline;
mod signer;

use super::s3::DEFAULT_EXPIRES;
use crate::args::values::{parse_expires, parse_time};
use crate::args::S3EndpointArgs;
use crate::clock;
use crate::credentials;
use crate::error::{CliError, Result};
use crate::output::stdout::require_open;
use crate::profile::Config;
use clap::Args;
use pipeline::{Outcome, Stop};
use presign::s3::Presigner;
use presign::Timestamp;
use signer::Signer;

/// `presign batch`.
#[derive(Args)]
pub struct BatchArgs {
    /// Region to sign for (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, us-east-1).
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Sign every line at this time instead of the time the batch starts (RFC 3339).
    #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
    pub time: Option<Timestamp>,
    /// Lifetime of lines without "expires_in" (seconds or 15m, 1h, 7d; default 1h).
    #[arg(long, value_name = "DURATION", value_parser = parse_expires)]
    pub expires_in: Option<u64>,
    /// The profile in ~/.aws/credentials and ~/.aws/config.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Shorten lifetimes to the temporary credentials' instead of failing those lines.
    #[arg(long)]
    pub clamp_expiry: bool,
    /// Add each line's canonical request and string to sign to its answer (fields
    /// canonical_request and string_to_sign; session tokens redacted).
    #[arg(long)]
    pub show_signing: bool,
    /// Refuse each line whose request common clients are known to break (an "error" line)
    /// instead of signing it with its "warnings".
    #[arg(long)]
    pub deny_warnings: bool,
    /// Worker threads (default: the number of cores; 1 answers on the main thread).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub threads: Option<u16>,
    #[command(flatten)]
    pub endpoint: S3EndpointArgs,
}

pub fn run(a: BatchArgs) -> Result<()> {
    // Before any file is opened: a closed stdin would be given the first file's descriptor.
    require_open(
        std::io::stdin(),
        "stdin",
        "presign batch reads its requests there (presign batch < requests.jsonl)",
    )?;
    require_open(
        std::io::stdout(),
        "stdout",
        "presign batch writes its answers there (> answers.jsonl; >/dev/null to discard them)",
    )?;
    let cfg = Config::load(a.profile.as_deref())?;
    let region = cfg.s3_region(a.region.as_deref());
    let endpoint = a.endpoint.resolve(&cfg, &region)?;
    let creds = credentials::find(&cfg)?;
    let time = clock::time_or_now(a.time)?;
    let signer = Signer::new(
        Presigner::new(creds),
        endpoint,
        time,
        a.expires_in.unwrap_or(DEFAULT_EXPIRES),
        a.clamp_expiry,
        a.show_signing,
        a.deny_warnings,
    );
    let threads = match a.threads {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let outcome = pipeline::run(signer, threads, std::io::stdin(), std::io::stdout());
    verdict(&outcome)
}

/// The exit status and message of a batch.
fn verdict(o: &Outcome) -> Result<()> {
    let (n, failed) = (o.tally.lines, o.tally.failed);
    match &o.stop {
        Some(Stop::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(CliError::fail(
            format!("stdout was closed after {n} answers: the rest of the input was not answered"),
        )),
        Some(Stop::Write(e)) => Err(CliError::fail(format!(
            "writing the answers to stdout after {n} lines: {e}"
        ))),
        Some(Stop::Read(e)) => Err(CliError::fail(format!(
            "reading stdin after {n} lines: {e}"
        ))),
        None if failed == 0 => Ok(()),
        None => Err(CliError::fail(format!(
            "{failed} of {n} lines failed (each is answered with its \"error\")"
        ))),
    }
}
