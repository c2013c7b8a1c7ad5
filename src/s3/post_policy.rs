//! Browser form uploads: presigned POST policies (S3 "POST Object" with a signed policy), and
//! the verification of a submitted form.
//!
//! A presigned PUT URL cannot cap the size of what is uploaded; a POST policy can
//! (`content-length-range`), and it can let the uploader pick the key inside a prefix. The server
//! signs a JSON policy listing what the form may contain; the browser submits the fields below
//! plus the file as `multipart/form-data` to [`PresignedPost::url`].
//!
//! ```
//! use presign::s3::post_policy::PostPolicy;
//! use presign::s3::{Bucket, Endpoint};
//! use presign::{Credentials, Timestamp};
//!
//! let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
//! let bucket = Bucket::new(Endpoint::aws("eu-west-1")?, "my-uploads")?;
//! let now = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?; // the caller reads the clock
//! let post = PostPolicy::new(&bucket)
//!     .key_starts_with("users/alice/")
//!     .content_length_range(1, 10 * 1024 * 1024)
//!     .content_type_starts_with("image/")
//!     .expires_in(600)
//!     .sign(&creds, now)?;
//! assert_eq!(post.url, "https://my-uploads.s3.eu-west-1.amazonaws.com/");
//! let names: Vec<&str> = post.fields.iter().map(|(n, _)| n.as_str()).collect();
//! assert_eq!(names, ["key", "policy", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-signature"]);
//! assert_eq!(post.field("key"), Some("users/alice/${filename}"));
//! // The form must also carry a Content-Type starting with "image/", then the file, last.
//! assert_eq!(post.caller_fields(), [("Content-Type", "image/")]);
//! # Ok::<(), presign::Error>(())
//! ```
//!
//! # The policy
//!
//! The policy is written as Python's `json.dumps` writes it (botocore's `generate_presigned_post`):
//! `", "` and `": "` separators, non-ASCII as `\uXXXX`, and the expiration as
//! `%Y-%m-%dT%H:%M:%SZ`. Its conditions come in this order:
//!
//! 1. `{"bucket": NAME}`;
//! 2. the key: `{"key": KEY}`, or `["starts-with", "$key", PREFIX]` for
//!    [`key_starts_with`](PostPolicy::key_starts_with) and for a key ending in `${filename}`
//!    (the prefix is the key without `${filename}`, as botocore does);
//! 3. the caller's conditions, in the order first set (setting a field again replaces its
//!    condition in place; field names compare case-insensitively);
//! 4. `x-amz-algorithm`, `x-amz-credential`, `x-amz-date`, and `x-amz-security-token` when the
//!    credentials carry a session token.
//!
//! # Expiry
//!
//! S3 accepts any expiration in a POST policy; this crate caps it at [`MAX_POST_EXPIRY`] (seven
//! days, as for presigned URLs): a signed form is a bearer credential, and a week-old signing
//! scope is a smell. The default is [`DEFAULT_POST_EXPIRY`] (one hour, as botocore). A form can
//! never outlive temporary credentials ([`Error::ExpiresAfterCredentials`]).
//!
//! # Verification
//!
//! [`PostVerifier`] checks a submitted form as S3 does (algorithm, credential scope, date,
//! signature over the `policy` text, expiration, every condition, and that every field is
//! covered by a condition) and explains a refusal in a [`PostRejection`].

use crate::encoding;
use crate::s3::{validate_key, Bucket};
use crate::signing::{constant_time_eq, ScopedKey, SigningKey, ALGORITHM};
use crate::{Credentials, Error, Timestamp};
use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::{self, Write as _};

/// The largest policy document (decoded JSON) built or accepted: 20 KiB, S3's limit on the
/// form fields that precede the file.
pub const MAX_POLICY_LEN: usize = 20 * 1024;

/// The longest a form may stay valid after signing: 604800 s (seven days).
pub const MAX_POST_EXPIRY: u64 = 604_800;

/// The validity when none is set: 3600 s, as botocore.
pub const DEFAULT_POST_EXPIRY: u64 = 3600;

/// The variable S3 replaces in the `key` field with the name of the uploaded file.
pub const FILENAME_VARIABLE: &str = "${filename}";

/// The most fields [`PostVerifier`] looks at in one form.
pub const MAX_FORM_FIELDS: usize = 256;

