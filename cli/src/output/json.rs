//! `--json`: a presigned request as a JSON object.

use super::hazards::WarningJson;
use super::notes::Notes;
use presign::Presigned;
use serde::Serialize;

/// The `--json` form of a presigned request.
#[derive(Serialize)]
pub struct PresignedJson<'a> {
    pub method: &'a str,
    pub url: &'a str,
    /// Headers the client must send with exactly these values (signed).
    pub headers: serde_json::Map<String, serde_json::Value>,
    pub signed_at: String,
    pub expires_at: String,
    pub expires_in: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<&'a str>,
    /// What common clients are known to break about the request (`[]` when nothing).
    pub warnings: Vec<WarningJson>,
    /// With `--show-signing`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical_request: Option<&'a str>,
    /// With `--show-signing`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub string_to_sign: Option<&'a str>,
}

impl<'a> PresignedJson<'a> {
    /// The object for `p` (and a token made from it), with what `notes` carry.
    pub fn new(p: &'a Presigned, token: Option<&'a str>, notes: &'a Notes) -> Self {
        let signing = notes.signing.as_ref();
        PresignedJson {
            method: p.method.as_str(),
            url: &p.url,
            headers: headers_json(p.headers.iter().map(|(n, v)| (n.as_str(), v.as_str()))),
            signed_at: p.signed_at.to_string(),
            expires_at: p.expires_at.to_string(),
            expires_in: p.expires_at.unix() - p.signed_at.unix(),
            token,
            warnings: p.warnings.iter().map(WarningJson::new).collect(),
            canonical_request: signing.map(|s| s.canonical_request.as_str()),
            string_to_sign: signing.map(|s| s.string_to_sign.as_str()),
        }
    }

    /// The object, indented.
    pub fn to_string_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Headers as a JSON object; a name given twice is joined with `,` as SigV4 signs it.
pub fn headers_json<'a>(
    headers: impl Iterator<Item = (&'a str, &'a str)>,
) -> serde_json::Map<String, serde_json::Value> {
    let mut map = serde_json::Map::new();
    for (n, v) in headers {
        let n = n.to_ascii_lowercase();
        match map.get_mut(&n) {
            Some(serde_json::Value::String(s)) => {
                s.push(',');
                s.push_str(v);
            }
            _ => {
                map.insert(n, serde_json::Value::String(v.to_string()));
            }
        }
    }
    map
}
