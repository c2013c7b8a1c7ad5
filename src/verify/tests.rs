use super::auth::{parse_http_date, AuthLocation};
use super::headers::{canonical_header_value, parse_signed_headers};
use super::redact::{clip, redact_canonical_request};
use super::request::{raw_params, split_url};
use alloc::string::String;
use alloc::vec::Vec;

#[test]
fn splits_urls() {
    let p = split_url("https://h.example:443/a%20b/c?x=1&y#frag").unwrap();
    assert_eq!(
        (p.scheme, p.host, p.path, p.query),
        ("https", "h.example", "/a%20b/c", "x=1&y")
    );
    let p = split_url("http://h:9000?x").unwrap();
    assert_eq!((p.host, p.path, p.query), ("h:9000", "/", "x"));
    let p = split_url("/k?q=1").unwrap();
    assert_eq!((p.host, p.path, p.query), ("", "/k", "q=1"));
    assert!(split_url("h/path").is_err());
    assert!(split_url("http://u:p@h/").is_err());
}

#[test]
fn http_dates() {
    let t = parse_http_date("Fri, 24 May 2013 00:00:00 GMT").unwrap();
    assert_eq!(t.amz_date().as_str(), "20130524T000000Z");
    assert!(parse_http_date("Fri, 24 Foo 2013 00:00:00 GMT").is_none());
    assert!(parse_http_date("Fri, 24 May 2013 00:00:00 UTC").is_none());
    assert!(parse_http_date("").is_none());
}

#[test]
fn signed_headers_rules() {
    assert!(parse_signed_headers("host;x-amz-date", AuthLocation::Query, &mut Vec::new()).is_ok());
    assert!(parse_signed_headers("x-amz-date;host", AuthLocation::Query, &mut Vec::new()).is_err());
    assert!(parse_signed_headers("host;host", AuthLocation::Query, &mut Vec::new()).is_err());
    assert!(parse_signed_headers("Host", AuthLocation::Query, &mut Vec::new()).is_err());
    assert!(parse_signed_headers("host;", AuthLocation::Query, &mut Vec::new()).is_err());
}

#[test]
fn redacts_token_and_sse_key() {
    let cr = "GET\n/\na=1&X-Amz-Security-Token=SECRET%2B\nhost:h\nx-amz-server-side-encryption-customer-key:KEY\n\nhost\nUNSIGNED-PAYLOAD";
    let r = redact_canonical_request(cr);
    assert!(!r.contains("SECRET") && !r.contains("KEY\n"), "{r}");
    assert!(r.contains("X-Amz-Security-Token=<redacted>"));
    assert!(r.ends_with("\n\nhost\nUNSIGNED-PAYLOAD"));
    // Exactly: only the token's and the key's values change; lines after the headers (and a
    // header line there that looks sensitive) are left alone.
    let cr = "GET\n/a:b\nX-Amz-Security-Token=T&a=1&x-amz-security-token=U\nauthorization:A\nhost:h\n\nauthorization:x\nUNSIGNED-PAYLOAD";
    assert_eq!(
        redact_canonical_request(cr),
        "GET\n/a:b\nX-Amz-Security-Token=<redacted>&a=1&x-amz-security-token=<redacted>\nauthorization:<redacted>\nhost:h\n\nauthorization:x\nUNSIGNED-PAYLOAD"
    );
    assert_eq!(redact_canonical_request("GET\n/"), "GET\n/\n");
    assert_eq!(redact_canonical_request(""), "\n");
}

#[test]
fn clips() {
    assert_eq!(clip("a\nb", 10), "a\u{FFFD}b");
    assert_eq!(clip("ééé", 4), "éé…");
    assert_eq!(clip("abcdef", 4), "abcd…");
    assert_eq!(clip("abcd", 4), "abcd");
    assert_eq!(clip("", 0), "");
}

