//! The POST policy builder: fields, conditions and expiry, signed into a
//! [`PresignedPost`](super::PresignedPost).

use super::base64::{base64_decode, base64_encode};
use super::fields::{check_field_name, check_value};
use super::policy::{invalid, Condition, Policy, MAX_POLICY_LEN};
use super::presigned_post::{xml_escape, PresignedPost};
use crate::encoding;
use crate::s3::{validate_key, Bucket};
use crate::signing::{ScopedKey, ALGORITHM};
use crate::{Credentials, Error, Seconds, Timestamp};
use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// The longest a form may stay valid after signing: 604800 s (seven days).
pub const MAX_POST_EXPIRY: u64 = 604_800;

/// The validity when none is set: 3600 s, as botocore.
pub const DEFAULT_POST_EXPIRY: u64 = 3600;

/// The variable S3 replaces in the `key` field with the name of the uploaded file.
pub const FILENAME_VARIABLE: &str = "${filename}";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expiry {
    In(u64),
    At(Timestamp),
}

/// The checksum algorithms S3 accepts in `x-amz-checksum-algorithm`, with their digest sizes.
const CHECKSUMS: [(&str, usize); 5] = [
    ("CRC32", 4),
    ("CRC32C", 4),
    ("CRC64NVME", 8),
    ("SHA1", 20),
    ("SHA256", 32),
];

/// Builds and signs a POST policy for browser form uploads to one bucket.
///
/// Setters never fail: [`sign`](PostPolicy::sign) validates everything and returns the first
/// problem. Setting a field again replaces its condition in place; every setter for an exact
/// value also makes the field part of [`PresignedPost::fields`], and every `*_starts_with`
/// setter makes it one of [`PresignedPost::caller_fields`] (the form fills it in).
///
/// ```
/// use presign::s3::post::PostPolicy;
/// use presign::s3::{Bucket, Endpoint};
/// use presign::{Credentials, Timestamp};
///
/// let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
/// let bucket = Bucket::new(Endpoint::aws("us-east-1")?.legacy_global_endpoint(true), "sigv4examplebucket")?;
/// let post = PostPolicy::new(&bucket)
///     .key("user/user1/${filename}")
///     .acl("public-read")
///     .success_action_redirect("http://sigv4examplebucket.s3.amazonaws.com/successful_upload.html")
///     .content_type_starts_with("image/")
///     .metadata("uuid", "14365123651274")
///     .server_side_encryption("AES256")
///     .metadata_starts_with("tag", "")
///     .expires_at(Timestamp::parse_rfc3339("2015-12-30T12:00:00Z")?)
///     .sign(&creds, Timestamp::parse_rfc3339("2015-12-29T00:00:00Z")?)?;
/// assert!(post.policy.contains(r#"["starts-with", "$key", "user/user1/"]"#));
/// assert_eq!(post.field("x-amz-credential"), Some("AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request"));
/// # Ok::<(), presign::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct PostPolicy<'a> {
    bucket: &'a Bucket,
    /// The `key` field value and its condition.
    key: Option<(String, Condition)>,
    expiry: Expiry,
    conditions: Vec<Condition>,
    /// The first invalid input given to a setter that cannot keep it as a condition.
    error: Option<Error>,
}

impl<'a> PostPolicy<'a> {
    /// A policy for uploads to `bucket`, valid [`DEFAULT_POST_EXPIRY`] seconds after signing.
    pub fn new(bucket: &'a Bucket) -> Self {
        PostPolicy {
            bucket,
            key: None,
            expiry: Expiry::In(DEFAULT_POST_EXPIRY),
            conditions: Vec::new(),
            error: None,
        }
    }

    /// The form stays valid `seconds` after the signing time (1..=[`MAX_POST_EXPIRY`]).
    pub fn expires_in(mut self, seconds: impl Seconds) -> Self {
        let seconds = seconds.seconds();
        self.expiry = Expiry::In(seconds);
        self
    }

