//! Diagnosis (issue 4): one test per applicable pitfall of `../shared/pitfalls.md`, each
//! asserting that the diagnosis names the cause (and, where the verifier can tell, that it
//! refuses the same request); and the line-by-line comparison with S3's `SignatureDoesNotMatch`
//! body.

#[path = "common/oracle.rs"]
mod oracle;

use presign::diagnose::{
    compare_signing, diagnose, diagnose_url, explain_signature_mismatch, Change, Component,
    Context, Finding, Intended, S3ErrorBody, Sent, Severity,
};
use presign::s3::{Bucket, Endpoint};
use presign::sigv4::{self, Payload, SigningParams};
use presign::verify::{Rejection, Request, Verifier};
use presign::{Credentials, Presigned, Timestamp};
use proptest::prelude::*;

const AKID: &str = "AKIAIOSFODNN7EXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

fn creds() -> Credentials {
    Credentials::new(AKID, SECRET).unwrap()
}

fn ts(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap()
}

fn t0() -> Timestamp {
    ts("2026-11-23T12:00:00Z")
}

fn bucket(region: &str) -> Bucket {
    Bucket::new(Endpoint::aws(region).unwrap(), "my-uploads").unwrap()
}

/// What our verifier says about what was sent (with the secret), to check that the diagnosis
/// and the verdict agree.
fn verdict(sent: &Sent<'_>, now: Timestamp) -> Result<(), Rejection> {
    let req = Request::from_url(sent.method, sent.url)?.headers(sent.headers.iter().copied());
    Verifier::new(now)
        .verify(&req, |a: &str, _: Option<&str>| {
            (a == AKID).then_some(SECRET)
        })
        .map(|_| ())
}

fn run(p: &Presigned, sent: &Sent<'_>) -> Vec<Finding> {
    let findings = diagnose(
        &Intended::from_presigned(p),
        sent,
        &Context::default().now(p.signed_at),
    );
    for f in &findings {
        let text = format!("{f} {f:?}");
        assert!(!text.contains("wJalr"), "{text}");
    }
    findings
}

fn sent_with_headers<'a>(p: &'a Presigned) -> Sent<'a> {
    let mut s = Sent::new(p.method.as_str(), &p.url);
    s.headers = p
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    s
}

#[test]
fn the_request_as_presigned_has_no_findings() {
    let p = bucket("eu-west-1")
        .put_object("a b/c+d.png")
        .content_type("image/png")
        .metadata("owner", "alice")
        .presign(&creds(), t0(), 900)
        .unwrap();
    let sent = sent_with_headers(&p);
    assert_eq!(run(&p, &sent), []);
    verdict(&sent, t0()).unwrap();
}

// ---- pitfall 1: signed header not sent / sent but not signed ----

#[test]
fn pitfall_1_signed_content_type_not_sent() {
    let p = bucket("eu-west-1")
        .put_object("cat.png")
        .content_type("image/png")
        .presign(&creds(), t0(), 900)
        .unwrap();
    let sent = Sent::new("PUT", &p.url);
    let f = run(&p, &sent);
    assert_eq!(
        f,
        [Finding::SignedHeaderNotSent {
            name: "content-type".into(),
            value: Some("image/png".into()),
            upload: true
        }]
    );
    let msg = f[0].to_string();
    assert!(
        msg.contains("the upload must send `Content-Type: image/png` exactly"),
        "{msg}"
    );
    assert_eq!(f[0].s3_code(), Some("SignatureDoesNotMatch"));
    assert_eq!(
        verdict(&sent, t0()).unwrap_err(),
        Rejection::SignedHeaderMissing {
            name: "content-type".into()
        }
    );
    // Knowing only the URL, the header is still named (from X-Amz-SignedHeaders).
    let f = diagnose(
        &Intended::from_url(Some("PUT"), &p.url),
        &sent,
        &Context::default(),
    );
    assert_eq!(
        f,
        [Finding::SignedHeaderNotSent {
            name: "content-type".into(),
            value: None,
            upload: true
        }]
    );
    assert!(
        f[0].to_string().contains("`Content-Type` header"),
        "{}",
        f[0]
    );
}

#[test]
fn pitfall_1_signed_header_sent_with_another_value() {
    let p = bucket("eu-west-1")
        .put_object("cat.png")
        .content_type("image/png")
        .metadata("owner", "alice")
        .presign(&creds(), t0(), 900)
        .unwrap();
    let sent = Sent::new("PUT", &p.url)
        .header("Content-Type", "image/jpeg")
        .header("X-Amz-Meta-Owner", "  alice ");
    let f = run(&p, &sent);
    assert_eq!(
        f,
        [Finding::SignedHeaderChanged {
            name: "content-type".into(),
            signed: "image/png".into(),
            sent: "image/jpeg".into()
        }]
    );
    assert!(
        f[0].to_string()
            .contains("send `Content-Type: image/png` exactly"),
        "{}",
        f[0]
    );
    assert!(matches!(
        verdict(&sent, t0()),
        Err(Rejection::SignatureDoesNotMatch(_))
    ));
    // Metadata not sent.
    let sent = Sent::new("PUT", &p.url).header("content-type", "image/png");
    let f = run(&p, &sent);
    assert_eq!(
        f,
        [Finding::SignedHeaderNotSent {
            name: "x-amz-meta-owner".into(),
            value: Some("alice".into()),
            upload: true
        }]
    );
    assert!(
        f[0].to_string().contains("`X-Amz-Meta-Owner: alice`"),
        "{}",
        f[0]
    );
}

