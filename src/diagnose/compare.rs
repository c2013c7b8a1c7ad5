//! What was sent compared with what was presigned: method, host, path, query and headers.

use super::finding::{Change, Finding, Severity, Which};
use super::input::{Context, Intended, Sent};
use super::intrinsic::intrinsic;
use super::signed_url::{host_port, read_signed};
use crate::canonical::UriPath;
use crate::encoding;
use crate::verify::{self, RawParam, AUTH_PARAMS, SENSITIVE_HEADERS};
use alloc::string::String;
use alloc::vec::Vec;

/// Compares what was presigned with what a client sent, and lists what breaks the signature
/// (and what is harmless), most telling first: the URL itself (expiry, region, credentials),
/// then method, host, path, query and headers.
pub fn diagnose(intended: &Intended<'_>, sent: &Sent<'_>, context: &Context<'_>) -> Vec<Finding> {
    let signed = match read_signed(intended.url) {
        Ok(s) => s,
        Err(f) => return alloc::vec![f],
    };
    let mut out = intrinsic(&signed, context);
    if sent.url.len() > verify::MAX_URL_LEN {
        out.push(Finding::TooLarge { what: "URL sent" });
        return out;
    }
    if sent.headers.len() > verify::MAX_HEADERS {
        out.push(Finding::TooLarge {
            what: "list of headers sent",
        });
        return out;
    }
    let got = match verify::split_url(sent.url) {
        Ok(p) => p,
        Err(reason) => {
            out.push(Finding::UnusableUrl {
                which: Which::Sent,
                reason,
            });
            return out;
        }
    };
    let sent_header = |name: &str| -> Vec<&str> {
        sent.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
            .collect()
    };
    let rules = signed
        .service
        .as_deref()
        .map_or(UriPath::S3, UriPath::for_service);

    // Method.
    if let Some(m) = intended.method {
        if m != sent.method {
            out.push(Finding::MethodChanged {
                signed: verify::clip(m, 32),
                sent: verify::clip(sent.method, 32),
            });
        }
    }

    // Host and port.
    let sent_host = sent_header("host").first().copied().unwrap_or(got.host);
    let signed_host = signed.parts.host;
    if !sent_host.is_empty() && !sent_host.eq_ignore_ascii_case(signed_host) {
        let (a, _) = host_port(signed_host);
        let (b, _) = host_port(sent_host);
        let (signed_host, sent_host) =
            (verify::clip(signed_host, 256), verify::clip(sent_host, 256));
        if a.eq_ignore_ascii_case(b) {
            out.push(Finding::PortChanged {
                signed: signed_host,
                sent: sent_host,
            });
        } else {
            out.push(Finding::HostChanged {
                signed: signed_host,
                sent: sent_host,
            });
        }
    }

    // Path.
    if signed.parts.path != got.path {
        let change = classify(signed.parts.path, got.path, true);
        let severity = severity(change, rules == UriPath::S3);
        out.push(Finding::PathChanged {
            signed: verify::clip(signed.parts.path, 256),
            sent: verify::clip(got.path, 256),
            change,
            severity,
        });
    }

    // Query.
    match verify::raw_params(got.query, verify::MAX_QUERY_PARAMS) {
        Err(_) => out.push(Finding::TooLarge { what: "query sent" }),
        Ok(sent_params) => compare_query(&signed.params, &sent_params, &mut out),
    }

    // Headers.
    let upload = matches!(intended.method.unwrap_or(sent.method), "PUT" | "POST");
    for name in signed
        .signed_headers
        .iter()
        .filter(|n| n.as_str() != "host")
    {
        let values = sent_header(name);
        let known = intended.headers.as_ref().map(|hs| {
            hs.iter()
                .filter(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| *v)
                .collect::<Vec<_>>()
        });
        let redact = SENSITIVE_HEADERS.contains(&name.as_str());
        let show = |v: &str| {
            if redact {
                redacted(v)
            } else {
                verify::clip(v, 256)
            }
        };
        if values.is_empty() {
            let value = known
                .as_ref()
                .filter(|k| !k.is_empty())
                .map(|k| show(&join_canonical(k)));
            out.push(Finding::SignedHeaderNotSent {
                name: verify::clip(name, 128),
                value,
                upload,
            });
            continue;
        }
        if let Some(k) = known.filter(|k| !k.is_empty()) {
            let (a, b) = (join_canonical(&k), join_canonical(&values));
            if a != b {
                out.push(Finding::SignedHeaderChanged {
                    name: verify::clip(name, 128),
                    signed: show(&a),
                    sent: show(&b),
                });
            }
        }
    }
    let mut seen: Vec<String> = Vec::new();
    for (name, _) in &sent.headers {
        let lower = name.to_ascii_lowercase();
        if lower == "authorization" {
            if !seen.contains(&lower) {
                out.push(Finding::AuthorizationHeaderSent);
                seen.push(lower);
            }
            continue;
        }
        if lower.starts_with("x-amz-")
            && lower != "x-amz-content-sha256"
            && !signed.signed_headers.contains(&lower)
            && !seen.contains(&lower)
        {
            out.push(Finding::UnsignedAmzHeader {
                name: verify::clip(&lower, 128),
            });
            seen.push(lower);
        }
    }
    out
}

fn join_canonical(values: &[&str]) -> String {
    let mut s = String::new();
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        verify::canonical_header_value(&mut s, v);
    }
    s
}

