//! `presign diagnose`: why a request made with a presigned URL fails, through the library's
//! `presign::diagnose`. It compares what was presigned (the presign's `--json`, or a URL with
//! its signed method and headers) with what the client sent (the URL it requested, its method
//! and headers) and names each difference: a Content-Type sent with another value or not at
//! all, a missing `x-amz-meta-*`, another method, a path a browser rewrote, an expired URL...
//! No credentials needed: nothing is re-signed.
//!
//! Exit 0 when nothing breaks the request, 1 otherwise (the findings on stdout, a one-line
//! summary on stderr).

use crate::args::values::{parse_header, parse_time};
use crate::clock;
use crate::error::{CliError, Result};
use crate::output::findings::{any_fails, finding_line, FindingJson};
use crate::output::print_line;
use clap::Args;
use presign::diagnose::{diagnose, Context, Intended, Sent};
use presign::Timestamp;
use serde::Serialize;

/// `presign diagnose`.
#[derive(Args)]
pub struct DiagnoseArgs {
    /// The URL the client requested (as its devtools or logs show it).
    #[arg(value_name = "SENT_URL")]
    pub sent_url: String,
    /// The method the client sent (default: the method presigned, else GET).
    #[arg(short = 'X', long = "method", value_name = "METHOD")]
    pub method: Option<String>,
    /// A header the client sent, 'Name: value' (repeatable).
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE", value_parser = parse_header)]
    pub headers: Vec<(String, String)>,
    /// What was presigned: the JSON `presign --json` printed (method, url, headers), or a
    /// `presign batch` line; `-` reads it from stdin.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["signed_url", "signed_method", "signed_headers"])]
    pub presigned: Option<String>,
    /// Without --presigned: the presigned URL, when it differs from the URL sent (default: the
    /// URL sent).
    #[arg(long, value_name = "URL")]
    pub signed_url: Option<String>,
    /// Without --presigned: the method the URL was presigned for.
    #[arg(long, value_name = "METHOD")]
    pub signed_method: Option<String>,
    /// Without --presigned: a header signed into the URL with its value, 'Name: value'
    /// (repeatable). Without them only the names in X-Amz-SignedHeaders are checked.
    #[arg(long = "signed-header", value_name = "NAME: VALUE", value_parser = parse_header)]
    pub signed_headers: Vec<(String, String)>,
    /// Judge expiry at this time instead of now (RFC 3339).
    #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
    pub time: Option<Timestamp>,
    /// The region the bucket is in (e.g. S3's x-amz-bucket-region), to name a region mismatch.
    #[arg(long, value_name = "REGION")]
    pub bucket_region: Option<String>,
    /// Print JSON: {"ok", "findings": [{"code", "severity", "s3_code", "message"}]}.
    #[arg(long)]
    pub json: bool,
}

/// What was presigned, owned.
struct Presigned {
    method: Option<String>,
    url: String,
    headers: Option<Vec<(String, String)>>,
}

fn read_presigned(path: &str) -> Result<Presigned> {
    let text = if path == "-" {
        std::io::read_to_string(std::io::stdin())
    } else {
        std::fs::read_to_string(path)
    }
    .map_err(|e| CliError::fail(format!("reading --presigned {path}: {e}")))?;
    let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        CliError::fail(format!(
            "--presigned {path} is not JSON ({e}): give the output of `presign --json`"
        ))
    })?;
    let url = v["url"].as_str().ok_or_else(|| {
        CliError::fail(format!(
            "--presigned {path} has no \"url\": give the output of `presign --json`"
        ))
    })?;
    let headers = match &v["headers"] {
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(n, v)| match v {
                serde_json::Value::String(s) => Ok((n.clone(), s.clone())),
                _ => Err(CliError::fail(format!(
                    "--presigned {path}: the header \"{n}\" is not a string"
                ))),
            })
            .collect::<Result<Vec<_>>>()?,
        serde_json::Value::Null => Vec::new(),
        _ => {
            return Err(CliError::fail(format!(
                "--presigned {path}: \"headers\" is not an object"
            )))
        }
    };
    Ok(Presigned {
        method: v["method"].as_str().map(str::to_ascii_uppercase),
        url: url.to_string(),
        headers: Some(headers),
    })
}

#[derive(Serialize)]
struct Report {
    ok: bool,
    findings: Vec<FindingJson>,
}

pub fn run(a: DiagnoseArgs) -> Result<()> {
    let presigned = match &a.presigned {
        Some(path) => read_presigned(path)?,
        None => Presigned {
            method: a.signed_method.as_deref().map(str::to_ascii_uppercase),
            url: a.signed_url.clone().unwrap_or_else(|| a.sent_url.clone()),
            headers: (!a.signed_headers.is_empty()).then(|| a.signed_headers.clone()),
        },
    };
    let method = a
        .method
        .as_deref()
        .or(presigned.method.as_deref())
        .unwrap_or("GET")
        .to_ascii_uppercase();
    let mut intended = Intended::from_url(presigned.method.as_deref(), &presigned.url);
    intended.headers = presigned
        .headers
        .as_ref()
        .map(|hs| hs.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect());
    let mut sent = Sent::new(&method, &a.sent_url);
    for (n, v) in &a.headers {
        sent = sent.header(n, v);
    }
    let mut context = Context::default().now(clock::time_or_now(a.time)?);
    if let Some(r) = &a.bucket_region {
        context = context.expected_region(r);
    }
    let findings = diagnose(&intended, &sent, &context);
    let fails = any_fails(&findings);
    if a.json {
        let report = Report {
            ok: !fails,
            findings: findings.iter().map(FindingJson::new).collect(),
        };
        print_line(&serde_json::to_string_pretty(&report).unwrap_or_default())?;
    } else if findings.is_empty() {
        print_line("OK: the request sent matches what was presigned (method, host, path, query, signed headers); if S3 still refuses it, check the credentials with `presign verify`")?;
    } else {
        for f in &findings {
            print_line(&finding_line(f))?;
        }
    }
    if fails {
        let n = findings
            .iter()
            .filter(|f| f.severity() != presign::diagnose::Severity::Harmless)
            .count();
        return Err(CliError::fail(format!(
            "the request differs from what was presigned: {n} finding{} above break{} it",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" }
        )));
    }
    Ok(())
}
