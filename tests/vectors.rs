//! One runner for every signing vector in `vectors/`: the AWS SigV4 test suite (converted by
//! `vectors/convert_aws_suite.py`) and the AWS documentation / published examples
//! (`vectors/s3-docs.json`). Each variant checks every expected value its source gives.

#[path = "common/oracle.rs"]
mod oracle;

use presign::sigv4::{self, Payload, RawPathBytes, Request, SessionToken, SigningParams, UriPath};
use presign::{Credentials, Timestamp};
use serde_json::Value;
use std::collections::BTreeMap;

fn load(name: &str) -> Value {
    let path = format!("{}/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
        .unwrap()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

fn pairs(v: &Value) -> Vec<(&str, &str)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| (s(&p[0]), s(&p[1])))
        .collect()
}

/// A signed request as text, reduced to what must match: the method, the decoded path, the
/// decoded query parameters as a sorted multiset, and the headers (lower-case names, values with
/// folded lines and runs of spaces collapsed) as a sorted multiset.
#[derive(Debug, PartialEq)]
struct Shape {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
}

fn squash(v: &str) -> String {
    v.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shape_of_text(text: &str) -> Shape {
    let mut lines = text.split('\n');
    let first = lines.next().unwrap();
    let mut parts = first.splitn(2, ' ');
    let method = parts.next().unwrap().to_string();
    let target = parts.next().unwrap();
    let target = target.strip_suffix(" HTTP/1.1").unwrap_or(target);
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.is_empty() {
            break;
        }
        if line.starts_with(' ') || line.starts_with('\t') {
            let last = headers.last_mut().unwrap();
            last.1 = squash(&format!("{} {}", last.1, line));
            continue;
        }
        let (n, v) = line.split_once(':').unwrap();
        headers.push((n.to_ascii_lowercase(), squash(v)));
    }
    shape(method, path, query, headers)
}

fn shape(method: String, path: &str, query: &str, mut headers: Vec<(String, String)>) -> Shape {
    let mut query = oracle::parse_query(query);
    query.sort();
    headers.sort();
    Shape {
        method,
        path: oracle::decode_lossy(path),
        query,
        headers,
    }
}

fn url_parts(url: &str) -> (&str, &str, &str) {
    let rest = url.split_once("://").unwrap().1;
    let (host, rest) = rest.split_at(rest.find('/').unwrap());
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    (host, path, query)
}

/// Our signed request (method, URL, headers to send) has the shape of the suite's text.
fn assert_signed_request(
    method: &str,
    url: &str,
    sent: &[(String, String)],
    text: &str,
    name: &str,
    variant: &str,
) {
    let (host, path, query) = url_parts(url);
    let mut headers: Vec<(String, String)> = sent
        .iter()
        .map(|(n, v)| (n.to_ascii_lowercase(), squash(v)))
        .collect();
    headers.push(("host".into(), host.into()));
    assert_eq!(
        shape(method.into(), path, query, headers),
        shape_of_text(text),
        "{name} [{variant}] signed request"
    );
}

struct Case<'a> {
    v: &'a Value,
    name: &'a str,
    creds: Credentials,
    time: Timestamp,
    body: Option<&'a str>,
}

impl<'a> Case<'a> {
    fn new(v: &'a Value) -> Self {
        let c = &v["credentials"];
        let mut creds =
            Credentials::new(s(&c["access_key_id"]), s(&c["secret_access_key"])).unwrap();
        if let Some(t) = c["session_token"].as_str() {
            creds = creds.with_session_token(t).unwrap();
        }
        Case {
            v,
            name: s(&v["name"]),
            creds,
            time: Timestamp::parse_rfc3339(s(&v["time"])).unwrap(),
            body: v["request"]["body"].as_str(),
        }
    }

