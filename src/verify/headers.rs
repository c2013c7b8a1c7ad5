//! The received headers, read in linear time: one pass finds the few the verifier reads itself
//! (`Host`, `Authorization`, the dates, the session token, the content hash), and one pass
//! matches every header against the sorted `SignedHeaders` list by binary search, chaining the
//! values of each signed name in the order received. Nothing here allocates but a rejection.

use super::limits::{MAX_HEADERS, MAX_SIGNED_HEADERS};
use super::redact::clip;
use super::rejection::Rejection;
use crate::canonical::ambiguous_whitespace;
use alloc::string::String;
use alloc::vec::Vec;
use core::cmp::Ordering;

/// The headers the verifier reads itself: the first value of each, and how many were sent.
#[derive(Clone, Copy, Default)]
pub(super) struct Known<'r> {
    pub host: Option<&'r str>,
    pub hosts: usize,
    pub authorization: Option<&'r str>,
    pub authorizations: usize,
    pub amz_date: Option<&'r str>,
    pub amz_dates: usize,
    pub date: Option<&'r str>,
    pub token: Option<&'r str>,
    pub content_sha256: Option<&'r str>,
    /// `x-amz-region-set` (SigV4a).
    #[cfg(feature = "sigv4a")]
    pub region_set: Option<&'r str>,
}

impl<'r> Known<'r> {
    /// One pass over the received headers.
    pub(super) fn scan(headers: &[(&'r str, &'r str)]) -> Self {
        let mut k = Known::default();
        for &(name, value) in headers {
            let first = |slot: &mut Option<&'r str>| {
                slot.get_or_insert(value);
            };
            // The length first: most headers are none of these and fail there.
            match name.len() {
                4 if name.eq_ignore_ascii_case("host") => {
                    first(&mut k.host);
                    k.hosts += 1;
                }
                4 if name.eq_ignore_ascii_case("date") => first(&mut k.date),
                10 if name.eq_ignore_ascii_case("x-amz-date") => {
                    first(&mut k.amz_date);
                    k.amz_dates += 1;
                }
                13 if name.eq_ignore_ascii_case("authorization") => {
                    first(&mut k.authorization);
                    k.authorizations += 1;
                }
                20 if name.eq_ignore_ascii_case("x-amz-security-token") => first(&mut k.token),
                20 if name.eq_ignore_ascii_case("x-amz-content-sha256") => {
                    first(&mut k.content_sha256)
                }
                #[cfg(feature = "sigv4a")]
                16 if name.eq_ignore_ascii_case("x-amz-region-set") => first(&mut k.region_set),
                _ => {}
            }
        }
        k
    }
}

/// The `SignedHeaders` list, checked (lower-case tokens, sorted, no repeats) and bounded: the
/// names as offsets into the list.
pub(super) struct SignedNames<'a, 's> {
    list: &'a str,
    spans: &'s [(u32, u32)],
}

