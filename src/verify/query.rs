//! The raw query as received, split into its `name=value` pieces in one pass over the bytes,
//! which also notes for each name and value whether it holds `%` escapes and whether it is
//! already in canonical encoding: the authentication parameters are found among the pieces,
//! and the canonical query is written from them, without reading the bytes again.

use super::limits::MAX_QUERY_PARAMS;
use super::rejection::Rejection;
use crate::encoding;
use alloc::vec::Vec;

/// One non-empty `name=value` piece of the raw query, as byte offsets into it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Piece {
    start: u32,
    /// The offset of the first `=`, or `end` when there is none.
    eq: u32,
    end: u32,
    /// [`ESCAPED`] and [`NOT_CANONICAL`], for the name (low nibble) and the value (high nibble).
    flags: u8,
}

/// The text holds a `%`.
const ESCAPED: u8 = 1;
/// The text is not as SigV4 encodes it (a byte other than `A-Za-z0-9-._~` left literal, a
/// `%` not followed by two upper-case hex digits, or an escaped unreserved byte).
const NOT_CANONICAL: u8 = 2;
const VALUE: u32 = 4;

impl Piece {
    /// The raw (still encoded) name.
    pub(super) fn name(self, query: &str) -> &str {
        query
            .get(self.start as usize..self.eq as usize)
            .unwrap_or_default()
    }

    /// The raw value (`""` when the piece has no `=`).
    pub(super) fn value(self, query: &str) -> &str {
        query
            .get(self.value_start()..self.end as usize)
            .unwrap_or_default()
    }

    /// The offset of the name in the query.
    pub(super) fn name_start(self) -> usize {
        self.start as usize
    }

    /// The offset of the value in the query.
    pub(super) fn value_start(self) -> usize {
        (self.eq as usize + 1).min(self.end as usize)
    }

    /// Whether the name holds a `%`.
    pub(super) fn name_escaped(self) -> bool {
        self.flags & ESCAPED != 0
    }

    /// Whether the value holds a `%`.
    pub(super) fn value_escaped(self) -> bool {
        self.flags >> VALUE & ESCAPED != 0
    }

    /// Whether the name is in canonical encoding already.
    pub(super) fn name_canonical(self) -> bool {
        self.flags & NOT_CANONICAL == 0
    }

    /// Whether the value is in canonical encoding already.
    pub(super) fn value_canonical(self) -> bool {
        self.flags >> VALUE & NOT_CANONICAL == 0
    }
}

// Byte classes.
const PLAIN: u8 = 0; // unreserved: canonical as it is
const OTHER: u8 = 1; // must be escaped in a canonical query
const PERCENT: u8 = 2;
const AMP: u8 = 3;
const EQUALS: u8 = 4;

static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut i = 0;
    while i < 256 {
        if encoding::is_unreserved(i as u8) {
            t[i] = PLAIN;
        }
        i += 1;
    }
    t[b'%' as usize] = PERCENT;
    t[b'&' as usize] = AMP;
    t[b'=' as usize] = EQUALS;
    t
};

fn upper_hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Whether the three bytes at `i` are a canonical escape: `%`, two upper-case hex digits, and
/// the byte they stand for is not one SigV4 leaves literal.
pub(super) fn canonical_escape(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i + 1..i + 3) {
        Some(&[h, l]) => match (upper_hex(h), upper_hex(l)) {
            (Some(h), Some(l)) => !encoding::is_unreserved(h << 4 | l),
            _ => false,
        },
        _ => false,
    }
}

/// Splits `query` at `&` (empty pieces skipped) into `out`, refusing more than
/// [`MAX_QUERY_PARAMS`] pieces. The caller bounds the query's length (`MAX_URL_LEN`).
pub(super) fn split_query(query: &str, out: &mut Vec<Piece>) -> Result<(), Rejection> {
    out.clear();
    let bytes = query.as_bytes();
    let mut start = 0;
    let mut eq = usize::MAX;
    let mut flags = 0u8;
    // The nibble of `flags` being written: the name's until the first `=`, then the value's.
    let mut shift = 0;
    let mut push = |start: usize, eq: usize, end: usize, flags: u8| {
        if end == start {
            return Ok(());
        }
        if out.len() == MAX_QUERY_PARAMS {
            return Err(Rejection::TooLarge {
                what: "query",
                limit: MAX_QUERY_PARAMS,
            });
        }
        out.push(Piece {
            start: start as u32,
            eq: eq.min(end) as u32,
            end: end as u32,
            flags,
        });
        Ok(())
    };
    for (i, &b) in bytes.iter().enumerate() {
        let class = CLASS[usize::from(b)];
        if class == PLAIN {
            continue;
        }
        match class {
            PERCENT => {
                flags |= ESCAPED << shift;
                if !canonical_escape(bytes, i) {
                    flags |= NOT_CANONICAL << shift;
                }
            }
            EQUALS if eq == usize::MAX => {
                eq = i;
                shift = VALUE;
            }
            AMP => {
                push(start, eq, i, flags)?;
                start = i + 1;
                eq = usize::MAX;
                flags = 0;
                shift = 0;
            }
            _ => flags |= NOT_CANONICAL << shift,
        }
    }
    push(start, eq, bytes.len(), flags)
}