    fn params(&self, variant: &Value) -> SigningParams<'_> {
        let mut p = SigningParams::new(
            &self.creds,
            s(&self.v["region"]),
            s(&self.v["service"]),
            self.time,
        );
        p.uri_path = match s(&self.v["path_rules"]) {
            "s3" => UriPath::S3,
            "generic" => UriPath::Normalized,
            other => panic!("path_rules {other}"),
        };
        p.session_token = match s(&variant["session_token"]) {
            "omit" => SessionToken::AddedAfterSigning,
            _ => SessionToken::Signed,
        };
        p.content_sha256_header = variant["content_sha256_header"].as_bool().unwrap_or(false);
        // The suite's request lines carry raw bytes (`GET /ሴ`, `GET /example space/`): they are
        // signed as bytes sent on the wire, which is the suite's reading of a request target.
        p.raw_path_bytes = RawPathBytes::SignAsSent;
        p
    }

    fn request(&self, drop_date_header: bool) -> Request<'a> {
        let r = &self.v["request"];
        let mut req = Request::new(s(&r["method"]), s(&r["host"]), s(&r["path"]));
        req.query = pairs(&r["query"]);
        req.headers = pairs(&r["headers"]);
        if drop_date_header {
            // The suite's request already carries the x-amz-date the signer adds; it is the
            // signer's to set, so it is removed here rather than passed twice.
            req.headers
                .retain(|(n, _)| !n.eq_ignore_ascii_case("x-amz-date"));
        }
        req.payload = match &self.v["payload"] {
            Value::String(p) if p == "empty" => Payload::Empty,
            Value::String(p) if p == "unsigned" => Payload::Unsigned,
            Value::String(p) if p == "body" => Payload::Bytes(self.body.unwrap().as_bytes()),
            Value::Object(o) => Payload::Hash(s(&o["sha256"])),
            other => panic!("payload {other}"),
        };
        req
    }
}

fn check_expected(
    name: &str,
    variant: &str,
    exp: &Value,
    creq: &str,
    sts: &str,
    sig: &str,
) -> usize {
    let mut checks = 0;
    let mut eq = |key: &str, ours: &str| {
        if let Some(want) = exp[key].as_str() {
            // A few suite files end with a newline that is not part of the text they hold.
            let want = want.strip_suffix('\n').unwrap_or(want);
            assert_eq!(ours, want, "{name} [{variant}] {key}");
            checks += 1;
        }
    };
    eq("canonical_request", creq);
    eq("string_to_sign", sts);
    eq("signature", sig);
    eq("canonical_request_sha256", &hex::encode(sha256(creq)));
    checks
}

fn sha256(s: &str) -> [u8; 32] {
    oracle::sha256(s.as_bytes())
}

/// Runs every case of one vector file; returns (variants run, values checked).
fn run_file(file: &str) -> (usize, usize, BTreeMap<&'static str, usize>) {
    let doc = load(file);
    assert!(
        doc["license"].as_str().is_some(),
        "{file} must keep its attribution"
    );
    let mut variants = 0;
    let mut checks = 0;
    let mut per_kind = BTreeMap::new();
    for v in doc["cases"].as_array().unwrap() {
        let case = Case::new(v);
        let date_in_req = v["date_header_in_request"].as_bool().unwrap_or(false);
        if let Some(h) = v.get("header") {
            let req = case.request(date_in_req);
            let params = case.params(h);
            let (signed, d) = sigv4::sign_with_details(&req, &params)
                .unwrap_or_else(|e| panic!("{}: {e}", case.name));
            let exp = &h["expected"];
            let n = check_expected(
                case.name,
                "header",
                exp,
                &d.canonical_request,
                &d.string_to_sign,
                &d.signature,
            );
            assert!(n > 0, "{}: header variant checks nothing", case.name);
            checks += n;
            if exp["signature"].is_string() {
                if let Some(text) = exp["signed_request"].as_str() {
                    assert_signed_request(
                        signed.method.as_str(),
                        &signed.url,
                        &signed.headers,
                        text,
                        case.name,
                        "header",
                    );
                    checks += 1;
                }
            }
            variants += 1;
            *per_kind.entry("header").or_insert(0) += 1;
        }
        if let Some(q) = v.get("query") {
            let req = case.request(false);
            let params = case.params(q);
            let expires = q["expires_in"].as_u64().unwrap();
            let (p, d) = sigv4::presign_with_details(&req, &params, expires)
                .unwrap_or_else(|e| panic!("{}: {e}", case.name));
            let exp = &q["expected"];
            let mut n = check_expected(
                case.name,
                "query",
                exp,
                &d.canonical_request,
                &d.string_to_sign,
                &d.signature,
            );
            assert!(
                p.url.ends_with(&format!("X-Amz-Signature={}", d.signature)),
                "{}",
                case.name
            );
            if let Some(url) = exp["url"].as_str() {
                assert_eq!(p.url, url, "{} [query] url", case.name);
                n += 1;
            }
            if let Some(text) = exp["signed_request"].as_str() {
                assert_signed_request(
                    p.method.as_str(),
                    &p.url,
                    &p.headers,
                    text,
                    case.name,
                    "query",
                );
                n += 1;
            }
            assert!(n > 0, "{}: query variant checks nothing", case.name);
            assert_eq!(p.expires_at.unix() - p.signed_at.unix(), expires as i64);
            checks += n;
            variants += 1;
            *per_kind.entry("query").or_insert(0) += 1;
        }
    }
    (variants, checks, per_kind)
}

