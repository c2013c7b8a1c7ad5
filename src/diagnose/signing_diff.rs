//! Our canonical request and string to sign compared with S3's, line by line.

use super::s3_error::S3ErrorBody;
use crate::encoding;
use crate::sigv4::SigningDetails;
use crate::verify::{self};
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// The part of the signing texts a difference is in.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Component {
    /// The HTTP method (canonical request line 1).
    Method,
    /// The canonical URI (line 2).
    Uri,
    /// The canonical query (line 3).
    Query,
    /// One canonical header (lower-case name).
    Header(String),
    /// The signed-headers list.
    SignedHeaders,
    /// The payload hash (last line).
    Payload,
    /// The algorithm line of the string to sign.
    Algorithm,
    /// The request date (`X-Amz-Date`) in the string to sign.
    Date,
    /// The credential scope (date, region, service) in the string to sign.
    Scope,
    /// The canonical request hash in the string to sign.
    Hash,
}

impl fmt::Display for Component {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Component::Method => f.write_str("the method"),
            Component::Uri => f.write_str("the URI"),
            Component::Query => f.write_str("the query"),
            Component::Header(n) => write!(f, "the header `{n}`"),
            Component::SignedHeaders => f.write_str("the signed-headers list"),
            Component::Payload => f.write_str("the payload hash"),
            Component::Algorithm => f.write_str("the algorithm"),
            Component::Date => f.write_str("the date"),
            Component::Scope => f.write_str("the credential scope"),
            Component::Hash => f.write_str("the canonical request hash"),
        }
    }
}

/// Which text a line belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Text {
    /// The canonical request.
    CanonicalRequest,
    /// The string to sign.
    StringToSign,
}

/// One differing line.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LineDifference {
    /// The text it is in.
    pub text: Text,
    /// The 1-based line number (in ours; in theirs when we have no such line).
    pub line: usize,
    /// What the line is.
    pub component: Component,
    /// Our line (`None`: only theirs has it). Session token and SSE-C key redacted.
    pub ours: Option<String>,
    /// Their line (`None`: only ours has it). Session token and SSE-C key redacted.
    pub theirs: Option<String>,
    /// What differs within the line, when it can be said more precisely.
    pub note: Option<String>,
}

/// The line-by-line difference between our signing texts and the server's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SigningDiff {
    /// The differing lines, canonical request first.
    pub lines: Vec<LineDifference>,
    /// Whether the server's string to sign was compared.
    pub string_to_sign_compared: bool,
}

impl SigningDiff {
    /// Whether the texts are identical (then the signing key differs: the secret is wrong).
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The components that differ, in order, each once.
    pub fn components(&self) -> Vec<&Component> {
        let mut out: Vec<&Component> = Vec::new();
        for l in &self.lines {
            if !out.contains(&&l.component) {
                out.push(&l.component);
            }
        }
        out
    }

    /// Whether `component` differs.
    pub fn differs_in(&self, component: &Component) -> bool {
        self.lines.iter().any(|l| l.component == *component)
    }
}

impl fmt::Display for SigningDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.lines.is_empty() {
            return f.write_str(if self.string_to_sign_compared {
                "the canonical request and the string to sign are identical: the signing key differs, so the secret access key is wrong (another key, or one with a stray space or newline)"
            } else {
                "the canonical requests are identical: compare the string to sign (date and scope), or check the secret access key"
            });
        }
        f.write_str("the server's signing texts differ from ours in ")?;
        for (i, c) in self.components().iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{c}")?;
        }
        f.write_str(":")?;
        for l in &self.lines {
            let text = match l.text {
                Text::CanonicalRequest => "canonical request",
                Text::StringToSign => "string to sign",
            };
            write!(f, "\n- {text} line {} ({}):", l.line, l.component)?;
            write!(f, "\n    ours:   {}", l.ours.as_deref().unwrap_or("(none)"))?;
            write!(
                f,
                "\n    theirs: {}",
                l.theirs.as_deref().unwrap_or("(none)")
            )?;
            if let Some(n) = &l.note {
                write!(f, "\n    {n}")?;
            }
        }
        Ok(())
    }
}

/// A canonical request split into its parts; headers as `(name, whole line)`.
struct Canon<'a> {
    lines: Vec<&'a str>,
    headers: Vec<(&'a str, usize)>,
    signed: Option<usize>,
    payload: Option<usize>,
}

fn split_canon(text: &str) -> Canon<'_> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut headers = Vec::new();
    let mut i = 3;
    while let Some(l) = lines.get(i) {
        if l.is_empty() {
            break;
        }
        headers.push((l.split_once(':').map_or(*l, |(n, _)| n), i));
        i += 1;
    }
    let signed = (i + 1 < lines.len()).then_some(i + 1);
    let payload = (i + 2 < lines.len()).then_some(i + 2);
    Canon {
        lines,
        headers,
        signed,
        payload,
    }
}

