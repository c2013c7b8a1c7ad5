//! The verifier (issue 4): AWS's published examples verify; every check refuses with S3's code;
//! parsing is bounded; and, on thousands of generated requests, presign-then-verify succeeds
//! while any single change to what is signed is refused with the matching reason.

use presign::s3::{AddressingStyle, Bucket, Endpoint, Method};
#[path = "common/codes.rs"]
mod codes;
#[path = "common/oracle.rs"]
mod oracle;

use oracle::EMPTY_SHA256;
use presign::sigv4::{self, Payload, SessionToken, SigningParams, UriPath};
use presign::verify::{self, AuthLocation, KeyCache, Rejection, Request, Verified, Verifier};
use presign::{Credentials, Timestamp};
use proptest::prelude::*;
use std::cell::RefCell;

const AKID: &str = "AKIAIOSFODNN7EXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

/// The canonical URI the signer writes for `path` under `rules` (line 2 of its canonical
/// request), or `None` when it refuses the path.
fn canonical_uri(path: &str, rules: UriPath) -> Option<String> {
    let c = creds();
    let mut params = SigningParams::new(&c, "us-east-1", "service", Timestamp::UNIX_EPOCH);
    params.uri_path = rules;
    let request = sigv4::Request::new("GET", "example.amazonaws.com", path);
    let (_, d) = sigv4::presign_with_details(&request, &params, 60).ok()?;
    d.canonical_request.lines().nth(1).map(str::to_owned)
}

fn creds() -> Credentials {
    Credentials::new(AKID, SECRET).unwrap()
}

fn ts(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap()
}

fn at(unix: i64) -> Timestamp {
    Timestamp::from_unix(unix).unwrap()
}

fn lookup(akid: &str, _token: Option<&str>) -> Option<&'static str> {
    (akid == AKID).then_some(SECRET)
}

const DOC_URL: &str = "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

fn doc_verify(url: &str, now: &str) -> Result<Verified, Rejection> {
    Verifier::new(ts(now)).verify(&Request::from_url("GET", url).unwrap(), lookup)
}

fn code(r: Result<Verified, Rejection>) -> &'static str {
    match r {
        Ok(v) => panic!("accepted: {v:?}"),
        Err(e) => {
            codes::assert_code_names_the_variant(&e, e.code());
            e.s3_code()
        }
    }
}

// ---- AWS's published examples (independent of our signer) ----

#[test]
fn aws_presigned_example_verifies_until_it_expires() {
    let v = doc_verify(DOC_URL, "2013-05-24T00:00:00Z").unwrap();
    assert_eq!(v.location, AuthLocation::Query);
    assert_eq!(v.access_key_id, AKID);
    assert_eq!(v.scope, "20130524/us-east-1/s3/aws4_request");
    assert_eq!((v.region.as_str(), v.service.as_str()), ("us-east-1", "s3"));
    assert_eq!(v.signed_at, ts("2013-05-24T00:00:00Z"));
    assert_eq!(v.expires_at, ts("2013-05-25T00:00:00Z"));
    assert_eq!(v.signed_headers, ["host"]);
    assert_eq!(v.payload_hash, "UNSIGNED-PAYLOAD");
    assert!(!v.session_token);
    doc_verify(DOC_URL, "2013-05-24T23:59:59Z").unwrap();
    let e = doc_verify(DOC_URL, "2013-05-25T00:00:00Z").unwrap_err();
    assert!(matches!(e, Rejection::Expired { .. }), "{e:?}");
    assert_eq!((e.s3_code(), e.http_status()), ("AccessDenied", 403));
    assert!(e.to_string().contains("Request has expired"), "{e}");
}

#[test]
fn aws_header_get_object_example_verifies() {
    // AWS S3 documentation, "Example: GET Object" (Authorization header).
    let auth = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";
    let req = Request::new("GET", "examplebucket.s3.amazonaws.com", "/test.txt", "")
        .header("Range", "bytes=0-9")
        .header("x-amz-content-sha256", EMPTY_SHA256)
        .header("x-amz-date", "20130524T000000Z")
        .header("Authorization", auth);
    let v = Verifier::new(ts("2013-05-24T00:10:00Z"))
        .region("us-east-1")
        .service("s3")
        .verify(&req, lookup)
        .unwrap();
    assert_eq!(v.location, AuthLocation::Header);
    assert_eq!(
        v.signed_headers,
        ["host", "range", "x-amz-content-sha256", "x-amz-date"]
    );
    assert_eq!(v.expires_at, ts("2013-05-24T00:15:00Z"));
    // Exactly 15 minutes after or before the request time: still in time; one second more,
    // either way: too skewed.
    for now in ["2013-05-24T00:15:00Z", "2013-05-23T23:45:00Z"] {
        Verifier::new(ts(now)).verify(&req, lookup).unwrap();
    }
    for now in ["2013-05-24T00:15:01Z", "2013-05-23T23:44:59Z"] {
        let e = Verifier::new(ts(now)).verify(&req, lookup).unwrap_err();
        assert!(
            matches!(e, Rejection::TooSkewed { max_skew: 900, .. }),
            "{now}: {e:?}"
        );
    }
    let e = Verifier::new(ts("2013-05-24T00:15:01Z"))
        .verify(&req, lookup)
        .unwrap_err();
    assert_eq!(e.s3_code(), "RequestTimeTooSkewed");
    // Another range: the signature no longer matches.
    let mut other = req.clone();
    other.headers[0].1 = "bytes=0-10";
    assert_eq!(
        code(Verifier::new(ts("2013-05-24T00:00:00Z")).verify(&other, lookup)),
        "SignatureDoesNotMatch"
    );
}

#[test]
fn aws_header_put_object_example_verifies_and_checks_the_body_hash() {
    // AWS S3 documentation, "Example: PUT Object" (with a Date header as well as x-amz-date).
    let body_hash = oracle::sha256_hex(b"Welcome to Amazon S3.");
    assert_eq!(
        body_hash,
        "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"
    );
    let auth = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd";
    let req = Request::new(
        "PUT",
        "examplebucket.s3.amazonaws.com",
        "/test$file.text",
        "",
    )
    .header("Date", "Fri, 24 May 2013 00:00:00 GMT")
    .header("x-amz-content-sha256", &body_hash)
    .header("x-amz-date", "20130524T000000Z")
    .header("x-amz-storage-class", "REDUCED_REDUNDANCY")
    .header("Authorization", auth);
    let v = Verifier::new(ts("2013-05-24T00:00:00Z"));
    v.verify(&req.clone().payload_hash(&body_hash), lookup)
        .unwrap();
    let e = v
        .verify(&req.clone().payload_hash(EMPTY_SHA256), lookup)
        .unwrap_err();
    assert_eq!(e, Rejection::ContentSha256Mismatch);
    assert_eq!(e.s3_code(), "XAmzContentSHA256Mismatch");
    // `$` sent encoded decodes to the same key: S3 rules decode then encode once.
    let mut enc = req.clone();
    enc.path = "/test%24file.text";
    v.verify(&enc, lookup).unwrap();
}

// ---- every check, with S3's code ----

fn with_query(url: &str, from: &str, to: &str) -> String {
    assert!(url.contains(from), "{url} has no {from}");
    url.replacen(from, to, 1)
}

#[test]
fn query_parameter_errors_map_to_authorization_query_parameters_error() {
    let now = "2013-05-24T00:00:00Z";
    let cases = [
        ("X-Amz-Expires=86400", "X-Amz-Expires=0"),
        ("X-Amz-Expires=86400", "X-Amz-Expires=604801"),
        ("X-Amz-Expires=86400", "X-Amz-Expires=-1"),
        ("X-Amz-Expires=86400", "X-Amz-Expires=1e3"),
        (
            "X-Amz-Algorithm=AWS4-HMAC-SHA256",
            "X-Amz-Algorithm=AWS4-HMAC-SHA1",
        ),
        (
            "X-Amz-Date=20130524T000000Z",
            "X-Amz-Date=2013-05-24T00:00:00Z",
        ),
        ("X-Amz-Date=20130524T000000Z", "X-Amz-Date=20130525T000000Z"),
        ("%2Faws4_request", "%2Faws4_requestx"),
        ("X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders=Host"),
        ("&X-Amz-Date=20130524T000000Z", ""),
        (
            "&X-Amz-Date=20130524T000000Z",
            "&X-Amz-Date=20130524T000000Z&X-Amz-Date=20130524T000000Z",
        ),
        ("&X-Amz-Signature=", "&X-Amz-Signature=00&X-Amz-Signature="),
    ];
    for (from, to) in cases {
        let url = with_query(DOC_URL, from, to);
        let e = doc_verify(&url, now).unwrap_err();
        assert_eq!(
            e.s3_code(),
            "AuthorizationQueryParametersError",
            "{to}: {e:?}"
        );
        assert_eq!(e.http_status(), 400);
    }
    let e = doc_verify(
        &with_query(
            DOC_URL,
            "X-Amz-Date=20130524T000000Z",
            "X-Amz-Date=20130525T000000Z",
        ),
        now,
    )
    .unwrap_err();
    assert!(
        matches!(e, Rejection::ScopeDateMismatch { ref scope_date, .. } if scope_date == "20130524"),
        "{e:?}"
    );
    let e = doc_verify(
        &with_query(
            DOC_URL,
            "&X-Amz-Date=20130524T000000Z",
            "&X-Amz-Date=1&X-Amz-Date=2",
        ),
        now,
    )
    .unwrap_err();
    assert_eq!(e, Rejection::DuplicateParameter { name: "X-Amz-Date" });
}

#[test]
fn region_service_and_host_rules() {
    let now = ts("2013-05-24T00:00:00Z");
    let req = Request::from_url("GET", DOC_URL).unwrap();
    let e = Verifier::new(now)
        .region("ap-south-1")
        .verify(&req, lookup)
        .unwrap_err();
    assert_eq!(e.to_string(), "AuthorizationQueryParametersError: the region 'us-east-1' is wrong; expecting 'ap-south-1'");
    let e = Verifier::new(now)
        .service("execute-api")
        .verify(&req, lookup)
        .unwrap_err();
    assert!(matches!(e, Rejection::WrongService { .. }), "{e:?}");
    Verifier::new(now)
        .region("us-east-1")
        .service("s3")
        .verify(&req, lookup)
        .unwrap();

    // SignedHeaders without host; unsorted; repeated.
    for (list, want) in [
        ("x-amz-date", "AccessDenied"),
        ("x-amz-date%3Bhost", "AuthorizationQueryParametersError"),
        ("host%3Bhost", "AuthorizationQueryParametersError"),
    ] {
        let url = with_query(
            DOC_URL,
            "X-Amz-SignedHeaders=host",
            &format!("X-Amz-SignedHeaders={list}"),
        );
        let r = Verifier::new(now).verify(
            &Request::from_url("GET", &url)
                .unwrap()
                .header("x-amz-date", "x"),
            lookup,
        );
        assert_eq!(code(r), want, "{list}");
    }
}

