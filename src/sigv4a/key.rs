//! The SigV4a key pair: the P-256 private key derived from an access key pair, its public key,
//! and the ECDSA signatures they make and check.
//!
//! The derivation (AWS's, as in the CRT and the SDKs) is a NIST SP 800-108 KDF in counter mode
//! with HMAC-SHA256, repeated with a counter byte until the candidate falls in the curve's range:
//!
//! ```text
//! for counter in 1..=254:
//!     k0 = HMAC-SHA256("AWS4A" + secret,
//!                      be32(1) || "AWS4-ECDSA-P256-SHA256" || 0x00 || access_key_id || counter || be32(256))
//!     if k0 <= n - 2: private key = k0 + 1; stop
//! ```
//!
//! `n` is the order of P-256. The key depends on the access key pair only (not on the date,
//! region or service): derive it once per credentials and keep it ([`SigningKey`] is the cache).
//!
//! Signatures use deterministic nonces (RFC 6979): no random number generator is needed, which
//! keeps the core `no_std` and sans-IO; a verifier cannot tell them from AWS's randomized ones.

use crate::encoding;
use crate::{Credentials, Error};
use alloc::string::String;
use core::fmt;
use hmac::{Hmac, Mac};
use p256::ecdsa::signature::hazmat::{PrehashSigner, PrehashVerifier};
use p256::ecdsa::{DerSignature, Signature as EcdsaSignature};
use p256::elliptic_curve::sec1::ToSec1Point;
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The KDF label, which is also the SigV4a algorithm name.
const LABEL: &[u8] = b"AWS4-ECDSA-P256-SHA256";

/// The order of P-256 minus 2, big-endian (NIST SP 800-186 §3.2.1.3: n =
/// ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551).
const N_MINUS_2: [u8; 32] = [
    0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x4f,
];

/// The last counter value the derivation tries. Each try fails with probability about 2^-32.
const MAX_COUNTER: u8 = 254;

/// `a <= b` for big-endian 256-bit numbers, in time independent of their values: the borrow
/// out of `b - a`.
fn le_be256(a: &[u8; 32], b: &[u8; 32]) -> bool {
    let mut borrow = 0u16;
    for i in (0..32).rev() {
        let d = u16::from(b[i])
            .wrapping_sub(u16::from(a[i]))
            .wrapping_sub(borrow);
        borrow = (d >> 8) & 1;
    }
    core::hint::black_box(borrow) == 0
}

/// `a + 1` for a big-endian 256-bit number below 2^256 - 1.
fn add_one_be256(a: &mut [u8; 32]) {
    let mut carry = 1u16;
    for byte in a.iter_mut().rev() {
        let s = u16::from(*byte) + carry;
        *byte = s as u8;
        carry = s >> 8;
    }
}

fn wipe(bytes: &mut [u8]) {
    bytes.iter_mut().for_each(|b| *b = 0);
    core::hint::black_box(bytes);
}

/// The private scalar for an access key pair, big-endian (see the module docs).
fn derive_scalar(access_key_id: &str, secret_access_key: &str) -> Option<[u8; 32]> {
    let mut key = alloc::vec::Vec::with_capacity(5 + secret_access_key.len());
    key.extend_from_slice(b"AWS4A");
    key.extend_from_slice(secret_access_key.as_bytes());
    // HMAC takes keys of any length.
    let base = <HmacSha256 as Mac>::new_from_slice(&key).unwrap_or_else(|_| unreachable!());
    wipe(&mut key);
    let mut prefix = base;
    prefix.update(&1u32.to_be_bytes());
    prefix.update(LABEL);
    prefix.update(&[0]);
    prefix.update(access_key_id.as_bytes());
    for counter in 1..=MAX_COUNTER {
        let mut m = prefix.clone();
        m.update(&[counter]);
        m.update(&256u32.to_be_bytes());
        let mut k0: [u8; 32] = m.finalize().into_bytes().into();
        if le_be256(&k0, &N_MINUS_2) {
            add_one_be256(&mut k0);
            return Some(k0);
        }
        wipe(&mut k0);
    }
    None
}

