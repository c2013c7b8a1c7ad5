//! Every bad input gets a typed error whose message says what to fix. One test per input.

#[path = "common/codes.rs"]
mod codes;

use presign::s3::{AddressingStyle, Bucket, Endpoint};
use presign::sigv4::{self, Payload, Request, SigningParams};
use presign::{Credentials, Error, Timestamp};

fn creds() -> Credentials {
    Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY").unwrap()
}

fn t0() -> Timestamp {
    Timestamp::parse_rfc3339("2015-08-30T12:36:00Z").unwrap()
}

/// Presigns `req` with defaults and returns the error, checking its message names the fix.
fn presign_err(req: &Request<'_>, region: &str, service: &str, expires: u64, fix: &str) -> Error {
    let c = creds();
    let p = SigningParams::new(&c, region, service, t0());
    let e = sigv4::presign(req, &p, expires).expect_err("must be refused");
    let msg = e.to_string();
    assert!(msg.contains(fix), "message {msg:?} should say {fix:?}");
    assert!(!msg.contains("wJalr"), "no secret in {msg}");
    codes::assert_code_names_the_variant(&e, e.code());
    e
}

fn base() -> Request<'static> {
    Request::new("GET", "example.amazonaws.com", "/")
}

/// Whitespace outside ASCII: Python's `str.isspace()` (botocore's `' '.join(value.split())`)
/// and Rust's `char::is_whitespace` (s3s's `split_whitespace`) agree on exactly this set beyond
/// ASCII; aws-sigv4 and @smithy/signature-v4 keep every one of them.
const UNICODE_WHITESPACE: [char; 19] = [
    '\u{85}', '\u{a0}', '\u{1680}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}',
    '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200a}', '\u{2028}', '\u{2029}',
    '\u{202f}', '\u{205f}', '\u{3000}',
];

#[test]
fn header_values_with_unicode_whitespace_are_refused() {
    let c = creds();
    let bucket = bucket();
    for ch in UNICODE_WHITESPACE {
        for value in [format!("a{ch}b"), format!("{ch}lead"), format!("trail{ch}")] {
            let e = bucket
                .put_object("k")
                .metadata("note", value.as_str())
                .presign(&c, t0(), 60)
                .unwrap_err();
            assert_eq!(
                e,
                Error::AmbiguousWhitespace {
                    name: "x-amz-meta-note".into(),
                    character: ch
                },
                "{value:?}"
            );
            assert_eq!(e.code(), "ambiguous-whitespace");
            let text = e.to_string();
            assert!(text.contains(&format!("U+{:04X}", u32::from(ch))), "{text}");
            assert!(
                text.contains("send a plain space (U+0020) instead"),
                "{text}"
            );
            // The generic signer too, presigned or header-signed.
            let req = base().header("x-custom", &value);
            let params = SigningParams::new(&c, "us-east-1", "execute-api", t0());
            assert!(matches!(
                sigv4::presign(&req, &params, 60),
                Err(Error::AmbiguousWhitespace { .. })
            ));
            assert!(matches!(
                sigv4::sign(&req, &params),
                Err(Error::AmbiguousWhitespace { .. })
            ));
        }
    }
    // The set above is all of Unicode's whitespace beyond ASCII.
    let all: Vec<char> = (0x80..=0x10_ffff)
        .filter_map(char::from_u32)
        .filter(|c| c.is_whitespace())
        .collect();
    assert_eq!(all, UNICODE_WHITESPACE);
    // Not whitespace for any of the four (U+FEFF, U+200B, U+180E), and other non-ASCII text:
    // signed as they are.
    for value in [
        "a\u{feff}b",
        "zero\u{200b}width",
        "mongolian\u{180e}",
        "café ☕",
        "a\tb  c",
    ] {
        bucket
            .put_object("k")
            .metadata("note", value)
            .presign(&c, t0(), 60)
            .unwrap_or_else(|e| panic!("{value:?}: {e}"));
    }
}

