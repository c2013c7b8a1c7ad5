//! Findings: what breaks the signature, in words a user acts on.

use crate::{Timestamp, Warning};
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Severity {
    /// Noted, but not the cause: the signature still matches.
    Harmless,
    /// Works with some servers and breaks with others (S3 among them for `+`).
    Risky,
    /// The request is refused because of this.
    Breaks,
}

impl Severity {
    /// A stable name: `"harmless"`, `"risky"` or `"breaks"`.
    pub fn code(self) -> &'static str {
        match self {
            Severity::Harmless => "harmless",
            Severity::Risky => "risky",
            Severity::Breaks => "breaks",
        }
    }
}

/// How a path or a query value changed between the URL and the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Change {
    /// A space, signed as `%20`, was sent as `+` (form encoding).
    SpaceAsPlus,
    /// A `+`, signed as `%2B`, arrived as a space (sent as `%20` or ` `), the session-token case.
    PlusBecameSpace,
    /// A `+`, signed as `%2B`, was sent bare: servers that form-decode (S3 among them) read it
    /// as a space.
    PlusNotEncoded,
    /// Encoded a second time (`%20` became `%2520`).
    DoubleEncoded,
    /// The same characters in another Unicode normalization form (NFC vs NFD).
    UnicodeNormalization,
    /// Cut at an unencoded `?` or `#`.
    Truncated {
        /// The character that cut it.
        at: char,
    },
    /// Other escapes that decode to the same bytes (`%7E` vs `~`, `%2f` vs `%2F`, `!` vs `%21`).
    EquivalentEscapes,
    /// The path's `.`/`..` segments were removed, as browsers, Node, curl and Python requests
    /// do before sending (`/k/./a` went out as `/k/a`).
    DotSegmentsRemoved,
    /// Other content altogether.
    Different,
}

/// Which URL a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Which {
    /// The presigned URL.
    Presigned,
    /// The URL the client sent.
    Sent,
}

/// One thing that breaks (or could break) the signature, with a message a user acts on
/// (`Display`). Values of sensitive headers and of the session token are never copied in full.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Finding {
    /// A URL could not be read.
    UnusableUrl {
        /// Which URL.
        which: Which,
        /// Why.
        reason: &'static str,
    },
    /// The input is larger than the diagnosis reads.
    TooLarge {
        /// What is too large.
        what: &'static str,
    },
    /// The presigned URL lacks SigV4 query parameters.
    NotPresigned {
        /// The missing parameters.
        missing: Vec<&'static str>,
    },
    /// A signed header was not sent (the Content-Type case).
    SignedHeaderNotSent {
        /// The lower-case name.
        name: String,
        /// The signed value, when known.
        value: Option<String>,
        /// Whether the request is an upload (PUT or POST).
        upload: bool,
    },
    /// A signed header was sent with another value.
    SignedHeaderChanged {
        /// The lower-case name.
        name: String,
        /// The signed value.
        signed: String,
        /// The value sent.
        sent: String,
    },
    /// An `x-amz-*` header was sent that the URL does not sign.
    UnsignedAmzHeader {
        /// The lower-case name.
        name: String,
    },
    /// An `Authorization` header was sent along with a presigned URL.
    AuthorizationHeaderSent,
    /// The request used another method than the one signed.
    MethodChanged {
        /// The signed method.
        signed: String,
        /// The method sent.
        sent: String,
    },
    /// The request went to another host.
    HostChanged {
        /// The signed host.
        signed: String,
        /// The host sent.
        sent: String,
    },
    /// The request went to the same host name on another port.
    PortChanged {
        /// The signed host.
        signed: String,
        /// The host sent.
        sent: String,
    },
    /// The path was changed or re-encoded.
    PathChanged {
        /// The signed path (raw, clipped).
        signed: String,
        /// The path sent (raw, clipped).
        sent: String,
        /// How it changed.
        change: Change,
        /// Whether it breaks the signature: re-encodings that decode the same are harmless for
        /// S3, which decodes the path before signing, and break every other service.
        severity: Severity,
    },
    /// SigV4 parameters (`X-Amz-*`) of the URL were not sent: the URL was cut short.
    SignatureParametersMissing {
        /// The missing parameters.
        names: Vec<&'static str>,
    },
    /// A query parameter of the URL was not sent.
    QueryParameterRemoved {
        /// The decoded name (clipped).
        name: String,
    },
    /// A query parameter was sent that the URL does not have.
    QueryParameterAdded {
        /// The decoded name (clipped).
        name: String,
    },
    /// A query parameter was sent with another value or encoding.
    QueryParameterChanged {
        /// The decoded name (clipped).
        name: String,
        /// The signed raw value (clipped; the session token is redacted).
        signed: String,
        /// The raw value sent (clipped; the session token is redacted).
        sent: String,
        /// How it changed.
        change: Change,
        /// Whether it breaks the signature.
        severity: Severity,
    },
    /// The URL has expired.
    Expired {
        /// When it expired.
        expired_at: Timestamp,
        /// How long ago, in seconds.
        seconds_ago: u64,
    },
    /// The URL is dated more than 15 minutes in the future.
    NotYetValid {
        /// Its signing time.
        signed_at: Timestamp,
        /// How far ahead, in seconds.
        seconds_ahead: u64,
    },
    /// `X-Amz-Expires` is over seven days (or not a number in 1..=604800).
    ExpiryTooLong {
        /// The value given, in seconds (0 when it is not a number).
        seconds: u64,
    },
    /// The URL is signed for another region than the bucket's.
    RegionMismatch {
        /// The region in the credential scope.
        signed: String,
        /// The region expected.
        expected: String,
        /// Whether the expected region was read from the endpoint host (rather than given).
        from_host: bool,
    },
    /// A common client is known to break this URL (what [`Presigned::warnings`](crate::Presigned::warnings)
    /// says at presign time): a browser removing its `./` segments, for one.
    ClientHazard {
        /// The hazard.
        warning: Warning,
    },
    /// The temporary credentials that signed the URL expire before it does.
    CredentialsExpireFirst {
        /// When the credentials expire.
        credentials_expire_at: Timestamp,
        /// When the URL expires.
        url_expires_at: Timestamp,
        /// Whether the credentials have already expired at the context's `now`.
        already: bool,
    },
}