/// `<redacted, N characters>` with at most the first four characters of a long secret.
fn redacted(v: &str) -> String {
    use core::fmt::Write;
    let mut s = String::new();
    let n = v.chars().count();
    if n >= 32 {
        let head: String = v.chars().take(4).collect();
        let _ = write!(s, "{head}…<redacted, {n} characters>");
    } else {
        let _ = write!(s, "<redacted, {n} characters>");
    }
    s
}

pub(super) fn severity(change: Change, s3: bool) -> Severity {
    match change {
        Change::EquivalentEscapes if s3 => Severity::Harmless,
        Change::PlusNotEncoded if s3 => Severity::Risky,
        _ => Severity::Breaks,
    }
}

fn compare_query(signed: &[RawParam<'_>], sent: &[RawParam<'_>], out: &mut Vec<Finding>) {
    let mut lost_auth: Vec<&'static str> = Vec::new();
    let mut names: Vec<&[u8]> = Vec::new();
    for p in signed.iter().chain(sent) {
        if !names.contains(&&*p.name) {
            names.push(&p.name);
        }
    }
    for name in names {
        let a: Vec<&RawParam<'_>> = signed.iter().filter(|p| *p.name == *name).collect();
        let b: Vec<&RawParam<'_>> = sent.iter().filter(|p| *p.name == *name).collect();
        let display = verify::clip(&String::from_utf8_lossy(name), 128);
        let auth = a.first().or(b.first()).and_then(|p| p.auth_index());
        for i in 0..a.len().max(b.len()) {
            match (a.get(i), b.get(i)) {
                (Some(_), None) => match auth {
                    Some(k) if k < 6 => {
                        if !lost_auth.contains(&AUTH_PARAMS[k]) {
                            lost_auth.push(AUTH_PARAMS[k]);
                        }
                    }
                    _ => out.push(Finding::QueryParameterRemoved {
                        name: display.clone(),
                    }),
                },
                (None, Some(_)) => out.push(Finding::QueryParameterAdded {
                    name: display.clone(),
                }),
                (Some(x), Some(y)) if x.raw_value != y.raw_value => {
                    let change = classify(x.raw_value, y.raw_value, false);
                    let token = auth == Some(6);
                    let show = |v: &str| {
                        if token {
                            redacted(v)
                        } else {
                            verify::clip(v, 256)
                        }
                    };
                    out.push(Finding::QueryParameterChanged {
                        name: display.clone(),
                        signed: show(x.raw_value),
                        sent: show(y.raw_value),
                        change,
                        severity: severity(change, true),
                    });
                }
                _ => {}
            }
        }
    }
    if !lost_auth.is_empty() {
        out.push(Finding::SignatureParametersMissing { names: lost_auth });
    }
}

/// How `sent` differs from `signed` (both raw, percent-encoded).
pub(super) fn classify(signed: &str, sent: &str, path: bool) -> Change {
    let a = encoding::decode(signed);
    let b = encoding::decode(sent);
    if a == b {
        let plus_escapes = |s: &str| {
            s.as_bytes()
                .windows(3)
                .filter(|w| w.eq_ignore_ascii_case(b"%2B"))
                .count()
        };
        if sent.contains('+') && plus_escapes(signed) > plus_escapes(sent) {
            return Change::PlusNotEncoded;
        }
        return Change::EquivalentEscapes;
    }
    let pairwise = |from: u8, to: u8| {
        a.len() == b.len()
            && a.iter()
                .zip(b.iter())
                .all(|(x, y)| x == y || (*x == from && *y == to))
            && a.contains(&from)
    };
    if pairwise(b' ', b'+') {
        return Change::SpaceAsPlus;
    }
    if pairwise(b'+', b' ') {
        return Change::PlusBecameSpace;
    }
    if *encoding::decode(&String::from_utf8_lossy(&b)) == *a && b.contains(&b'%') {
        return Change::DoubleEncoded;
    }
    if path && crate::warnings::remove_dot_segments(signed) == sent {
        return Change::DotSegmentsRemoved;
    }
    if path && a.len() > b.len() && a.starts_with(&b) {
        if let Some(&c @ (b'?' | b'#')) = a.get(b.len()) {
            return Change::Truncated { at: char::from(c) };
        }
    }
    if let (Ok(x), Ok(y)) = (core::str::from_utf8(&a), core::str::from_utf8(&b)) {
        if (has_combining(x) || has_combining(y)) && skeleton(x) == skeleton(y) {
            return Change::UnicodeNormalization;
        }
    }
    Change::Different
}

/// Characters that attach to the one before: combining marks, the Japanese (han)dakuten, and
/// the vowel and final Hangul jamo of decomposed syllables.
fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0x3099..=0x309A | 0x1160..=0x11FF)
}

/// Whether `s` holds anything only a decomposed (NFD) form has: combining characters or leading
/// Hangul jamo.
fn has_combining(s: &str) -> bool {
    s.chars()
        .any(|c| is_combining(c) || ('\u{1100}'..='\u{115F}').contains(&c))
}

/// The ASCII characters of `s` that no combining mark modifies: equal for the NFC and NFD forms
/// of one text.
fn skeleton(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let modified = chars.peek().is_some_and(|n| is_combining(*n));
        if c.is_ascii() && !modified {
            out.push(c);
        }
    }
    out
}

// S3's SignatureDoesNotMatch body against our canonical request and string to sign.
