//! One day's signing key for one region and service, kept as a ready HMAC state, with the scope
//! text and the encoded `X-Amz-Credential` value.

use super::digest::HmacSha256;
use super::key::SigningKey;
use super::scope::{validate_region, validate_service};
use super::string_to_sign::ALGORITHM;
use crate::encoding::{self, Component};
use crate::{Credentials, Error, Timestamp};
use alloc::string::String;
use core::fmt;
use hmac::Mac;

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
        encoding::encode_str_into(&mut query_head, akid, Component::Query);
        query_head.push_str("%2F");
        encoding::encode_str_into(&mut query_head, &scope, Component::Query);
        query_head.push_str("&X-Amz-Date=");
        query_head.push_str(amz.date());
        query_head.push('T');
        Ok(ScopedKey {
            day: time.day(),
            mac,
            scope,
            query_head,
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