    /// The form is refused from `expiration` on (at most [`MAX_POST_EXPIRY`] after signing).
    pub fn expires_at(mut self, expiration: Timestamp) -> Self {
        self.expiry = Expiry::At(expiration);
        self
    }

    /// The object key. A key ending in `${filename}` allows any key starting with the rest
    /// (`["starts-with", "$key", PREFIX]`, as botocore), and S3 replaces `${filename}` with the
    /// name of the uploaded file; any other key must be used exactly.
    pub fn key(mut self, key: &str) -> Self {
        self.key = Some(match key.strip_suffix(FILENAME_VARIABLE) {
            Some(prefix) => (key.to_owned(), starts_with("key", prefix)),
            None => (key.to_owned(), eq("key", key)),
        });
        self
    }

    /// Any key starting with `prefix` (`""` allows any key). The `key` field is set to
    /// `PREFIX${filename}`, so a plain form stores the file under its own name; a form may
    /// replace the field with any key inside the prefix.
    pub fn key_starts_with(mut self, prefix: &str) -> Self {
        self.key = Some((
            format!("{prefix}{FILENAME_VARIABLE}"),
            starts_with("key", prefix),
        ));
        self
    }

    /// `["content-length-range", min, max]`: the file must be `min..=max` bytes.
    pub fn content_length_range(mut self, min: u64, max: u64) -> Self {
        let c = Condition::ContentLengthRange { min, max };
        match self
            .conditions
            .iter_mut()
            .find(|x| matches!(x, Condition::ContentLengthRange { .. }))
        {
            Some(slot) => *slot = c,
            None => self.conditions.push(c),
        }
        self
    }

    /// An exact `Content-Type` (the object's content type; the form's own file part type is
    /// ignored by S3).
    pub fn content_type(self, content_type: &str) -> Self {
        self.set(eq("Content-Type", content_type))
    }

    /// A `Content-Type` starting with `prefix`, e.g. `image/`.
    pub fn content_type_starts_with(self, prefix: &str) -> Self {
        self.set(starts_with("Content-Type", prefix))
    }

    /// User metadata `x-amz-meta-NAME` with an exact value.
    pub fn metadata(self, name: &str, value: &str) -> Self {
        self.set(eq(&format!("x-amz-meta-{name}"), value))
    }

    /// User metadata `x-amz-meta-NAME` starting with `prefix` (`""` allows any value).
    pub fn metadata_starts_with(self, name: &str, prefix: &str) -> Self {
        self.set(starts_with(&format!("x-amz-meta-{name}"), prefix))
    }

    /// The canned ACL, e.g. `private`, `public-read`, `bucket-owner-full-control`.
    pub fn acl(self, acl: &str) -> Self {
        self.set(eq("acl", acl))
    }

    /// The status S3 answers a successful upload with: 200, 201 (with an XML body) or 204.
    pub fn success_action_status(self, status: u16) -> Self {
        let mut s = self;
        if !matches!(status, 200 | 201 | 204) {
            s.error.get_or_insert(invalid(format!(
                "success_action_status {status} is not one S3 honours: use 200, 201 or 204"
            )));
        }
        s.set(eq("success_action_status", &status.to_string()))
    }

    /// The URL S3 redirects the browser to after a successful upload.
    pub fn success_action_redirect(self, url: &str) -> Self {
        self.set(eq("success_action_redirect", url))
    }

    /// An exact `Cache-Control`.
    pub fn cache_control(self, value: &str) -> Self {
        self.set(eq("Cache-Control", value))
    }

    /// An exact `Content-Disposition`, e.g. `attachment; filename="report.pdf"`.
    pub fn content_disposition(self, value: &str) -> Self {
        self.set(eq("Content-Disposition", value))
    }

    /// An exact `Content-Encoding`.
    pub fn content_encoding(self, value: &str) -> Self {
        self.set(eq("Content-Encoding", value))
    }