/// A SigV4a private key: derived once from an access key pair, then it signs any number of
/// requests, for any date, region set and service. `Debug` never shows it; the scalar is
/// zeroized on drop (by `p256`).
#[derive(Clone)]
pub struct SigningKey {
    access_key_id: String,
    key: p256::ecdsa::SigningKey,
}

impl SigningKey {
    /// Derives the key of `credentials` (the session token plays no part in it).
    ///
    /// This costs a few HMACs and one P-256 scalar multiplication (the public key, which the
    /// verifier needs): build it once per credentials and reuse it.
    ///
    /// # Errors
    /// [`Error::UnsupportedConfiguration`] if no counter value gives a valid key: for random
    /// secrets the odds are about 2^-8000, and no known secret does.
    pub fn derive(credentials: &Credentials) -> Result<Self, Error> {
        Self::from_access_key_pair(credentials.access_key_id(), credentials.secret_access_key())
    }

    /// [`derive`](Self::derive) from the two halves of an access key pair.
    ///
    /// # Errors
    /// As [`derive`](Self::derive).
    pub fn from_access_key_pair(
        access_key_id: &str,
        secret_access_key: &str,
    ) -> Result<Self, Error> {
        let mut scalar =
            derive_scalar(access_key_id, secret_access_key).ok_or(no_key_for_credentials())?;
        let key = p256::ecdsa::SigningKey::from_bytes(&scalar.into());
        wipe(&mut scalar);
        // 1 <= k0 + 1 <= n - 1, so the scalar is always in range.
        let key = key.map_err(|_| no_key_for_credentials())?;
        Ok(SigningKey {
            access_key_id: String::from(access_key_id),
            key,
        })
    }

    /// The access key id the key was derived with (it goes in the credential scope).
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The public key, which AWS derives the same way to check the signatures.
    pub fn verifying_key(&self) -> VerifyingKey {
        VerifyingKey(*self.key.verifying_key())
    }

    /// Signs a SigV4a string to sign: ECDSA P-256 over its SHA-256, with an RFC 6979 nonce.
    pub fn sign(&self, string_to_sign: &[u8]) -> Signature {
        self.sign_digest(&crate::signing::sha256(string_to_sign))
    }

    /// Signs the SHA-256 digest of a string to sign.
    pub fn sign_digest(&self, digest: &[u8; 32]) -> Signature {
        // A 32-byte prehash is always accepted for P-256.
        let sig: DerSignature = self
            .key
            .sign_prehash(digest)
            .unwrap_or_else(|_| unreachable!());
        Signature::from_der_signature(&sig)
    }
}

fn no_key_for_credentials() -> Error {
    Error::UnsupportedConfiguration {
        reason: "no SigV4a key can be derived from these credentials (the derivation ran out of counter values): use another access key",
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("sigv4a::SigningKey")
            .field("access_key_id", &self.access_key_id)
            .field("key", &"<redacted>")
            .finish()
    }
}

/// A SigV4a public key (a P-256 point): checks signatures.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct VerifyingKey(p256::ecdsa::VerifyingKey);

impl VerifyingKey {
    /// The public key of an access key pair: what a verifier derives from the secret it looks
    /// up. Costs what [`SigningKey::derive`] costs: cache it per access key.
    ///
    /// # Errors
    /// As [`SigningKey::derive`].
    pub fn from_access_key_pair(
        access_key_id: &str,
        secret_access_key: &str,
    ) -> Result<Self, Error> {
        SigningKey::from_access_key_pair(access_key_id, secret_access_key)
            .map(|k| k.verifying_key())
    }

