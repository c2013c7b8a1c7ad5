//! `presign explain URL`: what a presigned URL says. It needs no credentials: everything shown
//! is in the URL. The session token and the signature are never printed, only described.

use crate::args::presigned_input::normalize;
use crate::args::values::parse_time;
use crate::clock;
use crate::error::{CliError, Result};
use crate::output::duration::human_duration;
use crate::output::print_line;
use crate::profile::Config;
use clap::Args;
use presign::diagnose::{diagnose_url, Context, Finding, Intended};
use presign::sigv4::{RequestUrl, UriPath};
use presign::Timestamp;
use serde::Serialize;

/// `presign explain`.
#[derive(Args)]
pub struct ExplainArgs {
    /// A presigned URL, an RDS or DSQL token (host:port/?Action=...) or an EKS token (k8s-aws-v1.…).
    #[arg(value_name = "URL")]
    pub url: String,
    /// Judge validity at this time instead of now (RFC 3339).
    #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
    pub time: Option<Timestamp>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// The S3-compatible endpoint the URL was presigned for (default: AWS_ENDPOINT_URL_S3,
    /// AWS_ENDPOINT_URL, the profile's endpoint_url): tells `bucket.host/key` (virtual-hosted)
    /// from `host/bucket/key` (path-style) on custom endpoints.
    #[arg(long, value_name = "URL")]
    pub endpoint_url: Option<String>,
    /// The profile whose endpoint_url to use.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
}

/// Everything explain reports.
#[derive(Serialize, Default, Debug)]
pub struct Explanation {
    pub kind: String,
    pub scheme: String,
    pub host: String,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bucket: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addressing: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    pub method: String,
    pub algorithm: String,
    pub access_key_id: String,
    pub scope_date: String,
    pub region: String,
    pub service: String,
    pub signed_at: Option<String>,
    pub expires_in: Option<u64>,
    pub expires_at: Option<String>,
    /// `valid`, `expired` or `not yet valid`, at `now`.
    pub status: String,
    pub status_detail: String,
    pub now: String,
    /// Signed headers the client must send besides Host (their values are not in the URL).
    pub must_send_headers: Vec<String>,
    pub signed_headers: Vec<String>,
    pub session_token: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_token_length: Option<usize>,
    pub signature_present: bool,
    /// Query parameters other than the X-Amz-* authentication ones, decoded.
    pub parameters: Vec<(String, String)>,
    pub warnings: Vec<String>,
}

const AUTH: [&str; 9] = [
    "X-Amz-S3session-Token",
    "X-Amz-Algorithm",
    "X-Amz-Credential",
    "X-Amz-Date",
    "X-Amz-Expires",
    "X-Amz-SignedHeaders",
    "X-Amz-Signature",
    "X-Amz-Security-Token",
    "X-Amz-Region-Set",
];

fn is_s3_host(host: &str) -> Option<usize> {
    // Index of the first label that names the S3 service: s3, s3-fips, s3-accelerate,
    // s3-accesspoint, s3-external-1, s3-us-west-2 (legacy dash-region), s3express-…
    host.split('.')
        .position(|l| l == "s3" || l.starts_with("s3-") || l.starts_with("s3express"))
}

fn is_ip_or_local(host: &str) -> bool {
    host == "localhost"
        || host.starts_with('[')
        || (host.split('.').count() == 4
            && host
                .split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())))
}

