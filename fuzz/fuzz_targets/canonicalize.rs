//! Arbitrary requests through the generic signer, presigned and header-signed, under both
//! canonical URI rules: never a panic, and every success is a well-formed, self-consistent,
//! deterministic signature.
//!
//! Sections: 0 = method, host, path, region, service; 1 = query pairs; 2 = header pairs;
//! 3 = payload (a hash literal or the body, as the knobs say).

#![no_main]

mod common;

use arbitrary::Arbitrary;
use common::*;
use libfuzzer_sys::fuzz_target;
use presign::sigv4::{self, Payload, Request, SessionToken, SigningParams, UriPath};
use presign::{Credentials, Timestamp};
use std::collections::BTreeSet;

#[derive(Arbitrary, Debug, Default)]
enum PayloadKind {
    #[default]
    Empty,
    Unsigned,
    Hash,
    Bytes,
}

#[derive(Arbitrary, Debug, Default)]
struct Knobs {
    time: u64,
    expires: u32,
    token: Option<bool>,
    http: bool,
    content_sha256_header: bool,
    clamp: bool,
    credentials_expire_in: Option<u16>,
    payload: PayloadKind,
}

const MAX_UNIX: u64 = 253_402_300_799;

fuzz_target!(|data: &[u8]| {
    let input = split::<Knobs>(data);
    let k = &input.knobs;
    let s = &input.sections;
    let time = Timestamp::from_unix((k.time % (MAX_UNIX + 1)) as i64).unwrap();
    let mut creds = Credentials::new(AKID, SECRET).unwrap();
    if k.token.is_some() {
        creds = creds.with_session_token(TOKEN).unwrap();
    }
    if let Some(secs) = k.credentials_expire_in {
        if let Ok(t) = time.add_seconds(u64::from(secs)) {
            creds = creds.with_expiration(t);
        }
    }
    let payload_text = field(s, 3, 0).unwrap_or("");
    let mut req = Request::new(
        field(s, 0, 0).unwrap_or("GET"),
        field(s, 0, 1).unwrap_or("example.amazonaws.com"),
        field(s, 0, 2).unwrap_or("/"),
    )
    .payload(match k.payload {
        PayloadKind::Empty => Payload::Empty,
        PayloadKind::Unsigned => Payload::Unsigned,
        PayloadKind::Hash => Payload::Hash(payload_text),
        PayloadKind::Bytes => Payload::Bytes(payload_text.as_bytes()),
    })
    .scheme(if k.http { "http" } else { "https" });
    req.query = pairs(s, 1);
    req.headers = pairs(s, 2);
    let region = field(s, 0, 3).unwrap_or("us-east-1");
    let service = field(s, 0, 4).unwrap_or("s3");
    let expires = u64::from(k.expires) % (sigv4::MAX_EXPIRES + 2);
    for rules in [UriPath::S3, UriPath::Normalized] {
        let mut params = SigningParams::new(&creds, region, service, time);
        params.uri_path = rules;
        params.session_token = if k.token == Some(true) {
            SessionToken::AddedAfterSigning
        } else {
            SessionToken::Signed
        };
        params.content_sha256_header = k.content_sha256_header;
        params.clamp_expiry_to_credentials = k.clamp;
        check_presign(&req, &params, expires);
        check_sign(&req, &params);
    }
});

fn no_secret_in(e: &presign::Error) {
    let text = format!("{e} {e:?}");
    assert!(
        !text.contains(SECRET) && !text.contains(TOKEN),
        "secret in error: {text}"
    );
}

/// Lower-case distinct header names, sorted: what the canonical request must list.
fn header_names<'a>(extra: impl IntoIterator<Item = &'a str>, req: &Request<'_>) -> Vec<String> {
    let mut set: BTreeSet<String> = req
        .headers
        .iter()
        .map(|(n, _)| n.to_ascii_lowercase())
        .collect();
    set.insert("host".into());
    set.extend(extra.into_iter().map(String::from));
    set.into_iter().collect()
}