#[test]
fn pitfall_1_header_sent_but_not_signed() {
    let p = bucket("eu-west-1")
        .put_object("cat.png")
        .presign(&creds(), t0(), 900)
        .unwrap();
    let sent = Sent::new("PUT", &p.url)
        .header("x-amz-acl", "public-read")
        .header("Content-Type", "image/png");
    let f = run(&p, &sent);
    assert_eq!(
        f,
        [Finding::UnsignedAmzHeader {
            name: "x-amz-acl".into()
        }]
    );
    assert!(
        f[0].to_string()
            .contains("There were headers present in the request which were not signed"),
        "{}",
        f[0]
    );
    assert_eq!(f[0].s3_code(), Some("AccessDenied"));
    assert_eq!(
        verdict(&sent, t0()).unwrap_err(),
        Rejection::UnsignedHeaders {
            names: vec!["x-amz-acl".into()]
        }
    );
    // An Authorization header on top of a presigned URL.
    let sent = Sent::new("PUT", &p.url).header("Authorization", "Bearer abc");
    let f = run(&p, &sent);
    assert_eq!(f, [Finding::AuthorizationHeaderSent]);
    assert_eq!(
        verdict(&sent, t0()).unwrap_err(),
        Rejection::ConflictingAuthentication
    );
}

// ---- pitfall 4: `+` vs space in the query ----

#[test]
fn pitfall_4_plus_and_space_in_the_query() {
    let p = bucket("us-east-1")
        .get_object("report.pdf")
        .response_content_disposition("attachment; filename=\"q1 report+final.pdf\"")
        .presign(&creds(), t0(), 900)
        .unwrap();
    assert!(p.url.contains("q1%20report%2Bfinal.pdf"), "{}", p.url);
    // A form encoder writes the space as `+`.
    let url = p.url.replace("q1%20report", "q1+report");
    let sent = Sent::new("GET", &url);
    let f = run(&p, &sent);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        matches!(&f[0], Finding::QueryParameterChanged { name, change: Change::SpaceAsPlus, severity: Severity::Breaks, .. } if name == "response-content-disposition"),
        "{f:?}"
    );
    assert!(
        f[0].to_string().contains("signed as `%20`, sent as `+`"),
        "{}",
        f[0]
    );
    assert!(matches!(
        verdict(&sent, t0()),
        Err(Rejection::SignatureDoesNotMatch(_))
    ));
    // The literal `+` sent bare: SigV4 decodes it as a plus, form decoders as a space.
    let url = p.url.replace("report%2Bfinal", "report+final");
    let f = run(&p, &Sent::new("GET", &url));
    assert!(
        matches!(
            &f[..],
            [Finding::QueryParameterChanged {
                change: Change::PlusNotEncoded,
                severity: Severity::Risky,
                ..
            }]
        ),
        "{f:?}"
    );
    assert!(f[0].to_string().contains("take it for a space"), "{}", f[0]);
    // Lower-case escapes are harmless.
    let url = p.url.replace("%2Bfinal", "%2bfinal");
    let f = run(&p, &Sent::new("GET", &url));
    assert!(
        matches!(
            &f[..],
            [Finding::QueryParameterChanged {
                change: Change::EquivalentEscapes,
                severity: Severity::Harmless,
                ..
            }]
        ),
        "{f:?}"
    );
    assert_eq!(f[0].s3_code(), None);
    verdict(&Sent::new("GET", &url), t0()).unwrap();
}

// ---- pitfall 5: `+` and space in the key (path) ----

#[test]
fn pitfall_5_plus_and_space_in_the_key() {
    let p = bucket("us-east-1")
        .get_object("t+est file.txt")
        .presign(&creds(), t0(), 900)
        .unwrap();
    assert!(p.url.contains("/t%2Best%20file.txt?"), "{}", p.url);
    let path_change = |url: &str| -> (Change, Severity, String) {
        let f = run(&p, &Sent::new("GET", url));
        match &f[..] {
            [f @ Finding::PathChanged {
                change, severity, ..
            }] => (*change, *severity, f.to_string()),
            other => panic!("{other:?}"),
        }
    };
    // The space sent as `+`.
    let (c, s, msg) = path_change(&p.url.replace("t%2Best%20file", "t%2Best+file"));
    assert_eq!((c, s), (Change::SpaceAsPlus, Severity::Breaks));
    assert!(
        msg.contains("a space in the key, signed as `%20`, was sent as `+`"),
        "{msg}"
    );
    assert!(matches!(
        verdict(
            &Sent::new("GET", &p.url.replace("t%2Best%20file", "t%2Best+file")),
            t0()
        ),
        Err(Rejection::SignatureDoesNotMatch(_))
    ));
    // The `+` sent bare.
    let (c, s, msg) = path_change(&p.url.replace("t%2Best", "t+est"));
    assert_eq!((c, s), (Change::PlusNotEncoded, Severity::Risky));
    assert!(
        msg.contains("S3 may read a bare `+` in a path as a space"),
        "{msg}"
    );
    // Encoded twice.
    let (c, s, msg) = path_change(&p.url.replace("%20file", "%2520file"));
    assert_eq!((c, s), (Change::DoubleEncoded, Severity::Breaks));
    assert!(msg.contains("encoded twice"), "{msg}");
}

// ---- pitfall 6: reserved characters re-encoded ----

