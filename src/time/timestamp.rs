//! `Timestamp`: a second in 1970 ..= 9999 (UTC), parsed from and written as RFC 3339 and the SigV4 date.

use super::amz_date::{put2, put4, AmzDate};
use super::calendar::{civil_from_days, days_from_civil, days_in_month, digits, DateTime};
use crate::Error;
use core::fmt;

/// The last second SigV4's four-digit years can express: 9999-12-31T23:59:59Z.
pub(super) const MAX_UNIX: i64 = 253_402_300_799;

/// A UTC instant with one-second resolution, valid for SigV4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The earliest valid instant, 1970-01-01T00:00:00Z.
    pub const UNIX_EPOCH: Timestamp = Timestamp(0);

    /// A timestamp from Unix seconds.
    ///
    /// # Errors
    /// [`Error::TimestampOutOfRange`] outside 1970-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z.
    pub const fn from_unix(seconds: i64) -> Result<Self, Error> {
        if seconds < 0 || seconds > MAX_UNIX {
            return Err(Error::TimestampOutOfRange {
                unix_seconds: seconds,
            });
        }
        Ok(Timestamp(seconds))
    }

    /// Unix seconds.
    pub const fn unix(self) -> i64 {
        self.0
    }

    /// This instant plus `seconds`, or an error past the year 9999.
    ///
    /// # Errors
    /// [`Error::TimestampOutOfRange`].
    pub fn add_seconds(self, seconds: u64) -> Result<Self, Error> {
        let s = i64::try_from(seconds).unwrap_or(i64::MAX);
        Self::from_unix(self.0.saturating_add(s))
    }

    /// A timestamp from calendar fields (UTC).
    ///
    /// # Errors
    /// [`Error::InvalidTimestamp`] for an impossible date or time, [`Error::TimestampOutOfRange`]
    /// before 1970.
    pub fn from_date_time(dt: DateTime) -> Result<Self, Error> {
        let DateTime {
            year,
            month,
            day,
            hour,
            minute,
            second,
        } = dt;
        let y = i64::from(year);
        if !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(y, month)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return Err(Error::InvalidTimestamp {
                expected: "a real calendar date and time",
            });
        }
        let days = days_from_civil(y, month, day);
        Self::from_unix(
            days * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second),
        )
    }

    /// The calendar fields of this instant (UTC).
    pub fn date_time(self) -> DateTime {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, month, day) = civil_from_days(days);
        DateTime {
            year: y as u16,
            month,
            day,
            hour: (secs / 3600) as u8,
            minute: (secs / 60 % 60) as u8,
            second: (secs % 60) as u8,
        }
    }

    /// The Unix day number (days since 1970-01-01). Two instants share a credential scope date
    /// exactly when they share a day number.
    pub const fn day(self) -> i64 {
        self.0.div_euclid(86_400)
    }

    /// `X-Amz-Date` form: `YYYYMMDDTHHMMSSZ`, e.g. `20130524T000000Z`.
    pub fn amz_date(self) -> AmzDate {
        let dt = self.date_time();
        let mut b = [0u8; 16];
        put4(&mut b[0..4], dt.year);
        put2(&mut b[4..6], dt.month);
        put2(&mut b[6..8], dt.day);
        b[8] = b'T';
        put2(&mut b[9..11], dt.hour);
        put2(&mut b[11..13], dt.minute);
        put2(&mut b[13..15], dt.second);
        b[15] = b'Z';
        AmzDate(b)
    }

    /// Parse `YYYYMMDDTHHMMSSZ` (the `X-Amz-Date` form).
    ///
    /// # Errors
    /// [`Error::InvalidTimestamp`].
    pub fn parse_amz_date(s: &str) -> Result<Self, Error> {
        const WANT: Error = Error::InvalidTimestamp {
            expected: "YYYYMMDDTHHMMSSZ, e.g. 20130524T000000Z",
        };
        let b = s.as_bytes();
        if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
            return Err(WANT);
        }
        let n = |r: core::ops::Range<usize>| digits(&b[r]).ok_or(WANT);
        Self::from_date_time(DateTime {
            year: n(0..4)? as u16,
            month: n(4..6)? as u8,
            day: n(6..8)? as u8,
            hour: n(9..11)? as u8,
            minute: n(11..13)? as u8,
            second: n(13..15)? as u8,
        })
        .map_err(|_| WANT)
    }

    /// Parse an RFC 3339 date-time: `2013-05-24T00:00:00Z`, with an optional fraction (dropped:
    /// SigV4 has one-second resolution) and a `Z` or `±HH:MM` offset. A space may stand for `T`.
    ///
    /// # Errors
    /// [`Error::InvalidTimestamp`] or [`Error::TimestampOutOfRange`].
    pub fn parse_rfc3339(s: &str) -> Result<Self, Error> {
        const WANT: Error = Error::InvalidTimestamp {
            expected: "RFC 3339 such as 2013-05-24T00:00:00Z",
        };
        let b = s.as_bytes();
        if b.len() < 20
            || b[4] != b'-'
            || b[7] != b'-'
            || !matches!(b[10], b'T' | b't' | b' ')
            || b[13] != b':'
            || b[16] != b':'
        {
            return Err(WANT);
        }
        let n = |r: core::ops::Range<usize>| digits(&b[r]).ok_or(WANT);
        let base = Self::from_date_time(DateTime {
            year: n(0..4)? as u16,
            month: n(5..7)? as u8,
            day: n(8..10)? as u8,
            hour: n(11..13)? as u8,
            minute: n(14..16)? as u8,
            second: n(17..19)? as u8,
        })
        .map_err(|e| {
            if matches!(e, Error::TimestampOutOfRange { .. }) {
                e
            } else {
                WANT
            }
        })?;
        let mut rest = &b[19..];
        if rest.first() == Some(&b'.') {
            let frac = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if frac == 0 {
                return Err(WANT);
            }
            rest = &rest[1 + frac..];
        }
        let offset = match rest {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let h = digits(&[*h1, *h2]).ok_or(WANT)?;
                let m = digits(&[*m1, *m2]).ok_or(WANT)?;
                if h > 23 || m > 59 {
                    return Err(WANT);
                }
                let o = i64::from(h * 3600 + m * 60);
                if *sign == b'+' {
                    o
                } else {
                    -o
                }
            }
            _ => return Err(WANT),
        };
        Self::from_unix(base.0 - offset)
    }
}

/// RFC 3339 with a `Z`: `2013-05-24T00:00:00Z`.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.date_time();
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            d.year, d.month, d.day, d.hour, d.minute, d.second
        )
    }
}