#[test]
fn header_value_with_crlf_is_header_injection() {
    for v in [
        "a\r\nx-evil: 1",
        "a\nb",
        "a\rb",
        "nul\0",
        "bell\x07",
        "del\x7f",
    ] {
        let e = presign_err(
            &base().header("x-amz-meta-a", v),
            "us-east-1",
            "s3",
            60,
            "remove CR, LF",
        );
        assert_eq!(
            e,
            Error::InvalidHeaderValue {
                name: "x-amz-meta-a".into()
            }
        );
    }
    // Also when signing with an Authorization header.
    let c = creds();
    let e = sigv4::sign(
        &base().header("x-a", "1\r\n2"),
        &SigningParams::new(&c, "us-east-1", "s3", t0()),
    )
    .unwrap_err();
    assert!(matches!(e, Error::InvalidHeaderValue { .. }));
}

#[test]
fn header_names_must_be_tokens() {
    for n in ["", "a b", "a:b", "a\r\nb", "é", "a(b)", "\"q\""] {
        let e = presign_err(
            &base().header(n, "v"),
            "us-east-1",
            "s3",
            60,
            "invalid header name",
        );
        assert!(matches!(e, Error::InvalidHeaderName { .. }), "{n:?}: {e:?}");
    }
}

#[test]
fn non_ascii_header_name_is_refused_and_escaped_in_the_message() {
    let e = presign_err(
        &base().header("x-naïve\n", "v"),
        "us-east-1",
        "s3",
        60,
        "ASCII token",
    );
    assert!(
        e.to_string().contains("\\u{a}"),
        "control bytes are escaped: {e}"
    );
}

#[test]
fn reserved_headers_are_set_by_the_signer() {
    let e = presign_err(
        &base().header("Host", "evil.example"),
        "us-east-1",
        "s3",
        60,
        "set by the signer",
    );
    assert_eq!(
        e,
        Error::ReservedHeader {
            name: "host".into()
        }
    );
    let c = creds();
    let p = SigningParams::new(&c, "us-east-1", "s3", t0());
    assert_eq!(
        sigv4::sign(&base().header("X-Amz-Date", "20150830T123600Z"), &p).unwrap_err(),
        Error::ReservedHeader {
            name: "x-amz-date".into()
        }
    );
}

#[test]
fn empty_or_invalid_region() {
    for r in ["", "US-EAST-1", "us east 1", "us-east-1\n"] {
        let e = presign_err(&base(), r, "s3", 60, "region code");
        assert!(matches!(e, Error::InvalidRegion { .. }));
    }
}

#[test]
fn empty_or_invalid_service() {
    for s in ["", "S3", "s3 ", "exe/cute"] {
        let e = presign_err(&base(), "us-east-1", s, 60, "signing name");
        assert!(matches!(e, Error::InvalidService { .. }));
    }
}

#[test]
fn expiry_zero_or_over_a_week() {
    assert_eq!(
        presign_err(&base(), "us-east-1", "s3", 0, "1..=604800"),
        Error::InvalidExpiry { seconds: 0 }
    );
    assert_eq!(
        presign_err(&base(), "us-east-1", "s3", 604_801, "at most 7 days"),
        Error::InvalidExpiry { seconds: 604_801 }
    );
    let c = creds();
    sigv4::presign(
        &base(),
        &SigningParams::new(&c, "us-east-1", "s3", t0()),
        604_800,
    )
    .unwrap();
    sigv4::presign(&base(), &SigningParams::new(&c, "us-east-1", "s3", t0()), 1).unwrap();
}

