//! One input line of `presign batch`, as JSON: only `bucket` is required.

use crate::args::values::parse_expires;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::BTreeMap;

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
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    #[serde(default)]
    pub metadata: BTreeMap<String, String>,
    #[serde(default)]
    pub query: BTreeMap<String, String>,
}

/// Only the id, for answering a line that does not parse as a whole.
#[derive(Deserialize)]
pub struct IdOnly<'a> {
    #[serde(borrow, default)]
    pub id: Option<&'a RawValue>,
}

/// An `expires_in` value: a number of seconds or a duration string (`"15m"`).
pub fn parse_expires_value(v: &RawValue) -> std::result::Result<u64, String> {
    let text = v.get();
    if let Ok(s) = serde_json::from_str::<String>(text) {
        return parse_expires(&s);
    }
    match serde_json::from_str::<u64>(text) {
        Ok(n) => parse_expires(&n.to_string()),
        Err(_) => Err(format!("expires_in must be a number of seconds or a duration string such as \"15m\", not {text}")),
    }
}
