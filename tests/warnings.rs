//! Client hazards through the public API: each warning with the input that triggers it, its
//! absence for the look-alikes clients keep, and `deny_warnings` turning it into an error.
//! (That the hazards are real is shown in headless Chromium: tests/browser.)

use presign::s3::{AddressingStyle, Bucket, Endpoint, Presigner};
use presign::sigv4::{self, Request, SigningParams};
use presign::{content_disposition, Credentials, Error, Presigned, Timestamp, Warning};

fn creds() -> Credentials {
    Credentials::new(
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    )
    .unwrap()
}

fn now() -> Timestamp {
    Timestamp::parse_rfc3339("2026-12-01T10:00:00Z").unwrap()
}

fn bucket() -> Bucket {
    Bucket::new(Endpoint::aws("eu-west-1").unwrap(), "my-uploads").unwrap()
}

fn codes(p: &Presigned) -> Vec<&'static str> {
    p.warnings.iter().map(Warning::code).collect()
}

#[test]
fn a_dot_segment_key_warns_with_the_path_as_signed() {
    let b = bucket();
    for (key, path) in [
        ("avatars/./alice.png", "/avatars/./alice.png"),
        ("avatars/x/../alice.png", "/avatars/x/../alice.png"),
        ("..", "/.."),
        ("trailing/.", "/trailing/."),
        ("caf\u{e9}/./a b", "/caf%C3%A9/./a%20b"),
    ] {
        let p = b.put_object(key).presign(&creds(), now(), 600).unwrap();
        assert_eq!(
            p.warnings,
            [Warning::DotSegmentInKey { path: path.into() }],
            "{key}"
        );
        assert!(
            p.url.contains(&format!(".amazonaws.com{path}?")),
            "never normalized: {}",
            p.url
        );
        let m = p.warnings[0].to_string();
        assert!(
            m.contains(path)
                && m.contains("403 SignatureDoesNotMatch")
                && m.contains("curl --path-as-is"),
            "{m}"
        );
    }
    // Path-style: the bucket is in the path too.
    let path_style = Bucket::new(
        Endpoint::custom("http://127.0.0.1:9000", "us-east-1")
            .unwrap()
            .addressing(AddressingStyle::Path),
        "bkt",
    )
    .unwrap();
    let p = path_style
        .get_object("k/./a")
        .presign(&creds(), now(), 600)
        .unwrap();
    assert_eq!(
        p.warnings,
        [Warning::DotSegmentInKey {
            path: "/bkt/k/./a".into()
        }]
    );
}

#[test]
fn keys_clients_keep_do_not_warn() {
    let b = bucket();
    for key in [
        "plain.png",
        "a b+c~é#?%.png",
        "k/.../a",
        "k/.x/a",
        "k/a..b",
        "k/.hidden",
        "k/%2e/a", // the key's `%` is encoded: `%252e` is no dot
        "double//slash",
        "/leading",
    ] {
        let p = b
            .put_object(key)
            .content_type("image/png")
            .presign(&creds(), now(), 600)
            .unwrap();
        assert!(p.warnings.is_empty(), "{key}: {:?}", p.warnings);
    }
}

#[test]
fn a_raw_non_ascii_content_disposition_warns_and_download_as_does_not() {
    let b = bucket();
    let raw = b
        .get_object("r.png")
        .response_content_disposition("attachment; filename=\"caf\u{e9}.png\"")
        .presign(&creds(), now(), 600)
        .unwrap();
    assert_eq!(
        raw.warnings,
        [Warning::NonAsciiResponseOverride {
            parameter: "response-content-disposition".into()
        }]
    );
    assert!(raw.warnings[0]
        .to_string()
        .contains("presign::content_disposition"));

    let good = b
        .get_object("r.png")
        .download_as("caf\u{e9}.png")
        .presign(&creds(), now(), 600)
        .unwrap();
    assert!(good.warnings.is_empty(), "{:?}", good.warnings);
    assert!(good.url.contains(
        "response-content-disposition=attachment%3B%20filename%3D%22cafe.png%22%3B%20filename%2A%3DUTF-8%27%27caf%25C3%25A9.png&"
    ), "{}", good.url);
    assert_eq!(
        good.url,
        b.get_object("r.png")
            .response_content_disposition(content_disposition::attachment("caf\u{e9}.png"))
            .presign(&creds(), now(), 600)
            .unwrap()
            .url
    );

    for other in ["response-content-type", "response-cache-control"] {
        let p = b
            .get_object("r.png")
            .query(other, "x-\u{e9}")
            .presign(&creds(), now(), 600)
            .unwrap();
        assert_eq!(codes(&p), ["non-ascii-response-override"], "{other}");
    }
    // Non-ASCII in other parameters is encoded and returned by nobody: no warning.
    let p = b
        .get_object("r.png")
        .query("x-id", "\u{e9}")
        .presign(&creds(), now(), 600)
        .unwrap();
    assert!(p.warnings.is_empty());
}

#[test]
fn non_ascii_signed_header_values_warn() {
    let p = bucket()
        .put_object("a.png")
        .metadata("owner", "Ren\u{e9}e")
        .content_disposition("attachment; filename=\"caf\u{e9}.png\"")
        .presign(&creds(), now(), 600)
        .unwrap();
    assert_eq!(
        p.warnings,
        [
            Warning::NonAsciiHeaderValue {
                header: "x-amz-meta-owner".into()
            },
            Warning::NonAsciiHeaderValue {
                header: "content-disposition".into()
            },
        ]
    );
    let ok = bucket()
        .put_object("a.png")
        .metadata("owner", "Renee")
        .content_disposition(content_disposition::attachment("caf\u{e9}.png"))
        .presign(&creds(), now(), 600)
        .unwrap();
    assert!(ok.warnings.is_empty(), "{:?}", ok.warnings);
}

