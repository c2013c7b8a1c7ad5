use super::headers::{has_blank, is_signed_as_is, Headers};
use super::query::QueryWriter;
use super::request::Tee;
use super::uri::{canonical_uri, normalize_path, validate_path, UriPath};
use crate::Error;
use alloc::string::String;
use sha2::{Digest, Sha256};

#[test]
fn normalizes_like_the_suite() {
    assert_eq!(normalize_path("/example/.."), "/");
    assert_eq!(normalize_path("/example1/example2/../.."), "/");
    assert_eq!(normalize_path("/./"), "/");
    assert_eq!(normalize_path("//"), "/");
    assert_eq!(normalize_path("/./example"), "/example");
    assert_eq!(normalize_path("//example//"), "/example/");
    assert_eq!(normalize_path("/a/b/.."), "/a/");
    assert_eq!(normalize_path("/a/b"), "/a/b");
    assert_eq!(normalize_path("/../.."), "/");
}

#[test]
fn headers_canonicalize() {
    let mut h = Headers::default();
    h.push("My-Header1", "value4").unwrap();
    h.push("Host", "example.amazonaws.com").unwrap();
    h.push("my-header1", "  a   b\t\tc  ").unwrap();
    h.sort();
    let mut s = String::new();
    h.write_signed(&mut s);
    assert_eq!(s, "host;my-header1");
    let mut text = String::new();
    let mut tee = Tee {
        hasher: Sha256::new(),
        text: &mut text,
    };
    h.write_canonical(&mut tee);
    assert_eq!(
        text,
        "host:example.amazonaws.com\nmy-header1:value4,a b c\n"
    );
}

#[test]
fn header_values_take_the_fast_path_exactly_when_canonical() {
    for v in ["", "ab", "a b", "text/plain; charset=utf-8", "a b c"] {
        assert!(is_signed_as_is(v.as_bytes()), "{v:?}");
    }
    for v in ["a  b", "a\tb", " a", "a ", "a \tb", "\t", " "] {
        assert!(!is_signed_as_is(v.as_bytes()), "{v:?}");
    }
    assert!(!has_blank(b"ab"));
    for v in ["a b", "a  b", "a\tb", "a\t\tb", "a \tb", "a\t b", " "] {
        assert!(has_blank(v.as_bytes()), "{v:?}");
    }
    // A space then a tab: trimmed and collapsed like any other run.
    let mut h = Headers::default();
    h.push("x", "a \tb").unwrap();
    h.sort();
    let mut text = String::new();
    let mut tee = Tee {
        hasher: Sha256::new(),
        text: &mut text,
    };
    h.write_canonical(&mut tee);
    assert_eq!(text, "x:a b\n");
}

#[test]
fn header_validation() {
    let mut h = Headers::default();
    assert!(matches!(
        h.push("", "v"),
        Err(Error::InvalidHeaderName { .. })
    ));
    assert!(matches!(
        h.push("a b", "v"),
        Err(Error::InvalidHeaderName { .. })
    ));
    assert!(matches!(
        h.push("a:b", "v"),
        Err(Error::InvalidHeaderName { .. })
    ));
    assert!(matches!(
        h.push("é", "v"),
        Err(Error::InvalidHeaderName { .. })
    ));
    assert!(matches!(
        h.push("x", "a\r\nx-evil: 1"),
        Err(Error::InvalidHeaderValue { .. })
    ));
    assert!(matches!(
        h.push("x", "a\nb"),
        Err(Error::InvalidHeaderValue { .. })
    ));
    assert!(matches!(
        h.push("x", "a\0b"),
        Err(Error::InvalidHeaderValue { .. })
    ));
    h.push("x", "tab\tok").unwrap();
}

#[test]
fn query_sorts_by_name_then_value() {
    let mut url = String::from("https://h/");
    let mut q = QueryWriter::default();
    q.push(&mut url, "b", "2");
    q.push(&mut url, "a-b", "1");
    q.push(&mut url, "a", "z");
    q.push(&mut url, "a", "y");
    q.push(&mut url, "ሴ", "+ /");
    assert_eq!(url, "https://h/?b=2&a-b=1&a=z&a=y&%E1%88%B4=%2B%20%2F");
    let mut text = String::new();
    let mut tee = Tee {
        hasher: Sha256::new(),
        text: &mut text,
    };
    q.write_canonical(&url, &mut tee);
    // Sorted by encoded bytes: `%` (0x25) sorts before letters.
    assert_eq!(text, "%E1%88%B4=%2B%20%2F&a=y&a=z&a-b=1&b=2");
}

#[test]
fn path_validation() {
    assert!(validate_path("").is_err());
    assert!(validate_path("a").is_err());
    assert!(validate_path("/a\nb").is_err());
    validate_path("/").unwrap();
}

#[test]
fn canonical_uri_of_s3_and_normalized_paths() {
    assert_eq!(
        canonical_uri("/a b/%2B/../c", UriPath::S3),
        "/a%20b/%2B/../c"
    );
    assert_eq!(
        canonical_uri("/test/@x/JBD%3D", UriPath::Normalized),
        "/test/%40x/JBD%253D"
    );
    assert_eq!(canonical_uri("//example//..", UriPath::Normalized), "/");
}
