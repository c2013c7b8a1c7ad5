//! Time as an input. The library never reads a clock: callers pass a [`Timestamp`].
//!
//! A `Timestamp` is a count of Unix seconds restricted to the years SigV4 can write
//! (`1970-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z`), with the calendar arithmetic to format it
//! as `X-Amz-Date` (`20130524T000000Z`), as a credential-scope date (`20130524`) and as RFC 3339.

use crate::Error;
use core::fmt;

/// The last second SigV4's four-digit years can express: 9999-12-31T23:59:59Z.
const MAX_UNIX: i64 = 253_402_300_799;

/// A UTC instant with one-second resolution, valid for SigV4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// The calendar fields of a [`Timestamp`] (UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTime {
    /// Year, 1970..=9999.
    pub year: u16,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of month, 1..=31.
    pub day: u8,
    /// Hour, 0..=23.
    pub hour: u8,
    /// Minute, 0..=59.
    pub minute: u8,
    /// Second, 0..=59.
    pub second: u8,
}

// Howard Hinnant's days_from_civil / civil_from_days, restricted to the proleptic Gregorian
// calendar from 1970 on.
fn days_from_civil(y: i64, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn days_in_month(y: i64, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

fn digits(s: &[u8]) -> Option<u32> {
    if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(s.iter().fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0')))
}

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

fn put2(out: &mut [u8], v: u8) {
    out[0] = b'0' + v / 10;
    out[1] = b'0' + v % 10;
}

fn put4(out: &mut [u8], v: u16) {
    out[0] = b'0' + (v / 1000) as u8;
    out[1] = b'0' + (v / 100 % 10) as u8;
    out[2] = b'0' + (v / 10 % 10) as u8;
    out[3] = b'0' + (v % 10) as u8;
}

/// `YYYYMMDDTHHMMSSZ` on the stack; its first eight bytes are the credential-scope date.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct AmzDate([u8; 16]);

impl AmzDate {
    /// The full `YYYYMMDDTHHMMSSZ`.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits, 'T' and 'Z' are ever written.
        core::str::from_utf8(&self.0).unwrap_or("")
    }
    /// The scope date `YYYYMMDD`.
    pub fn date(&self) -> &str {
        &self.as_str()[..8]
    }
}

impl fmt::Debug for AmzDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for AmzDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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

#[cfg(feature = "std")]
impl TryFrom<std::time::SystemTime> for Timestamp {
    type Error = Error;
    /// Converts a time the caller read; the library itself never reads the clock.
    fn try_from(t: std::time::SystemTime) -> Result<Self, Error> {
        match t.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => Self::from_unix(i64::try_from(d.as_secs()).unwrap_or(i64::MAX)),
            Err(e) => Err(Error::TimestampOutOfRange {
                unix_seconds: -i64::try_from(e.duration().as_secs()).unwrap_or(i64::MAX),
            }),
        }
    }
}

#[cfg(feature = "time")]
impl TryFrom<time::OffsetDateTime> for Timestamp {
    type Error = Error;
    fn try_from(t: time::OffsetDateTime) -> Result<Self, Error> {
        Self::from_unix(t.unix_timestamp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        let t = Timestamp::from_unix(1_369_353_600).unwrap();
        assert_eq!(t.amz_date().as_str(), "20130524T000000Z");
        assert_eq!(t.amz_date().date(), "20130524");
        assert_eq!(alloc::format!("{t}"), "2013-05-24T00:00:00Z");
        let leap = Timestamp::parse_rfc3339("2024-02-29T23:59:59Z").unwrap();
        assert_eq!(leap.amz_date().as_str(), "20240229T235959Z");
        let max = Timestamp::from_unix(MAX_UNIX).unwrap();
        assert_eq!(max.amz_date().as_str(), "99991231T235959Z");
    }

    #[test]
    fn round_trips_every_day_boundary_sampled() {
        let mut s = 0i64;
        while s <= MAX_UNIX {
            let t = Timestamp::from_unix(s).unwrap();
            assert_eq!(Timestamp::from_date_time(t.date_time()).unwrap(), t);
            assert_eq!(Timestamp::parse_amz_date(t.amz_date().as_str()).unwrap(), t);
            s += 86_400 * 37 + 3_601;
        }
    }

    #[cfg(feature = "time")]
    #[test]
    fn from_offset_date_time() {
        let t = time::OffsetDateTime::from_unix_timestamp(1_369_353_600).unwrap();
        assert_eq!(
            Timestamp::try_from(t).unwrap().amz_date().as_str(),
            "20130524T000000Z"
        );
        let before = time::OffsetDateTime::from_unix_timestamp(-1).unwrap();
        assert!(Timestamp::try_from(before).is_err());
    }

    #[cfg(feature = "std")]
    #[test]
    fn from_system_time() {
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_369_353_600);
        assert_eq!(
            Timestamp::try_from(t).unwrap().amz_date().as_str(),
            "20130524T000000Z"
        );
        let before = std::time::UNIX_EPOCH - std::time::Duration::from_secs(5);
        assert_eq!(
            Timestamp::try_from(before),
            Err(Error::TimestampOutOfRange { unix_seconds: -5 })
        );
    }

    #[test]
    fn parses_offsets_and_fractions() {
        let a = Timestamp::parse_rfc3339("2013-05-24T02:30:00.123+02:30").unwrap();
        assert_eq!(a.amz_date().as_str(), "20130524T000000Z");
        let b = Timestamp::parse_rfc3339("2013-05-23T19:00:00-05:00").unwrap();
        assert_eq!(b.amz_date().as_str(), "20130524T000000Z");
    }

    #[test]
    fn rejects_bad_input_with_typed_errors() {
        for bad in [
            "",
            "2013-05-24",
            "2013-13-01T00:00:00Z",
            "2013-02-29T00:00:00Z",
            "2013-05-24T24:00:00Z",
            "2013-05-24T00:00:00",
            "2013-05-24T00:00:00.Z",
            "2013-05-24T00:00:00+2:00",
        ] {
            assert!(
                matches!(
                    Timestamp::parse_rfc3339(bad),
                    Err(Error::InvalidTimestamp { .. })
                ),
                "{bad}"
            );
        }
        assert_eq!(
            Timestamp::from_unix(-1),
            Err(Error::TimestampOutOfRange { unix_seconds: -1 })
        );
        assert!(matches!(
            Timestamp::from_unix(MAX_UNIX + 1),
            Err(Error::TimestampOutOfRange { .. })
        ));
        assert!(matches!(
            Timestamp::parse_rfc3339("1969-12-31T23:59:59Z"),
            Err(Error::TimestampOutOfRange { .. })
        ));
        for bad in [
            "20130524T000000",
            "2013052T000000Z",
            "20130524X000000Z",
            "2013+524T000000Z",
            "20130532T000000Z",
        ] {
            assert!(
                matches!(
                    Timestamp::parse_amz_date(bad),
                    Err(Error::InvalidTimestamp { .. })
                ),
                "{bad}"
            );
        }
        assert!(Timestamp::from_unix(MAX_UNIX)
            .unwrap()
            .add_seconds(1)
            .is_err());
        let msg = alloc::format!("{}", Timestamp::from_unix(-5).unwrap_err());
        assert!(msg.contains("1970-01-01"), "{msg}");
    }
}
