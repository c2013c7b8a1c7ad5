//! Signing keys, credential scopes, the string to sign and the signature.
//!
//! ```text
//! kDate    = HMAC("AWS4" + secret, YYYYMMDD)
//! kRegion  = HMAC(kDate, region)
//! kService = HMAC(kRegion, service)
//! kSigning = HMAC(kService, "aws4_request")
//! signature = hex(HMAC(kSigning, string_to_sign))
//! ```
//!
//! A [`ScopedKey`] holds what one day's signing shares for one region and service: the derived
//! key as a ready HMAC state (key blocks already absorbed), the scope text and the URL-encoded
//! `X-Amz-Credential` value.

use crate::encoding::{self, Component};
use crate::{Credentials, Error, Timestamp};
use alloc::string::String;
use core::fmt;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// The SigV4 algorithm name.
pub const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// SHA-256 of the empty string, the payload hash of a request without a body.
pub const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// The payload hash S3 accepts for presigned URLs, whose body is not known when signing.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut m = <HmacSha256 as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    m.update(data);
    m.finalize().into_bytes().into()
}

/// `[a-z0-9-]+`, at most 63 bytes: what a credential-scope region or service may be.
fn is_scope_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks a region code: `[a-z0-9-]+`, at most 63 bytes.
pub fn validate_region(region: &str) -> Result<(), Error> {
    if is_scope_name(region) {
        Ok(())
    } else {
        Err(Error::InvalidRegion {
            region: region.into(),
        })
    }
}

/// Checks a service signing name: `[a-z0-9-]+`, at most 63 bytes.
pub fn validate_service(service: &str) -> Result<(), Error> {
    if is_scope_name(service) {
        Ok(())
    } else {
        Err(Error::InvalidService {
            service: service.into(),
        })
    }
}

/// A derived SigV4 signing key (`kSigning`). `Debug` never shows it; it is overwritten on drop.
#[derive(Clone)]
pub struct SigningKey([u8; 32]);

impl SigningKey {
    /// Derives the signing key for a date (`YYYYMMDD`), region and service.
    pub fn derive(secret_access_key: &str, date: &str, region: &str, service: &str) -> SigningKey {
        let mut k_secret = [0u8; 4 + 128];
        let secret = secret_access_key.as_bytes();
        let mut k_date = if secret.len() <= 128 {
            k_secret[..4].copy_from_slice(b"AWS4");
            k_secret[4..4 + secret.len()].copy_from_slice(secret);
            hmac(&k_secret[..4 + secret.len()], date.as_bytes())
        } else {
            let mut m = <HmacSha256 as Mac>::new_from_slice(&[b"AWS4".as_slice(), secret].concat())
                .unwrap_or_else(|_| unreachable!());
            m.update(date.as_bytes());
            m.finalize().into_bytes().into()
        };
        let mut k_region = hmac(&k_date, region.as_bytes());
        let mut k_service = hmac(&k_region, service.as_bytes());
        let key = hmac(&k_service, b"aws4_request");
        wipe(&mut k_secret);
        wipe(&mut k_date);
        wipe(&mut k_region);
        wipe(&mut k_service);
        SigningKey(key)
    }

    /// The raw key bytes (for interoperability tests; keep them secret).
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// `HMAC(kSigning, message)`: the raw signature of a string to sign (or of a POST policy).
    pub fn sign(&self, message: &[u8]) -> [u8; 32] {
        hmac(&self.0, message)
    }
}

/// Overwrites key material. Without `unsafe` this is best effort: `black_box` keeps the
/// compiler from proving the writes dead.
fn wipe(bytes: &mut [u8]) {
    for b in bytes.iter_mut() {
        *b = 0;
    }
    core::hint::black_box(bytes);
}

impl Drop for SigningKey {
    fn drop(&mut self) {
        wipe(&mut self.0);
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningKey(<redacted>)")
    }
}

