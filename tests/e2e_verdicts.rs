//! Our verifier against a real server: the same requests go to s3s-fs 0.14.1 (over HTTP, on
//! 127.0.0.1) and through `presign::verify::Verifier`, and the two verdicts must agree. Where the
//! server accepts, we accept; where it refuses, we refuse with the same S3 error code and status,
//! except for the differences listed in [`KNOWN_DIFFERENCES`], each with its reason.
//!
//! One server, one table. Every request is built here exactly as it is sent (method, `Host`,
//! path and query as sent, headers, body) and the verifier gets those very bytes, plus the
//! headers the tiny HTTP client adds itself (`Content-Length` for PUT, `Connection: close`).
//! The verifier runs with the real current time, region `us-east-1`, service `s3`, and a lookup
//! that knows only the server's access key.
//!
//! Each case also names the verdict it is built to get from our verifier, so that a case cannot
//! silently test something else (a "tampered signature" refused because it expired, say).
//! Accepted requests target objects that exist (a 404 fails the test as a set-up bug), and the
//! requests that write or delete use their own keys.
//!
//! `cargo test --test e2e_verdicts -- --nocapture` prints the whole table.

#[path = "common/oracle.rs"]
mod oracle;
#[path = "common/s3s.rs"]
mod s3s;

use presign::s3::{AddressingStyle, Bucket, Endpoint};
use presign::verify::{Request, Verifier};
use presign::{sigv4, Credentials, Payload, Timestamp};
use s3s::S3sServer;
use std::time::SystemTime;

const BUCKET: &str = "bkt";
const REGION: &str = "us-east-1";

/// The requests where s3s-fs and our verifier are known to answer differently, as
/// (case, s3s-fs's verdict, our verdict, why). A verdict is `"<status> <code>"` as printed in the
/// table, or `"accept"`. Entries must match exactly, and an entry whose case agrees is an error
/// too (a stale entry hides nothing but must go).
const KNOWN_DIFFERENCES: &[(&str, &str, &str, &str)] = &[
    (
        "unknown access key",
        "403 NotSignedUp",
        "403 InvalidAccessKeyId",
        "s3s-fs's SimpleAuth answers NotSignedUp for a key it does not know; AWS S3 answers \
         403 InvalidAccessKeyId (\"The AWS Access Key Id you provided does not exist in our \
         records\"), which is what we report.",
    ),
    (
        "X-Amz-Expires=604801 (re-signed)",
        "accept",
        "400 AuthorizationQueryParametersError",
        "s3s-fs reads X-Amz-Expires as any u32 and never checks the 7-day bound; AWS S3 refuses \
         it with 400 AuthorizationQueryParametersError (\"X-Amz-Expires must be less than a week \
         (in seconds) that is 604800\"). The signature is right, only the bound is wrong.",
    ),
    (
        "duplicate X-Amz-Date",
        "400 InvalidRequest",
        "400 AuthorizationQueryParametersError",
        "s3s-fs looks the X-Amz-* parameters up with get_unique, so a repeated one makes its \
         parse fail and it answers a generic 400 InvalidRequest (\"missing presigned url v4 \
         fields\"); AWS S3 classes every bad query-auth parameter as 400 \
         AuthorizationQueryParametersError. Same status, same refusal, S3's code.",
    ),
    (
        "missing X-Amz-Signature",
        "403 AccessDenied",
        "400 AuthorizationQueryParametersError",
        "s3s-fs only enters query authentication when X-Amz-Signature is present; without it the \
         request is anonymous and its access check denies it (403 AccessDenied). AWS S3 sees \
         X-Amz-Algorithm and answers 400 AuthorizationQueryParametersError (\"Query-string \
         authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, \
         X-Amz-Signature, ... parameters\"). Both refuse.",
    ),
    (
        "algorithm changed",
        "501 NotImplemented",
        "400 AuthorizationQueryParametersError",
        "s3s-fs answers 501 NotImplemented (\"X-Amz-Algorithm other than AWS4-HMAC-SHA256 is not \
         implemented\"); AWS S3 answers 400 AuthorizationQueryParametersError (\"X-Amz-Algorithm \
         only supports AWS4-HMAC-SHA256\"). Both refuse before the signature.",
    ),
    (
        "scope date is not the X-Amz-Date day (re-signed)",
        "403 SignatureDoesNotMatch",
        "400 AuthorizationQueryParametersError",
        "s3s-fs checks the scope date against X-Amz-Date but reports it as SignatureDoesNotMatch; \
         AWS S3 answers 400 AuthorizationQueryParametersError (\"Invalid credential date. Date is \
         not the same as X-Amz-Date.\"). The request is re-signed consistently with the scope \
         date, so only the date rule refuses it.",
    ),
    (
        "unsigned x-amz-meta-* header added",
        "accept",
        "403 AccessDenied",
        "s3s-fs computes the signature over the signed headers only and ignores the others (see \
         tests/e2e_s3s.rs); AWS S3 requires every x-amz-* header of a presigned request to be \
         signed and answers 403 AccessDenied (\"There were headers present in the request which \
         were not signed\"), and so do we.",
    ),
];

