//! Verifying a submitted form as S3 does: algorithm, scope, date, signature, expiration and every
//! condition.

use super::builder::FILENAME_VARIABLE;
use super::fields::is_exempt;
use super::form::PostForm;
use super::policy::{Condition, Policy};
use super::rejection::{PostRejection, Requirement};
use crate::s3::validate_key;
use crate::signing::{constant_time_eq, SigningKey, ALGORITHM};
use crate::{Credentials, Error, Timestamp};
use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// The most fields [`PostVerifier`] looks at in one form.
pub const MAX_FORM_FIELDS: usize = 256;

/// The most bytes of field names and values (the file excluded) [`PostVerifier`] looks at.
pub const MAX_FORM_BYTES: usize = 64 * 1024;

/// How far in the future (by the verifier's clock) an `x-amz-date` may be: 15 minutes, as S3.
pub const DEFAULT_MAX_CLOCK_SKEW: u64 = 900;

/// A form that passed verification.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct VerifiedPost {
    /// The access key id that signed the form.
    pub access_key_id: String,
    /// The object key to store the file under (`${filename}` substituted).
    pub key: String,
    /// The region of the credential scope.
    pub region: String,
    /// The `x-amz-date` of the form.
    pub signed_at: Timestamp,
    /// The policy's expiration.
    pub expires_at: Timestamp,
    /// The policy's conditions.
    pub conditions: Vec<Condition>,
}

/// Verifies submitted POST forms as S3 does, with credentials from a lookup.
///
/// Checks, in order: the form's size ([`MAX_FORM_FIELDS`], [`MAX_FORM_BYTES`]), the required
/// fields (each at most once; names compare case-insensitively),
/// `x-amz-algorithm`, the credential scope (its date must be the `x-amz-date` day, its service
/// the verifier's, its region the verifier's when one is set), `x-amz-date` not more than
/// [`DEFAULT_MAX_CLOCK_SKEW`] ahead of `now`, the credentials (known, not expired, session
/// token), the signature (constant time, over the `policy` text exactly as submitted), then the
/// policy: not expired at `now` (a form is accepted strictly before its expiration), every
/// condition (`bucket` is the URL's bucket; `key` is the submitted key with `${filename}`
/// replaced by the file name; a `starts-with` on a missing field sees `""`), and finally that
/// every submitted field except `file`, `policy`, `x-amz-signature` and `x-ignore-*` has a
/// condition.
///
/// ```
/// use presign::s3::post::{PostForm, PostPolicy, PostRejection, PostVerifier};
/// use presign::s3::{Bucket, Endpoint};
/// use presign::{Credentials, Timestamp};
///
/// let creds = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")?;
/// let bucket = Bucket::new(Endpoint::aws("us-east-1")?, "uploads")?;
/// let now = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?;
/// let post = PostPolicy::new(&bucket).key_starts_with("in/").content_length_range(1, 1000).sign(&creds, now)?;
///
/// let verifier = PostVerifier::new(|akid: &str| (akid == "AKIDEXAMPLE").then(|| creds.clone())).region("us-east-1");
/// let ok = verifier.verify(&PostForm::new("uploads", post.fields.clone(), 10).file_name("a.txt"), now).unwrap();
/// assert_eq!(ok.key, "in/a.txt");
/// let big = verifier.verify(&PostForm::new("uploads", post.fields.clone(), 5000).file_name("a.txt"), now);
/// assert_eq!(big, Err(PostRejection::FileTooLarge { size: 5000, max: 1000 }));
/// # Ok::<(), presign::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct PostVerifier<F> {
    lookup: F,
    region: Option<String>,
    service: String,
    max_clock_skew: u64,
}

