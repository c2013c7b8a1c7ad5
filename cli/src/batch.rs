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

use crate::config::Config;
use crate::error::{CliError, Result};
use crate::s3cmd::{build_endpoint, s3_region, DEFAULT_EXPIRES};
use crate::{util, S3EndpointArgs};
use clap::Args;
use presign::s3::{Bucket, Endpoint, Method, Presigner};
use presign::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, BufWriter, Write};

/// `presign batch`.
#[derive(Args)]
pub struct BatchArgs {
    /// Region to sign for (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, us-east-1).
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Sign every line at this time instead of the time the batch starts (RFC 3339).
    #[arg(long, value_name = "RFC3339", value_parser = util::parse_time)]
    pub time: Option<Timestamp>,
    /// Lifetime of lines without "expires_in" (seconds or 15m, 1h, 7d; default 1h).
    #[arg(long, value_name = "DURATION", value_parser = util::parse_expires)]
    pub expires_in: Option<u64>,
    /// The profile in ~/.aws/credentials and ~/.aws/config.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Shorten lifetimes to the temporary credentials' instead of failing those lines.
    #[arg(long)]
    pub clamp_expiry: bool,
    #[command(flatten)]
    pub endpoint: S3EndpointArgs,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    bucket: Cow<'a, str>,
    #[serde(borrow, default)]
    key: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    method: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    expires_in: Option<&'a RawValue>,
    #[serde(borrow, default)]
    content_type: Option<Cow<'a, str>>,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    #[serde(default)]
    metadata: BTreeMap<String, String>,
    #[serde(default)]
    query: BTreeMap<String, String>,
}

/// Only the id, for answering a line that does not parse as a whole.
#[derive(Deserialize)]
struct IdOnly<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
}

#[derive(Serialize)]
struct Answer<'a> {
    id: &'a RawValue,
    url: &'a str,
    method: &'a str,
    headers: HeaderMap<'a>,
    expires_at: Ts,
}

#[derive(Serialize)]
struct Failure<'a> {
    id: &'a RawValue,
    line: u64,
    error: &'a str,
}

struct HeaderMap<'a>(&'a presign::s3::S3Request<'a>);

impl Serialize for HeaderMap<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_map(self.0.headers())
    }
}

struct Ts(Timestamp);

impl Serialize for Ts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

fn parse_expires_value(v: &RawValue) -> std::result::Result<u64, String> {
    let text = v.get();
    if let Ok(s) = serde_json::from_str::<String>(text) {
        return util::parse_expires(&s);
    }
    match serde_json::from_str::<u64>(text) {
        Ok(n) => util::parse_expires(&n.to_string()),
        Err(_) => Err(format!("expires_in must be a number of seconds or a duration string such as \"15m\", not {text}")),
    }
}

struct Signer {
    presigner: Presigner,
    endpoint: Endpoint,
    buckets: HashMap<String, Bucket>,
    time: Timestamp,
    default_expires: u64,
    clamp: bool,
    url: String,
}

impl Signer {
    /// Signs one line into `out`; returns the error message on failure.
    fn line(
        &mut self,
        text: &str,
        out: &mut Vec<u8>,
        null: &RawValue,
    ) -> std::result::Result<(), (Option<String>, String)> {
        let line: Line<'_> = serde_json::from_str(text).map_err(|e| {
            let msg = if e.is_syntax() || e.is_eof() {
                format!("not a JSON object: {e}")
            } else {
                e.to_string()
            };
            (None, msg)
        })?;
        let id = line.id.unwrap_or(null);
        let fail = |msg: String| (Some(id.get().to_string()), msg);
        let method = match line.method.as_deref() {
            None => Method::Get,
            Some(m) => Method::parse(&m.to_ascii_uppercase()).ok_or_else(|| {
                fail(format!(
                    "method \"{m}\" is not one of GET, PUT, DELETE, HEAD, POST"
                ))
            })?,
        };
        let expires = match line.expires_in {
            None => self.default_expires,
            Some(v) => parse_expires_value(v).map_err(fail)?,
        };
        if !self.buckets.contains_key(&*line.bucket) {
            let b = Bucket::new(self.endpoint.clone(), &line.bucket)
                .map_err(|e| fail(e.to_string()))?;
            self.buckets.insert(line.bucket.to_string(), b);
        }
        let bucket = &self.buckets[&*line.bucket];
        let mut req = bucket.request(method, line.key.as_deref());
        if let Some(ct) = &line.content_type {
            req = req.content_type(&**ct);
        }
        for (n, v) in &line.metadata {
            req = req.metadata(n, v.as_str());
        }
        for (n, v) in &line.headers {
            req = req.header(n.as_str(), v.as_str());
        }
        for (n, v) in &line.query {
            req = req.query(n.as_str(), v.as_str());
        }
        req = req.clamp_expiry_to_credentials(self.clamp);
        let validity = self
            .presigner
            .presign_into(&mut self.url, &req, self.time, expires)
            .map_err(|e| fail(e.to_string()))?;
        let answer = Answer {
            id,
            url: &self.url,
            method: method.as_str(),
            headers: HeaderMap(&req),
            expires_at: Ts(validity.expires_at),
        };
        serde_json::to_writer(&mut *out, &answer).map_err(|e| fail(e.to_string()))?;
        out.push(b'\n');
        Ok(())
    }
}

fn io_err(e: std::io::Error) -> CliError {
    CliError::fail(format!("batch I/O: {e}"))
}

/// Why writing stopped: the reader went away (not an error), or an I/O error.
enum Stop {
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

fn failure_line(id: &RawValue, line: u64, error: &str) -> Vec<u8> {
    let mut buf = serde_json::to_vec(&Failure { id, line, error }).unwrap_or_default();
    buf.push(b'\n');
    buf
}

pub fn run(a: BatchArgs) -> Result<()> {
    let cfg = Config::load(a.profile.as_deref())?;
    let region = s3_region(&cfg, a.region.as_deref());
    let endpoint = build_endpoint(&cfg, &region, &a.endpoint)?;
    let creds = cfg.credentials()?;
    let time = util::time_or_now(a.time)?;
    let mut signer = Signer {
        presigner: Presigner::new(creds),
        endpoint,
        buckets: HashMap::new(),
        time,
        default_expires: a.expires_in.unwrap_or(DEFAULT_EXPIRES),
        clamp: a.clamp_expiry,
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

/// Signs stdin into `output`; returns the number of lines and of failed lines.
fn stream(
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
