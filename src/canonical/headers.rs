//! Canonical headers: validated names and values, lower-cased, trimmed, sorted and joined.

use super::request::Sink;
use crate::Error;
use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

/// Canonical headers: names lower-cased, values trimmed with runs of spaces and tabs collapsed,
/// sorted by name (values of a repeated name keep their order and are joined with `,`).
#[derive(Debug, Default, Clone)]
pub(crate) struct Headers {
    buf: String,
    entries: Vec<(Range<u32>, Range<u32>)>,
    sorted: bool,
}

/// Whether a header value is signed as it is: no space or tab, or already canonical (the fast
/// path of [`Headers::push_valid`]; every other value is trimmed and collapsed).
#[inline]
pub(super) fn is_signed_as_is(v: &[u8]) -> bool {
    !has_blank(v) || is_canonical_value(v)
}

/// Whether `v` has a space or a tab. Folds rather than `any`: no early exit, so the loop
/// vectorizes.
#[inline]
pub(super) fn has_blank(v: &[u8]) -> bool {
    v.iter().fold(0u8, |blank, &b| {
        blank | u8::from(b == b' ') | u8::from(b == b'\t')
    }) != 0
}

/// Whether a header value is already canonical: no tab, no leading, trailing or doubled space.
fn is_canonical_value(v: &[u8]) -> bool {
    if matches!(v.first(), Some(b' ')) || matches!(v.last(), Some(b' ')) {
        return false;
    }
    let mut space = false;
    for &b in v {
        if b == b'\t' || (space && b == b' ') {
            return false;
        }
        space = b == b' ';
    }
    true
}

/// Checks a header name: a non-empty HTTP token (RFC 9110 `tchar`).
pub(crate) fn validate_header_name(name: &str) -> Result<(), Error> {
    let ok = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidHeaderName { name: name.into() })
    }
}

/// Checks a header value: no control bytes other than tab (no CR/LF header injection).
pub(crate) fn validate_header_value(name: &str, value: &str) -> Result<(), Error> {
    if value.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f) {
        return Err(Error::InvalidHeaderValue { name: name.into() });
    }
    if let Some(character) = ambiguous_whitespace(value) {
        return Err(Error::AmbiguousWhitespace {
            name: name.into(),
            character,
        });
    }
    Ok(())
}

/// The first character of `value` that is whitespace outside ASCII (Unicode `White_Space`:
/// U+0085, U+00A0, U+1680, U+2000..=U+200A, U+2028, U+2029, U+202F, U+205F, U+3000). Signers
/// disagree on those: botocore (Python's `str.split()`) and s3s (Rust's `split_whitespace`)
/// trim and collapse exactly this set, aws-sigv4 and @smithy/signature-v4 only spaces (and
/// tabs). U+FEFF and U+200B are no whitespace for any of them, so they are signed as they are.
pub(crate) fn ambiguous_whitespace(value: &str) -> Option<char> {
    if value.is_ascii() {
        return None;
    }
    value.chars().find(|c| !c.is_ascii() && c.is_whitespace())
}

impl Headers {
    pub(crate) fn clear(&mut self) {
        self.buf.clear();
        self.entries.clear();
        self.sorted = false;
    }

    /// Adds a header after validating it (the unit tests' entry point; the signers validate
    /// with their own error context first).
    #[cfg(test)]
    pub(crate) fn push(&mut self, name: &str, value: &str) -> Result<(), Error> {
        validate_header_name(name)?;
        validate_header_value(name, value)?;
        self.push_valid(name, value);
        Ok(())
    }

    /// Adds a header already known to be valid.
    pub(crate) fn push_valid(&mut self, name: &str, value: &str) {
        let n0 = self.buf.len() as u32;
        // Folds rather than `any`: no early exit, so the loops vectorize.
        if name
            .bytes()
            .fold(false, |upper, b| upper | b.is_ascii_uppercase())
        {
            for c in name.chars() {
                self.buf.push(c.to_ascii_lowercase());
            }
        } else {
            self.buf.push_str(name);
        }
        let n1 = self.buf.len() as u32;
        if is_signed_as_is(value.as_bytes()) {
            self.buf.push_str(value);
            self.entries.push((n0..n1, n1..self.buf.len() as u32));
            self.sorted = false;
            return;
        }
        let v = value.trim_matches([' ', '\t']);
        if v.contains("  ") || v.contains('\t') {
            let mut space = false;
            for c in v.chars() {
                if c == ' ' || c == '\t' {
                    space = true;
                } else {
                    if space {
                        self.buf.push(' ');
                        space = false;
                    }
                    self.buf.push(c);
                }
            }
        } else {
            self.buf.push_str(v);
        }
        self.entries.push((n0..n1, n1..self.buf.len() as u32));
        self.sorted = false;
    }

    /// Adds a header whose name is lower case and whose value is canonical already (a host
    /// name resolved from a validated endpoint).
    pub(crate) fn push_canonical(&mut self, name: &str, value: &str) {
        debug_assert!(
            !name.bytes().any(|b| b.is_ascii_uppercase()) && is_canonical_value(value.as_bytes())
        );
        let n0 = self.buf.len() as u32;
        self.buf.push_str(name);
        let n1 = self.buf.len() as u32;
        self.buf.push_str(value);
        self.entries.push((n0..n1, n1..self.buf.len() as u32));
        self.sorted = false;
    }

    fn name(&self, i: usize) -> &str {
        let r = &self.entries[i].0;
        &self.buf[r.start as usize..r.end as usize]
    }

    fn value(&self, i: usize) -> &str {
        let r = &self.entries[i].1;
        &self.buf[r.start as usize..r.end as usize]
    }

    /// Stable sort by name.
    pub(crate) fn sort(&mut self) {
        if self.sorted {
            return;
        }
        let buf = &self.buf;
        let key = |r: &Range<u32>| &buf[r.start as usize..r.end as usize];
        // Stable (values of a repeated name keep their order) and O(n log n); it allocates only
        // past 256 headers.
        self.entries.sort_by(|a, b| key(&a.0).cmp(key(&b.0)));
        self.sorted = true;
    }

    /// The signed-headers list, `a;b;c` (after [`Headers::sort`]).
    pub(crate) fn write_signed(&self, out: &mut String) {
        for i in 0..self.entries.len() {
            let n = self.name(i);
            if i > 0 {
                if self.name(i - 1) == n {
                    continue;
                }
                out.push(';');
            }
            out.push_str(n);
        }
    }

    /// The canonical headers block, each `name:value\n` (after [`Headers::sort`]).
    pub(crate) fn write_canonical<S: Sink>(&self, sink: &mut S) {
        for i in 0..self.entries.len() {
            let n = self.name(i);
            if i > 0 && self.name(i - 1) == n {
                sink.put(",");
            } else {
                if i > 0 {
                    sink.put("\n");
                }
                sink.put(n);
                sink.put(":");
            }
            sink.put(self.value(i));
        }
        if !self.entries.is_empty() {
            sink.put("\n");
        }
    }
}