/// The most bytes of field names and values (the file excluded) [`PostVerifier`] looks at.
pub const MAX_FORM_BYTES: usize = 64 * 1024;

/// How far in the future (by the verifier's clock) an `x-amz-date` may be: 15 minutes, as S3.
pub const DEFAULT_MAX_CLOCK_SKEW: u64 = 900;

// ---------------------------------------------------------------------------------------------
// Base64
// ---------------------------------------------------------------------------------------------

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 (RFC 4648 §4, with `=` padding), as S3 wants the `policy` field.
///
/// ```
/// use presign::s3::post_policy::base64_encode;
/// assert_eq!(base64_encode(b"{ \"a\""), "eyAiYSI=");
/// ```
pub fn base64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b1 = chunk.get(1).copied().unwrap_or(0);
        let b2 = chunk.get(2).copied().unwrap_or(0);
        let n = (u32::from(chunk[0]) << 16) | (u32::from(b1) << 8) | u32::from(b2);
        let sextet = |shift: u32| char::from(B64[((n >> shift) & 63) as usize]);
        out.push(sextet(18));
        out.push(sextet(12));
        out.push(if chunk.len() > 1 { sextet(6) } else { '=' });
        out.push(if chunk.len() > 2 { sextet(0) } else { '=' });
    }
    out
}

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Decodes standard base64 with `=` padding. ASCII whitespace (space, tab, CR, LF) is skipped,
/// since some encoders wrap lines; anything else outside the alphabet, bad padding, a length
/// that is not a multiple of four, or non-zero bits after the last byte is refused.
///
/// # Errors
/// [`Error::InvalidPolicy`], saying what is wrong.
///
/// ```
/// use presign::s3::post_policy::base64_decode;
/// assert_eq!(base64_decode("eyAiYSI=")?, b"{ \"a\"");
/// assert!(base64_decode("eyAiYSI").is_err());
/// # Ok::<(), presign::Error>(())
/// ```
pub fn base64_decode(text: &str) -> Result<Vec<u8>, Error> {
    let fail = |what: &str| Error::InvalidPolicy {
        reason: format!("the policy is not valid base64: {what}"),
    };
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut quad = [0u8; 4];
    let mut n = 0;
    let mut pad = 0;
    let mut finished = false;
    for &c in text.as_bytes() {
        if matches!(c, b' ' | b'\t' | b'\r' | b'\n') {
            continue;
        }
        if finished {
            return Err(fail("text after the final padding"));
        }
        if c == b'=' {
            if n < 2 {
                return Err(fail("misplaced '=' padding"));
            }
            pad += 1;
            quad[n] = 0;
        } else {
            if pad > 0 {
                return Err(fail("text after '=' padding"));
            }
            quad[n] = b64_value(c).ok_or_else(|| fail("a character outside A-Z a-z 0-9 + / ="))?;
        }
        n += 1;
        if n == 4 {
            let v = (u32::from(quad[0]) << 18)
                | (u32::from(quad[1]) << 12)
                | (u32::from(quad[2]) << 6)
                | u32::from(quad[3]);
            let bytes = [(v >> 16) as u8, (v >> 8) as u8, v as u8];
            let keep = 3 - pad;
            if (pad == 1 && quad[2] & 0b11 != 0) || (pad == 2 && quad[1] & 0b1111 != 0) {
                return Err(fail("non-zero bits after the last byte"));
            }
            out.extend_from_slice(&bytes[..keep]);
            n = 0;
            finished = pad > 0;
        }
    }
    if n != 0 {
        return Err(fail(
            "its length is not a multiple of 4 (padding missing or text truncated)",
        ));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// JSON writing
// ---------------------------------------------------------------------------------------------

/// Appends `s` as a JSON string literal, escaped as Python's `json.dumps` (with its default
/// `ensure_ascii`): `"` and `\` escaped, `\b \f \n \r \t`, other control and non-ASCII
/// characters as `\uXXXX` (lower-case hex, UTF-16 surrogate pairs beyond the BMP). The output is
/// pure ASCII.
///
/// ```
/// use presign::s3::post_policy::write_json_string;
/// let mut s = String::new();
/// write_json_string(&mut s, "a\"b\\c\n\u{1}é😀/");
/// assert_eq!(s, r#""a\"b\\c\n\u0001\u00e9\ud83d\ude00/""#);
/// ```
pub fn write_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    // Writing to a String cannot fail.
                    let _ = write!(out, "\\u{u:04x}");
                }
            }
        }
    }
    out.push('"');
}