/// Explains `input` at `now`.
/// Explains `input` at `now`; `endpoint` is the host (`host[:port]`) of the custom S3 endpoint
/// the URL was presigned for, when known.
pub fn explain(
    input: &str,
    now: Timestamp,
    endpoint: Option<&str>,
) -> std::result::Result<Explanation, String> {
    let (url, kind) = normalize(input)?;
    let url = url.as_str();
    let mut e = Explanation {
        now: now.to_string(),
        kind: kind.into(),
        ..Default::default()
    };
    let parts = RequestUrl::parse(url).map_err(|e| format!("{url}: {e}"))?;
    e.scheme = parts.scheme().into();
    e.host = parts.host().into();
    e.path = parts.path().into();
    let pairs = parts.query();
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    e.parameters = pairs
        .iter()
        .filter(|(n, _)| !AUTH.iter().any(|a| a.eq_ignore_ascii_case(n)))
        .cloned()
        .collect();

    let Some(algorithm) = get("X-Amz-Algorithm") else {
        if get("AWSAccessKeyId").is_some() && get("Signature").is_some() {
            return Err("this is a Signature Version 2 presigned URL (AWSAccessKeyId, Expires, Signature): presign only explains SigV4 (X-Amz-*) URLs".into());
        }
        return Err("not a SigV4 presigned URL: its query has no X-Amz-Algorithm".into());
    };
    e.algorithm = algorithm.into();
    match algorithm {
        "AWS4-HMAC-SHA256" => {}
        "AWS4-ECDSA-P256-SHA256" => e
            .warnings
            .push("signed with SigV4a (ECDSA): the region set is in X-Amz-Region-Set".into()),
        other => e.warnings.push(format!("unknown algorithm {other}")),
    }
    let credential = get("X-Amz-Credential").ok_or("the query has no X-Amz-Credential")?;
    let cred: Vec<&str> = credential.split('/').collect();
    let sigv4a = algorithm == "AWS4-ECDSA-P256-SHA256";
    match (sigv4a, cred.as_slice()) {
        (false, [akid, date, region, service, "aws4_request"]) => {
            e.region = (*region).into();
            (e.access_key_id, e.scope_date, e.service) =
                ((*akid).into(), (*date).into(), (*service).into());
        }
        // SigV4a: no region in the scope; the regions are the signed X-Amz-Region-Set.
        (true, [akid, date, service, "aws4_request"]) => {
            e.region = match get("X-Amz-Region-Set") {
                Some(set) => set.into(),
                None => {
                    e.warnings
                        .push("no X-Amz-Region-Set: AWS refuses a SigV4a URL without one".into());
                    String::new()
                }
            };
            (e.access_key_id, e.scope_date, e.service) =
                ((*akid).into(), (*date).into(), (*service).into());
        }
        (false, _) => {
            return Err(format!(
                "X-Amz-Credential is not ACCESS_KEY/DATE/REGION/SERVICE/aws4_request: {credential}"
            ))
        }
        (true, _) => {
            return Err(format!(
            "X-Amz-Credential is not ACCESS_KEY/DATE/SERVICE/aws4_request (SigV4a): {credential}"
        ))
        }
    }
    let token = get("X-Amz-Security-Token").or(get("X-Amz-S3session-Token"));
    if e.access_key_id.starts_with("ASIA") && token.is_none() {
        e.warnings.push("the access key id is temporary (ASIA…) but there is no X-Amz-Security-Token: AWS will refuse it".into());
    }

    let signed_at = match get("X-Amz-Date") {
        None => {
            e.warnings.push("no X-Amz-Date".into());
            None
        }
        Some(d) => match Timestamp::parse_amz_date(d) {
            Ok(t) => Some(t),
            Err(err) => {
                e.warnings.push(format!("X-Amz-Date {d}: {err}"));
                None
            }
        },
    };
    if let Some(t) = signed_at {
        e.signed_at = Some(t.to_string());
        if t.amz_date().date() != e.scope_date {
            e.warnings.push(format!("the credential scope date {} is not the day of X-Amz-Date ({}): the signature cannot match", e.scope_date, t.amz_date()));
        }
    }
    e.expires_in = match get("X-Amz-Expires").map(|x| (x, x.parse::<u64>())) {
        None => {
            e.warnings.push("no X-Amz-Expires".into());
            None
        }
        Some((_, Ok(n))) => Some(n),
        Some((x, Err(_))) => {
            e.warnings
                .push(format!("X-Amz-Expires {x} is not a number"));
            None
        }
    };
    if let Some(n) = e.expires_in {
        if n == 0 || n > presign::sigv4::MAX_EXPIRES {
            e.warnings.push(format!(
                "X-Amz-Expires {n} is outside 1..=604800: AWS refuses it"
            ));
        }
    }
    match (signed_at, e.expires_in) {
        (Some(t), Some(n)) => {
            let end = t.add_seconds(n).map_err(|err| err.to_string())?;
            e.expires_at = Some(end.to_string());
            if now < t {
                e.status = "not yet valid".into();
                e.status_detail = format!(
                    "signed {} in the future: AWS refuses it until then",
                    human_duration((t.unix() - now.unix()) as u64)
                );
            } else if now >= end {
                e.status = "expired".into();
                e.status_detail =
                    format!("{} ago", human_duration((now.unix() - end.unix()) as u64));
            } else {
                e.status = "valid".into();
                e.status_detail =
                    format!("{} left", human_duration((end.unix() - now.unix()) as u64));
            }
        }
        _ => {
            e.status = "unknown".into();
            e.status_detail = "no signing time or lifetime in the URL".into();
        }
    }

    e.signed_headers = get("X-Amz-SignedHeaders")
        .map(|h| h.split(';').map(str::to_string).collect())
        .unwrap_or_default();
    if !e.signed_headers.iter().any(|h| h == "host") {
        e.warnings
            .push("host is not among X-Amz-SignedHeaders: SigV4 requires it".into());
    }
    e.must_send_headers = e
        .signed_headers
        .iter()
        .filter(|h| *h != "host")
        .cloned()
        .collect();
    if let Some(t) = get("X-Amz-Security-Token").or(get("X-Amz-S3session-Token")) {
        e.session_token = true;
        e.session_token_length = Some(t.len());
    }
    match get("X-Amz-Signature") {
        Some(s) => {
            e.signature_present = true;
            let hex = s.bytes().all(|b| b.is_ascii_hexdigit());
            // SigV4: an HMAC, 64 hex digits; SigV4a: a DER ECDSA signature, 16 to 144.
            let ok_len = if sigv4a {
                s.len() % 2 == 0 && (16..=144).contains(&s.len())
            } else {
                s.len() == 64
            };
            if !ok_len || !hex {
                e.warnings.push(if sigv4a {
                    format!(
                        "X-Amz-Signature is not the hex of a DER ECDSA signature ({} characters)",
                        s.len()
                    )
                } else {
                    format!(
                        "X-Amz-Signature is not 64 hex digits ({} characters)",
                        s.len()
                    )
                });
            }
        }
        None => e
            .warnings
            .push("no X-Amz-Signature: the URL is not signed".into()),
    }

    e.method = match e.service.as_str() {
        "rds-db" | "dsql" => "GET (an auth token is always a presigned GET; the method is not in the URL)".into(),
        "sts" if e.parameters.iter().any(|(n, v)| n == "Action" && v == "GetCallerIdentity") => {
            "GET (EKS-style GetCallerIdentity; the method is not in the URL)".into()
        }
        _ => "not in the URL: the signature covers exactly one method (check it with `presign verify -X METHOD`)".into(),
    };

    if UriPath::for_service(&e.service) == UriPath::S3 {
        s3_location(&mut e, parts.host(), parts.path(), endpoint);
    }
    // What common clients break about it (the presign's warnings, read back from the URL).
    for f in diagnose_url(&Intended::from_url(None, url), &Context::default()) {
        if let Finding::ClientHazard { warning } = f {
            e.warnings.push(format!("{} ({})", warning, warning.code()));
        }
    }
    Ok(e)
}

