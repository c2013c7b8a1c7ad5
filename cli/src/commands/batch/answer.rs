//! One output line of `presign batch`, written by hand (the hot path): the presigned request,
//! or why the line failed. Strings are escaped as `serde_json` escapes them; URLs and header
//! names never need it, so the common case is a copy.

use crate::output::abbreviate::abbreviate;
use presign::Warning;

/// Whether `s` has a byte JSON must escape: a control byte, `"` or `\`. Branch-free over
/// blocks of 16 bytes, so the compiler vectorizes it: URLs are scanned at memory speed.
fn needs_escape(s: &[u8]) -> bool {
    let flag = |b: u8| u8::from(b < 0x20) | u8::from(b == b'"') | u8::from(b == b'\\');
    let mut blocks = s.chunks_exact(16);
    for block in &mut blocks {
        if block.iter().fold(0, |acc, &b| acc | flag(b)) != 0 {
            return true;
        }
    }
    blocks.remainder().iter().any(|&b| flag(b) != 0)
}

/// Appends `s` as a JSON string.
pub fn push_str(out: &mut Vec<u8>, s: &str) {
    if !needs_escape(s.as_bytes()) {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        // Writing to a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, s);
    }
}

/// What a signed line answers.
pub struct Answer<'a, H> {
    /// Raw JSON text.
    pub id: Option<&'a str>,
    pub url: &'a str,
    pub method: &'a str,
    /// The headers the client must send.
    pub headers: H,
    /// RFC 3339.
    pub expires_at: &'a str,
    /// With `--show-signing`: the canonical request (tokens redacted) and string to sign.
    pub signing: Option<(&'a str, &'a str)>,
    /// What common clients are known to break about the request (written only when any).
    pub warnings: &'a [Warning],
}

impl<'a, H: Iterator<Item = (&'a str, &'a str)>> Answer<'a, H> {
    /// Appends the answer and its newline.
    pub fn write(self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"id\":");
        out.extend_from_slice(self.id.unwrap_or("null").as_bytes());
        out.extend_from_slice(b",\"url\":");
        push_str(out, self.url);
        out.extend_from_slice(b",\"method\":");
        push_str(out, self.method);
        out.extend_from_slice(b",\"headers\":{");
        for (i, (name, value)) in self.headers.enumerate() {
            if i > 0 {
                out.push(b',');
            }
            push_str(out, name);
            out.push(b':');
            push_str(out, value);
        }
        out.extend_from_slice(b"},\"expires_at\":");
        push_str(out, self.expires_at);
        if let Some((canonical_request, string_to_sign)) = self.signing {
            out.extend_from_slice(b",\"canonical_request\":");
            push_str(out, canonical_request);
            out.extend_from_slice(b",\"string_to_sign\":");
            push_str(out, string_to_sign);
        }
        if !self.warnings.is_empty() {
            out.extend_from_slice(b",\"warnings\":[");
            for (i, w) in self.warnings.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"code\":");
                push_str(out, w.code());
                out.extend_from_slice(b",\"message\":");
                push_str(out, &w.to_string());
                out.push(b'}');
            }
            out.push(b']');
        }
        out.extend_from_slice(b"}\n");
    }
}

/// Appends the failure line for input line `line` (ids and messages abbreviated when huge).
pub fn write_failure(out: &mut Vec<u8>, id: Option<&str>, line: u64, error: &str) {
    out.extend_from_slice(b"{\"id\":");
    match id {
        Some(id) if id.len() <= MAX_ID => out.extend_from_slice(id.as_bytes()),
        _ => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"line\":");
    out.extend_from_slice(line.to_string().as_bytes());
    out.extend_from_slice(b",\"error\":");
    push_str(out, &abbreviate(error));
    out.extend_from_slice(b"}\n");
}

/// The longest id a failure line echoes: an id is the caller's handle for the line, but one
/// made of a megabyte is not echoed into an error (it is `null` there).
pub const MAX_ID: usize = 4096;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for s in [
            "",
            "plain/url?a=b&c=%20",
            "q\"uote",
            "back\\slash",
            "tab\tnl\n\u{1}",
            "é—\u{7f}",
        ] {
            let mut out = Vec::new();
            push_str(&mut out, s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }

    #[test]
    fn an_answer_is_one_json_object_per_line() {
        let mut out = Vec::new();
        Answer {
            id: Some("{\"n\": 4}"),
            url: "https://b/k",
            method: "PUT",
            headers: [("content-type", "a\"b"), ("x-amz-meta-x", "1")].into_iter(),
            expires_at: "2013-05-24T00:15:00Z",
            signing: None,
            warnings: &[],
        }
        .write(&mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"id\":{\"n\": 4},\"url\":\"https://b/k\",\"method\":\"PUT\",\"headers\":{\"content-type\":\"a\\\"b\",\"x-amz-meta-x\":\"1\"},\"expires_at\":\"2013-05-24T00:15:00Z\"}\n"
        );
    }
}
