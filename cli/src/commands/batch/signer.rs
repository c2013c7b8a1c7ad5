//! Signing the lines of a batch: one [`Presigner`] (which keeps the day's signing key), one
//! signing time, buckets resolved once each.

use super::answer::{Answer, HeaderMap, Ts};
use super::line::{parse_expires_value, Line};
use crate::output::hazards::WarningJson;
use crate::output::Signing;
use presign::s3::{Bucket, Endpoint, Method, Presigner};
use presign::Timestamp;
use serde_json::value::RawValue;
use std::collections::HashMap;

/// What every line of a batch shares.
pub struct Signer {
    pub presigner: Presigner,
    pub endpoint: Endpoint,
    pub buckets: HashMap<String, Bucket>,
    pub time: Timestamp,
    pub default_expires: u64,
    pub clamp: bool,
    pub show_signing: bool,
    pub deny_warnings: bool,
    pub url: String,
}

impl Signer {
    /// Signs one line into `out`; returns the error message on failure.
    pub fn line(
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
        req = req
            .clamp_expiry_to_credentials(self.clamp)
            .deny_warnings(self.deny_warnings);
        let (expires_at, signing) = if self.show_signing {
            let (p, details) = self
                .presigner
                .presign_with_details(&req, self.time, expires)
                .map_err(|e| fail(e.to_string()))?;
            self.url = p.url;
            let signing = Signing::redacted(&details.canonical_request, &details.string_to_sign);
            (p.expires_at, Some(signing))
        } else {
            let validity = self
                .presigner
                .presign_into(&mut self.url, &req, self.time, expires)
                .map_err(|e| fail(e.to_string()))?;
            (validity.expires_at, None)
        };
        let answer = Answer {
            id,
            url: &self.url,
            method: method.as_str(),
            headers: HeaderMap(&req),
            expires_at: Ts(expires_at),
            canonical_request: signing.as_ref().map(|s| s.canonical_request.as_str()),
            string_to_sign: signing.as_ref().map(|s| s.string_to_sign.as_str()),
            warnings: req.warnings().iter().map(WarningJson::new).collect(),
        };
        serde_json::to_writer(&mut *out, &answer).map_err(|e| fail(e.to_string()))?;
        out.push(b'\n');
        Ok(())
    }
}