impl<'a> SignedNames<'a, '_> {
    /// How many names.
    pub(super) fn len(&self) -> usize {
        self.spans.len()
    }

    /// Name number `i`.
    pub(super) fn get(&self, i: usize) -> &'a str {
        let list: &'a str = self.list;
        self.spans
            .get(i)
            .and_then(|&(a, b)| list.get(a as usize..b as usize))
            .unwrap_or_default()
    }

    /// The names in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Whether `host` is signed.
    pub(super) fn has_host(&self) -> bool {
        self.index_of("host").is_some()
    }

    /// Which signed name `name` (any case) is: `hint` first (headers often arrive in the order
    /// they are signed), then by binary search.
    fn index_of_from(&self, name: &str, hint: usize) -> Option<usize> {
        // `hint` may be one past the last name, where `get` is "" (and so is an empty name).
        if hint < self.len() && self.get(hint).eq_ignore_ascii_case(name) {
            return Some(hint);
        }
        self.index_of(name)
    }

    /// Which signed name `name` (any case) is, by binary search.
    fn index_of(&self, name: &str) -> Option<usize> {
        // Compared as bytes once lower-cased here; a name too long for the buffer is
        // lower-cased byte by byte at each comparison.
        let mut buf = [0u8; 64];
        match buf.get_mut(..name.len()) {
            Some(lower) => {
                lower.copy_from_slice(name.as_bytes());
                lower.make_ascii_lowercase();
                self.search(|signed| signed.as_bytes().cmp(lower))
            }
            None => self.search(|signed| cmp_lower(signed, name)),
        }
    }

    fn search(&self, cmp: impl Fn(&str) -> Ordering) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match cmp(self.get(mid)) {
                Ordering::Less => lo = mid + 1,
                Ordering::Greater => hi = mid,
                Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

/// `lower` (already lower case) against `name` lower-cased, byte by byte.
fn cmp_lower(lower: &str, name: &str) -> Ordering {
    lower
        .bytes()
        .cmp(name.bytes().map(|b| b.to_ascii_lowercase()))
}

/// `SignedHeaders` parsed and checked: lower-case tokens, sorted, no repeats, at most
/// [`MAX_SIGNED_HEADERS`]. `spans` is the buffer the names' offsets are kept in.
pub(super) fn parse_signed_headers<'a, 's>(
    list: &'a str,
    location: super::AuthLocation,
    spans: &'s mut Vec<(u32, u32)>,
) -> Result<SignedNames<'a, 's>, Rejection> {
    spans.clear();
    let bytes = list.as_bytes();
    let mut start = 0;
    let mut ok = true;
    for (i, &b) in bytes.iter().enumerate() {
        if b != b';' {
            ok &= TOKEN_LOWER[usize::from(b)];
            continue;
        }
        push_name(bytes, start, i, ok, location, spans)?;
        start = i + 1;
        ok = true;
    }
    push_name(bytes, start, bytes.len(), ok, location, spans)?;
    Ok(SignedNames { list, spans })
}

/// Checks the name at `start..end` (its bytes were tokens: `ok`) and adds it.
fn push_name(
    list: &[u8],
    start: usize,
    end: usize,
    ok: bool,
    location: super::AuthLocation,
    spans: &mut Vec<(u32, u32)>,
) -> Result<(), Rejection> {
    if spans.len() == MAX_SIGNED_HEADERS {
        return Err(Rejection::TooLarge {
            what: "SignedHeaders",
            limit: MAX_SIGNED_HEADERS,
        });
    }
    if !ok || end == start {
        return Err(Rejection::Malformed {
            location,
            reason: "SignedHeaders must be a ';'-separated list of lower-case header names",
        });
    }
    if let Some(&(a, b)) = spans.last() {
        if list.get(a as usize..b as usize) >= list.get(start..end) {
            return Err(Rejection::Malformed {
                location,
                reason: "SignedHeaders must be sorted and list each name once",
            });
        }
    }
    spans.push((start as u32, end as u32));
    Ok(())
}

/// The bytes of a lower-case header name: printable ASCII but upper-case letters and the
/// separators `"(),/:;<=>?@[\]{}`.
static TOKEN_LOWER: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_graphic() && !b.is_ascii_uppercase();
        i += 1;
    }
    let separators = b"\"(),/:;<=>?@[\\]{}";
    let mut j = 0;
    while j < separators.len() {
        t[separators[j] as usize] = false;
        j += 1;
    }
    t
};

const NONE: u8 = u8::MAX;
// Header indexes are kept as u8 with u8::MAX for "none": the bound must leave that value free.
const _: () = assert!(MAX_HEADERS < NONE as usize);
const _: () = assert!(MAX_SIGNED_HEADERS < NONE as usize);

/// For each signed name, the received headers of that name in order, as linked lists of header
/// indexes (`head[name]`, then `next[header]`).
pub(super) struct Matched {
    head: [u8; MAX_SIGNED_HEADERS],
    next: [u8; MAX_HEADERS],
}