#[test]
fn timestamps_out_of_range() {
    assert!(matches!(
        Timestamp::from_unix(-1),
        Err(Error::TimestampOutOfRange { .. })
    ));
    assert!(matches!(
        Timestamp::from_unix(253_402_300_800),
        Err(Error::TimestampOutOfRange { .. })
    ));
    assert!(matches!(
        Timestamp::parse_rfc3339("0999-01-01T00:00:00Z"),
        Err(Error::TimestampOutOfRange { .. })
    ));
    // An expiry that would run past 9999-12-31.
    let c = creds();
    let late = Timestamp::parse_rfc3339("9999-12-31T23:00:00Z").unwrap();
    let e = sigv4::presign(
        &base(),
        &SigningParams::new(&c, "us-east-1", "s3", late),
        7200,
    )
    .unwrap_err();
    assert!(matches!(e, Error::TimestampOutOfRange { .. }), "{e:?}");
}

#[test]
fn malformed_timestamps() {
    for t in [
        "2013-05-24",
        "2013-05-24 00:00",
        "20130524T000000Z",
        "2013-02-30T00:00:00Z",
        "yesterday",
    ] {
        let e = Timestamp::parse_rfc3339(t).unwrap_err();
        assert!(matches!(e, Error::InvalidTimestamp { .. }), "{t}");
        assert!(
            e.to_string().contains("2013-05-24T00:00:00Z"),
            "the message shows the format: {e}"
        );
    }
}

#[test]
fn method_host_and_path() {
    let mut r = base();
    r.method = "get";
    assert!(matches!(
        presign_err(&r, "us-east-1", "s3", 60, "upper-case"),
        Error::InvalidMethod { .. }
    ));
    let mut r = base();
    r.host = "example.com/path";
    assert!(matches!(
        presign_err(&r, "us-east-1", "s3", 60, "host name"),
        Error::InvalidHost { .. }
    ));
    let mut r = base();
    r.host = "";
    assert!(matches!(
        presign_err(&r, "us-east-1", "s3", 60, "host name"),
        Error::InvalidHost { .. }
    ));
    let mut r = base();
    r.path = "relative";
    assert!(matches!(
        presign_err(&r, "us-east-1", "s3", 60, "start with '/'"),
        Error::InvalidPath { .. }
    ));
    let mut r = base();
    r.path = "/a\r\nb";
    assert!(matches!(
        presign_err(&r, "us-east-1", "s3", 60, "control bytes"),
        Error::InvalidPath { .. }
    ));
    let mut r = base();
    r.scheme = "ftp";
    assert!(matches!(
        presign_err(&r, "us-east-1", "s3", 60, "http or https"),
        Error::InvalidEndpoint { .. }
    ));
}

#[test]
fn query_parameters() {
    let e = presign_err(&base().query("", "x"), "us-east-1", "s3", 60, "empty");
    assert!(matches!(e, Error::InvalidQueryParameter { .. }));
    let e = presign_err(
        &base().query("X-Amz-Signature", "x"),
        "us-east-1",
        "s3",
        60,
        "set by the signer",
    );
    assert!(matches!(e, Error::InvalidQueryParameter { .. }));
    let e = presign_err(
        &base().query("x-amz-expires", "9"),
        "us-east-1",
        "s3",
        60,
        "set by the signer",
    );
    assert!(matches!(e, Error::InvalidQueryParameter { .. }));
}

#[test]
fn payload_hash_must_be_hex_or_a_literal() {
    for h in [
        "",
        "abc",
        "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B85G",
        "with space",
    ] {
        let e = presign_err(
            &base().payload(Payload::Hash(h)),
            "us-east-1",
            "s3",
            60,
            "64 lower-case hex",
        );
        assert_eq!(e, Error::InvalidPayloadHash);
    }
}

#[test]
fn credentials_with_whitespace() {
    assert_eq!(
        Credentials::new("AKID", "secret\n").unwrap_err(),
        Error::InvalidSecretKey
    );
    assert_eq!(
        Credentials::new("AKID ", "secret").unwrap_err(),
        Error::InvalidAccessKeyId
    );
    assert_eq!(
        Credentials::new("AKID", "s")
            .unwrap()
            .with_session_token("t\r\n")
            .unwrap_err(),
        Error::InvalidSessionToken
    );
    assert!(Error::InvalidSecretKey
        .to_string()
        .contains("stray newline"));
}