fn now() -> Timestamp {
    Timestamp::try_from(SystemTime::now()).expect("the clock is after 1970")
}

fn at(t: Timestamp, delta: i64) -> Timestamp {
    Timestamp::from_unix(t.unix() + delta).unwrap()
}

fn creds() -> Credentials {
    Credentials::new(s3s::ACCESS_KEY, s3s::SECRET_KEY).unwrap()
}

/// One request as it goes on the wire.
struct Case {
    name: &'static str,
    method: &'static str,
    /// The `Host` header.
    host: String,
    /// The request target: path and query exactly as sent.
    target: String,
    /// The headers the case sends (the client adds `Host`, `Content-Length`, `Connection`).
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    /// The verdict the case is built to get from our verifier: `None` accepted, or the S3 code.
    intent: Option<&'static str>,
}

impl Case {
    fn new(
        name: &'static str,
        method: &'static str,
        url: &str,
        intent: Option<&'static str>,
    ) -> Case {
        let (host, target) = s3s::http::split_url(url);
        Case {
            name,
            method,
            host: host.to_string(),
            target: target.to_string(),
            headers: Vec::new(),
            body: Vec::new(),
            intent,
        }
    }

    /// The request of a presigned URL, with the headers it says to send.
    fn presigned(name: &'static str, p: &presign::Presigned, intent: Option<&'static str>) -> Case {
        let method = match p.method.as_str() {
            "GET" => "GET",
            "HEAD" => "HEAD",
            "PUT" => "PUT",
            "DELETE" => "DELETE",
            other => panic!("unexpected method {other}"),
        };
        let mut c = Case::new(name, method, &p.url, intent);
        c.headers = p.headers.clone();
        if method == "PUT" {
            c.body = format!("body of {name}").into_bytes();
        }
        c
    }

    /// Another method; the body goes unless it is a PUT.
    fn method(mut self, method: &'static str) -> Case {
        self.method = method;
        if method != "PUT" {
            self.body.clear();
        }
        self
    }

    fn host(mut self, host: String) -> Case {
        self.host = host;
        self
    }

    fn headers(mut self, headers: &[(&str, &str)]) -> Case {
        self.headers = headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        self
    }

    /// Every header the server receives: `Host`, the case's, and what the client adds.
    fn wire_headers(&self) -> Vec<(&str, String)> {
        let mut h: Vec<(&str, String)> = vec![("Host", self.host.clone())];
        h.extend(self.headers.iter().map(|(n, v)| (n.as_str(), v.clone())));
        let has_length = self
            .headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("content-length"));
        if !has_length && (!self.body.is_empty() || self.method == "PUT" || self.method == "POST") {
            h.push(("Content-Length", self.body.len().to_string()));
        }
        h.push(("Connection", "close".to_string()));
        h
    }
}

/// A verdict cell of the table: `accept` or `<status> <code>`.
fn server_verdict(case: &Case, r: &s3s::http::Response) -> String {
    if (200..300).contains(&r.status) {
        return "accept".to_string();
    }
    assert_ne!(
        r.status,
        404,
        "{}: 404 means the object is missing, a set-up bug: {}",
        case.name,
        r.text()
    );
    match r.error_code() {
        Some(code) => format!("{} {code}", r.status),
        None => format!("{} (no error body)", r.status),
    }
}

