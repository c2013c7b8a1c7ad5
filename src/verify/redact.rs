//! Redaction: secrets (signatures, session tokens, customer keys) never leave in a rejection or
//! a diagnosis.

use alloc::borrow::Cow;
use alloc::string::String;

/// Header values never copied into a rejection or a diagnosis.
pub(crate) const SENSITIVE_HEADERS: [&str; 3] = [
    "x-amz-security-token",
    "x-amz-server-side-encryption-customer-key",
    "authorization",
];

/// At most `max` bytes of `s` (at a character boundary), control characters replaced.
pub(crate) fn clip(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max));
    for c in s.chars() {
        if out.len() + c.len_utf8() > max {
            out.push('…');
            break;
        }
        out.push(if c.is_control() { '\u{FFFD}' } else { c });
    }
    out
}

/// Replaces the values of the session token and the SSE-C key in a canonical request: in the
/// query (its third line) and in the header lines that follow, up to the blank line.
pub(crate) fn redact_canonical_request(cr: &str) -> String {
    let mut out = String::with_capacity(cr.len());
    let mut lines = cr.split('\n');
    for line in lines.by_ref().take(2) {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&redact_query_line(lines.next().unwrap_or_default()));
    for line in lines.by_ref() {
        out.push('\n');
        if line.is_empty() {
            break;
        }
        out.push_str(&redact_header_line(line));
    }
    for line in lines {
        out.push('\n');
        out.push_str(line);
    }
    out
}

/// The canonical query line with `X-Amz-Security-Token`'s value redacted.
pub(crate) fn redact_query_line(line: &str) -> Cow<'_, str> {
    let is_token = |p: &str| {
        p.split_once('=')
            .is_some_and(|(n, _)| n.eq_ignore_ascii_case("X-Amz-Security-Token"))
    };
    if !line.split('&').any(is_token) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    for (i, p) in line.split('&').enumerate() {
        if i > 0 {
            out.push('&');
        }
        match p.split_once('=') {
            Some((n, _)) if is_token(p) => {
                out.push_str(n);
                out.push_str("=<redacted>");
            }
            _ => out.push_str(p),
        }
    }
    Cow::Owned(out)
}

/// A canonical header line with a sensitive value redacted.
pub(crate) fn redact_header_line(line: &str) -> Cow<'_, str> {
    match line.split_once(':') {
        Some((n, _)) if SENSITIVE_HEADERS.iter().any(|s| s.eq_ignore_ascii_case(n)) => {
            let mut s = String::from(n);
            s.push_str(":<redacted>");
            Cow::Owned(s)
        }
        _ => Cow::Borrowed(line),
    }
}