impl Finding {
    /// A stable kebab-case name of the finding, e.g. `"signed-header-changed"` (for programs
    /// and bindings; `Display` is the message).
    pub fn code(&self) -> &'static str {
        match self {
            Finding::UnusableUrl { .. } => "unusable-url",
            Finding::TooLarge { .. } => "too-large",
            Finding::NotPresigned { .. } => "not-presigned",
            Finding::SignedHeaderNotSent { .. } => "signed-header-not-sent",
            Finding::SignedHeaderChanged { .. } => "signed-header-changed",
            Finding::UnsignedAmzHeader { .. } => "unsigned-amz-header",
            Finding::AuthorizationHeaderSent => "authorization-header-sent",
            Finding::MethodChanged { .. } => "method-changed",
            Finding::HostChanged { .. } => "host-changed",
            Finding::PortChanged { .. } => "port-changed",
            Finding::PathChanged { .. } => "path-changed",
            Finding::SignatureParametersMissing { .. } => "signature-parameters-missing",
            Finding::QueryParameterRemoved { .. } => "query-parameter-removed",
            Finding::QueryParameterAdded { .. } => "query-parameter-added",
            Finding::QueryParameterChanged { .. } => "query-parameter-changed",
            Finding::Expired { .. } => "expired",
            Finding::NotYetValid { .. } => "not-yet-valid",
            Finding::ExpiryTooLong { .. } => "expiry-too-long",
            Finding::RegionMismatch { .. } => "region-mismatch",
            Finding::CredentialsExpireFirst { .. } => "credentials-expire-first",
            Finding::ClientHazard { .. } => "client-hazard",
        }
    }

    /// Whether this finding breaks the request, might, or is harmless.
    pub fn severity(&self) -> Severity {
        match self {
            Finding::PathChanged { severity, .. }
            | Finding::QueryParameterChanged { severity, .. } => *severity,
            Finding::CredentialsExpireFirst { already: false, .. }
            | Finding::ClientHazard { .. } => Severity::Risky,
            _ => Severity::Breaks,
        }
    }

    /// The error code S3 would answer because of this finding, if any.
    pub fn s3_code(&self) -> Option<&'static str> {
        if self.severity() == Severity::Harmless {
            return None;
        }
        Some(match self {
            Finding::UnusableUrl { .. }
            | Finding::TooLarge { .. }
            | Finding::ClientHazard { .. } => return None,
            Finding::NotPresigned { .. } | Finding::SignatureParametersMissing { .. } => {
                "AccessDenied"
            }
            Finding::UnsignedAmzHeader { .. } => "AccessDenied",
            Finding::AuthorizationHeaderSent => "InvalidArgument",
            Finding::Expired { .. } => "AccessDenied",
            Finding::NotYetValid { .. } => "RequestTimeTooSkewed",
            Finding::ExpiryTooLong { .. } | Finding::RegionMismatch { .. } => {
                "AuthorizationQueryParametersError"
            }
            Finding::CredentialsExpireFirst { .. } => "ExpiredToken",
            _ => "SignatureDoesNotMatch",
        })
    }
}

