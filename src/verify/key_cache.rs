//! Signing keys kept from one verification to the next, per access key, day, region and service,
//! with the buffers a verification writes into: once warm, verifying a request costs its
//! canonical request's hash and one HMAC, as presigning it does.

use super::canonical::Scratch;
use crate::signing::{self, SigningKey};
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// How many signing keys [`KeyCache::new`] keeps.
pub const DEFAULT_KEY_CACHE_CAPACITY: usize = 16;

/// Derived signing keys and reusable buffers for [`Verifier::verify_cached`](super::Verifier::verify_cached).
///
/// Keep one per thread (or per worker) for the life of the server: the first request of a day
/// for an access key, region and service derives its signing key (four HMACs) and keeps it;
/// the next ones reuse it, and the buffers the canonical request is written into stay
/// allocated. The lookup function is still called for every request (a revoked key is refused
/// at once), and a key is reused only if the lookup returned the same secret: the cache holds a
/// SHA-256 of each secret to tell, never the secret itself. When full, the least recently used
/// key is dropped.
///
/// Keys are wiped when dropped or evicted, best effort (see SECURITY.md). `Debug` shows the
/// cached scopes, never a key.
///
/// ```
/// use presign::verify::{KeyCache, Request, Verifier};
/// use presign::Timestamp;
///
/// let url = "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
/// let lookup = |akid: &str, _: Option<&str>| {
///     (akid == "AKIAIOSFODNN7EXAMPLE").then_some("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
/// };
/// let mut keys = KeyCache::new(); // one per thread, kept across requests
/// let verifier = Verifier::new(Timestamp::parse_rfc3339("2013-05-24T00:01:00Z")?).service("s3");
/// for _ in 0..3 {
///     let request = Request::from_url("GET", url)?;
///     let ok = verifier.verify_cached(&request, &mut keys, lookup)?;
///     assert_eq!(ok.scope, "20130524/us-east-1/s3/aws4_request");
/// }
/// assert_eq!(keys.len(), 1); // derived once
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct KeyCache {
    entries: Vec<Entry>,
    /// SigV4a public keys by access key (with the SHA-256 of the secret they come from): one
    /// serves every day, region set and service.
    #[cfg(feature = "sigv4a")]
    sigv4a: Vec<(String, [u8; 32], crate::sigv4a::VerifyingKey)>,
    capacity: usize,
    clock: u64,
    pub(super) scratch: Scratch,
}

#[derive(Clone)]
struct Entry {
    akid: String,
    date: [u8; 8],
    region: String,
    service: String,
    /// SHA-256 of the secret access key the key was derived from.
    secret: [u8; 32],
    /// The signing key, absorbed into a ready HMAC state.
    mac: HmacSha256,
    used: u64,
}

impl Entry {
    fn is(&self, akid: &str, date: &str, region: &str, service: &str) -> bool {
        self.akid == akid
            && self.date == date.as_bytes()
            && self.region == region
            && self.service == service
    }
}

impl Drop for Entry {
    fn drop(&mut self) {
        self.mac = keyed(&[0u8; 32]);
        core::hint::black_box(&mut self.mac);
    }
}

fn keyed(key: &[u8]) -> HmacSha256 {
    <HmacSha256 as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!())
}

/// The HMAC state keyed with the signing key of `secret` for this scope, derived now.
pub(super) fn derive(secret: &str, date: &str, region: &str, service: &str) -> HmacSha256 {
    keyed(SigningKey::derive(secret, date, region, service).as_bytes())
}

impl KeyCache {
    /// A cache keeping up to [`DEFAULT_KEY_CACHE_CAPACITY`] signing keys.
    pub fn new() -> Self {
        KeyCache::with_capacity(DEFAULT_KEY_CACHE_CAPACITY)
    }