// ---------------------------------------------------------------------------------------------
// Conditions and the policy document
// ---------------------------------------------------------------------------------------------

/// One condition of a POST policy. Field names are written without the `$` that the array forms
/// put before them, and compare case-insensitively (S3 lower-cases form field names).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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
    /// use presign::s3::post_policy::Condition;
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
/// use presign::s3::post_policy::{Condition, Policy};
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

fn invalid(reason: impl Into<String>) -> Error {
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

// ---------------------------------------------------------------------------------------------
// A small bounded JSON parser
// ---------------------------------------------------------------------------------------------

enum Json {
    Str(String),
    Int(i128),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

const MAX_DEPTH: usize = 8;

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn err(&self, what: &str) -> Error {
        invalid(format!("malformed JSON at byte {}: {what}", self.i))
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\r' | b'\n') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, Error> {
        if depth >= MAX_DEPTH {
            return Err(self.err("nested too deeply"));
        }
        self.ws();
        match self.b.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                let mut members = Vec::new();
                if self.eat(b'}') {
                    return Ok(Json::Obj(members));
                }
                loop {
                    self.ws();
                    if self.b.get(self.i) != Some(&b'"') {
                        return Err(self.err("expected a member name in double quotes"));
                    }
                    let name = self.string()?;
                    if !self.eat(b':') {
                        return Err(self.err("expected ':' after a member name"));
                    }
                    let v = self.value(depth + 1)?;
                    if members.iter().any(|(n, _)| *n == name) {
                        return Err(invalid(format!(
                            "member {name:?} appears twice in one object"
                        )));
                    }
                    members.push((name, v));
                    if self.eat(b',') {
                        continue;
                    }
                    if self.eat(b'}') {
                        return Ok(Json::Obj(members));
                    }
                    return Err(self.err("expected ',' or '}' (no trailing commas)"));
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b',') {
                        continue;
                    }
                    if self.eat(b']') {
                        return Ok(Json::Arr(items));
                    }
                    return Err(self.err("expected ',' or ']' (no trailing commas)"));
                }
            }
            Some(b'"') => Ok(Json::Str(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't' | b'f' | b'n') => {
                Err(self.err("true, false and null have no meaning in a POST policy"))
            }
            Some(_) => Err(self.err("unexpected character")),
            None => Err(self.err("unexpected end of the document")),
        }
    }

    fn number(&mut self) -> Result<Json, Error> {
        let negative = self.b.get(self.i) == Some(&b'-');
        if negative {
            self.i += 1;
        }
        let start = self.i;
        let mut v: i128 = 0;
        while let Some(&d @ b'0'..=b'9') = self.b.get(self.i) {
            let digit = i128::from(d - b'0');
            v = v
                .checked_mul(10)
                .and_then(|v| {
                    if negative {
                        v.checked_sub(digit)
                    } else {
                        v.checked_add(digit)
                    }
                })
                .ok_or_else(|| self.err("integer too large"))?;
            self.i += 1;
        }
        let len = self.i - start;
        if len == 0 {
            return Err(self.err("expected digits"));
        }
        if len > 1 && self.b[start] == b'0' {
            return Err(self.err("numbers must not have leading zeros"));
        }
        if let Some(b'.' | b'e' | b'E') = self.b.get(self.i) {
            return Err(self.err("numbers in a POST policy must be integers"));
        }
        Ok(Json::Int(v))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = self
                .b
                .get(self.i)
                .and_then(|c| char::from(*c).to_digit(16))
                .ok_or_else(|| self.err("\\u must be followed by four hex digits"))?;
            v = v * 16 + d;
            self.i += 1;
        }
        Ok(v)
    }

    fn string(&mut self) -> Result<String, Error> {
        // At the opening quote.
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(&c) = self.b.get(self.i) else {
                return Err(self.err("unterminated string"));
            };
            self.i += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    let Some(&e) = self.b.get(self.i) else {
                        return Err(self.err("unterminated escape"));
                    };
                    self.i += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'$' => '$',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'v' => '\u{b}',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if self.b.get(self.i) != Some(&b'\\')
                                    || self.b.get(self.i + 1) != Some(&b'u')
                                {
                                    return Err(self.err(
                                        "a high surrogate must be followed by a \\u low surrogate",
                                    ));
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.err("invalid low surrogate"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code)
                                .ok_or_else(|| self.err("a lone surrogate is not a character"))?
                        }
                        _ => return Err(self.err("unknown escape")),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                0x00..=0x1f => {
                    return Err(self.err("a raw control character in a string (escape it)"))
                }
                _ => out.push(c),
            }
            if out.len() > MAX_POLICY_LEN {
                return Err(self.err("string too long"));
            }
        }
        // The input is a &str and escapes end on ASCII bytes, so this cannot fail; stay total.
        String::from_utf8(out).map_err(|_| self.err("invalid UTF-8"))
    }
}