#[test]
fn canonical_header_values() {
    let canon = |v: &str| {
        let mut s = String::from("x");
        canonical_header_value(&mut s, v);
        s
    };
    assert_eq!(canon("a"), "xa");
    assert_eq!(canon(""), "x");
    assert_eq!(canon(" \t "), "x");
    assert_eq!(canon("  a \t b  "), "xa b");
    assert_eq!(canon("a\tb"), "xa b");
    assert_eq!(canon("a  b   c"), "xa b c");
    assert_eq!(canon("é  ☕\t"), "xé ☕");
}

#[test]
fn a_path_is_copied_exactly_when_encoding_it_again_gives_the_same() {
    use super::canonical::is_canonical_path;
    use crate::encoding::{decode, encode_into, Component};
    let canonical = [
        "/",
        "//a//b/",
        "/a%20b",
        "/%E2%82%AC",
        "/~-._AZaz09",
        "/%25",
    ];
    let not_canonical = [
        "/a b",
        "/a%20 b",
        "/a+b",
        "/%41",
        "/%7E",
        "/%2F",
        "/%2f",
        "/%e2%82%ac",
        "/%",
        "/%2",
        "/%G0",
        "/%0G",
        "/\u{e9}",
        "/a%",
    ];
    for (paths, expected) in [(&canonical[..], true), (&not_canonical[..], false)] {
        for path in paths {
            assert_eq!(is_canonical_path(path), expected, "{path}");
            let mut again = String::new();
            encode_into(&mut again, &decode(path), Component::Path);
            assert_eq!(again == *path, expected, "{path} encoded again: {again}");
        }
    }
}

#[test]
fn url_scheme_errors_say_which() {
    let absolute = "the URL must be absolute (scheme://host/path) or start with '/'";
    assert_eq!(
        split_url("://h/x").err(),
        Some("the URL scheme is not valid")
    );
    assert_eq!(
        split_url("ht tp://h/x").err(),
        Some("the URL scheme is not valid")
    );
    assert_eq!(split_url("h.example/x").err(), Some(absolute));
    assert_eq!(split_url("mailto:x").err(), Some(absolute));
}

#[test]
fn raw_params_skip_empty_pieces_decode_names_and_stop_at_the_limit() {
    let p = raw_params(
        "a=1&&X-Amz-Signature=abc&X-Amz-%53ignature=d&x-amz-signature=e&b",
        10,
    )
    .unwrap();
    let names: Vec<&[u8]> = p.iter().map(|p| &*p.name).collect();
    assert_eq!(
        names,
        [
            &b"a"[..],
            b"X-Amz-Signature",
            b"X-Amz-Signature",
            b"x-amz-signature",
            b"b"
        ]
    );
    let values: Vec<&str> = p.iter().map(|p| p.raw_value).collect();
    assert_eq!(values, ["1", "abc", "d", "e", ""]);
    // The authentication parameters by decoded, case-sensitive name.
    let sig = Some(super::auth::SIG);
    let found: Vec<Option<usize>> = p.iter().map(|p| p.auth_index()).collect();
    assert_eq!(found, [None, sig, sig, None, None]);
    let first = raw_params("X-Amz-Algorithm=A&X-Amz-Credential=C", 10).unwrap();
    assert_eq!(first[0].auth_index(), Some(0));
    assert_eq!(first[1].auth_index(), Some(1));
    assert_eq!(raw_params("a&b&c", 2).err(), Some(2));
    assert_eq!(raw_params("a&&b", 2).map(|p| p.len()), Ok(2));
}

#[test]
fn signed_header_names_are_lower_case_tokens() {
    let mut spans = Vec::new();
    assert!(parse_signed_headers("host;x-amz-date", AuthLocation::Query, &mut spans).is_ok());
    for bad in [
        "host;x(y",
        "host;x,y",
        "host;x/y",
        "host;x:y",
        "host;x@y",
        "host;x{y",
        "host;x\\y",
        "host;x\"y",
        "host;X-y",
        "host;x y",
    ] {
        assert!(
            parse_signed_headers(bad, AuthLocation::Query, &mut spans).is_err(),
            "{bad}"
        );
    }
}