#[test]
fn pitfall_6_reserved_characters_re_encoded() {
    let key = "report (final)!*'~.txt";
    let p = bucket("us-east-1")
        .get_object(key)
        .presign(&creds(), t0(), 900)
        .unwrap();
    assert!(
        p.url.contains("/report%20%28final%29%21%2A%27~.txt?"),
        "{}",
        p.url
    );
    // encodeURIComponent leaves `!'()*` as they are; `~` written as `%7E`.
    let url = p.url.replace("%28final%29%21%2A%27~", "(final)!*'%7E");
    let sent = Sent::new("GET", &url);
    let f = run(&p, &sent);
    assert!(
        matches!(
            &f[..],
            [Finding::PathChanged {
                change: Change::EquivalentEscapes,
                severity: Severity::Harmless,
                ..
            }]
        ),
        "{f:?}"
    );
    assert!(f[0].to_string().contains("not the cause"), "{}", f[0]);
    // And indeed it verifies: S3 decodes before signing.
    verdict(&sent, t0()).unwrap();
    // Outside S3 the same re-encoding breaks the signature.
    let c = creds();
    let req = sigv4::Request::new("GET", "api.example.com", "/v1/it%27s");
    let p2 = sigv4::presign(
        &req,
        &SigningParams::new(&c, "us-east-1", "execute-api", t0()),
        60,
    )
    .unwrap();
    let url = p2.url.replace("it%27s", "it's");
    let f = run(&p2, &Sent::new("GET", &url));
    assert!(
        matches!(
            &f[..],
            [Finding::PathChanged {
                change: Change::EquivalentEscapes,
                severity: Severity::Breaks,
                ..
            }]
        ),
        "{f:?}"
    );
    assert!(matches!(
        verdict(&Sent::new("GET", &url), t0()),
        Err(Rejection::SignatureDoesNotMatch(_))
    ));
}

#[test]
fn pitfall_6_unencoded_question_mark_cuts_the_url() {
    let p = bucket("us-east-1")
        .get_object("what?#1.txt")
        .presign(&creds(), t0(), 900)
        .unwrap();
    assert!(p.url.contains("/what%3F%231.txt?"), "{}", p.url);
    // A client that builds the URL from the raw key.
    let (_, query) = p.url.split_once('?').unwrap();
    let url = format!("https://my-uploads.s3.us-east-1.amazonaws.com/what?#1.txt?{query}");
    let f = run(&p, &Sent::new("GET", &url));
    assert!(
        f.iter().any(|f| matches!(
            f,
            Finding::PathChanged {
                change: Change::Truncated { at: '?' },
                ..
            }
        )),
        "{f:?}"
    );
    assert!(f.iter().any(|f| matches!(f, Finding::SignatureParametersMissing { names } if names.contains(&"X-Amz-Signature"))), "{f:?}");
    let msg = f
        .iter()
        .map(|f| f.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        msg.contains("must be sent percent-encoded (`%3F`, `%23`)"),
        "{msg}"
    );
    assert!(msg.contains("the URL was cut short"), "{msg}");
    assert_eq!(
        verdict(&Sent::new("GET", &url), t0()).unwrap_err(),
        Rejection::MissingAuthentication
    );
}

// ---- pitfall 7: Unicode keys, NFC vs NFD ----

#[test]
fn pitfall_7_unicode_normalization() {
    let nfc = "caf\u{e9}/\u{d55c}\u{ae00}.txt"; // café/한글 precomposed
    let nfd = "cafe\u{301}/\u{1112}\u{1161}\u{11ab}\u{1100}\u{1173}\u{11af}.txt"; // decomposed
    let p = bucket("us-east-1")
        .get_object(nfc)
        .presign(&creds(), t0(), 900)
        .unwrap();
    let (_, query) = p.url.split_once('?').unwrap();
    let path = oracle::encode_path(nfd);
    let url = format!("https://my-uploads.s3.us-east-1.amazonaws.com/{path}?{query}");
    let sent = Sent::new("GET", &url);
    let f = run(&p, &sent);
    assert!(
        matches!(
            &f[..],
            [Finding::PathChanged {
                change: Change::UnicodeNormalization,
                severity: Severity::Breaks,
                ..
            }]
        ),
        "{f:?}"
    );
    assert!(f[0].to_string().contains("NFC vs NFD"), "{}", f[0]);
    assert!(matches!(
        verdict(&sent, t0()),
        Err(Rejection::SignatureDoesNotMatch(_))
    ));
    // Another key altogether is not called a normalization problem.
    let url = p.url.replace("caf%C3%A9", "cafe");
    let f = run(&p, &Sent::new("GET", &url));
    assert!(
        matches!(
            &f[..],
            [Finding::PathChanged {
                change: Change::Different,
                ..
            }]
        ),
        "{f:?}"
    );
}

// ---- pitfall 9: wrong region ----

