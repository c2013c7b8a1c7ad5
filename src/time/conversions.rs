//! `Timestamp` to and from `std::time::SystemTime` (feature `std`) and `time::OffsetDateTime`
//! (feature `time`).

// (Not gated as a module: each conversion shows its own feature in the docs.)
#![cfg_attr(not(any(feature = "std", feature = "time")), allow(unused_imports))]

use super::timestamp::Timestamp;
use crate::Error;

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

/// Both ways with `std::time::SystemTime` (feature `std`): the caller reads the clock, the
/// library never does.
///
/// ```
/// use presign::Timestamp;
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
///
/// let now = Timestamp::try_from(SystemTime::now())?; // what a binding does
/// let t = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?;
/// let st = SystemTime::from(t);
/// assert_eq!(st, UNIX_EPOCH + Duration::from_secs(1_795_435_200));
/// assert_eq!(Timestamp::try_from(st)?, t);
/// assert!(now.unix() > 0);
/// # Ok::<(), presign::Error>(())
/// ```
#[cfg(feature = "std")]
impl From<Timestamp> for std::time::SystemTime {
    /// The same instant (a `Timestamp` is never before 1970).
    fn from(t: Timestamp) -> std::time::SystemTime {
        std::time::UNIX_EPOCH + core::time::Duration::from_secs(t.unix().unsigned_abs())
    }
}

#[cfg(feature = "time")]
impl TryFrom<time::OffsetDateTime> for Timestamp {
    type Error = Error;
    /// The instant, whole seconds (the fraction is dropped, as SigV4 dates have none).
    fn try_from(t: time::OffsetDateTime) -> Result<Self, Error> {
        Self::from_unix(t.unix_timestamp())
    }
}

/// Both ways with `time::OffsetDateTime` (feature `time`).
///
/// ```
/// use presign::Timestamp;
/// use time::macros::datetime;
///
/// let t = Timestamp::try_from(datetime!(2026-11-23 12:00:00.750 UTC))?;
/// assert_eq!(t.to_string(), "2026-11-23T12:00:00Z"); // SigV4 counts whole seconds
/// assert_eq!(time::OffsetDateTime::from(t), datetime!(2026-11-23 12:00:00 UTC));
/// # Ok::<(), presign::Error>(())
/// ```
#[cfg(feature = "time")]
impl From<Timestamp> for time::OffsetDateTime {
    /// The same instant, in UTC.
    fn from(t: Timestamp) -> time::OffsetDateTime {
        // 1970 ..= 9999 lies within `time`'s range without its `large-dates` feature.
        time::OffsetDateTime::from_unix_timestamp(t.unix())
            .expect("a Timestamp lies within time::OffsetDateTime's range")
    }
}