#[test]
fn authentication_presence_and_keys() {
    let now = ts("2013-05-24T00:00:00Z");
    let v = Verifier::new(now);
    let plain = Request::new("GET", "examplebucket.s3.amazonaws.com", "/test.txt", "");
    assert_eq!(
        v.verify(&plain, lookup).unwrap_err(),
        Rejection::MissingAuthentication
    );
    let both = Request::from_url("GET", DOC_URL)
        .unwrap()
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=x");
    let e = v.verify(&both, lookup).unwrap_err();
    assert_eq!((e.s3_code(), e.http_status()), ("InvalidArgument", 400));
    let e = v
        .verify(
            &Request::from_url("GET", DOC_URL).unwrap(),
            |_: &str, _: Option<&str>| None::<&str>,
        )
        .unwrap_err();
    assert_eq!(
        e,
        Rejection::InvalidAccessKeyId {
            access_key_id: AKID.into()
        }
    );
    assert_eq!((e.s3_code(), e.http_status()), ("InvalidAccessKeyId", 403));
    let e = v
        .verify(
            &Request::from_url("GET", DOC_URL).unwrap(),
            |_: &str, _: Option<&str>| Some("another-secret"),
        )
        .unwrap_err();
    assert!(
        matches!(&e, Rejection::SignatureDoesNotMatch(m) if m.canonical_request.starts_with("GET\n/test.txt\n")),
        "{e:?}"
    );
    // The signature must be lower-case hex, as computed.
    let upper = DOC_URL.replace(
        "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
        "AEEED9BBCCD4D02EE5C0109B86D86835F995330DA4C265957D157751F604D404",
    );
    assert_eq!(
        code(v.verify(&Request::from_url("GET", &upper).unwrap(), lookup)),
        "SignatureDoesNotMatch"
    );
    // Malformed Authorization headers.
    for auth in [
        "AWS4-HMAC-SHA256",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request",
        "AWS4-HMAC-SHA256 Credential=a/b, SignedHeaders=host, Signature=00",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00, Signature=00",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00, Extra=1",
        "AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=",
    ] {
        let req = plain.clone().header("x-amz-date", "20130524T000000Z").header("authorization", auth);
        assert_eq!(code(v.verify(&req, lookup)), "AuthorizationHeaderMalformed", "{auth}");
    }
    let auth = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";
    let e = v
        .verify(&plain.clone().header("authorization", auth), lookup)
        .unwrap_err();
    assert_eq!(e, Rejection::MissingDate);
    let e = v
        .verify(
            &plain
                .clone()
                .header("authorization", auth)
                .header("x-amz-date", "yesterday"),
            lookup,
        )
        .unwrap_err();
    assert_eq!((e.s3_code(), e.http_status()), ("AccessDenied", 403));
    let e = v
        .verify(
            &plain
                .clone()
                .header("authorization", auth)
                .header("x-amz-date", "20130524T000000Z"),
            lookup,
        )
        .unwrap_err();
    assert_eq!(e, Rejection::MissingContentSha256);
    // An x-amz-* header the Authorization header does not sign.
    let e = v
        .verify(
            &plain
                .clone()
                .header("authorization", auth)
                .header("x-amz-date", "20130524T000000Z")
                .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
                .header("x-amz-acl", "private"),
            lookup,
        )
        .unwrap_err();
    assert_eq!(
        e,
        Rejection::UnsignedHeaders {
            names: vec!["x-amz-acl".into()]
        }
    );
}

#[test]
fn temporary_credentials_from_the_lookup() {
    let t = ts("2026-01-01T00:00:00Z");
    let c = creds()
        .with_session_token("FwoGZXIvYXdzE+token/with=chars")
        .unwrap()
        .with_expiration(ts("2026-01-01T06:00:00Z"));
    let bucket = Bucket::new(Endpoint::aws("eu-west-1").unwrap(), "bkt").unwrap();
    let p = bucket.get_object("k").presign(&c, t, 3600).unwrap();
    assert!(p
        .url
        .contains("X-Amz-Security-Token=FwoGZXIvYXdzE%2Btoken%2Fwith%3Dchars"));
    let req = Request::from_url("GET", &p.url).unwrap();
    let mut seen = None;
    let ok = Verifier::new(t)
        .verify(&req, |akid: &str, token: Option<&str>| {
            seen = token.map(String::from);
            (akid == AKID).then(|| c.clone())
        })
        .unwrap();
    assert!(ok.session_token);
    assert_eq!(seen.as_deref(), Some("FwoGZXIvYXdzE+token/with=chars"));
    // Credentials that expired: ExpiredToken, even though the URL has not.
    let expired = c.clone().with_expiration(ts("2026-01-01T00:30:00Z"));
    let e = Verifier::new(ts("2026-01-01T00:31:00Z"))
        .verify(&req, |_: &str, _: Option<&str>| Some(expired.clone()))
        .unwrap_err();
    assert_eq!((e.s3_code(), e.http_status()), ("ExpiredToken", 400));
    // Credentials whose token is another: InvalidToken.
    let other = creds().with_session_token("another-token").unwrap();
    let e = Verifier::new(t)
        .verify(&req, |_: &str, _: Option<&str>| Some(&other))
        .unwrap_err();
    assert_eq!(e, Rejection::InvalidToken);
    // No rejection and no Debug shows the token or the secret.
    let tampered = req.clone().header("x-amz-acl", "public-read");
    for r in [
        Verifier::new(t).verify(
            &Request::from_url(
                "GET",
                &p.url.replace("&X-Amz-Expires=3600", "&X-Amz-Expires=3601"),
            )
            .unwrap(),
            |_: &str, _: Option<&str>| Some(&c),
        ),
        Verifier::new(t).verify(&tampered, |_: &str, _: Option<&str>| Some(&c)),
        Verifier::new(t).verify(&req, |_: &str, _: Option<&str>| Some(&other)),
    ] {
        let e = r.unwrap_err();
        let text = format!("{e} {e:?}");
        assert!(
            !text.contains("token/with") && !text.contains("token%2Fwith"),
            "{text}"
        );
        assert!(
            !text.contains("wJalr") && !text.contains("bPxRfi"),
            "{text}"
        );
    }
}

#[test]
fn signed_header_rules_for_presigned_urls() {
    let t = ts("2026-01-01T00:00:00Z");
    let bucket = Bucket::new(Endpoint::aws("eu-west-1").unwrap(), "bkt").unwrap();
    let p = bucket
        .put_object("a.png")
        .content_type("image/png")
        .metadata("owner", "alice")
        .presign(&creds(), t, 600)
        .unwrap();
    let v = Verifier::new(t);
    let full = || {
        Request::from_url("PUT", &p.url)
            .unwrap()
            .headers(p.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())))
    };
    v.verify(&full(), lookup).unwrap();
    // Header names are case-insensitive, values are trimmed and runs of spaces collapsed.
    let req = Request::from_url("PUT", &p.url)
        .unwrap()
        .header("CONTENT-TYPE", "  image/png ")
        .header("X-Amz-Meta-Owner", "alice");
    v.verify(&req, lookup).unwrap();
    let e = v
        .verify(
            &Request::from_url("PUT", &p.url)
                .unwrap()
                .header("content-type", "image/png"),
            lookup,
        )
        .unwrap_err();
    assert_eq!(
        e,
        Rejection::SignedHeaderMissing {
            name: "x-amz-meta-owner".into()
        }
    );
    let e = v
        .verify(
            &full()
                .header("x-amz-acl", "public-read")
                .header("X-Amz-Tagging", "a=b"),
            lookup,
        )
        .unwrap_err();
    assert_eq!(
        e,
        Rejection::UnsignedHeaders {
            names: vec!["x-amz-acl".into(), "x-amz-tagging".into()]
        }
    );
    assert!(
        e.to_string()
            .contains("There were headers present in the request which were not signed"),
        "{e}"
    );
    // x-amz-content-sha256 is covered by the payload line, so it may be sent unsigned; but then
    // it is what is signed.
    let e = v
        .verify(&full().header("x-amz-content-sha256", EMPTY_SHA256), lookup)
        .unwrap_err();
    assert_eq!(e.s3_code(), "SignatureDoesNotMatch");
    v.verify(
        &full().header("x-amz-content-sha256", "UNSIGNED-PAYLOAD"),
        lookup,
    )
    .unwrap();
    // The Host header, when given, is what the server received.
    let e = v
        .verify(&full().header("Host", "evil.example.com"), lookup)
        .unwrap_err();
    assert_eq!(e.s3_code(), "SignatureDoesNotMatch");
    v.verify(
        &full().header("Host", "bkt.s3.eu-west-1.amazonaws.com"),
        lookup,
    )
    .unwrap();
    // A default port in the URL is dropped from the host, as clients do.
    let with_port = p.url.replacen(".amazonaws.com/", ".amazonaws.com:443/", 1);
    let req = Request::from_url("PUT", &with_port)
        .unwrap()
        .headers(p.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    v.verify(&req, lookup).unwrap();
}

#[test]
fn presigned_urls_dated_in_the_future_are_too_skewed() {
    let v = |now: &str| doc_verify(DOC_URL, now);
    v("2013-05-23T23:45:00Z").unwrap();
    let e = v("2013-05-23T23:44:59Z").unwrap_err();
    assert!(matches!(e, Rejection::TooSkewed { .. }), "{e:?}");
    assert!(e.to_string().contains("ahead"), "{e}");
    let strict = Verifier::new(ts("2013-05-23T23:59:59Z")).max_skew(0);
    assert_eq!(
        code(strict.verify(&Request::from_url("GET", DOC_URL).unwrap(), lookup)),
        "RequestTimeTooSkewed"
    );
}

#[test]
fn header_auth_with_only_a_date_header() {
    // Sign with x-amz-date, then check that the Date header form of the same instant parses.
    let t = ts("2013-05-24T00:00:00Z");
    let c = creds();
    let req = sigv4::Request::new("GET", "example.amazonaws.com", "/")
        .header("Date", "Fri, 24 May 2013 00:00:00 GMT");
    let signed = sigv4::sign(&req, &SigningParams::new(&c, "us-east-1", "service", t)).unwrap();
    let mut headers: Vec<(&str, &str)> = signed
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let vreq = Request::from_url("GET", &signed.url)
        .unwrap()
        .headers(headers.iter().copied());
    Verifier::new(t).verify(&vreq, lookup).unwrap();
    // Without x-amz-date the string to sign uses the Date header's instant: still the same.
    headers.retain(|(n, _)| *n != "x-amz-date");
    // (After another four-letter header: the verifier finds `Date` by name, not by length.)
    headers.insert(0, ("Vary", "Origin"));
    let vreq = Request::from_url("GET", &signed.url)
        .unwrap()
        .headers(headers.iter().copied());
    let e = Verifier::new(t).verify(&vreq, lookup).unwrap_err();
    // x-amz-date is signed, so it is missing now.
    assert_eq!(
        e,
        Rejection::SignedHeaderMissing {
            name: "x-amz-date".into()
        }
    );
}

#[test]
fn non_s3_services_use_the_caller_payload_hash_and_double_encoding() {
    let t = ts("2015-08-30T12:36:00Z");
    let c = creds();
    let body = b"{\"a\":1}";
    let req = sigv4::Request::new("POST", "example.amazonaws.com", "/test/@x/JBD%3D")
        .payload(Payload::Bytes(body));
    let signed = sigv4::sign(&req, &SigningParams::new(&c, "us-east-1", "execute-api", t)).unwrap();
    let hash = oracle::sha256_hex(body);
    let vreq = Request::from_url("POST", &signed.url)
        .unwrap()
        .headers(signed.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())))
        .payload_hash(&hash);
    let ok = Verifier::new(t)
        .service("execute-api")
        .verify(&vreq, lookup)
        .unwrap();
    assert_eq!(ok.payload_hash, hash);
    // Another body: the payload line differs.
    let mut other = vreq.clone();
    other.payload_hash = Some(EMPTY_SHA256);
    assert_eq!(
        code(Verifier::new(t).verify(&other, lookup)),
        "SignatureDoesNotMatch"
    );
    // `%3D` and `=` are different paths outside S3 (the path is signed as sent).
    let mut eq = vreq.clone();
    eq.path = "/test/@x/JBD=";
    assert_eq!(
        code(Verifier::new(t).verify(&eq, lookup)),
        "SignatureDoesNotMatch"
    );
}

#[test]
fn query_is_sorted_by_encoded_names() {
    // Pitfall 15: sorting by decoded names puts `z` before `é`; by encoded names `%C3%A9` < `z`.
    let t = ts("2026-01-01T00:00:00Z");
    let bucket = Bucket::new(Endpoint::aws("us-east-1").unwrap(), "bkt").unwrap();
    let p = bucket
        .get_object("k")
        .query("z", "1")
        .query("é", "2")
        .query("a b", "3")
        .query("a-b", "4")
        .presign(&creds(), t, 60)
        .unwrap();
    Verifier::new(t)
        .verify(&Request::from_url("GET", &p.url).unwrap(), lookup)
        .unwrap();
}

// ---- bounds ----

