//! Why a submitted form was refused.

use crate::Timestamp;
use alloc::string::String;
use core::fmt;

/// What a condition wanted.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Requirement {
    /// Exactly this value.
    Exactly(String),
    /// A value starting with this prefix.
    StartsWith(String),
}

impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Requirement::Exactly(v) => write!(f, "exactly {v:?}"),
            Requirement::StartsWith(p) => write!(f, "a value starting with {p:?}"),
        }
    }
}

/// Why a POST form was refused. `Display` says what happened and what to do; nothing secret
/// (secret keys, tokens, expected signatures) is ever included.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PostRejection {
    /// The form has more than [`MAX_FORM_FIELDS`](super::MAX_FORM_FIELDS) fields or [`MAX_FORM_BYTES`](super::MAX_FORM_BYTES) bytes of them.
    FormTooLarge {
        /// `"fields"` or `"bytes"`.
        what: &'static str,
        /// The limit.
        limit: usize,
    },
    /// A required field is missing.
    MissingField {
        /// The field (`key`, `policy`, `x-amz-algorithm`, `x-amz-credential`, `x-amz-date`,
        /// `x-amz-signature`).
        field: &'static str,
    },
    /// A field was submitted twice.
    DuplicateField {
        /// The field name as submitted the second time.
        field: String,
    },
    /// The `policy` field is not a valid policy document.
    MalformedPolicy {
        /// What is wrong with it.
        reason: String,
    },
    /// `x-amz-algorithm` is not `AWS4-HMAC-SHA256`.
    UnsupportedAlgorithm {
        /// The algorithm as submitted.
        algorithm: String,
    },
    /// `x-amz-credential` is not `AKID/YYYYMMDD/REGION/SERVICE/aws4_request`.
    MalformedCredential {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The credential scope does not fit this verifier or the date.
    WrongScope {
        /// What does not fit.
        reason: String,
    },
    /// `x-amz-date` is not `YYYYMMDDTHHMMSSZ`.
    InvalidDate {
        /// The value as submitted.
        value: String,
    },
    /// `x-amz-date` is later than the verifier's clock allows.
    SignedInTheFuture {
        /// How far ahead, in seconds.
        seconds_ahead: u64,
    },
    /// No credentials are known for the access key id.
    UnknownAccessKey {
        /// The access key id as submitted.
        access_key_id: String,
    },
    /// The credentials that signed the form have expired.
    CredentialsExpired {
        /// When they expired.
        expired_at: Timestamp,
    },
    /// `x-amz-security-token` is missing, unexpected or not the session token of the credentials.
    SecurityTokenMismatch,
    /// The signature is not the one the policy text and the secret key give.
    SignatureMismatch {
        /// The access key id.
        access_key_id: String,
        /// The credential scope.
        scope: String,
    },
    /// The policy's expiration has passed.
    PolicyExpired {
        /// The policy's expiration.
        expired_at: Timestamp,
        /// How long ago, in seconds.
        seconds_ago: u64,
    },
    /// The file is larger than `content-length-range` allows.
    FileTooLarge {
        /// The file size in bytes.
        size: u64,
        /// The largest size allowed.
        max: u64,
    },
    /// The file is smaller than `content-length-range` allows.
    FileTooSmall {
        /// The file size in bytes.
        size: u64,
        /// The smallest size allowed.
        min: u64,
    },
    /// The key is outside the prefix the policy allows.
    KeyOutsidePrefix {
        /// The key (after `${filename}` substitution).
        key: String,
        /// The required prefix.
        prefix: String,
    },
    /// The key is empty or over 1024 bytes after `${filename}` substitution, or uses
    /// `${filename}` without a file name.
    InvalidKey {
        /// What is wrong with it.
        reason: String,
    },
    /// The `Content-Type` field breaks its condition.
    WrongContentType {
        /// The submitted value, if any.
        content_type: Option<String>,
        /// What the policy wanted.
        expected: Requirement,
    },
    /// The bucket of the URL (or the `bucket` field) is not the one the policy names.
    BucketMismatch {
        /// The bucket the form was posted to.
        bucket: String,
        /// What the policy wanted.
        expected: Requirement,
    },
    /// Another field breaks its condition.
    ConditionFailed {
        /// The field name as the policy writes it.
        field: String,
        /// The submitted value, if any.
        value: Option<String>,
        /// What the policy wanted.
        expected: Requirement,
    },
    /// A submitted field has no condition in the policy.
    FieldNotAllowed {
        /// The field name as submitted.
        field: String,
    },
}

