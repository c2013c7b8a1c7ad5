use super::digest::{constant_time_eq, hmac};
use super::key::SigningKey;
use super::scope::{validate_region, validate_service};
use super::scoped_key::ScopedKey;
use crate::{Credentials, Error, Timestamp};

use alloc::format;

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
        k.credential_query(),
        "AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
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