#[test]
fn inputs_are_bounded() {
    let now = ts("2013-05-24T00:00:00Z");
    let v = Verifier::new(now);
    // A URL of exactly MAX_URL_LEN bytes is read; one byte more is refused.
    let pad = verify::MAX_URL_LEN - DOC_URL.len() - "&pad=".len();
    let longest = format!("{DOC_URL}&pad={}", "a".repeat(pad));
    assert_eq!(longest.len(), verify::MAX_URL_LEN);
    assert!(Request::from_url("GET", &longest).is_ok());
    let long = format!("{longest}a");
    assert!(matches!(
        Request::from_url("GET", &long),
        Err(Rejection::TooLarge { what: "URL", .. })
    ));
    let mut many = String::from(DOC_URL);
    for i in 0..verify::MAX_QUERY_PARAMS {
        many.push_str(&format!("&p{i}="));
    }
    let e = v
        .verify(&Request::from_url("GET", &many).unwrap(), lookup)
        .unwrap_err();
    assert_eq!(
        e,
        Rejection::TooLarge {
            what: "query",
            limit: verify::MAX_QUERY_PARAMS
        }
    );
    let names: Vec<String> = (0..=verify::MAX_HEADERS)
        .map(|i| format!("x-h{i}"))
        .collect();
    let req = Request::from_url("GET", DOC_URL)
        .unwrap()
        .headers(names.iter().map(|n| (n.as_str(), "v")));
    assert!(matches!(
        v.verify(&req, lookup),
        Err(Rejection::TooLarge {
            what: "headers",
            ..
        })
    ));
    let big = "v".repeat(verify::MAX_HEADER_BYTES);
    let req = Request::from_url("GET", DOC_URL)
        .unwrap()
        .header("x-big", &big);
    assert!(matches!(
        v.verify(&req, lookup),
        Err(Rejection::TooLarge {
            what: "headers",
            ..
        })
    ));
    let list: Vec<String> = (0..=verify::MAX_SIGNED_HEADERS)
        .map(|i| format!("h{i:03}"))
        .collect();
    let url = with_query(
        DOC_URL,
        "X-Amz-SignedHeaders=host",
        &format!("X-Amz-SignedHeaders={}", list.join("%3B")),
    );
    let e = v
        .verify(&Request::from_url("GET", &url).unwrap(), lookup)
        .unwrap_err();
    assert_eq!(
        e,
        Rejection::TooLarge {
            what: "SignedHeaders",
            limit: verify::MAX_SIGNED_HEADERS
        }
    );
}

#[test]
fn adversarial_inputs_within_the_bounds_get_their_verdicts() {
    // The largest inputs the bounds allow, shaped to hurt (escapes everywhere, 200 x-amz-*
    // headers full of spaces): each gets its verdict. Their cost is in `benches/verify.rs`.
    let now = ts("2013-05-24T00:00:00Z");
    let v = Verifier::new(now);
    let q: String = (0..193)
        .map(|i| format!("{}={}&", "%41".repeat(10), i))
        .collect();
    let query = format!("{q}{}", DOC_URL.split_once('?').unwrap().1);
    let path = format!("/{}", "%2".repeat(4000));
    let headers: Vec<(String, String)> = (0..200)
        .map(|i| (format!("X-Amz-H{i}"), " a ".repeat(100)))
        .collect();
    let hs: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let req = Request::new("GET", "examplebucket.s3.amazonaws.com", &path, &query)
        .headers(hs.iter().copied());
    match v.verify(&req, lookup) {
        Err(Rejection::UnsignedHeaders { names }) => {
            assert_eq!(names.len(), 16);
            assert_eq!(names[0], "x-amz-h0");
        }
        other => panic!("{other:?}"),
    }
    let req = Request::new("GET", "examplebucket.s3.amazonaws.com", &path, &query);
    assert!(matches!(
        v.verify(&req, lookup),
        Err(Rejection::SignatureDoesNotMatch(_))
    ));
}

// ---- properties ----

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            8 => proptest::char::range(' ', '~'),
            1 => Just('é'),
            1 => Just('ሴ'),
            1 => Just('😀'),
            1 => Just('\u{301}'),
        ],
        0..max,
    )
    .prop_map(|v| v.into_iter().collect())
}

fn query_name() -> impl Strategy<Value = String> {
    text(10).prop_filter("non-empty, not a SigV4 parameter", |s| {
        !s.is_empty() && !verify_auth_param(s)
    })
}

fn verify_auth_param(s: &str) -> bool {
    [
        "X-Amz-Algorithm",
        "X-Amz-Credential",
        "X-Amz-Date",
        "X-Amz-Expires",
        "X-Amz-SignedHeaders",
        "X-Amz-Signature",
        "X-Amz-Security-Token",
    ]
    .iter()
    .any(|p| p.eq_ignore_ascii_case(s))
}

fn header_value() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![8 => proptest::char::range(' ', '~'), 1 => Just('\t'), 1 => Just('é')],
        0..16,
    )
    .prop_map(|v| v.into_iter().collect())
}

fn token() -> impl Strategy<Value = Option<String>> {
    proptest::option::of("[A-Za-z0-9+/=]{8,40}")
}

/// Where the bucket lives.
#[derive(Clone, Debug)]
enum Place {
    Aws {
        region: &'static str,
        path_style: bool,
    },
    Custom(&'static str),
}

fn place() -> impl Strategy<Value = Place> {
    prop_oneof![
        (
            prop_oneof![
                Just("us-east-1"),
                Just("eu-west-1"),
                Just("ap-south-1"),
                Just("cn-north-1")
            ],
            any::<bool>()
        )
            .prop_map(|(region, path_style)| Place::Aws { region, path_style }),
        prop_oneof![
            Just("http://127.0.0.1:9000"),
            Just("https://minio.example.com:8443"),
            Just("http://localhost")
        ]
        .prop_map(Place::Custom),
    ]
}

#[derive(Clone, Debug)]
struct S3Case {
    place: Place,
    bucket: String,
    key: String,
    method: Method,
    query: Vec<(String, String)>,
    content_type: Option<String>,
    meta: Option<String>,
    token: Option<String>,
    time: i64,
    expires: u64,
    /// Where `now` falls: a fraction of the valid window [signed_at - skew, expires_at).
    now_frac: f64,
}

fn s3_case() -> impl Strategy<Value = S3Case> {
    (
        (
            place(),
            "[a-z0-9][a-z0-9-]{1,20}[a-z0-9]".prop_filter("a name AWS does not reserve", |b| {
                !["xn--", "sthree-", "amzn-s3-demo-"]
                    .iter()
                    .any(|p| b.starts_with(p))
                    && !b.ends_with("--x-s3")
            }),
            text(40).prop_filter("non-empty key", |k| !k.is_empty()),
        ),
        prop_oneof![
            Just(Method::Get),
            Just(Method::Put),
            Just(Method::Head),
            Just(Method::Delete),
            Just(Method::Post)
        ],
        proptest::collection::vec((query_name(), text(12)), 0..4),
        (
            proptest::option::of(header_value()),
            proptest::option::of(header_value()),
            token(),
        ),
        (946_684_800i64..1_900_000_000, 1u64..=604_800, 0.0f64..1.0),
    )
        .prop_map(
            |(
                (place, bucket, key),
                method,
                query,
                (content_type, meta, token),
                (time, expires, now_frac),
            )| S3Case {
                place,
                bucket,
                key,
                method,
                query,
                content_type,
                meta,
                token,
                time,
                expires,
                now_frac,
            },
        )
}

fn bucket_for(c: &S3Case) -> Bucket {
    let endpoint = match c.place {
        Place::Aws { region, path_style } => {
            let e = Endpoint::aws(region).unwrap();
            if path_style {
                e.addressing(AddressingStyle::Path)
            } else {
                e
            }
        }
        Place::Custom(url) => Endpoint::custom(url, "us-east-1").unwrap(),
    };
    Bucket::new(endpoint, &c.bucket).unwrap()
}

fn credentials_for(token: &Option<String>) -> Credentials {
    match token {
        Some(t) => creds().with_session_token(t.clone()).unwrap(),
        None => creds(),
    }
}

fn now_in(signed_at: i64, expires_at: i64, frac: f64) -> Timestamp {
    let lo = signed_at - 900;
    let span = (expires_at - lo) as f64;
    at((lo + (span * frac) as i64).min(expires_at - 1))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Anything the S3 builders presign verifies, from the URL and the headers the client must
    /// send, at any instant from 15 minutes before signing until just before expiry, and the
    /// verified facts are the presign result's.
    #[test]
    fn s3_builders_presign_then_verify(c in s3_case()) {
        let bucket = bucket_for(&c);
        let mut r = bucket.request(c.method, Some(&c.key));
        for (n, v) in &c.query {
            r = r.query(n.as_str(), v.as_str());
        }
        if let Some(ct) = &c.content_type {
            r = r.content_type(ct.as_str());
        }
        if let Some(m) = &c.meta {
            r = r.metadata("note", m.as_str());
        }
        let cr = credentials_for(&c.token);
        let p = r.presign(&cr, at(c.time), c.expires).unwrap();
        let now = now_in(p.signed_at.unix(), p.expires_at.unix(), c.now_frac);
        let req = Request::from_url(p.method.as_str(), &p.url).unwrap().headers(p.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())));
        let region = bucket.endpoint().region();
        let mut token_seen = None;
        let v = Verifier::new(now).region(region).service("s3").verify(&req, |akid: &str, tok: Option<&str>| {
            token_seen = tok.map(String::from);
            (akid == AKID).then(|| cr.clone())
        });
        let v = match v {
            Ok(v) => v,
            Err(e) => return Err(TestCaseError::fail(format!("{e}\nurl: {}", p.url))),
        };
        prop_assert_eq!(token_seen, c.token.clone());
        prop_assert_eq!(v.signed_at, p.signed_at);
        prop_assert_eq!(v.expires_at, p.expires_at);
        prop_assert_eq!(v.access_key_id, AKID);
        prop_assert_eq!(v.region.as_str(), region);
        let mut want: Vec<String> = p.headers.iter().map(|(n, _)| n.clone()).chain(["host".to_string()]).collect();
        want.sort();
        prop_assert_eq!(v.signed_headers, want);
        prop_assert_eq!(v.session_token, c.token.is_some());
    }
}

#[derive(Clone, Debug)]
struct GenCase {
    service: &'static str,
    host: String,
    path: String,
    method: &'static str,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    token: Option<String>,
    token_after: bool,
    body: Option<Vec<u8>>,
    time: i64,
    expires: u64,
    now_frac: f64,
}

fn header_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Content-Type".to_string()),
        Just("x-amz-meta-a".to_string()),
        Just("X-Amz-Acl".to_string()),
        Just("range".to_string()),
        "[a-z][a-z0-9-]{0,10}".prop_filter("not reserved", |n| {
            !matches!(
                n.as_str(),
                "host"
                    | "authorization"
                    | "x-amz-date"
                    | "x-amz-security-token"
                    | "x-amz-content-sha256"
            )
        }),
    ]
}

fn gen_case() -> impl Strategy<Value = GenCase> {
    let service = prop_oneof![
        Just("s3"),
        Just("s3-object-lambda"),
        Just("execute-api"),
        Just("rds-db"),
        Just("sts")
    ];
    (
        (
            service,
            prop_oneof![
                Just("example.amazonaws.com".to_string()),
                Just("h.example.com:8443".to_string()),
                Just("[::1]:9000".to_string())
            ],
        ),
        (text(30), "/[A-Za-z0-9._~!$&'()*+,;=:@/%-]{0,30}"),
        prop_oneof![
            Just("GET"),
            Just("PUT"),
            Just("POST"),
            Just("HEAD"),
            Just("DELETE"),
            Just("PATCH")
        ],
        proptest::collection::vec((query_name(), text(12)), 0..4),
        proptest::collection::vec((header_name(), header_value()), 0..4),
        (
            token(),
            any::<bool>(),
            proptest::option::of(proptest::collection::vec(any::<u8>(), 0..32)),
        ),
        (946_684_800i64..1_900_000_000, 1u64..=604_800, 0.0f64..1.0),
    )
        .prop_map(
            |(
                (service, host),
                (key, raw_path),
                method,
                query,
                headers,
                (token, token_after, body),
                (time, expires, now_frac),
            )| {
                // S3 paths may hold anything (encoded once); other services' paths are sent as given,
                // so they are drawn from the characters a URL path carries as they are.
                let path = if service.starts_with("s3") {
                    format!("/{key}")
                } else {
                    raw_path
                };
                GenCase {
                    service,
                    host,
                    path,
                    method,
                    query,
                    headers,
                    token,
                    token_after,
                    body,
                    time,
                    expires,
                    now_frac,
                }
            },
        )
}