impl<F> PostVerifier<F>
where
    F: Fn(&str) -> Option<Credentials>,
{
    /// A verifier that finds the credentials of an access key id with `lookup`, for service `s3`
    /// in any region.
    pub fn new(lookup: F) -> Self {
        PostVerifier {
            lookup,
            region: None,
            service: "s3".to_owned(),
            max_clock_skew: DEFAULT_MAX_CLOCK_SKEW,
        }
    }

    /// Accept only credential scopes for `region`.
    pub fn region(mut self, region: &str) -> Self {
        self.region = Some(region.to_owned());
        self
    }

    /// The service of the credential scope (`s3` unless set).
    pub fn service(mut self, service: &str) -> Self {
        self.service = service.to_owned();
        self
    }

    /// How many seconds `x-amz-date` may be ahead of `now` ([`DEFAULT_MAX_CLOCK_SKEW`] unless set).
    pub fn max_clock_skew(mut self, seconds: impl crate::Seconds) -> Self {
        let seconds = crate::Seconds::seconds(seconds);
        self.max_clock_skew = seconds;
        self
    }

    /// Verifies `form` at `now`.
    ///
    /// # Errors
    /// The first [`PostRejection`] found, in the order described on [`PostVerifier`].
    pub fn verify(&self, form: &PostForm, now: Timestamp) -> Result<VerifiedPost, PostRejection> {
        if form.fields.len() > MAX_FORM_FIELDS {
            return Err(PostRejection::FormTooLarge {
                what: "fields",
                limit: MAX_FORM_FIELDS,
            });
        }
        let bytes = form.fields.iter().fold(0usize, |n, (k, v)| {
            n.saturating_add(k.len()).saturating_add(v.len())
        });
        if bytes > MAX_FORM_BYTES {
            return Err(PostRejection::FormTooLarge {
                what: "bytes",
                limit: MAX_FORM_BYTES,
            });
        }
        for (i, (name, _)) in form.fields.iter().enumerate() {
            if form.fields[..i]
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                return Err(PostRejection::DuplicateField {
                    field: name.clone(),
                });
            }
        }
        let need =
            |field: &'static str| form.get(field).ok_or(PostRejection::MissingField { field });
        let policy_text = need("policy")?;
        let algorithm = need("x-amz-algorithm")?;
        let credential = need("x-amz-credential")?;
        let date = need("x-amz-date")?;
        let signature = need("x-amz-signature")?;
        let submitted_key = need("key")?;

        if algorithm != ALGORITHM {
            return Err(PostRejection::UnsupportedAlgorithm {
                algorithm: algorithm.to_owned(),
            });
        }
        let parts: Vec<&str> = credential.split('/').collect();
        let [akid, day, region, service, terminator] = parts[..] else {
            return Err(PostRejection::MalformedCredential {
                reason: "it must have five '/'-separated parts",
            });
        };
        if akid.is_empty() {
            return Err(PostRejection::MalformedCredential {
                reason: "the access key id is empty",
            });
        }
        if terminator != "aws4_request" {
            return Err(PostRejection::MalformedCredential {
                reason: "it must end with /aws4_request",
            });
        }
        let signed_at =
            Timestamp::parse_amz_date(date).map_err(|_| PostRejection::InvalidDate {
                value: date.to_owned(),
            })?;
        if day != signed_at.amz_date().date() {
            return Err(PostRejection::WrongScope {
                reason: format!("the scope date {day:?} is not the day of x-amz-date {date:?}"),
            });
        }
        if service != self.service {
            return Err(PostRejection::WrongScope {
                reason: format!(
                    "the scope is for service {service:?}, this server is {:?}",
                    self.service
                ),
            });
        }
        if let Some(expected) = &self.region {
            if region != expected {
                return Err(PostRejection::WrongScope {
                    reason: format!("the scope is for region {region:?}, this server is {expected:?}: sign for {expected}"),
                });
            }
        }
        let ahead = signed_at.unix() - now.unix();
        if ahead > 0 && ahead as u64 > self.max_clock_skew {
            return Err(PostRejection::SignedInTheFuture {
                seconds_ahead: ahead as u64,
            });
        }
        let creds = (self.lookup)(akid).ok_or_else(|| PostRejection::UnknownAccessKey {
            access_key_id: akid.to_owned(),
        })?;
        if let Some(limit) = creds.expires_at() {
            if limit <= now {
                return Err(PostRejection::CredentialsExpired { expired_at: limit });
            }
        }
        match (creds.session_token(), form.get("x-amz-security-token")) {
            (None, None) => {}
            (Some(want), Some(got)) if constant_time_eq(want.as_bytes(), got.as_bytes()) => {}
            _ => return Err(PostRejection::SecurityTokenMismatch),
        }
        let scope_text = format!("{day}/{region}/{service}/aws4_request");
        let mismatch = || PostRejection::SignatureMismatch {
            access_key_id: akid.to_owned(),
            scope: scope_text.clone(),
        };
        let key = SigningKey::derive(creds.secret_access_key(), day, region, service);
        let expected = key.sign(policy_text.as_bytes());
        let submitted = decode_hex32(signature).ok_or_else(mismatch)?;
        if !constant_time_eq(&expected, &submitted) {
            return Err(mismatch());
        }

        let policy =
            Policy::from_base64(policy_text).map_err(|e| PostRejection::MalformedPolicy {
                reason: match e {
                    Error::InvalidPolicy { reason } => reason,
                    other => other.to_string(),
                },
            })?;
        if now >= policy.expiration {
            return Err(PostRejection::PolicyExpired {
                expired_at: policy.expiration,
                seconds_ago: (now.unix() - policy.expiration.unix()) as u64,
            });
        }

        let key = if submitted_key.contains(FILENAME_VARIABLE) {
            let name = form
                .file_name
                .as_deref()
                .filter(|n| !n.is_empty())
                .ok_or_else(|| PostRejection::InvalidKey {
                    reason: "the key uses ${filename} but the file part has no file name"
                        .to_owned(),
                })?;
            submitted_key.replace(FILENAME_VARIABLE, name)
        } else {
            submitted_key.to_owned()
        };
        if let Err(e) = validate_key(&key) {
            return Err(PostRejection::InvalidKey {
                reason: e.to_string(),
            });
        }
        if let Some(b) = form.get("bucket") {
            if b != form.bucket {
                return Err(PostRejection::BucketMismatch {
                    bucket: form.bucket.clone(),
                    expected: Requirement::Exactly(b.to_owned()),
                });
            }
        }

        for c in &policy.conditions {
            self.check(c, form, &key)?;
        }
        for (name, _) in &form.fields {
            if is_exempt(name) {
                continue;
            }
            if !policy
                .conditions
                .iter()
                .any(|c| c.field().is_some_and(|f| f.eq_ignore_ascii_case(name)))
            {
                return Err(PostRejection::FieldNotAllowed {
                    field: name.clone(),
                });
            }
        }
        Ok(VerifiedPost {
            access_key_id: akid.to_owned(),
            key,
            region: region.to_owned(),
            signed_at,
            expires_at: policy.expiration,
            conditions: policy.conditions,
        })
    }

    fn check(&self, c: &Condition, form: &PostForm, key: &str) -> Result<(), PostRejection> {
        let (field, expected) = match c {
            Condition::ContentLengthRange { min, max } => {
                if form.file_size > *max {
                    return Err(PostRejection::FileTooLarge {
                        size: form.file_size,
                        max: *max,
                    });
                }
                if form.file_size < *min {
                    return Err(PostRejection::FileTooSmall {
                        size: form.file_size,
                        min: *min,
                    });
                }
                return Ok(());
            }
            Condition::Eq { field, value } => (field, Requirement::Exactly(value.clone())),
            Condition::StartsWith { field, prefix } => {
                (field, Requirement::StartsWith(prefix.clone()))
            }
        };
        let actual: Option<&str> = if field.eq_ignore_ascii_case("bucket") {
            Some(&form.bucket)
        } else if field.eq_ignore_ascii_case("key") {
            Some(key)
        } else {
            form.get(field)
        };
        let ok = match &expected {
            Requirement::Exactly(v) => actual == Some(v.as_str()),
            Requirement::StartsWith(p) => actual.unwrap_or("").starts_with(p.as_str()),
        };
        if ok {
            return Ok(());
        }
        let value = actual.map(str::to_owned);
        Err(if field.eq_ignore_ascii_case("bucket") {
            PostRejection::BucketMismatch {
                bucket: form.bucket.clone(),
                expected,
            }
        } else if field.eq_ignore_ascii_case("key") {
            match expected {
                Requirement::StartsWith(prefix) => PostRejection::KeyOutsidePrefix {
                    key: key.to_owned(),
                    prefix,
                },
                exact => PostRejection::ConditionFailed {
                    field: field.clone(),
                    value,
                    expected: exact,
                },
            }
        } else if field.eq_ignore_ascii_case("content-type") {
            PostRejection::WrongContentType {
                content_type: value,
                expected,
            }
        } else if field.eq_ignore_ascii_case("x-amz-security-token") {
            PostRejection::SecurityTokenMismatch
        } else {
            PostRejection::ConditionFailed {
                field: field.clone(),
                value,
                expected,
            }
        })
    }
}

fn decode_hex32(s: &str) -> Option<[u8; 32]> {
    let b = s.as_bytes();
    if b.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in b.chunks_exact(2).enumerate() {
        let hi = char::from(pair[0]).to_digit(16)?;
        let lo = char::from(pair[1]).to_digit(16)?;
        out[i] = (hi * 16 + lo) as u8;
    }
    Some(out)
}