/// Whether `host` is AWS's own (then the URL's host says everything).
fn is_s3_host_of_aws(host: &str) -> bool {
    let bare = host.rsplit_once(':').map_or(host, |(h, _)| h);
    bare.ends_with(".amazonaws.com") || bare.ends_with(".amazonaws.com.cn")
}

/// Decodes `%XX` for display (invalid UTF-8 shows as U+FFFD).
fn decode_lossy(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

fn decode_key(raw: &str) -> Option<String> {
    (!raw.is_empty()).then(|| decode_lossy(raw))
}

fn s3_location(e: &mut Explanation, host: &str, path: &str, endpoint: Option<&str>) {
    let bare = host
        .rsplit_once(':')
        .filter(|(_, p)| p.bytes().all(|b| b.is_ascii_digit()))
        .map_or(host, |(h, _)| h);
    let rest = path.strip_prefix('/').unwrap_or(path);
    let path_style = |e: &mut Explanation, how: &str| {
        let (bucket, key) = rest.split_once('/').unwrap_or((rest, ""));
        if !bucket.is_empty() {
            e.bucket = Some(decode_lossy(bucket));
        }
        e.key = decode_key(key);
        e.addressing = Some(how.into());
    };
    let virtual_hosted = |e: &mut Explanation, bucket: &str, how: &str| {
        e.bucket = Some(bucket.to_string());
        e.key = decode_key(rest);
        e.addressing = Some(how.into());
    };
    // The endpoint the URL was made for settles it: its host alone is path-style, a name under
    // it is a bucket.
    if let Some(ep) = endpoint.filter(|ep| !is_s3_host_of_aws(ep)) {
        if host.eq_ignore_ascii_case(ep) {
            return path_style(e, "path-style (the endpoint's host)");
        }
        let lower = host.to_ascii_lowercase();
        if let Some(bucket) = lower
            .strip_suffix(&ep.to_ascii_lowercase())
            .and_then(|b| b.strip_suffix('.'))
            .filter(|b| !b.is_empty())
        {
            return virtual_hosted(e, bucket, "virtual-hosted (BUCKET.endpoint)");
        }
        e.warnings.push(format!(
            "the URL's host {host} is neither the endpoint {ep} nor a bucket under it: it was presigned for another endpoint"
        ));
    }
    let aws = bare.ends_with(".amazonaws.com") || bare.ends_with(".amazonaws.com.cn");
    if let Some(bucket) = bare.strip_suffix(".localhost").filter(|b| !b.is_empty()) {
        // What presign prints for --endpoint-url http://localhost:PORT --addressing-style
        // virtual: browsers resolve *.localhost to 127.0.0.1 themselves.
        return virtual_hosted(e, bucket, "virtual-hosted (BUCKET.localhost)");
    }
    if let Some(alias) = bare.strip_suffix(".accesspoint.s3-global.amazonaws.com") {
        // A Multi-Region Access Point: the alias stands for the bucket.
        return virtual_hosted(
            e,
            alias,
            "Multi-Region Access Point (ALIAS.accesspoint.s3-global)",
        );
    }
    match is_s3_host(bare) {
        Some(0) if aws => path_style(e, "path-style"),
        Some(i) if aws => {
            let labels: Vec<&str> = bare.split('.').collect();
            e.bucket = Some(labels[..i].join("."));
            e.key = decode_key(rest);
            e.addressing = Some("virtual-hosted".into());
        }
        _ if is_ip_or_local(bare) => path_style(e, "path-style (IP or localhost endpoint)"),
        _ => {
            // A custom endpoint: either style is possible.
            let first = bare.split('.').next().unwrap_or(bare);
            let (seg, _) = rest.split_once('/').unwrap_or((rest, ""));
            path_style(e, "custom endpoint: path-style assumed");
            e.warnings.push(format!(
                "custom endpoint: if it uses virtual-hosted style, the bucket is \"{first}\" and the key is the whole path, not bucket \"{}\"",
                decode_lossy(seg)
            ));
        }
    }
}

fn print_text(e: &Explanation) -> String {
    let mut lines: Vec<(String, String)> = vec![
        ("kind".into(), e.kind.clone()),
        ("host".into(), e.host.clone()),
    ];
    if let Some(b) = &e.bucket {
        lines.push((
            "bucket".into(),
            format!("{b} ({})", e.addressing.as_deref().unwrap_or("")),
        ));
        lines.push((
            "key".into(),
            e.key
                .clone()
                .unwrap_or_else(|| "(none: a bucket-level request)".into()),
        ));
    } else {
        lines.push(("path".into(), e.path.clone()));
    }
    lines.push(("method".into(), e.method.clone()));
    lines.push(("access key id".into(), e.access_key_id.clone()));
    lines.push((
        "credential scope".into(),
        if e.algorithm == "AWS4-ECDSA-P256-SHA256" {
            format!(
                "{}/{}/aws4_request (date {}, service {}; SigV4a: regions {})",
                e.scope_date, e.service, e.scope_date, e.service, e.region
            )
        } else {
            format!(
                "{}/{}/{}/aws4_request (date {}, region {}, service {})",
                e.scope_date, e.region, e.service, e.scope_date, e.region, e.service
            )
        },
    ));
    lines.push((
        "signed at".into(),
        e.signed_at.clone().unwrap_or_else(|| "unknown".into()),
    ));
    let lifetime = e
        .expires_in
        .map(|n| format!(" (lifetime {})", human_duration(n)))
        .unwrap_or_default();
    lines.push((
        "expires at".into(),
        format!(
            "{}{lifetime}",
            e.expires_at.clone().unwrap_or_else(|| "unknown".into())
        ),
    ));
    lines.push((
        "status".into(),
        format!("{}: {} (now {})", e.status, e.status_detail, e.now),
    ));
    lines.push((
        "must send headers".into(),
        if e.must_send_headers.is_empty() {
            "none besides Host".into()
        } else {
            format!(
                "{} (signed: the exact values are not in the URL)",
                e.must_send_headers.join(", ")
            )
        },
    ));
    lines.push((
        "session token".into(),
        match e.session_token_length {
            Some(n) => format!("present ({n} characters, not shown): temporary credentials"),
            None => "none (long-term access key)".into(),
        },
    ));
    for (n, v) in &e.parameters {
        lines.push(("parameter".into(), format!("{n} = {v}")));
    }
    for w in &e.warnings {
        lines.push(("warning".into(), w.clone()));
    }
    let width = lines.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
    lines
        .iter()
        .map(|(l, v)| format!("{l:<width$}  {v}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The host of the S3 endpoint from `--endpoint-url`, else the environment or the profile (a
/// profile that cannot be read is ignored unless named: explain needs no configuration).
fn configured_endpoint(flag: Option<&str>, profile: Option<&str>) -> Result<Option<String>> {
    let url = match (flag, Config::load(profile)) {
        (Some(f), _) => Some(f.to_string()),
        (None, Ok(cfg)) => cfg.endpoint_url(None, "s3").map(|(u, _)| u),
        (None, Err(e)) if profile.is_some() => return Err(e),
        (None, Err(_)) => None,
    };
    url.map(|u| {
        RequestUrl::parse(&u)
            .map(|p| p.host().to_string())
            .map_err(|e| CliError::usage(format!("--endpoint-url: {e}")))
    })
    .transpose()
}

pub fn run(a: ExplainArgs) -> Result<()> {
    let now = clock::time_or_now(a.time)?;
    let endpoint = configured_endpoint(a.endpoint_url.as_deref(), a.profile.as_deref())?;
    let e = explain(&a.url, now, endpoint.as_deref()).map_err(CliError::fail)?;
    if a.json {
        print_line(
            &serde_json::to_string_pretty(&e).map_err(|err| CliError::fail(err.to_string()))?,
        )
    } else {
        print_line(&print_text(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

    fn at(s: &str) -> Timestamp {
        Timestamp::parse_rfc3339(s).unwrap()
    }

    fn explain_at(input: &str, now: Timestamp) -> std::result::Result<Explanation, String> {
        explain(input, now, None)
    }

    const VHOST: &str = "http://my-bucket.localhost:9000/a/b%20c.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

    #[test]
    fn a_bucket_under_localhost_is_virtual_hosted() {
        let e = explain_at(VHOST, at("2013-05-24T01:00:00Z")).unwrap();
        assert_eq!(e.bucket.as_deref(), Some("my-bucket"));
        assert_eq!(e.key.as_deref(), Some("a/b c.png"));
        assert_eq!(
            e.addressing.as_deref(),
            Some("virtual-hosted (BUCKET.localhost)")
        );
        assert!(e.warnings.is_empty(), "{:?}", e.warnings);
        // localhost itself stays path-style.
        let path = VHOST.replace("my-bucket.localhost:9000/", "localhost:9000/my-bucket/");
        let e = explain_at(&path, at("2013-05-24T01:00:00Z")).unwrap();
        assert_eq!(
            (e.bucket.as_deref(), e.key.as_deref()),
            (Some("my-bucket"), Some("a/b c.png"))
        );
    }

    #[test]
    fn the_endpoint_tells_virtual_hosted_from_path_style() {
        let url = VHOST.replace("my-bucket.localhost:9000", "media.s3.example.com");
        let t = at("2013-05-24T01:00:00Z");
        let e = explain(&url, t, Some("s3.example.com")).unwrap();
        assert_eq!(
            (e.bucket.as_deref(), e.key.as_deref()),
            (Some("media"), Some("a/b c.png"))
        );
        assert_eq!(
            e.addressing.as_deref(),
            Some("virtual-hosted (BUCKET.endpoint)")
        );
        let e = explain(&url, t, Some("media.s3.example.com")).unwrap();
        assert_eq!(
            (e.bucket.as_deref(), e.key.as_deref()),
            (Some("a"), Some("b c.png"))
        );
        assert_eq!(
            e.addressing.as_deref(),
            Some("path-style (the endpoint's host)")
        );
        // Without it, the guess says both readings.
        let e = explain_at(&url, t).unwrap();
        assert_eq!(e.bucket.as_deref(), Some("a"));
        assert!(
            e.warnings[0].contains("the bucket is \"media\""),
            "{:?}",
            e.warnings
        );
        // Another endpoint altogether.
        let e = explain(&url, t, Some("minio.internal:9000")).unwrap();
        assert!(
            e.warnings[0].contains("neither the endpoint minio.internal:9000"),
            "{:?}",
            e.warnings
        );
    }

    #[test]
    fn explains_the_doc_example() {
        let e = explain_at(DOC, at("2013-05-24T01:00:00Z")).unwrap();
        assert_eq!(e.bucket.as_deref(), Some("examplebucket"));
        assert_eq!(e.key.as_deref(), Some("test.txt"));
        assert_eq!(
            (
                e.access_key_id.as_str(),
                e.region.as_str(),
                e.service.as_str()
            ),
            ("AKIAIOSFODNN7EXAMPLE", "us-east-1", "s3")
        );
        assert_eq!(e.status, "valid");
        assert_eq!(e.status_detail, "23h left");
        assert!(e.warnings.is_empty(), "{:?}", e.warnings);
        let e = explain_at(DOC, at("2013-05-26T00:00:00Z")).unwrap();
        assert_eq!(
            (e.status.as_str(), e.status_detail.as_str()),
            ("expired", "1d ago")
        );
        let e = explain_at(DOC, at("2013-05-23T23:00:00Z")).unwrap();
        assert_eq!(e.status, "not yet valid");
    }

    #[test]
    fn path_style_and_custom_hosts() {
        let q = "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=content-type%3Bhost&X-Amz-Signature=00";
        let e = explain_at(
            &format!("https://s3.eu-west-1.amazonaws.com/my.bucket/a%20b/c{q}"),
            at("2013-05-24T00:00:00Z"),
        )
        .unwrap();
        assert_eq!(
            (e.bucket.as_deref(), e.key.as_deref()),
            (Some("my.bucket"), Some("a b/c"))
        );
        assert_eq!(e.must_send_headers, ["content-type"]);
        let e = explain_at(
            &format!("http://127.0.0.1:9000/bkt/k{q}"),
            at("2013-05-24T00:00:00Z"),
        )
        .unwrap();
        assert_eq!(
            (e.bucket.as_deref(), e.key.as_deref()),
            (Some("bkt"), Some("k"))
        );
        let e = explain_at(
            &format!("https://b.s3-accelerate.amazonaws.com/k{q}"),
            at("2013-05-24T00:00:00Z"),
        )
        .unwrap();
        assert_eq!(e.bucket.as_deref(), Some("b"));
        let e = explain_at(
            &format!("https://my.b.s3.us-west-2.amazonaws.com/{q}"),
            at("2013-05-24T00:00:00Z"),
        )
        .unwrap();
        assert_eq!(
            (e.bucket.as_deref(), e.key.as_deref()),
            (Some("my.b"), None)
        );
    }

    #[test]
    fn refuses_what_is_not_sigv4() {
        assert!(explain_at("https://h/k?a=1", at("2013-05-24T00:00:00Z")).is_err());
        assert!(explain_at(
            "https://h/k?AWSAccessKeyId=A&Expires=1&Signature=x",
            at("2013-05-24T00:00:00Z")
        )
        .unwrap_err()
        .contains("Version 2"));
    }
}
