//! Multi-Region Access Points: `ALIAS.accesspoint.s3-global.amazonaws.com`, reached through
//! their alias (`mfzwi23gnjvgw.mrap`) and signed with SigV4a only (feature `sigv4a`:
//! [`S3Request::presign_sigv4a`]).

use super::endpoint::Endpoint;
use super::{Bucket, S3Request};
use crate::Error;
use alloc::format;

/// The suffix of a Multi-Region Access Point alias.
pub const MRAP_SUFFIX: &str = ".mrap";

impl Bucket {
    /// A Multi-Region Access Point by its alias (`mfzwi23gnjvgw.mrap`), at
    /// `ALIAS.accesspoint.s3-global.amazonaws.com`. Requests to it are signed with SigV4a
    /// ([`S3Request::presign_sigv4a`], feature `sigv4a`); SigV4 presigning refuses it.
    ///
    /// ```
    /// use presign::s3::Bucket;
    ///
    /// let mrap = Bucket::multi_region_access_point("mfzwi23gnjvgw.mrap")?;
    /// assert_eq!(mrap.host(), "mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com");
    /// # Ok::<(), presign::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidBucketName`] when `alias` is not lower-case letters and digits followed
    /// by `.mrap`.
    pub fn multi_region_access_point(alias: &str) -> Result<Bucket, Error> {
        let label = alias.strip_suffix(MRAP_SUFFIX).unwrap_or("");
        let ok = (1..=63).contains(&label.len())
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        if !ok {
            return Err(Error::InvalidBucketName {
                bucket: alias.into(),
                rule: "a Multi-Region Access Point alias is lower-case letters and digits followed by .mrap, e.g. mfzwi23gnjvgw.mrap",
            });
        }
        // The region is nominal: a SigV4a scope names none (the region set does).
        let endpoint = Endpoint::aws("us-east-1")?;
        let mut bucket = Bucket::at_own_host(
            alias,
            endpoint,
            &format!("{alias}.accesspoint.s3-global.amazonaws.com"),
        );
        bucket.sigv4a_only = true;
        Ok(bucket)
    }
}

pub(crate) fn refuse_sigv4(req: &S3Request<'_>) -> Result<(), Error> {
    if req.bucket.sigv4a_only {
        return Err(Error::UnsupportedConfiguration {
            reason: "a Multi-Region Access Point is signed with SigV4a: use S3Request::presign_sigv4a (feature sigv4a)",
        });
    }
    Ok(())
}

#[cfg(feature = "sigv4a")]
mod sigv4a_presign {
    use super::super::S3Request;
    use crate::encoding::{self, Component};
    use crate::sigv4::{Payload, Presigned, Request, SigningDetails, UriPath};
    use crate::sigv4a::{self, RegionSet, SigningKey};
    use crate::{Credentials, Error, Timestamp};
    use alloc::string::String;

    impl S3Request<'_> {
        /// Presigns this request with SigV4a for `region_set` (`RegionSet::any()` for a
        /// Multi-Region Access Point), with the key derived once from `credentials`.
        ///
        /// ```
        /// use presign::s3::Bucket;
        /// use presign::sigv4a::{RegionSet, SigningKey};
        /// use presign::{Credentials, Timestamp};
        ///
        /// let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
        /// let key = SigningKey::derive(&creds)?;
        /// let mrap = Bucket::multi_region_access_point("mfzwi23gnjvgw.mrap")?;
        /// let now = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?;
        /// let p = mrap.get_object("q3.pdf").presign_sigv4a(&creds, &key, &RegionSet::any(), now, 900)?;
        /// assert!(p.url.starts_with("https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com/q3.pdf?X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256&"));
        /// assert!(mrap.get_object("q3.pdf").presign(&creds, now, 900).is_err());
        /// # Ok::<(), presign::Error>(())
        /// ```
        ///
        /// # Errors
        /// As [`S3Request::presign`] and [`sigv4a::presign`].
        pub fn presign_sigv4a(
            &self,
            credentials: &Credentials,
            key: &SigningKey,
            region_set: &RegionSet,
            time: Timestamp,
            expires_in: u64,
        ) -> Result<Presigned, Error> {
            self.presign_sigv4a_with_details(credentials, key, region_set, time, expires_in)
                .map(|(p, _)| p)
        }

