//! Small helpers: argument parsers, base64url, shell quoting, the clock, output formats.

use crate::error::{CliError, Result};
use presign::sigv4::MAX_EXPIRES;
use presign::{Presigned, Timestamp};
use serde::Serialize;
use std::fmt::Write as _;

/// Parses an expiry: seconds (`3600`), or a number with a unit `s`, `m`, `h`, `d` (`15m`, `1h`,
/// `7d`). The result is checked against SigV4's 1..=604800 seconds.
pub fn parse_expires(s: &str) -> std::result::Result<u64, String> {
    let s = s.trim();
    let (digits, unit) = match s.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, "s"),
    };
    let mult = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("\"{s}\" is not a duration: give seconds (3600) or a number with s, m, h or d (15m, 1h, 7d)")),
    };
    let n: u64 = digits.parse().map_err(|_| format!("\"{s}\" is not a duration: give seconds (3600) or a number with s, m, h or d (15m, 1h, 7d)"))?;
    let secs = n.saturating_mul(mult);
    if secs == 0 || secs > MAX_EXPIRES {
        let given = if unit == "s" {
            format!("{secs} s")
        } else {
            format!("{s} = {secs} s")
        };
        return Err(format!(
            "{given} is out of range: presigned URLs live 1 s to 7 days (604800 s)"
        ));
    }
    Ok(secs)
}

/// Parses an RFC 3339 time (`2013-05-24T00:00:00Z`).
pub fn parse_time(s: &str) -> std::result::Result<Timestamp, String> {
    Timestamp::parse_rfc3339(s).map_err(|e| e.to_string())
}

/// Parses `Name: value` (the value trimmed; it may be empty).
pub fn parse_header(s: &str) -> std::result::Result<(String, String), String> {
    let Some((name, value)) = s.split_once(':') else {
        return Err(format!("\"{s}\" is not a header: write 'Name: value'"));
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("\"{s}\" has no header name: write 'Name: value'"));
    }
    Ok((name.to_string(), value.trim().to_string()))
}

/// Parses `name=value` (the value may be empty; the name may not).
pub fn parse_kv(s: &str) -> std::result::Result<(String, String), String> {
    let (k, v) = s.split_once('=').unwrap_or((s, ""));
    if k.is_empty() {
        return Err(format!("\"{s}\" has no name: write name=value"));
    }
    Ok((k.to_string(), v.to_string()))
}

/// The current time, read from the system clock (the library never reads it).
pub fn now() -> Result<Timestamp> {
    Timestamp::try_from(std::time::SystemTime::now())
        .map_err(|e| CliError::fail(format!("the system clock: {e}")))
}

/// The given time, or now.
pub fn time_or_now(t: Option<Timestamp>) -> Result<Timestamp> {
    match t {
        Some(t) => Ok(t),
        None => now(),
    }
}

