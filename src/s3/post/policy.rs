//! The policy document: conditions, expiration, its JSON text and signature.

use super::base64::{base64_decode, base64_encode};
use super::json_parser::{Json, Parser};
use super::json_writer::write_json_string;
use crate::{Error, Timestamp};
use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;

/// The largest policy document (decoded JSON) built or accepted: 20 KiB, S3's limit on the
/// form fields that precede the file.
pub const MAX_POLICY_LEN: usize = 20 * 1024;

/// One condition of a POST policy. Field names are written without the `$` that the array forms
/// put before them, and compare case-insensitively (S3 lower-cases form field names).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Condition {
    /// The field must equal `value`: `{"field": "value"}` (or `["eq", "$field", "value"]`).
    Eq {
        /// The form field name (`bucket` is the bucket of the URL).
        field: String,
        /// The exact value.
        value: String,
    },
    /// The field must start with `prefix`: `["starts-with", "$field", "prefix"]`. An empty
    /// prefix allows any value.
    StartsWith {
        /// The form field name.
        field: String,
        /// The required prefix.
        prefix: String,
    },
    /// The file must be `min..=max` bytes long: `["content-length-range", min, max]`.
    ContentLengthRange {
        /// The smallest size allowed, in bytes.
        min: u64,
        /// The largest size allowed, in bytes.
        max: u64,
    },
}

impl Condition {
    /// The form field the condition constrains; `None` for `content-length-range`.
    ///
    /// ```
    /// use presign::s3::post::Condition;
    /// let c = Condition::StartsWith { field: "key".into(), prefix: "a/".into() };
    /// assert_eq!(c.field(), Some("key"));
    /// assert_eq!(Condition::ContentLengthRange { min: 0, max: 9 }.field(), None);
    /// ```
    pub fn field(&self) -> Option<&str> {
        match self {
            Condition::Eq { field, .. } | Condition::StartsWith { field, .. } => Some(field),
            Condition::ContentLengthRange { .. } => None,
        }
    }

    fn write_json(&self, out: &mut String) {
        match self {
            Condition::Eq { field, value } => {
                out.push('{');
                write_json_string(out, field);
                out.push_str(": ");
                write_json_string(out, value);
                out.push('}');
            }
            Condition::StartsWith { field, prefix } => {
                out.push_str("[\"starts-with\", ");
                let mut dollar = String::with_capacity(field.len() + 1);
                dollar.push('$');
                dollar.push_str(field);
                write_json_string(out, &dollar);
                out.push_str(", ");
                write_json_string(out, prefix);
                out.push(']');
            }
            Condition::ContentLengthRange { min, max } => {
                let _ = write!(out, "[\"content-length-range\", {min}, {max}]");
            }
        }
    }
}

/// A POST policy document: an expiration and conditions.
///
/// ```
/// use presign::s3::post::{Condition, Policy};
/// use presign::Timestamp;
///
/// let policy = Policy {
///     expiration: Timestamp::parse_rfc3339("2015-12-30T12:00:00Z")?,
///     conditions: vec![
///         Condition::Eq { field: "bucket".into(), value: "b".into() },
///         Condition::StartsWith { field: "key".into(), prefix: "user/".into() },
///         Condition::ContentLengthRange { min: 1, max: 1024 },
///     ],
/// };
/// let json = policy.to_json();
/// assert_eq!(json, r#"{"expiration": "2015-12-30T12:00:00Z", "conditions": [{"bucket": "b"}, ["starts-with", "$key", "user/"], ["content-length-range", 1, 1024]]}"#);
/// assert_eq!(Policy::from_base64(&policy.to_base64())?, policy);
/// # Ok::<(), presign::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// The first instant at which S3 refuses the form.
    pub expiration: Timestamp,
    /// The conditions, in document order.
    pub conditions: Vec<Condition>,
}

