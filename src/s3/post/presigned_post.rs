//! A signed POST form: URL and fields (the HTML form and page: `html.rs`).

use super::json_writer::write_json_string;
use super::policy::Condition;
use crate::Timestamp;
use alloc::string::String;
use alloc::vec::Vec;

pub(super) fn xml_escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
}

/// A signed POST form: where to send it and what it must carry.
///
/// Send `multipart/form-data` to [`url`](PresignedPost::url) with every entry of
/// [`fields`](PresignedPost::fields), any [`caller_fields`](PresignedPost::caller_fields) the
/// form fills in, and the file as the part named `file`, **last** (S3 ignores fields after it).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PresignedPost {
    /// The form action: `https://BUCKET.s3.REGION.amazonaws.com/` (virtual-hosted) or
    /// `https://HOST/BUCKET/` (path-style).
    pub url: String,
    /// The form fields in order: `key`; the fields of the exact-value conditions set on the
    /// builder, in the order first set; `policy`; `x-amz-algorithm`; `x-amz-credential`;
    /// `x-amz-date`; `x-amz-security-token` (temporary credentials only); `x-amz-signature`.
    pub fields: Vec<(String, String)>,
    /// The policy document (JSON) whose base64 is the `policy` field.
    pub policy: String,
    /// The conditions of the policy, in document order.
    pub conditions: Vec<Condition>,
    /// The signing time.
    pub signed_at: Timestamp,
    /// The first instant at which S3 refuses the form.
    pub expires_at: Timestamp,
}

impl PresignedPost {
    /// The value of the field `name` (case-insensitive), if the form carries it.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The fields the form itself must fill in, with the prefix each value must start with: the
    /// `starts-with` conditions other than the key's (whose field is in
    /// [`fields`](PresignedPost::fields)), e.g. `("Content-Type", "image/")`. A missing field
    /// counts as empty, so one with an empty prefix may be left out.
    pub fn caller_fields(&self) -> Vec<(&str, &str)> {
        self.conditions
            .iter()
            .filter_map(|c| match c {
                Condition::StartsWith { field, prefix } if !field.eq_ignore_ascii_case("key") => {
                    Some((field.as_str(), prefix.as_str()))
                }
                _ => None,
            })
            .collect()
    }

    /// The fields as a JSON object, with the URL: `{"url": "...", "fields": {"key": "...", ...}}`
    /// (member order is the field order).
    ///
    /// ```
    /// # use presign::s3::post::PostPolicy;
    /// # use presign::s3::{Bucket, Endpoint};
    /// # use presign::{Credentials, Timestamp};
    /// # let creds = Credentials::new("AKID", "secret")?;
    /// # let bucket = Bucket::new(Endpoint::aws("us-east-1")?, "bkt")?;
    /// let post = PostPolicy::new(&bucket).key("a.txt").sign(&creds, Timestamp::UNIX_EPOCH)?;
    /// assert!(post.to_json().starts_with(r#"{"url": "https://bkt.s3.us-east-1.amazonaws.com/", "fields": {"key": "a.txt", "policy": ""#));
    /// # Ok::<(), presign::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(
            self.url.len()
                + 64
                + self
                    .fields
                    .iter()
                    .map(|(n, v)| n.len() + v.len() + 8)
                    .sum::<usize>(),
        );
        out.push_str("{\"url\": ");
        write_json_string(&mut out, &self.url);
        out.push_str(", \"fields\": {");
        for (i, (n, v)) in self.fields.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_json_string(&mut out, n);
            out.push_str(": ");
            write_json_string(&mut out, v);
        }
        out.push_str("}}");
        out
    }
}