/// Runs our verifier on exactly what was sent: (verdict cell, rejection variant).
fn our_verdict(case: &Case) -> (String, String) {
    let wire = case.wire_headers();
    let (path, query) = case
        .target
        .split_once('?')
        .unwrap_or((case.target.as_str(), ""));
    let body_hash = oracle::sha256_hex(&case.body);
    let request = Request::new(case.method, &case.host, path, query)
        .headers(wire.iter().map(|(n, v)| (*n, v.as_str())))
        .payload_hash(&body_hash);
    let verifier = Verifier::new(now()).region(REGION).service("s3");
    let lookup =
        |akid: &str, _token: Option<&str>| (akid == s3s::ACCESS_KEY).then_some(s3s::SECRET_KEY);
    match verifier.verify(&request, lookup) {
        Ok(_) => ("accept".to_string(), String::new()),
        Err(e) => {
            let debug = format!("{e:?}");
            let variant = debug
                .split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap_or_default()
                .to_string();
            (format!("{} {}", e.http_status(), e.s3_code()), variant)
        }
    }
}

fn param<'u>(url: &'u str, name: &str) -> &'u str {
    let query = url.split_once('?').unwrap().1;
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix(name).and_then(|r| r.strip_prefix('=')))
        .unwrap_or_else(|| panic!("{name} not in {url}"))
}

/// Replaces the value of query parameter `name` (as it appears, encoded).
fn with_param(url: &str, name: &str, encoded_value: &str) -> String {
    let (base, query) = url.split_once('?').unwrap();
    let _ = param(url, name);
    let params: Vec<String> = query
        .split('&')
        .map(|kv| match kv.split_once('=') {
            Some((k, _)) if k == name => format!("{k}={encoded_value}"),
            _ => kv.to_string(),
        })
        .collect();
    format!("{base}?{}", params.join("&"))
}

fn without_param(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').unwrap();
    let _ = param(url, name);
    let params: Vec<&str> = query
        .split('&')
        .filter(|kv| !kv.starts_with(&format!("{name}=")))
        .collect();
    format!("{base}?{}", params.join("&"))
}

/// A presigned GET written and signed here, independently of the library's presigner, so that
/// the library's own rules (X-Amz-Expires ≤ 604800, the scope date = the signing day) can be
/// broken while the signature stays right. Only `host` is signed; the path must need no
/// encoding. `scope_date` is the credential date (`YYYYMMDD`), `amz_date` the `X-Amz-Date`.
fn hand_signed_get(
    host: &str,
    path: &str,
    secret: &str,
    scope_date: &str,
    amz_date: &str,
    expires: u64,
) -> String {
    assert!(path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/-._~".contains(&b)));
    let scope = format!("{scope_date}/{REGION}/s3/aws4_request");
    let credential = format!("{}/{scope}", s3s::ACCESS_KEY).replace('/', "%2F");
    // Already in canonical order (sorted by name).
    let query = format!(
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={credential}&X-Amz-Date={amz_date}\
         &X-Amz-Expires={expires}&X-Amz-SignedHeaders=host"
    );
    let canonical_request = format!("GET\n{path}\n{query}\nhost:{host}\n\nhost\nUNSIGNED-PAYLOAD");
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{}",
        oracle::sha256_hex(canonical_request.as_bytes())
    );
    let signature = oracle::sign_hex(secret, scope_date, REGION, "s3", &string_to_sign);
    format!("http://{host}{path}?{query}&X-Amz-Signature={signature}")
}

/// The digit at `i` of a hex signature, changed.
fn flip(sig: &str, i: usize) -> String {
    let mut s = sig.as_bytes().to_vec();
    s[i] = if s[i] == b'0' { b'1' } else { b'0' };
    String::from_utf8(s).unwrap()
}

