//! Reading the authentication parameters: from the query (`X-Amz-*`) or the `Authorization`
//! header, with the credential scope, the signed headers list and the request date.

use super::limits::MAX_SIGNED_HEADERS;
use super::redact::clip;
use super::rejection::Rejection;
use super::request::{header_values, RawParam};
use crate::encoding::{self};
use crate::signing::{self, ALGORITHM};
use crate::sigv4::AUTH_PARAMS;
use crate::sigv4::MAX_EXPIRES;
use crate::Timestamp;
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

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

/// `SignedHeaders` parsed and checked: lower-case tokens, sorted, no repeats, bounded.
pub(super) fn parse_signed_headers(
    list: &str,
    location: AuthLocation,
) -> Result<Vec<&str>, Rejection> {
    let mut names: Vec<&str> = Vec::new();
    for name in list.split(';') {
        if names.len() == MAX_SIGNED_HEADERS {
            return Err(Rejection::TooLarge {
                what: "SignedHeaders",
                limit: MAX_SIGNED_HEADERS,
            });
        }
        let ok = !name.is_empty()
            && name.bytes().all(|b| {
                (b.is_ascii_graphic() && !b.is_ascii_uppercase())
                    && !b"\"(),/:;<=>?@[\\]{}".contains(&b)
            });
        if !ok {
            return Err(Rejection::Malformed {
                location,
                reason: "SignedHeaders must be a ';'-separated list of lower-case header names",
            });
        }
        if let Some(prev) = names.last() {
            if *prev >= name {
                return Err(Rejection::Malformed {
                    location,
                    reason: "SignedHeaders must be sorted and list each name once",
                });
            }
        }
        names.push(name);
    }
    Ok(names)
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
    let mut it = cred.rsplitn(5, '/');
    let (term, service, region, date, akid) =
        match (it.next(), it.next(), it.next(), it.next(), it.next()) {
            (Some(t), Some(s), Some(r), Some(d), Some(a)) => (t, s, r, d, a),
            _ => return Err(bad()),
        };
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
    if signing::validate_region(region).is_err() {
        return Err(Rejection::Malformed {
            location,
            reason: "the credential scope region is not a region code",
        });
    }
    if signing::validate_service(service).is_err() {
        return Err(Rejection::Malformed {
            location,
            reason: "the credential scope service is not a service name",
        });
    }
    Ok((akid, date, region, service))
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
    pub(super) credential: Cow<'a, str>,
    pub(super) signed_headers: Cow<'a, str>,
    pub(super) signature: Cow<'a, str>,
    pub(super) token: Option<String>,
    pub(super) signed_at: Timestamp,
    pub(super) expires: Option<u64>,
    /// SigV4a (`AWS4-ECDSA-P256-SHA256`, feature `sigv4a`): see `verify/sigv4a.rs`.
    pub(super) sigv4a: bool,
}

/// Whether `alg` is SigV4a's algorithm, which this build verifies (feature `sigv4a`).
fn is_sigv4a(alg: &str) -> bool {
    cfg!(feature = "sigv4a") && alg == "AWS4-ECDSA-P256-SHA256"
}

pub(super) fn parse_auth<'r>(
    params: &[RawParam<'r>],
    headers: &[(&'r str, &'r str)],
) -> Result<Auth<'r>, Rejection> {
    let header = |name: &str| header_values(headers, name);
    let mut found: [Option<&RawParam<'r>>; 7] = [None; 7];
    for p in params {
        if let Some(i) = p.auth_index() {
            if found[i].is_some() {
                return Err(Rejection::DuplicateParameter {
                    name: AUTH_PARAMS[i],
                });
            }
            found[i] = Some(p);
        }
    }
    let authorization = header("authorization");
    let auth_header = authorization.first().copied();
    let query_auth = found[ALG].is_some();
    match (query_auth, auth_header) {
        (true, Some(_)) => Err(Rejection::ConflictingAuthentication),
        (false, None) => Err(Rejection::MissingAuthentication),
        (true, None) => {
            let location = AuthLocation::Query;
            let value = |i: usize| found[i].map(|p| encoding::decode_lossy(p.raw_value));
            let (Some(alg), Some(cred), Some(date), Some(expires), Some(signed), Some(sig)) = (
                value(ALG),
                value(CRED),
                value(DATE),
                value(EXPIRES),
                value(SIGNED),
                value(SIG),
            ) else {
                return Err(Rejection::Malformed {
                    location,
                    reason: "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.",
                });
            };
            let sigv4a = is_sigv4a(&alg);
            if alg != ALGORITHM && !sigv4a {
                return Err(Rejection::UnsupportedAlgorithm {
                    location,
                    algorithm: clip(&alg, 64),
                });
            }
            let signed_at = Timestamp::parse_amz_date(&date)
                .map_err(|_| Rejection::InvalidDate { location })?;
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
                        value: clip(&expires, 32),
                    })
                }
            };
            Ok(Auth {
                location,
                credential: Cow::Owned(cred.into_owned()),
                signed_headers: Cow::Owned(signed.into_owned()),
                signature: Cow::Owned(sig.into_owned()),
                token: value(TOKEN).map(Cow::into_owned),
                signed_at,
                expires: Some(expires),
                sigv4a,
            })
        }
        (false, Some(value)) => {
            let location = AuthLocation::Header;
            if authorization.len() > 1 {
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
            let (Some(cred), Some(signed), Some(sig)) = (cred, signed, sig) else {
                return Err(Rejection::Malformed {
                    location,
                    reason:
                        "the Authorization header must have Credential, SignedHeaders and Signature",
                });
            };
            let amz_dates = header("x-amz-date");
            let signed_at = match amz_dates.first() {
                Some(d) => {
                    if amz_dates.len() > 1 {
                        return Err(Rejection::InvalidDate { location });
                    }
                    Timestamp::parse_amz_date(d.trim_matches([' ', '\t']))
                        .map_err(|_| Rejection::InvalidDate { location })?
                }
                None => match header("date").first() {
                    Some(d) => parse_http_date(d).ok_or(Rejection::InvalidDate { location })?,
                    None => return Err(Rejection::MissingDate),
                },
            };
            let token = header("x-amz-security-token")
                .first()
                .map(|t| String::from(t.trim_matches([' ', '\t'])));
            Ok(Auth {
                location,
                credential: Cow::Borrowed(cred),
                signed_headers: Cow::Borrowed(signed),
                signature: Cow::Borrowed(sig),
                token,
                signed_at,
                expires: None,
                sigv4a,
            })
        }
    }
}