    /// A public key from its affine coordinates (32 bytes each, big-endian), as AWS's test
    /// suite gives them.
    ///
    /// # Errors
    /// [`Error::UnsupportedConfiguration`] if the point is not on the curve.
    pub fn from_coordinates(x: &[u8; 32], y: &[u8; 32]) -> Result<Self, Error> {
        let mut sec1 = [0u8; 65];
        sec1[0] = 4;
        sec1[1..33].copy_from_slice(x);
        sec1[33..].copy_from_slice(y);
        p256::ecdsa::VerifyingKey::from_sec1_bytes(&sec1)
            .map(VerifyingKey)
            .map_err(|_| Error::UnsupportedConfiguration {
                reason: "the public key is not a point of P-256",
            })
    }

    /// The affine coordinates (x, y), 32 bytes each, big-endian.
    pub fn coordinates(&self) -> ([u8; 32], [u8; 32]) {
        let point = self.0.as_affine().to_sec1_point(false);
        let bytes = point.as_bytes();
        let mut x = [0u8; 32];
        let mut y = [0u8; 32];
        x.copy_from_slice(&bytes[1..33]);
        y.copy_from_slice(&bytes[33..65]);
        (x, y)
    }

    /// Whether `signature` (DER, as hex or raw bytes) signs `string_to_sign` under this key.
    pub fn verify(&self, string_to_sign: &[u8], signature: &Signature) -> bool {
        self.verify_digest(&crate::signing::sha256(string_to_sign), signature)
    }

    /// Whether `signature` signs the string to sign whose SHA-256 is `digest`.
    pub fn verify_digest(&self, digest: &[u8; 32], signature: &Signature) -> bool {
        match EcdsaSignature::from_der(signature.der()) {
            Ok(sig) => self.0.verify_prehash(digest, &sig).is_ok(),
            Err(_) => false,
        }
    }
}

impl fmt::Debug for VerifyingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (x, y) = self.coordinates();
        write!(
            f,
            "sigv4a::VerifyingKey {{ x: {}, y: {} }}",
            encoding::hex_str(&encoding::hex32(&x)),
            encoding::hex_str(&encoding::hex32(&y))
        )
    }
}

/// The longest DER encoding of a P-256 ECDSA signature: SEQUENCE of two 33-byte INTEGERs.
const MAX_DER: usize = 72;

/// An ECDSA signature in DER, the form SigV4a sends (as lower-case hex).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Signature {
    der: [u8; MAX_DER],
    len: u8,
}

impl Signature {
    fn from_der_signature(sig: &DerSignature) -> Self {
        let bytes = sig.as_bytes();
        let mut der = [0u8; MAX_DER];
        der[..bytes.len()].copy_from_slice(bytes);
        Signature {
            der,
            len: bytes.len() as u8,
        }
    }

    /// A signature from the hex a request carries (`Signature=` or `X-Amz-Signature=`).
    /// Shape only (hex, at most 72 bytes): whether it is valid DER is the verifier's question.
    ///
    /// # Errors
    /// `None` if it is not hex or too long.
    pub fn from_hex(hex: &str) -> Option<Self> {
        if hex.is_empty() || hex.len() % 2 != 0 || hex.len() > 2 * MAX_DER {
            return None;
        }
        let mut der = [0u8; MAX_DER];
        let n = hex.len() / 2;
        ::hex::decode_to_slice(hex, &mut der[..n]).ok()?;
        Some(Signature { der, len: n as u8 })
    }

    /// The DER bytes.
    pub fn der(&self) -> &[u8] {
        &self.der[..usize::from(self.len)]
    }

    /// The lower-case hex of the DER bytes, as requests carry it.
    pub fn to_hex(&self) -> String {
        let mut s = String::with_capacity(2 * usize::from(self.len));
        self.write_hex(&mut s);
        s
    }

