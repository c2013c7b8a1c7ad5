//! Reading the authentication parameters: from the query (`X-Amz-*`) or the `Authorization`
//! header, with the credential scope, the signed headers list and the request date.

use super::headers::Known;
use super::query::Piece;
use super::redact::clip;
use super::rejection::Rejection;
use crate::signing::{self, ALGORITHM};
use crate::sigv4::AUTH_PARAMS;
use crate::sigv4::MAX_EXPIRES;
use crate::Timestamp;
use alloc::string::String;
use percent_encoding::percent_decode_str;

// Indexes into AUTH_PARAMS.
const ALG: usize = 0;
const CRED: usize = 1;
const DATE: usize = 2;
const EXPIRES: usize = 3;
const SIGNED: usize = 4;
pub(super) const SIG: usize = 5;
const TOKEN: usize = 6;

/// Where the signature was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthLocation {
    /// A presigned URL: `X-Amz-Algorithm`, `X-Amz-Signature`, ... in the query string.
    Query,
    /// An `Authorization: AWS4-HMAC-SHA256 ...` header.
    Header,
}

impl AuthLocation {
    /// A stable name: `"query"` or `"header"`.
    pub fn code(self) -> &'static str {
        match self {
            AuthLocation::Query => "query",
            AuthLocation::Header => "header",
        }
    }
}

/// Which authentication parameter the raw query name `raw` is, once decoded (`escaped`: it
/// holds a `%`). Names are case-sensitive, as S3 reads them: `x-amz-signature` is an ordinary
/// parameter (signed like any other), not the signature.
pub(crate) fn auth_param(raw: &str, escaped: bool) -> Option<usize> {
    if escaped {
        // Compared as it is decoded: a long name stops at its first differing byte.
        return AUTH_PARAMS
            .iter()
            .position(|p| percent_decode_str(raw).eq(p.bytes()));
    }
    // The length and one letter tell which it could be.
    let candidate = match (raw.len(), raw.as_bytes().get(7)) {
        (15, Some(b'l')) => ALG,
        (16, _) => CRED,
        (10, _) => DATE,
        (13, _) => EXPIRES,
        (19, _) => SIGNED,
        (15, Some(b'i')) => SIG,
        (20, _) => TOKEN,
        _ => return None,
    };
    (AUTH_PARAMS[candidate] == raw).then_some(candidate)
}

/// Appends `raw` percent-decoded to `out` (invalid UTF-8 replaced with U+FFFD).
fn decode_into(out: &mut String, raw: &str) {
    let start = out.len();
    let mut rest = raw;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let hex = |b: u8| char::from(b).to_digit(16);
        let byte = match rest.as_bytes().get(i + 1..i + 3) {
            Some(&[h, l]) => hex(h).zip(hex(l)).map(|(h, l)| h * 16 + l),
            _ => None,
        };
        match byte.and_then(char::from_u32) {
            Some(c) if c.is_ascii() => {
                out.push(c);
                rest = &rest[i + 3..];
            }
            // Not ASCII: decode the whole value the slow way, replacing invalid UTF-8.
            Some(_) => {
                out.truncate(start);
                out.push_str(&percent_decode_str(raw).decode_utf8_lossy());
                return;
            }
            None => {
                out.push('%');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
}

/// `AKID/YYYYMMDD/region/service/aws4_request` → (akid, date, region, service).
pub(super) fn parse_credential(
    cred: &str,
    location: AuthLocation,
) -> Result<(&str, &str, &str, &str), Rejection> {
    let bad = || {
        Rejection::Malformed {
        location,
        reason: "Error parsing the Credential: it must be <access key id>/<YYYYMMDD>/<region>/<service>/aws4_request",
    }
    };
    // The last four '/' split it (an access key id could hold one).
    let mut cuts = [0usize; 4];
    let mut found = 0;
    for (i, &b) in cred.as_bytes().iter().enumerate().rev() {
        if b == b'/' {
            cuts[3 - found] = i;
            found += 1;
            if found == 4 {
                break;
            }
        }
    }
    if found < 4 {
        return Err(bad());
    }
    let part = |from: usize, to: usize| cred.get(from..to).unwrap_or_default();
    let akid = part(0, cuts[0]);
    let date = part(cuts[0] + 1, cuts[1]);
    let region = part(cuts[1] + 1, cuts[2]);
    let service = part(cuts[2] + 1, cuts[3]);
    let term = part(cuts[3] + 1, cred.len());
    check_scope_parts(akid, date, service, term, location, bad)?;
    if signing::validate_region(region).is_err() {
        return Err(Rejection::Malformed {
            location,
            reason: "the credential scope region is not a region code",
        });
    }
    Ok((akid, date, region, service))
}

/// The checks every credential scope shares (SigV4's and SigV4a's): the access key id, the
/// `YYYYMMDD` date, the service name and the `aws4_request` terminator; `bad` is the rejection
/// for a malformed access key id.
pub(super) fn check_scope_parts(
    akid: &str,
    date: &str,
    service: &str,
    term: &str,
    location: AuthLocation,
    bad: impl Fn() -> Rejection,
) -> Result<(), Rejection> {
    if term != "aws4_request" {
        return Err(Rejection::Malformed {
            location,
            reason: "the credential scope must end with \"aws4_request\"",
        });
    }
    if akid.is_empty() || akid.len() > 128 || !akid.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(bad());
    }
    if date.len() != 8 || !date.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Rejection::Malformed {
            location,
            reason: "the credential scope date must be YYYYMMDD",
        });
    }
    if signing::validate_service(service).is_err() {
        return Err(Rejection::Malformed {
            location,
            reason: "the credential scope service is not a service name",
        });
    }
    Ok(())
}

