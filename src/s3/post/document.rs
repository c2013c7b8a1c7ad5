//! Signing a policy document the caller wrote (for drop-in replacements that must reproduce
//! another signer's JSON byte for byte), checked before it is signed.

use super::base64::base64_encode;
use super::builder::check_lifetime;
use super::policy::{invalid, Condition, Policy};
use super::presigned_post::PresignedPost;
use crate::encoding;
use crate::s3::Bucket;
use crate::signing::{ScopedKey, ALGORITHM};
use crate::{Credentials, Error, Timestamp};
use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// Signs a POST policy document written by the caller, as it is: the `policy` field is the
/// base64 of `policy_json` byte for byte, and its signature is made with the credentials'
/// scope for `now` on the bucket's region.
///
/// Use [`PostPolicy`](super::PostPolicy) unless you must reproduce another signer's JSON
/// exactly (e.g. botocore's `generate_presigned_post`). The document is checked first, so that
/// S3 does not refuse the form later:
///
/// - it parses as a policy ([`Policy::from_json`]) of at most
///   [`MAX_POLICY_LEN`](super::MAX_POLICY_LEN) bytes;
/// - its expiration is after `now`, at most seven days later, and not after the credentials
///   expire;
/// - a `bucket` condition, if present, names this bucket;
/// - it holds the exact conditions `x-amz-algorithm`, `x-amz-credential` and `x-amz-date` for
///   these credentials at `now` (and `x-amz-security-token` when they carry a session token):
///   S3 refuses a form field no condition covers.
///
/// The returned [`PresignedPost`] has the URL, the fields of every exact (`eq`) condition but
/// `bucket`, then `policy`, the `x-amz-*` fields and `x-amz-signature`.
///
/// # Errors
/// [`Error::InvalidPolicy`] saying what to change (or the credential errors above).
///
/// ```
/// use presign::s3::post::sign_document;
/// use presign::s3::{Bucket, Endpoint};
/// use presign::{Credentials, Timestamp};
///
/// let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
/// let bucket = Bucket::new(Endpoint::aws("eu-west-1")?, "my-uploads")?;
/// let now = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?;
/// let json = r#"{"expiration": "2026-11-23T13:00:00Z", "conditions": [{"acl": "private"}, {"bucket": "my-uploads"}, ["starts-with", "$key", "in/"], {"x-amz-algorithm": "AWS4-HMAC-SHA256"}, {"x-amz-credential": "AKIAIOSFODNN7EXAMPLE/20261123/eu-west-1/s3/aws4_request"}, {"x-amz-date": "20261123T120000Z"}]}"#;
/// let post = sign_document(&bucket, &creds, now, json)?;
/// assert_eq!(post.policy, json);
/// assert_eq!(post.field("acl"), Some("private"));
/// assert_eq!(post.field("x-amz-signature").map(str::len), Some(64));
///
/// // Without the x-amz-date condition, S3 would refuse the form: so does this.
/// let incomplete = json.replace(r#", {"x-amz-date": "20261123T120000Z"}"#, "");
/// let err = sign_document(&bucket, &creds, now, &incomplete).unwrap_err();
/// assert!(err.to_string().contains(r#"{"x-amz-date": "20261123T120000Z"}"#));
/// # Ok::<(), presign::Error>(())
/// ```
pub fn sign_document(
    bucket: &Bucket,
    credentials: &Credentials,
    now: Timestamp,
    policy_json: &str,
) -> Result<PresignedPost, Error> {
    let policy = Policy::from_json(policy_json)?;
    check_lifetime(credentials, now, policy.expiration)?;
    let endpoint = bucket.endpoint();
    let scoped = ScopedKey::new(credentials, now, endpoint.region(), endpoint.service())?;
    let amz_date = now.amz_date();
    let credential = format!("{}/{}", credentials.access_key_id(), scoped.scope());
    let value_of = |name: &str| {
        policy.conditions.iter().find_map(|c| match c {
            Condition::Eq { field, value } if field.eq_ignore_ascii_case(name) => {
                Some(value.as_str())
            }
            _ => None,
        })
    };
    if let Some(named) = value_of("bucket") {
        if named != bucket.name() {
            return Err(invalid(format!(
                "the policy's bucket condition names \"{}\", but the form goes to bucket \"{}\"",
                named.escape_debug(),
                bucket.name()
            )));
        }
    }
    let mut required = Vec::with_capacity(4);
    required.push(("x-amz-algorithm", ALGORITHM));
    required.push(("x-amz-credential", credential.as_str()));
    required.push(("x-amz-date", amz_date.as_str()));
    if let Some(token) = credentials.session_token() {
        required.push(("x-amz-security-token", token));
    }
    for (name, want) in &required {
        if value_of(name) != Some(*want) {
            // The token is a bearer secret: name it, never show it.
            let shown = if *name == "x-amz-security-token" {
                format!("{{\"{name}\": <the session token>}}")
            } else {
                format!("{{\"{name}\": \"{want}\"}}")
            };
            return Err(invalid(format!(
                "the policy must hold the condition {shown} for these credentials at this time (S3 refuses a form field no condition covers)"
            )));
        }
    }
    let base64 = base64_encode(policy_json.as_bytes());
    let signature = String::from(encoding::hex_str(&encoding::hex32(
        &scoped.sign(base64.as_bytes()),
    )));
    let mut fields: Vec<(String, String)> = Vec::with_capacity(policy.conditions.len() + 2);
    for c in &policy.conditions {
        if let Condition::Eq { field, value } = c {
            let auth = required.iter().any(|(n, _)| field.eq_ignore_ascii_case(n));
            if !auth && !field.eq_ignore_ascii_case("bucket") {
                fields.push((field.clone(), value.clone()));
            }
        }
    }
    fields.push(("policy".to_owned(), base64));
    for (name, value) in &required {
        fields.push(((*name).to_owned(), (*value).to_owned()));
    }
    fields.push(("x-amz-signature".to_owned(), signature));
    let mut url = String::with_capacity(bucket.origin().len() + bucket.path_prefix().len() + 1);
    url.push_str(bucket.origin());
    url.push_str(bucket.path_prefix());
    url.push('/');
    Ok(PresignedPost {
        url,
        fields,
        policy: policy_json.to_owned(),
        conditions: policy.conditions,
        signed_at: now,
        expires_at: policy.expiration,
    })
}