#[test]
fn pitfall_9_wrong_region() {
    let b = Bucket::new(Endpoint::aws("us-east-2").unwrap(), "my-uploads").unwrap();
    let p = b.get_object("k").presign(&creds(), t0(), 900).unwrap();
    let ctx = Context::default().expected_region("ap-south-1");
    let f = diagnose_url(&Intended::from_presigned(&p), &ctx);
    assert_eq!(
        f,
        [Finding::RegionMismatch {
            signed: "us-east-2".into(),
            expected: "ap-south-1".into(),
            from_host: false
        }]
    );
    let msg = f[0].to_string();
    assert!(
        msg.contains("the region 'us-east-2' is wrong; expecting 'ap-south-1'"),
        "{msg}"
    );
    assert_eq!(f[0].s3_code(), Some("AuthorizationQueryParametersError"));
    // The verifier says the same, with S3's message.
    let e = Verifier::new(t0())
        .region("ap-south-1")
        .verify(
            &Request::from_url("GET", &p.url).unwrap(),
            |_: &str, _: Option<&str>| Some(SECRET),
        )
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("the region 'us-east-2' is wrong; expecting 'ap-south-1'"),
        "{e}"
    );
    // A regional host that disagrees with the signing region is found without being told.
    let c = creds();
    let req = sigv4::Request::new("GET", "my-uploads.s3.ap-south-1.amazonaws.com", "/k")
        .payload(Payload::Unsigned);
    let p = sigv4::presign(&req, &SigningParams::new(&c, "us-east-1", "s3", t0()), 900).unwrap();
    let f = diagnose_url(&Intended::from_presigned(&p), &Context::default());
    assert_eq!(
        f,
        [Finding::RegionMismatch {
            signed: "us-east-1".into(),
            expected: "ap-south-1".into(),
            from_host: true
        }]
    );
}

// ---- pitfall 10: credentials that expire before the URL ----

#[test]
fn pitfall_10_credentials_expire_before_the_url() {
    let p = bucket("us-east-1")
        .get_object("k")
        .presign(&creds(), t0(), 7 * 86_400)
        .unwrap();
    let six_hours = t0().add_seconds(6 * 3600).unwrap();
    let ctx = Context::default().credentials_expire_at(six_hours);
    let f = diagnose_url(&Intended::from_presigned(&p), &ctx);
    assert_eq!(
        f,
        [Finding::CredentialsExpireFirst {
            credentials_expire_at: six_hours,
            url_expires_at: p.expires_at,
            already: false
        }]
    );
    assert_eq!(f[0].severity(), Severity::Risky);
    assert!(
        f[0].to_string().contains("S3 answers ExpiredToken"),
        "{}",
        f[0]
    );
    // Later, it has happened.
    let f = diagnose_url(
        &Intended::from_presigned(&p),
        &ctx.now(six_hours.add_seconds(60).unwrap()),
    );
    assert!(
        matches!(
            &f[..],
            [Finding::CredentialsExpireFirst { already: true, .. }]
        ),
        "{f:?}"
    );
    assert_eq!(f[0].severity(), Severity::Breaks);
    // The verifier, given the credentials' expiration by its lookup, refuses with ExpiredToken.
    let temp = creds().with_expiration(six_hours);
    let e = Verifier::new(six_hours)
        .verify(
            &Request::from_url("GET", &p.url).unwrap(),
            |_: &str, _: Option<&str>| Some(&temp),
        )
        .unwrap_err();
    assert_eq!(e.s3_code(), "ExpiredToken");
}

// ---- pitfall 11: expiry over seven days; and expired URLs ----

#[test]
fn pitfall_11_expiry_over_seven_days() {
    let p = bucket("us-east-1")
        .get_object("k")
        .presign(&creds(), t0(), 604_800)
        .unwrap();
    let url = p
        .url
        .replace("X-Amz-Expires=604800", "X-Amz-Expires=691200");
    let f = diagnose_url(&Intended::from_url(Some("GET"), &url), &Context::default());
    assert_eq!(f, [Finding::ExpiryTooLong { seconds: 691_200 }]);
    assert!(
        f[0].to_string()
            .contains("S3 refuses more than 604800 s (7 days)"),
        "{}",
        f[0]
    );
    let e = Verifier::new(t0())
        .verify(
            &Request::from_url("GET", &url).unwrap(),
            |_: &str, _: Option<&str>| Some(SECRET),
        )
        .unwrap_err();
    assert_eq!(e.s3_code(), "AuthorizationQueryParametersError");
}

#[test]
fn expired_urls_say_how_long_ago() {
    let p = bucket("us-east-1")
        .get_object("k")
        .presign(&creds(), t0(), 900)
        .unwrap();
    let now = t0().add_seconds(900 + 2 * 3600 + 5 * 60).unwrap();
    let f = diagnose(
        &Intended::from_presigned(&p),
        &Sent::new("GET", &p.url),
        &Context::default().now(now),
    );
    assert_eq!(
        f,
        [Finding::Expired {
            expired_at: p.expires_at,
            seconds_ago: 7500
        }]
    );
    assert!(
        f[0].to_string().contains("the URL expired 2 h 5 min ago"),
        "{}",
        f[0]
    );
    assert!(matches!(
        verdict(&Sent::new("GET", &p.url), now),
        Err(Rejection::Expired { .. })
    ));
    // Dated in the future beyond the skew.
    let f = diagnose_url(
        &Intended::from_presigned(&p),
        &Context::default().now(ts("2026-11-23T11:00:00Z")),
    );
    assert_eq!(
        f,
        [Finding::NotYetValid {
            signed_at: t0(),
            seconds_ahead: 3600
        }]
    );
}

// ---- pitfall 12: host and port ----