#[test]
fn verifier_agrees_with_s3s_fs() {
    let Some(server) = S3sServer::start_or_skip(&[BUCKET]) else {
        return;
    };
    let port = server.port();
    let path = Bucket::new(
        Endpoint::custom(&server.endpoint_url(), REGION).unwrap(),
        BUCKET,
    )
    .unwrap();
    let vhost = Bucket::new(
        Endpoint::custom(&server.localhost_url(), REGION)
            .unwrap()
            .addressing(AddressingStyle::VirtualHosted),
        BUCKET,
    )
    .unwrap();
    assert_eq!(path.host(), format!("127.0.0.1:{port}"));
    assert_eq!(vhost.host(), format!("{BUCKET}.localhost:{port}"));
    let c = creds();
    let t0 = now();

    // Set-up: the objects the cases read, each uploaded through a presigned PUT.
    for key in ["obj.txt", "other.txt", "del-path.txt", "del-vhost.txt"] {
        let p = path.put_object(key).presign(&c, t0, 300).unwrap();
        let (host, target) = s3s::http::split_url(&p.url);
        let r = server.request("PUT", host, target, &[], key.as_bytes());
        assert_eq!(r.status, 200, "set-up PUT {key}: {}", r.text());
    }

    let sdnm = Some("SignatureDoesNotMatch");
    let aqpe = Some("AuthorizationQueryParametersError");
    let get = path.get_object("obj.txt").presign(&c, t0, 300).unwrap();
    let get_v = vhost.get_object("obj.txt").presign(&c, t0, 300).unwrap();
    let sig = param(&get.url, "X-Amz-Signature").to_string();
    let amz_date = param(&get.url, "X-Amz-Date").to_string();
    let put_meta = vhost
        .put_object("put-meta.txt")
        .content_type("text/plain")
        .metadata("owner", "alice")
        .presign(&c, t0, 300)
        .unwrap();
    let put_meta_sent = [
        ("content-type", "text/plain"),
        ("x-amz-meta-owner", "alice"),
    ];
    let get_query = vhost
        .get_object("obj.txt")
        .response_content_type("text/plain")
        .presign(&c, t0, 300)
        .unwrap();
    let stranger = Credentials::new("AKIDUNKNOWNKEY000000", s3s::SECRET_KEY).unwrap();
    let wrong_secret =
        Credentials::new(s3s::ACCESS_KEY, "not-the-secret-key/0123456789abcdefghijk").unwrap();

    // The hand signer, checked against the library on an ordinary URL first: same signature.
    let obj_path = format!("/{BUCKET}/obj.txt");
    let day = &amz_date[..8];
    let hand = hand_signed_get(path.host(), &obj_path, s3s::SECRET_KEY, day, &amz_date, 300);
    assert_eq!(
        param(&hand, "X-Amz-Signature"),
        sig,
        "the hand signer must sign as the library does:\n{hand}\n{}",
        get.url
    );
    // A day that is not X-Amz-Date's (the day before).
    let other_day = at(t0, -86_400).amz_date().date().to_string();

    // X-Amz-Date moved by one second, staying on the same day.
    let moved = if at(t0, 1).day() == t0.day() {
        at(t0, 1)
    } else {
        at(t0, -1)
    };

    // Header authentication: Authorization header, x-amz-date, x-amz-content-sha256.
    let header_signed = |time: Timestamp| {
        let req = sigv4::Request::new("GET", path.host(), &obj_path)
            .scheme("http")
            .payload(Payload::Empty);
        let mut params = sigv4::SigningParams::new(&c, REGION, "s3", time);
        params.content_sha256_header = true;
        sigv4::sign(&req, &params).unwrap()
    };
    let header_case = |name: &'static str, s: &sigv4::Signed, auth: &str, intent| {
        let mut case = Case::new(name, "GET", &s.url, intent);
        case.headers = s
            .headers
            .iter()
            .map(|(n, v)| {
                let v = if n == "authorization" {
                    auth.to_string()
                } else {
                    v.clone()
                };
                (n.clone(), v)
            })
            .collect();
        case
    };
    let signed = header_signed(t0);
    let authorization = signed
        .headers
        .iter()
        .find(|(n, _)| n == "authorization")
        .map(|(_, v)| v.clone())
        .unwrap();
    let signed_old = header_signed(at(t0, -3600));
    let authorization_old = signed_old
        .headers
        .iter()
        .find(|(n, _)| n == "authorization")
        .map(|(_, v)| v.clone())
        .unwrap();

    let cases = vec![
        // Valid requests.
        Case::presigned("GET path-style", &get, None),
        Case::presigned("GET virtual-hosted", &get_v, None),
        Case::presigned(
            "HEAD path-style",
            &path.head_object("obj.txt").presign(&c, t0, 300).unwrap(),
            None,
        ),
        Case::presigned(
            "HEAD virtual-hosted",
            &vhost.head_object("obj.txt").presign(&c, t0, 300).unwrap(),
            None,
        ),
        Case::presigned(
            "PUT path-style",
            &path
                .put_object("put-path.txt")
                .presign(&c, t0, 300)
                .unwrap(),
            None,
        ),
        Case::presigned(
            "PUT virtual-hosted",
            &vhost
                .put_object("put-vhost.txt")
                .presign(&c, t0, 300)
                .unwrap(),
            None,
        ),
        Case::presigned(
            "DELETE path-style",
            &path
                .delete_object("del-path.txt")
                .presign(&c, t0, 300)
                .unwrap(),
            None,
        ),
        Case::presigned(
            "DELETE virtual-hosted",
            &vhost
                .delete_object("del-vhost.txt")
                .presign(&c, t0, 300)
                .unwrap(),
            None,
        ),
        Case::presigned("PUT signed content-type + x-amz-meta", &put_meta, None)
            .headers(&put_meta_sent),
        Case::presigned("GET signed response-content-type", &get_query, None),
        Case::presigned(
            "GET signed 5 min in the future (within skew)",
            &path
                .get_object("obj.txt")
                .presign(&c, at(t0, 300), 3600)
                .unwrap(),
            None,
        ),
        Case::new(
            "GET hand-signed, X-Amz-Expires=604800",
            "GET",
            &hand_signed_get(
                path.host(),
                &obj_path,
                s3s::SECRET_KEY,
                day,
                &amz_date,
                604_800,
            ),
            None,
        ),
        header_case("header auth GET", &signed, &authorization, None),
        // Headers.
        Case::presigned("signed header missing (x-amz-meta-owner)", &put_meta, sdnm)
            .headers(&[("content-type", "text/plain")]),
        Case::presigned("signed header changed (content-type)", &put_meta, sdnm)
            .headers(&[("content-type", "text/html"), ("x-amz-meta-owner", "alice")]),
        Case::presigned(
            "unsigned x-amz-meta-* header added",
            &vhost
                .put_object("put-unsigned-meta.txt")
                .presign(&c, t0, 300)
                .unwrap(),
            Some("AccessDenied"),
        )
        .headers(&[("x-amz-meta-extra", "unsigned")]),
        // Signature, path, method, host.
        Case::new(
            "tampered signature",
            "GET",
            &with_param(&get.url, "X-Amz-Signature", &flip(&sig, 63)),
            sdnm,
        ),
        Case::new(
            "other key in the path",
            "GET",
            &get.url.replacen("/obj.txt?", "/other.txt?", 1),
            sdnm,
        ),
        Case::presigned(
            "other method (PUT URL used with GET)",
            &path.put_object("obj.txt").presign(&c, t0, 300).unwrap(),
            sdnm,
        )
        .method("GET"),
        Case::presigned("other Host (localhost:PORT)", &get, sdnm)
            .host(format!("localhost:{port}")),
        // Time.
        Case::presigned(
            "expired (signed 2 h ago, 60 s)",
            &path
                .get_object("obj.txt")
                .presign(&c, at(t0, -7200), 60)
                .unwrap(),
            Some("AccessDenied"),
        ),
        Case::presigned(
            "signed 1 h in the future (beyond skew)",
            &path
                .get_object("obj.txt")
                .presign(&c, at(t0, 3600), 3600)
                .unwrap(),
            Some("RequestTimeTooSkewed"),
        ),
        // Credentials.
        Case::presigned(
            "unknown access key",
            &path
                .get_object("obj.txt")
                .presign(&stranger, t0, 300)
                .unwrap(),
            Some("InvalidAccessKeyId"),
        ),
        Case::presigned(
            "wrong secret",
            &path
                .get_object("obj.txt")
                .presign(&wrong_secret, t0, 300)
                .unwrap(),
            sdnm,
        ),
        // Query.
        Case::new(
            "query value changed (response-content-type)",
            "GET",
            &with_param(&get_query.url, "response-content-type", "text%2Fhtml"),
            sdnm,
        ),
        Case::new(
            "unsigned query parameter added",
            "GET",
            &format!("{}&response-content-disposition=attachment", get.url),
            sdnm,
        ),
        Case::new(
            "X-Amz-Expires changed (300 -> 600)",
            "GET",
            &with_param(&get.url, "X-Amz-Expires", "600"),
            sdnm,
        ),
        Case::new(
            "X-Amz-Date changed (1 s)",
            "GET",
            &with_param(&get.url, "X-Amz-Date", moved.amz_date().as_str()),
            sdnm,
        ),
        Case::new(
            "X-Amz-Expires=604801 (re-signed)",
            "GET",
            &hand_signed_get(
                path.host(),
                &obj_path,
                s3s::SECRET_KEY,
                day,
                &amz_date,
                604_801,
            ),
            aqpe,
        ),
        Case::new(
            "duplicate X-Amz-Date",
            "GET",
            &format!("{}&X-Amz-Date={amz_date}", get.url),
            aqpe,
        ),
        Case::new(
            "missing X-Amz-Signature",
            "GET",
            &without_param(&get.url, "X-Amz-Signature"),
            aqpe,
        ),
        Case::new(
            "algorithm changed",
            "GET",
            &with_param(&get.url, "X-Amz-Algorithm", "AWS4-HMAC-SHA512"),
            aqpe,
        ),
        Case::new(
            "scope date is not the X-Amz-Date day (re-signed)",
            "GET",
            &hand_signed_get(
                path.host(),
                &obj_path,
                s3s::SECRET_KEY,
                &other_day,
                &amz_date,
                300,
            ),
            aqpe,
        ),
        // Header authentication.
        header_case(
            "header auth GET, tampered signature",
            &signed,
            &authorization.replace(&signed.signature, &flip(&signed.signature, 0)),
            sdnm,
        ),
        header_case(
            "header auth GET signed 1 h ago",
            &signed_old,
            &authorization_old,
            Some("RequestTimeTooSkewed"),
        ),
    ];

    let mut rows = Vec::new();
    let mut failures = Vec::new();
    let mut used = vec![false; KNOWN_DIFFERENCES.len()];
    for case in &cases {
        assert!(
            case.headers
                .iter()
                .all(|(n, _)| !n.eq_ignore_ascii_case("host")),
            "{}",
            case.name
        );
        let headers: Vec<(&str, &str)> = case
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let response = server.request(case.method, &case.host, &case.target, &headers, &case.body);
        let theirs = server_verdict(case, &response);
        let (ours, variant) = our_verdict(case);

        let intended = match case.intent {
            None => ours == "accept",
            Some(code) => ours.split_once(' ').is_some_and(|(_, c)| c == code),
        };
        if !intended {
            failures.push(format!(
                "{}: built to get {:?} from our verifier, got {ours} ({variant})",
                case.name,
                case.intent.unwrap_or("accept")
            ));
        }
        let known = KNOWN_DIFFERENCES
            .iter()
            .position(|(name, _, _, _)| *name == case.name);
        let note = if theirs == ours {
            if known.is_some() {
                failures.push(format!(
                    "{}: both say {ours}, but KNOWN_DIFFERENCES has an entry for it: remove it",
                    case.name
                ));
            }
            "agree"
        } else {
            match known {
                Some(i) if KNOWN_DIFFERENCES[i].1 == theirs && KNOWN_DIFFERENCES[i].2 == ours => {
                    used[i] = true;
                    "known difference"
                }
                _ => {
                    failures.push(format!(
                        "{}: s3s-fs says {theirs}, we say {ours} ({variant}); s3s-fs message: {:?}; sent {} http://{}{}",
                        case.name,
                        response.error_message(),
                        case.method,
                        case.host,
                        case.target
                    ));
                    "DISAGREE"
                }
            }
        };
        rows.push((case.name, theirs, format!("{ours} {variant}"), note));
    }
    for (i, (name, _, _, _)) in KNOWN_DIFFERENCES.iter().enumerate() {
        if !used[i] && cases.iter().all(|c| c.name != *name) {
            failures.push(format!(
                "KNOWN_DIFFERENCES names {name:?}, which is not a case"
            ));
        }
    }

    let w0 = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    let w1 = rows.iter().map(|r| r.1.len()).max().unwrap_or(0);
    let w2 = rows.iter().map(|r| r.2.len()).max().unwrap_or(0);
    eprintln!(
        "\n{:<w0$}  {:<w1$}  {:<w2$}  verdicts",
        "case", "s3s-fs 0.14.1", "presign::verify"
    );
    for (name, theirs, ours, note) in &rows {
        eprintln!("{name:<w0$}  {theirs:<w1$}  {ours:<w2$}  {note}");
    }
    eprintln!("\nknown differences:");
    for (name, theirs, ours, why) in KNOWN_DIFFERENCES {
        eprintln!("- {name}: s3s-fs {theirs}, ours {ours}.\n  {why}");
    }
    eprintln!();
    assert!(
        cases.len() >= 30,
        "the table should have about 30 cases, it has {}",
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