    /// Appends the lower-case hex of the DER bytes to `out`.
    pub fn write_hex(&self, out: &mut String) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        for &b in self.der() {
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// A signature is public once sent; `Debug` shows its hex.
impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sigv4a::Signature({})", self.to_hex())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    const AKID: &str = "AKIDEXAMPLE";
    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    fn unhex32(s: &str) -> [u8; 32] {
        let mut out = [0u8; 32];
        ::hex::decode_to_slice(s, &mut out).unwrap();
        out
    }

    #[test]
    fn derives_the_suite_public_key() {
        // aws-signing-test-suite/v4a/*/public-key.json
        let k = SigningKey::from_access_key_pair(AKID, SECRET).unwrap();
        let (x, y) = k.verifying_key().coordinates();
        assert_eq!(
            ::hex::encode(x),
            "b6618f6a65740a99e650b33b6b4b5bd0d43b176d721a3edfea7e7d2d56d936b1"
        );
        assert_eq!(
            ::hex::encode(y),
            "865ed22a7eadc9c5cb9d2cbaca1b3699139fedc5043dc6661864218330c8e518"
        );
        assert!(!format!("{k:?}").contains("wJalr"));
    }

    #[test]
    fn signs_and_verifies_deterministically() {
        let k = SigningKey::from_access_key_pair(AKID, SECRET).unwrap();
        let sts = b"AWS4-ECDSA-P256-SHA256\n20150830T123600Z\n20150830/service/aws4_request\ncf59db423e841c8b7e3444158185aa261b724a5c27cbe762676f3eed19f4dc02";
        let a = k.sign(sts);
        assert_eq!(a, k.sign(sts), "RFC 6979 nonces are deterministic");
        let vk = k.verifying_key();
        assert!(vk.verify(sts, &a));
        assert!(!vk.verify(&sts[1..], &a));
        let back = Signature::from_hex(&a.to_hex()).unwrap();
        assert!(vk.verify(sts, &back));
        let other = VerifyingKey::from_access_key_pair(AKID, "another secret").unwrap();
        assert!(!other.verify(sts, &a));
    }

    #[test]
    fn verifies_a_suite_signature() {
        // v4a/get-vanilla: header-signature.txt over header-string-to-sign.txt.
        let vk = VerifyingKey::from_coordinates(
            &unhex32("b6618f6a65740a99e650b33b6b4b5bd0d43b176d721a3edfea7e7d2d56d936b1"),
            &unhex32("865ed22a7eadc9c5cb9d2cbaca1b3699139fedc5043dc6661864218330c8e518"),
        )
        .unwrap();
        let sts = b"AWS4-ECDSA-P256-SHA256\n20150830T123600Z\n20150830/service/aws4_request\ncf59db423e841c8b7e3444158185aa261b724a5c27cbe762676f3eed19f4dc02";
        let sig = Signature::from_hex("3045022018b4e277d0281864beb51d3600e23f88510ea5031d68ddfbb68614b82a5eb7d2022100effb9c5f22ed9ef3ae0ab243d21f06bce82365bbb79529a07b6888c343ae5f8c").unwrap();
        assert!(vk.verify(sts, &sig));
        let mut bad = sig;
        bad.der[10] ^= 1;
        assert!(!vk.verify(sts, &bad));
    }

    #[test]
    fn range_check_and_increment() {
        let mut n2 = N_MINUS_2;
        assert!(le_be256(&n2, &N_MINUS_2));
        add_one_be256(&mut n2); // n - 1: out of the candidate range
        assert!(!le_be256(&n2, &N_MINUS_2));
        assert!(le_be256(&[0; 32], &N_MINUS_2));
        assert!(!le_be256(&[0xff; 32], &N_MINUS_2));
        let mut a = [0u8; 32];
        a[31] = 0xff;
        a[30] = 0xff;
        add_one_be256(&mut a);
        assert_eq!((a[29], a[30], a[31]), (1, 0, 0));
    }

    #[test]
    fn signature_hex_shape() {
        assert!(Signature::from_hex("").is_none());
        assert!(Signature::from_hex("abc").is_none());
        assert!(Signature::from_hex("zz").is_none());
        assert!(Signature::from_hex(&"00".repeat(73)).is_none());
        assert_eq!(Signature::from_hex("3000").unwrap().der(), &[0x30, 0]);
    }
}