#[test]
fn pitfall_12_host_and_port() {
    let b = Bucket::new(
        Endpoint::custom("http://127.0.0.1:9000", "us-east-1").unwrap(),
        "bkt",
    )
    .unwrap();
    let p = b.get_object("k").presign(&creds(), t0(), 900).unwrap();
    assert!(p.url.starts_with("http://127.0.0.1:9000/bkt/k?"));
    // A proxy in front, on port 80.
    let url = p.url.replace("127.0.0.1:9000", "127.0.0.1");
    let f = run(&p, &Sent::new("GET", &url));
    assert_eq!(
        f,
        [Finding::PortChanged {
            signed: "127.0.0.1:9000".into(),
            sent: "127.0.0.1".into()
        }]
    );
    assert!(
        f[0].to_string()
            .contains("the port is part of the signed Host"),
        "{}",
        f[0]
    );
    assert!(matches!(
        verdict(&Sent::new("GET", &url), t0()),
        Err(Rejection::SignatureDoesNotMatch(_))
    ));
    // Another host name.
    let url = p.url.replace("127.0.0.1:9000", "localhost:9000");
    let f = run(&p, &Sent::new("GET", &url));
    assert_eq!(
        f,
        [Finding::HostChanged {
            signed: "127.0.0.1:9000".into(),
            sent: "localhost:9000".into()
        }]
    );
    // A Host header rewritten by a proxy is what counts.
    let f = run(
        &p,
        &Sent::new("GET", &p.url).header("Host", "s3.internal:9000"),
    );
    assert!(
        matches!(&f[..], [Finding::HostChanged { sent, .. }] if sent == "s3.internal:9000"),
        "{f:?}"
    );
    // An origin-form target (no host known) is not a host change.
    let target = &p.url[p.url.find("/bkt").unwrap()..];
    assert_eq!(run(&p, &Sent::new("GET", target)), []);
    // The default port written out is the same Host.
    let aws = bucket("us-east-1")
        .get_object("k")
        .presign(&creds(), t0(), 900)
        .unwrap();
    let url = aws
        .url
        .replacen(".amazonaws.com/", ".amazonaws.com:443/", 1);
    assert_eq!(run(&aws, &Sent::new("GET", &url)), []);
    verdict(&Sent::new("GET", &url), t0()).unwrap();
}

// ---- pitfall 13: method ----

#[test]
fn pitfall_13_method() {
    let p = bucket("us-east-1")
        .put_object("k")
        .presign(&creds(), t0(), 900)
        .unwrap();
    let f = run(&p, &Sent::new("GET", &p.url));
    assert_eq!(
        f,
        [Finding::MethodChanged {
            signed: "PUT".into(),
            sent: "GET".into()
        }]
    );
    let msg = f[0].to_string();
    assert!(
        msg.contains("presigned for PUT but was sent with GET") && msg.contains("browser"),
        "{msg}"
    );
    assert!(matches!(
        verdict(&Sent::new("GET", &p.url), t0()),
        Err(Rejection::SignatureDoesNotMatch(_))
    ));
    let g = bucket("us-east-1")
        .get_object("k")
        .presign(&creds(), t0(), 900)
        .unwrap();
    let f = run(&g, &Sent::new("HEAD", &g.url));
    assert!(
        f[0].to_string()
            .contains("HEAD and GET are signed differently"),
        "{}",
        f[0]
    );
}

// ---- pitfall 14: the session token mis-encoded ----

#[test]
fn pitfall_14_session_token_plus_became_space() {
    let token = "IQoJb3JpZ2luX2VjEHcaCXVzLWVhc3QtMSJHMEUCIQ+Dy/abc+def/ghi==";
    let c = creds().with_session_token(token).unwrap();
    let p = bucket("us-east-1")
        .get_object("k")
        .presign(&c, t0(), 900)
        .unwrap();
    assert!(
        p.url.contains("CIQ%2BDy%2Fabc%2Bdef%2Fghi%3D%3D"),
        "{}",
        p.url
    );
    // A client that decoded the URL as a form and re-encoded it: `+` became a space.
    let url = p
        .url
        .replace("CIQ%2BDy%2Fabc%2Bdef", "CIQ%20Dy%2Fabc%20def");
    let f = run(&p, &Sent::new("GET", &url));
    assert!(
        matches!(&f[..], [Finding::QueryParameterChanged { name, change: Change::PlusBecameSpace, severity: Severity::Breaks, .. }] if name == "X-Amz-Security-Token"),
        "{f:?}"
    );
    let msg = f[0].to_string();
    assert!(
        msg.contains("session token")
            && msg.contains("`+`")
            && msg.contains("`%2B`, `%2F` and `%3D`"),
        "{msg}"
    );
    // The token is never shown in full.
    for text in [msg, format!("{f:?}")] {
        assert!(
            !text.contains("Dy%2Fabc") && !text.contains("ZWFzdC0x") && !text.contains("abc+def"),
            "{text}"
        );
    }
    // The raw `+` left bare is flagged as risky.
    let url = p.url.replace("CIQ%2BDy", "CIQ+Dy");
    let f = run(&p, &Sent::new("GET", &url));
    assert!(
        matches!(
            &f[..],
            [Finding::QueryParameterChanged {
                change: Change::PlusNotEncoded,
                severity: Severity::Risky,
                ..
            }]
        ),
        "{f:?}"
    );
}

// ---- pitfall 15: canonical query sort order ----

