//! `presign verify URL`: checks a presigned URL's signature with the caller's credentials, as
//! S3 would for a request with this method and these headers, through `presign::verify`.
//!
//! OK (exit 0), or why not (exit 1): expired, not yet valid, signed for another method (each
//! method is tried to say which), a signed header not sent, another access key, another secret
//! or an altered URL. Secrets and session tokens are never printed.

use crate::args::presigned_input::normalize;
use crate::args::values::{parse_header, parse_time};
use crate::clock;
use crate::credentials;
use crate::error::{CliError, Result};
use crate::output::duration::human_duration;
use crate::output::findings::{finding_line, FindingJson};
use crate::output::print_line;
use crate::profile::Config;
use clap::Args;
use presign::diagnose::{diagnose, diagnose_url, Context, Finding, Intended, Sent};
use presign::verify::{Rejection, Request, Verified, Verifier};
use presign::{Credentials, Timestamp};
use serde::Serialize;

/// `presign verify`.
#[derive(Args)]
pub struct VerifyArgs {
    /// The presigned URL (or an RDS/DSQL/EKS token).
    #[arg(value_name = "URL")]
    pub url: String,
    /// The method the request will use.
    #[arg(short = 'X', long, value_name = "METHOD", default_value = "GET")]
    pub method: String,
    /// A header the request will send, 'Name: value' (repeatable).
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE", value_parser = parse_header)]
    pub headers: Vec<(String, String)>,
    /// Check at this time instead of now (RFC 3339).
    #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
    pub time: Option<Timestamp>,
    /// Require the URL to be signed for this region.
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Require the URL to be signed for this service (s3, rds-db, ...).
    #[arg(long, value_name = "NAME")]
    pub service: Option<String>,
    /// The profile in ~/.aws/credentials and ~/.aws/config.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Print JSON (also on failure, on stdout; the one-line error still goes to stderr).
    #[arg(long)]
    pub json: bool,
    /// On a signature mismatch, print the canonical request and string to sign computed from
    /// the URL (compare them with the ones S3 returns in its error body).
    #[arg(long)]
    pub details: bool,
}

#[derive(Serialize)]
struct Report<'a> {
    ok: bool,
    method: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    access_key_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    signed_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expires_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    signed_headers: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    session_token: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    http_status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    canonical_request: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    string_to_sign: Option<&'a str>,
    /// The library's diagnosis: client hazards of a valid URL, or what in the request breaks a
    /// mismatching one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    findings: Vec<FindingJson>,
}

const METHODS: [&str; 5] = ["GET", "PUT", "HEAD", "DELETE", "POST"];

