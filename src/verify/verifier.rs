//! The verifier: rebuild the canonical request from what was received and compare signatures
//! in constant time.

use super::auth::{parse_auth, parse_credential, AuthLocation};
use super::canonical::{self, Scratch};
use super::headers::{match_headers, parse_signed_headers, Known};
use super::key_cache::{self, KeyCache};
use super::limits::{DEFAULT_MAX_SKEW, MAX_HEADERS, MAX_HEADER_BYTES, MAX_URL_LEN};
use super::query::split_query;
use super::redact::{clip, redact_canonical_request};
use super::rejection::{Rejection, SignatureMismatch};
use super::request::Request;
use super::secret::Secret;
#[cfg(feature = "sigv4a")]
use super::sigv4a;
use crate::canonical::UriPath;
use crate::encoding;
use crate::signing::{self, ALGORITHM, EMPTY_SHA256, UNSIGNED_PAYLOAD};
use crate::Timestamp;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use hmac::Mac;

/// What the verifier expects: the current time, the allowed skew, and optionally the region and
/// service requests must be signed for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verifier<'a> {
    /// The server's current time (the library never reads a clock).
    pub now: Timestamp,
    /// The region the credential scope must name, e.g. `us-east-1`; `None` accepts any.
    pub region: Option<&'a str>,
    /// The service the credential scope must name, e.g. `s3`; `None` accepts any.
    pub service: Option<&'a str>,
    /// The largest difference allowed between the request time and `now`, in seconds
    /// ([`DEFAULT_MAX_SKEW`] by default). Presigned URLs may not be dated further than this in
    /// the future; header-signed requests may be neither older nor newer than this.
    pub max_skew: u64,
}

/// What a successful verification established.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified {
    /// Where the signature was.
    pub location: AuthLocation,
    /// The access key id that signed.
    pub access_key_id: String,
    /// The credential scope `YYYYMMDD/region/service/aws4_request`.
    pub scope: String,
    /// The region of the scope.
    pub region: String,
    /// The service of the scope.
    pub service: String,
    /// The signing time (`X-Amz-Date`, or the `x-amz-date` / `Date` header).
    pub signed_at: Timestamp,
    /// The first instant at which the request is refused: `X-Amz-Date + X-Amz-Expires` for a
    /// presigned URL, `signed_at + max_skew` for a header-signed request.
    pub expires_at: Timestamp,
    /// The signed header names, lower-case and sorted.
    pub signed_headers: Vec<String>,
    /// The payload hash that was signed (`UNSIGNED-PAYLOAD`, a hex SHA-256, or a streaming
    /// literal): a server that accepts a body must check the body against it.
    pub payload_hash: String,
    /// Whether the request carried a session token (which the lookup function received).
    pub session_token: bool,
}

impl<'a> Verifier<'a> {
    /// A verifier at time `now`, accepting any region and service, with S3's 15-minute skew.
    pub fn new(now: Timestamp) -> Self {
        Verifier {
            now,
            region: None,
            service: None,
            max_skew: DEFAULT_MAX_SKEW,
        }
    }

    /// Requires the credential scope to name this region.
    pub fn region(mut self, region: &'a str) -> Self {
        self.region = Some(region);
        self
    }

    /// Requires the credential scope to name this service.
    pub fn service(mut self, service: &'a str) -> Self {
        self.service = Some(service);
        self
    }

    /// Sets the allowed clock skew in seconds.
    pub fn max_skew(mut self, seconds: impl crate::Seconds) -> Self {
        let seconds = crate::Seconds::seconds(seconds);
        self.max_skew = seconds;
        self
    }