#[test]
fn pitfall_15_sort_order_in_s3s_canonical_request() {
    let b = bucket("us-east-1");
    let (p, ours) = b
        .get_object("k")
        .query("z", "1")
        .query("é", "2")
        .presign_with_details(&creds(), t0(), 900)
        .unwrap();
    let query_line = ours.canonical_request.lines().nth(2).unwrap();
    assert!(
        query_line.starts_with("%C3%A9=2&X-Amz-Algorithm="),
        "{query_line}"
    );
    // A server (or signer) that sorted before encoding puts `z` before `é`.
    let mut pairs: Vec<&str> = query_line.split('&').collect();
    pairs.sort_by_key(|p| oracle::decode_lossy(p.split('=').next().unwrap()));
    let theirs = ours.canonical_request.replace(query_line, &pairs.join("&"));
    assert_ne!(theirs, ours.canonical_request);
    let diff = compare_signing(&ours.canonical_request, &ours.string_to_sign, &theirs, None);
    assert_eq!(diff.components(), [&Component::Query]);
    let note = diff.lines[0].note.as_deref().unwrap();
    assert!(
        note.contains("another order") && note.contains("sorted before encoding"),
        "{note}"
    );
    // Our verifier sorts by encoded names: the URL verifies.
    verdict(&Sent::new("GET", &p.url), t0()).unwrap();
}

// ---- S3's SignatureDoesNotMatch body ----

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn s3_body(canonical_request: &str, string_to_sign: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>{AKID}</AWSAccessKeyId><StringToSign>{}</StringToSign><SignatureProvided>abc</SignatureProvided><CanonicalRequest>{}</CanonicalRequest><RequestId>X</RequestId></Error>",
        xml_escape(string_to_sign),
        xml_escape(canonical_request)
    )
}

fn sts_for(canonical_request: &str, ours_sts: &str) -> String {
    let mut lines: Vec<String> = ours_sts.lines().map(String::from).collect();
    lines[3] = oracle::sha256_hex(canonical_request.as_bytes());
    lines.join("\n")
}

#[test]
fn s3_error_body_diff_names_the_header_that_was_not_sent() {
    let (_, ours) = bucket("eu-west-1")
        .put_object("cat.png")
        .content_type("image/png")
        .presign_with_details(&creds(), t0(), 900)
        .unwrap();
    // S3 received no Content-Type: its canonical request has an empty value.
    let theirs = ours
        .canonical_request
        .replace("content-type:image/png\n", "content-type:\n");
    let body = s3_body(&theirs, &sts_for(&theirs, &ours.string_to_sign));
    let parsed = S3ErrorBody::parse(&body);
    assert_eq!(parsed.code.as_deref(), Some("SignatureDoesNotMatch"));
    assert_eq!(parsed.canonical_request.as_deref(), Some(theirs.as_str()));
    let diff = explain_signature_mismatch(&ours, &body).unwrap();
    assert_eq!(
        diff.components(),
        [&Component::Header("content-type".into()), &Component::Hash]
    );
    let l = &diff.lines[0];
    assert_eq!(
        (l.line, l.ours.as_deref(), l.theirs.as_deref()),
        (4, Some("content-type:image/png"), Some("content-type:"))
    );
    let shown = diff.to_string();
    assert!(
        shown.contains("canonical request line 4 (the header `content-type`)"),
        "{shown}"
    );
    assert!(
        shown.contains("follows from the canonical request differences"),
        "{shown}"
    );
}

#[test]
fn s3_error_body_diff_for_each_component() {
    let c = creds();
    let req = sigv4::Request::new("PUT", "my-uploads.s3.eu-west-1.amazonaws.com", "/a b.txt")
        .query("x", "1")
        .header("x-amz-meta-a", "v")
        .payload(Payload::Unsigned);
    let (_, ours) =
        sigv4::presign_with_details(&req, &SigningParams::new(&c, "eu-west-1", "s3", t0()), 900)
            .unwrap();
    let cr = &ours.canonical_request;
    let cases: Vec<(String, Component)> = vec![
        (cr.replacen("PUT\n", "GET\n", 1), Component::Method),
        (cr.replace("/a%20b.txt", "/a%2Bb.txt"), Component::Uri),
        (cr.replace("x=1", "x=2"), Component::Query),
        (
            cr.replace("x-amz-meta-a:v", "x-amz-meta-a:w"),
            Component::Header("x-amz-meta-a".into()),
        ),
        (
            cr.replace("\nhost;x-amz-meta-a\n", "\nhost\n"),
            Component::SignedHeaders,
        ),
        (
            cr.replace("UNSIGNED-PAYLOAD", oracle::EMPTY_SHA256),
            Component::Payload,
        ),
    ];
    for (theirs, want) in cases {
        assert_ne!(&theirs, cr);
        let diff = compare_signing(cr, &ours.string_to_sign, &theirs, None);
        assert_eq!(diff.components(), [&want], "{diff}");
        assert!(diff.to_string().contains(&want.to_string()), "{diff}");
    }
    // A double-encoded URI is called that.
    let diff = compare_signing(
        cr,
        &ours.string_to_sign,
        &cr.replace("/a%20b.txt", "/a%2520b.txt"),
        None,
    );
    assert!(
        diff.lines[0]
            .note
            .as_deref()
            .unwrap()
            .contains("encoded twice"),
        "{diff}"
    );
    // String to sign: the scope's region, the date.
    let sts = &ours.string_to_sign;
    let diff = compare_signing(
        cr,
        sts,
        cr,
        Some(&sts.replace("/eu-west-1/", "/us-east-1/")),
    );
    assert_eq!(diff.components(), [&Component::Scope]);
    assert!(
        diff.lines[0].note.as_deref().unwrap().contains("region"),
        "{diff}"
    );
    let diff = compare_signing(cr, sts, cr, Some(&sts.replace("T120000Z", "T120001Z")));
    assert_eq!(diff.components(), [&Component::Date]);
    // Identical texts: the secret differs.
    let diff = compare_signing(cr, sts, cr, Some(sts));
    assert!(diff.is_empty());
    assert!(
        diff.to_string().contains("the secret access key is wrong"),
        "{diff}"
    );
}