const B64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url (RFC 4648 §5) without `=` padding.
pub fn base64url(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(B64URL[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes base64url, with or without padding (also accepts the standard `+/` alphabet).
pub fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.trim_end_matches('=');
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (bits < 6).then_some(out)
}

/// Quotes `s` for a POSIX shell: as it is when it only has safe bytes, else in single quotes.
pub fn shell_quote(s: &str) -> String {
    let safe = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-./:=@%+,".contains(&b));
    if safe {
        return s.to_string();
    }
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// What the file argument of `--curl` is for.
pub enum CurlFile<'a> {
    /// Nothing given: a placeholder for uploads.
    Placeholder,
    Path(&'a str),
}

/// A ready `curl` command for a presigned request: the method, every signed header with its
/// exact value, the file to upload (PUT, POST) or where to save the download (GET).
pub fn curl_command(p: &Presigned, file: CurlFile<'_>) -> String {
    let mut cmd = String::from("curl");
    let given = match file {
        CurlFile::Path(f) => Some(f),
        CurlFile::Placeholder => None,
    };
    match p.method.as_str() {
        // --upload-file makes curl send PUT.
        "GET" | "PUT" => {}
        "HEAD" => cmd.push_str(" --head"),
        m => {
            cmd.push_str(" -X ");
            cmd.push_str(&shell_quote(m));
        }
    }
    for (name, value) in &p.headers {
        let _ = write!(cmd, " -H {}", shell_quote(&format!("{name}: {value}")));
    }
    let has_content_type = p
        .headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("content-type"));
    match (p.method.as_str(), given) {
        ("PUT", Some(f)) => {
            let _ = write!(cmd, " --upload-file {}", shell_quote(f));
        }
        ("PUT", None) => cmd.push_str(" --upload-file FILE"),
        ("POST", Some(f)) => {
            if !has_content_type {
                // curl would add an unsigned form Content-Type; S3 would store it.
                cmd.push_str(" -H 'Content-Type:'");
            }
            let _ = write!(cmd, " --data-binary {}", shell_quote(&format!("@{f}")));
        }
        ("GET", Some(f)) => {
            let _ = write!(cmd, " -o {}", shell_quote(f));
        }
        _ => {}
    }
    cmd.push(' ');
    cmd.push_str(&shell_quote(&p.url));
    cmd
}

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
}

impl<'a> PresignedJson<'a> {
    pub fn new(p: &'a Presigned, token: Option<&'a str>) -> Self {
        PresignedJson {
            method: &p.method,
            url: &p.url,
            headers: headers_json(p.headers.iter().map(|(n, v)| (n.as_str(), v.as_str()))),
            signed_at: p.signed_at.to_string(),
            expires_at: p.expires_at.to_string(),
            expires_in: p.expires_at.unix() - p.signed_at.unix(),
            token,
        }
    }

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

/// A duration in words: the two largest non-zero units (`3d 4h`, `12m 5s`, `0s`).
pub fn human_duration(secs: u64) -> String {
    let parts = [
        (secs / 86_400, "d"),
        (secs / 3600 % 24, "h"),
        (secs / 60 % 60, "m"),
        (secs % 60, "s"),
    ];
    let Some(first) = parts.iter().position(|(n, _)| *n > 0) else {
        return "0s".into();
    };
    parts[first..]
        .iter()
        .take(2)
        .filter(|(n, _)| *n > 0)
        .map(|(n, u)| format!("{n}{u}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expires() {
        assert_eq!(parse_expires("3600"), Ok(3600));
        assert_eq!(parse_expires("15m"), Ok(900));
        assert_eq!(parse_expires("1h"), Ok(3600));
        assert_eq!(parse_expires("7d"), Ok(604_800));
        assert_eq!(parse_expires("30s"), Ok(30));
        assert!(parse_expires("8d").is_err());
        assert!(parse_expires("0").is_err());
        assert!(parse_expires("1w").is_err());
        assert!(parse_expires("h").is_err());
        assert!(parse_expires("-5").is_err());
        assert!(parse_expires("99999999999999999999").is_err());
    }

    #[test]
    fn base64url_round_trips() {
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url(plain.as_bytes()), enc);
            assert_eq!(base64url_decode(enc).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url(&[0xfb, 0xff, 0xfe]), "-__-");
        assert_eq!(base64url_decode("-__-").unwrap(), [0xfb, 0xff, 0xfe]);
        assert_eq!(base64url_decode("Zg==").unwrap(), b"f");
        assert!(base64url_decode("Z").is_none());
        assert!(base64url_decode("Zm9v!").is_none());
    }

    #[test]
    fn quoting() {
        assert_eq!(shell_quote("abc/d.txt"), "abc/d.txt");
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(shell_quote("https://h/k?a=1&b=2"), "'https://h/k?a=1&b=2'");
        assert_eq!(shell_quote(""), "''");
    }

    #[test]
    fn headers_and_kv() {
        assert_eq!(
            parse_header("Content-Type: text/plain"),
            Ok(("Content-Type".into(), "text/plain".into()))
        );
        assert_eq!(parse_header("x-a:"), Ok(("x-a".into(), "".into())));
        assert_eq!(parse_header("x-a: b: c"), Ok(("x-a".into(), "b: c".into())));
        assert!(parse_header("nocolon").is_err());
        assert!(parse_header(": v").is_err());
        assert_eq!(parse_kv("a=b=c"), Ok(("a".into(), "b=c".into())));
        assert_eq!(parse_kv("uploads"), Ok(("uploads".into(), "".into())));
        assert!(parse_kv("=x").is_err());
    }

    #[test]
    fn durations() {
        assert_eq!(human_duration(0), "0s");
        assert_eq!(human_duration(59), "59s");
        assert_eq!(human_duration(3600), "1h");
        assert_eq!(human_duration(3661), "1h 1m");
        assert_eq!(human_duration(86_400 + 5), "1d");
        assert_eq!(human_duration(90_061), "1d 1h");
    }
}