fn check_presign(req: &Request<'_>, params: &SigningParams<'_>, expires: u64) {
    let (p, d) = match sigv4::presign_with_details(req, params, expires) {
        Ok(ok) => ok,
        Err(e) => {
            no_secret_in(&e);
            assert_eq!(
                sigv4::presign(req, params, expires).unwrap_err(),
                e,
                "same error without details"
            );
            return;
        }
    };
    let url = &p.url;
    assert!(
        url.bytes().all(|b| b.is_ascii_graphic()),
        "URL must be printable ASCII: {url:?}"
    );
    assert!(
        url.starts_with(&format!("{}://{}/", req.scheme, req.host)),
        "{url}"
    );
    // The path never holds `?` or `#`: the query starts at the first `?`.
    let (before, query) = url.split_once('?').expect("a query");
    assert!(!before.contains('#') && !query.contains('#'), "{url}");
    assert_eq!(query.matches("X-Amz-Signature=").count(), 1, "{url}");
    let sig = query
        .rsplit_once("&X-Amz-Signature=")
        .expect("signature last")
        .1;
    assert!(is_lower_hex64(sig), "{sig}");
    assert_eq!(d.signature, sig);
    assert_eq!(
        recompute_signature(&d.string_to_sign),
        sig,
        "details and URL disagree"
    );
    // Deterministic.
    assert_eq!(sigv4::presign(req, params, expires).unwrap(), p);
    // The string to sign hashes the canonical request shown.
    let sts: Vec<&str> = d.string_to_sign.split('\n').collect();
    assert_eq!(sts.len(), 4);
    assert_eq!(sts[0], "AWS4-HMAC-SHA256");
    assert_eq!(sts[1], params.time.amz_date().as_str());
    assert_eq!(
        sts[3],
        sha256_hex(d.canonical_request.as_bytes())
    );
    let payload_hash: String = match req.payload {
        Payload::Empty => EMPTY_SHA256.into(),
        Payload::Unsigned => "UNSIGNED-PAYLOAD".into(),
        Payload::Hash(h) => h.into(),
        Payload::Bytes(b) => sha256_hex(b),
        _ => unreachable!("the harness builds only the payloads above"),
    };
    let names = header_names([], req);
    let lines = check_canonical_request(&d.canonical_request, req.method, &names, &payload_hash);
    // The canonical URI: the URL path itself under S3 rules, the normalized path otherwise.
    let path = &before[format!("{}://{}", req.scheme, req.host).len()..];
    match params.uri_path {
        UriPath::S3 => {
            assert_eq!(lines[1], path);
            assert_eq!(
                &*decode(path),
                &*decode(req.path),
                "S3 path bytes kept"
            );
        }
        // Other services: the path as the URL sends it, normalized, then encoded again.
        UriPath::Normalized => assert_eq!(
            lines[1],
            normalized_canonical_uri(path)
        ),
        _ => unreachable!("the harness uses only the rules above"),
    }
    // The URL carries exactly the signed query, plus the signature (and an unsigned token).
    let unsigned_token = params.session_token == SessionToken::AddedAfterSigning
        && params.credentials.session_token().is_some();
    let mut url_pairs: Vec<&str> = query
        .split('&')
        .filter(|p| {
            !p.starts_with("X-Amz-Signature=")
                && !(unsigned_token && p.starts_with("X-Amz-Security-Token="))
        })
        .collect();
    url_pairs.sort_by_key(|p| p.split_once('=').map(|(n, v)| (n.to_owned(), v.to_owned())));
    let canon: Vec<&str> = if lines[2].is_empty() {
        Vec::new()
    } else {
        lines[2].split('&').collect()
    };
    assert_eq!(url_pairs, canon, "URL query vs canonical query");
    // The caller's parameters come back decoded, in order, ahead of the X-Amz-* ones.
    let decoded = parse_query(query);
    let mine: Vec<(&str, &str)> = decoded
        .iter()
        .take(req.query.len())
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    assert_eq!(mine, req.query);
    assert_eq!(decoded[req.query.len()].0, "X-Amz-Algorithm");
    let expires_param = decoded
        .iter()
        .find(|(n, _)| n == "X-Amz-Expires")
        .unwrap()
        .1
        .parse::<i64>()
        .unwrap();
    assert_eq!(p.expires_at.unix() - p.signed_at.unix(), expires_param);
    let signed = decoded
        .iter()
        .find(|(n, _)| n == "X-Amz-SignedHeaders")
        .unwrap();
    assert_eq!(signed.1, names.join(";"));
    assert_eq!(p.headers.len(), req.headers.len());
}

fn check_sign(req: &Request<'_>, params: &SigningParams<'_>) {
    let (s, d) = match sigv4::sign_with_details(req, params) {
        Ok(ok) => ok,
        Err(e) => {
            no_secret_in(&e);
            assert_eq!(sigv4::sign(req, params).unwrap_err(), e);
            return;
        }
    };
    assert!(
        s.url.bytes().all(|b| b.is_ascii_graphic()),
        "URL must be printable ASCII: {:?}",
        s.url
    );
    assert!(is_lower_hex64(&s.signature));
    assert_eq!(d.signature, s.signature);
    assert_eq!(
        recompute_signature(&d.string_to_sign),
        s.signature,
        "details and signature disagree"
    );
    assert_eq!(sigv4::sign(req, params).unwrap(), s, "deterministic");
    let mut extra = vec!["x-amz-date"];
    if params.content_sha256_header {
        extra.push("x-amz-content-sha256");
    }
    if params.credentials.session_token().is_some() && params.session_token == SessionToken::Signed
    {
        extra.push("x-amz-security-token");
    }
    let names = header_names(extra, req);
    let payload_hash = d.canonical_request.rsplit('\n').next().unwrap().to_owned();
    check_canonical_request(&d.canonical_request, req.method, &names, &payload_hash);
    let auth = &s.headers.last().expect("authorization").1;
    assert_eq!(s.headers.last().unwrap().0, "authorization");
    let scope = d.string_to_sign.split('\n').nth(2).unwrap();
    assert_eq!(
        *auth,
        format!(
            "AWS4-HMAC-SHA256 Credential={AKID}/{scope}, SignedHeaders={}, Signature={}",
            names.join(";"),
            s.signature
        )
    );
    for (n, v) in &s.headers {
        assert!(
            !n.is_empty() && !v.contains(['\r', '\n', '\0']),
            "header {n:?}: {v:?}"
        );
    }
}