impl PostRejection {
    /// A stable, kebab-case name of this rejection (`"policy-expired"`, `"file-too-large"`, ...):
    /// the variant's name, finer than [`s3_code`](Self::s3_code), for programs and bindings to
    /// branch on. Codes are never renamed or reused; new variants bring new codes.
    pub fn code(&self) -> &'static str {
        match self {
            PostRejection::FormTooLarge { .. } => "form-too-large",
            PostRejection::MissingField { .. } => "missing-field",
            PostRejection::DuplicateField { .. } => "duplicate-field",
            PostRejection::MalformedPolicy { .. } => "malformed-policy",
            PostRejection::UnsupportedAlgorithm { .. } => "unsupported-algorithm",
            PostRejection::MalformedCredential { .. } => "malformed-credential",
            PostRejection::WrongScope { .. } => "wrong-scope",
            PostRejection::InvalidDate { .. } => "invalid-date",
            PostRejection::SignedInTheFuture { .. } => "signed-in-the-future",
            PostRejection::UnknownAccessKey { .. } => "unknown-access-key",
            PostRejection::CredentialsExpired { .. } => "credentials-expired",
            PostRejection::SecurityTokenMismatch => "security-token-mismatch",
            PostRejection::SignatureMismatch { .. } => "signature-mismatch",
            PostRejection::PolicyExpired { .. } => "policy-expired",
            PostRejection::FileTooLarge { .. } => "file-too-large",
            PostRejection::FileTooSmall { .. } => "file-too-small",
            PostRejection::KeyOutsidePrefix { .. } => "key-outside-prefix",
            PostRejection::InvalidKey { .. } => "invalid-key",
            PostRejection::WrongContentType { .. } => "wrong-content-type",
            PostRejection::BucketMismatch { .. } => "bucket-mismatch",
            PostRejection::ConditionFailed { .. } => "condition-failed",
            PostRejection::FieldNotAllowed { .. } => "field-not-allowed",
        }
    }
}

impl PostRejection {
    /// The S3 error code S3 answers in this case (`AccessDenied`, `EntityTooLarge`, ...).
    pub fn s3_code(&self) -> &'static str {
        match self {
            PostRejection::FormTooLarge { .. }
            | PostRejection::MissingField { .. }
            | PostRejection::DuplicateField { .. }
            | PostRejection::MalformedCredential { .. }
            | PostRejection::WrongScope { .. }
            | PostRejection::InvalidDate { .. }
            | PostRejection::UnsupportedAlgorithm { .. }
            | PostRejection::InvalidKey { .. } => "InvalidArgument",
            PostRejection::MalformedPolicy { .. } => "InvalidPolicyDocument",
            PostRejection::SignedInTheFuture { .. } => "RequestTimeTooSkewed",
            PostRejection::UnknownAccessKey { .. } => "InvalidAccessKeyId",
            PostRejection::CredentialsExpired { .. } => "ExpiredToken",
            PostRejection::SecurityTokenMismatch => "InvalidToken",
            PostRejection::SignatureMismatch { .. } => "SignatureDoesNotMatch",
            PostRejection::FileTooLarge { .. } => "EntityTooLarge",
            PostRejection::FileTooSmall { .. } => "EntityTooSmall",
            PostRejection::PolicyExpired { .. }
            | PostRejection::KeyOutsidePrefix { .. }
            | PostRejection::WrongContentType { .. }
            | PostRejection::BucketMismatch { .. }
            | PostRejection::ConditionFailed { .. }
            | PostRejection::FieldNotAllowed { .. } => "AccessDenied",
        }
    }

    /// The HTTP status that goes with [`s3_code`](PostRejection::s3_code): 400 or 403.
    pub fn http_status(&self) -> u16 {
        match self.s3_code() {
            "InvalidArgument"
            | "InvalidPolicyDocument"
            | "ExpiredToken"
            | "InvalidToken"
            | "EntityTooLarge"
            | "EntityTooSmall" => 400,
            _ => 403,
        }
    }
}

pub(super) struct Bytes(pub(super) u64);

impl fmt::Display for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        write!(f, "{n} bytes")?;
        let units = [
            (1u64 << 40, "TiB"),
            (1 << 30, "GiB"),
            (1 << 20, "MiB"),
            (1 << 10, "KiB"),
        ];
        if let Some((size, unit)) = units.iter().find(|(s, _)| n >= *s) {
            let tenths = (u128::from(n) * 10 + u128::from(*size) / 2) / u128::from(*size);
            write!(f, " ({}.{} {unit})", tenths / 10, tenths % 10)?;
        }
        Ok(())
    }
}

pub(super) struct Duration(pub(super) u64);

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        match s {
            0..=119 => write!(f, "{s} s"),
            120..=7199 => write!(f, "{} min {} s", s / 60, s % 60),
            7200..=172_799 => write!(f, "{} h {} min", s / 3600, s / 60 % 60),
            _ => write!(f, "{} days {} h", s / 86_400, s / 3600 % 24),
        }
    }
}

