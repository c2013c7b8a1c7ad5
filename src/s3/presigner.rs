//! The high-volume presigner: it keeps the signing key of the current day, region and service
//! as a ready HMAC state (key blocks absorbed), with the encoded `X-Amz-Credential` value, and
//! reuses its buffers. Presigning into a caller's `String` then allocates nothing.
//!
//! ```
//! use presign::s3::{Bucket, Endpoint, Presigner};
//! use presign::{Credentials, Timestamp};
//!
//! let bucket = Bucket::new(Endpoint::aws("us-east-1")?.legacy_global_endpoint(true), "examplebucket")?;
//! let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
//! let mut presigner = Presigner::new(creds);
//! let mut url = String::with_capacity(512);
//! let t = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z")?;
//! presigner.presign_into(&mut url, &bucket.get_object("test.txt"), t, 86400)?;
//! assert_eq!(url, "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
//! # Ok::<(), presign::Error>(())
//! ```

use crate::encoding::{self, Component};
use crate::s3::S3Request;
use crate::signing::{ScopedKey, UNSIGNED_PAYLOAD};
use crate::sigv4::{
    details, effective_expiry, finish_presigned_url, Presigned, QueryAuth, Scratch, SigningDetails,
};
use crate::{Credentials, Error, Seconds, Timestamp};
use alloc::string::String;

/// When a presigned URL was signed and when it stops working.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Validity {
    /// The signing time.
    pub signed_at: Timestamp,
    /// The first instant at which S3 refuses the URL as expired.
    pub expires_at: Timestamp,
}

/// Presigns S3 requests with one set of credentials, caching the day's signing key.
///
/// `Presigner` is cheap to clone: give each thread its own.
#[derive(Clone)]
pub struct Presigner {
    credentials: Credentials,
    /// The session token, percent-encoded once.
    encoded_token: Option<String>,
    key: Option<ScopedKey>,
    scratch: Scratch,
}

impl core::fmt::Debug for Presigner {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Presigner")
            .field("credentials", &self.credentials)
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

impl Clone for Scratch {
    fn clone(&self) -> Self {
        Scratch::default()
    }
}

impl Presigner {
    /// A presigner for these credentials.
    pub fn new(credentials: Credentials) -> Self {
        let encoded_token = credentials.session_token().map(|t| {
            let mut e = String::with_capacity(t.len() + 32);
            encoding::encode_str_into(&mut e, t, Component::Query);
            e
        });
        Presigner {
            credentials,
            encoded_token,
            key: None,
            scratch: Scratch::default(),
        }
    }

    /// The credentials.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    fn key_for(
        &mut self,
        time: Timestamp,
        region: &str,
        service: &str,
    ) -> Result<&ScopedKey, Error> {
        let fresh = matches!(&self.key, Some(k) if k.covers(time) && k.region() == region && k.service() == service);
        if !fresh {
            self.key = Some(ScopedKey::new(&self.credentials, time, region, service)?);
            self.scratch.forget_key();
        }
        Ok(self.key.as_ref().unwrap_or_else(|| unreachable!()))
    }

    /// Writes the presigned URL of `request` into `url` (cleared first). The headers the client
    /// must send are `request.headers()`; the method is `request.method()`.
    ///
    /// # Errors
    /// As [`S3Request::presign`].
    pub fn presign_into(
        &mut self,
        url: &mut String,
        request: &S3Request<'_>,
        time: Timestamp,
        expires_in: impl Seconds,
    ) -> Result<Validity, Error> {
        let expires_in = expires_in.seconds();
        self.write(url, request, time, expires_in, None)
            .map(|(v, _)| v)
    }

    /// Presigns `request` into a new [`Presigned`].
    ///
    /// # Errors
    /// As [`S3Request::presign`].
    pub fn presign(
        &mut self,
        request: &S3Request<'_>,
        time: Timestamp,
        expires_in: impl Seconds,
    ) -> Result<Presigned, Error> {
        let expires_in = expires_in.seconds();
        let mut url = String::with_capacity(256);
        let (v, _) = self.write(&mut url, request, time, expires_in, None)?;
        Ok(presigned(request, url, v))
    }

