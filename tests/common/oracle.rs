//! Independent SigV4 building blocks for the tests: hashes, signing keys and percent-encoding
//! written with `sha2`, `hmac`, `hex` and `percent-encoding` directly, never with the crate's own
//! (private) helpers, so a test that forges or recomputes a signature does not share the code it
//! checks.
#![allow(dead_code)] // each test file uses some of these

use hmac::{Hmac, Mac};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};

/// The SHA-256 of the empty payload, in hex.
pub const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// SHA-256 of `data`.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

/// Lower-case hex SHA-256 of `data`.
pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// HMAC-SHA256 of `data` under `key`.
pub fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    let mut m = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    m.update(data);
    m.finalize().into_bytes().into()
}

/// `kSigning` for `date` (YYYYMMDD), `region` and `service`.
pub fn signing_key(secret: &str, date: &str, region: &str, service: &str) -> [u8; 32] {
    let k_date = hmac(format!("AWS4{secret}").as_bytes(), date.as_bytes());
    let k_region = hmac(&k_date, region.as_bytes());
    let k_service = hmac(&k_region, service.as_bytes());
    hmac(&k_service, b"aws4_request")
}

/// `hex(HMAC(kSigning, string_to_sign))`: the signature of a string to sign (or of a POST
/// policy's base64 text) with the key of that scope.
pub fn sign_hex(secret: &str, date: &str, region: &str, service: &str, message: &str) -> String {
    hex::encode(hmac(
        &signing_key(secret, date, region, service),
        message.as_bytes(),
    ))
}

/// Everything but SigV4's unreserved bytes `A-Za-z0-9-._~`.
const QUERY: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');
/// The same with `/` kept literal (paths and object keys).
const PATH: &AsciiSet = &QUERY.remove(b'/');

/// Percent-encodes `s` as SigV4 query names and values are (`/` as `%2F`).
pub fn encode_query(s: &str) -> String {
    utf8_percent_encode(s, QUERY).to_string()
}

/// Percent-encodes `s` as SigV4 paths are (`/` kept).
pub fn encode_path(s: &str) -> String {
    utf8_percent_encode(s, PATH).to_string()
}

/// Decodes `%XX` (a stray `%` stays; `+` stays `+`), replacing invalid UTF-8.
pub fn decode_lossy(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// A raw query string split into decoded pairs, in order; empty pieces skipped, a piece with no
/// `=` has the value `""`.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (n, v) = p.split_once('=').unwrap_or((p, ""));
            (decode_lossy(n), decode_lossy(v))
        })
        .collect()
}