/// The credential scope `YYYYMMDD/region/service/aws4_request` and the key that signs in it.
///
/// Build one per day, region and service and reuse it: it holds the HMAC state with the key
/// blocks already absorbed, so a signature costs one HMAC of the string to sign.
#[derive(Clone)]
pub struct ScopedKey {
    day: i64,
    mac: HmacSha256,
    scope: String,
    /// `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=...&X-Amz-Date=YYYYMMDDT`: the start
    /// of every presigned query signed with this key, up to the time of day.
    query_head: String,
    /// The `X-Amz-Credential` value within `query_head`.
    credential: core::ops::Range<usize>,
    region_len: usize,
    service_len: usize,
}

impl ScopedKey {
    /// Derives the key for the day of `time`, `region` and `service`.
    ///
    /// # Errors
    /// [`Error::InvalidRegion`], [`Error::InvalidService`].
    pub fn new(
        credentials: &Credentials,
        time: Timestamp,
        region: &str,
        service: &str,
    ) -> Result<Self, Error> {
        validate_region(region)?;
        validate_service(service)?;
        let amz = time.amz_date();
        let key = SigningKey::derive(credentials.secret_access_key(), amz.date(), region, service);
        let mac =
            <HmacSha256 as Mac>::new_from_slice(key.as_bytes()).unwrap_or_else(|_| unreachable!());
        let mut scope = String::with_capacity(8 + region.len() + service.len() + 16);
        scope.push_str(amz.date());
        scope.push('/');
        scope.push_str(region);
        scope.push('/');
        scope.push_str(service);
        scope.push_str("/aws4_request");
        let akid = credentials.access_key_id();
        let mut query_head = String::with_capacity(64 + akid.len() * 3 + scope.len() + 16);
        query_head.push_str("X-Amz-Algorithm=");
        query_head.push_str(ALGORITHM);
        query_head.push_str("&X-Amz-Credential=");
        let c0 = query_head.len();
        encoding::encode_str_into(&mut query_head, akid, Component::Query);
        query_head.push_str("%2F");
        encoding::encode_str_into(&mut query_head, &scope, Component::Query);
        let credential = c0..query_head.len();
        query_head.push_str("&X-Amz-Date=");
        query_head.push_str(amz.date());
        query_head.push('T');
        Ok(ScopedKey {
            day: time.day(),
            mac,
            scope,
            query_head,
            credential,
            region_len: region.len(),
            service_len: service.len(),
        })
    }

    /// Whether `time` falls on this key's scope date.
    pub fn covers(&self, time: Timestamp) -> bool {
        self.day == time.day()
    }

    /// `YYYYMMDD/region/service/aws4_request`.
    pub fn scope(&self) -> &str {
        &self.scope
    }

    /// The region of the scope.
    pub fn region(&self) -> &str {
        &self.scope[9..9 + self.region_len]
    }

    /// The service of the scope.
    pub fn service(&self) -> &str {
        let s = 9 + self.region_len + 1;
        &self.scope[s..s + self.service_len]
    }

    /// The `X-Amz-Credential` value, URL-encoded: `AKID%2FYYYYMMDD%2Fregion%2Fservice%2Faws4_request`.
    pub fn credential_query(&self) -> &str {
        &self.query_head[self.credential.clone()]
    }

    /// `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=...&X-Amz-Date=YYYYMMDDT`: what every
    /// presigned query signed with this key starts with, up to the time of day (`HHMMSSZ`).
    pub fn query_head(&self) -> &str {
        &self.query_head
    }

    /// The HMAC state with the string to sign's first three lines absorbed
    /// (`AWS4-HMAC-SHA256\n{X-Amz-Date}\n{scope}\n`): signatures made in the same second share
    /// it, and each then costs the hashing of the last line only.
    pub(crate) fn sts_state(&self, time: Timestamp) -> StsState {
        StsState {
            second: time.unix(),
            mac: self.sts_mac(time.amz_date().as_str()),
        }
    }

    fn sts_mac(&self, amz_date: &str) -> HmacSha256 {
        let mut m = self.mac.clone();
        m.update(ALGORITHM.as_bytes());
        m.update(b"\n");
        m.update(amz_date.as_bytes());
        m.update(b"\n");
        m.update(self.scope.as_bytes());
        m.update(b"\n");
        m
    }

