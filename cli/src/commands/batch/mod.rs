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
//! All URLs of one batch share one signing time, read once at the start (or `--time`), and one
//! [`Presigner`], which keeps the day's signing key; buckets are resolved once each.
//! Output is flushed whenever the input has nothing more buffered, so a program can talk to
//! `presign batch` line by line through pipes.

mod answer;
mod line;
mod signer;
mod stream;

use super::s3::DEFAULT_EXPIRES;
use crate::args::values::{parse_expires, parse_time};
use crate::args::S3EndpointArgs;
use crate::clock;
use crate::credentials;
use crate::error::{CliError, Result};
use crate::profile::Config;
use clap::Args;
use presign::s3::Presigner;
use presign::Timestamp;
use signer::Signer;
use std::collections::HashMap;
use std::io::BufWriter;
use stream::{stream, Stop};

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
    #[command(flatten)]
    pub endpoint: S3EndpointArgs,
}

pub fn run(a: BatchArgs) -> Result<()> {
    let cfg = Config::load(a.profile.as_deref())?;
    let region = cfg.s3_region(a.region.as_deref());
    let endpoint = a.endpoint.resolve(&cfg, &region)?;
    let creds = credentials::find(&cfg)?;
    let time = clock::time_or_now(a.time)?;
    let mut signer = Signer {
        presigner: Presigner::new(creds),
        endpoint,
        buckets: HashMap::new(),
        time,
        default_expires: a.expires_in.unwrap_or(DEFAULT_EXPIRES),
        clamp: a.clamp_expiry,
        show_signing: a.show_signing,
        deny_warnings: a.deny_warnings,
        url: String::with_capacity(1024),
    };
    let stdout = std::io::stdout();
    let mut output = BufWriter::with_capacity(64 * 1024, stdout.lock());
    match stream(&mut signer, &mut output) {
        Ok((_, 0)) | Err(Stop::Closed) => Ok(()),
        Ok((n, failed)) => Err(CliError::fail(format!(
            "{failed} of {n} lines failed (each is answered with its \"error\")"
        ))),
        Err(Stop::Failed(e)) => Err(e),
    }
}