#[test]
fn aws_sigv4_test_suite() {
    let (variants, checks, kinds) = run_file("aws-sigv4-suite.json");
    eprintln!("aws-sigv4-suite: {variants} variants, {checks} values checked, {kinds:?}");
    assert_eq!(kinds.get("header"), Some(&40));
    assert_eq!(kinds.get("query"), Some(&38));
}

#[test]
fn aws_documentation_and_published_examples() {
    let (variants, checks, kinds) = run_file("s3-docs.json");
    eprintln!("s3-docs: {variants} variants, {checks} values checked, {kinds:?}");
    assert_eq!(variants, 15);
}

/// The AWS aws-chunked streaming examples (`vectors/aws-chunked.json`): the seed signature, every
/// chunk signature, the final and trailer signatures, and the encoded `Content-Length`, which
/// must also be the length of what the signer frames.
#[test]
fn aws_chunked_streaming_examples() {
    use presign::sigv4::chunked::{Checksum, ChunkedUpload};
    let doc = load("aws-chunked.json");
    assert!(doc["license"].as_str().is_some());
    let mut checks = 0;
    let cases = doc["cases"].as_array().unwrap();
    for v in cases {
        let case = Case::new(v);
        let exp = &v["expected"];
        let n = v["decoded_length"].as_u64().unwrap();
        let size = v["chunk_size"].as_u64().unwrap();
        let checksum = match v["trailer"]["name"].as_str() {
            None => None,
            Some("x-amz-checksum-crc32") => Some(Checksum::Crc32),
            Some("x-amz-checksum-crc32c") => Some(Checksum::Crc32c),
            Some(other) => panic!("trailer {other}"),
        };
        let upload = match (s(&v["streaming"]), checksum) {
            ("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", None) => ChunkedUpload::signed(n, size),
            ("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", Some(c)) => {
                ChunkedUpload::signed_with_trailer(n, size, c)
            }
            other => panic!("streaming {other:?}"),
        }
        .unwrap()
        .sign_content_length(v["content_length_signed"].as_bool().unwrap());
        let r = &v["request"];
        let mut req = Request::new(s(&r["method"]), s(&r["host"]), s(&r["path"]));
        req.headers = pairs(&r["headers"]);
        let params = SigningParams::new(&case.creds, s(&v["region"]), s(&v["service"]), case.time);
        let (signed, mut chunks) = upload.sign(&req, &params).unwrap();
        assert_eq!(signed.signature, s(&exp["seed_signature"]), "{}", case.name);
        checks += 1;
        if let Some(want) = exp["content_length"].as_u64() {
            assert_eq!(upload.content_length(), want, "{}", case.name);
            checks += 1;
        }
        let sent_length = signed
            .headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .map(|(_, v)| v.parse::<u64>().unwrap());
        assert_eq!(sent_length, Some(upload.content_length()), "{}", case.name);
        let body = s(&v["body_byte"]).repeat(n as usize);
        let mut wire = Vec::new();
        let mut sigs = Vec::new();
        for chunk in body.as_bytes().chunks(size as usize) {
            let head = chunks.chunk(chunk).unwrap();
            sigs.push(head.signature().unwrap().to_string());
            wire.extend_from_slice(head.as_bytes());
            wire.extend_from_slice(chunk);
            wire.extend_from_slice(b"\r\n");
        }
        let want: Vec<&str> = exp["chunk_signatures"]
            .as_array()
            .unwrap()
            .iter()
            .map(s)
            .collect();
        assert_eq!(sigs, want, "{} chunk signatures", case.name);
        checks += want.len();
        let end = match v["trailer"]["value"].as_str() {
            None => chunks.finish().unwrap().as_str().to_string(),
            Some(value) => chunks.finish_with_trailer(value).unwrap(),
        };
        let final_sig = s(&exp["final_signature"]);
        assert!(
            end.starts_with(&format!("0;chunk-signature={final_sig}\r\n")),
            "{}: {end:?}",
            case.name
        );
        checks += 1;
        if let Some(t) = exp["trailer_signature"].as_str() {
            assert!(
                end.ends_with(&format!("\r\nx-amz-trailer-signature:{t}\r\n\r\n")),
                "{}: {end:?}",
                case.name
            );
            checks += 1;
        }
        wire.extend_from_slice(end.as_bytes());
        assert_eq!(wire.len() as u64, upload.content_length(), "{}", case.name);
    }
    eprintln!(
        "aws-chunked: {} cases, {checks} values checked",
        cases.len()
    );
    assert_eq!(cases.len(), 2);
}