/// Parses an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`) or the `X-Amz-Date` form.
pub(crate) fn parse_http_date(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    if let Ok(t) = Timestamp::parse_amz_date(s) {
        return Some(t);
    }
    // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
    let (_, rest) = s.split_once(", ")?;
    let mut parts = rest.split(' ');
    let day: u8 = parts.next()?.parse().ok()?;
    let month = parts.next()?;
    let year: u16 = parts.next()?.parse().ok()?;
    let time = parts.next()?;
    if parts.next()? != "GMT" || parts.next().is_some() {
        return None;
    }
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|m| *m == month)? as u8 + 1;
    let mut hms = time.split(':');
    let hour: u8 = hms.next()?.parse().ok()?;
    let minute: u8 = hms.next()?.parse().ok()?;
    let second: u8 = hms.next()?.parse().ok()?;
    if hms.next().is_some() || time.len() != 8 {
        return None;
    }
    Timestamp::from_date_time(crate::time::DateTime {
        year,
        month,
        day,
        hour,
        minute,
        second,
    })
    .ok()
}

/// The parsed authentication fields.
pub(super) struct Auth<'a> {
    pub(super) location: AuthLocation,
    pub(super) credential: &'a str,
    pub(super) signed_headers: &'a str,
    pub(super) signature: &'a str,
    pub(super) token: Option<&'a str>,
    pub(super) signed_at: Timestamp,
    pub(super) expires: Option<u64>,
    /// SigV4a (`AWS4-ECDSA-P256-SHA256`, feature `sigv4a`): see `verify/sigv4a.rs`.
    pub(super) sigv4a: bool,
}

/// Whether `alg` is SigV4a's algorithm, which this build verifies (feature `sigv4a`).
fn is_sigv4a(alg: &str) -> bool {
    cfg!(feature = "sigv4a") && alg == "AWS4-ECDSA-P256-SHA256"
}

/// Finds the authentication in the query (`X-Amz-*`, values decoded into `decoded`) or the
/// `Authorization` header, and checks its syntax: the algorithm, the dates, `X-Amz-Expires`.
pub(super) fn parse_auth<'a>(
    query: &'a str,
    pieces: &[Piece],
    known: &Known<'a>,
    decoded: &'a mut String,
) -> Result<Auth<'a>, Rejection> {
    let mut found: [Option<Piece>; 7] = [None; 7];
    for &piece in pieces {
        if let Some(i) = auth_param(piece.name(query), piece.name_escaped()) {
            if found[i].replace(piece).is_some() {
                return Err(Rejection::DuplicateParameter {
                    name: AUTH_PARAMS[i],
                });
            }
        }
    }
    match (found[ALG].is_some(), known.authorization) {
        (true, Some(_)) => Err(Rejection::ConflictingAuthentication),
        (false, None) => Err(Rejection::MissingAuthentication),
        (true, None) => query_auth(query, &found, decoded),
        (false, Some(value)) => header_auth(value, known),
    }
}

