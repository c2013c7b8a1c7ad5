//! SigV4a verification (feature `sigv4a`): what differs from SigV4 once the canonical request is
//! rebuilt. The credential scope has no region (`AKID/YYYYMMDD/service/aws4_request`), the
//! regions are the signed `X-Amz-Region-Set`, and the signature is ECDSA P-256 (DER, hex) over
//! the SHA-256 of the string to sign, checked with the public key the secret derives to.

use super::auth::{check_scope_parts, AuthLocation};
use super::query::Piece;
use super::redact::clip;
use super::rejection::Rejection;
use crate::encoding;
use crate::signing;
use crate::sigv4a::{RegionSet, Signature, VerifyingKey, ALGORITHM};
use alloc::borrow::Cow;
use alloc::string::String;

/// `AKID/YYYYMMDD/service/aws4_request` → (akid, date, service).
pub(super) fn parse_credential(
    cred: &str,
    location: AuthLocation,
) -> Result<(&str, &str, &str), Rejection> {
    let bad = || {
        Rejection::Malformed {
        location,
        reason: "Error parsing the Credential: a SigV4a one is <access key id>/<YYYYMMDD>/<service>/aws4_request",
    }
    };
    let mut it = cred.rsplitn(4, '/');
    let (term, service, date, akid) = match (it.next(), it.next(), it.next(), it.next()) {
        (Some(t), Some(s), Some(d), Some(a)) => (t, s, d, a),
        _ => return Err(bad()),
    };
    check_scope_parts(akid, date, service, term, location, bad)?;
    Ok((akid, date, service))
}

/// Reads the signed region set and checks that it covers `expected` (the verifier's region).
pub(super) fn check_region_set(
    value: Option<&str>,
    expected: Option<&str>,
    location: AuthLocation,
) -> Result<RegionSet, Rejection> {
    let set = value
        .map(|v| v.trim_matches([' ', '\t']))
        .and_then(|v| RegionSet::new(v).ok())
        .ok_or(Rejection::Malformed {
            location,
            reason: "a SigV4a request needs a valid X-Amz-Region-Set (a query parameter, or a signed x-amz-region-set header): * or region codes separated by commas",
        })?;
    if let Some(region) = expected {
        if !set.contains(region) {
            return Err(Rejection::WrongRegion {
                location,
                region: clip(set.as_str(), 64),
                expected: clip(region, 64),
            });
        }
    }
    Ok(set)
}

/// `YYYYMMDD/service/aws4_request`.
pub(super) fn scope(date: &str, service: &str) -> String {
    let mut s = String::with_capacity(8 + service.len() + 14);
    s.push_str(date);
    s.push('/');
    s.push_str(service);
    s.push_str("/aws4_request");
    s
}

/// The string to sign of a SigV4a request.
pub(super) fn string_to_sign(amz_date: &str, scope: &str, canonical_hash: &[u8; 32]) -> String {
    signing::string_to_sign_for(ALGORITHM, amz_date, scope, canonical_hash)
}

/// Whether `signature_hex` signs `string_to_sign` under `key`.
pub(super) fn signature_matches(
    key: &VerifyingKey,
    string_to_sign: &str,
    signature_hex: &str,
) -> bool {
    match Signature::from_hex(signature_hex) {
        Some(sig) => key.verify(string_to_sign.as_bytes(), &sig),
        None => false,
    }
}

/// The value of the `X-Amz-Region-Set` query parameter (decoded), if present; its name is
/// case-sensitive, as every X-Amz-* parameter name is.
pub(super) fn region_set_param<'r>(query: &'r str, pieces: &[Piece]) -> Option<Cow<'r, str>> {
    pieces
        .iter()
        .find(|p| encoding::decode(p.name(query)) == &b"X-Amz-Region-Set"[..])
        .map(|p| encoding::decode_lossy(p.value(query)))
}

/// The public key of an access key pair (a few HMACs and one P-256 scalar multiplication).
pub(super) fn verifying_key(access_key_id: &str, secret: &str) -> Option<VerifyingKey> {
    VerifyingKey::from_access_key_pair(access_key_id, secret).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sigv4a::SigningKey;

    const Q: AuthLocation = AuthLocation::Query;

    #[test]
    fn credentials_have_no_region() {
        assert_eq!(
            parse_credential("AKID/20150830/service/aws4_request", Q).unwrap(),
            ("AKID", "20150830", "service")
        );
        for bad in [
            "AKID/20150830/us-east-1/service/aws4_request",
            "AKID/20150830/service/aws5_request",
            "/20150830/service/aws4_request",
            "AKID/2015083/service/aws4_request",
            "AKID/20150830/Service/aws4_request",
            "20150830/service/aws4_request",
        ] {
            // The five-part form reads its region as the service's place and fails on it, or
            // on the date.
            let r = parse_credential(bad, Q);
            assert!(
                matches!(r, Err(Rejection::Malformed { .. })),
                "{bad}: {r:?}"
            );
        }
    }

    #[test]
    fn the_region_set_must_cover_the_verifiers_region() {
        assert!(check_region_set(Some("*"), Some("eu-west-1"), Q).is_ok());
        assert!(check_region_set(Some("us-*,eu-west-1"), Some("us-east-2"), Q).is_ok());
        assert!(check_region_set(Some("us-east-1"), None, Q).is_ok());
        assert!(matches!(
            check_region_set(Some("us-east-1"), Some("eu-west-1"), Q),
            Err(Rejection::WrongRegion { .. })
        ));
        for bad in [None, Some(""), Some("us east 1")] {
            assert!(matches!(
                check_region_set(bad, None, Q),
                Err(Rejection::Malformed { .. })
            ));
        }
    }

    #[test]
    fn signatures() {
        let k = SigningKey::from_access_key_pair("AKID", "secret").unwrap();
        let sts = string_to_sign("20150830T123600Z", &scope("20150830", "s3"), &[7; 32]);
        assert!(
            sts.starts_with("AWS4-ECDSA-P256-SHA256\n20150830T123600Z\n20150830/s3/aws4_request\n")
        );
        let sig = k.sign(sts.as_bytes()).to_hex();
        let vk = verifying_key("AKID", "secret").unwrap();
        assert!(signature_matches(&vk, &sts, &sig));
        assert!(!signature_matches(&vk, &sts, &sig[2..]));
        assert!(!signature_matches(&vk, &sts, "zz"));
        assert!(!signature_matches(&vk, &sts[1..], &sig));
        let other = verifying_key("AKID", "rotated").unwrap();
        assert!(!signature_matches(&other, &sts, &sig));
    }
}
