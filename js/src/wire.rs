//! The text protocol between the JS wrapper and the wasm exports.
//!
//! One string crossing is far cheaper than many small ones (each costs an allocation and a
//! copy on both sides), so options travel as one string and results come back as one string:
//!
//! - **options**: `name NUL value NUL name NUL value ...`. The wrapper refuses a NUL inside a
//!   name or a value before joining (no value S3 accepts holds one), so fields cannot be forged;
//!   this side checks the count is even all the same.
//! - **results**: a success starts with its main value (a URL); records may follow, each
//!   `NUL tag NUL field...`. A failure is `SOH code NUL message`, which the wrapper throws as a
//!   `PresignError` with that `code`. URLs never hold NUL or SOH (every byte outside the
//!   unreserved set is percent-encoded), so the three cases cannot be confused.

use crate::codes;
use alloc::string::String;
use core::fmt::Write;

/// Separates fields, in both directions.
pub const SEP: char = '\0';
/// Starts a failure.
pub const FAIL: char = '\u{1}';

/// `name, value` pairs of an options string.
pub fn fields(text: &str) -> Fields<'_> {
    Fields {
        rest: if text.is_empty() { None } else { Some(text) },
    }
}

/// The iterator of [`fields`].
pub struct Fields<'a> {
    rest: Option<&'a str>,
}

impl<'a> Iterator for Fields<'a> {
    /// A name and its value, or a failure when the value is missing.
    type Item = Result<(&'a str, &'a str), Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.rest?;
        let (name, rest) = match rest.split_once(SEP) {
            Some(x) => x,
            None => {
                self.rest = None;
                return Some(Err(Failure::option(rest, "has no value")));
            }
        };
        let (value, rest) = match rest.split_once(SEP) {
            Some((v, r)) => (v, Some(r)),
            None => (rest, None),
        };
        self.rest = rest;
        Some(Ok((name, value)))
    }
}

/// Why a call failed: a stable kebab-case code and the message to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// e.g. `invalid-bucket-name`.
    pub code: &'static str,
    /// What is wrong and what to do.
    pub message: String,
}

impl Failure {
    /// An option the wrapper passed that this side cannot use.
    pub fn option(name: &str, what: &str) -> Failure {
        let mut message = String::new();
        let _ = write!(message, "option {name:?} {what}");
        Failure {
            code: codes::INVALID_OPTION,
            message,
        }
    }

    /// The failure written as a result string.
    pub fn encode(&self) -> String {
        let mut s = String::with_capacity(self.code.len() + self.message.len() + 2);
        s.push(FAIL);
        s.push_str(self.code);
        s.push(SEP);
        s.push_str(&self.message);
        s
    }
}

impl From<presign::Error> for Failure {
    fn from(e: presign::Error) -> Failure {
        let mut message = String::new();
        let _ = write!(message, "{e}");
        Failure {
            code: e.code(),
            message,
        }
    }
}

/// Appends the record `NUL tag NUL f1 NUL f2 ...` to a result.
pub fn record(out: &mut String, tag: &str, fields: &[&str]) {
    out.push(SEP);
    out.push_str(tag);
    for f in fields {
        out.push(SEP);
        out.push_str(f);
    }
}

/// Appends the record `NUL w NUL code NUL message` of a client hazard.
pub fn warning(out: &mut String, w: &presign::Warning) {
    out.push(SEP);
    out.push('w');
    out.push(SEP);
    out.push_str(w.code());
    out.push(SEP);
    let _ = write!(out, "{w}");
}

/// Unix seconds as decimal text.
pub fn unix(t: presign::Timestamp) -> String {
    let mut s = String::new();
    let _ = write!(s, "{}", t.unix());
    s
}

/// A result string: the success value as is, or the encoded failure.
pub fn result(r: Result<String, Failure>) -> String {
    r.unwrap_or_else(|f| f.encode())
}

/// `value` is a whole number in `0..=max` (`f64::fract` is not in `core`).
fn whole(value: f64, max: f64) -> bool {
    (0.0..=max).contains(&value) && value as u64 as f64 == value
}

/// Unix seconds from the wrapper: an integer in the range `Timestamp` accepts.
pub fn timestamp(seconds: f64) -> Result<presign::Timestamp, Failure> {
    if !whole(seconds, 253_402_300_799.0) {
        // No `{seconds}`: formatting an f64 would pull ~12 KB of float printing into the .wasm
        // (the wrapper's message names the value).
        return Err(Failure {
            code: codes::INVALID_TIME,
            message: String::from(
                "time is not a whole second in 1970-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z",
            ),
        });
    }
    Ok(presign::Timestamp::from_unix(seconds as i64)?)
}

/// A whole number of seconds (an expiry) from the wrapper.
pub fn seconds(name: &str, value: f64) -> Result<u64, Failure> {
    if !whole(value, 9_007_199_254_740_991.0) {
        return Err(Failure::option(name, "must be a whole number of seconds"));
    }
    Ok(value as u64)
}

/// A decimal integer option value.
pub fn integer<T: core::str::FromStr>(name: &str, value: &str) -> Result<T, Failure> {
    value
        .parse()
        .map_err(|_| Failure::option(name, "must be a non-negative whole number in range"))
}

/// A boolean option value: the wrapper sends `1` or `0`.
pub fn flag(name: &str, value: &str) -> Result<bool, Failure> {
    match value {
        "1" => Ok(true),
        "0" => Ok(false),
        _ => Err(Failure::option(name, "must be true or false")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn fields_split_pairs() {
        let got: Vec<_> = fields("a\0b\0c\0\0d\0e").collect();
        assert_eq!(got, [Ok(("a", "b")), Ok(("c", "")), Ok(("d", "e"))]);
        assert_eq!(fields("").count(), 0);
    }

    #[test]
    fn a_name_without_value_is_refused() {
        let got: Vec<_> = fields("a\0b\0c").collect();
        assert_eq!(got[0], Ok(("a", "b")));
        assert_eq!(got[1].as_ref().unwrap_err().code, codes::INVALID_OPTION);
    }

    #[test]
    fn failures_start_with_soh() {
        let f = Failure::option("x", "is bad");
        assert_eq!(f.encode(), "\u{1}invalid-option\0option \"x\" is bad");
    }

    #[test]
    fn times_must_be_whole_seconds_in_range() {
        assert_eq!(timestamp(1.0).unwrap().unix(), 1);
        for bad in [0.5, -1.0, f64::NAN, f64::INFINITY, 253_402_300_800.0] {
            assert_eq!(
                timestamp(bad).unwrap_err().code,
                codes::INVALID_TIME,
                "{bad}"
            );
        }
    }
}