#[test]
fn url_outliving_temporary_credentials() {
    let c = creds()
        .with_session_token("token")
        .unwrap()
        .with_expiration(t0().add_seconds(900).unwrap());
    let p = SigningParams::new(&c, "us-east-1", "s3", t0());
    let e = sigv4::presign(&base(), &p, 3600).unwrap_err();
    assert_eq!(
        e,
        Error::ExpiresAfterCredentials {
            url_expires_at: t0().unix() + 3600,
            credentials_expire_at: t0().unix() + 900
        }
    );
    assert!(e.to_string().contains("ExpiredToken"));
    // Clamping is explicit.
    let mut p = p;
    p.clamp_expiry_to_credentials = true;
    let ok = sigv4::presign(&base(), &p, 3600).unwrap();
    assert_eq!(ok.expires_at.unix() - ok.signed_at.unix(), 900);
    assert!(ok.url.contains("X-Amz-Expires=900&"));
    // Already expired credentials.
    let late = SigningParams::new(&c, "us-east-1", "s3", t0().add_seconds(901).unwrap());
    assert!(matches!(
        sigv4::presign(&base(), &late, 60),
        Err(Error::CredentialsExpired { .. })
    ));
}

// ---- S3 layer ----

fn bucket() -> Bucket {
    Bucket::new(Endpoint::aws("us-west-2").unwrap(), "my-bucket").unwrap()
}

#[test]
fn invalid_bucket_names_quote_the_rule() {
    let rules = [
        ("ab", "between 3 and 63"),
        ("my bucket", "only of lowercase letters, numbers, periods"),
        ("-bucket", "begin and end with a letter or number"),
        ("my..bucket", "two adjacent periods"),
        ("10.0.0.1", "IP address"),
    ];
    for (name, rule) in rules {
        let e = Bucket::new(Endpoint::aws("us-west-2").unwrap(), name).unwrap_err();
        assert!(matches!(e, Error::InvalidBucketName { .. }));
        assert!(e.to_string().contains(rule), "{name}: {e}");
    }
}