/// The AWS SigV4a test suite (`vectors/aws-sigv4a-suite.json`, converted by
/// `vectors/convert_aws_suite_v4a.py`): our canonical request and string to sign equal the
/// suite's byte for byte, our derived public key is the suite's, the suite's randomized ECDSA
/// signatures verify under that key over its string to sign, and so do ours (over ours).
#[cfg(feature = "sigv4a")]
#[test]
fn aws_sigv4a_test_suite() {
    use presign::sigv4a::{self, RegionSet, Signature, SigningKey, VerifyingKey};
    let doc = load("aws-sigv4a-suite.json");
    assert!(doc["license"].as_str().is_some());
    let (mut variants, mut checks) = (0, 0);
    let mut keys: Vec<(String, String, SigningKey)> = Vec::new();
    for v in doc["cases"].as_array().unwrap() {
        let case = Case::new(v);
        assert_eq!(s(&v["algorithm"]), sigv4a::ALGORITHM);
        let c = &v["credentials"];
        let (akid, secret) = (s(&c["access_key_id"]), s(&c["secret_access_key"]));
        // The key is derived once per access key pair and reused, as a caller would.
        if !keys.iter().any(|(a, b, _)| a == akid && b == secret) {
            keys.push((
                akid.into(),
                secret.into(),
                SigningKey::derive(&case.creds).unwrap(),
            ));
        }
        let key = &keys
            .iter()
            .find(|(a, b, _)| a == akid && b == secret)
            .unwrap()
            .2;
        let unhex = |h: &str| -> [u8; 32] { hex::decode(h).unwrap().try_into().unwrap() };
        let suite_key = VerifyingKey::from_coordinates(
            &unhex(s(&v["public_key"]["x"])),
            &unhex(s(&v["public_key"]["y"])),
        )
        .unwrap();
        assert_eq!(key.verifying_key(), suite_key, "{} public key", case.name);
        checks += 1;
        let region_set = RegionSet::new(s(&v["region_set"])).unwrap();
        for variant in ["header", "query"] {
            let Some(var) = v.get(variant) else { continue };
            let p4 = case.params(var);
            let mut params =
                sigv4a::SigningParams::new(&case.creds, key, &region_set, p4.service, case.time);
            params.uri_path = p4.uri_path;
            params.raw_path_bytes = p4.raw_path_bytes;
            params.session_token = p4.session_token;
            params.content_sha256_header = p4.content_sha256_header;
            let req = case.request(false);
            let (d, sig, text_check) = if variant == "header" {
                let (signed, d) = sigv4a::sign_with_details(&req, &params)
                    .unwrap_or_else(|e| panic!("{}: {e}", case.name));
                let auth = &signed.headers.last().unwrap().1;
                assert!(
                    auth.ends_with(&format!("Signature={}", d.signature)),
                    "{}",
                    case.name
                );
                (
                    d,
                    signed.signature.clone(),
                    (signed.method, signed.url, signed.headers),
                )
            } else {
                let expires = var["expires_in"].as_u64().unwrap();
                let (p, d) = sigv4a::presign_with_details(&req, &params, expires)
                    .unwrap_or_else(|e| panic!("{}: {e}", case.name));
                assert_eq!(p.expires_at.unix() - p.signed_at.unix(), expires as i64);
                let sig = p.url.rsplit_once("X-Amz-Signature=").unwrap().1.to_string();
                (d, sig, (p.method, p.url, p.headers))
            };
            let exp = &var["expected"];
            let want_creq = s(&exp["canonical_request"]);
            let want_sts = s(&exp["string_to_sign"]);
            assert_eq!(
                d.canonical_request,
                want_creq.strip_suffix('\n').unwrap_or(want_creq),
                "{} [{variant}] canonical request",
                case.name
            );
            assert_eq!(
                d.string_to_sign,
                want_sts.strip_suffix('\n').unwrap_or(want_sts),
                "{} [{variant}] string to sign",
                case.name
            );
            checks += 2;
            assert_eq!(sig, d.signature);
            // Ours verifies under the suite's key, and a changed string to sign does not.
            let ours = Signature::from_hex(&sig).unwrap();
            assert!(
                suite_key.verify(d.string_to_sign.as_bytes(), &ours),
                "{} [{variant}] our signature",
                case.name
            );
            assert!(!suite_key.verify(format!("{}0", d.string_to_sign).as_bytes(), &ours));
            checks += 1;
            for theirs in exp["signatures"].as_array().unwrap() {
                let theirs = Signature::from_hex(s(theirs)).unwrap();
                assert!(
                    suite_key.verify(want_sts.as_bytes(), &theirs),
                    "{} [{variant}] suite signature",
                    case.name
                );
                checks += 1;
            }
            // The signed request has the suite's shape (its signature aside: ECDSA is randomized).
            let (method, url, headers) = text_check;
            let strip = |t: &str| -> String {
                t.split_inclusive('\n')
                    .map(|line| match line.split_once("Signature=") {
                        Some((head, _)) if !line.contains("X-Amz-Signature=") => {
                            format!("{head}Signature=\n")
                        }
                        _ => line.to_string(),
                    })
                    .collect()
            };
            let ours_url = url
                .rsplit_once("&X-Amz-Signature=")
                .map(|(u, _)| format!("{u}&X-Amz-Signature=x"))
                .unwrap_or(url.clone());
            let theirs_text = s(&exp["signed_request"]);
            let theirs_text = match theirs_text.split_once("X-Amz-Signature=") {
                Some((a, b)) => format!("{a}X-Amz-Signature=x{}", &b[b.find(' ').unwrap()..]),
                None => strip(theirs_text),
            };
            let headers: Vec<(String, String)> = headers
                .into_iter()
                .map(|(n, v)| match v.split_once("Signature=") {
                    Some((head, _)) if n == "authorization" => (n, format!("{head}Signature=")),
                    _ => (n, v),
                })
                .collect();
            assert_signed_request(
                method.as_str(),
                &ours_url,
                &headers,
                &theirs_text,
                case.name,
                variant,
            );
            checks += 1;
            variants += 1;
        }
    }
    assert_eq!(keys.len(), 1, "every case uses one access key pair");
    eprintln!("aws-sigv4a-suite: {variants} variants, {checks} values checked");
    assert_eq!(variants, 76);
}

