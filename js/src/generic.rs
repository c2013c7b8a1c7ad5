//! The generic signer for any AWS service: `presigner.presign({ method, url, service, ... })`
//! (signature in the query string) and `presigner.sign({...})` (an `Authorization` header).
//!
//! The URL is read by the library (`sigv4::RequestUrl`), as the command line and the Python
//! package read theirs.

use crate::presigner::RawPresigner;
use crate::wire::{self, Failure};
use alloc::string::String;
use alloc::vec::Vec;
use presign::sigv4::{self, Payload, Request, RequestUrl, SessionToken, SigningParams, UriPath};
use wasm_bindgen::prelude::*;

/// A request described by the generic signer's records.
#[derive(Default)]
struct Generic<'a> {
    method: &'a str,
    url: &'a str,
    service: &'a str,
    region: Option<&'a str>,
    headers: Vec<(&'a str, &'a str)>,
    payload_hash: Option<&'a str>,
    unsigned_payload: bool,
    uri_path: Option<UriPath>,
    token_after_signing: bool,
    clamp: bool,
    content_sha256_header: bool,
    deny_warnings: Option<bool>,
}

impl<'a> Generic<'a> {
    fn parse(opts: &'a str) -> Result<Generic<'a>, Failure> {
        let mut g = Generic::default();
        for field in wire::fields(opts) {
            let (name, value) = field?;
            match name {
                "method" => g.method = value,
                "url" => g.url = value,
                "service" => g.service = value,
                "region" => g.region = Some(value),
                "payloadHash" => g.payload_hash = Some(value),
                "unsignedPayload" => g.unsigned_payload = wire::flag(name, value)?,
                "uriPath" => {
                    g.uri_path = Some(match value {
                        "s3" => UriPath::S3,
                        "normalized" => UriPath::Normalized,
                        _ => return Err(Failure::option(name, "must be \"s3\" or \"normalized\"")),
                    })
                }
                "sessionTokenAfterSigning" => g.token_after_signing = wire::flag(name, value)?,
                "clampExpiry" => g.clamp = wire::flag(name, value)?,
                "contentSha256Header" => g.content_sha256_header = wire::flag(name, value)?,
                "denyWarnings" => g.deny_warnings = Some(wire::flag(name, value)?),
                _ => match name.strip_prefix("header:") {
                    Some(h) => g.headers.push((h, value)),
                    None => {
                        return Err(Failure::option(
                            name,
                            "is not an option of presign() or sign()",
                        ))
                    }
                },
            }
        }
        Ok(g)
    }

    /// Signs with `presigner`'s credentials; `body` is hashed when given. Without a body or a
    /// hash, a presigned S3 request signs `UNSIGNED-PAYLOAD` (the body is not known yet), a
    /// header-signed one the empty body.
    fn with_request<T>(
        &self,
        presigner: &RawPresigner,
        time: f64,
        presigning: bool,
        body: Option<&[u8]>,
        f: impl FnOnce(&Request<'_>, &SigningParams<'_>) -> Result<T, presign::Error>,
    ) -> Result<T, Failure> {
        let time = wire::timestamp(time)?;
        let url = RequestUrl::parse(self.url)?;
        let region = self.region.unwrap_or(presigner.endpoint().region());
        let mut params = SigningParams::new(presigner.credentials(), region, self.service, time);
        if let Some(rules) = self.uri_path {
            params.uri_path = rules;
        }
        if self.token_after_signing {
            params.session_token = SessionToken::AddedAfterSigning;
        }
        params.clamp_expiry_to_credentials = self.clamp;
        params.content_sha256_header = self.content_sha256_header;
        params.deny_warnings = self.deny_warnings.unwrap_or(presigner.deny_warnings());
        let s3_rules = params.uri_path == UriPath::S3;
        let payload = match (body, self.payload_hash) {
            (Some(b), _) => Payload::Bytes(b),
            (None, Some(h)) => Payload::Hash(h),
            (None, None) if self.unsigned_payload || (presigning && s3_rules) => Payload::Unsigned,
            (None, None) => Payload::Empty,
        };
        let mut req = url.request(self.method).payload(payload);
        req.headers.clone_from(&self.headers);
        Ok(f(&req, &params)?)
    }
}

fn headers_out(out: &mut String, headers: &[(String, String)]) {
    for (name, value) in headers {
        wire::record(out, "h", &[name, value]);
    }
}

#[wasm_bindgen]
impl RawPresigner {
    /// Presigns any AWS request (signature in the query string). Returns the URL and `h`
    /// records of the headers to send, then `x` (expiry, Unix seconds).
    pub fn generic_presign(&self, opts: &str, time: f64, expires_in: f64) -> String {
        let run = || -> Result<String, Failure> {
            let expires_in = wire::seconds("expiresIn", expires_in)?;
            let g = Generic::parse(opts)?;
            let p = g.with_request(self, time, true, None, |r, p| {
                sigv4::presign(r, p, expires_in)
            })?;
            let mut out = p.url;
            headers_out(&mut out, &p.headers);
            for w in &p.warnings {
                wire::warning(&mut out, w);
            }
            wire::record(&mut out, "x", &[&wire::unix(p.expires_at)]);
            Ok(out)
        };
        wire::result(run())
    }

    /// Signs any AWS request with an `Authorization` header. `body` is hashed when `has_body`.
    /// Returns the URL and `h` records of every header to send (`Host` excepted).
    pub fn generic_sign(&self, opts: &str, body: &[u8], has_body: bool, time: f64) -> String {
        let run = || -> Result<String, Failure> {
            let g = Generic::parse(opts)?;
            let s = g.with_request(self, time, false, has_body.then_some(body), sigv4::sign)?;
            let mut out = s.url;
            headers_out(&mut out, &s.headers);
            Ok(out)
        };
        wire::result(run())
    }
}
