//! Feature `http`: signing an `http::Request` in place, method conversions, header maps.
#![cfg(feature = "http")]

#[path = "common/oracle.rs"]
mod oracle;

use presign::sigv4::{self, Payload, SigningParams};
use presign::verify::{Request as Received, Verifier};
use presign::{Credentials, Error, Method, Timestamp};

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

fn creds() -> Credentials {
    Credentials::new("AKIDEXAMPLE", SECRET).unwrap()
}

fn t0() -> Timestamp {
    Timestamp::parse_amz_date("20150830T123600Z").unwrap()
}

/// What arrived, as a server sees the signed `http::Request`.
fn verify(
    req: &http::Request<()>,
    host: &str,
    service: &str,
    payload_hash: Option<&str>,
) -> Result<(), String> {
    let path_and_query = req.uri().path_and_query().unwrap().as_str();
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let mut received = Received::new(req.method().as_str(), host, path, query);
    for (n, v) in req.headers() {
        received = received.header(n.as_str(), v.to_str().unwrap());
    }
    received.payload_hash = payload_hash;
    Verifier::new(t0())
        .region("us-east-1")
        .service(service)
        .verify(&received, |_: &str, _: Option<&str>| Some(SECRET))
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[test]
fn signs_like_sigv4_sign_and_verifies() {
    let c = creds();
    let params = SigningParams::new(&c, "us-east-1", "service", t0());
    let mut req = http::Request::post("https://example.amazonaws.com/a/b?z=1&a=x%20y")
        .header("content-type", "application/json")
        .header("x-custom", "v")
        .body(())
        .unwrap();
    let signed = sigv4::sign_http_request(&mut req, Payload::Bytes(b"{}"), &params).unwrap();
    let plain = sigv4::Request::new("POST", "example.amazonaws.com", "/a/b")
        .query("z", "1")
        .query("a", "x y")
        .header("content-type", "application/json")
        .header("x-custom", "v")
        .payload(Payload::Bytes(b"{}"));
    assert_eq!(signed, sigv4::sign(&plain, &params).unwrap());
    assert_eq!(req.uri(), signed.url.as_str());
    for (n, v) in &signed.headers {
        assert_eq!(req.headers()[n.as_str()], v.as_str(), "{n}");
    }
    assert_eq!(req.headers().len(), signed.headers.len());
    let body_hash = oracle::sha256_hex(b"{}");
    verify(&req, "example.amazonaws.com", "service", Some(&body_hash)).unwrap();
    // Changing a signed header after signing breaks it.
    req.headers_mut()
        .insert("x-custom", http::HeaderValue::from_static("w"));
    assert!(verify(&req, "example.amazonaws.com", "service", Some(&body_hash)).is_err());
}

#[test]
fn origin_form_uses_the_host_header_and_the_query_is_reencoded() {
    let c = creds();
    let mut params = SigningParams::new(&c, "us-east-1", "s3", t0());
    params.content_sha256_header = true;
    let mut req = http::Request::get("/key?prefix=a+b&x=%7e")
        .header("host", "bucket.s3.amazonaws.com")
        .body(())
        .unwrap();
    let signed = sigv4::sign_http_request(&mut req, Payload::Unsigned, &params).unwrap();
    // Origin form stays origin form; `+` is a literal plus, `%7e` an encoded `~`.
    assert_eq!(req.uri(), "/key?prefix=a%2Bb&x=~");
    assert!(signed
        .url
        .starts_with("https://bucket.s3.amazonaws.com/key?"));
    assert_eq!(req.headers()["x-amz-content-sha256"], "UNSIGNED-PAYLOAD");
    assert_eq!(req.headers()["host"], "bucket.s3.amazonaws.com");
    verify(&req, "bucket.s3.amazonaws.com", "s3", None).unwrap();
}

#[test]
fn refusals() {
    let c = creds().with_session_token("TOKEN").unwrap();
    let params = SigningParams::new(&c, "us-east-1", "service", t0());
    let mut no_host = http::Request::get("/").body(()).unwrap();
    assert!(matches!(
        sigv4::sign_http_request(&mut no_host, Payload::Empty, &params),
        Err(Error::InvalidHost { .. })
    ));
    let mut binary = http::Request::get("https://h.example/")
        .header("x-bin", http::HeaderValue::from_bytes(b"\xff").unwrap())
        .body(())
        .unwrap();
    assert!(matches!(
        sigv4::sign_http_request(&mut binary, Payload::Empty, &params),
        Err(Error::InvalidHeaderValue { .. })
    ));
    let mut lower = http::Request::builder()
        .method(http::Method::from_bytes(b"propfind").unwrap())
        .uri("https://h.example/")
        .body(())
        .unwrap();
    assert!(matches!(
        sigv4::sign_http_request(&mut lower, Payload::Empty, &params),
        Err(Error::InvalidMethod { .. })
    ));
    // Headers the signer sets are refused, and the request is left as it was.
    let mut date = http::Request::get("https://h.example/")
        .header("x-amz-date", "x")
        .body(())
        .unwrap();
    assert!(matches!(
        sigv4::sign_http_request(&mut date, Payload::Empty, &params),
        Err(Error::ReservedHeader { .. })
    ));
    assert_eq!(date.headers().len(), 1);
    // With a token: it is added, signed.
    let mut ok = http::Request::get("https://h.example/").body(()).unwrap();
    sigv4::sign_http_request(&mut ok, Payload::Empty, &params).unwrap();
    assert_eq!(ok.headers()["x-amz-security-token"], "TOKEN");
}

#[test]
fn methods_convert_both_ways() {
    for (ours, theirs) in [
        (Method::GET, http::Method::GET),
        (Method::PUT, http::Method::PUT),
        (Method::POST, http::Method::POST),
        (Method::HEAD, http::Method::HEAD),
        (Method::DELETE, http::Method::DELETE),
        (Method::PATCH, http::Method::PATCH),
        (Method::OPTIONS, http::Method::OPTIONS),
    ] {
        assert_eq!(http::Method::from(&ours), theirs);
        assert_eq!(Method::try_from(&theirs).unwrap(), ours);
    }
    let ext = Method::new("PROPFIND").unwrap();
    assert_eq!(http::Method::from(ext.clone()).as_str(), "PROPFIND");
    assert_eq!(
        Method::try_from(http::Method::from(ext.clone())).unwrap(),
        ext
    );
    assert_eq!(
        http::Method::from(presign::s3::Method::Head),
        http::Method::HEAD
    );
}