fn line_at<'a>(c: &Canon<'a>, i: Option<usize>) -> Option<&'a str> {
    i.and_then(|i| c.lines.get(i).copied())
}

fn redact_line(component: &Component, line: &str) -> String {
    match component {
        Component::Query => verify::redact_query_line(line).into_owned(),
        Component::Header(_) => verify::redact_header_line(line).into_owned(),
        _ => String::from(line),
    }
}

fn query_note(ours: &str, theirs: &str) -> Option<String> {
    use core::fmt::Write;
    let split = |s: &'_ str| -> Vec<(String, String)> {
        s.split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (n, v) = p.split_once('=').unwrap_or((p, ""));
                (String::from(n), String::from(v))
            })
            .collect()
    };
    let (a, b) = (split(ours), split(theirs));
    let (mut sa, mut sb) = (a.clone(), b.clone());
    sa.sort();
    sb.sort();
    if sa == sb {
        return Some(String::from(
            "the same parameters in another order: SigV4 sorts by the percent-encoded names (then values); one side sorted before encoding",
        ));
    }
    let mut note = String::new();
    let is_token = |n: &str| n.eq_ignore_ascii_case("X-Amz-Security-Token");
    let mut names: Vec<&str> = Vec::new();
    for (n, _) in a.iter().chain(&b) {
        if !names.contains(&n.as_str()) {
            names.push(n);
        }
    }
    for n in names {
        let va: Vec<&String> = a.iter().filter(|(x, _)| x == n).map(|(_, v)| v).collect();
        let vb: Vec<&String> = b.iter().filter(|(x, _)| x == n).map(|(_, v)| v).collect();
        if va == vb {
            continue;
        }
        if !note.is_empty() {
            note.push_str("; ");
        }
        let n_shown = verify::clip(n, 128);
        let _ = match (va.is_empty(), vb.is_empty()) {
            (false, true) => write!(note, "`{n_shown}` only in ours"),
            (true, false) => write!(note, "`{n_shown}` only in theirs"),
            _ if is_token(n) => write!(note, "the session token differs (values not shown): check how it is encoded (`+` `/` `=` must be `%2B` `%2F` `%3D`)"),
            _ => write!(note, "`{n_shown}` differs"),
        };
    }
    (!note.is_empty()).then_some(note)
}