impl GenCase {
    fn s3(&self) -> bool {
        self.service.starts_with("s3")
    }
    fn body_hash(&self) -> Option<String> {
        if self.s3() {
            return None;
        }
        self.body.as_ref().map(|b| oracle::sha256_hex(b))
    }
    fn request(&self) -> sigv4::Request<'_> {
        let mut r = sigv4::Request::new(self.method, &self.host, &self.path);
        r.query = self
            .query
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        r.headers = self
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        r.payload = match (&self.body, self.s3()) {
            (_, true) => Payload::Unsigned,
            (Some(b), false) => Payload::Bytes(b),
            (None, false) => Payload::Empty,
        };
        r
    }
}

/// A presigned request from `sigv4::presign`, as the verifier receives it.
struct Received {
    method: String,
    url: String,
    headers: Vec<(String, String)>,
    body_hash: Option<String>,
    signed_at: Timestamp,
    expires_at: Timestamp,
}

impl Received {
    fn request(&self) -> Request<'_> {
        let mut r = Request::from_url(&self.method, &self.url)
            .unwrap()
            .headers(self.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())));
        r.payload_hash = self.body_hash.as_deref();
        r
    }
}

fn presign_gen(c: &GenCase, secret: &str) -> Received {
    let cr = match &c.token {
        Some(t) => Credentials::new(AKID, secret)
            .unwrap()
            .with_session_token(t.clone())
            .unwrap(),
        None => Credentials::new(AKID, secret).unwrap(),
    };
    let p = sigv4::presign(
        &c.request(),
        &SigningParams::new(&cr, "us-west-2", c.service, at(c.time)),
        c.expires,
    )
    .unwrap();
    Received {
        method: p.method.to_string(),
        url: p.url,
        headers: p.headers,
        body_hash: c.body_hash(),
        signed_at: p.signed_at,
        expires_at: p.expires_at,
    }
}

fn sign_gen(c: &GenCase, secret: &str) -> Received {
    let cr = match &c.token {
        Some(t) => Credentials::new(AKID, secret)
            .unwrap()
            .with_session_token(t.clone())
            .unwrap(),
        None => Credentials::new(AKID, secret).unwrap(),
    };
    let mut params = SigningParams::new(&cr, "us-west-2", c.service, at(c.time));
    params.content_sha256_header = c.s3();
    if c.token_after && !c.s3() {
        params.session_token = SessionToken::AddedAfterSigning;
    }
    let s = sigv4::sign(&c.request(), &params).unwrap();
    let t = at(c.time);
    Received {
        method: s.method.to_string(),
        url: s.url,
        headers: s.headers,
        body_hash: c.body_hash(),
        signed_at: t,
        expires_at: t.add_seconds(900).unwrap(),
    }
}

thread_local! {
    /// One key cache for every case of a thread, as a server keeps one: cases with the same
    /// scope reuse its keys, and a case signed with another secret must not be verified with
    /// the key cached for the first.
    static KEYS: RefCell<KeyCache> = RefCell::new(KeyCache::with_capacity(4));
}

/// Verifies with and without the key cache: both must give the same verdict.
fn check(r: &Received, now: Timestamp, secret: &'static str) -> Result<Verified, Rejection> {
    let v = Verifier::new(now).region("us-west-2");
    let lookup = move |akid: &str, _: Option<&str>| (akid == AKID).then_some(secret);
    let fresh = v.verify(&r.request(), lookup);
    let cached = KEYS.with(|k| v.verify_cached(&r.request(), &mut k.borrow_mut(), lookup));
    assert_eq!(fresh, cached, "with and without the key cache");
    if let Err(e) = &fresh {
        codes::assert_code_names_the_variant(e, e.code());
    }
    fresh
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Anything `sigv4::presign` signs, for S3 and for other services, verifies.
    #[test]
    fn sigv4_presign_then_verify(c in gen_case()) {
        let r = presign_gen(&c, SECRET);
        let now = now_in(r.signed_at.unix(), r.expires_at.unix(), c.now_frac);
        match check(&r, now, SECRET) {
            Ok(v) => {
                prop_assert_eq!(v.location, AuthLocation::Query);
                prop_assert_eq!(v.service.as_str(), c.service);
                prop_assert_eq!(v.expires_at, r.expires_at);
            }
            Err(e) => return Err(TestCaseError::fail(format!("{e}\nurl: {}\nheaders: {:?}", r.url, r.headers))),
        }
    }

    /// Anything `sigv4::sign` signs with an Authorization header verifies within the skew.
    #[test]
    fn sigv4_sign_then_verify(c in gen_case(), skew in -900i64..=900) {
        let r = sign_gen(&c, SECRET);
        let now = at(r.signed_at.unix() + skew);
        match check(&r, now, SECRET) {
            Ok(v) => prop_assert_eq!(v.location, AuthLocation::Header),
            Err(e) => return Err(TestCaseError::fail(format!("{e}\nurl: {}\nheaders: {:?}", r.url, r.headers))),
        }
    }
}

/// One change to a signed request.
#[derive(Clone, Debug)]
enum Mutation {
    Method(&'static str),
    Host(String),
    /// Insert a character into the decoded path at a position (fraction of its length).
    Path(char, f64),
    /// Append to a query value (or add a parameter when there is none).
    QueryValue(String),
    /// Change the value of a signed header (other than host).
    HeaderValue(String),
    /// Drop a signed header (other than host).
    DropHeader,
    /// Send an unsigned x-amz-* header.
    UnsignedAmzHeader,
    /// The verifier's clock this far beyond the skew, before the signing time.
    TooEarly(u64),
    /// The verifier's clock this far after the expiry (presigned) or the skew (header).
    TooLate(u64),
    Secret,
    Signature(usize),
    UnknownKey,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        prop_oneof![
            Just("GET"),
            Just("PUT"),
            Just("POST"),
            Just("HEAD"),
            Just("DELETE"),
            Just("PATCH")
        ]
        .prop_map(Mutation::Method),
        "[a-z]{1,8}\\.".prop_map(Mutation::Host),
        (
            prop_oneof![proptest::char::range('!', '~'), Just(' '), Just('é')],
            0.0f64..=1.0
        )
            .prop_map(|(c, f)| Mutation::Path(c, f)),
        "[a-zA-Z0-9 +/=%é]{1,4}".prop_map(Mutation::QueryValue),
        "[a-zA-Z0-9+/=é]{1,4}".prop_map(Mutation::HeaderValue),
        Just(Mutation::DropHeader),
        Just(Mutation::UnsignedAmzHeader),
        // Biased to the exact boundary: one second too early, the very second of expiry.
        prop_oneof![Just(1u64), 1u64..1_000_000].prop_map(Mutation::TooEarly),
        prop_oneof![Just(0u64), 0u64..1_000_000].prop_map(Mutation::TooLate),
        Just(Mutation::Secret),
        (0usize..64).prop_map(Mutation::Signature),
        Just(Mutation::UnknownKey),
    ]
}

fn is_sig_param(piece: &str) -> bool {
    piece.starts_with("X-Amz-Signature=")
}