        /// [`S3Request::presign_sigv4a`], also returning the canonical request and string to
        /// sign.
        ///
        /// # Errors
        /// As [`S3Request::presign_sigv4a`].
        pub fn presign_sigv4a_with_details(
            &self,
            credentials: &Credentials,
            key: &SigningKey,
            region_set: &RegionSet,
            time: Timestamp,
            expires_in: u64,
        ) -> Result<(Presigned, SigningDetails), Error> {
            if let Some(e) = &self.error {
                return Err(e.clone());
            }
            let bucket = self.bucket;
            // The path as S3 URLs carry it: S3's rules decode it and encode it once again.
            let mut path = String::from(bucket.path_prefix());
            match self.key {
                Some(k) => {
                    path.push('/');
                    encoding::encode_str_into(&mut path, k, Component::Path);
                }
                None if path.is_empty() => path.push('/'),
                None => {}
            }
            let origin = bucket.origin();
            let scheme = if origin.starts_with("http://") {
                "http"
            } else {
                "https"
            };
            let mut req = Request::new(self.method.as_str(), bucket.host(), &path)
                .scheme(scheme)
                .payload(Payload::Unsigned);
            req.query = self.query.iter().map(|(n, v)| (&**n, &**v)).collect();
            req.headers = self.headers.iter().map(|(n, v)| (&**n, &**v)).collect();
            let service = bucket.endpoint().service();
            let mut params =
                sigv4a::SigningParams::new(credentials, key, region_set, service, time);
            params.uri_path = UriPath::S3;
            params.clamp_expiry_to_credentials = self.clamp;
            params.deny_warnings = self.deny_warnings;
            sigv4a::presign_with_details(&req, &params, expires_in)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases() {
        let b = Bucket::multi_region_access_point("abc123.mrap").unwrap();
        assert_eq!(b.host(), "abc123.mrap.accesspoint.s3-global.amazonaws.com");
        assert_eq!(b.path_prefix(), "");
        for bad in [
            "abc123",
            ".mrap",
            "ABC.mrap",
            "a-b.mrap",
            "a.b.mrap",
            "abc.mrap.mrap",
        ] {
            assert!(
                matches!(
                    Bucket::multi_region_access_point(bad),
                    Err(Error::InvalidBucketName { .. })
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn sigv4_presigning_refuses_a_multi_region_access_point() {
        let creds = crate::Credentials::new("AKID", "secret").unwrap();
        let t = crate::Timestamp::parse_rfc3339("2026-11-23T12:00:00Z").unwrap();
        let b = Bucket::multi_region_access_point("abc123.mrap").unwrap();
        let e = b.get_object("k").presign(&creds, t, 60).unwrap_err();
        assert!(matches!(e, Error::UnsupportedConfiguration { .. }), "{e}");
        let mut presigner = crate::s3::Presigner::new(creds);
        let mut url = alloc::string::String::new();
        assert!(presigner
            .presign_into(&mut url, &b.get_object("k"), t, 60)
            .is_err());
    }

    #[cfg(feature = "sigv4a")]
    #[test]
    fn sigv4a_writes_the_path_and_query_as_sigv4_does() {
        use crate::sigv4a::{RegionSet, SigningKey};
        let creds = crate::Credentials::new("AKID", "secret").unwrap();
        let key = SigningKey::derive(&creds).unwrap();
        let t = crate::Timestamp::parse_rfc3339("2026-11-23T12:00:00Z").unwrap();
        let ep = crate::s3::Endpoint::aws("eu-west-1").unwrap();
        for path_style in [false, true] {
            let ep = if path_style {
                ep.clone().addressing(crate::s3::AddressingStyle::Path)
            } else {
                ep.clone()
            };
            let b = Bucket::new(ep, "my-bucket").unwrap();
            for k in ["a b/\u{fc}+%41.txt", "x//y/./z", "~!*'()"] {
                let r = b
                    .get_object(k)
                    .response_content_disposition("attachment; x=\"1\"");
                let v4 = r.presign(&creds, t, 60).unwrap().url;
                let v4a = r
                    .presign_sigv4a(&creds, &key, &RegionSet::any(), t, 60)
                    .unwrap()
                    .url;
                let cut =
                    |u: &str| alloc::string::String::from(&u[..u.find("X-Amz-Algorithm").unwrap()]);
                assert_eq!(cut(&v4), cut(&v4a), "{k}");
            }
        }
    }
}