#[test]
fn names_s3_reserves_are_refused_on_aws() {
    let aws = || Endpoint::aws("us-west-2").unwrap();
    let refused = [
        ("xn--bcher-kva", "prefix xn--"),
        ("sthree-bucket", "prefix sthree-"),
        ("sthree-configurator-x", "prefix sthree-"),
        ("amzn-s3-demo-bucket", "prefix amzn-s3-demo-"),
        (
            "my-bucket--usw2-az1--x-s3",
            "directory bucket (S3 Express One Zone)",
        ),
        ("mfzwi23gnjvgw.mrap", "Multi-Region Access Point"),
    ];
    for (name, rule) in refused {
        let e = Bucket::new(aws(), name).unwrap_err();
        assert!(
            matches!(e, Error::InvalidBucketName { .. }),
            "{name}: {e:?}"
        );
        assert!(e.to_string().contains(rule), "{name}: {e}");
    }
    // Aliases S3 accepts in place of a bucket name, and near misses, are signed.
    for name in [
        "my-ap-hrzrlukc5m36ft7okagglf3gmwluquse1b-s3alias",
        "my-olap-abcdefghijklmnopqrstuv--ol-s3",
        "63a8e430-6e0b-46f5-k833abtwr6s8tmtsycedn8s4yc3xhuse1b--table-s3",
        "my-xn--bucket",
        "sthree",
        "bucket-x-s3",
        "mrap",
    ] {
        Bucket::new(aws(), name).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // Other S3-compatible servers have their own rules.
    let custom = Endpoint::custom("http://127.0.0.1:9000", "us-east-1").unwrap();
    Bucket::new(custom, "xn--bcher-kva").unwrap();
}

#[test]
fn virtual_hosted_needs_a_dns_name() {
    let e = Bucket::new(
        Endpoint::aws("us-west-2")
            .unwrap()
            .addressing(AddressingStyle::VirtualHosted),
        "My_Bucket",
    )
    .unwrap_err();
    assert!(e.to_string().contains("path-style"), "{e}");
}

#[test]
fn virtual_hosted_on_an_ip_endpoint_is_refused() {
    // `my-bucket.127.0.0.1:9000` or `my.bucket.[::1]:9000` are no URL hosts.
    for url in [
        "http://127.0.0.1:9000",
        "https://10.0.0.7",
        "http://[::1]:9000",
        "https://[2001:db8::1]",
    ] {
        let endpoint = Endpoint::custom(url, "us-east-1").unwrap();
        let e = Bucket::new(
            endpoint.clone().addressing(AddressingStyle::VirtualHosted),
            "my-bucket",
        )
        .unwrap_err();
        assert!(
            matches!(e, Error::UnsupportedConfiguration { .. }),
            "{url}: {e:?}"
        );
        assert!(
            e.to_string().contains("AddressingStyle::Path"),
            "{url}: {e}"
        );
        // Path-style and auto (which picks path-style on an IP) sign.
        for style in [AddressingStyle::Path, AddressingStyle::Auto] {
            let b = Bucket::new(endpoint.clone().addressing(style), "my-bucket").unwrap();
            assert!(!b.is_virtual_hosted(), "{url} {style:?}");
            assert_eq!(b.origin(), url, "{url} {style:?}");
        }
    }
    // Host names stay virtual-hostable, localhost and four-label names included.
    for url in [
        "http://localhost:9000",
        "https://s3.example.co.uk",
        "https://1.2.3.4.nip.io",
    ] {
        let endpoint = Endpoint::custom(url, "us-east-1")
            .unwrap()
            .addressing(AddressingStyle::VirtualHosted);
        let b = Bucket::new(endpoint, "my-bucket").unwrap();
        assert!(b.is_virtual_hosted(), "{url}");
    }
}

#[test]
fn keys_empty_or_over_1024_bytes() {
    let b = bucket();
    let c = creds();
    let e = b.get_object("").presign(&c, t0(), 60).unwrap_err();
    assert!(matches!(e, Error::InvalidObjectKey { len: 0, .. }));
    let long = "é".repeat(513); // 1026 bytes
    let e = b.get_object(&long).presign(&c, t0(), 60).unwrap_err();
    assert_eq!(
        e,
        Error::InvalidObjectKey {
            reason: "S3 keys are at most 1024 bytes of UTF-8",
            len: 1026
        }
    );
    b.get_object(&"k".repeat(1024))
        .presign(&c, t0(), 60)
        .unwrap();
}

#[test]
fn duplicate_and_reserved_s3_headers() {
    let b = bucket();
    let c = creds();
    let e = b
        .put_object("k")
        .content_type("a/b")
        .header("Content-Type", "c/d")
        .presign(&c, t0(), 60)
        .unwrap_err();
    assert_eq!(
        e,
        Error::DuplicateHeader {
            name: "content-type".into()
        }
    );
    let e = b
        .put_object("k")
        .metadata("A", "1")
        .metadata("a", "2")
        .presign(&c, t0(), 60)
        .unwrap_err();
    assert_eq!(
        e,
        Error::DuplicateHeader {
            name: "x-amz-meta-a".into()
        }
    );
    let e = b
        .put_object("k")
        .header("x-amz-security-token", "t")
        .presign(&c, t0(), 60)
        .unwrap_err();
    assert_eq!(
        e,
        Error::ReservedHeader {
            name: "x-amz-security-token".into()
        }
    );
    let e = b
        .put_object("k")
        .content_type("text/plain\r\nx-amz-acl: public-read")
        .presign(&c, t0(), 60)
        .unwrap_err();
    assert!(matches!(e, Error::InvalidHeaderValue { .. }));
}

#[test]
fn invalid_endpoints() {
    for (url, fix) in [
        ("s3.example.com", "http:// or https://"),
        ("http://h:99999", "1 to 65535"),
        ("https://h/base", "path"),
    ] {
        let e = Endpoint::custom(url, "us-east-1").unwrap_err();
        assert!(e.to_string().contains(fix), "{url}: {e}");
    }
    let e = Bucket::new(
        Endpoint::aws("us-gov-west-1").unwrap().accelerate(true),
        "b12",
    )
    .unwrap_err();
    assert!(e.to_string().contains("Acceleration"), "{e}");
}

/// Endpoint options S3 has no host for, refused when the bucket is resolved, with what to turn
/// off. botocore 1.43.11 refuses the same, except acceleration outside aws/aws-cn (it makes
/// `s3-accelerate` hosts AWS does not document) and dualstack or FIPS with an `endpoint_url`
/// (it ignores them).
#[test]
fn endpoint_options_s3_has_no_host_for() {
    let aws = |region: &str| Endpoint::aws(region).unwrap();
    let custom = || Endpoint::custom("https://minio.example.com", "us-east-1").unwrap();
    for (endpoint, fix) in [
        (
            aws("cn-north-1").fips(true),
            "no FIPS endpoints in the China regions",
        ),
        (
            aws("cn-northwest-1").fips(true).dualstack(true),
            "turn FIPS off",
        ),
        (
            aws("cn-north-1").accelerate(true),
            "only in the aws partition",
        ),
        (
            aws("us-gov-west-1").accelerate(true),
            "not in China, GovCloud",
        ),
        (
            aws("us-iso-east-1").accelerate(true),
            "turn acceleration off",
        ),
        (
            aws("eusc-de-east-1").accelerate(true),
            "European Sovereign Cloud",
        ),
        (
            aws("us-east-1").accelerate(true).fips(true),
            "no FIPS endpoint",
        ),
        (
            custom().fips(true),
            "custom endpoint cannot be combined with FIPS",
        ),
        (
            custom().dualstack(true),
            "cannot be combined with dualstack",
        ),
        (
            custom().accelerate(true),
            "cannot be combined with S3 Transfer Acceleration",
        ),
        (
            aws("us-east-1")
                .accelerate(true)
                .addressing(AddressingStyle::Path),
            "path-style",
        ),
    ] {
        let e = Bucket::new(endpoint.clone(), "b12").unwrap_err();
        assert!(
            matches!(e, Error::UnsupportedConfiguration { .. }),
            "{endpoint:?}: {e:?}"
        );
        assert!(e.to_string().contains(fix), "{endpoint:?}: {e}");
        codes::assert_code_names_the_variant(&e, e.code());
    }
    // What does exist: FIPS in GovCloud and the ISO regions, dualstack in China, a custom
    // endpoint with the options turned off again.
    for (endpoint, origin) in [
        (
            aws("us-gov-west-1").fips(true),
            "https://b12.s3-fips.us-gov-west-1.amazonaws.com",
        ),
        (
            aws("us-iso-east-1").fips(true),
            "https://b12.s3-fips.us-iso-east-1.c2s.ic.gov",
        ),
        (
            aws("cn-north-1").dualstack(true),
            "https://b12.s3.dualstack.cn-north-1.amazonaws.com.cn",
        ),
        (
            custom().fips(true).fips(false),
            "https://b12.minio.example.com",
        ),
    ] {
        assert_eq!(Bucket::new(endpoint, "b12").unwrap().origin(), origin);
    }
}

#[test]
fn s3_expiry_limits_and_temporary_credentials() {
    let b = bucket();
    let c = creds();
    assert_eq!(
        b.get_object("k").presign(&c, t0(), 604_801).unwrap_err(),
        Error::InvalidExpiry { seconds: 604_801 }
    );
    assert_eq!(
        b.get_object("k").presign(&c, t0(), 0).unwrap_err(),
        Error::InvalidExpiry { seconds: 0 }
    );
    let temp = creds()
        .with_session_token("tok")
        .unwrap()
        .with_expiration(t0().add_seconds(3600).unwrap());
    assert!(matches!(
        b.get_object("k").presign(&temp, t0(), 7200),
        Err(Error::ExpiresAfterCredentials { .. })
    ));
    let p = b
        .get_object("k")
        .clamp_expiry_to_credentials(true)
        .presign(&temp, t0(), 7200)
        .unwrap();
    assert_eq!(p.expires_at, t0().add_seconds(3600).unwrap());
}

#[test]
fn errors_never_carry_secrets() {
    // Every error path above was built from inputs without the secret; this checks Debug too.
    let c = creds().with_session_token("SESSIONTOKENSECRET").unwrap();
    let dbg = format!("{c:?}");
    assert!(
        !dbg.contains("wJalr") && !dbg.contains("SESSIONTOKENSECRET"),
        "{dbg}"
    );
    let b = bucket();
    let r = b
        .put_object("k")
        .sse_customer_key("AES256", "c2VjcmV0LWtleS1iYXNlNjQ=", "bWQ1");
    let dbg = format!("{r:?}");
    assert!(
        !dbg.contains("c2VjcmV0LWtleS1iYXNlNjQ="),
        "SSE-C key redacted: {dbg}"
    );
    assert!(dbg.contains("<redacted>"));
}

#[test]
fn endpoint_urls_with_a_query_fragment_or_odd_port_are_refused() {
    for (url, fix) in [
        ("http://h:9000?x=1", "path, query or fragment"),
        ("http://h:9000#top", "path, query or fragment"),
        ("https://h?", "path, query or fragment"),
        ("http://h:+80", "1 to 65535"),
        ("http://h:000080", "1 to 65535"),
        ("http://h:0", "1 to 65535"),
        ("http://h:65536", "1 to 65535"),
        ("http://h:", "1 to 65535"),
        ("http://[::1]9000", "1 to 65535"),
        ("http://user@h", "user name"),
    ] {
        let e = Endpoint::custom(url, "us-east-1").unwrap_err();
        assert!(e.to_string().contains(fix), "{url}: {e}");
    }
    for (url, host) in [
        ("http://h:65535", "h:65535"),
        ("http://h:00080", "h"), // port 80 with leading zeros: http's default, dropped
        ("http://h:08080", "h:8080"),
        ("http://h:1", "h:1"),
        ("https://h/", "h"),
    ] {
        let b = Bucket::new(
            Endpoint::custom(url, "us-east-1")
                .unwrap()
                .addressing(AddressingStyle::Path),
            "bkt",
        )
        .unwrap();
        assert_eq!(b.host(), host, "{url}");
    }
}

#[test]
fn auto_addressing_treats_exactly_four_numeric_labels_as_ipv4() {
    for (host, virtual_hosted) in [
        ("1.2.3.4", false),
        ("10.0.0.255", false),
        ("1.2.3", true),
        ("1.2.3.4.5", true),
        ("1.2.3.a", true),
        ("1.2.3.1234", true),
        ("1..3.4", true),
        ("a.b.c.d", true),
    ] {
        let endpoint = Endpoint::custom(&format!("http://{host}:9000"), "us-east-1");
        let Ok(endpoint) = endpoint else {
            // "1..3.4" is no host name either: refused as an endpoint, never as an IP.
            assert_eq!(host, "1..3.4");
            continue;
        };
        let b = Bucket::new(endpoint, "my-bucket").unwrap();
        assert_eq!(b.is_virtual_hosted(), virtual_hosted, "{host}");
    }
}