/// S3 Express One Zone against botocore (`vectors/botocore-s3express.json`, recorded offline by
/// `vectors/gen_botocore_express.py`): the signed CreateSession request, the session credentials
/// read from its response, presigned GET/PUT URLs byte for byte, and header-signed requests with
/// `x-amz-s3session-token`, all as botocore made them.
#[test]
fn botocore_s3_express() {
    use presign::s3::express::{create_session, parse_create_session_response, SessionMode};
    use presign::s3::Bucket;
    let doc = load("botocore-s3express.json");
    assert!(doc["license"].as_str().is_some());
    let mut kinds = BTreeMap::new();
    for v in doc["cases"].as_array().unwrap() {
        let name = s(&v["name"]);
        let time = Timestamp::parse_rfc3339(s(&v["time"])).unwrap();
        let a = &v["account_credentials"];
        let mut account =
            Credentials::new(s(&a["access_key_id"]), s(&a["secret_access_key"])).unwrap();
        if let Some(t) = a["session_token"].as_str() {
            account = account.with_session_token(t).unwrap();
        }
        let bucket = Bucket::directory(s(&v["bucket"]), s(&v["region"])).unwrap();
        let cs = &v["create_session"];
        let mode = match v["params"]["SessionMode"].as_str() {
            Some("ReadOnly") => SessionMode::ReadOnly,
            None => SessionMode::ReadWrite,
            Some(other) => panic!("{other}"),
        };
        let ours = create_session(&bucket, &account, time, mode).unwrap();
        assert_eq!(ours.method, s(&cs["method"]), "{name}");
        // botocore writes `?session`, we write `?session=`: the same canonical query (`session=`).
        assert_eq!(format!("{}=", s(&cs["url"])), ours.url, "{name}");
        let header = |h: &[(String, String)], n: &str| {
            h.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone())
        };
        assert_eq!(
            header(&ours.headers, "authorization").as_deref(),
            Some(s(&cs["authorization"])),
            "{name}: CreateSession Authorization"
        );
        for pair in cs["signed_headers"].as_array().unwrap() {
            assert_eq!(
                header(&ours.headers, s(&pair[0])).as_deref(),
                Some(s(&pair[1])),
                "{name}: CreateSession header {}",
                s(&pair[0])
            );
        }
        let session = parse_create_session_response(s(&v["create_session_response"])).unwrap();
        let exp = &v["expected"];
        let kind = s(&v["kind"]);
        *kinds.entry(kind.to_string()).or_insert(0) += 1;
        match kind {
            "presign" => {
                let key = s(&v["key"]);
                let expires = v["expires_in"].as_u64().unwrap();
                let mut req = match s(&v["operation"]) {
                    "get_object" => bucket.get_object(key),
                    "put_object" => bucket.put_object(key),
                    other => panic!("{other}"),
                };
                if let Some(cd) = v["params"]["ResponseContentDisposition"].as_str() {
                    req = req.response_content_disposition(cd);
                }
                if let Some(ct) = v["params"]["ContentType"].as_str() {
                    req = req.content_type(ct);
                }
                let (p, d) = req.presign_with_details(&session, time, expires).unwrap();
                assert_eq!(p.url, s(&exp["url"]), "{name}: URL");
                assert_eq!(d.canonical_request, s(&exp["canonical_request"]), "{name}");
            }
            "header" => {
                let (host, path, _) = url_parts(s(&exp["url"]));
                let mine = [
                    "x-amz-date",
                    "x-amz-content-sha256",
                    "x-amz-s3session-token",
                ];
                let extra: Vec<(&str, &str)> = exp["signed_headers"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| (s(&p[0]), s(&p[1])))
                    .filter(|(n, _)| !mine.contains(n))
                    .collect();
                let mut req = Request::new(s(&exp["method"]), host, path);
                req.headers = extra;
                let mut params = SigningParams::new(&session, s(&v["region"]), "s3express", time);
                params.session_token = SessionToken::S3Session;
                params.content_sha256_header = true;
                let (signed, d) = sigv4::sign_with_details(&req, &params).unwrap();
                assert_eq!(d.canonical_request, s(&exp["canonical_request"]), "{name}");
                assert_eq!(
                    header(&signed.headers, "authorization").as_deref(),
                    Some(s(&exp["authorization"])),
                    "{name}: Authorization"
                );
                assert_eq!(
                    header(&signed.headers, "x-amz-s3session-token").as_deref(),
                    session.session_token()
                );
            }
            "create_session" => assert!(exp.is_null()),
            other => panic!("kind {other}"),
        }
    }
    eprintln!("botocore-s3express: {kinds:?}");
    assert_eq!(kinds.values().sum::<usize>(), 23);
}
