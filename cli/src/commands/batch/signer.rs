//! Signing the lines of a batch. Each worker has its own [`Signer`]: a [`Presigner`] (which
//! keeps the day's signing key), the batch's one signing time, and the buckets it has resolved.

use super::answer::{write_failure, Answer};
use super::input::{Body, Chunk, MAX_LINE};
use super::line::{self, parse_expires_value, IdOnly};
use crate::output::Signing;
use presign::s3::{Bucket, Endpoint, Method, Presigner};
use presign::Timestamp;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The most buckets a worker keeps resolved; past it the cache starts over, so a batch of
/// millions of distinct buckets stays in bounded memory.
const MAX_BUCKETS: usize = 1024;

/// FNV-1a: bucket names are short and not attacker-chosen keys of a long-lived table (the
/// cache is bounded), so a fast hash beats SipHash here.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// How many lines were answered, and how many of them failed.
#[derive(Clone, Copy, Default)]
pub struct Tally {
    pub lines: u64,
    pub failed: u64,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.lines += other.lines;
        self.failed += other.failed;
    }
}

/// What the lines of a batch share; one per worker.
#[derive(Clone)]
pub struct Signer {
    presigner: Presigner,
    endpoint: Endpoint,
    buckets: HashMap<String, Bucket, BuildHasherDefault<Fnv>>,
    time: Timestamp,
    default_expires: u64,
    clamp: bool,
    show_signing: bool,
    deny_warnings: bool,
    url: String,
    /// The last expiry times written, as Unix seconds and RFC 3339 (a batch mixes a few
    /// lifetimes; formatting a time costs as much as parsing the line).
    expires_at: [(i64, String); 4],
    /// The entry of `expires_at` to replace next.
    expires_next: usize,
}

/// A method in any case (no allocation for the usual upper case).
fn parse_method(m: &str) -> Option<Method> {
    Method::parse(m).or_else(|| Method::parse(&m.to_ascii_uppercase()))
}

impl Signer {
    pub fn new(
        presigner: Presigner,
        endpoint: Endpoint,
        time: Timestamp,
        default_expires: u64,
        clamp: bool,
        show_signing: bool,
        deny_warnings: bool,
    ) -> Signer {
        Signer {
            presigner,
            endpoint,
            buckets: HashMap::default(),
            time,
            default_expires,
            clamp,
            show_signing,
            deny_warnings,
            url: String::with_capacity(1024),
            expires_at: std::array::from_fn(|_| (i64::MIN, String::new())),
            expires_next: 0,
        }
    }

    /// Answers every line of `chunk` into `out`, in order; returns the number of lines
    /// answered (blank lines are skipped) and of failed ones.
    pub fn answer_chunk(&mut self, chunk: &Chunk, out: &mut Vec<u8>) -> Tally {
        let mut tally = Tally::default();
        let data = match &chunk.body {
            Body::Lines(data) => data,
            Body::Overlong(len) => {
                let message = format!(
                    "the line is {len} bytes long, more than the {} MiB a line may have: it was skipped",
                    MAX_LINE >> 20
                );
                write_failure(out, None, chunk.first_line, &message);
                return Tally {
                    lines: 1,
                    failed: 1,
                };
            }
        };
        let data = data.strip_suffix(b"\n").unwrap_or(data);
        // Validating the whole chunk at once is faster than line by line, and splitting a
        // str at '\n' uses memchr; a chunk with a bad line is split byte by byte.
        if let Ok(text) = std::str::from_utf8(data) {
            for (i, line) in text.split('\n').enumerate() {
                self.answer_line(Some(line), chunk.first_line + i as u64, out, &mut tally);
            }
        } else {
            for (i, raw) in data.split(|&b| b == b'\n').enumerate() {
                let line = std::str::from_utf8(raw).ok();
                self.answer_line(line, chunk.first_line + i as u64, out, &mut tally);
            }
        }
        tally
    }

