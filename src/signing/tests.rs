use super::digest::{constant_time_eq, hmac};
use super::key::{wipe, SigningKey};
use super::scope::{validate_region, validate_service};
use super::scoped_key::ScopedKey;
use crate::{Credentials, Error, Timestamp};

use alloc::format;
use alloc::string::String;

#[test]
fn derives_the_documented_post_example_key() {
    // s3-vectors.md §3: signing key for 20151229/us-east-1/s3.
    let k = SigningKey::derive(
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "20151229",
        "us-east-1",
        "s3",
    );
    assert_eq!(
        hex::encode(k.as_bytes()),
        "cbcef1ebeaefc82cce6530b9f0a9ae598846065f5c5bae0674bd5ebc4ba52d28"
    );
    assert_eq!(format!("{k:?}"), "SigningKey(<redacted>)");
}

#[test]
fn long_secrets_derive_like_short_ones_would() {
    let long = "x".repeat(300);
    let k = SigningKey::derive(&long, "20151229", "us-east-1", "s3");
    let manual = {
        let kd = hmac(format!("AWS4{long}").as_bytes(), b"20151229");
        let kr = hmac(&kd, b"us-east-1");
        let ks = hmac(&kr, b"s3");
        hmac(&ks, b"aws4_request")
    };
    assert_eq!(k.as_bytes(), &manual);
}

#[test]
fn scoped_key_parts() {
    let c = Credentials::new(
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    )
    .unwrap();
    let t = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z").unwrap();
    let k = ScopedKey::new(&c, t, "us-east-1", "s3").unwrap();
    assert_eq!(k.scope(), "20130524/us-east-1/s3/aws4_request");
    assert_eq!(k.region(), "us-east-1");
    assert_eq!(k.service(), "s3");
    assert_eq!(
        k.query_head(),
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T"
    );
    assert!(k.covers(t.add_seconds(86_399).unwrap()));
    assert!(!k.covers(t.add_seconds(86_400).unwrap()));
    assert!(!format!("{k:?}").contains("wJalr"));
}

#[test]
fn region_and_service_rules() {
    for bad in [
        "",
        "US-EAST-1",
        "us east 1",
        "us-east-1\n",
        "us_east_1",
        &"a".repeat(64),
    ] {
        assert!(
            matches!(validate_region(bad), Err(Error::InvalidRegion { .. })),
            "{bad:?}"
        );
        assert!(
            matches!(validate_service(bad), Err(Error::InvalidService { .. })),
            "{bad:?}"
        );
    }
    validate_region("cn-northwest-1").unwrap();
    validate_service("s3-object-lambda").unwrap();
}

#[test]
fn constant_time_eq_compares() {
    assert!(constant_time_eq(b"abc", b"abc"));
    assert!(!constant_time_eq(b"abc", b"abd"));
    assert!(!constant_time_eq(b"abc", b"ab"));
}

// Moved from tests/hardening.rs when SigningKey and ScopedKey became private.

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

fn creds() -> Credentials {
    Credentials::new("AKIDEXAMPLE", SECRET).unwrap()
}

fn t0() -> Timestamp {
    Timestamp::parse_rfc3339("2015-08-30T12:36:00Z").unwrap()
}

#[test]
fn debug_of_keys_never_prints_key_bytes() {
    let c = creds()
        .with_session_token("SESSION-TOKEN-SECRET-VALUE")
        .unwrap();
    let key = SigningKey::derive(SECRET, "20150830", "us-east-1", "s3");
    let key_hex: String = key
        .as_bytes()
        .iter()
        .map(|b| alloc::format!("{b:02x}"))
        .collect();
    let scoped = ScopedKey::new(&c, t0(), "us-east-1", "s3").unwrap();
    for text in [
        format!("{key:?}"),
        format!("{key:#?}"),
        format!("{scoped:?}"),
        format!("{scoped:#?}"),
    ] {
        assert!(
            !text.contains(SECRET) && !text.contains(&SECRET[..8]),
            "{text}"
        );
        assert!(!text.contains("SESSION-TOKEN"), "{text}");
        assert!(!text.contains(&key_hex), "{text}");
        assert!(!text.contains(&key_hex.to_uppercase()), "{text}");
    }
    // Debug of a key lists no byte values at all.
    assert_eq!(format!("{key:?}"), "SigningKey(<redacted>)");
}

/// Keys derived for one scope sign nothing else: the scoped key and the raw key agree, and a
/// clone signs like the original (the clone is wiped on its own drop).
#[test]
fn scoped_key_clones_sign_alike_and_drop_independently() {
    let c = creds();
    let scoped = ScopedKey::new(&c, t0(), "us-east-1", "s3").unwrap();
    let clone = scoped.clone();
    let raw = SigningKey::derive(SECRET, "20150830", "us-east-1", "s3");
    assert_eq!(scoped.sign(b"message"), raw.sign(b"message"));
    drop(scoped);
    assert_eq!(clone.sign(b"message"), raw.sign(b"message"));
}

/// `SigningKey::sign` and `ScopedKey::sign` (used by POST policies and chunk signatures) against
/// the AWS documentation's presigned GET example.
#[test]
fn raw_and_scoped_keys_sign_the_documented_string_to_sign() {
    let doc = Credentials::new(
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    )
    .unwrap();
    let t = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z").unwrap();
    let req = crate::sigv4::Request::new("GET", "examplebucket.s3.amazonaws.com", "/test.txt")
        .payload(crate::Payload::Unsigned);
    let (_, d) = crate::sigv4::presign_with_details(
        &req,
        &crate::sigv4::SigningParams::new(&doc, "us-east-1", "s3", t),
        86400,
    )
    .unwrap();
    let want = "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
    assert_eq!(d.signature, want);
    let hex = |b: [u8; 32]| {
        b.iter()
            .map(|x| alloc::format!("{x:02x}"))
            .collect::<String>()
    };
    let raw = SigningKey::derive(doc.secret_access_key(), "20130524", "us-east-1", "s3");
    assert_eq!(hex(raw.sign(d.string_to_sign.as_bytes())), want);
    let scoped = ScopedKey::new(&doc, t, "us-east-1", "s3").unwrap();
    assert_eq!(hex(scoped.sign(d.string_to_sign.as_bytes())), want);
}

/// `Debug` of a `ScopedKey` shows its scope (only).
#[test]
fn scoped_key_debug_shows_the_scope() {
    let scoped = ScopedKey::new(&creds(), t0(), "us-east-1", "s3").unwrap();
    assert_eq!(
        format!("{scoped:?}"),
        "ScopedKey { scope: \"20150830/us-east-1/s3/aws4_request\", key: \"<redacted>\" }"
    );
}

#[test]
fn wipe_overwrites_every_byte() {
    // What the signing key's Drop and `derive` run over key material (their own effect on
    // freed memory cannot be read without `unsafe`).
    let mut bytes = [0xa5u8; 132];
    wipe(&mut bytes[1..]);
    assert_eq!(bytes[0], 0xa5);
    assert!(bytes[1..].iter().all(|&b| b == 0));
}