    /// The `tagging` field as the XML S3 expects:
    /// `<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>`.
    pub fn tagging(self, xml: &str) -> Self {
        self.set(eq("tagging", xml))
    }

    /// The `tagging` field built from key/value pairs (XML-escaped).
    ///
    /// ```
    /// # use presign::s3::post::PostPolicy;
    /// # use presign::s3::{Bucket, Endpoint};
    /// # use presign::{Credentials, Timestamp};
    /// # let creds = Credentials::new("AKID", "secret")?;
    /// # let bucket = Bucket::new(Endpoint::aws("us-east-1")?, "bkt")?;
    /// let post = PostPolicy::new(&bucket).key("a.txt").tags([("team", "R&D")]).sign(&creds, Timestamp::UNIX_EPOCH)?;
    /// assert_eq!(post.field("tagging"), Some("<Tagging><TagSet><Tag><Key>team</Key><Value>R&amp;D</Value></Tag></TagSet></Tagging>"));
    /// # Ok::<(), presign::Error>(())
    /// ```
    pub fn tags<'t, I>(self, tags: I) -> Self
    where
        I: IntoIterator<Item = (&'t str, &'t str)>,
    {
        let mut xml = String::from("<Tagging><TagSet>");
        for (k, v) in tags {
            xml.push_str("<Tag><Key>");
            xml_escape(&mut xml, k);
            xml.push_str("</Key><Value>");
            xml_escape(&mut xml, v);
            xml.push_str("</Value></Tag>");
        }
        xml.push_str("</TagSet></Tagging>");
        self.tagging(&xml)
    }

    /// `x-amz-server-side-encryption`: `AES256`, `aws:kms` or `aws:kms:dsse`.
    pub fn server_side_encryption(self, algorithm: &str) -> Self {
        self.set(eq("x-amz-server-side-encryption", algorithm))
    }

    /// `x-amz-server-side-encryption-aws-kms-key-id`, with `aws:kms` encryption.
    pub fn sse_kms_key_id(self, key_id: &str) -> Self {
        self.set(eq("x-amz-server-side-encryption-aws-kms-key-id", key_id))
    }