    /// Answers one line (`None`: not UTF-8); blank lines are skipped.
    fn answer_line(
        &mut self,
        line: Option<&str>,
        lineno: u64,
        out: &mut Vec<u8>,
        tally: &mut Tally,
    ) {
        let Some(line) = line else {
            tally.lines += 1;
            tally.failed += 1;
            write_failure(out, None, lineno, "the line is not UTF-8");
            return;
        };
        let text = line.trim();
        if text.is_empty() {
            return;
        }
        tally.lines += 1;
        if !self.answer(text, lineno, out) {
            tally.failed += 1;
        }
    }

    /// Answers one line (`text`, line number `lineno`) into `out`: its presigned request or
    /// its failure. Returns whether it was signed.
    pub fn answer(&mut self, text: &str, lineno: u64, out: &mut Vec<u8>) -> bool {
        match self.sign(text, out) {
            Ok(()) => true,
            Err(message) => {
                // A line that is not a valid request object may still carry its id.
                let id = serde_json::from_str::<IdOnly<'_>>(text)
                    .ok()
                    .and_then(|i| i.id)
                    .map(|raw| raw.get());
                write_failure(out, id, lineno, &message);
                false
            }
        }
    }

    /// Signs one line into `out`, or says why not.
    fn sign(&mut self, text: &str, out: &mut Vec<u8>) -> Result<(), String> {
        let line = line::parse(text)?;
        let method = match line.method.as_deref() {
            None => Method::Get,
            Some(m) => parse_method(m).ok_or_else(|| {
                format!("method \"{m}\" is not one of GET, PUT, DELETE, HEAD, POST")
            })?,
        };
        let expires = match line.expires_in {
            None => self.default_expires,
            Some(v) => parse_expires_value(v)?,
        };
        if !self.buckets.contains_key(&*line.bucket) {
            let b = Bucket::new(self.endpoint.clone(), &line.bucket).map_err(|e| e.to_string())?;
            if self.buckets.len() >= MAX_BUCKETS {
                self.buckets.clear();
            }
            self.buckets.insert(line.bucket.to_string(), b);
        }
        let bucket = &self.buckets[&*line.bucket];
        let mut req = bucket.request(method, line.key.as_deref());
        if let Some(ct) = line.content_type {
            req = req.content_type(ct);
        }
        for (n, v) in line.metadata {
            req = req.metadata(&n, v);
        }
        for (n, v) in line.headers {
            req = req.header(n, v);
        }
        for (n, v) in line.query {
            req = req.query(n, v);
        }
        req = req
            .clamp_expiry_to_credentials(self.clamp)
            .deny_warnings(self.deny_warnings);
        let (expires_at, signing) = if self.show_signing {
            let (p, details) = self
                .presigner
                .presign_with_details(&req, self.time, expires)
                .map_err(|e| e.to_string())?;
            self.url = p.url;
            let signing = Signing::redacted(&details.canonical_request, &details.string_to_sign);
            (p.expires_at, Some(signing))
        } else {
            let validity = self
                .presigner
                .presign_into(&mut self.url, &req, self.time, expires)
                .map_err(|e| e.to_string())?;
            (validity.expires_at, None)
        };
        let warnings = req.warnings();
        let unix = expires_at.unix();
        let slot = match self.expires_at.iter().position(|(t, _)| *t == unix) {
            Some(slot) => slot,
            None => {
                let slot = self.expires_next;
                self.expires_next = (slot + 1) % self.expires_at.len();
                self.expires_at[slot] = (unix, expires_at.to_string());
                slot
            }
        };
        Answer {
            id: line.id,
            url: &self.url,
            method: method.as_str(),
            headers: req.headers(),
            expires_at: &self.expires_at[slot].1,
            signing: signing
                .as_ref()
                .map(|s| (s.canonical_request.as_str(), s.string_to_sign.as_str())),
            warnings: &warnings,
        }
        .write(out);
        Ok(())
    }
}