#[test]
fn s3_error_body_bytes_fallback_and_token_redaction() {
    let c = creds()
        .with_session_token("FQoGZXIvYXdzEJr+secret/token=")
        .unwrap();
    let (_, ours) = bucket("us-east-1")
        .get_object("k")
        .presign_with_details(&c, t0(), 900)
        .unwrap();
    let theirs = ours
        .canonical_request
        .replace("EJr%2Bsecret", "EJr%20secret");
    let hex_bytes = |s: &str| {
        s.bytes()
            .map(|b| format!("{b:02x}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let body = format!(
        "<Error><Code>SignatureDoesNotMatch</Code><CanonicalRequestBytes>{}</CanonicalRequestBytes><StringToSignBytes>{}</StringToSignBytes></Error>",
        hex_bytes(&theirs),
        hex_bytes(&sts_for(&theirs, &ours.string_to_sign))
    );
    let diff = explain_signature_mismatch(&ours, &body).unwrap();
    assert_eq!(diff.components(), [&Component::Query, &Component::Hash]);
    let shown = format!("{diff} {diff:?}");
    assert!(shown.contains("the session token differs"), "{shown}");
    assert!(
        !shown.contains("secret") || !shown.contains("EJr"),
        "{shown}"
    );
    assert!(!shown.contains("FQoGZXIvYXdz"), "{shown}");
    assert!(
        explain_signature_mismatch(&ours, "<Error><Code>AccessDenied</Code></Error>").is_none()
    );
}

// ---- robustness ----

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Arbitrary inputs never panic.
    #[test]
    fn never_panics(
        a in ".{0,200}",
        b in ".{0,200}",
        m in ".{0,8}",
        headers in proptest::collection::vec((".{0,12}", ".{0,40}"), 0..4),
        now in 0i64..253_402_300_799,
    ) {
        let mut intended = Intended::from_url(Some(&m), &a);
        intended.headers = Some(headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect());
        let mut sent = Sent::new("GET", &b);
        sent.headers = headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let ctx = Context::default().now(Timestamp::from_unix(now).unwrap()).expected_region("us-east-1");
        let _ = diagnose(&intended, &sent, &ctx);
        let _ = diagnose_url(&intended, &ctx);
        let _ = S3ErrorBody::parse(&a);
        let _ = compare_signing(&a, &b, &b, Some(&a));
    }

    /// Changing one character of a presigned URL's path or query gives at least one finding, and
    /// a breaking one whenever our verifier refuses it.
    #[test]
    fn edits_are_diagnosed(key in "[a-z0-9 +~%()!]{1,12}", pos in 0usize..1000, ch in "[a-z0-9 +~%]") {
        let p = bucket("us-east-1").get_object(&key).query("q", "v w+x").presign(&creds(), t0(), 900).unwrap();
        let start = p.url.find(".com/").unwrap() + 5;
        let mut url = p.url.clone();
        let i = start + pos % (url.len() - start);
        if !url.is_char_boundary(i) || !url.is_char_boundary(i + 1) {
            return Err(TestCaseError::reject("not a boundary"));
        }
        url.replace_range(i..i + 1, &ch);
        prop_assume!(url != p.url);
        let sent = Sent::new("GET", &url);
        let f = run(&p, &sent);
        prop_assert!(!f.is_empty(), "{url}");
        if verdict(&sent, t0()).is_err() {
            prop_assert!(f.iter().any(|f| f.severity() >= Severity::Risky), "{url}: {f:?}");
        }
    }
}

#[test]
fn a_client_removing_dot_segments_is_named_for_what_it_is() {
    // What Chromium sent for each key (tests/browser), and what the diagnosis says about it.
    let b = bucket("eu-west-1");
    for (key, sent_path) in [
        ("k/./a.png", "/k/a.png"),
        ("k/x/../a.png", "/k/a.png"),
        ("k/.", "/k/"),
        ("k/..", "/"),
    ] {
        let p = b.put_object(key).presign(&creds(), t0(), 900).unwrap();
        let (origin, rest) = p.url.split_at(p.url.find(".com/").unwrap() + 4);
        let query = &rest[rest.find('?').unwrap()..];
        let sent_url = format!("{origin}{sent_path}{query}");
        let sent = Sent::new("PUT", &sent_url);
        let findings = run(&p, &sent);
        assert!(
            matches!(
                &findings[..],
                [Finding::PathChanged {
                    change: Change::DotSegmentsRemoved,
                    severity: Severity::Breaks,
                    ..
                }]
            ),
            "{key}: {findings:?}"
        );
        assert_eq!(findings[0].code(), "path-changed");
        assert_eq!(findings[0].s3_code(), Some("SignatureDoesNotMatch"));
        let m = findings[0].to_string();
        assert!(m.contains("`.`/`..` segments were removed"), "{m}");
        assert!(m.contains("curl --path-as-is"), "{m}");
        assert!(verdict(&sent, t0()).is_err(), "the verifier refuses it too");
    }
    // Another path altogether is not called a dot-segment removal.
    let p = b
        .put_object("k/./a.png")
        .presign(&creds(), t0(), 900)
        .unwrap();
    let other = p.url.replacen("/k/./a.png", "/k/b.png", 1);
    let findings = run(&p, &Sent::new("PUT", &other));
    assert!(
        matches!(
            &findings[..],
            [Finding::PathChanged {
                change: Change::Different,
                ..
            }]
        ),
        "{findings:?}"
    );
}

#[test]
fn a_different_content_type_a_missing_meta_header_and_another_method_are_named() {
    let p = bucket("eu-west-1")
        .put_object("cat.png")
        .content_type("image/png")
        .metadata("owner", "alice")
        .presign(&creds(), t0(), 900)
        .unwrap();
    let sent = Sent::new("PUT", &p.url).header("Content-Type", "image/jpeg");
    let codes: Vec<&str> = run(&p, &sent).iter().map(Finding::code).collect();
    assert_eq!(codes, ["signed-header-changed", "signed-header-not-sent"]);
    let findings = run(&p, &sent);
    assert!(
        findings[0].to_string().contains(
            "`Content-Type` was sent as `image/jpeg` but the URL is signed for `image/png`"
        ),
        "{}",
        findings[0]
    );
    assert!(
        findings[1]
            .to_string()
            .contains("`X-Amz-Meta-Owner: alice`"),
        "{}",
        findings[1]
    );

    // XHR's charset rewrite, the other classic.
    let p = bucket("eu-west-1")
        .put_object("a.txt")
        .content_type("text/plain;charset=utf-8")
        .presign(&creds(), t0(), 900)
        .unwrap();
    let sent = Sent::new("PUT", &p.url).header("content-type", "text/plain;charset=UTF-8");
    assert_eq!(
        run(&p, &sent).iter().map(Finding::code).collect::<Vec<_>>(),
        ["signed-header-changed"]
    );

    let sent = Sent::new("GET", &p.url).header("content-type", "text/plain;charset=utf-8");
    let findings = run(&p, &sent);
    assert_eq!(
        findings.iter().map(Finding::code).collect::<Vec<_>>(),
        ["method-changed"]
    );
}

#[test]
fn finding_codes_are_distinct_kebab_case() {
    let t = t0();
    let all = [
        Finding::AuthorizationHeaderSent,
        Finding::NotPresigned { missing: vec![] },
        Finding::TooLarge { what: "URL" },
        Finding::Expired {
            expired_at: t,
            seconds_ago: 1,
        },
        Finding::NotYetValid {
            signed_at: t,
            seconds_ahead: 1,
        },
        Finding::ExpiryTooLong { seconds: 1 },
        Finding::MethodChanged {
            signed: "PUT".into(),
            sent: "GET".into(),
        },
        Finding::UnsignedAmzHeader {
            name: "x-amz-acl".into(),
        },
        Finding::SignatureParametersMissing { names: vec![] },
        Finding::QueryParameterRemoved { name: "a".into() },
        Finding::QueryParameterAdded { name: "a".into() },
    ];
    let mut codes: Vec<&str> = all.iter().map(Finding::code).collect();
    for c in &codes {
        assert!(
            c.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{c}"
        );
    }
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), all.len());
}