/// Headers an `x-amz-*` name may carry without being signed.
fn exempt(lower_name_matches: impl Fn(&str) -> bool, header_auth_non_s3: bool) -> bool {
    lower_name_matches("x-amz-content-sha256")
        || (header_auth_non_s3 && lower_name_matches("x-amz-security-token"))
}

/// Matches the received headers against the signed names: every signed name but `host` must
/// have been sent ([`Rejection::SignedHeaderMissing`]) and every `x-amz-*` header sent must be
/// signed ([`Rejection::UnsignedHeaders`]). `headers` holds at most [`MAX_HEADERS`] entries
/// (checked by the caller).
pub(super) fn match_headers(
    headers: &[(&str, &str)],
    signed: &SignedNames<'_, '_>,
    header_auth_non_s3: bool,
) -> Result<Matched, Rejection> {
    let mut m = Matched {
        head: [NONE; MAX_SIGNED_HEADERS],
        next: [NONE; MAX_HEADERS],
    };
    let mut tail = [NONE; MAX_SIGNED_HEADERS];
    let mut unsigned = false;
    let mut hint = 0;
    for (h, (name, _)) in headers.iter().enumerate().take(MAX_HEADERS) {
        match signed.index_of_from(name, hint) {
            Some(s) => {
                hint = s + 1;
                let h = h as u8;
                match tail[s] {
                    NONE => m.head[s] = h,
                    t => m.next[usize::from(t)] = h,
                }
                tail[s] = h;
            }
            None => {
                unsigned |=
                    is_amz(name) && !exempt(|n| name.eq_ignore_ascii_case(n), header_auth_non_s3)
            }
        }
    }
    if let Some(s) = (0..signed.len()).find(|&s| m.head[s] == NONE && signed.get(s) != "host") {
        return Err(Rejection::SignedHeaderMissing {
            name: clip(signed.get(s), 128),
        });
    }
    if unsigned {
        return Err(Rejection::UnsignedHeaders {
            names: unsigned_names(headers, signed, header_auth_non_s3),
        });
    }
    for s in 0..signed.len() {
        for value in m.values(headers, s) {
            if let Some(character) = ambiguous_whitespace(value) {
                return Err(Rejection::AmbiguousWhitespace {
                    name: clip(signed.get(s), 128),
                    character,
                });
            }
        }
    }
    Ok(m)
}

fn is_amz(name: &str) -> bool {
    name.len() >= 6 && name.as_bytes()[..6].eq_ignore_ascii_case(b"x-amz-")
}

/// The lower-case names of the `x-amz-*` headers sent but not signed (at most 16, each once).
fn unsigned_names(
    headers: &[(&str, &str)],
    signed: &SignedNames<'_, '_>,
    header_auth_non_s3: bool,
) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (name, _) in headers {
        let lower = name.to_ascii_lowercase();
        if is_amz(name)
            && signed.index_of(name).is_none()
            && !exempt(|n| lower == n, header_auth_non_s3)
            && !names.contains(&lower)
            && names.len() < 16
        {
            names.push(clip(&lower, 128));
        }
    }
    names
}

impl Matched {
    /// The values received for signed name number `s`, in order.
    pub(super) fn values<'h, 'r>(
        &'h self,
        headers: &'h [(&'r str, &'r str)],
        s: usize,
    ) -> impl Iterator<Item = &'r str> + 'h {
        let mut at = self.head[s];
        core::iter::from_fn(move || {
            let h = usize::from(at);
            let (_, value) = headers.get(h)?;
            at = self.next[h];
            Some(*value)
        })
    }
}

/// A canonical header value: trimmed, runs of spaces and tabs collapsed to one space.
pub(crate) fn canonical_header_value(out: &mut String, value: &str) {
    const BLANK: [char; 2] = [' ', '\t'];
    let mut rest = value.trim_matches(BLANK);
    while let Some(i) = rest.find(BLANK) {
        out.push_str(&rest[..i]);
        out.push(' ');
        rest = rest[i..].trim_start_matches(BLANK);
    }
    out.push_str(rest);
}