    /// `x-amz-checksum-algorithm`: `CRC32`, `CRC32C`, `CRC64NVME`, `SHA1` or `SHA256`.
    pub fn checksum_algorithm(self, algorithm: &str) -> Self {
        let mut s = self;
        match CHECKSUMS
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(algorithm))
        {
            Some((a, _)) => s.set(eq("x-amz-checksum-algorithm", a)),
            None => {
                s.error.get_or_insert(invalid(format!(
                    "unknown checksum algorithm {algorithm:?}: use CRC32, CRC32C, CRC64NVME, SHA1 or SHA256"
                )));
                s
            }
        }
    }

    /// The object's checksum, `x-amz-checksum-ALGORITHM` (e.g. `x-amz-checksum-sha256`), as the
    /// base64 of the digest. S3 refuses an upload whose content does not match it.
    pub fn checksum(self, algorithm: &str, base64_digest: &str) -> Self {
        let mut s = self;
        let Some((a, size)) = CHECKSUMS
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(algorithm))
        else {
            s.error.get_or_insert(invalid(format!(
                "unknown checksum algorithm {algorithm:?}: use CRC32, CRC32C, CRC64NVME, SHA1 or SHA256"
            )));
            return s;
        };
        if base64_decode(base64_digest).map(|d| d.len()).ok() != Some(*size) {
            s.error.get_or_insert(invalid(format!(
                "the {a} checksum must be the base64 of a {size}-byte digest"
            )));
        }
        s.set(eq(
            &format!("x-amz-checksum-{}", a.to_ascii_lowercase()),
            base64_digest,
        ))
    }

    /// `x-amz-checksum-sha256` from the raw SHA-256 of the file.
    pub fn checksum_sha256(self, sha256: &[u8; 32]) -> Self {
        self.checksum("SHA256", &base64_encode(sha256))
    }

    /// Any other field with an exact value (e.g. `x-amz-storage-class`, `Expires`,
    /// `x-amz-website-redirect-location`). The field is added to the form.
    pub fn field(self, name: &str, value: &str) -> Self {
        self.set(eq(name, value))
    }

    /// Any other field whose value must start with `prefix` (`""` allows any value). The form
    /// must fill it in.
    pub fn field_starts_with(self, name: &str, prefix: &str) -> Self {
        self.set(starts_with(name, prefix))
    }

    fn set(mut self, c: Condition) -> Self {
        let name = c.field().unwrap_or_default();
        match self
            .conditions
            .iter_mut()
            .find(|x| x.field().is_some_and(|f| f.eq_ignore_ascii_case(name)))
        {
            Some(slot) => *slot = c,
            None => self.conditions.push(c),
        }
        self
    }

    /// Signs the policy at `now` with `credentials`, for the bucket's region and signing name.
    ///
    /// # Errors
    /// [`Error::InvalidPolicy`] for a missing key, an expiry not in the future or over
    /// [`MAX_POST_EXPIRY`], `content-length-range` with min > max, a field name that is empty,
    /// not visible ASCII, holds `"` or `\`, starts with `$`, or is one the signer sets (`key`,
    /// `bucket`, `policy`, `file`, `x-amz-algorithm`, `x-amz-credential`, `x-amz-date`,
    /// `x-amz-security-token`, `x-amz-signature`, `x-ignore-*`), a value with control
    /// characters, or a policy over [`MAX_POLICY_LEN`]; [`Error::InvalidObjectKey`];
    /// [`Error::CredentialsExpired`], [`Error::ExpiresAfterCredentials`];
    /// [`Error::TimestampOutOfRange`].
    pub fn sign(&self, credentials: &Credentials, now: Timestamp) -> Result<PresignedPost, Error> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        let expires_at = match self.expiry {
            Expiry::In(0) => return Err(invalid("the expiry must be at least 1 second")),
            Expiry::In(s) if s > MAX_POST_EXPIRY => {
                return Err(invalid(format!(
                    "an expiry of {s} s is over the {MAX_POST_EXPIRY} s (7 days) this crate allows for a POST form"
                )))
            }
            Expiry::In(s) => now.add_seconds(s)?,
            Expiry::At(t) => t,
        };
        check_lifetime(credentials, now, expires_at)?;
        let Some((key_field, key_condition)) = &self.key else {
            return Err(invalid("no key: call .key(\"name\"), .key(\"prefix/${filename}\") or .key_starts_with(\"prefix/\")"));
        };
        match key_condition {
            // `${filename}` is replaced before the key is checked: a prefix holding it is one no
            // key can start with.
            Condition::StartsWith { prefix, .. } if prefix.contains(FILENAME_VARIABLE) => {
                return Err(invalid(
                    "a key prefix may not hold ${filename}: it is replaced with the file's name before the key is checked, so no key would match; end the key with it once",
                ))
            }
            Condition::Eq { value, .. } => validate_key(value)?,
            Condition::StartsWith { prefix, .. } if prefix.len() >= crate::s3::MAX_KEY_LEN => {
                return Err(Error::InvalidObjectKey {
                    reason: "the key prefix leaves no room for a name within 1024 bytes",
                    len: prefix.len(),
                })
            }
            _ => {}
        }
        check_value("key", key_field)?;
        for c in &self.conditions {
            match c {
                Condition::Eq { field, value: text } | Condition::StartsWith { field, prefix: text } => {
                    check_field_name(field)?;
                    check_value(field, text)?;
                }
                Condition::ContentLengthRange { min, max } if min > max => {
                    return Err(invalid(format!(
                        "content-length-range minimum {min} is larger than its maximum {max}: S3 would refuse every file"
                    )))
                }
                Condition::ContentLengthRange { .. } => {}
            }
        }

        let endpoint = self.bucket.endpoint();
        let scoped = ScopedKey::new(credentials, now, endpoint.region(), endpoint.service())?;
        let amz_date = now.amz_date();
        let credential = format!("{}/{}", credentials.access_key_id(), scoped.scope());

        let mut conditions = Vec::with_capacity(self.conditions.len() + 6);
        conditions.push(eq("bucket", self.bucket.name()));
        conditions.push(key_condition.clone());
        conditions.extend(self.conditions.iter().cloned());
        conditions.push(eq("x-amz-algorithm", ALGORITHM));
        conditions.push(eq("x-amz-credential", &credential));
        conditions.push(eq("x-amz-date", amz_date.as_str()));
        if let Some(token) = credentials.session_token() {
            conditions.push(eq("x-amz-security-token", token));
        }
        let policy = Policy {
            expiration: expires_at,
            conditions,
        };
        let json = policy.to_json();
        if json.len() > MAX_POLICY_LEN {
            return Err(invalid(format!(
                "the policy would be {} bytes, over the {MAX_POLICY_LEN}-byte limit: use fewer or shorter conditions",
                json.len()
            )));
        }
        let base64 = base64_encode(json.as_bytes());
        let signature = String::from(encoding::hex_str(&encoding::hex32(
            &scoped.sign(base64.as_bytes()),
        )));

        let mut fields = Vec::with_capacity(self.conditions.len() + 7);
        fields.push(("key".to_owned(), key_field.clone()));
        for c in &self.conditions {
            if let Condition::Eq { field, value } = c {
                fields.push((field.clone(), value.clone()));
            }
        }
        fields.push(("policy".to_owned(), base64));
        fields.push(("x-amz-algorithm".to_owned(), ALGORITHM.to_owned()));
        fields.push(("x-amz-credential".to_owned(), credential));
        fields.push(("x-amz-date".to_owned(), amz_date.as_str().to_owned()));
        if let Some(token) = credentials.session_token() {
            fields.push(("x-amz-security-token".to_owned(), token.to_owned()));
        }
        fields.push(("x-amz-signature".to_owned(), signature));

        let mut url =
            String::with_capacity(self.bucket.origin().len() + self.bucket.path_prefix().len() + 1);
        url.push_str(self.bucket.origin());
        url.push_str(self.bucket.path_prefix());
        url.push('/');
        Ok(PresignedPost {
            url,
            fields,
            policy: json,
            conditions: policy.conditions,
            signed_at: now,
            expires_at,
        })
    }
}