impl fmt::Display for PostRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PostRejection::FormTooLarge { what, limit } => write!(
                f,
                "the form is too large: more than {limit} {what} of fields before the file; send only the fields the signer returned"
            ),
            PostRejection::MissingField { field } => write!(
                f,
                "the form has no {field:?} field: a signed POST form needs key, policy, x-amz-algorithm, x-amz-credential, x-amz-date and x-amz-signature (send every field the signer returned)"
            ),
            PostRejection::DuplicateField { field } => {
                write!(f, "the form has the field {field:?} twice: send each field once")
            }
            PostRejection::MalformedPolicy { reason } => {
                write!(f, "the policy field is not a valid POST policy ({reason}): send it exactly as the signer returned it")
            }
            PostRejection::UnsupportedAlgorithm { algorithm } => {
                write!(f, "x-amz-algorithm is {algorithm:?}: only AWS4-HMAC-SHA256 is supported")
            }
            PostRejection::MalformedCredential { reason } => write!(
                f,
                "x-amz-credential is malformed ({reason}): it must be ACCESS_KEY_ID/YYYYMMDD/REGION/s3/aws4_request"
            ),
            PostRejection::WrongScope { reason } => write!(f, "the credential scope does not fit: {reason}"),
            PostRejection::InvalidDate { value } => {
                write!(f, "x-amz-date is {value:?}: it must be YYYYMMDDTHHMMSSZ, e.g. 20151229T000000Z")
            }
            PostRejection::SignedInTheFuture { seconds_ahead } => write!(
                f,
                "the form was signed {} in the future by this server's clock: check the clocks of the signer and the server",
                Duration(*seconds_ahead)
            ),
            PostRejection::UnknownAccessKey { access_key_id } => write!(
                f,
                "no credentials are known for access key id {access_key_id:?}: the form was signed with other credentials"
            ),
            PostRejection::CredentialsExpired { expired_at } => write!(
                f,
                "the temporary credentials that signed the form expired at {expired_at}: ask for a new form"
            ),
            PostRejection::SecurityTokenMismatch => f.write_str(
                "x-amz-security-token does not match the session token of the signing credentials (missing, unexpected or different): send the form's fields unchanged",
            ),
            PostRejection::SignatureMismatch { access_key_id, scope } => write!(
                f,
                "the signature does not match the policy: the policy field must be sent exactly as signed (same base64 text) with its x-amz-signature, signed with the secret key of {access_key_id:?} for {scope}"
            ),
            PostRejection::PolicyExpired { expired_at, seconds_ago } => write!(
                f,
                "the policy expired at {expired_at}, {} ago: ask for a new upload form",
                Duration(*seconds_ago)
            ),
            PostRejection::FileTooLarge { size, max } => write!(
                f,
                "the file is too large: {}, but the policy allows at most {}; upload a smaller file",
                Bytes(*size),
                Bytes(*max)
            ),
            PostRejection::FileTooSmall { size, min } => write!(
                f,
                "the file is too small: {}, but the policy requires at least {}",
                Bytes(*size),
                Bytes(*min)
            ),
            PostRejection::KeyOutsidePrefix { key, prefix } => write!(
                f,
                "the key {key:?} is outside the prefix the policy allows: it must start with {prefix:?}"
            ),
            PostRejection::InvalidKey { reason } => write!(f, "invalid key: {reason}"),
            PostRejection::WrongContentType { content_type: Some(ct), expected } => write!(
                f,
                "wrong content type: the Content-Type field is {ct:?} but the policy requires {expected}"
            ),
            PostRejection::WrongContentType { content_type: None, expected } => write!(
                f,
                "the form has no Content-Type field but the policy requires {expected}: add a Content-Type field before the file"
            ),
            PostRejection::BucketMismatch { bucket, expected } => write!(
                f,
                "the form was posted to bucket {bucket:?} but the policy requires {expected}: post it to the URL the signer returned"
            ),
            PostRejection::ConditionFailed { field, value: Some(v), expected } => write!(
                f,
                "the field {field:?} is {v:?} but the policy requires {expected}"
            ),
            PostRejection::ConditionFailed { field, value: None, expected } => write!(
                f,
                "the form has no {field:?} field but the policy requires {expected}: add it"
            ),
            PostRejection::FieldNotAllowed { field } => write!(
                f,
                "the field {field:?} is not allowed by the policy: every field except file, policy, x-amz-signature and x-ignore-* needs a policy condition; remove it, rename it x-ignore-{field}, or sign a policy that allows it"
            ),
        }
    }
}

impl core::error::Error for PostRejection {}