#[test]
fn headers_browsers_cannot_set_warn() {
    for name in [
        "Date",
        "Expect",
        "Origin",
        "Referer",
        "Cookie",
        "Accept-Encoding",
        "Sec-Fetch-Mode",
    ] {
        let p = bucket()
            .put_object("a.png")
            .header(name, "x")
            .presign(&creds(), now(), 600)
            .unwrap();
        assert_eq!(
            p.warnings,
            [Warning::HeaderBrowsersCannotSet {
                header: name.to_ascii_lowercase()
            }],
            "{name}"
        );
    }
    let p = bucket()
        .put_object("a.png")
        .content_length(5)
        .acl("private")
        .presign(&creds(), now(), 600)
        .unwrap();
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn a_charset_xhr_rewrites_warns() {
    let p = bucket()
        .put_object("a.txt")
        .content_type("text/plain; charset=utf-8")
        .presign(&creds(), now(), 600)
        .unwrap();
    assert_eq!(codes(&p), ["charset-rewritten-by-xhr"]);
    assert!(p.warnings[0]
        .to_string()
        .contains("sign `charset=UTF-8` exactly"));
    let p = bucket()
        .put_object("a.txt")
        .content_type("text/plain; charset=UTF-8")
        .presign(&creds(), now(), 600)
        .unwrap();
    assert!(p.warnings.is_empty());
}

#[test]
fn deny_warnings_makes_the_first_one_an_error() {
    let b = bucket();
    let req = b
        .put_object("k/../a.png")
        .metadata("n", "\u{e9}")
        .deny_warnings(true);
    let err = req.presign(&creds(), now(), 600).unwrap_err();
    assert_eq!(
        err,
        Error::ClientHazard(Warning::DotSegmentInKey {
            path: "/k/../a.png".into()
        })
    );
    let m = err.to_string();
    assert!(
        m.starts_with("client hazard dot-segment-in-key: the path `/k/../a.png`"),
        "{m}"
    );
    assert!(m.contains("deny_warnings"), "{m}");

    // The fast path refuses too, even though it does not compute warnings otherwise.
    let mut presigner = Presigner::new(creds());
    let mut url = String::new();
    assert_eq!(
        presigner
            .presign_into(&mut url, &req, now(), 600)
            .unwrap_err(),
        err
    );
    assert!(presigner
        .presign_into(&mut url, &b.put_object("k/../a.png"), now(), 600)
        .is_ok());

    // Without a hazard, denying changes nothing.
    let plain = b.put_object("k/a.png").content_type("image/png");
    assert_eq!(
        plain
            .clone()
            .deny_warnings(true)
            .presign(&creds(), now(), 600)
            .unwrap(),
        plain.presign(&creds(), now(), 600).unwrap()
    );
    // And deny_warnings(false) undoes it.
    assert!(req
        .deny_warnings(false)
        .presign(&creds(), now(), 600)
        .is_ok());
}

#[test]
fn the_presigner_returns_the_same_warnings() {
    let b = bucket();
    let req = b
        .put_object("k/./a.png")
        .content_type("text/plain;charset=utf-8");
    let a = req.presign(&creds(), now(), 600).unwrap();
    let b = Presigner::new(creds()).presign(&req, now(), 600).unwrap();
    assert_eq!(a.warnings, b.warnings);
    assert_eq!(a.warnings, req.warnings());
    assert_eq!(
        codes(&a),
        ["dot-segment-in-key", "charset-rewritten-by-xhr"]
    );
}

#[test]
fn generic_presign_warns_for_s3_paths_only() {
    let c = creds();
    let s3 = SigningParams::new(&c, "us-east-1", "s3", now());
    let p = sigv4::presign(
        &Request::new("GET", "bkt.s3.amazonaws.com", "/k/./a"),
        &s3,
        600,
    )
    .unwrap();
    assert_eq!(
        p.warnings,
        [Warning::DotSegmentInKey {
            path: "/k/./a".into()
        }]
    );
    // An encoded dot is still a dot for browsers.
    let p = sigv4::presign(
        &Request::new("GET", "bkt.s3.amazonaws.com", "/k/%2E%2e/a"),
        &s3,
        600,
    )
    .unwrap();
    assert_eq!(codes(&p), ["dot-segment-in-key"], "{}", p.url);
    let p = sigv4::presign(
        &Request::new("GET", "bkt.s3.amazonaws.com", "/k").query("response-content-type", "\u{e9}"),
        &s3,
        600,
    )
    .unwrap();
    assert_eq!(codes(&p), ["non-ascii-response-override"]);

    // Other services normalize the path (the signature covers `/a`), and have no overrides.
    let api = SigningParams::new(&c, "us-east-1", "execute-api", now());
    let req = Request::new("GET", "x.execute-api.us-east-1.amazonaws.com", "/k/./a")
        .query("response-content-type", "\u{e9}");
    assert!(sigv4::presign(&req, &api, 600).unwrap().warnings.is_empty());
    // Headers matter everywhere.
    let req = req.header("x-custom", "caf\u{e9}");
    assert_eq!(
        codes(&sigv4::presign(&req, &api, 600).unwrap()),
        ["non-ascii-header-value"]
    );

    let mut deny = SigningParams::new(&c, "us-east-1", "execute-api", now());
    deny.deny_warnings = true;
    assert!(matches!(
        sigv4::presign(&req, &deny, 600),
        Err(Error::ClientHazard(Warning::NonAsciiHeaderValue { .. }))
    ));
}
