//! SigV4a verification (feature `sigv4a`): what differs from SigV4 once the canonical request is
//! rebuilt. The credential scope has no region (`AKID/YYYYMMDD/service/aws4_request`), the
//! regions are the signed `X-Amz-Region-Set`, and the signature is ECDSA P-256 (DER, hex) over
//! the SHA-256 of the string to sign, checked with the public key the secret derives to.

use super::auth::AuthLocation;
use super::redact::clip;
use super::rejection::Rejection;
use crate::signing::{self, validate_service};
use crate::sigv4a::{RegionSet, Signature, VerifyingKey, ALGORITHM};
use alloc::string::String;
use alloc::vec::Vec;

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
    if term != "aws4_request" {
        return Err(Rejection::Malformed {
            location,
            reason: "the credential scope must end with \"aws4_request\"",
        });
    }
    if akid.is_empty() || akid.len() > 128 || !akid.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(bad());
    }
    if date.len() != 8 || !date.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Rejection::Malformed {
            location,
            reason: "the credential scope date must be YYYYMMDD",
        });
    }
    if validate_service(service).is_err() {
        return Err(Rejection::Malformed {
            location,
            reason: "the credential scope service is not a service name",
        });
    }
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

/// The most public keys a [`VerifyingKeys`] keeps.
const MAX_KEYS: usize = 64;

/// SigV4a public keys by access key: deriving one costs a P-256 scalar multiplication, about
/// as much as the verification itself, and a key serves every date, region set and service.
/// The secret is kept only as its SHA-256, to notice a rotated secret.
#[derive(Clone, Default)]
pub struct VerifyingKeys {
    keys: Vec<(String, [u8; 32], VerifyingKey)>,
}

impl VerifyingKeys {
    /// An empty cache.
    pub fn new() -> Self {
        VerifyingKeys::default()
    }

    /// The public key of (`access_key_id`, `secret`), derived on first use.
    pub(super) fn get(&mut self, access_key_id: &str, secret: &str) -> Option<VerifyingKey> {
        let tag = signing::sha256(secret.as_bytes());
        if let Some((_, t, k)) = self.keys.iter().find(|(a, _, _)| a == access_key_id) {
            if signing::constant_time_eq(t, &tag) {
                return Some(*k);
            }
        }
        let key = VerifyingKey::from_access_key_pair(access_key_id, secret).ok()?;
        self.keys.retain(|(a, _, _)| a != access_key_id);
        if self.keys.len() == MAX_KEYS {
            self.keys.remove(0);
        }
        self.keys.push((String::from(access_key_id), tag, key));
        Some(key)
    }

    /// How many keys are kept.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether none is kept.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

impl core::fmt::Debug for VerifyingKeys {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("VerifyingKeys")
            .field("keys", &self.keys.len())
            .finish()
    }
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
    fn signatures_and_the_key_cache() {
        let k = SigningKey::from_access_key_pair("AKID", "secret").unwrap();
        let sts = string_to_sign("20150830T123600Z", &scope("20150830", "s3"), &[7; 32]);
        assert!(
            sts.starts_with("AWS4-ECDSA-P256-SHA256\n20150830T123600Z\n20150830/s3/aws4_request\n")
        );
        let sig = k.sign(sts.as_bytes()).to_hex();
        let mut cache = VerifyingKeys::new();
        let vk = cache.get("AKID", "secret").unwrap();
        assert!(signature_matches(&vk, &sts, &sig));
        assert!(!signature_matches(&vk, &sts, &sig[2..]));
        assert!(!signature_matches(&vk, &sts, "zz"));
        assert!(!signature_matches(&vk, &sts[1..], &sig));
        assert_eq!(cache.get("AKID", "secret"), Some(vk));
        assert_eq!(cache.len(), 1);
        // A rotated secret is a new key, not the cached one.
        let other = cache.get("AKID", "rotated").unwrap();
        assert_ne!(other, vk);
        assert_eq!(cache.len(), 1);
        for i in 0..100 {
            cache.get(&alloc::format!("K{i}"), "s").unwrap();
        }
        assert_eq!(cache.len(), MAX_KEYS);
        assert!(!alloc::format!("{cache:?}").contains("secret"));
    }
}