/// A form signed at `now` and valid until `expires_at`: after `now`, within
/// [`MAX_POST_EXPIRY`], and not after the credentials expire.
pub(super) fn check_lifetime(
    credentials: &Credentials,
    now: Timestamp,
    expires_at: Timestamp,
) -> Result<(), Error> {
    if expires_at <= now {
        return Err(invalid(format!(
            "the expiration {expires_at} is not after the signing time {now}: the form would be refused at once"
        )));
    }
    if (expires_at.unix() - now.unix()) as u64 > MAX_POST_EXPIRY {
        return Err(invalid(format!(
            "the expiration {expires_at} is more than {MAX_POST_EXPIRY} s (7 days) after the signing time {now}"
        )));
    }
    if let Some(limit) = credentials.expires_at() {
        if limit <= now {
            return Err(Error::CredentialsExpired {
                expired_at: limit.unix(),
            });
        }
        if limit < expires_at {
            return Err(Error::ExpiresAfterCredentials {
                url_expires_at: expires_at.unix(),
                credentials_expire_at: limit.unix(),
            });
        }
    }
    Ok(())
}

pub(super) fn eq(field: &str, value: &str) -> Condition {
    Condition::Eq {
        field: field.to_owned(),
        value: value.to_owned(),
    }
}

pub(super) fn starts_with(field: &str, prefix: &str) -> Condition {
    Condition::StartsWith {
        field: field.to_owned(),
        prefix: prefix.to_owned(),
    }
}