fn check(
    verifier: &Verifier<'_>,
    creds: &Credentials,
    method: &str,
    url: &str,
    headers: &[(String, String)],
) -> std::result::Result<Verified, Rejection> {
    let request = Request::from_url(method, url)?
        .headers(headers.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    verifier.verify(&request, |akid: &str, _token: Option<&str>| {
        (akid == creds.access_key_id()).then_some(creds)
    })
}

/// What the library's diagnosis finds in the headers sent with `url`: a signed header not
/// sent, an unsigned `x-amz-*` header, an `Authorization` header. (Only the URL is known, so
/// signed values cannot be compared: `presign diagnose` can, given them.)
fn header_findings(method: &str, url: &str, headers: &[(String, String)]) -> Vec<Finding> {
    let mut sent = Sent::new(method, url);
    for (n, v) in headers {
        sent = sent.header(n, v);
    }
    diagnose(&Intended::from_url(None, url), &sent, &Context::default())
        .into_iter()
        .filter(|f| {
            matches!(
                f,
                Finding::SignedHeaderNotSent { .. }
                    | Finding::UnsignedAmzHeader { .. }
                    | Finding::AuthorizationHeaderSent
            )
        })
        .collect()
}

/// The Content-Type values a browser may have made of the one presigned, from the one sent:
/// fetch and XHR add `;charset=UTF-8` to a string body, and XHR rewrites a signed `charset`
/// (`utf-8` becomes `UTF-8`). Measured in Chromium (tests/browser).
fn content_type_candidates(sent: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(i) = sent.find(';') {
        let (base, params) = sent.split_at(i);
        if params
            .trim_start_matches(';')
            .trim()
            .eq_ignore_ascii_case("charset=UTF-8")
        {
            out.push(base.trim_end().to_string());
        }
    }
    if sent.contains("charset=UTF-8") {
        out.push(sent.replace("charset=UTF-8", "charset=utf-8"));
    }
    out
}

/// With the credentials, which Content-Type the URL is really signed for, when the one sent is
/// a browser's rewrite of it: `(sent, signed)`.
fn rewritten_content_type(
    verifier: &Verifier<'_>,
    creds: &Credentials,
    method: &str,
    url: &str,
    headers: &[(String, String)],
) -> Option<(String, String)> {
    let i = headers
        .iter()
        .position(|(n, _)| n.eq_ignore_ascii_case("content-type"))?;
    let sent = headers[i].1.clone();
    content_type_candidates(&sent)
        .into_iter()
        .find_map(|candidate| {
            let mut tried = headers.to_vec();
            tried[i].1 = candidate.clone();
            check(verifier, creds, method, url, &tried)
                .is_ok()
                .then(|| (sent.clone(), candidate))
        })
}

/// The signed headers (besides host) that were sent, as `name: value`.
fn signed_headers_sent(url: &str, headers: &[(String, String)]) -> Vec<String> {
    let names: Vec<String> = url
        .split_once('?')
        .map(|(_, q)| q)
        .unwrap_or("")
        .split('&')
        .find_map(|p| p.strip_prefix("X-Amz-SignedHeaders="))
        .map(|v| v.replace("%3B", ";").replace("%3b", ";"))
        .unwrap_or_default()
        .split(';')
        .filter(|n| !n.is_empty() && *n != "host")
        .map(str::to_string)
        .collect();
    headers
        .iter()
        .filter(|(n, _)| names.iter().any(|s| s.eq_ignore_ascii_case(n)))
        .map(|(n, v)| format!("{}: {v}", n.to_ascii_lowercase()))
        .collect()
}

/// A one-line reason, with what to do.
fn reason(
    rejection: &Rejection,
    creds: &Credentials,
    method: &str,
    other_method: Option<&str>,
    found: &[Finding],
    signed_sent: &[String],
    rewritten: Option<&(String, String)>,
) -> String {
    match rejection {
        Rejection::SignatureDoesNotMatch(_) if other_method.is_none() && rewritten.is_some() => {
            let (sent, signed) = rewritten.unwrap_or_else(|| unreachable!());
            format!(
                "SignatureDoesNotMatch: the URL is signed for `Content-Type: {signed}`, but the request sends `{sent}` (browsers add or rewrite `charset=UTF-8` when the body is a string: send the body as a Blob, or set the header to `{signed}` with fetch)"
            )
        }
        Rejection::SignatureDoesNotMatch(_) if other_method.is_none() && !found.is_empty() => {
            let all: Vec<String> = found.iter().map(Finding::to_string).collect();
            format!("SignatureDoesNotMatch: {}", all.join("; "))
        }
        Rejection::SignatureDoesNotMatch(m) => match other_method {
            Some(other) => format!(
                "SignatureDoesNotMatch: the URL is signed for {other}, not {method}: send it with {other} (presign verify -X {other})"
            ),
            None if !signed_sent.is_empty() => format!(
                "SignatureDoesNotMatch: the signature does not match a {method} request with your credentials for {} sending the signed headers `{}`: if a value is not the one presigned, that is the cause (send it exactly; `presign diagnose --signed-header 'NAME: PRESIGNED VALUE'` names it); otherwise the URL was signed with another secret key or altered after signing (path, query or host; --details shows the canonical request)",
                m.access_key_id,
                signed_sent.join("`, `")
            ),
            None => format!(
                "SignatureDoesNotMatch: the signature does not match a {method} request with your credentials for {}: the URL was signed with another secret key, altered after signing (path, query or host), or needs other headers (--details shows the canonical request)",
                m.access_key_id
            ),
        },
        Rejection::InvalidAccessKeyId { access_key_id } => format!(
            "InvalidAccessKeyId: the URL is signed by access key {access_key_id}, but your credentials are for {}: verify with that key's profile (--profile)",
            creds.access_key_id()
        ),
        other => other.to_string().replace('\n', " "),
    }
}

pub fn run(a: VerifyArgs) -> Result<()> {
    let (url, _) = normalize(&a.url).map_err(CliError::fail)?;
    let method = a.method.to_ascii_uppercase();
    let cfg = Config::load(a.profile.as_deref())?;
    let creds = credentials::find(&cfg)?;
    let now = clock::time_or_now(a.time)?;
    let mut verifier = Verifier::new(now);
    if let Some(r) = &a.region {
        verifier = verifier.region(r);
    }
    if let Some(s) = &a.service {
        verifier = verifier.service(s);
    }
    match check(&verifier, &creds, &method, &url, &a.headers) {
        Ok(v) => {
            let left = human_duration((v.expires_at.unix() - now.unix()).max(0) as u64);
            // Valid, but is it usable? What common clients break about it.
            let hazards: Vec<Finding> = diagnose_url(
                &Intended::from_url(Some(&method), &url),
                &Context::default(),
            )
            .into_iter()
            .filter(|f| matches!(f, Finding::ClientHazard { .. }))
            .collect();
            if a.json {
                let report = Report {
                    ok: true,
                    method: &method,
                    access_key_id: Some(&v.access_key_id),
                    scope: Some(&v.scope),
                    signed_at: Some(v.signed_at.to_string()),
                    expires_at: Some(v.expires_at.to_string()),
                    signed_headers: Some(&v.signed_headers),
                    session_token: Some(v.session_token),
                    code: None,
                    http_status: None,
                    message: None,
                    canonical_request: None,
                    string_to_sign: None,
                    findings: hazards.iter().map(FindingJson::new).collect(),
                };
                return print_line(&serde_json::to_string_pretty(&report).unwrap_or_default());
            }
            print_line(&format!(
                "OK: valid for {method} signed by {} (scope {})\nsigned at {}, expires at {} ({left} left)\nsigned headers: {}{}{}",
                v.access_key_id,
                v.scope,
                v.signed_at,
                v.expires_at,
                v.signed_headers.join(", "),
                if v.session_token { "\nsession token: present (checked against yours when you have one)" } else { "" },
                hazards.iter().map(|f| format!("\nnote: {}", finding_line(f))).collect::<String>()
            ))
        }
        Err(rejection) => {
            // A mismatch may only be the method: find the one it was signed for.
            let other = match &rejection {
                Rejection::SignatureDoesNotMatch(_) => METHODS
                    .iter()
                    .copied()
                    .filter(|m| *m != method)
                    .find(|m| check(&verifier, &creds, m, &url, &a.headers).is_ok()),
                _ => None,
            };
            let found = match (&rejection, other) {
                (Rejection::SignatureDoesNotMatch(_), None) => {
                    header_findings(&method, &url, &a.headers)
                }
                _ => Vec::new(),
            };
            let signed_sent = signed_headers_sent(&url, &a.headers);
            let rewritten = match (&rejection, other) {
                (Rejection::SignatureDoesNotMatch(_), None) => {
                    rewritten_content_type(&verifier, &creds, &method, &url, &a.headers)
                }
                _ => None,
            };
            let message = reason(
                &rejection,
                &creds,
                &method,
                other,
                &found,
                &signed_sent,
                rewritten.as_ref(),
            );
            let mismatch = match &rejection {
                Rejection::SignatureDoesNotMatch(m) if other.is_none() => Some(m),
                _ => None,
            };
            if a.json {
                let report = Report {
                    ok: false,
                    method: &method,
                    access_key_id: None,
                    scope: None,
                    signed_at: None,
                    expires_at: None,
                    signed_headers: None,
                    session_token: None,
                    code: Some(rejection.s3_code()),
                    http_status: Some(rejection.http_status()),
                    message: Some(&message),
                    canonical_request: mismatch.map(|m| m.canonical_request.as_str()),
                    string_to_sign: mismatch.map(|m| m.string_to_sign.as_str()),
                    findings: found.iter().map(FindingJson::new).collect(),
                };
                print_line(&serde_json::to_string_pretty(&report).unwrap_or_default())?;
            } else if let (true, Some(m)) = (a.details, mismatch) {
                print_line(&format!(
                    "canonical request:\n{}\n\nstring to sign:\n{}",
                    m.canonical_request, m.string_to_sign
                ))?;
            }
            Err(CliError::fail(message))
        }
    }
}