/// `content-type` → `Content-Type`.
fn title_case(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    let mut up = true;
    for c in name.chars() {
        fmt::Write::write_char(f, if up { c.to_ascii_uppercase() } else { c })?;
        up = c == '-';
    }
    Ok(())
}

fn duration(secs: u64) -> String {
    use core::fmt::Write;
    let mut s = String::new();
    let _ = if secs < 60 {
        write!(s, "{secs} s")
    } else if secs < 3600 {
        write!(s, "{} min", secs / 60)
    } else if secs < 86_400 {
        write!(s, "{} h {} min", secs / 3600, secs / 60 % 60)
    } else {
        write!(s, "{} days {} h", secs / 86_400, secs / 3600 % 24)
    };
    s
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Finding::UnusableUrl { which, reason } => {
                let w = match which {
                    Which::Presigned => "the presigned URL",
                    Which::Sent => "the URL sent",
                };
                write!(f, "{w} cannot be read: {reason}")
            }
            Finding::TooLarge { what } => write!(f, "the {what} is too large to diagnose"),
            Finding::NotPresigned { missing } => {
                f.write_str("the URL is not a SigV4 presigned URL: it lacks ")?;
                list(f, missing.iter().copied())
            }
            Finding::SignedHeaderNotSent { name, value, upload } => {
                let who = if *upload { "the upload" } else { "the request" };
                match value {
                    Some(v) => {
                        write!(f, "{who} must send `")?;
                        title_case(f, name)?;
                        write!(f, ": {v}` exactly: the header is signed into the URL, and without it S3 answers SignatureDoesNotMatch")?;
                        if name == "content-type" {
                            f.write_str(" (set it explicitly: fetch, XHR and form uploads send the file's own type or none)")?;
                        }
                        Ok(())
                    }
                    None => {
                        write!(f, "{who} must send the `")?;
                        title_case(f, name)?;
                        f.write_str("` header with the value that was signed (it is listed in X-Amz-SignedHeaders); without it S3 answers SignatureDoesNotMatch")
                    }
                }
            }
            Finding::SignedHeaderChanged { name, signed, sent } => {
                f.write_str("`")?;
                title_case(f, name)?;
                write!(f, "` was sent as `{sent}` but the URL is signed for `{signed}`: send `")?;
                title_case(f, name)?;
                write!(f, ": {signed}` exactly (the value is part of the signature)")
            }
            Finding::UnsignedAmzHeader { name } => write!(
                f,
                "the request sends `{name}`, which the URL does not sign: S3 answers AccessDenied \"There were headers present in the request which were not signed\"; presign with this header or stop sending it"
            ),
            Finding::AuthorizationHeaderSent => f.write_str(
                "the request sends an Authorization header along with the presigned URL: S3 answers InvalidArgument \"Only one auth mechanism allowed\"; remove the header (an HTTP client default or an interceptor adds it)",
            ),
            Finding::MethodChanged { signed, sent } => {
                write!(f, "the URL is presigned for {signed} but was sent with {sent}")?;
                if sent == "GET" && signed != "HEAD" {
                    f.write_str(" (opening it in a browser, a link or an <img> always does GET)")?;
                }
                if (signed == "GET" && sent == "HEAD") || (signed == "HEAD" && sent == "GET") {
                    f.write_str(": HEAD and GET are signed differently")?;
                }
                write!(f, ": the method is part of the signature, so send {signed} or presign for {sent}")
            }
            Finding::HostChanged { signed, sent } => write!(
                f,
                "the request went to host `{sent}` but the URL is signed for `{signed}`: the Host header is signed, so send the URL to the host it was presigned for (a proxy, a CDN or a rewritten endpoint changes it: presign with the host clients will use)"
            ),
            Finding::PortChanged { signed, sent } => write!(
                f,
                "the request went to `{sent}` but the URL is signed for `{signed}`: the port is part of the signed Host (a default port is left out, any other is kept), so use the same port as the presigned URL"
            ),
            Finding::PathChanged { signed, sent, change, severity } => {
                f.write_str("the path was ")?;
                match change {
                    Change::SpaceAsPlus => f.write_str("re-encoded: a space in the key, signed as `%20`, was sent as `+`, which in a path is a plus sign, so S3 looks for another key and the signature fails")?,
                    Change::PlusBecameSpace => f.write_str("re-encoded: a `+` in the key, signed as `%2B`, was sent as a space")?,
                    Change::PlusNotEncoded => f.write_str("re-encoded: a `+` in the key, signed as `%2B`, was sent bare; S3 may read a bare `+` in a path as a space (another key)")?,
                    Change::DoubleEncoded => f.write_str("encoded twice (`%` became `%25`, so `%20` became `%2520`): another key, and another signature")?,
                    Change::UnicodeNormalization => f.write_str("sent with its accented or composed characters in another Unicode normalization form (NFC vs NFD; macOS file names are NFD): other bytes, so another key; normalize the key the same way when presigning and when sending")?,
                    Change::Truncated { at } => write!(f, "cut at an unencoded `{at}`: a `?` or `#` in a key must be sent percent-encoded (`%3F`, `%23`), as in the presigned URL")?,
                    Change::EquivalentEscapes => f.write_str("re-encoded with other escapes that decode to the same key")?,
                    Change::DotSegmentsRemoved => f.write_str("rewritten: its `.`/`..` segments were removed, as browsers (fetch, XMLHttpRequest), Node, curl and Python requests do before sending, so S3 looks for another key")?,
                    Change::Different => f.write_str("changed: the request asks for another resource")?,
                }
                write!(f, " (signed `{signed}`, sent `{sent}`)")?;
                match (change, severity) {
                    (Change::DotSegmentsRemoved, _) => f.write_str(
                        ": rename the key without `.`/`..` segments, or send it with a client that keeps the path as is (curl --path-as-is, Python http.client); presign warns about such keys (dot-segment-in-key)",
                    ),
                    (Change::EquivalentEscapes, Severity::Harmless) => {
                        f.write_str(": S3 decodes the path before signing, so this is not the cause")
                    }
                    (Change::EquivalentEscapes, _) => f.write_str(
                        ": outside S3 the path is signed as sent, so the signature fails; send the path exactly as in the URL",
                    ),
                    _ => f.write_str(": send the URL exactly as presigned"),
                }
            }
            Finding::SignatureParametersMissing { names } => {
                f.write_str("the request lost the signature parameters ")?;
                list(f, names.iter().copied())?;
                f.write_str(": the URL was cut short (an unencoded `#` or `?` in it, or a copy that dropped the end); send the whole URL")
            }
            Finding::QueryParameterRemoved { name } => write!(
                f,
                "the query parameter `{name}` of the presigned URL was not sent: every query parameter is signed, so send the whole URL"
            ),
            Finding::QueryParameterAdded { name } => write!(
                f,
                "the request adds the query parameter `{name}`, which the URL does not sign: every query parameter but X-Amz-Signature is part of the signature; presign with it or stop adding it"
            ),
            Finding::QueryParameterChanged { name, signed, sent, change, severity } => {
                let token = name.eq_ignore_ascii_case("X-Amz-Security-Token");
                if token {
                    f.write_str("the session token (X-Amz-Security-Token) ")?;
                } else {
                    write!(f, "the query parameter `{name}` ")?;
                }
                match change {
                    Change::SpaceAsPlus => f.write_str("has a space, signed as `%20`, sent as `+` (form encoding); SigV4 decodes `+` as a plus sign, so the value differs")?,
                    Change::PlusBecameSpace if token => f.write_str("was mis-encoded: its `+` (signed as `%2B`) arrived as a space; a token contains `+`, `/` and `=`, which must be sent as `%2B`, `%2F` and `%3D`")?,
                    Change::PlusBecameSpace => f.write_str("has a `+`, signed as `%2B`, that arrived as a space; send it as `%2B`")?,
                    Change::PlusNotEncoded => f.write_str("has a `+`, signed as `%2B`, sent bare: servers that read the query as a form (S3 among them) take it for a space; keep `%2B`")?,
                    Change::DoubleEncoded => f.write_str("was encoded twice (`%` became `%25`)")?,
                    Change::UnicodeNormalization => f.write_str("was sent in another Unicode normalization form (NFC vs NFD)")?,
                    Change::Truncated { at } => write!(f, "was cut at an unencoded `{at}`")?,
                    Change::EquivalentEscapes => f.write_str("was re-encoded with other escapes that decode to the same value")?,
                    Change::DotSegmentsRemoved => f.write_str("lost its `.`/`..` segments")?,
                    Change::Different => f.write_str("was changed")?,
                }
                write!(f, " (signed `{signed}`, sent `{sent}`)")?;
                if *severity == Severity::Harmless {
                    f.write_str(": the canonical query decodes and re-encodes it, so this is not the cause")
                } else {
                    f.write_str(": send the URL exactly as presigned")
                }
            }
            Finding::Expired { expired_at, seconds_ago } => write!(
                f,
                "the URL expired {} ago (at {expired_at}): S3 answers AccessDenied \"Request has expired\"; presign a new one",
                duration(*seconds_ago)
            ),
            Finding::NotYetValid { signed_at, seconds_ahead } => write!(
                f,
                "the URL is dated {} in the future ({signed_at}): the signer's clock (or the server's) is wrong, and S3 answers RequestTimeTooSkewed beyond 15 minutes",
                duration(*seconds_ahead)
            ),
            Finding::ExpiryTooLong { seconds } => write!(
                f,
                "X-Amz-Expires is {seconds} s ({}): S3 refuses more than 604800 s (7 days) with AuthorizationQueryParametersError; presign for 7 days at most",
                duration(*seconds)
            ),
            Finding::RegionMismatch { signed, expected, from_host } => {
                write!(f, "the URL is signed for region '{signed}' but ")?;
                if *from_host {
                    write!(f, "its endpoint host is in '{expected}'")?;
                } else {
                    write!(f, "the bucket is in '{expected}'")?;
                }
                write!(
                    f,
                    ": S3 answers AuthorizationQueryParametersError \"the region '{signed}' is wrong; expecting '{expected}'\"; presign for region {expected} at its regional endpoint"
                )
            }
            Finding::ClientHazard { warning } => write!(f, "clients may break this URL ({}): {warning}", warning.code()),
            Finding::CredentialsExpireFirst { credentials_expire_at, url_expires_at, already } => {
                if *already {
                    write!(f, "the temporary credentials that signed the URL expired at {credentials_expire_at}")?;
                } else {
                    write!(f, "the temporary credentials that signed the URL expire at {credentials_expire_at}")?;
                }
                write!(
                    f,
                    ", before the URL does ({url_expires_at}): from then on S3 answers ExpiredToken (instance-profile and STS credentials last hours, not days); presign with longer-lived credentials or a shorter expiry"
                )
            }
        }
    }
}

pub(super) fn list<'s>(
    f: &mut fmt::Formatter<'_>,
    items: impl Iterator<Item = &'s str>,
) -> fmt::Result {
    for (i, n) in items.enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        f.write_str(n)?;
    }
    Ok(())
}
