//! Time as an input. The library never reads a clock: callers pass a [`Timestamp`].
//!
//! A `Timestamp` is a count of Unix seconds restricted to the years SigV4 can write
//! (`1970-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z`), with the calendar arithmetic to format it
//! as `X-Amz-Date` (`20130524T000000Z`), as a credential-scope date (`20130524`) and as RFC 3339.

mod amz_date;
mod calendar;
mod conversions;
mod seconds;
#[cfg(test)]
mod tests;
mod timestamp;

pub use amz_date::AmzDate;
pub use calendar::DateTime;
pub use seconds::Seconds;
pub use timestamp::Timestamp;