    /// A cache keeping up to `capacity` signing keys (0: none, only the buffers are reused).
    /// Finding a key is a linear scan: keep this to the number of access keys, regions and
    /// services a server sees in a day, not more.
    pub fn with_capacity(capacity: usize) -> Self {
        KeyCache {
            entries: Vec::new(),
            #[cfg(feature = "sigv4a")]
            sigv4a: Vec::new(),
            capacity,
            clock: 0,
            scratch: Scratch::default(),
        }
    }

    /// How many signing keys are kept (with the `sigv4a` feature, SigV4a public keys too).
    pub fn len(&self) -> usize {
        #[cfg(feature = "sigv4a")]
        return self.entries.len() + self.sigv4a.len();
        #[cfg(not(feature = "sigv4a"))]
        self.entries.len()
    }

    /// Whether no signing key is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Drops every kept key (wiping it).
    pub fn clear(&mut self) {
        #[cfg(feature = "sigv4a")]
        self.sigv4a.clear();
        self.entries.clear();
    }

    /// The HMAC state of the signing key for `secret` and this scope: kept, or derived and kept.
    pub(super) fn mac(
        &mut self,
        secret: &str,
        akid: &str,
        date: &str,
        region: &str,
        service: &str,
    ) -> HmacSha256 {
        self.clock += 1;
        let digest: [u8; 32] = Sha256::digest(secret.as_bytes()).into();
        if let Some(e) = self
            .entries
            .iter_mut()
            .find(|e| e.is(akid, date, region, service))
        {
            if !signing::constant_time_eq(&e.secret, &digest) {
                // The secret changed (rotated): derive again.
                e.mac = derive(secret, date, region, service);
                e.secret = digest;
            }
            e.used = self.clock;
            return e.mac.clone();
        }
        let mac = derive(secret, date, region, service);
        // The scope date is YYYYMMDD (checked when parsed).
        let (Ok(d), true) = (<[u8; 8]>::try_from(date.as_bytes()), self.capacity > 0) else {
            return mac;
        };
        if self.entries.len() >= self.capacity {
            if let Some(oldest) = (0..self.entries.len()).min_by_key(|&i| self.entries[i].used) {
                self.entries.swap_remove(oldest);
            }
        }
        self.entries.push(Entry {
            akid: String::from(akid),
            date: d,
            region: String::from(region),
            service: String::from(service),
            secret: digest,
            mac: mac.clone(),
            used: self.clock,
        });
        mac
    }
}

impl Default for KeyCache {
    fn default() -> Self {
        KeyCache::new()
    }
}

#[cfg(feature = "sigv4a")]
impl KeyCache {
    /// The SigV4a public key of (`akid`, `secret`): kept, or derived (a P-256 scalar
    /// multiplication) and kept; the oldest is dropped beyond the capacity.
    pub(super) fn sigv4a_key(
        &mut self,
        secret: &str,
        akid: &str,
    ) -> Option<crate::sigv4a::VerifyingKey> {
        let digest: [u8; 32] = Sha256::digest(secret.as_bytes()).into();
        if let Some(i) = self.sigv4a.iter().position(|(a, _, _)| a == akid) {
            if signing::constant_time_eq(&self.sigv4a[i].1, &digest) {
                return Some(self.sigv4a[i].2);
            }
            self.sigv4a.remove(i);
        }
        let key = super::sigv4a::verifying_key(akid, secret)?;
        if self.capacity > 0 {
            if self.sigv4a.len() >= self.capacity {
                self.sigv4a.remove(0);
            }
            self.sigv4a.push((String::from(akid), digest, key));
        }
        Some(key)
    }
}

impl fmt::Debug for KeyCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Scope<'e>(&'e Entry);
        impl fmt::Debug for Scope<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let e = self.0;
                let date = core::str::from_utf8(&e.date).unwrap_or("?");
                write!(f, "{}/{date}/{}/{}", e.akid, e.region, e.service)
            }
        }
        f.debug_struct("KeyCache")
            .field("capacity", &self.capacity)
            .field("keys", &self.entries.iter().map(Scope).collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}
