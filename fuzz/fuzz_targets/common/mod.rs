//! Shared by the fuzz targets: the input format and the checks every signed URL must pass.
//!
//! An input is `KNOBS` (a fixed-size prefix decoded with `arbitrary`: flags, numbers, choices)
//! followed by text sections separated by the byte 0xFE, each made of fields separated by 0xFF.
//! Neither byte ever occurs in UTF-8, so seed files stay readable (`printf` writes them) and any
//! other byte sequence, control bytes and broken UTF-8 included, can reach a field. Fields are
//! decoded with `from_utf8_lossy`: the public API takes `&str`.

#![allow(dead_code)]

use arbitrary::{Arbitrary, Unstructured};
use hmac::{Hmac, Mac};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};
use std::borrow::Cow;

/// Bytes of knobs at the start of every input.
pub const KNOB_LEN: usize = 32;

pub const AKID: &str = "AKIDEXAMPLE";
pub const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
pub const TOKEN: &str = "FQoGZXIvYXdzE/tok+en=";

/// The knobs and the sections of one input.
pub struct Input<'a, K> {
    pub knobs: K,
    pub sections: Vec<Vec<Cow<'a, str>>>,
}

pub fn split<'a, K: Arbitrary<'a> + Default>(data: &'a [u8]) -> Input<'a, K> {
    let (head, rest) = data.split_at(data.len().min(KNOB_LEN));
    let knobs = K::arbitrary(&mut Unstructured::new(head)).unwrap_or_default();
    let sections = if rest.is_empty() {
        Vec::new()
    } else {
        rest.split(|&b| b == 0xFE)
            .map(|s| {
                s.split(|&b| b == 0xFF)
                    .map(String::from_utf8_lossy)
                    .collect()
            })
            .collect()
    };
    Input { knobs, sections }
}

/// Field `i` of section `s`, if present.
pub fn field<'b>(sections: &'b [Vec<Cow<'_, str>>], s: usize, i: usize) -> Option<&'b str> {
    sections.get(s).and_then(|f| f.get(i)).map(|c| &**c)
}

/// The fields of section `s` as (name, value) pairs; an odd last name gets the value "".
pub fn pairs<'b>(sections: &'b [Vec<Cow<'_, str>>], s: usize) -> Vec<(&'b str, &'b str)> {
    let Some(f) = sections.get(s) else {
        return Vec::new();
    };
    if f.len() == 1 && f[0].is_empty() {
        return Vec::new();
    }
    f.chunks(2)
        .map(|c| (&*c[0], c.get(1).map(|v| &**v).unwrap_or("")))
        .collect()
}

pub fn is_lower_hex64(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The signature recomputed from the string to sign with an independently derived key: the
/// canonical request and string to sign that were shown are the ones that were signed.
pub fn recompute_signature(string_to_sign: &str) -> String {
    let scope: Vec<&str> = string_to_sign
        .split('\n')
        .nth(2)
        .expect("scope line")
        .split('/')
        .collect();
    assert_eq!(scope.len(), 4, "scope {scope:?}");
    assert_eq!(scope[3], "aws4_request");
    let hmac = |key: &[u8], data: &str| -> [u8; 32] {
        let mut m = Hmac::<Sha256>::new_from_slice(key).unwrap();
        m.update(data.as_bytes());
        m.finalize().into_bytes().into()
    };
    let mut key = hmac(format!("AWS4{SECRET}").as_bytes(), scope[0]);
    for part in [scope[1], scope[2], "aws4_request"] {
        key = hmac(&key, part);
    }
    hex::encode(hmac(&key, string_to_sign))
}

/// The SHA-256 of the empty payload, in hex.
pub const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// Everything but SigV4's unreserved bytes, and `/` (paths).
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// `%XX` decoded (a stray `%` stays, `+` stays `+`).
pub fn decode(s: &str) -> Vec<u8> {
    percent_decode_str(s).collect()
}

/// Decoded name/value pairs of a raw query, in order (empty pieces skipped).
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    let text = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (n, v) = p.split_once('=').unwrap_or((p, ""));
            (text(n), text(v))
        })
        .collect()
}

/// The canonical URI of a URL path for services other than S3: dot segments and empty segments
/// removed (RFC 3986 5.2.4 plus `//` collapsing; a trailing `/` kept when the last segment was
/// empty or a dot segment), then percent-encoded again.
pub fn normalized_canonical_uri(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').collect();
    let mut kept: Vec<&str> = Vec::new();
    for s in &segments {
        match *s {
            "" | "." => {}
            ".." => {
                kept.pop();
            }
            s => kept.push(s),
        }
    }
    let last = segments.last().copied().unwrap_or("");
    let mut out = format!("/{}", kept.join("/"));
    if !kept.is_empty() && matches!(last, "" | "." | "..") {
        out.push('/');
    }
    utf8_percent_encode(&out, PATH).to_string()
}

/// Checks a canonical request against the headers expected in it (lower-case, distinct) and
/// returns its lines.
pub fn check_canonical_request<'c>(
    cr: &'c str,
    method: &str,
    expected_headers: &[String],
    payload_hash: &str,
) -> Vec<&'c str> {
    let lines: Vec<&str> = cr.split('\n').collect();
    let h = expected_headers.len();
    // method, URI, query, one line per distinct header, a blank line, signed headers, payload.
    assert_eq!(lines.len(), 6 + h, "line count for {h} headers: {cr:?}");
    assert_eq!(lines[0], method);
    assert!(lines[1].starts_with('/'), "canonical URI {:?}", lines[1]);
    assert!(
        lines[1].bytes().all(|b| b.is_ascii_graphic()),
        "canonical URI {:?}",
        lines[1]
    );
    assert!(
        lines[2].bytes().all(|b| b.is_ascii_graphic()),
        "canonical query {:?}",
        lines[2]
    );
    let pairs: Vec<&str> = if lines[2].is_empty() {
        Vec::new()
    } else {
        lines[2].split('&').collect()
    };
    let key = |p: &&str| {
        let (n, v) = p.split_once('=').expect("name=value");
        (n.to_owned(), v.to_owned())
    };
    for w in pairs.windows(2) {
        assert!(
            key(&w[0]) <= key(&w[1]),
            "canonical query not sorted: {}",
            lines[2]
        );
    }
    for (i, name) in expected_headers.iter().enumerate() {
        let line = lines[3 + i];
        let (n, v) = line.split_once(':').expect("name:value");
        assert_eq!(n, name, "header order in {cr:?}");
        assert_eq!(
            v,
            v.trim_matches([' ', '\t']),
            "value not trimmed: {line:?}"
        );
        assert!(
            !v.contains("  ") && !v.contains('\t'),
            "spaces not collapsed: {line:?}"
        );
    }
    assert_eq!(lines[3 + h], "");
    assert_eq!(lines[4 + h], expected_headers.join(";"));
    assert_eq!(lines[5 + h], payload_hash);
    lines
}
