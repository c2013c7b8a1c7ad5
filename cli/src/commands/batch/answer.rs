//! One output line of `presign batch`: the presigned request, or why the line failed.

use crate::output::hazards::WarningJson;
use presign::Timestamp;
use serde::Serialize;
use serde_json::value::RawValue;

/// A signed line.
#[derive(Serialize)]
pub struct Answer<'a> {
    pub id: &'a RawValue,
    pub url: &'a str,
    pub method: &'a str,
    pub headers: HeaderMap<'a>,
    pub expires_at: Ts,
    /// With `--show-signing` (session tokens redacted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical_request: Option<&'a str>,
    /// With `--show-signing`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub string_to_sign: Option<&'a str>,
    /// What common clients are known to break about the request (only when there is any).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<WarningJson>,
}

#[derive(Serialize)]
pub struct Failure<'a> {
    pub id: &'a RawValue,
    pub line: u64,
    pub error: &'a str,
}

pub struct HeaderMap<'a>(pub &'a presign::s3::S3Request<'a>);

impl Serialize for HeaderMap<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_map(self.0.headers())
    }
}

pub struct Ts(pub Timestamp);

impl Serialize for Ts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// The failure line for input line `line`, with its newline.
pub fn failure_line(id: &RawValue, line: u64, error: &str) -> Vec<u8> {
    let mut buf = serde_json::to_vec(&Failure { id, line, error }).unwrap_or_default();
    buf.push(b'\n');
    buf
}
