//! One input line of `presign batch`, as JSON: only `bucket` is required.

use super::pairs::Pairs;
use crate::args::values::parse_expires;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;

/// An input line, as the signer takes it: `id` and `expires_in` are raw JSON text.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Request<'a> {
    pub id: Option<&'a str>,
    pub bucket: Cow<'a, str>,
    pub key: Option<Cow<'a, str>>,
    pub method: Option<Cow<'a, str>>,
    pub expires_in: Option<&'a str>,
    pub content_type: Option<Cow<'a, str>>,
    pub headers: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    pub metadata: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    pub query: Vec<(Cow<'a, str>, Cow<'a, str>)>,
}

/// Reads a line: the fast path ([`super::fast_line`]) for the usual lines, else `serde_json`,
/// the reference (and the source of every error message).
///
/// # Errors
/// What is wrong with the line, as `serde_json` says it.
pub fn parse(text: &str) -> Result<Request<'_>, String> {
    if let Some(r) = super::fast_line::parse(text) {
        return Ok(r);
    }
    parse_with_serde(text)
}

/// Reads a line with `serde_json`.
///
/// # Errors
/// What is wrong with the line.
pub fn parse_with_serde(text: &str) -> Result<Request<'_>, String> {
    let line: Line<'_> = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            format!("not a JSON object: {e}")
        } else {
            e.to_string()
        }
    })?;
    Ok(Request {
        id: line.id.map(RawValue::get),
        bucket: line.bucket,
        key: line.key,
        method: line.method,
        expires_in: line.expires_in.map(RawValue::get),
        content_type: line.content_type,
        headers: line.headers.0,
        metadata: line.metadata.0,
        query: line.query.0,
    })
}

/// An input line, as `serde_json` reads it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    bucket: Cow<'a, str>,
    #[serde(borrow, default)]
    key: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    method: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    expires_in: Option<&'a RawValue>,
    #[serde(borrow, default)]
    content_type: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    headers: Pairs<'a>,
    #[serde(borrow, default)]
    metadata: Pairs<'a>,
    #[serde(borrow, default)]
    query: Pairs<'a>,
}

/// Only the id, for answering a line that does not parse as a whole.
#[derive(Deserialize)]
pub struct IdOnly<'a> {
    #[serde(borrow, default)]
    pub id: Option<&'a RawValue>,
}

/// An `expires_in` value (raw JSON): a number of seconds or a duration string (`"15m"`).
pub fn parse_expires_value(text: &str) -> Result<u64, String> {
    if text.starts_with('"') {
        if let Ok(s) = serde_json::from_str::<Cow<'_, str>>(text) {
            return parse_expires(&s);
        }
    } else if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        // Digits only: the same as the string of those digits, without a JSON parse.
        return parse_expires(text);
    }
    Err(format!(
        "expires_in must be a number of seconds or a duration string such as \"15m\", not {text}"
    ))
}