// ---------------------------------------------------------------------------------------------
// Signing
// ---------------------------------------------------------------------------------------------

/// Signs a base64 policy: `hex(HMAC-SHA256(signing_key, base64_policy))`, the `x-amz-signature`
/// of a POST form. The base64 text itself is the string to sign.
///
/// ```
/// use presign::s3::post_policy::sign_policy;
/// use presign::signing::SigningKey;
///
/// let key = SigningKey::derive("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "20151229", "us-east-1", "s3");
/// let sig = sign_policy(&key, "eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiIH0=");
/// assert_eq!(sig.len(), 64);
/// ```
pub fn sign_policy(signing_key: &SigningKey, base64_policy: &str) -> String {
    let raw = signing_key.sign(base64_policy.as_bytes());
    String::from(encoding::hex_str(&encoding::hex32(&raw)))
}

// ---------------------------------------------------------------------------------------------
// The builder
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expiry {
    In(u64),
    At(Timestamp),
}

const AUTO_FIELDS: [&str; 5] = [
    "x-amz-algorithm",
    "x-amz-credential",
    "x-amz-date",
    "x-amz-security-token",
    "x-amz-signature",
];

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
/// use presign::s3::post_policy::PostPolicy;
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
    pub fn expires_in(mut self, seconds: u64) -> Self {
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
    /// # use presign::s3::post_policy::PostPolicy;
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
            Expiry::At(t) if t <= now => {
                return Err(invalid(format!(
                    "the expiration {t} is not after the signing time {now}: the form would be refused at once"
                )))
            }
            Expiry::At(t) if (t.unix() - now.unix()) as u64 > MAX_POST_EXPIRY => {
                return Err(invalid(format!(
                    "the expiration {t} is more than {MAX_POST_EXPIRY} s (7 days) after the signing time {now}"
                )))
            }
            Expiry::At(t) => t,
        };
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

fn eq(field: &str, value: &str) -> Condition {
    Condition::Eq {
        field: field.to_owned(),
        value: value.to_owned(),
    }
}

fn starts_with(field: &str, prefix: &str) -> Condition {
    Condition::StartsWith {
        field: field.to_owned(),
        prefix: prefix.to_owned(),
    }
}