/// The verifier's time, the secret to verify with, and a test of the expected rejection.
type Expectation = (Timestamp, &'static str, fn(&Rejection) -> bool);

/// Applies `m` to `r`; returns the verifier's time, the secret to verify with, and the
/// rejection expected. `None`: this mutation does not apply to this request (or changes nothing
/// that is signed) and the case is discarded rather than counted.
fn mutate(r: &mut Received, c: &GenCase, m: &Mutation, header_auth: bool) -> Option<Expectation> {
    let sig_mismatch: fn(&Rejection) -> bool = |e| matches!(e, Rejection::SignatureDoesNotMatch(_));
    let mid = at(r.signed_at.unix());
    let (scheme_host, rest) = {
        let i = r.url.find("://").unwrap() + 3;
        let j = r.url[i..].find(['/', '?']).map_or(r.url.len(), |j| i + j);
        (r.url[..j].to_string(), r.url[j..].to_string())
    };
    let (path, query) = rest
        .split_once('?')
        .map_or((rest.clone(), String::new()), |(p, q)| {
            (p.to_string(), q.to_string())
        });
    let rules = UriPath::for_service(c.service);
    match m {
        Mutation::Method(new) => {
            if r.method == *new {
                return None;
            }
            r.method = new.to_string();
            Some((mid, SECRET, sig_mismatch))
        }
        Mutation::Host(prefix) => {
            let (scheme, host) = scheme_host.split_once("://").unwrap();
            r.url = format!("{scheme}://{prefix}{host}{rest}");
            Some((mid, SECRET, sig_mismatch))
        }
        Mutation::Path(ch, frac) => {
            let decoded = oracle::decode_lossy(&path);
            let chars: Vec<char> = decoded.chars().collect();
            let pos = 1 + ((chars.len() - 1) as f64 * frac) as usize;
            let mut new: String = chars[..pos].iter().collect();
            new.push(*ch);
            new.extend(&chars[pos..]);
            let encoded = oracle::encode_path(&new);
            // Filter changes the canonical URI does not see (e.g. `//` normalized away).
            if canonical_uri(&encoded, rules) == canonical_uri(&path, rules) {
                return None;
            }
            r.url = format!(
                "{scheme_host}{encoded}{}{query}",
                if query.is_empty() { "" } else { "?" }
            );
            Some((mid, SECRET, sig_mismatch))
        }
        Mutation::QueryValue(extra) => {
            let enc = oracle::encode_query(extra);
            let mut pieces: Vec<String> = query
                .split('&')
                .filter(|p| !p.is_empty())
                .map(String::from)
                .collect();
            // The caller's own parameters come first in our URLs.
            let user = pieces.iter().position(|p| !p.starts_with("X-Amz-"));
            match user {
                Some(i) => pieces[i].push_str(&enc),
                None => pieces.insert(0, format!("added={enc}")),
            }
            r.url = format!("{scheme_host}{path}?{}", pieces.join("&"));
            Some((mid, SECRET, sig_mismatch))
        }
        Mutation::HeaderValue(extra) => {
            let i = r.headers.iter().position(|(n, _)| {
                let n = n.to_ascii_lowercase();
                !matches!(
                    n.as_str(),
                    "authorization"
                        | "x-amz-date"
                        | "x-amz-security-token"
                        | "x-amz-content-sha256"
                )
            })?;
            r.headers[i].1.push_str(extra);
            Some((mid, SECRET, sig_mismatch))
        }
        Mutation::DropHeader => {
            let i = r.headers.iter().position(|(n, _)| {
                !n.eq_ignore_ascii_case("authorization")
                    && !n.eq_ignore_ascii_case("x-amz-security-token")
            })?;
            let name = r.headers[i].0.to_ascii_lowercase();
            // Only when this was the header's one value.
            if r.headers
                .iter()
                .filter(|(n, _)| n.eq_ignore_ascii_case(&name))
                .count()
                > 1
            {
                return None;
            }
            if name == "x-amz-content-sha256" {
                return None;
            }
            r.headers.remove(i);
            Some((mid, SECRET, |e| {
                matches!(e, Rejection::SignedHeaderMissing { .. })
            }))
        }
        Mutation::UnsignedAmzHeader => {
            r.headers.push(("x-amz-unsigned-extra".into(), "1".into()));
            Some((
                mid,
                SECRET,
                |e| matches!(e, Rejection::UnsignedHeaders { names } if names == &["x-amz-unsigned-extra".to_string()]),
            ))
        }
        Mutation::TooEarly(d) => {
            let t = r.signed_at.unix() - 900 - *d as i64;
            if t < 0 {
                return None;
            }
            Some((at(t), SECRET, |e| matches!(e, Rejection::TooSkewed { .. })))
        }
        Mutation::TooLate(d) => {
            if header_auth {
                Some((at(r.signed_at.unix() + 901 + *d as i64), SECRET, |e| {
                    matches!(e, Rejection::TooSkewed { .. })
                }))
            } else {
                Some((at(r.expires_at.unix() + *d as i64), SECRET, |e| {
                    matches!(e, Rejection::Expired { .. })
                }))
            }
        }
        Mutation::Secret => Some((
            mid,
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEZ",
            sig_mismatch,
        )),
        Mutation::Signature(i) => {
            let flip = |s: &mut String| {
                let b = s.as_bytes()[*i];
                let nb = if b == b'0' { '1' } else { '0' };
                s.replace_range(*i..*i + 1, &nb.to_string());
            };
            if header_auth {
                let h = r
                    .headers
                    .iter_mut()
                    .find(|(n, _)| n == "authorization")
                    .unwrap();
                let (head, sig) = h.1.rsplit_once("Signature=").unwrap();
                let mut sig = sig.to_string();
                flip(&mut sig);
                h.1 = format!("{head}Signature={sig}");
            } else {
                let pieces: Vec<String> = query
                    .split('&')
                    .map(|p| {
                        if is_sig_param(p) {
                            let mut s = p["X-Amz-Signature=".len()..].to_string();
                            flip(&mut s);
                            format!("X-Amz-Signature={s}")
                        } else {
                            p.to_string()
                        }
                    })
                    .collect();
                r.url = format!("{scheme_host}{path}?{}", pieces.join("&"));
            }
            Some((mid, SECRET, sig_mismatch))
        }
        Mutation::UnknownKey => Some((mid, "", |e| {
            matches!(e, Rejection::InvalidAccessKeyId { .. })
        })),
    }
}

fn run_mutation(c: &GenCase, m: &Mutation, header_auth: bool) -> Result<(), TestCaseError> {
    let mut r = if header_auth {
        sign_gen(c, SECRET)
    } else {
        presign_gen(c, SECRET)
    };
    // The unchanged request verifies: whatever is refused below is refused for the mutation.
    if let Err(e) = check(&r, r.signed_at, SECRET) {
        return Err(TestCaseError::fail(format!(
            "unchanged request refused: {e}"
        )));
    }
    let Some((now, secret, expected)) = mutate(&mut r, c, m, header_auth) else {
        return Err(TestCaseError::reject("mutation does not apply"));
    };
    let result = if secret.is_empty() {
        Verifier::new(now)
            .region("us-west-2")
            .verify(&r.request(), |_: &str, _: Option<&str>| None::<&str>)
    } else {
        check(&r, now, secret)
    };
    match result {
        Ok(_) => Err(TestCaseError::fail(format!(
            "{m:?} accepted: {} {:?}",
            r.url, r.headers
        ))),
        Err(e) if expected(&e) => Ok(()),
        Err(e) => Err(TestCaseError::fail(format!(
            "{m:?} refused for another reason: {e:?}\n{} {:?}",
            r.url, r.headers
        ))),
    }
}

fn with_a_header(c: GenCase) -> GenCase {
    let mut c = c;
    if c.headers.is_empty() {
        c.headers.push(("x-amz-meta-k".into(), "v".into()));
    }
    c
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, max_global_rejects: 20_000, ..ProptestConfig::default() })]

    /// Any single change to a presigned URL's method, host, path, a query value, a signed header,
    /// the time, the secret or the signature is refused, with the matching reason.
    #[test]
    fn presigned_single_mutation_is_rejected(c in gen_case().prop_map(with_a_header), m in mutation()) {
        run_mutation(&c, &m, false)?;
    }

    /// The same for header-signed requests.
    #[test]
    fn header_signed_single_mutation_is_rejected(c in gen_case().prop_map(with_a_header), m in mutation()) {
        run_mutation(&c, &m, true)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Arbitrary input never panics.
    #[test]
    fn arbitrary_input_never_panics(
        method in "[A-Z]{0,6}|.{0,6}",
        url in ".{0,300}",
        headers in proptest::collection::vec((".{0,20}", ".{0,60}"), 0..6),
        now in 0i64..253_402_300_799,
    ) {
        if let Ok(req) = Request::from_url(&method, &url) {
            let req = req.headers(headers.iter().map(|(n, v)| (n.as_str(), v.as_str())));
            let _ = Verifier::new(at(now)).verify(&req, lookup);
        }
        let req = Request::new(&method, "h", &url, &url).headers(headers.iter().map(|(n, v)| (n.as_str(), v.as_str())));
        let _ = Verifier::new(at(now)).verify(&req, lookup);
    }

    /// Random character edits of a valid URL and Authorization header never panic; an edit that
    /// is accepted (one the canonical request cannot see, such as the case of the
    /// `X-Amz-Signature` name or a fragment) keeps the signed scope.
    #[test]
    fn edited_valid_requests_never_panic(edits in proptest::collection::vec((0usize..400, proptest::char::any()), 1..4)) {
        let mut url: Vec<char> = DOC_URL.chars().collect();
        for (i, c) in &edits {
            let i = i % url.len();
            url[i] = *c;
        }
        let url: String = url.into_iter().collect();
        if let Ok(req) = Request::from_url("GET", &url) {
            if let Ok(v) = Verifier::new(ts("2013-05-24T00:00:00Z")).verify(&req, lookup) {
                // Only edits invisible to the canonical request (e.g. an escape of an unreserved
                // character, or the fragment) can be accepted.
                prop_assert_eq!(v.scope, "20130524/us-east-1/s3/aws4_request");
            }
        }
        let auth: String = {
            let mut a: Vec<char> = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41".chars().collect();
            for (i, c) in &edits {
                let i = i % a.len();
                a[i] = *c;
            }
            a.into_iter().collect()
        };
        let req = Request::new("GET", "examplebucket.s3.amazonaws.com", "/test.txt", "")
            .header("Range", "bytes=0-9")
            .header("x-amz-content-sha256", EMPTY_SHA256)
            .header("x-amz-date", "20130524T000000Z")
            .header("Authorization", &auth);
        let _ = Verifier::new(ts("2013-05-24T00:00:00Z")).verify(&req, lookup);
    }
}

#[test]
fn s3_query_names_with_multibyte_characters_do_not_panic() {
    // Found by `s3_builders_presign_then_verify`: the builder sliced the name at byte 6, inside
    // the emoji.
    let t = ts("2026-01-01T00:00:00Z");
    let b = Bucket::new(Endpoint::aws("us-east-1").unwrap(), "bkt").unwrap();
    let p = b
        .get_object("k")
        .query("éA😀", "")
        .presign(&creds(), t, 60)
        .unwrap();
    Verifier::new(t)
        .verify(&Request::from_url("GET", &p.url).unwrap(), lookup)
        .unwrap();
    assert!(b
        .get_object("k")
        .query("x-amz-date", "1")
        .presign(&creds(), t, 60)
        .is_err());
}

// ---- cost before authentication (issue 13.2): what runs before the lookup, the key cache ----

/// A lookup that counts its calls.
fn counting<'c>(
    calls: &'c std::cell::Cell<usize>,
) -> impl FnMut(&str, Option<&str>) -> Option<&'static str> + 'c {
    move |akid: &str, _: Option<&str>| {
        calls.set(calls.get() + 1);
        (akid == AKID).then_some(SECRET)
    }
}

#[test]
fn a_malformed_request_never_reaches_the_lookup() {
    let v = Verifier::new(ts("2013-05-24T00:00:00Z"));
    let calls = std::cell::Cell::new(0);
    for url in [
        DOC_URL.replace("20130524T000000Z", "20130524T0000"),
        DOC_URL.replace("X-Amz-Expires=86400", "X-Amz-Expires=0"),
        DOC_URL.replace("X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders=range"),
        DOC_URL.replace("%2Fs3%2F", "%2FS3%2F"),
        DOC_URL.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA1"),
        DOC_URL.replace("&X-Amz-Signature=", "&X-Amz-Sig="),
    ] {
        let r = v.verify(&Request::from_url("GET", &url).unwrap(), counting(&calls));
        assert!(r.is_err(), "{url}");
    }
    // Expired: refused from the clock alone.
    let late = Verifier::new(ts("2013-05-25T00:00:00Z"));
    let r = late.verify(
        &Request::from_url("GET", DOC_URL).unwrap(),
        counting(&calls),
    );
    assert!(matches!(r, Err(Rejection::Expired { .. })));
    assert_eq!(
        calls.get(),
        0,
        "the lookup ran for a request refused before it"
    );
}

#[test]
fn an_unknown_key_is_refused_before_any_header_work() {
    // Every signed header missing and x-amz-* headers unsigned: the unknown key is what the
    // verifier answers, having matched no header and built no canonical request.
    let list: Vec<String> = (0..99).map(|i| format!("x-amz-meta-h{i:02}")).collect();
    let url = with_query(
        &DOC_URL.replace("AKIAIOSFODNN7EXAMPLE", "AKIDUNKNOWN"),
        "X-Amz-SignedHeaders=host",
        &format!("X-Amz-SignedHeaders=host%3B{}", list.join("%3B")),
    );
    let req = Request::from_url("GET", &url)
        .unwrap()
        .header("x-amz-acl", "public-read");
    let calls = std::cell::Cell::new(0);
    let e = Verifier::new(ts("2013-05-24T00:00:00Z"))
        .verify(&req, counting(&calls))
        .unwrap_err();
    assert_eq!(
        e,
        Rejection::InvalidAccessKeyId {
            access_key_id: "AKIDUNKNOWN".into()
        }
    );
    assert_eq!(calls.get(), 1);
    // With the key known, the same request is refused for its headers.
    let known_url = url.replace("AKIDUNKNOWN", AKID);
    let known = Request::from_url("GET", &known_url)
        .unwrap()
        .header("x-amz-acl", "public-read");
    let e = Verifier::new(ts("2013-05-24T00:00:00Z"))
        .verify(&known, lookup)
        .unwrap_err();
    assert_eq!(
        e,
        Rejection::SignedHeaderMissing {
            name: "x-amz-meta-h00".into()
        }
    );
}