    /// Signs the string to sign made of `amz_date`, this scope and the canonical-request hash,
    /// feeding the HMAC directly (the string to sign is never built in memory).
    pub fn sign_hash(&self, amz_date: &str, canonical_request_sha256: &[u8; 32]) -> [u8; 32] {
        finish_sts(self.sts_mac(amz_date), canonical_request_sha256)
    }

    /// `HMAC(kSigning, message)` for arbitrary messages (POST policies, chunk signatures).
    pub fn sign(&self, message: &[u8]) -> [u8; 32] {
        let mut m = self.mac.clone();
        m.update(message);
        m.finalize().into_bytes().into()
    }
}

/// The HMAC of a string to sign up to its last line, for one key and one second (see
/// [`ScopedKey::sts_state`]).
#[derive(Clone)]
pub(crate) struct StsState {
    second: i64,
    mac: HmacSha256,
}

impl StsState {
    /// The Unix second whose `X-Amz-Date` this state has absorbed.
    pub(crate) fn second(&self) -> i64 {
        self.second
    }

    /// Moves this state to another second (of `key`), in place: the old state is overwritten
    /// rather than dropped (dropping wipes it, which costs a keying of its own).
    pub(crate) fn refresh(&mut self, key: &ScopedKey, time: Timestamp) {
        self.mac = key.sts_mac(time.amz_date().as_str());
        self.second = time.unix();
    }

    /// The signature of the string to sign ending with this canonical-request hash.
    pub(crate) fn sign(&self, canonical_request_sha256: &[u8; 32]) -> [u8; 32] {
        finish_sts(self.mac.clone(), canonical_request_sha256)
    }
}

/// Like [`ScopedKey`]'s: the state is key material; overwritten when dropped (best effort).
impl Drop for StsState {
    fn drop(&mut self) {
        self.mac =
            <HmacSha256 as Mac>::new_from_slice(&[0u8; 32]).unwrap_or_else(|_| unreachable!());
        core::hint::black_box(&mut self.mac);
    }
}

fn finish_sts(mut m: HmacSha256, canonical_request_sha256: &[u8; 32]) -> [u8; 32] {
    m.update(&encoding::hex32(canonical_request_sha256));
    m.finalize().into_bytes().into()
}

impl fmt::Debug for ScopedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ScopedKey")
            .field("scope", &self.scope)
            .field("key", &"<redacted>")
            .finish()
    }
}

/// The HMAC state has the key blocks absorbed: it signs like the key itself. Best effort without
/// `unsafe`: the state is overwritten in place by one keyed with zeros; copies left by moves and
/// the clones each signature makes (consumed by `finalize`) are not reached.
impl Drop for ScopedKey {
    fn drop(&mut self) {
        self.mac =
            <HmacSha256 as Mac>::new_from_slice(&[0u8; 32]).unwrap_or_else(|_| unreachable!());
        core::hint::black_box(&mut self.mac);
    }
}

/// The string to sign, as text (for debugging a `SignatureDoesNotMatch`).
pub fn string_to_sign(amz_date: &str, scope: &str, canonical_request_sha256: &[u8; 32]) -> String {
    let hex = encoding::hex32(canonical_request_sha256);
    let mut s = String::with_capacity(17 + 17 + scope.len() + 1 + 64);
    s.push_str(ALGORITHM);
    s.push('\n');
    s.push_str(amz_date);
    s.push('\n');
    s.push_str(scope);
    s.push('\n');
    s.push_str(encoding::hex_str(&hex));
    s
}

/// SHA-256 of `data`.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

/// Lower-case hex SHA-256 of `data`.
pub fn sha256_hex(data: &[u8]) -> String {
    String::from(encoding::hex_str(&encoding::hex32(&sha256(data))))
}

/// Compares two byte strings in time that depends only on their lengths.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut diff = 0u8;
    for (x, y) in a.iter().zip(b) {
        diff |= x ^ y;
    }
    core::hint::black_box(diff) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
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
}