fn is_exempt(name: &str) -> bool {
    ["x-amz-signature", "file", "policy"]
        .iter()
        .any(|e| e.eq_ignore_ascii_case(name))
        || starts_with_ignore_case(name, "x-ignore-")
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn check_field_name(name: &str) -> Result<(), Error> {
    let shown = escape_debug(name);
    if name.is_empty() || name.len() > 256 {
        return Err(invalid(format!(
            "field name {shown} must be 1 to 256 bytes"
        )));
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\')
    {
        return Err(invalid(format!(
            "field name {shown} must be visible ASCII without spaces, quotes or backslashes (it is written into the multipart body)"
        )));
    }
    if name.starts_with('$') {
        return Err(invalid(format!(
            "field name {shown} must not start with '$' (the policy adds it where needed)"
        )));
    }
    let reserved = ["key", "bucket", "content-length-range"]
        .iter()
        .chain(AUTO_FIELDS.iter())
        .any(|r| r.eq_ignore_ascii_case(name))
        || is_exempt(name);
    if reserved {
        return Err(invalid(format!(
            "field {shown} is set by the signer or ignored by S3: use .key()/.key_starts_with() for the key; the bucket, policy, credential, date, token and signature are automatic"
        )));
    }
    if let Some(meta) = name
        .get(..11)
        .filter(|p| p.eq_ignore_ascii_case("x-amz-meta-"))
        .map(|_| &name[11..])
    {
        let tchar = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
        if meta.is_empty() || !meta.bytes().all(tchar) {
            return Err(invalid(format!(
                "metadata name in {shown} must be a non-empty HTTP token (letters, digits, -_.)"
            )));
        }
    }
    Ok(())
}

fn check_value(field: &str, value: &str) -> Result<(), Error> {
    if value.chars().any(char::is_control) {
        return Err(invalid(format!(
            "the value of field {} contains a control character (CR, LF, NUL, tab...): remove it",
            escape_debug(field)
        )));
    }
    Ok(())
}

fn escape_debug(s: &str) -> String {
    format!("{s:?}")
}

fn xml_escape(out: &mut String, s: &str) {
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

fn html_escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
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
    /// # use presign::s3::post_policy::PostPolicy;
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

    /// A ready HTML form: hidden inputs for [`fields`](PresignedPost::fields), a text input for
    /// each of [`caller_fields`](PresignedPost::caller_fields) (pre-filled with the prefix), the
    /// file input last and an unnamed submit button (a named one would be a field the policy
    /// does not allow). Every value is HTML-escaped.
    ///
    /// ```
    /// # use presign::s3::post_policy::PostPolicy;
    /// # use presign::s3::{Bucket, Endpoint};
    /// # use presign::{Credentials, Timestamp};
    /// # let creds = Credentials::new("AKID", "secret")?;
    /// # let bucket = Bucket::new(Endpoint::aws("us-east-1")?, "bkt")?;
    /// let post = PostPolicy::new(&bucket).key_starts_with("in/").sign(&creds, Timestamp::UNIX_EPOCH)?;
    /// let html = post.html_form();
    /// assert!(html.starts_with(r#"<form action="https://bkt.s3.us-east-1.amazonaws.com/" method="post" enctype="multipart/form-data">"#));
    /// assert!(html.contains(r#"<input type="hidden" name="key" value="in/${filename}">"#));
    /// assert!(html.find(r#"name="file""#) > html.find(r#"name="x-amz-signature""#));
    /// # Ok::<(), presign::Error>(())
    /// ```
    pub fn html_form(&self) -> String {
        let mut out = String::with_capacity(
            1024 + self
                .fields
                .iter()
                .map(|(n, v)| n.len() + v.len() + 48)
                .sum::<usize>(),
        );
        out.push_str("<form action=\"");
        html_escape(&mut out, &self.url);
        out.push_str("\" method=\"post\" enctype=\"multipart/form-data\">\n");
        for (n, v) in &self.fields {
            out.push_str("  <input type=\"hidden\" name=\"");
            html_escape(&mut out, n);
            out.push_str("\" value=\"");
            html_escape(&mut out, v);
            out.push_str("\">\n");
        }
        for (n, prefix) in self.caller_fields() {
            out.push_str("  <label>");
            html_escape(&mut out, n);
            if !prefix.is_empty() {
                out.push_str(" (must start with \u{201c}");
                html_escape(&mut out, prefix);
                out.push_str("\u{201d})");
            }
            out.push_str(" <input type=\"text\" name=\"");
            html_escape(&mut out, n);
            out.push_str("\" value=\"");
            html_escape(&mut out, prefix);
            out.push_str("\"></label>\n");
        }
        out.push_str("  <input type=\"file\" name=\"file\">\n  <input type=\"submit\" value=\"Upload\">\n</form>\n");
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------

/// A submitted POST form, as the server received it (the file part excluded).
///
/// ```
/// use presign::s3::post_policy::PostForm;
/// let form = PostForm::new("my-bucket", [("key", "in/${filename}"), ("policy", "...")], 1234).file_name("cat.png");
/// assert_eq!(form.fields.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostForm {
    /// The bucket of the URL the form was posted to.
    pub bucket: String,
    /// The form fields as submitted, in order, without the `file` part.
    pub fields: Vec<(String, String)>,
    /// The file name from the `file` part's `Content-Disposition` (substituted for
    /// `${filename}` in the key).
    pub file_name: Option<String>,
    /// The size of the file in bytes.
    pub file_size: u64,
}

impl PostForm {
    /// A form posted to `bucket` with `fields` and a file of `file_size` bytes.
    pub fn new<I, N, V>(bucket: &str, fields: I, file_size: u64) -> Self
    where
        I: IntoIterator<Item = (N, V)>,
        N: Into<String>,
        V: Into<String>,
    {
        PostForm {
            bucket: bucket.to_owned(),
            fields: fields
                .into_iter()
                .map(|(n, v)| (n.into(), v.into()))
                .collect(),
            file_name: None,
            file_size,
        }
    }

    /// Sets the uploaded file's name.
    pub fn file_name(mut self, name: &str) -> Self {
        self.file_name = Some(name.to_owned());
        self
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What a condition wanted.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// The form has more than [`MAX_FORM_FIELDS`] fields or [`MAX_FORM_BYTES`] bytes of them.
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

struct Bytes(u64);

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

struct Duration(u64);

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

#[cfg(feature = "std")]
impl std::error::Error for PostRejection {}

/// A form that passed verification.
#[derive(Clone, Debug, PartialEq, Eq)]
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
/// use presign::s3::post_policy::{PostForm, PostPolicy, PostRejection, PostVerifier};
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
    pub fn max_clock_skew(mut self, seconds: u64) -> Self {
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

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn base64_round_trips_and_refuses_garbage() {
        for n in 0..40usize {
            let data: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(base64_decode(&base64_encode(&data)).unwrap(), data);
        }
        assert_eq!(base64_decode("eyAi\r\nYSI=").unwrap(), b"{ \"a\"");
        for bad in [
            "e",
            "eyA",
            "eyA!",
            "ey=A",
            "=eyA",
            "eyAiYS==",
            "eyAiYSI=eyAi",
            "eyAiYSI=\n=",
            "eQ=x",
        ] {
            assert!(base64_decode(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn json_parser_is_total_on_truncations() {
        let doc = r#"{"expiration": "2015-12-30T12:00:00.000Z", "conditions": [{"bucket": "b"}, ["starts-with", "$key", "a\u00e9\ud83d\ude00"], ["content-length-range", 0, 10]]}"#;
        let p = Policy::from_json(doc).unwrap();
        assert_eq!(
            p.conditions[1],
            Condition::StartsWith {
                field: "key".into(),
                prefix: "aé😀".into()
            }
        );
        for i in 0..doc.len() {
            if doc.is_char_boundary(i) {
                assert!(Policy::from_json(&doc[..i]).is_err(), "{i}");
            }
        }
        let deep = "[".repeat(100);
        assert!(Policy::from_json(&deep).is_err());
    }

    #[test]
    fn json_writer_matches_python() {
        let mut s = String::new();
        write_json_string(&mut s, "\u{7f}\u{1f}\u{8}\u{c}");
        assert_eq!(s, r#""\u007f\u001f\b\f""#);
        let p = Policy {
            expiration: Timestamp::UNIX_EPOCH,
            conditions: vec![Condition::ContentLengthRange {
                min: 0,
                max: u64::MAX,
            }],
        };
        assert_eq!(Policy::from_json(&p.to_json()).unwrap(), p);
        let over = r#"{"expiration": "1970-01-01T00:00:00Z", "conditions": [["content-length-range", 0, 18446744073709551616]]}"#;
        assert!(Policy::from_json(over).is_err());
        let huge = alloc::format!(
            r#"{{"expiration": "1970-01-01T00:00:00Z", "conditions": [["content-length-range", 0, 1{}]]}}"#,
            "0".repeat(60)
        );
        assert!(Policy::from_json(&huge).is_err());
    }

    #[test]
    fn durations_and_sizes_read_well() {
        assert_eq!(format!("{}", Duration(59)), "59 s");
        assert_eq!(format!("{}", Duration(600)), "10 min 0 s");
        assert_eq!(format!("{}", Duration(90_000)), "25 h 0 min");
        assert_eq!(
            format!("{}", Bytes(10 * 1024 * 1024)),
            "10485760 bytes (10.0 MiB)"
        );
        assert_eq!(format!("{}", Bytes(10)), "10 bytes");
    }
}