#[test]
fn signed_headers_are_matched_in_any_order_and_case() {
    // 99 signed headers sent in reverse order, in upper case, one of them twice: the
    // canonical request lists them sorted, the repeated one joined with ',' in the order sent.
    let names: Vec<String> = (0..98).map(|i| format!("x-amz-meta-h{i:02}")).collect();
    let t = ts("2013-05-24T00:00:00Z");
    let bucket = Bucket::new(Endpoint::aws("us-east-1").unwrap(), "examplebucket").unwrap();
    let mut r = bucket.put_object("k");
    for n in &names {
        r = r.header(n.as_str(), "v");
    }
    let r = r.header("range", "a,b");
    let p = r.presign(&creds(), t, 60).unwrap();
    let mut sent: Vec<(String, String)> = names
        .iter()
        .rev()
        .map(|n| (n.to_ascii_uppercase(), "v".to_string()))
        .collect();
    sent.insert(40, ("Range".into(), "a".into()));
    sent.push(("RANGE".into(), "b".into()));
    let req = Request::from_url("PUT", &p.url)
        .unwrap()
        .headers(sent.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let ok = Verifier::new(t).verify(&req, lookup).unwrap();
    assert_eq!(ok.signed_headers.len(), 100);
    assert_eq!(ok.signed_headers[0], "host");
    assert_eq!(ok.signed_headers[99], "x-amz-meta-h97");
    // The same headers, the repeated one in the other order: a different canonical request.
    let (a, b) = (
        sent.iter().position(|(n, _)| n == "Range").unwrap(),
        sent.len() - 1,
    );
    sent.swap(a, b);
    let req = Request::from_url("PUT", &p.url)
        .unwrap()
        .headers(sent.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    match Verifier::new(t).verify(&req, lookup) {
        Err(Rejection::SignatureDoesNotMatch(m)) => {
            assert!(
                m.canonical_request.contains("\nrange:b,a\n"),
                "{}",
                m.canonical_request
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn authentication_parameter_names_are_case_sensitive() {
    // As S3 (and s3s) read them: `x-amz-signature` is an ordinary parameter, not the
    // signature; `X-Amz-Signature` is.
    let now = "2013-05-24T00:00:00Z";
    let lower = DOC_URL.replace("X-Amz-Signature=", "x-amz-signature=");
    let e = doc_verify(&lower, now).unwrap_err();
    assert!(
        matches!(
            e,
            Rejection::Malformed {
                location: AuthLocation::Query,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(e.s3_code(), "AuthorizationQueryParametersError");
    // Lower-case names next to the real ones are signed like any other parameter.
    for extra in [
        "x-amz-signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
        "x-amz-date=20130524T000000Z",
        "x-amz-credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request",
    ] {
        let url = format!("{DOC_URL}&{extra}");
        match doc_verify(&url, now) {
            Err(Rejection::SignatureDoesNotMatch(m)) => {
                let name = extra.split('=').next().unwrap();
                assert!(
                    m.canonical_request.contains(&format!("&{name}=")),
                    "{}",
                    m.canonical_request
                );
            }
            other => panic!("{extra}: {other:?}"),
        }
    }
    // Lower-case names alone are no query authentication at all.
    let all_lower = DOC_URL.replace("X-Amz-", "x-amz-");
    assert_eq!(
        doc_verify(&all_lower, now).unwrap_err(),
        Rejection::MissingAuthentication
    );
    // A percent-encoded name is decoded first: `X%2DAmz%2DSignature` is the signature.
    let escaped = DOC_URL.replace("X-Amz-Signature=", "X%2DAmz%2DSignature=");
    assert!(doc_verify(&escaped, now).is_ok());
}

#[test]
fn two_host_headers_are_refused() {
    // RFC 9112 3.2: a request with more than one Host header is answered 400.
    let req = Request::from_url("GET", DOC_URL)
        .unwrap()
        .header("Host", "examplebucket.s3.amazonaws.com")
        .header("host", "attacker.example");
    let e = Verifier::new(ts("2013-05-24T00:00:00Z"))
        .verify(&req, lookup)
        .unwrap_err();
    assert_eq!(
        e,
        Rejection::InvalidRequest {
            reason: "the request has more than one Host header"
        }
    );
}

#[test]
fn the_key_cache_reuses_keys_and_notices_a_rotated_secret() {
    let v = Verifier::new(ts("2013-05-24T00:00:00Z"));
    let req = Request::from_url("GET", DOC_URL).unwrap();
    let mut keys = KeyCache::with_capacity(2);
    assert!(keys.is_empty());
    for _ in 0..3 {
        assert!(v.verify_cached(&req, &mut keys, lookup).is_ok());
    }
    assert_eq!(keys.len(), 1);
    // The lookup now returns another secret for the same key id: the cached key must not be
    // used (the URL, signed with the first secret, is refused), and the new secret's key is
    // kept in its place.
    let rotated = |_: &str, _: Option<&str>| Some("another-secret");
    assert!(matches!(
        v.verify_cached(&req, &mut keys, rotated),
        Err(Rejection::SignatureDoesNotMatch(_))
    ));
    assert_eq!(keys.len(), 1);
    assert!(v.verify_cached(&req, &mut keys, lookup).is_ok());
    assert!(!keys.is_empty());
    // Other scopes fill the cache up to its capacity, then replace the least recently used:
    // the other day's, since the first scope was used again after it.
    let other_day = "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130523%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130523T235959Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=00";
    let other_region = DOC_URL.replace("us-east-1", "eu-west-1");
    let refused = |url: &str, keys: &mut KeyCache| {
        let r = Request::from_url("GET", url).unwrap();
        assert!(matches!(
            v.verify_cached(&r, keys, lookup),
            Err(Rejection::SignatureDoesNotMatch(_))
        ));
    };
    refused(other_day, &mut keys);
    assert_eq!(keys.len(), 2);
    assert!(v.verify_cached(&req, &mut keys, lookup).is_ok());
    refused(&other_region, &mut keys);
    assert_eq!(keys.len(), 2);
    // Debug shows the scopes kept, never a key or a secret.
    let shown = format!("{keys:?}");
    for kept in ["/20130524/eu-west-1/s3", "/20130524/us-east-1/s3"] {
        assert!(
            shown.contains(&format!("AKIAIOSFODNN7EXAMPLE{kept}")),
            "{shown}"
        );
    }
    assert!(
        !shown.contains("20130523"),
        "the least recently used scope is gone: {shown}"
    );
    assert!(
        !shown.contains(SECRET) && !shown.contains("another-secret"),
        "{shown}"
    );
    keys.clear();
    assert!(keys.is_empty());
    // Capacity 0 keeps nothing and still verifies.
    let mut none = KeyCache::with_capacity(0);
    assert!(v.verify_cached(&req, &mut none, lookup).is_ok());
    assert!(none.is_empty());
}

// ---- Unicode whitespace in signed header values (issue 13.5) ----

#[test]
fn signed_header_values_with_unicode_whitespace_are_refused() {
    // Signed by a client that kept U+00A0 (as aws-sigv4 does) or collapsed it (as botocore
    // does): the verifier cannot tell, and says so rather than answer SignatureDoesNotMatch.
    let t = ts("2013-05-24T00:00:00Z");
    let bucket = Bucket::new(Endpoint::aws("us-east-1").unwrap(), "examplebucket").unwrap();
    let p = bucket
        .put_object("k")
        .metadata("note", "a b")
        .presign(&creds(), t, 60)
        .unwrap();
    for (value, ch) in [
        ("a\u{a0}b", '\u{a0}'),
        ("a\u{2028}b", '\u{2028}'),
        ("\u{3000}a b", '\u{3000}'),
    ] {
        let req = Request::from_url("PUT", &p.url)
            .unwrap()
            .header("X-Amz-Meta-Note", value);
        let e = Verifier::new(t).verify(&req, lookup).unwrap_err();
        assert_eq!(
            e,
            Rejection::AmbiguousWhitespace {
                name: "x-amz-meta-note".into(),
                character: ch
            }
        );
        assert_eq!(
            (e.s3_code(), e.http_status(), e.code()),
            ("InvalidRequest", 400, "ambiguous-whitespace")
        );
        assert!(e.to_string().contains("send a plain space (U+0020)"), "{e}");
    }
    // In an unsigned header it is none of the signature's business.
    let req = Request::from_url("PUT", &p.url)
        .unwrap()
        .header("x-amz-meta-note", "a b")
        .header("user-agent", "a\u{a0}b");
    assert!(Verifier::new(t).verify(&req, lookup).is_ok());
}

// ---- checks at their edges (the inputs that tell each check from a slightly different one) ----

const DOC_HOST: &str = "examplebucket.s3.amazonaws.com";

fn doc_query() -> &'static str {
    DOC_URL.split_once('?').unwrap().1
}

/// A GET of `/k` on `DOC_HOST` signed with an Authorization header (default S3 parameters: the
/// content hash of the empty body is sent), as received: (path, query, headers).
fn header_signed_get() -> Vec<(String, String)> {
    let req = sigv4::Request::new("GET", DOC_HOST, "/k").payload(Payload::Empty);
    let c = creds();
    let s = sigv4::sign(
        &req,
        &SigningParams::new(&c, "us-east-1", "s3", ts("2013-05-24T00:00:00Z")),
    )
    .unwrap();
    s.headers
}

fn verify_headers(headers: &[(String, String)]) -> Result<Verified, Rejection> {
    let r = Request::new("GET", DOC_HOST, "/k", "")
        .headers(headers.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    Verifier::new(ts("2013-05-24T00:00:00Z")).verify(&r, lookup)
}

#[test]
fn repeated_authorization_or_date_headers_are_refused() {
    let headers = header_signed_get();
    verify_headers(&headers).unwrap();
    let auth = headers
        .iter()
        .find(|(n, _)| n == "authorization")
        .unwrap()
        .clone();
    let mut two = headers.clone();
    two.push(("Authorization".into(), auth.1));
    assert_eq!(
        verify_headers(&two).unwrap_err(),
        Rejection::Malformed {
            location: AuthLocation::Header,
            reason: "the Authorization header appears more than once"
        }
    );
    let mut dates = headers.clone();
    dates.push(("X-Amz-Date".into(), "20130524T000000Z".into()));
    assert_eq!(
        verify_headers(&dates).unwrap_err(),
        Rejection::InvalidDate {
            location: AuthLocation::Header
        }
    );
    // One x-amz-date with spaces around it is the same date.
    let mut spaced = headers.clone();
    for (n, v) in &mut spaced {
        if n == "x-amz-date" {
            *v = format!("  {v} ");
        }
    }
    verify_headers(&spaced).unwrap();
}

#[test]
fn the_request_line_and_host_are_checked() {
    let v = Verifier::new(ts("2013-05-24T00:00:00Z"));
    let control = Rejection::InvalidRequest {
        reason: "the path or query contains control bytes",
    };
    for (path, query) in [
        ("/a\u{1}b", doc_query().to_string()),
        ("/test.txt", format!("{}&x=\u{7f}", doc_query())),
        // Two of a kind (the check folds the bytes without an early exit).
        ("/a\u{1}\u{2}b", doc_query().to_string()),
        ("/a\u{7f}\u{7f}b", doc_query().to_string()),
        ("/a\u{1f}\u{7f}b", doc_query().to_string()),
    ] {
        let r = Request::new("GET", DOC_HOST, path, &query);
        assert_eq!(
            v.verify(&r, lookup).unwrap_err(),
            control,
            "{path:?} {query:?}"
        );
    }
    // A space is not a control byte: a raw space in the path is read (as another key here).
    let r = Request::new("GET", DOC_HOST, "/test txt", doc_query());
    assert!(matches!(
        v.verify(&r, lookup),
        Err(Rejection::SignatureDoesNotMatch(_))
    ));
    let r = Request::new("GET", DOC_HOST, "test.txt", doc_query());
    assert_eq!(
        v.verify(&r, lookup).unwrap_err(),
        Rejection::InvalidRequest {
            reason: "the path must start with '/'"
        }
    );
    let bad_host = Rejection::InvalidRequest {
        reason: "the Host is missing or not a valid host[:port]",
    };
    for host in ["", "bad host", "h/x", "h@x"] {
        let r = Request::new("GET", host, "/test.txt", doc_query());
        assert_eq!(v.verify(&r, lookup).unwrap_err(), bad_host, "{host:?}");
    }
    // A Host header takes the request's place.
    let r = Request::new("GET", "", "/test.txt", doc_query()).header("Host", DOC_HOST);
    v.verify(&r, lookup).unwrap();
    for method in ["get", "", "G T"] {
        let r = Request::new(method, DOC_HOST, "/test.txt", doc_query());
        assert_eq!(
            v.verify(&r, lookup).unwrap_err(),
            Rejection::InvalidRequest {
                reason: "the method is not an upper-case HTTP token"
            }
        );
    }
}

#[test]
fn the_size_limits_are_exact() {
    let v = Verifier::new(ts("2013-05-24T00:00:00Z"));
    // Host, path and query together: MAX_URL_LEN bytes pass the bound (the padding is signed,
    // so the signature no longer matches), one more does not.
    let room = verify::MAX_URL_LEN - DOC_HOST.len() - "/test.txt".len() - doc_query().len();
    for (pad, too_large) in [
        (room - "&pad=".len(), false),
        (room - "&pad=".len() + 1, true),
    ] {
        let query = format!("{}&pad={}", doc_query(), "a".repeat(pad));
        let r = Request::new("GET", DOC_HOST, "/test.txt", &query);
        let e = v.verify(&r, lookup).unwrap_err();
        assert_eq!(
            matches!(e, Rejection::TooLarge { what: "URL", .. }),
            too_large,
            "{e:?}"
        );
    }
    // Headers: MAX_HEADERS of them pass (unsigned, not x-amz-*), one more does not.
    let names: Vec<String> = (0..=verify::MAX_HEADERS).map(|i| format!("h{i}")).collect();
    for (n, too_large) in [
        (verify::MAX_HEADERS, false),
        (verify::MAX_HEADERS + 1, true),
    ] {
        let r = Request::from_url("GET", DOC_URL)
            .unwrap()
            .headers(names[..n].iter().map(|h| (h.as_str(), "v")));
        assert_eq!(v.verify(&r, lookup).is_ok(), !too_large, "{n} headers");
    }
    // Header bytes (names and values): MAX_HEADER_BYTES pass, one more does not.
    for (extra, too_large) in [(0, false), (1, true)] {
        let value = "v".repeat(verify::MAX_HEADER_BYTES - "x-big".len() + extra);
        let r = Request::from_url("GET", DOC_URL)
            .unwrap()
            .header("x-big", &value);
        match v.verify(&r, lookup) {
            Ok(_) => assert!(!too_large),
            Err(e) => assert!(
                too_large
                    && matches!(
                        e,
                        Rejection::TooLarge {
                            what: "headers",
                            ..
                        }
                    ),
                "{e:?}"
            ),
        }
    }
    // Query parameters: MAX_QUERY_PARAMS pass, one more does not (the DOC_URL has six).
    for (extra, too_large) in [
        (verify::MAX_QUERY_PARAMS - 6, false),
        (verify::MAX_QUERY_PARAMS - 5, true),
    ] {
        let query: String = (0..extra).map(|i| format!("&p{i}=")).collect();
        let url = format!("{DOC_URL}{query}");
        let e = v
            .verify(&Request::from_url("GET", &url).unwrap(), lookup)
            .unwrap_err();
        assert_eq!(
            matches!(e, Rejection::TooLarge { what: "query", .. }),
            too_large,
            "{e:?}"
        );
    }
}

#[test]
fn credentials_are_parsed_strictly() {
    let now = "2013-05-24T00:00:00Z";
    let cred = "AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request";
    let with_cred = |c: &str| with_query(DOC_URL, cred, c);
    let malformed = |c: &str| match doc_verify(&with_cred(c), now) {
        Err(Rejection::Malformed { reason, .. }) => reason,
        other => panic!("{c}: {other:?}"),
    };
    let long = "A".repeat(128);
    // 128 printable bytes are an access key id (unknown here); 129, none, or a space are not.
    assert_eq!(
        doc_verify(
            &with_cred(&format!(
                "{long}%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
            )),
            now
        )
        .unwrap_err(),
        Rejection::InvalidAccessKeyId {
            access_key_id: long.clone()
        }
    );
    for akid in [
        format!("A{long}"),
        String::new(),
        "AKID%20X".into(),
        "AKID%7FX".into(),
    ] {
        assert!(
            malformed(&format!(
                "{akid}%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
            ))
            .starts_with("Error parsing the Credential"),
            "{akid}"
        );
    }
    // An access key id may hold a '/': the scope is the last four parts.
    assert_eq!(
        doc_verify(
            &with_cred("AK%2FID%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"),
            now
        )
        .unwrap_err(),
        Rejection::InvalidAccessKeyId {
            access_key_id: "AK/ID".into()
        }
    );
    for date in ["2013052", "201305240", "2013O524", "2013-524"] {
        assert_eq!(
            malformed(&format!(
                "AKIAIOSFODNN7EXAMPLE%2F{date}%2Fus-east-1%2Fs3%2Faws4_request"
            )),
            "the credential scope date must be YYYYMMDD",
            "{date}"
        );
    }
    assert_eq!(
        malformed("AKIAIOSFODNN7EXAMPLE%2F20130524%2FUS-EAST-1%2Fs3%2Faws4_request"),
        "the credential scope region is not a region code"
    );
    assert_eq!(
        malformed("AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2FS3%2Faws4_request"),
        "the credential scope service is not a service name"
    );
    assert_eq!(
        malformed("AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_requesx"),
        "the credential scope must end with \"aws4_request\""
    );
    for c in [
        "AKIAIOSFODNN7EXAMPLE%2F20130524%2Fs3%2Faws4_request",
        "aws4_request",
        "",
    ] {
        assert!(
            malformed(c).starts_with("Error parsing the Credential"),
            "{c}"
        );
    }
}

#[test]
fn date_headers_are_parsed_strictly() {
    // Header authentication dated by `Date` alone (x-amz-date not sent, not signed).
    let t = ts("2013-05-24T00:00:00Z");
    let req = sigv4::Request::new("GET", DOC_HOST, "/k")
        .header("Date", "Fri, 24 May 2013 00:00:00 GMT")
        .payload(Payload::Empty);
    let c = creds();
    let s = sigv4::sign(&req, &SigningParams::new(&c, "us-east-1", "s3", t)).unwrap();
    let auth = s
        .headers
        .iter()
        .find(|(n, _)| n == "authorization")
        .unwrap()
        .1
        .clone();
    let auth = auth.replace(
        "date;host;x-amz-content-sha256;x-amz-date",
        "date;host;x-amz-content-sha256",
    );
    let sha = s
        .headers
        .iter()
        .find(|(n, _)| n == "x-amz-content-sha256")
        .unwrap()
        .1
        .clone();
    let check = |date: &str| {
        let r = Request::new("GET", DOC_HOST, "/k", "")
            .header("Date", date)
            .header("x-amz-content-sha256", &sha)
            .header("Authorization", &auth);
        Verifier::new(t).verify(&r, lookup)
    };
    // Parsed: the signature (over another header list) is what fails.
    for date in [
        "Fri, 24 May 2013 00:00:00 GMT",
        " Fri, 24 May 2013 00:00:00 GMT ",
        "20130524T000000Z",
    ] {
        assert!(
            matches!(check(date), Err(Rejection::SignatureDoesNotMatch(_))),
            "{date:?}"
        );
    }
    for date in [
        "Fri, 24 May 2013 00:00:00 UTC",
        "Fri, 24 Foo 2013 00:00:00 GMT",
        "Fri 24 May 2013 00:00:00 GMT",
        "Fri, 24 May 2013 0:00:00 GMT",
        "Fri, 24 May 2013 00:00:00 GMT extra",
        "Fri, 24 May 2013 00:00 GMT",
        "Fri, 24 May 2013 00:00:00:00 GMT",
        "Fri, 32 May 2013 00:00:00 GMT",
        "Fri, 24 May 2013",
        "",
    ] {
        assert_eq!(
            check(date).unwrap_err(),
            Rejection::InvalidDate {
                location: AuthLocation::Header
            },
            "{date:?}"
        );
    }
}

#[test]
fn the_content_hash_is_compared_with_the_body_when_both_are_hex() {
    let headers = header_signed_get();
    let verify_body = |headers: &[(String, String)], body: &str| {
        let r = Request::new("GET", DOC_HOST, "/k", "")
            .headers(headers.iter().map(|(n, v)| (n.as_str(), v.as_str())))
            .payload_hash(body);
        Verifier::new(ts("2013-05-24T00:00:00Z")).verify(&r, lookup)
    };
    verify_body(&headers, EMPTY_SHA256).unwrap();
    verify_body(&headers, &EMPTY_SHA256.to_ascii_uppercase()).unwrap();
    let other = "0".repeat(64);
    assert_eq!(
        verify_body(&headers, &other).unwrap_err(),
        Rejection::ContentSha256Mismatch
    );
    // A content hash that is no 64-digit hex (a literal, a short one) is not compared with
    // the body; it is signed as it is.
    for sent in [
        "UNSIGNED-PAYLOAD",
        &EMPTY_SHA256[..63],
        &format!("{EMPTY_SHA256}0"),
    ] {
        let mut h = headers.clone();
        for (n, v) in &mut h {
            if n == "x-amz-content-sha256" {
                *v = sent.to_string();
            }
        }
        match verify_body(&h, &other) {
            Err(Rejection::SignatureDoesNotMatch(m)) => {
                assert!(
                    m.canonical_request.ends_with(&format!("\n{sent}")),
                    "{}",
                    m.canonical_request
                )
            }
            r => panic!("{sent}: {r:?}"),
        }
    }
}

#[test]
fn x_amz_expires_is_a_number_of_seconds_up_to_a_week() {
    let now = "2013-05-24T00:00:00Z";
    let with = |e: &str| {
        with_query(
            DOC_URL,
            "X-Amz-Expires=86400",
            &format!("X-Amz-Expires={e}"),
        )
    };
    for ok in ["604800", "1", "0000001", "86400"] {
        assert!(
            matches!(
                doc_verify(&with(ok), now),
                Ok(_) | Err(Rejection::SignatureDoesNotMatch(_))
            ),
            "{ok}"
        );
    }
    for bad in [
        "604801",
        "0",
        "",
        "00000001",
        "+1",
        "1 ",
        "-1",
        "1e3",
        "99999999999999999999",
    ] {
        assert_eq!(
            doc_verify(&with(&bad.replace(' ', "%20")), now).unwrap_err(),
            Rejection::InvalidExpires { value: bad.into() },
            "{bad:?}"
        );
    }
}

#[test]
fn a_mismatch_shows_the_canonical_request_with_the_token_redacted() {
    let token = "FQoGZXIvYXdzE/tok+en=";
    let c = creds().with_session_token(token).unwrap();
    let bucket = Bucket::new(Endpoint::aws("us-east-1").unwrap(), "examplebucket").unwrap();
    let t = ts("2013-05-24T00:00:00Z");
    let p = bucket.get_object("k").presign(&c, t, 60).unwrap();
    let wrong = |_: &str, _: Option<&str>| Some("another-secret");
    let url = format!("{}&x-amz-security-token=also-secret", p.url);
    match Verifier::new(t).verify(&Request::from_url("GET", &url).unwrap(), wrong) {
        Err(Rejection::SignatureDoesNotMatch(m)) => {
            let q = m.canonical_request.lines().nth(2).unwrap();
            assert!(q.contains("X-Amz-Security-Token=<redacted>"), "{q}");
            assert!(q.contains("x-amz-security-token=<redacted>"), "{q}");
            assert!(q.contains("X-Amz-SignedHeaders=host"), "{q}");
            assert!(
                !m.canonical_request.contains("FQoGZXIv")
                    && !m.canonical_request.contains("also-secret"),
                "{}",
                m.canonical_request
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn auth_locations_have_stable_codes() {
    assert_eq!(AuthLocation::Query.code(), "query");
    assert_eq!(AuthLocation::Header.code(), "header");
    // Escaped names are decoded first, however long the escape.
    let escaped = DOC_URL.replace(
        "X-Amz-Signature=",
        "%58%2D%41%6D%7A%2D%53%69%67%6E%61%74%75%72%65=",
    );
    assert!(doc_verify(&escaped, "2013-05-24T00:00:00Z").is_ok());
    let long = DOC_URL.replace("X-Amz-Signature=", &format!("{}=", "%58".repeat(40)));
    assert!(matches!(
        doc_verify(&long, "2013-05-24T00:00:00Z"),
        Err(Rejection::Malformed { .. })
    ));
}

#[test]
fn long_signed_header_names_are_matched_in_any_case() {
    // Longer than the verifier's 64-byte lower-casing buffer: compared byte by byte instead.
    let t = ts("2013-05-24T00:00:00Z");
    let long = format!("x-amz-meta-{}", "n".repeat(70));
    let bucket = Bucket::new(Endpoint::aws("us-east-1").unwrap(), "examplebucket").unwrap();
    let p = bucket
        .put_object("k")
        .header(long.as_str(), "v")
        .header("x-amz-meta-a", "w")
        .presign(&creds(), t, 60)
        .unwrap();
    let upper = long.to_ascii_uppercase();
    let req = Request::from_url("PUT", &p.url)
        .unwrap()
        .header(&upper, "v")
        .header("X-Amz-Meta-A", "w");
    let ok = Verifier::new(t).verify(&req, lookup).unwrap();
    assert_eq!(ok.signed_headers, ["host", "x-amz-meta-a", long.as_str()]);
    let req = Request::from_url("PUT", &p.url)
        .unwrap()
        .header(&upper, "v");
    assert_eq!(
        Verifier::new(t).verify(&req, lookup).unwrap_err(),
        Rejection::SignedHeaderMissing {
            name: "x-amz-meta-a".into()
        }
    );
}

#[test]
fn escaped_utf8_in_authentication_values_is_decoded_as_utf8() {
    // The token the lookup receives is the decoded value: UTF-8 escapes as UTF-8, an invalid
    // sequence as U+FFFD, a bare '%' as it is.
    for (raw, decoded) in [
        ("%C3%A9t%C3%A9", "été"),
        ("a%2Bb%3D", "a+b="),
        ("%FF", "\u{FFFD}"),
        ("100%", "100%"),
        ("%4", "%4"),
        ("%zz", "%zz"),
    ] {
        let url = format!("{DOC_URL}&X-Amz-Security-Token={raw}");
        let mut seen = None;
        let _ = Verifier::new(ts("2013-05-24T00:00:00Z")).verify(
            &Request::from_url("GET", &url).unwrap(),
            |_: &str, token: Option<&str>| {
                seen = token.map(String::from);
                None::<&str>
            },
        );
        assert_eq!(seen.as_deref(), Some(decoded), "{raw}");
    }
}

/// Without the `sigv4a` feature, a SigV4a signature is an algorithm this build does not verify.
#[cfg(not(feature = "sigv4a"))]
#[test]
fn sigv4a_without_the_feature_is_an_unsupported_algorithm() {
    let url = DOC_URL.replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256");
    assert_eq!(
        doc_verify(&url, "2013-05-24T00:00:00Z").unwrap_err(),
        Rejection::UnsupportedAlgorithm {
            location: AuthLocation::Query,
            algorithm: "AWS4-ECDSA-P256-SHA256".into()
        }
    );
    let r = Request::new("GET", DOC_HOST, "/k", "")
        .header("x-amz-date", "20130524T000000Z")
        .header("authorization", "AWS4-ECDSA-P256-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=00");
    assert!(matches!(
        Verifier::new(ts("2013-05-24T00:00:00Z")).verify(&r, lookup),
        Err(Rejection::UnsupportedAlgorithm {
            location: AuthLocation::Header,
            ..
        })
    ));
}

#[test]
fn the_headers_the_verifier_reads_are_found_among_others_of_their_length() {
    // The verifier picks Host, Date, X-Amz-Date, X-Amz-Security-Token and X-Amz-Content-Sha256
    // out of the received headers by length, then name: unsigned headers of the same lengths
    // (4, 10, 20) received first must not be taken for them.
    let t = ts("2013-05-24T00:00:00Z");
    let c = creds().with_session_token("the-session-token").unwrap();
    let req = sigv4::Request::new("PUT", DOC_HOST, "/k").payload(Payload::Unsigned);
    let s = sigv4::sign(&req, &SigningParams::new(&c, "us-east-1", "s3", t)).unwrap();
    let mut headers: Vec<(&str, &str)> = vec![
        ("Vary", "Origin"),
        ("User-Agent", "20130524T000000Z-ish"),
        ("X-Request-Identifier", "not the hash"),
    ];
    headers.extend(s.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    let names: Vec<&str> = headers.iter().map(|(n, _)| *n).collect();
    assert!(
        names.contains(&"x-amz-security-token") && names.contains(&"x-amz-content-sha256"),
        "{names:?}"
    );
    let r = Request::new("PUT", DOC_HOST, "/k", "").headers(headers.iter().copied());
    let mut seen = None;
    let ok = Verifier::new(t)
        .verify(&r, |akid: &str, token: Option<&str>| {
            seen = token.map(String::from);
            lookup(akid, token)
        })
        .unwrap();
    assert!(ok.session_token);
    assert_eq!(seen.as_deref(), Some("the-session-token"));
}

#[test]
fn query_parameters_in_any_encoding_of_the_same_text_verify() {
    // S3 reads the query decoded, so a client may send a signed parameter in another encoding
    // of the same text: lower-case hex, unreserved bytes escaped, reserved ones raw. The
    // verifier must encode such pieces again (and copy canonical ones as they are).
    let t = ts("2013-05-24T00:00:00Z");
    let b = Bucket::new(Endpoint::aws("us-east-1").unwrap(), "examplebucket").unwrap();
    let p = b
        .get_object("k")
        .query("a~b*", "c d/\u{e9}!~09Z=")
        .presign(&creds(), t, 60)
        .unwrap();
    let signed = "a~b%2A=c%20d%2F%C3%A9%21~09Z%3D";
    assert!(p.url.contains(signed), "{}", p.url);
    let verdict = |piece: &str| {
        let url = p.url.replace(signed, piece);
        Verifier::new(t).verify(&Request::from_url("GET", &url).unwrap(), lookup)
    };
    verdict(signed).unwrap();
    for same in [
        "a~b%2a=c%20d%2f%c3%a9%21~09Z%3d",               // lower-case hex
        "%61%7Eb%2A=%63%20d%2F%C3%A9%21%7E%30%39%5A%3D", // unreserved bytes escaped
        "a~b*=c%20d/%C3%A9!~09Z=",                       // reserved bytes left raw, `=` too
        "a~b%2A=c%20d%2F%C3%A9%21~%309Z%3D",             // in the value only
        "%61~b%2A=c%20d%2F%C3%A9%21~09Z%3D",             // in the name only
    ] {
        assert!(verdict(same).is_ok(), "{same}: {:?}", verdict(same));
    }
    // Another text is another signature.
    for other in [
        "a~b%2A=c%20d%2F%C3%A9%21~09Y%3D",
        "a~b%2B=c%20d%2F%C3%A9%21~09Z%3D",
    ] {
        assert!(
            matches!(verdict(other), Err(Rejection::SignatureDoesNotMatch(_))),
            "{other}"
        );
    }
}

#[test]
fn the_session_token_header_must_be_signed_except_in_header_auth_outside_s3() {
    // S3 wants every x-amz-* header signed, X-Amz-Security-Token included; SigV4 services
    // signed with an Authorization header may leave the token out of SignedHeaders.
    let t = ts("2013-05-24T00:00:00Z");
    let unsigned = |r: Result<Verified, Rejection>| match r {
        Err(Rejection::UnsignedHeaders { names }) => names == ["x-amz-security-token"],
        _ => false,
    };
    // S3, presigned: refused.
    let req = Request::from_url("GET", DOC_URL)
        .unwrap()
        .header("X-Amz-Security-Token", "tok");
    assert!(unsigned(Verifier::new(t).verify(&req, lookup)));
    // S3, Authorization header: refused.
    let mut headers = header_signed_get();
    headers.push(("X-Amz-Security-Token".into(), "tok".into()));
    assert!(unsigned(verify_headers(&headers)));
    // Another service, presigned: refused.
    let c = creds();
    let get = sigv4::Request::new("GET", "sts.amazonaws.com", "/");
    let params = SigningParams::new(&c, "us-east-1", "sts", t);
    let p = sigv4::presign(&get, &params, 60).unwrap();
    let sts = Verifier::new(t).service("sts");
    let req = Request::from_url("GET", &p.url).unwrap();
    sts.verify(&req, lookup).unwrap();
    assert!(unsigned(sts.verify(
        &req.clone().header("X-Amz-Security-Token", "tok"),
        lookup
    )));
    // Another service, Authorization header: the token may be unsigned (any other x-amz-*
    // header may not).
    let s = sigv4::sign(&get, &params).unwrap();
    let mut headers: Vec<(&str, &str)> = s
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let host = "sts.amazonaws.com";
    let signed = Request::new("GET", host, "/", "").headers(headers.iter().copied());
    sts.verify(&signed, lookup).unwrap();
    headers.push(("X-Amz-Security-Token", "tok"));
    let with_token = Request::new("GET", host, "/", "").headers(headers.iter().copied());
    sts.verify(&with_token, lookup).unwrap();
    headers.push(("X-Amz-Meta-Other", "v"));
    let with_other = Request::new("GET", host, "/", "").headers(headers.iter().copied());
    match sts.verify(&with_other, lookup) {
        Err(Rejection::UnsignedHeaders { names }) => assert_eq!(names, ["x-amz-meta-other"]),
        other => panic!("{other:?}"),
    }
}

#[test]
fn presigned_urls_of_other_services_hash_the_request_body() {
    // Outside S3 a presigned URL signs the payload it carries (here none: the empty body's
    // hash), not UNSIGNED-PAYLOAD.
    let t = ts("2013-05-24T00:00:00Z");
    let c = creds();
    let get =
        sigv4::Request::new("GET", "sts.amazonaws.com", "/").query("Action", "GetCallerIdentity");
    let p = sigv4::presign(&get, &SigningParams::new(&c, "us-east-1", "sts", t), 60).unwrap();
    let v = Verifier::new(t).service("sts");
    v.verify(&Request::from_url("GET", &p.url).unwrap(), lookup)
        .unwrap();
    let with_body = Request::from_url("GET", &p.url)
        .unwrap()
        .payload_hash("0000000000000000000000000000000000000000000000000000000000000000");
    assert!(matches!(
        v.verify(&with_body, lookup),
        Err(Rejection::SignatureDoesNotMatch(_))
    ));
}

#[test]
fn lookups_may_return_a_string_or_borrowed_credentials() {
    let t = ts("2013-05-24T00:00:00Z");
    let req = Request::from_url("GET", DOC_URL).unwrap();
    let owned = |_: &str, _: Option<&str>| Some(String::from(SECRET));
    Verifier::new(t).verify(&req, owned).unwrap();
    let wrong = |_: &str, _: Option<&str>| Some(String::from("another secret"));
    assert!(matches!(
        Verifier::new(t).verify(&req, wrong),
        Err(Rejection::SignatureDoesNotMatch(_))
    ));
    // Borrowed credentials keep their expiration.
    let expired = creds().with_expiration(ts("2013-05-23T00:00:00Z"));
    let e = Verifier::new(t)
        .verify(&req, |_: &str, _: Option<&str>| Some(&expired))
        .unwrap_err();
    assert_eq!(e.s3_code(), "ExpiredToken");
}

#[test]
fn rejection_messages_give_durations_and_names() {
    let at = |unix: i64| Timestamp::from_unix(unix).unwrap();
    let expired = |secs: i64| {
        Rejection::Expired {
            expired_at: at(1_000_000),
            now: at(1_000_000 + secs),
        }
        .to_string()
    };
    for (secs, shown) in [
        (59, "59 s ago"),
        (60, "1 min 0 s ago"),
        (3599, "59 min 59 s ago"),
        (3600, "1 h 0 min ago"),
        (86_399, "23 h 59 min ago"),
        (86_400, "1 d 0 h ago"),
        (90_000, "1 d 1 h ago"),
    ] {
        let text = expired(secs);
        assert!(text.ends_with(&format!("{shown})")), "{secs}: {text}");
    }
    let skewed = |request: i64, server: i64| {
        Rejection::TooSkewed {
            request_time: at(request),
            server_time: at(server),
            max_skew: 900,
        }
        .to_string()
    };
    let ahead = skewed(1_000_901, 1_000_000);
    assert!(
        ahead.contains(": 15 min 1 s ahead, more than the 900 s allowed"),
        "{ahead}"
    );
    let behind = skewed(1_000_000, 1_000_901);
    assert!(behind.contains(": 15 min 1 s behind,"), "{behind}");
    let unsigned = Rejection::UnsignedHeaders {
        names: vec!["x-amz-a".into(), "x-amz-b".into(), "x-amz-c".into()],
    };
    assert!(
        unsigned
            .to_string()
            .ends_with("not signed: x-amz-a, x-amz-b, x-amz-c"),
        "{unsigned}"
    );
    // A mismatch's Debug shows what the server computed (to compare with the client's).
    let e = Verifier::new(ts("2013-05-24T00:00:00Z"))
        .verify(
            &Request::from_url("GET", &DOC_URL.replace("test.txt", "other.txt")).unwrap(),
            lookup,
        )
        .unwrap_err();
    let Rejection::SignatureDoesNotMatch(m) = e else {
        panic!("{e:?}")
    };
    let shown = format!("{m:?}");
    assert!(
        shown.starts_with("SignatureMismatch {")
            && shown.contains("GET\\n/other.txt\\n")
            && shown.contains("AWS4-HMAC-SHA256\\n20130524T000000Z"),
        "{shown}"
    );
}
