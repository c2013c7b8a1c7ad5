//! The verifier: rebuild the canonical request from what was received and compare signatures
//! in constant time.

use super::auth::{parse_auth, parse_credential, parse_signed_headers, AuthLocation, SIG};
use super::limits::{
    DEFAULT_MAX_SKEW, MAX_HEADERS, MAX_HEADER_BYTES, MAX_QUERY_PARAMS, MAX_URL_LEN,
};
use super::redact::{clip, redact_canonical_request};
use super::rejection::{Rejection, SignatureMismatch};
use super::request::{header_values, raw_params, Request};
use super::secret::Secret;
#[cfg(feature = "sigv4a")]
use super::sigv4a;
use crate::canonical::{self, UriPath};
use crate::encoding::{self, Component};
use crate::signing::{self, SigningKey, EMPTY_SHA256, UNSIGNED_PAYLOAD};
use crate::Timestamp;
#[cfg(feature = "sigv4a")]
use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

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

/// A canonical header value: trimmed, runs of spaces and tabs collapsed to one space.
pub(crate) fn canonical_header_value(out: &mut String, value: &str) {
    let mut space = false;
    for c in value.trim_matches([' ', '\t']).chars() {
        if c == ' ' || c == '\t' {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
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
    pub fn max_skew(mut self, seconds: u64) -> Self {
        self.max_skew = seconds;
        self
    }

    /// Verifies `request`. `lookup` receives the access key id and the session token (if any)
    /// and returns the secret ([`Secret`]: a secret access key or [`Credentials`](crate::Credentials)), or `None`
    /// for an unknown key.
    ///
    /// # Errors
    /// A [`Rejection`] saying why the request is refused.
    pub fn verify<S, F>(&self, request: &Request<'_>, mut lookup: F) -> Result<Verified, Rejection>
    where
        S: Secret,
        F: FnMut(&str, Option<&str>) -> Option<S>,
    {
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
        if request
            .path
            .bytes()
            .chain(request.query.bytes())
            .any(|b| b < 0x20 || b == 0x7f)
        {
            return Err(Rejection::InvalidRequest {
                reason: "the path or query contains control bytes",
            });
        }
        let params =
            raw_params(request.query, MAX_QUERY_PARAMS).map_err(|limit| Rejection::TooLarge {
                what: "query",
                limit,
            })?;
        let header = |name: &str| header_values(&request.headers, name);
        let host = header("host").first().copied().unwrap_or(request.host);
        if host.is_empty() || crate::sigv4::validate_host(host).is_err() {
            return Err(Rejection::InvalidRequest {
                reason: "the Host is missing or not a valid host[:port]",
            });
        }

        let auth = parse_auth(&params, &request.headers)?;
        let location = auth.location;
        // SigV4a: no region in the scope; the signed region set stands in its place.
        #[cfg(feature = "sigv4a")]
        let region_set;
        let (akid, date, region, service) = if auth.sigv4a {
            #[cfg(feature = "sigv4a")]
            {
                let (akid, date, service) = sigv4a::parse_credential(&auth.credential, location)?;
                let set = sigv4a::region_set_param(&params).or_else(|| {
                    header("x-amz-region-set")
                        .first()
                        .map(|v| Cow::Borrowed(*v))
                });
                region_set = sigv4a::check_region_set(set.as_deref(), self.region, location)?;
                (akid, date, region_set.as_str(), service)
            }
            #[cfg(not(feature = "sigv4a"))]
            unreachable!("parse_auth accepts SigV4a only with the sigv4a feature")
        } else {
            parse_credential(&auth.credential, location)?
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
        let signed_names = parse_signed_headers(&auth.signed_headers, location)?;
        if !signed_names.contains(&"host") {
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

        // Headers: every signed one present, every x-amz-* one signed.
        let rules = UriPath::for_service(service);
        let s3 = rules == UriPath::S3;
        let mut canonical_headers = String::with_capacity(256);
        for name in &signed_names {
            canonical_headers.push_str(name);
            canonical_headers.push(':');
            let mut any = false;
            if *name == "host" {
                // Exactly one Host: the header if sent, otherwise the request's host.
                canonical_header_value(&mut canonical_headers, host);
                any = true;
            } else {
                for v in header(name) {
                    if any {
                        canonical_headers.push(',');
                    }
                    canonical_header_value(&mut canonical_headers, v);
                    any = true;
                }
            }
            if !any {
                return Err(Rejection::SignedHeaderMissing {
                    name: clip(name, 128),
                });
            }
            canonical_headers.push('\n');
        }
        let mut unsigned: Vec<String> = Vec::new();
        for (name, _) in &request.headers {
            let lower = name.to_ascii_lowercase();
            let exempt = lower == "x-amz-content-sha256"
                || (lower == "x-amz-security-token" && location == AuthLocation::Header && !s3);
            if lower.starts_with("x-amz-")
                && !exempt
                && !signed_names.contains(&lower.as_str())
                && !unsigned.contains(&lower)
                && unsigned.len() < 16
            {
                unsigned.push(clip(&lower, 128));
            }
        }
        if !unsigned.is_empty() {
            return Err(Rejection::UnsignedHeaders { names: unsigned });
        }

        // Payload.
        let content_sha = header("x-amz-content-sha256")
            .first()
            .map(|v| v.trim_matches([' ', '\t']));
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

        // The secret.
        let secret =
            lookup(akid, auth.token.as_deref()).ok_or_else(|| Rejection::InvalidAccessKeyId {
                access_key_id: clip(akid, 128),
            })?;
        if let Some(limit) = secret.expires_at() {
            if self.now >= limit {
                return Err(Rejection::ExpiredToken { expired_at: limit });
            }
        }
        if let Some(expected) = secret.session_token() {
            let given = auth.token.as_deref().unwrap_or("");
            if !signing::constant_time_eq(expected.as_bytes(), given.as_bytes()) {
                return Err(Rejection::InvalidToken);
            }
        }

        // The canonical request, from what was received.
        let canonical_uri = canonical::canonical_uri(request.path, rules);
        let mut pairs: Vec<(String, String)> = Vec::with_capacity(params.len());
        for p in &params {
            if p.auth_index() == Some(SIG) {
                continue;
            }
            let mut n = String::with_capacity(p.raw_name.len());
            encoding::encode_into(&mut n, &p.name, Component::Query);
            let mut v = String::with_capacity(p.raw_value.len());
            encoding::encode_into(&mut v, &encoding::decode(p.raw_value), Component::Query);
            pairs.push((n, v));
        }
        pairs.sort_unstable();
        let mut cr = String::with_capacity(
            request.method.len()
                + canonical_uri.len()
                + request.query.len() * 2
                + canonical_headers.len()
                + 256,
        );
        cr.push_str(request.method);
        cr.push('\n');
        cr.push_str(&canonical_uri);
        cr.push('\n');
        for (i, (n, v)) in pairs.iter().enumerate() {
            if i > 0 {
                cr.push('&');
            }
            cr.push_str(n);
            cr.push('=');
            cr.push_str(v);
        }
        cr.push('\n');
        cr.push_str(&canonical_headers);
        cr.push('\n');
        cr.push_str(&auth.signed_headers);
        cr.push('\n');
        cr.push_str(payload_hash);

        #[cfg(feature = "sigv4a")]
        if auth.sigv4a {
            let scope = sigv4a::scope(date, service);
            let sts = sigv4a::string_to_sign(amz.as_str(), &scope, &signing::sha256(cr.as_bytes()));
            let key = sigv4a::verifying_key(akid, secret.secret_access_key());
            if !key.is_some_and(|k| sigv4a::signature_matches(&k, &sts, &auth.signature)) {
                return Err(Rejection::SignatureDoesNotMatch(Box::new(
                    SignatureMismatch {
                        access_key_id: clip(akid, 128),
                        canonical_request: redact_canonical_request(&cr),
                        string_to_sign: sts,
                        signature_provided: clip(&auth.signature, 160),
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
                signed_headers: signed_names.iter().map(|n| String::from(*n)).collect(),
                payload_hash: String::from(payload_hash),
                session_token: auth.token.is_some(),
            });
        }
        let scope = {
            let mut s = String::with_capacity(8 + region.len() + service.len() + 16);
            s.push_str(date);
            s.push('/');
            s.push_str(region);
            s.push('/');
            s.push_str(service);
            s.push_str("/aws4_request");
            s
        };
        let sts = signing::string_to_sign(amz.as_str(), &scope, &signing::sha256(cr.as_bytes()));
        let key = SigningKey::derive(secret.secret_access_key(), date, region, service);
        let computed = encoding::hex32(&key.sign(sts.as_bytes()));
        if !signing::constant_time_eq(&computed, auth.signature.as_bytes()) {
            return Err(Rejection::SignatureDoesNotMatch(Box::new(
                SignatureMismatch {
                    access_key_id: clip(akid, 128),
                    canonical_request: redact_canonical_request(&cr),
                    string_to_sign: sts,
                    signature_provided: clip(&auth.signature, 128),
                },
            )));
        }
        Ok(Verified {
            location,
            access_key_id: String::from(akid),
            region: String::from(region),
            service: String::from(service),
            scope,
            signed_at: auth.signed_at,
            expires_at,
            signed_headers: signed_names.iter().map(|n| String::from(*n)).collect(),
            payload_hash: String::from(payload_hash),
            session_token: auth.token.is_some(),
        })
    }
}