impl Policy {
    /// The JSON document, as botocore (Python's `json.dumps`) writes it.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(64 + self.conditions.len() * 48);
        let _ = write!(
            out,
            "{{\"expiration\": \"{}\", \"conditions\": [",
            self.expiration
        );
        for (i, c) in self.conditions.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            c.write_json(&mut out);
        }
        out.push_str("]}");
        out
    }

    /// The base64 text of [`to_json`](Policy::to_json): the `policy` form field, and the
    /// string that is signed.
    pub fn to_base64(&self) -> String {
        base64_encode(self.to_json().as_bytes())
    }

    /// Parses a policy document. The parser is bounded ([`MAX_POLICY_LEN`] bytes, nesting depth
    /// 8) and never panics. It accepts JSON objects, arrays, strings (with every JSON escape and
    /// the `\$` and `\v` escapes of the S3 documentation) and integers; the document must have
    /// exactly the members `expiration` (ISO 8601, e.g. `2015-12-30T12:00:00.000Z`) and
    /// `conditions`. A condition is an object of exact matches, or an array
    /// `["eq" | "starts-with", "$field", "text"]` or `["content-length-range", min, max]`.
    ///
    /// # Errors
    /// [`Error::InvalidPolicy`] with the reason and the byte offset.
    pub fn from_json(json: &str) -> Result<Policy, Error> {
        if json.len() > MAX_POLICY_LEN {
            return Err(invalid(format!(
                "the policy is {} bytes, over the {MAX_POLICY_LEN}-byte limit",
                json.len()
            )));
        }
        let mut p = Parser {
            b: json.as_bytes(),
            i: 0,
        };
        let root = p.value(0)?;
        p.ws();
        if p.i != p.b.len() {
            return Err(p.err("text after the end of the policy document"));
        }
        let Json::Obj(members) = root else {
            return Err(invalid(
                "the policy must be a JSON object with \"expiration\" and \"conditions\"",
            ));
        };
        let mut expiration = None;
        let mut conditions = None;
        for (name, value) in members {
            match (name.as_str(), value) {
                ("expiration", _) if expiration.is_some() => return Err(invalid("\"expiration\" appears twice")),
                ("conditions", _) if conditions.is_some() => return Err(invalid("\"conditions\" appears twice")),
                ("expiration", Json::Str(s)) => {
                    expiration = Some(Timestamp::parse_rfc3339(&s).map_err(|_| {
                        invalid(format!(
                            "\"expiration\" is {s:?}: write an ISO 8601 UTC date-time such as 2015-12-30T12:00:00.000Z"
                        ))
                    })?);
                }
                ("expiration", _) => return Err(invalid("\"expiration\" must be a string")),
                ("conditions", Json::Arr(items)) => {
                    let mut all = Vec::with_capacity(items.len());
                    for item in items {
                        conditions_from_json(item, &mut all)?;
                    }
                    conditions = Some(all);
                }
                ("conditions", _) => return Err(invalid("\"conditions\" must be an array")),
                (other, _) => {
                    return Err(invalid(format!(
                        "unexpected member {other:?}: a policy has only \"expiration\" and \"conditions\""
                    )))
                }
            }
        }
        let expiration = expiration.ok_or_else(|| invalid("the policy has no \"expiration\""))?;
        let conditions = conditions.ok_or_else(|| invalid("the policy has no \"conditions\""))?;
        Ok(Policy {
            expiration,
            conditions,
        })
    }

    /// Decodes the base64 `policy` field and parses it with [`from_json`](Policy::from_json).
    ///
    /// # Errors
    /// [`Error::InvalidPolicy`].
    pub fn from_base64(text: &str) -> Result<Policy, Error> {
        if text.len() > 2 * MAX_POLICY_LEN {
            return Err(invalid(format!(
                "the policy field is {} bytes, far over the {MAX_POLICY_LEN}-byte limit",
                text.len()
            )));
        }
        let bytes = base64_decode(text)?;
        let json =
            core::str::from_utf8(&bytes).map_err(|_| invalid("the decoded policy is not UTF-8"))?;
        Policy::from_json(json)
    }
}

pub(super) fn invalid(reason: impl Into<String>) -> Error {
    Error::InvalidPolicy {
        reason: reason.into(),
    }
}

fn conditions_from_json(value: Json, out: &mut Vec<Condition>) -> Result<(), Error> {
    match value {
        Json::Obj(members) => {
            // An object is one exact match per member: {"acl": "private", "bucket": "b"}.
            if members.is_empty() {
                return Err(invalid("an empty object is not a condition"));
            }
            for (field, v) in members {
                let Json::Str(value) = v else {
                    return Err(invalid(format!(
                        "the value of the {field:?} condition must be a string"
                    )));
                };
                if field.is_empty() {
                    return Err(invalid("a condition names an empty field"));
                }
                out.push(Condition::Eq { field, value });
            }
            Ok(())
        }
        Json::Arr(items) => {
            let mut it = items.into_iter();
            let (Some(op), Some(a), Some(b), None) = (it.next(), it.next(), it.next(), it.next())
            else {
                return Err(invalid("an array condition has exactly three elements: [operator, field or min, value or max]"));
            };
            let Json::Str(op) = op else {
                return Err(invalid(
                    "the first element of an array condition must be the operator string",
                ));
            };
            if op.eq_ignore_ascii_case("content-length-range") {
                let (Json::Int(min), Json::Int(max)) = (a, b) else {
                    return Err(invalid("content-length-range takes two integers: [\"content-length-range\", min, max]"));
                };
                let (Ok(min), Ok(max)) = (u64::try_from(min), u64::try_from(max)) else {
                    return Err(invalid(
                        "content-length-range bounds must be 0 ..= 18446744073709551615",
                    ));
                };
                if min > max {
                    return Err(invalid(format!(
                        "content-length-range minimum {min} is larger than its maximum {max}"
                    )));
                }
                out.push(Condition::ContentLengthRange { min, max });
                return Ok(());
            }
            let eq = op.eq_ignore_ascii_case("eq");
            if !eq && !op.eq_ignore_ascii_case("starts-with") {
                return Err(invalid(format!(
                    "unknown condition operator {op:?}: use \"eq\", \"starts-with\" or \"content-length-range\""
                )));
            }
            let (Json::Str(field), Json::Str(text)) = (a, b) else {
                return Err(invalid(format!(
                    "[\"{op}\", \"$field\", \"value\"] takes two strings"
                )));
            };
            let Some(field) = field.strip_prefix('$').filter(|f| !f.is_empty()) else {
                return Err(invalid(format!(
                    "the field {field:?} of a {op:?} condition must be written with a leading '$', e.g. \"$key\""
                )));
            };
            let field = field.to_owned();
            out.push(if eq {
                Condition::Eq { field, value: text }
            } else {
                Condition::StartsWith {
                    field,
                    prefix: text,
                }
            });
            Ok(())
        }
        _ => Err(invalid("a condition must be an object or an array")),
    }
}