    /// [`Presigner::presign`], also returning the canonical request and string to sign.
    ///
    /// # Errors
    /// As [`S3Request::presign`].
    pub fn presign_with_details(
        &mut self,
        request: &S3Request<'_>,
        time: Timestamp,
        expires_in: impl Seconds,
    ) -> Result<(Presigned, SigningDetails), Error> {
        let expires_in = expires_in.seconds();
        let mut url = String::with_capacity(256);
        let mut text = String::new();
        let (v, sig) = self.write(&mut url, request, time, expires_in, Some(&mut text))?;
        let scope = self
            .key
            .as_ref()
            .map(|k| String::from(k.scope()))
            .unwrap_or_default();
        Ok((presigned(request, url, v), details(text, time, scope, &sig)))
    }

    fn write(
        &mut self,
        url: &mut String,
        req: &S3Request<'_>,
        time: Timestamp,
        expires_in: u64,
        details: Option<&mut String>,
    ) -> Result<(Validity, [u8; 32]), Error> {
        if let Some(e) = &req.error {
            return Err(e.clone());
        }
        super::mrap::refuse_sigv4(req)?;
        if req.deny_warnings {
            if let Some(w) = req.warnings().into_iter().next() {
                return Err(Error::ClientHazard(w));
            }
        }
        let expires_in = effective_expiry(&self.credentials, time, expires_in, req.clamp)?;
        let expires_at = time.add_seconds(expires_in)?;
        let bucket = req.bucket;
        let endpoint = bucket.endpoint();
        self.key_for(time, endpoint.region(), endpoint.service())?;
        let Presigner {
            credentials,
            encoded_token,
            key,
            scratch,
        } = self;
        let key = key.as_ref().unwrap_or_else(|| unreachable!());
        scratch.clear();
        url.clear();
        url.push_str(bucket.origin());
        let p0 = url.len();
        if !bucket.path_prefix().is_empty() {
            url.push_str(bucket.path_prefix());
        }
        match req.key {
            Some(k) => {
                url.push('/');
                encoding::encode_str_into(url, k, Component::Path);
            }
            None if bucket.path_prefix().is_empty() => url.push('/'),
            None => {}
        }
        let path = p0..url.len();
        for (name, value) in &req.query {
            scratch.query.push(url, name, value);
        }
        // A bucket's host is validated and lower-cased when the bucket is built.
        let host_only = req.headers.is_empty().then(|| bucket.host());
        if host_only.is_none() {
            scratch.headers.push_canonical("host", bucket.host());
            for (name, value) in &req.headers {
                scratch.headers.push_valid(name, value);
            }
        }
        let auth = QueryAuth {
            method: req.method.as_str(),
            path,
            canonical_uri: None,
            payload_hash: UNSIGNED_PAYLOAD,
            head: key.query_head(),
            after_expires: "",
            time,
            expires_in,
            token: credentials.session_token(),
            encoded_token: encoded_token.as_deref(),
            token_param: token_param(endpoint.service()),
            host_only,
            sign_token: true,
        };
        let sig = finish_presigned_url(url, scratch, key, &auth, details);
        Ok((
            Validity {
                signed_at: time,
                expires_at,
            },
            sig,
        ))
    }
}

/// The query parameter of the session token: S3 Express One Zone (signing name `s3express`)
/// takes the session credentials' token as `X-Amz-S3session-Token`.
fn token_param(service: &str) -> &'static str {
    if service == crate::s3::express::SIGNING_NAME {
        "X-Amz-S3session-Token"
    } else {
        "X-Amz-Security-Token"
    }
}

