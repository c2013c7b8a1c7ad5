//! One input line of `presign batch`, as JSON: only `bucket` is required.

use super::pairs::Pairs;
use crate::args::values::parse_expires;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;

/// An input line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line<'a> {
    #[serde(borrow, default)]
    pub id: Option<&'a RawValue>,
    #[serde(borrow)]
    pub bucket: Cow<'a, str>,
    #[serde(borrow, default)]
    pub key: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub method: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub expires_in: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub content_type: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub headers: Pairs<'a>,
    #[serde(borrow, default)]
    pub metadata: Pairs<'a>,
    #[serde(borrow, default)]
    pub query: Pairs<'a>,
}

/// Only the id, for answering a line that does not parse as a whole.
#[derive(Deserialize)]
pub struct IdOnly<'a> {
    #[serde(borrow, default)]
    pub id: Option<&'a RawValue>,
}

/// An `expires_in` value: a number of seconds or a duration string (`"15m"`).
pub fn parse_expires_value(v: &RawValue) -> Result<u64, String> {
    let text = v.get();
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