    /// Verifies `request`. `lookup` receives the access key id and the session token (if any)
    /// and returns the secret ([`Secret`]: a secret access key or
    /// [`Credentials`](crate::Credentials)), or `None` for an unknown key.
    ///
    /// Checks run cheapest first: the parser's bounds, the request line, the authentication
    /// parameters and the credential scope, the time; then `lookup` (so a malformed request
    /// never reaches it, and an unknown key costs no header or canonical-request work); then the
    /// signed headers, the canonical request and the signature. Each step is linear in the
    /// request's size.
    ///
    /// This derives the signing key (four HMACs) every time: a server verifying many requests
    /// should keep a [`KeyCache`] and call [`Verifier::verify_cached`].
    ///
    /// # Errors
    /// A [`Rejection`] saying why the request is refused.
    pub fn verify<S, F>(&self, request: &Request<'_>, lookup: F) -> Result<Verified, Rejection>
    where
        S: Secret,
        F: FnMut(&str, Option<&str>) -> Option<S>,
    {
        self.check(request, &mut Scratch::default(), None, lookup)
    }

    /// [`Verifier::verify`], reusing the signing keys and buffers kept in `keys`: once warm, a
    /// verification derives no key and allocates nothing but the [`Verified`] it returns.
    ///
    /// # Errors
    /// A [`Rejection`] saying why the request is refused.
    pub fn verify_cached<S, F>(
        &self,
        request: &Request<'_>,
        keys: &mut KeyCache,
        lookup: F,
    ) -> Result<Verified, Rejection>
    where
        S: Secret,
        F: FnMut(&str, Option<&str>) -> Option<S>,
    {
        let mut scratch = core::mem::take(&mut keys.scratch);
        let result = self.check(request, &mut scratch, Some(keys), lookup);
        keys.scratch = scratch;
        result
    }

    fn check<S, F>(
        &self,
        request: &Request<'_>,
        scratch: &mut Scratch,
        keys: Option<&mut KeyCache>,
        mut lookup: F,
    ) -> Result<Verified, Rejection>
    where
        S: Secret,
        F: FnMut(&str, Option<&str>) -> Option<S>,
    {
        let Scratch {
            text,
            encoded,
            pieces,
            params,
            decoded,
            signed,
        } = scratch;

        // Bounds first: nothing below is worse than linear in inputs this size.
        let url_len = request
            .host
            .len()
            .saturating_add(request.path.len())
            .saturating_add(request.query.len());
        if url_len > MAX_URL_LEN {
            return Err(Rejection::TooLarge {
                what: "URL",
                limit: MAX_URL_LEN,
            });
        }
        if request.headers.len() > MAX_HEADERS {
            return Err(Rejection::TooLarge {
                what: "headers",
                limit: MAX_HEADERS,
            });
        }
        let header_bytes = request.headers.iter().fold(0usize, |n, (k, v)| {
            n.saturating_add(k.len()).saturating_add(v.len())
        });
        if header_bytes > MAX_HEADER_BYTES {
            return Err(Rejection::TooLarge {
                what: "headers",
                limit: MAX_HEADER_BYTES,
            });
        }
        if crate::sigv4::validate_method(request.method).is_err() {
            return Err(Rejection::InvalidRequest {
                reason: "the method is not an upper-case HTTP token",
            });
        }
        if !request.path.starts_with('/') {
            return Err(Rejection::InvalidRequest {
                reason: "the path must start with '/'",
            });
        }
        // Without an early exit, so that it compiles to vector code.
        let control = |s: &str| s.bytes().fold(false, |c, b| c | (b < 0x20) | (b == 0x7f));
        if control(request.path) || control(request.query) {
            return Err(Rejection::InvalidRequest {
                reason: "the path or query contains control bytes",
            });
        }
        let known = Known::scan(&request.headers);
        if known.hosts > 1 {
            // RFC 9112 3.2: a request with more than one Host header is refused.
            return Err(Rejection::InvalidRequest {
                reason: "the request has more than one Host header",
            });
        }
        let host = known.host.unwrap_or(request.host);
        if host.is_empty() || crate::sigv4::validate_host(host).is_err() {
            return Err(Rejection::InvalidRequest {
                reason: "the Host is missing or not a valid host[:port]",
            });
        }

        // The authentication parameters and the credential scope.
        split_query(request.query, pieces)?;
        let auth = parse_auth(request.query, pieces, &known, decoded)?;
        let location = auth.location;
        // SigV4a: no region in the scope; the signed region set stands in its place.
        #[cfg(feature = "sigv4a")]
        let region_set;
        let (akid, date, region, service) = if auth.sigv4a {
            #[cfg(feature = "sigv4a")]
            {
                let (akid, date, service) = sigv4a::parse_credential(auth.credential, location)?;
                let set = sigv4a::region_set_param(request.query, pieces)
                    .or_else(|| known.region_set.map(alloc::borrow::Cow::Borrowed));
                region_set = sigv4a::check_region_set(set.as_deref(), self.region, location)?;
                (akid, date, region_set.as_str(), service)
            }
            #[cfg(not(feature = "sigv4a"))]
            unreachable!("parse_auth accepts SigV4a only with the sigv4a feature")
        } else {
            parse_credential(auth.credential, location)?
        };
        let amz = auth.signed_at.amz_date();
        if date != amz.date() {
            return Err(Rejection::ScopeDateMismatch {
                location,
                scope_date: String::from(date),
                request_date: String::from(amz.as_str()),
            });
        }
        if let (Some(expected), false) = (self.region, auth.sigv4a) {
            if region != expected {
                return Err(Rejection::WrongRegion {
                    location,
                    region: clip(region, 64),
                    expected: clip(expected, 64),
                });
            }
        }
        if let Some(expected) = self.service {
            if service != expected {
                return Err(Rejection::WrongService {
                    location,
                    service: clip(service, 64),
                    expected: clip(expected, 64),
                });
            }
        }
        let signed = parse_signed_headers(auth.signed_headers, location, signed)?;
        if !signed.has_host() {
            return Err(Rejection::HostNotSigned { location });
        }

        // Time.
        let now = self.now.unix();
        let at = auth.signed_at.unix();
        let skew = i64::try_from(self.max_skew).unwrap_or(i64::MAX);
        let too_skewed = || Rejection::TooSkewed {
            request_time: auth.signed_at,
            server_time: self.now,
            max_skew: self.max_skew,
        };
        let expires_at = match auth.expires {
            Some(expires) => {
                if at.saturating_sub(skew) > now {
                    return Err(too_skewed());
                }
                // X-Amz-Expires ≤ 604800, so this stays in range except at the end of year 9999.
                let expires_at = auth
                    .signed_at
                    .add_seconds(expires)
                    .unwrap_or(auth.signed_at);
                if now >= expires_at.unix() {
                    return Err(Rejection::Expired {
                        expired_at: expires_at,
                        now: self.now,
                    });
                }
                expires_at
            }
            None => {
                if at.saturating_sub(skew) > now || now.saturating_sub(skew) > at {
                    return Err(too_skewed());
                }
                auth.signed_at
                    .add_seconds(self.max_skew)
                    .unwrap_or(auth.signed_at)
            }
        };

        // Payload.
        let rules = UriPath::for_service(service);
        let s3 = rules == UriPath::S3;
        let content_sha = known.content_sha256.map(|v| v.trim_matches([' ', '\t']));
        if let (Some(h), Some(body)) = (content_sha, request.payload_hash) {
            let hex = h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit());
            if hex && !h.eq_ignore_ascii_case(body) {
                return Err(Rejection::ContentSha256Mismatch);
            }
        }
        let payload_hash: &str = match (content_sha, location) {
            (Some(h), _) => h,
            (None, AuthLocation::Header) if s3 => return Err(Rejection::MissingContentSha256),
            (None, AuthLocation::Query) if s3 => UNSIGNED_PAYLOAD,
            (None, _) => request.payload_hash.unwrap_or(EMPTY_SHA256),
        };

        // The secret: looked up only for a request that is well formed and in time.
        let secret = lookup(akid, auth.token).ok_or_else(|| Rejection::InvalidAccessKeyId {
            access_key_id: clip(akid, 128),
        })?;
        if let Some(limit) = secret.expires_at() {
            if self.now >= limit {
                return Err(Rejection::ExpiredToken { expired_at: limit });
            }
        }
        if let Some(expected) = secret.session_token() {
            let given = auth.token.unwrap_or("");
            if !signing::constant_time_eq(expected.as_bytes(), given.as_bytes()) {
                return Err(Rejection::InvalidToken);
            }
        }

        // Headers: every signed one present, every x-amz-* one signed.
        let matched = match_headers(
            &request.headers,
            &signed,
            location == AuthLocation::Header && !s3,
        )?;

        // The canonical request, from what was received.
        text.clear();
        text.push_str(request.method);
        text.push('\n');
        canonical::write_uri(text, request.path, rules);
        text.push('\n');
        canonical::write_query(
            text,
            request.query,
            pieces,
            location == AuthLocation::Query,
            params,
            encoded,
        );
        text.push('\n');
        canonical::write_headers(text, &signed, &matched, &request.headers, host);
        text.push('\n');
        text.push_str(auth.signed_headers);
        text.push('\n');
        text.push_str(payload_hash);
        let hash = signing::sha256(text.as_bytes());

        #[cfg(feature = "sigv4a")]
        if auth.sigv4a {
            let scope = sigv4a::scope(date, service);
            let sts = sigv4a::string_to_sign(amz.as_str(), &scope, &hash);
            let key = match keys {
                Some(keys) => keys.sigv4a_key(secret.secret_access_key(), akid),
                None => sigv4a::verifying_key(akid, secret.secret_access_key()),
            };
            if !key.is_some_and(|k| sigv4a::signature_matches(&k, &sts, auth.signature)) {
                return Err(Rejection::SignatureDoesNotMatch(Box::new(
                    SignatureMismatch {
                        access_key_id: clip(akid, 128),
                        canonical_request: redact_canonical_request(text),
                        string_to_sign: sts,
                        signature_provided: clip(auth.signature, 160),
                    },
                )));
            }
            return Ok(Verified {
                location,
                access_key_id: String::from(akid),
                region: String::from(region),
                service: String::from(service),
                scope,
                signed_at: auth.signed_at,
                expires_at,
                signed_headers: signed.iter().map(String::from).collect(),
                payload_hash: String::from(payload_hash),
                session_token: auth.token.is_some(),
            });
        }

        // The string to sign, fed straight into the HMAC keyed with the signing key.
        let secret = secret.secret_access_key();
        let mut mac = match keys {
            Some(keys) => keys.mac(secret, akid, date, region, service),
            None => key_cache::derive(secret, date, region, service),
        };
        // The string to sign (at most 17 + 17 + 8 + 2 * 64 + 15 + 64 bytes), written into one
        // buffer and given to the HMAC in one call.
        let mut sts = [0u8; 256];
        let mut len = 0;
        for part in [
            ALGORITHM.as_bytes(),
            b"\n",
            amz.as_str().as_bytes(),
            b"\n",
            date.as_bytes(),
            b"/",
            region.as_bytes(),
            b"/",
            service.as_bytes(),
            b"/aws4_request\n",
            &encoding::hex32(&hash),
        ] {
            if let Some(dst) = sts.get_mut(len..len + part.len()) {
                dst.copy_from_slice(part);
            }
            len += part.len();
        }
        mac.update(sts.get(..len).unwrap_or_default());
        let computed = encoding::hex32(&mac.finalize().into_bytes().into());
        let scope = || {
            let mut s = String::with_capacity(8 + region.len() + service.len() + 16);
            s.push_str(date);
            s.push('/');
            s.push_str(region);
            s.push('/');
            s.push_str(service);
            s.push_str("/aws4_request");
            s
        };
        if !signing::constant_time_eq(&computed, auth.signature.as_bytes()) {
            return Err(Rejection::SignatureDoesNotMatch(Box::new(
                SignatureMismatch {
                    access_key_id: clip(akid, 128),
                    canonical_request: redact_canonical_request(text),
                    string_to_sign: signing::string_to_sign(amz.as_str(), &scope(), &hash),
                    signature_provided: clip(auth.signature, 128),
                },
            )));
        }
        Ok(Verified {
            location,
            access_key_id: String::from(akid),
            region: String::from(region),
            service: String::from(service),
            scope: scope(),
            signed_at: auth.signed_at,
            expires_at,
            signed_headers: signed.iter().map(String::from).collect(),
            payload_hash: String::from(payload_hash),
            session_token: auth.token.is_some(),
        })
    }
}