fn presigned(req: &S3Request<'_>, url: String, v: Validity) -> Presigned {
    Presigned {
        method: req.method.into(),
        url,
        headers: req
            .headers()
            .map(|(n, v)| (String::from(n), String::from(v)))
            .collect(),
        signed_at: v.signed_at,
        expires_at: v.expires_at,
        warnings: req.warnings(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::s3::{Bucket, Endpoint};
    use alloc::vec::Vec;

    /// What the presigner caches (the day's key, the string-to-sign state of the second, the
    /// expiry text, the encoded token) never leaks from one request to the next: a long-lived
    /// presigner gives exactly what a fresh one gives, whatever changes between calls.
    #[test]
    fn caches_follow_every_change() {
        let creds =
            Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY").unwrap();
        let east = Bucket::new(Endpoint::aws("us-east-1").unwrap(), "bucket-a").unwrap();
        let west = Bucket::new(Endpoint::aws("eu-west-1").unwrap(), "bucket-b").unwrap();
        let lambda = Bucket::new(
            Endpoint::aws("eu-west-1")
                .unwrap()
                .signing_name("s3-object-lambda")
                .unwrap(),
            "bucket-c",
        )
        .unwrap();
        let t0 = Timestamp::parse_rfc3339("2024-02-29T23:59:58Z").unwrap();
        let mut cached = Presigner::new(creds.clone());
        let mut url = String::new();
        let mut seen = Vec::new();
        for i in 0..48u64 {
            let bucket = [&east, &west, &lambda][(i % 3) as usize];
            let time = t0.add_seconds(i / 4).unwrap(); // crosses midnight (a leap day)
            let expires = [60, 3600, 60, 604_800][(i % 4) as usize];
            let key = ["a.txt", "dir/é b", "a.txt"][(i % 3) as usize];
            let mut request = bucket.get_object(key);
            if i % 5 == 0 {
                request = request.content_type("text/plain");
            }
            if i % 7 == 0 {
                request = request.response_content_disposition("attachment");
            }
            cached
                .presign_into(&mut url, &request, time, expires)
                .unwrap();
            let fresh = Presigner::new(creds.clone())
                .presign(&request, time, expires)
                .unwrap();
            assert_eq!(url, fresh.url, "call {i}");
            seen.push(url.clone());
        }
        seen.sort();
        seen.dedup();
        assert!(seen.len() > 40, "the calls really differ: {}", seen.len());
    }

    /// The presigner's fast path (no query of the caller's, `host` the only signed header)
    /// gives what the generic signer gives for the same request.
    #[test]
    fn fast_path_matches_the_generic_signer() {
        use crate::sigv4::{self, Payload, Request, SigningParams};
        let plain =
            Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY").unwrap();
        let token = plain.clone().with_session_token("AQoD/Yx+z==").unwrap();
        let time = Timestamp::parse_rfc3339("2024-05-24T12:34:56Z").unwrap();
        for creds in [plain, token] {
            for (endpoint, name) in [
                (Endpoint::aws("us-east-1").unwrap(), "bucket-a"),
                (Endpoint::aws("eu-west-1").unwrap(), "my.dotted.bucket"),
                (
                    Endpoint::custom("http://127.0.0.1:9000", "us-east-1").unwrap(),
                    "bkt",
                ),
            ] {
                let bucket = Bucket::new(endpoint, name).unwrap();
                for key in ["a.txt", "photos/été/naïve café ☕.jpg", "a+b=c&d?/x y"] {
                    let mut p = Presigner::new(creds.clone());
                    let mut url = String::new();
                    p.presign_into(&mut url, &bucket.get_object(key), time, 3600)
                        .unwrap();
                    let path = &url[bucket.origin().len()..url.find('?').unwrap()];
                    let scheme = if bucket.origin().starts_with("https") {
                        "https"
                    } else {
                        "http"
                    };
                    let request = Request::new("GET", bucket.host(), path)
                        .scheme(scheme)
                        .payload(Payload::Unsigned);
                    let params = SigningParams::new(&creds, bucket.endpoint().region(), "s3", time);
                    let generic = sigv4::presign(&request, &params, 3600).unwrap();
                    assert_eq!(url, generic.url, "{name} {key}");
                }
            }
        }
    }

    #[test]
    fn session_token_is_encoded_once_and_signed() {
        let token = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";
        let creds = Credentials::new("AKIDEXAMPLE", "secret")
            .unwrap()
            .with_session_token(token)
            .unwrap();
        let bucket = Bucket::new(Endpoint::aws("us-east-1").unwrap(), "bucket-a").unwrap();
        let time = Timestamp::parse_rfc3339("2024-05-24T12:00:00Z").unwrap();
        let mut p = Presigner::new(creds.clone());
        let (presigned, details) = p
            .presign_with_details(&bucket.put_object("k"), time, 900)
            .unwrap();
        let mut encoded = String::new();
        crate::encoding::encode_str_into(&mut encoded, token, Component::Query);
        assert!(presigned.url.contains(&alloc::format!(
            "&X-Amz-SignedHeaders=host&X-Amz-Security-Token={encoded}&X-Amz-Signature="
        )));
        assert!(details.canonical_request.contains(&alloc::format!(
            "&X-Amz-Security-Token={encoded}&X-Amz-SignedHeaders=host\n"
        )));
        assert!(!alloc::format!("{p:?}").contains("AQoDYXdz"));
    }
}
