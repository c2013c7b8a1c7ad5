//! `verify(request, { lookup })`: checks a presigned URL or an `Authorization` header as S3
//! does, for gateways (a Worker in front of a bucket, a test server).
//!
//! The lookup of the secret may be asynchronous in JS (KV, a database), and wasm cannot wait
//! for a promise, so the wrapper calls twice: first without a secret, which answers `key` with
//! the access key id and session token the request names (or refuses it before any lookup);
//! then with what the lookup returned (`secretAccessKey`, or `unknownKey` when it returned
//! nothing).

use crate::wire::{self, Failure};
use alloc::string::String;
use alloc::vec::Vec;
use presign::verify::{Rejection, Request, Verifier};
use presign::{Credentials, Timestamp};
use wasm_bindgen::prelude::*;

/// What the wrapper passed.
#[derive(Default)]
struct Input<'a> {
    method: &'a str,
    url: &'a str,
    headers: Vec<(&'a str, &'a str)>,
    payload_hash: Option<&'a str>,
    region: Option<&'a str>,
    service: Option<&'a str>,
    max_skew: Option<u64>,
    secret: Option<&'a str>,
    token: Option<&'a str>,
    expiration: Option<i64>,
    unknown_key: bool,
}

fn parse(opts: &str) -> Result<Input<'_>, Failure> {
    let mut input = Input::default();
    for field in wire::fields(opts) {
        let (name, value) = field?;
        match name {
            "method" => input.method = value,
            "url" => input.url = value,
            "payloadHash" => input.payload_hash = Some(value),
            "region" => input.region = Some(value),
            "service" => input.service = Some(value),
            "maxSkew" => input.max_skew = Some(wire::integer(name, value)?),
            "secretAccessKey" => input.secret = Some(value),
            "sessionToken" => input.token = Some(value),
            "expiration" => input.expiration = Some(wire::integer(name, value)?),
            "unknownKey" => input.unknown_key = wire::flag(name, value)?,
            _ => match name.strip_prefix("header:") {
                Some(h) => input.headers.push((h, value)),
                None => return Err(Failure::option(name, "is not an option of verify()")),
            },
        }
    }
    Ok(input)
}

/// Starts a refusal, which the wrapper throws as a `VerificationError`.
const REJECT: char = '\u{2}';

/// A refusal: `STX code NUL s3-code NUL http-status NUL message`.
fn rejected(r: &Rejection) -> String {
    let sep = wire::SEP;
    let mut s = String::new();
    let _ = core::fmt::Write::write_fmt(
        &mut s,
        format_args!(
            "{REJECT}{}{sep}{}{sep}{}{sep}{r}",
            r.code(),
            r.s3_code(),
            r.http_status()
        ),
    );
    s
}

/// Verifies a request. `now` is the verifier's clock (Unix seconds). Returns `key` + access key
/// id + session token (empty when none) while no secret was given, `ok` + the verified fields
/// once verified, or a refusal.
#[wasm_bindgen]
pub fn verify_request(opts: &str, now: f64) -> String {
    let run = || -> Result<String, Failure> {
        let now = wire::timestamp(now)?;
        let input = parse(opts)?;
        let mut verifier = Verifier::new(now);
        if let Some(r) = input.region {
            verifier = verifier.region(r);
        }
        if let Some(s) = input.service {
            verifier = verifier.service(s);
        }
        if let Some(s) = input.max_skew {
            verifier = verifier.max_skew(s);
        }
        let mut request = match Request::from_url(input.method, input.url) {
            Ok(r) => r,
            Err(r) => return Ok(rejected(&r)),
        };
        request = request.headers(input.headers.iter().copied());
        if let Some(h) = input.payload_hash {
            request = request.payload_hash(h);
        }
        let secret = if input.unknown_key {
            None
        } else {
            input.secret
        };
        let mut named: Option<(String, Option<String>)> = None;
        let verdict = verifier.verify(&request, |id, token| {
            named = Some((String::from(id), token.map(String::from)));
            let secret = secret?;
            let mut creds = Credentials::new(id, secret).ok()?;
            if let Some(t) = input.token {
                creds = creds.with_session_token(t).ok()?;
            }
            if let Some(e) = input.expiration {
                creds = creds.with_expiration(Timestamp::from_unix(e).ok()?);
            }
            Some(creds)
        });
        match verdict {
            Ok(v) => {
                let mut out = String::from("ok");
                let location = v.location.code();
                let signed_at = wire::unix(v.signed_at);
                let expires_at = wire::unix(v.expires_at);
                let signed_headers = v.signed_headers.join(";");
                let token = if v.session_token { "1" } else { "0" };
                for f in [
                    location,
                    &v.access_key_id,
                    &v.region,
                    &v.service,
                    &signed_at,
                    &expires_at,
                    &signed_headers,
                    &v.payload_hash,
                    token,
                ] {
                    out.push(wire::SEP);
                    out.push_str(f);
                }
                Ok(out)
            }
            Err(Rejection::InvalidAccessKeyId { .. }) if secret.is_none() && !input.unknown_key => {
                let (id, token) = named.unwrap_or_default();
                let mut out = String::from("key");
                for f in [id.as_str(), token.as_deref().unwrap_or("")] {
                    out.push(wire::SEP);
                    out.push_str(f);
                }
                Ok(out)
            }
            Err(r) => Ok(rejected(&r)),
        }
    };
    wire::result(run())
}