fn query_auth<'a>(
    query: &'a str,
    found: &[Option<Piece>; 7],
    decoded: &'a mut String,
) -> Result<Auth<'a>, Rejection> {
    let location = AuthLocation::Query;
    if found[..6].iter().any(Option::is_none) {
        return Err(Rejection::Malformed {
            location,
            reason: "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.",
        });
    }
    // Values with escapes are decoded into one buffer; the others are read where they are.
    decoded.clear();
    let mut ranges = [None; 7];
    for (range, piece) in ranges.iter_mut().zip(found) {
        if let Some(p) = piece.filter(|p| p.value_escaped()) {
            let start = decoded.len();
            decode_into(decoded, p.value(query));
            *range = Some((start, decoded.len()));
        }
    }
    let decoded: &'a String = decoded;
    let value = |i: usize| -> &'a str {
        match (ranges[i], found[i]) {
            (Some((a, b)), _) => decoded.get(a..b).unwrap_or_default(),
            (None, Some(p)) => p.value(query),
            (None, None) => "",
        }
    };
    let sigv4a = is_sigv4a(value(ALG));
    if value(ALG) != ALGORITHM && !sigv4a {
        return Err(Rejection::UnsupportedAlgorithm {
            location,
            algorithm: clip(value(ALG), 64),
        });
    }
    let signed_at =
        Timestamp::parse_amz_date(value(DATE)).map_err(|_| Rejection::InvalidDate { location })?;
    let expires = value(EXPIRES);
    let seconds = if expires.is_empty()
        || expires.len() > 7
        || !expires.bytes().all(|b| b.is_ascii_digit())
    {
        None
    } else {
        expires.parse::<u64>().ok()
    };
    let expires = match seconds {
        Some(e @ 1..=MAX_EXPIRES) => e,
        _ => {
            return Err(Rejection::InvalidExpires {
                value: clip(expires, 32),
            })
        }
    };
    Ok(Auth {
        location,
        credential: value(CRED),
        signed_headers: value(SIGNED),
        signature: value(SIG),
        token: found[TOKEN].map(|_| value(TOKEN)),
        signed_at,
        expires: Some(expires),
        sigv4a,
    })
}

fn header_auth<'a>(value: &'a str, known: &Known<'a>) -> Result<Auth<'a>, Rejection> {
    let location = AuthLocation::Header;
    if known.authorizations > 1 {
        return Err(Rejection::Malformed {
            location,
            reason: "the Authorization header appears more than once",
        });
    }
    let value = value.trim_matches([' ', '\t']);
    let (alg, rest) = value.split_once(' ').unwrap_or((value, ""));
    let sigv4a = is_sigv4a(alg);
    if alg != ALGORITHM && !sigv4a {
        return Err(Rejection::UnsupportedAlgorithm {
            location,
            algorithm: clip(alg, 64),
        });
    }
    let (mut cred, mut signed, mut sig) = (None, None, None);
    for part in rest.split(',') {
        let part = part.trim_matches([' ', '\t']);
        let (k, v) = part.split_once('=').ok_or(Rejection::Malformed {
            location,
            reason: "the Authorization header must be AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...",
        })?;
        let slot = match k {
            "Credential" => &mut cred,
            "SignedHeaders" => &mut signed,
            "Signature" => &mut sig,
            _ => return Err(Rejection::Malformed { location, reason: "the Authorization header has an unknown component (expected Credential, SignedHeaders, Signature)" }),
        };
        if slot.replace(v).is_some() {
            return Err(Rejection::Malformed {
                location,
                reason: "a component of the Authorization header appears more than once",
            });
        }
    }
    let (Some(credential), Some(signed_headers), Some(signature)) = (cred, signed, sig) else {
        return Err(Rejection::Malformed {
            location,
            reason: "the Authorization header must have Credential, SignedHeaders and Signature",
        });
    };
    let signed_at = match known.amz_date {
        Some(d) => {
            if known.amz_dates > 1 {
                return Err(Rejection::InvalidDate { location });
            }
            Timestamp::parse_amz_date(d.trim_matches([' ', '\t']))
                .map_err(|_| Rejection::InvalidDate { location })?
        }
        None => match known.date {
            Some(d) => parse_http_date(d).ok_or(Rejection::InvalidDate { location })?,
            None => return Err(Rejection::MissingDate),
        },
    };
    Ok(Auth {
        location,
        credential,
        signed_headers,
        signature,
        token: known.token.map(|t| t.trim_matches([' ', '\t'])),
        signed_at,
        expires: None,
        sigv4a,
    })
}
