//! A directory bucket at its zonal endpoint, and the `CreateSession` request that opens a
//! session on it.

use super::name::parse_directory_bucket_name;
use super::SIGNING_NAME;
use crate::s3::endpoint::partition_suffix;
use crate::s3::{Bucket, Endpoint};
use crate::sigv4::{self, Payload, Request, Signed, SigningParams};
use crate::{Credentials, Error, Timestamp};
use alloc::format;

/// What a `CreateSession` session may do (`x-amz-create-session-mode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum SessionMode {
    /// Reads and writes (S3's default; the header is not sent).
    #[default]
    ReadWrite,
    /// Reads only.
    ReadOnly,
}

impl Bucket {
    /// A directory bucket (S3 Express One Zone) at its zonal endpoint,
    /// `NAME.s3express-ZONEID.REGION.amazonaws.com`, signed as `s3express`. Object requests on it
    /// are presigned as on any bucket, with the session credentials of
    /// [`create_session`](super::create_session) (parsed by
    /// [`parse_create_session_response`](super::parse_create_session_response)): their token
    /// travels as `X-Amz-S3session-Token`.
    ///
    /// ```
    /// use presign::s3::Bucket;
    ///
    /// let bucket = Bucket::directory("my-data--usw2-az1--x-s3", "us-west-2")?;
    /// assert_eq!(bucket.host(), "my-data--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com");
    /// assert_eq!(bucket.endpoint().service(), "s3express");
    /// # Ok::<(), presign::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidBucketName`] for a name that is not `base--ZONEID--x-s3`,
    /// [`Error::InvalidRegion`].
    pub fn directory(name: &str, region: &str) -> Result<Bucket, Error> {
        let parsed = parse_directory_bucket_name(name)?;
        let endpoint = Endpoint::aws(region)?.signing_name(SIGNING_NAME)?;
        let host = format!(
            "{name}.s3express-{}.{region}.{}",
            parsed.zone_id,
            partition_suffix(region)
        );
        Ok(Bucket::at_own_host(name, endpoint, &host))
    }
}

/// The signed `CreateSession` request for a directory bucket (`GET /?session` on its zonal
/// endpoint), for the caller to send: signed with the account's `credentials` (long-term or
/// temporary: their token goes in `x-amz-security-token`), service `s3express`, with a signed
/// `x-amz-content-sha256`, as botocore signs it. The response body goes to
/// [`parse_create_session_response`](super::parse_create_session_response); its credentials
/// last five minutes.
///
/// ```
/// use presign::s3::express::{create_session, SessionMode};
/// use presign::s3::Bucket;
/// use presign::{Credentials, Timestamp};
///
/// let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
/// let bucket = Bucket::directory("my-data--usw2-az1--x-s3", "us-west-2")?;
/// let now = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?;
/// let request = create_session(&bucket, &creds, now, SessionMode::ReadWrite)?;
/// assert_eq!(request.method, "GET");
/// assert_eq!(request.url, "https://my-data--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com/?session=");
/// assert!(request.headers.iter().any(|(n, v)| n == "authorization" && v.contains("/us-west-2/s3express/aws4_request")));
/// # Ok::<(), presign::Error>(())
/// ```
///
/// # Errors
/// [`Error::UnsupportedConfiguration`] if `bucket` is not a directory bucket; the signer's errors.
pub fn create_session(
    bucket: &Bucket,
    credentials: &Credentials,
    time: Timestamp,
    mode: SessionMode,
) -> Result<Signed, Error> {
    if bucket.endpoint().service() != SIGNING_NAME {
        return Err(Error::UnsupportedConfiguration {
            reason: "CreateSession is for directory buckets (S3 Express One Zone): make the bucket with Bucket::directory",
        });
    }
    let mut request = Request::new("GET", bucket.host(), "/")
        .query("session", "")
        .payload(Payload::Empty);
    if mode == SessionMode::ReadOnly {
        request = request.header("x-amz-create-session-mode", "ReadOnly");
    }
    let endpoint = bucket.endpoint();
    let mut params = SigningParams::new(credentials, endpoint.region(), SIGNING_NAME, time);
    params.content_sha256_header = true;
    sigv4::sign(&request, &params)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::s3::express::parse_create_session_response;

    const SESSION: &str = "<CreateSessionResult><Credentials><SessionToken>TOKEN/+=</SessionToken><SecretAccessKey>sessionsecret</SecretAccessKey><AccessKeyId>ASIASESSION</AccessKeyId><Expiration>2026-11-23T12:05:00Z</Expiration></Credentials></CreateSessionResult>";

    fn now() -> Timestamp {
        Timestamp::parse_rfc3339("2026-11-23T12:00:00Z").unwrap()
    }

    #[test]
    fn presigned_urls_carry_the_session_token_and_end_with_the_session() {
        let bucket = Bucket::directory("my-data--usw2-az1--x-s3", "us-west-2").unwrap();
        let session = parse_create_session_response(SESSION).unwrap();
        let p = bucket
            .get_object("a.txt")
            .presign(&session, now(), 300)
            .unwrap();
        assert!(
            p.url.contains("&X-Amz-S3session-Token=TOKEN%2F%2B%3D&"),
            "{}",
            p.url
        );
        assert!(!p.url.contains("X-Amz-Security-Token"));
        assert!(p.url.contains("%2Fus-west-2%2Fs3express%2Faws4_request"));
        // The session ends at 12:05: a ten-minute URL would die after five.
        let e = bucket
            .get_object("a.txt")
            .presign(&session, now(), 600)
            .unwrap_err();
        assert!(matches!(e, Error::ExpiresAfterCredentials { .. }), "{e}");
        let p = bucket
            .get_object("a.txt")
            .clamp_expiry_to_credentials(true)
            .presign(&session, now(), 600)
            .unwrap();
        assert_eq!(p.expires_at.unix() - now().unix(), 300);
    }

    #[test]
    fn directory_buckets_are_not_general_purpose_ones() {
        let e = Bucket::new(
            Endpoint::aws("us-west-2").unwrap(),
            "my-data--usw2-az1--x-s3",
        )
        .unwrap_err();
        assert!(alloc::format!("{e}").contains("Bucket::directory"), "{e}");
        assert!(Bucket::directory("my-data", "us-west-2").is_err());
        assert!(Bucket::directory("my-data--usw2-az1--x-s3", "US-WEST-2").is_err());
        let plain = Bucket::new(Endpoint::aws("us-west-2").unwrap(), "plain").unwrap();
        let creds = Credentials::new("AKID", "secret").unwrap();
        assert!(create_session(&plain, &creds, now(), SessionMode::ReadWrite).is_err());
    }

    #[test]
    fn create_session_modes() {
        let bucket = Bucket::directory("my-data--usw2-az1--x-s3", "us-west-2").unwrap();
        let creds = Credentials::new("AKID", "secret")
            .unwrap()
            .with_session_token("sts-token")
            .unwrap();
        let rw = create_session(&bucket, &creds, now(), SessionMode::ReadWrite).unwrap();
        let ro = create_session(&bucket, &creds, now(), SessionMode::ReadOnly).unwrap();
        let names = |s: &Signed| {
            s.headers
                .iter()
                .map(|(n, _)| n.clone())
                .collect::<alloc::vec::Vec<_>>()
        };
        assert!(!names(&rw).contains(&"x-amz-create-session-mode".into()));
        assert!(names(&ro).contains(&"x-amz-create-session-mode".into()));
        // The account's STS token is an ordinary security token here.
        assert!(names(&rw).contains(&"x-amz-security-token".into()));
        assert_ne!(rw.signature, ro.signature);
    }
}