/// Compares our canonical request and string to sign with the server's, line by line, and names
/// the component each differing line belongs to.
pub fn compare_signing(
    ours_canonical_request: &str,
    ours_string_to_sign: &str,
    theirs_canonical_request: &str,
    theirs_string_to_sign: Option<&str>,
) -> SigningDiff {
    let mut lines = Vec::new();
    let (a, b) = (
        split_canon(ours_canonical_request),
        split_canon(theirs_canonical_request),
    );
    let mut push = |text: Text,
                    line: usize,
                    component: Component,
                    ours: Option<&str>,
                    theirs: Option<&str>,
                    note: Option<String>| {
        if ours != theirs {
            lines.push(LineDifference {
                text,
                line: line + 1,
                ours: ours.map(|l| redact_line(&component, l)),
                theirs: theirs.map(|l| redact_line(&component, l)),
                component,
                note,
            });
        }
    };
    let fixed = [Component::Method, Component::Uri, Component::Query];
    for (i, c) in fixed.into_iter().enumerate() {
        let (x, y) = (a.lines.get(i).copied(), b.lines.get(i).copied());
        let note = match (&c, x, y) {
            (Component::Query, Some(x), Some(y)) if x != y => query_note(x, y),
            (Component::Uri, Some(x), Some(y)) if x != y && encoding::decode(x) == encoding::decode(y) => Some(String::from(
                "the same path with other escapes: one side encoded the path differently (S3 decodes it once and encodes it once)",
            )),
            (Component::Uri, Some(x), Some(y)) if x != y && *encoding::decode(y) == *x.as_bytes() => {
                Some(String::from("theirs is ours encoded twice: the path was encoded again on the way"))
            }
            _ => None,
        };
        push(Text::CanonicalRequest, i, c, x, y, note);
    }
    let mut names: Vec<&str> = Vec::new();
    for (n, _) in a.headers.iter().chain(&b.headers) {
        if !names.contains(n) {
            names.push(n);
        }
    }
    names.sort_unstable();
    for n in names {
        let x = a.headers.iter().find(|(m, _)| *m == n);
        let y = b.headers.iter().find(|(m, _)| *m == n);
        let line = x.or(y).map_or(3, |(_, i)| *i);
        let note = match (x, y) {
            (Some(_), None) => Some(String::from(
                "the server did not receive this header: the client did not send it",
            )),
            (None, Some(_)) => Some(String::from(
                "the server signed a header we did not: its SignedHeaders differ",
            )),
            _ => None,
        };
        push(
            Text::CanonicalRequest,
            line,
            Component::Header(verify::clip(n, 128)),
            line_at(&a, x.map(|(_, i)| *i)),
            line_at(&b, y.map(|(_, i)| *i)),
            note,
        );
    }
    push(
        Text::CanonicalRequest,
        a.signed.or(b.signed).unwrap_or(0),
        Component::SignedHeaders,
        line_at(&a, a.signed),
        line_at(&b, b.signed),
        None,
    );
    let payload_note = Some(String::from(
        "presigned S3 URLs sign UNSIGNED-PAYLOAD unless the client sends x-amz-content-sha256; header-signed requests sign that header's value",
    ));
    let (pa, pb) = (line_at(&a, a.payload), line_at(&b, b.payload));
    push(
        Text::CanonicalRequest,
        a.payload.or(b.payload).unwrap_or(0),
        Component::Payload,
        pa,
        pb,
        payload_note.filter(|_| pa != pb),
    );
    let canonical_differs = !lines.is_empty();
    let compared = theirs_string_to_sign.is_some();
    if let Some(theirs) = theirs_string_to_sign {
        let x: Vec<&str> = ours_string_to_sign.split('\n').collect();
        let y: Vec<&str> = theirs.split('\n').collect();
        let parts = [
            Component::Algorithm,
            Component::Date,
            Component::Scope,
            Component::Hash,
        ];
        for (i, c) in parts.into_iter().enumerate() {
            let (p, q) = (x.get(i).copied(), y.get(i).copied());
            let note = match (&c, p, q) {
                (Component::Scope, Some(p), Some(q)) if p != q => {
                    let (sp, sq): (Vec<&str>, Vec<&str>) = (p.split('/').collect(), q.split('/').collect());
                    let which = ["date", "region", "service", "terminator"];
                    let diff: Vec<&str> = (0..4).filter(|k| sp.get(*k) != sq.get(*k)).map(|k| which[k]).collect();
                    let mut s = String::from("the scope's ");
                    s.push_str(&diff.join(" and "));
                    s.push_str(" differ");
                    if diff.contains(&"region") {
                        s.push_str(": sign for the bucket's region");
                    }
                    Some(s)
                }
                (Component::Hash, Some(_), Some(_)) if canonical_differs => {
                    Some(String::from("follows from the canonical request differences above"))
                }
                (Component::Hash, Some(_), Some(_)) => Some(String::from(
                    "the canonical requests look identical but hash differently: invisible characters differ (a trailing space, CR, or another Unicode form)",
                )),
                _ => None,
            };
            if p != q {
                lines.push(LineDifference {
                    text: Text::StringToSign,
                    line: i + 1,
                    component: c,
                    ours: p.map(String::from),
                    theirs: q.map(String::from),
                    note,
                });
            }
        }
    }
    SigningDiff {
        lines,
        string_to_sign_compared: compared,
    }
}

/// Reads S3's `SignatureDoesNotMatch` body (raw XML) and compares its canonical request and string
/// to sign with ours (from `presign_with_details`). `None` when the body has no canonical request.
///
/// ```
/// use presign::diagnose::{explain_signature_mismatch, Component};
/// use presign::{sigv4, Credentials, Payload, Timestamp};
///
/// let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
/// let time = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z")?;
/// let req = sigv4::Request::new("GET", "examplebucket.s3.amazonaws.com", "/a b.txt").payload(Payload::Unsigned);
/// let (_, ours) = sigv4::presign_with_details(&req, &sigv4::SigningParams::new(&creds, "us-east-1", "s3", time), 3600)?;
///
/// // S3 saw the space sent as `+` (XML-escaped in its error body as usual).
/// let theirs = ours.canonical_request.replace("/a%20b.txt", "/a%2Bb.txt").replace('&', "&amp;");
/// let body = format!("<Error><Code>SignatureDoesNotMatch</Code><CanonicalRequest>{theirs}</CanonicalRequest></Error>");
/// let diff = explain_signature_mismatch(&ours, &body).unwrap();
/// assert_eq!(diff.components(), [&Component::Uri]);
/// # Ok::<(), presign::Error>(())
/// ```
pub fn explain_signature_mismatch(
    ours: &SigningDetails,
    s3_error_xml: &str,
) -> Option<SigningDiff> {
    let body = S3ErrorBody::parse(s3_error_xml);
    let theirs = body.canonical_request?;
    Some(compare_signing(
        &ours.canonical_request,
        &ours.string_to_sign,
        &theirs,
        body.string_to_sign.as_deref(),
    ))
}
