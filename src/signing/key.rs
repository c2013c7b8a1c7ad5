//! The derived signing key (`kSigning`), wiped on drop.

use super::digest::{hmac, HmacSha256};
use core::fmt;
use hmac::Mac;

/// A derived SigV4 signing key (`kSigning`). `Debug` never shows it; it is overwritten on drop.
#[derive(Clone)]
pub struct SigningKey([u8; 32]);

impl SigningKey {
    /// Derives the signing key for a date (`YYYYMMDD`), region and service.
    pub fn derive(secret_access_key: &str, date: &str, region: &str, service: &str) -> SigningKey {
        // "AWS4" and a secret of up to 128 bytes (longer ones, rare, take the slow path).
        let mut k_secret = [0u8; 132];
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
pub(super) fn wipe(bytes: &mut [u8]) {
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
