//! Hardening: regression tests for the crashes and wrong results fuzzing found, the rows of
//! SECURITY.md that tests/errors.rs (one test per bad input) does not already cover, enormous
//! inputs, and secrets that must never be printed.

use presign::s3::post::PostPolicy;
use presign::s3::{AddressingStyle, Bucket, Endpoint, Presigner};
use presign::sigv4::{self, Payload, Request, SigningParams, UriPath};
use presign::verify::{self, Rejection, Verifier};
use presign::{Credentials, Error, Timestamp};

#[path = "common/oracle.rs"]
mod oracle;

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN: &str = "SESSION-TOKEN-SECRET-VALUE";

fn creds() -> Credentials {
    Credentials::new("AKIDEXAMPLE", SECRET).unwrap()
}

fn t0() -> Timestamp {
    Timestamp::parse_rfc3339("2015-08-30T12:36:00Z").unwrap()
}

fn bucket() -> Bucket {
    Bucket::new(Endpoint::aws("us-west-2").unwrap(), "my-bucket").unwrap()
}

fn is_hex64(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

// ---- regressions: inputs found by fuzzing or review ----

/// Review of `S3Request::query` (fixed in the verifier's commit): the `x-amz-` prefix test sliced
/// the name at byte 6, inside `é`, and panicked.
#[test]
fn s3_query_name_with_a_multibyte_char_at_byte_6_does_not_panic() {
    let b = bucket();
    let p = b
        .get_object("k")
        .query("x-amz\u{e9}", "v")
        .presign(&creds(), t0(), 60)
        .unwrap();
    assert!(p.url.contains("?x-amz%C3%A9=v&"), "{}", p.url);
    let e = b
        .get_object("k")
        .query("X-AMZ-SIGNATURE", "v")
        .presign(&creds(), t0(), 60)
        .unwrap_err();
    assert!(matches!(e, Error::InvalidQueryParameter { .. }));
}

/// fuzz s3_key_bucket, crash-2bee5e0d: `http://127.0.:0.1:9000` was accepted with the host
/// `127.0.:0.1` (a `:` outside IPv6 brackets), signed as `bkt.127.0.:0.1:9000`: no client can
/// send that Host.
#[test]
fn custom_endpoint_host_with_a_colon_outside_brackets_is_refused() {
    for bad in [
        "http://127.0.:0.1:9000",
        "http://a:b:9000",
        "http://h]:80",
        "http://[::1:9000",
        "http://a[::1]",
        "http://[]:80",
        "http://[g::1]",
    ] {
        let e = Endpoint::custom(bad, "us-east-1").unwrap_err();
        assert!(matches!(e, Error::InvalidEndpoint { .. }), "{bad}: {e:?}");
    }
    let b = Bucket::new(
        Endpoint::custom("http://[::1]:9000", "us-east-1").unwrap(),
        "bkt",
    )
    .unwrap();
    assert_eq!(b.host(), "[::1]:9000");
}

/// fuzz s3_key_bucket (host invariant): with a non-default port the custom host kept its
/// capitals, but HTTP clients send the host in lower case, so the signature never matched.
#[test]
fn custom_endpoint_host_is_lower_cased_with_or_without_a_port() {
    let b = Bucket::new(
        Endpoint::custom("http://MinIO.Local:9000", "us-east-1").unwrap(),
        "bkt",
    )
    .unwrap();
    assert_eq!(b.host(), "bkt.minio.local:9000");
    let b = Bucket::new(
        Endpoint::custom("http://MinIO.Local:80", "us-east-1").unwrap(),
        "bkt",
    )
    .unwrap();
    assert_eq!(b.host(), "bkt.minio.local");
}

/// fuzz s3_key_bucket (host invariant): virtual-hosted style over http allowed dotted names
/// with capitals, `My.Bucket.localhost:9000`; the host arrives lower-cased, naming another bucket.
#[test]
fn virtual_hosted_dotted_bucket_with_capitals_is_refused() {
    let e = Endpoint::custom("http://localhost:9000", "us-east-1")
        .unwrap()
        .addressing(AddressingStyle::VirtualHosted);
    let err = Bucket::new(e.clone(), "My.Bucket").unwrap_err();
    assert!(
        matches!(err, Error::UnsupportedConfiguration { .. }),
        "{err:?}"
    );
    assert_eq!(
        Bucket::new(e, "my.bucket").unwrap().host(),
        "my.bucket.localhost:9000"
    );
}

/// fuzz post_policy: `key_starts_with("uploads/${filename}")` signed a form no upload could ever
/// satisfy (`${filename}` is replaced before `starts-with` is checked); so did a key with
/// `${filename}` twice, whose prefix then held one.
#[test]
fn post_policy_key_prefix_may_not_hold_the_filename_variable() {
    let b = Bucket::new(Endpoint::aws("us-east-1").unwrap(), "uploads").unwrap();
    let c = creds();
    for policy in [
        PostPolicy::new(&b).key_starts_with("uploads/${filename}"),
        PostPolicy::new(&b).key("a/${filename}/b/${filename}"),
    ] {
        let e = policy.sign(&c, t0()).unwrap_err();
        assert!(matches!(e, Error::InvalidPolicy { .. }), "{e:?}");
        assert!(e.to_string().contains("${filename}"), "{e}");
    }
    PostPolicy::new(&b)
        .key("uploads/${filename}")
        .sign(&c, t0())
        .unwrap();
    PostPolicy::new(&b)
        .key_starts_with("uploads/")
        .sign(&c, t0())
        .unwrap();
}

/// Mutation testing (canonical.rs, `UriPath::for_service`): the generic signer must keep S3 paths
/// as they are for every S3 signing name, and normalize them for other services.
#[test]
fn s3_signing_names_keep_dot_segments_other_services_normalize() {
    let c = creds();
    let req = Request::new("GET", "example.amazonaws.com", "/a//b/../c/./d");
    for service in ["s3", "s3-object-lambda", "s3-outposts", "s3express"] {
        assert_eq!(UriPath::for_service(service), UriPath::S3);
        let (_, d) = sigv4::presign_with_details(
            &req,
            &SigningParams::new(&c, "us-east-1", service, t0()),
            60,
        )
        .unwrap();
        assert_eq!(
            d.canonical_request.lines().nth(1),
            Some("/a//b/../c/./d"),
            "{service}"
        );
    }
    let (_, d) = sigv4::presign_with_details(
        &req,
        &SigningParams::new(&c, "us-east-1", "execute-api", t0()),
        60,
    )
    .unwrap();
    assert_eq!(d.canonical_request.lines().nth(1), Some("/a/c/d"));
}

/// Caller parameters that sort in between the signer's `X-Amz-*` ones (the presigner writes
/// those as one block): the canonical query is still sorted, and the URL verifies.
#[test]
fn caller_parameters_sorting_among_the_x_amz_ones() {
    let names = [
        "X-Amz-B",
        "X-Amz-Cz",
        "X-Amz-Credentia",
        "X-Amz-D",
        "X-Amz-Date0",
        "X-Amz-E",
        "X-Amz-Sa",
        "X-Amz-Z",
        "X-Amz-",
        "W",
        "Y",
        "x",
    ];
    let c = creds().with_session_token(TOKEN).unwrap();
    let mut req = Request::new("GET", "example.amazonaws.com", "/k").payload(Payload::Unsigned);
    for n in names {
        req = req.query(n, "1");
    }
    let (p, d) =
        sigv4::presign_with_details(&req, &SigningParams::new(&c, "us-east-1", "s3", t0()), 60)
            .unwrap();
    let q: Vec<&str> = d
        .canonical_request
        .lines()
        .nth(2)
        .unwrap()
        .split('&')
        .collect();
    let key = |p: &&str| {
        p.split_once('=')
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .unwrap()
    };
    assert!(q.windows(2).all(|w| key(&w[0]) <= key(&w[1])), "{q:?}");
    let bkt = bucket();
    let mut b = bkt.get_object("k");
    for n in names {
        b = b.query(n, "1");
    }
    for url in [p.url, b.presign(&c, t0(), 60).unwrap().url] {
        let received = verify::Request::from_url("GET", &url).unwrap();
        let lookup = |_: &str, _: Option<&str>| Some(c.clone());
        Verifier::new(t0())
            .verify(&received, lookup)
            .unwrap_or_else(|e| panic!("{url}: {e:?}"));
    }
}

/// Fuzzing (verify_parsers): with the most signed headers (`verify::MAX_SIGNED_HEADERS`, host
/// among them) all received in signed order, a header with an empty name after them matched
/// "the name after the last" and indexed past the end.
#[test]
fn an_empty_header_name_after_the_most_signed_headers_does_not_panic() {
    let names: Vec<String> = (1..verify::MAX_SIGNED_HEADERS)
        .map(|i| format!("x-h{i:03}"))
        .collect();
    let mut req = Request::new("GET", "example.amazonaws.com", "/").payload(Payload::Unsigned);
    for n in &names {
        req = req.header(n, "v");
    }
    let c = creds();
    let p = sigv4::presign(&req, &SigningParams::new(&c, "us-east-1", "s3", t0()), 60).unwrap();
    assert!(p
        .url
        .contains(&format!("x-h{:03}", verify::MAX_SIGNED_HEADERS - 1)));
    let received = verify::Request::from_url("GET", &p.url)
        .unwrap()
        .headers(names.iter().map(|n| (n.as_str(), "v")))
        .header("", "v");
    let lookup = |_: &str, _: Option<&str>| Some(SECRET);
    let v = Verifier::new(t0()).verify(&received, lookup);
    assert!(v.is_ok(), "{v:?}");
}

/// Fuzzing (s3_key_bucket): region `xn--ast-co` made the host `s3.xn--ast-co.amazonaws.com`,
/// which URL parsers (and so browsers) refuse as an invalid internationalized name. A region
/// that cannot be a plain DNS label is refused.
#[test]
fn a_region_that_is_not_a_plain_dns_label_is_refused_for_aws_hosts() {
    for bad in ["xn--ast-co", "-us-east-1", "us-east-1-"] {
        let e = Endpoint::aws(bad).unwrap_err();
        assert!(matches!(e, Error::InvalidRegion { .. }), "{bad}: {e:?}");
        let e = Bucket::directory("my-data--usw2-az1--x-s3", bad).unwrap_err();
        assert!(matches!(e, Error::InvalidRegion { .. }), "{bad}: {e:?}");
    }
    let url = Bucket::new(Endpoint::aws("xn-us-east-1").unwrap(), "bkt")
        .unwrap()
        .get_object("k")
        .presign(&creds(), t0(), 60)
        .unwrap()
        .url;
    assert!(
        url.starts_with("https://bkt.s3.xn-us-east-1.amazonaws.com/k?"),
        "{url}"
    );
    // The signing scope is not a host: a custom endpoint still signs for any scope name.
    Endpoint::custom("http://127.0.0.1:9000", "xn--ast-co").unwrap();
}

/// Fuzzing (s3_key_bucket): an `xn--` label is decoded as Punycode by URL parsers, which refuse
/// the URL when it is not valid. On a custom endpoint (AWS endpoints refuse such bucket names)
/// a bucket named so goes path-style under auto addressing, and virtual-hosted style is refused.
#[test]
fn a_bucket_with_an_idna_label_is_never_put_in_the_host() {
    let minio = |style| {
        Endpoint::custom("http://minio.local:9000", "us-east-1")
            .unwrap()
            .addressing(style)
    };
    for name in ["xn--bucket", "my.xn--bucket"] {
        let b = Bucket::new(minio(AddressingStyle::Auto), name).unwrap();
        assert!(!b.is_virtual_hosted(), "{name}");
        assert_eq!(b.path_prefix(), format!("/{name}"));
        let e = Bucket::new(minio(AddressingStyle::VirtualHosted), name).unwrap_err();
        assert!(e.to_string().contains("xn--"), "{name}: {e}");
    }
    // Only a label's start counts: `a--b` and `bxn--` stay virtual-hosted names.
    for name in ["my--bucket", "bucketxn--a"] {
        assert!(Bucket::new(minio(AddressingStyle::Auto), name)
            .unwrap()
            .is_virtual_hosted());
    }
    assert!(
        Bucket::new(minio(AddressingStyle::VirtualHosted), "my.bucket")
            .unwrap()
            .is_virtual_hosted()
    );
}

// ---- SECURITY.md rows not covered by tests/errors.rs ----

/// Control bytes where they are data, not syntax: in keys and query values they are
/// percent-encoded (S3 allows any UTF-8 key), never sent raw.
#[test]
fn control_bytes_in_keys_and_query_values_are_encoded() {
    let b = bucket();
    let p = b
        .get_object("a\r\nb\0\x7f\tc")
        .query("q", "x\r\ny")
        .presign(&creds(), t0(), 60)
        .unwrap();
    assert!(p.url.bytes().all(|x| x.is_ascii_graphic()), "{}", p.url);
    assert!(
        p.url.contains("/a%0D%0Ab%00%7F%09c?q=x%0D%0Ay&"),
        "{}",
        p.url
    );
    let req = Request::new("GET", "example.amazonaws.com", "/").query("q", "x\r\nHost: evil");
    let s = sigv4::sign(&req, &SigningParams::new(&creds(), "us-east-1", "s3", t0())).unwrap();
    assert!(s.url.ends_with("?q=x%0D%0AHost%3A%20evil"), "{}", s.url);
}

/// Header injection through the host: control bytes, spaces and URL delimiters are refused.
#[test]
fn host_injection_is_refused() {
    let c = creds();
    for host in ["h\r\nx-evil: 1", "h h", "h/p", "h?q", "h#f", "u@h", "h\0"] {
        let e = sigv4::presign(
            &Request::new("GET", host, "/"),
            &SigningParams::new(&c, "us-east-1", "s3", t0()),
            60,
        )
        .unwrap_err();
        assert!(matches!(e, Error::InvalidHost { .. }), "{host:?}: {e:?}");
        assert!(
            !e.to_string().contains('\n'),
            "control bytes are escaped in the message: {e}"
        );
    }
}

/// Duplicate signed headers in the generic signer are joined with ',' in order, as SigV4
/// specifies (AWS suite case get-header-key-duplicate, run by tests/vectors.rs); the S3 layer
/// refuses them (tests/errors.rs duplicate_and_reserved_s3_headers).
#[test]
fn duplicate_headers_in_the_generic_signer_are_joined() {
    let req = Request::new("GET", "example.amazonaws.com", "/")
        .header("My-Header1", "value2")
        .header("my-header1", " value2 ")
        .header("MY-HEADER1", "value1");
    let (_, d) = sigv4::sign_with_details(
        &req,
        &SigningParams::new(&creds(), "us-east-1", "service", t0()),
    )
    .unwrap();
    assert!(
        d.canonical_request
            .contains("\nmy-header1:value2,value2,value1\n"),
        "{}",
        d.canonical_request
    );
    assert!(d
        .canonical_request
        .contains("\nhost;my-header1;x-amz-date\n"));
}

/// A 10 MB header value is signed, linearly, and stays out of the URL.
#[test]
fn a_ten_megabyte_header_value_is_signed() {
    let big = "v".repeat(10 * 1024 * 1024);
    let req = Request::new("PUT", "example.amazonaws.com", "/k").header("x-amz-meta-big", &big);
    let (p, d) = sigv4::presign_with_details(
        &req,
        &SigningParams::new(&creds(), "us-east-1", "s3", t0()),
        60,
    )
    .unwrap();
    assert!(p.url.len() < 1024, "the value is a header, not in the URL");
    assert_eq!(p.headers, [("x-amz-meta-big".to_owned(), big.clone())]);
    assert!(d
        .canonical_request
        .contains(&format!("\nx-amz-meta-big:{big}\n")));
    assert!(is_hex64(&d.signature));
    let b = bucket();
    let p = b
        .put_object("k")
        .metadata("big", big.as_str())
        .presign(&creds(), t0(), 60)
        .unwrap();
    assert_eq!(p.headers[0].1.len(), big.len());
}

/// 100 000 query parameters, in reverse canonical order: presigned completely and correctly
/// (the canonical query is sorted). The verifier, as a server, refuses more than
/// `verify::MAX_QUERY_PARAMS` (tests/verify.rs inputs_are_bounded).
#[test]
fn a_hundred_thousand_query_parameters() {
    let names: Vec<String> = (0..100_000).rev().map(|i| format!("p{i:06}")).collect();
    let mut req = Request::new("GET", "example.amazonaws.com", "/");
    for n in &names {
        req = req.query(n, "v");
    }
    let (p, d) = sigv4::presign_with_details(
        &req,
        &SigningParams::new(&creds(), "us-east-1", "s3", t0()),
        60,
    )
    .unwrap();
    let canonical_query = d.canonical_request.lines().nth(2).unwrap();
    assert!(
        canonical_query.starts_with("X-Amz-Algorithm=AWS4-HMAC-SHA256&"),
        "upper case sorts first"
    );
    let mine: Vec<&str> = canonical_query
        .split('&')
        .filter(|p| p.starts_with('p'))
        .collect();
    assert_eq!(mine.len(), 100_000);
    assert!(mine.windows(2).all(|w| w[0] < w[1]), "sorted");
    assert!(
        p.url
            .starts_with("https://example.amazonaws.com/?p099999=v&p099998=v&"),
        "URL keeps the caller's order"
    );
    let e = verify::Request::from_url("GET", &p.url).unwrap_err();
    assert!(
        matches!(e, Rejection::TooLarge { what: "URL", .. }),
        "{e:?}"
    );
    let (path, query) = p.url["https://example.amazonaws.com".len()..]
        .split_once('?')
        .unwrap();
    let req = verify::Request::new("GET", "example.amazonaws.com", path, query);
    let e = Verifier::new(t0())
        .verify(&req, |_: &str, _: Option<&str>| Some(SECRET))
        .unwrap_err();
    assert!(matches!(e, Rejection::TooLarge { .. }), "{e:?}");
}

/// Many headers, in reverse order: sorted and joined correctly.
#[test]
fn twenty_thousand_headers() {
    let names: Vec<String> = (0..20_000).rev().map(|i| format!("x-h{i:05}")).collect();
    let mut req = Request::new("GET", "example.amazonaws.com", "/");
    for n in &names {
        req = req.header(n, "v");
    }
    let (_, d) = sigv4::presign_with_details(
        &req,
        &SigningParams::new(&creds(), "us-east-1", "s3", t0()),
        60,
    )
    .unwrap();
    let signed = d.canonical_request.lines().rev().nth(1).unwrap();
    let list: Vec<&str> = signed.split(';').collect();
    assert_eq!(list.len(), 20_001);
    assert_eq!(list[0], "host");
    assert!(list[1..].windows(2).all(|w| w[0] < w[1]));
}

/// A 1 MB path and a 1 MB query value: encoded linearly, the URL stays printable ASCII.
#[test]
fn megabyte_path_and_query_value() {
    let path = format!("/{}", "é /".repeat(350_000));
    let value = "+&=é".repeat(250_000);
    let req = Request::new("GET", "example.amazonaws.com", &path).query("v", &value);
    let c = creds();
    for rules in [UriPath::S3, UriPath::Normalized] {
        let mut params = SigningParams::new(&c, "us-east-1", "s3", t0());
        params.uri_path = rules;
        let p = sigv4::presign(&req, &params, 60).unwrap();
        assert!(p.url.bytes().all(|b| b.is_ascii_graphic()));
        assert!(p.url.len() > 3_000_000);
    }
}

/// Keys at the limit of 1024 bytes made of bytes that each encode to 9 characters.
#[test]
fn longest_key_of_the_widest_characters() {
    let key = "\u{10FFFF}".repeat(256);
    assert_eq!(key.len(), 1024);
    let p = bucket()
        .get_object(&key)
        .presign(&creds(), t0(), 60)
        .unwrap();
    assert!(p.url.contains(&"%F4%8F%BF%BF".repeat(256)));
    let e = bucket()
        .get_object(&format!("{key}x"))
        .presign(&creds(), t0(), 60)
        .unwrap_err();
    assert!(matches!(e, Error::InvalidObjectKey { len: 1025, .. }));
}

// ---- secrets ----

fn assert_no_secret(text: &str) {
    assert!(!text.contains(SECRET), "secret access key printed: {text}");
    assert!(
        !text.contains(&SECRET[..8]),
        "part of the secret printed: {text}"
    );
    assert!(!text.contains(TOKEN), "session token printed: {text}");
}

#[test]
fn debug_of_credentials_and_keys_never_prints_secrets() {
    let c = creds().with_session_token(TOKEN).unwrap();
    // The derived signing key of the scope the presigner uses (SigningKey and ScopedKey are
    // private; their own Debug is tested in src/signing/tests.rs).
    let key_hex = hex::encode(oracle::signing_key(SECRET, "20150830", "us-west-2", "s3"));
    let mut presigner = Presigner::new(c.clone());
    presigner
        .presign(&bucket().get_object("k"), t0(), 60)
        .unwrap();
    for text in [
        format!("{c:?}"),
        format!("{c:#?}"),
        format!("{presigner:?}"),
        format!("{presigner:#?}"),
    ] {
        assert_no_secret(&text);
        assert!(!text.contains(&key_hex), "derived key printed: {text}");
        assert!(
            !text.contains(&key_hex.to_uppercase()),
            "derived key printed: {text}"
        );
    }
    assert!(
        format!("{c:?}").contains("AKIDEXAMPLE"),
        "the access key id is not secret"
    );
    // The presigner's Debug says what it is and whose it is (and nothing secret, above).
    let text = format!("{presigner:?}");
    assert!(
        text.starts_with("Presigner {") && text.contains("AKIDEXAMPLE"),
        "{text}"
    );
}

#[test]
fn debug_of_an_s3_request_redacts_the_sse_c_key() {
    let b = bucket();
    let sse_key = "c2VjcmV0LWN1c3RvbWVyLWtleS0zMi1ieXRlcyEhISE=";
    let r = b
        .get_object("k")
        .sse_customer_key("AES256", sse_key, "bWQ1LW9mLXRoZS1rZXk=");
    for text in [format!("{r:?}"), format!("{r:#?}")] {
        assert!(!text.contains(sse_key), "{text}");
        assert!(text.contains("<redacted>"), "{text}");
        assert!(
            text.contains("bWQ1LW9mLXRoZS1rZXk="),
            "the key's MD5 is not secret: {text}"
        );
    }
}

#[test]
fn errors_and_rejections_never_print_secrets() {
    // Secrets given where they do not belong are echoed nowhere.
    let e = Credentials::new("AKID", format!("{SECRET}\n")).unwrap_err();
    assert_no_secret(&format!("{e} {e:?}"));
    let e = creds()
        .with_session_token(format!("{TOKEN} x"))
        .unwrap_err();
    assert_no_secret(&format!("{e} {e:?}"));
    // A signature mismatch shows what was received, never the expected signature or the key.
    let p = bucket()
        .get_object("k")
        .presign(&creds().with_session_token(TOKEN).unwrap(), t0(), 60)
        .unwrap();
    let forged = format!("{}0", &p.url[..p.url.len() - 1]);
    let req = verify::Request::from_url("GET", &forged).unwrap();
    let lookup = |_: &str, _: Option<&str>| Some(creds().with_session_token(TOKEN).unwrap());
    let e = Verifier::new(t0()).verify(&req, lookup).unwrap_err();
    assert!(matches!(e, Rejection::SignatureDoesNotMatch(_)), "{e:?}");
    let expected = p.url.rsplit_once('=').unwrap().1;
    for text in [format!("{e}"), format!("{e:?}"), format!("{e:#?}")] {
        assert!(!text.contains(SECRET) && !text.contains(expected), "{text}");
    }
}

/// Verification compares signatures in constant time (src/signing/digest.rs); a
/// signature that differs in its last digit only, or is a prefix, is refused.
#[test]
fn verification_refuses_near_miss_signatures() {
    let p = bucket()
        .get_object("k")
        .presign(&creds(), t0(), 60)
        .unwrap();
    let lookup = |_: &str, _: Option<&str>| Some(SECRET);
    let v = Verifier::new(t0());
    v.verify(&verify::Request::from_url("GET", &p.url).unwrap(), lookup)
        .unwrap();
    let last = p.url.as_bytes()[p.url.len() - 1];
    let flipped = format!(
        "{}{}",
        &p.url[..p.url.len() - 1],
        if last == b'0' { '1' } else { '0' }
    );
    for url in [
        flipped,
        p.url[..p.url.len() - 1].to_owned(),
        format!("{}0", p.url),
    ] {
        let e = v
            .verify(&verify::Request::from_url("GET", &url).unwrap(), lookup)
            .unwrap_err();
        assert_eq!(e.s3_code(), "SignatureDoesNotMatch", "{e:?}");
    }
}

// ---- mutation testing: tests that kill surviving mutants ----

/// Methods are upper-case tokens: digits, `-` and `_` are allowed, lower case is not.
#[test]
fn methods_with_digits_hyphens_and_underscores() {
    let c = creds();
    let p = SigningParams::new(&c, "us-east-1", "s3", t0());
    for m in ["MY_METHOD", "M-SEARCH", "V2", "_", "-"] {
        sigv4::presign(&Request::new(m, "example.amazonaws.com", "/"), &p, 60)
            .unwrap_or_else(|e| panic!("{m}: {e}"));
    }
    for m in ["", "get", "GE T", "GET\r\n", "GÉT", "G.T"] {
        let e = sigv4::presign(&Request::new(m, "example.amazonaws.com", "/"), &p, 60).unwrap_err();
        assert!(matches!(e, Error::InvalidMethod { .. }), "{m:?}: {e:?}");
    }
}

/// A URL may expire exactly when its temporary credentials do; one second later is refused.
#[test]
fn url_expiring_exactly_with_its_credentials() {
    let c = creds()
        .with_session_token(TOKEN)
        .unwrap()
        .with_expiration(t0().add_seconds(900).unwrap());
    let p = SigningParams::new(&c, "us-east-1", "s3", t0());
    let ok = sigv4::presign(&Request::new("GET", "example.amazonaws.com", "/"), &p, 900).unwrap();
    assert!(ok.url.contains("X-Amz-Expires=900&"));
    let e =
        sigv4::presign(&Request::new("GET", "example.amazonaws.com", "/"), &p, 901).unwrap_err();
    assert!(matches!(e, Error::ExpiresAfterCredentials { .. }), "{e:?}");
}

/// Fuzz finding (post_policy, seed-long-key-prefix): a 1023-byte key prefix signs, but S3
/// substitutes the file name into the key, so a name that takes it past 1024 bytes must be
/// refused by the form verifier (as S3 refuses it), and a 1-byte name must pass.
#[test]
fn post_form_key_over_1024_bytes_after_filename_substitution_is_refused() {
    use presign::s3::post::{PostForm, PostRejection, PostVerifier};
    let b = bucket();
    let prefix = "p".repeat(1023);
    let post = PostPolicy::new(&b)
        .key_starts_with(&prefix)
        .sign(&creds(), t0())
        .unwrap();
    let verifier = PostVerifier::new(|_: &str| Some(creds()));
    let form = |name: &str| PostForm::new(b.name(), post.fields.clone(), 10).file_name(name);
    let now = t0().add_seconds(60).unwrap();
    verifier.verify(&form("a"), now).unwrap();
    let e = verifier.verify(&form("a.txt"), now).unwrap_err();
    assert!(matches!(e, PostRejection::InvalidKey { .. }), "{e:?}");
    assert!(e.to_string().contains("1024"), "{e}");
}