#[test]
fn diagnose_url_names_the_client_hazards_of_a_url() {
    let b = bucket("eu-west-1");
    let p = b
        .put_object("k/./a.png")
        .presign(&creds(), t0(), 900)
        .unwrap();
    let findings = diagnose_url(&Intended::from_presigned(&p), &Context::default().now(t0()));
    assert_eq!(
        findings,
        [Finding::ClientHazard {
            warning: presign::Warning::DotSegmentInKey {
                path: "/k/./a.png".into()
            }
        }]
    );
    assert_eq!(findings[0].code(), "client-hazard");
    assert_eq!(findings[0].severity(), Severity::Risky);
    assert!(findings[0]
        .to_string()
        .starts_with("clients may break this URL (dot-segment-in-key): the path `/k/./a.png`"));

    let p = b
        .get_object("r.png")
        .response_content_disposition("attachment; filename=\"caf\u{e9}.png\"")
        .presign(&creds(), t0(), 900)
        .unwrap();
    let findings = diagnose_url(&Intended::from_presigned(&p), &Context::default().now(t0()));
    assert!(
        matches!(&findings[..], [Finding::ClientHazard { warning: presign::Warning::NonAsciiResponseOverride { parameter } }] if parameter == "response-content-disposition"),
        "{findings:?}"
    );

    // What the presign warned about is what the URL alone shows.
    let p = b
        .get_object("r.png")
        .download_as("caf\u{e9}.png")
        .presign(&creds(), t0(), 900)
        .unwrap();
    assert_eq!(
        diagnose_url(&Intended::from_presigned(&p), &Context::default().now(t0())),
        []
    );

    // Other services normalize paths: no hazard.
    let c = creds();
    let api = SigningParams::new(&c, "eu-west-1", "execute-api", t0());
    let p = sigv4::presign(
        &sigv4::Request::new("GET", "x.execute-api.eu-west-1.amazonaws.com", "/a/./b"),
        &api,
        900,
    )
    .unwrap();
    assert_eq!(
        diagnose_url(&Intended::from_presigned(&p), &Context::default().now(t0())),
        []
    );
}
