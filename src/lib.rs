#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;
#[cfg(any(feature = "std", test))]
extern crate std;

mod canonical;
pub mod content_disposition;
mod credentials;
pub mod diagnose;
mod encoding;
mod error;
#[cfg(feature = "http")]
mod http;
mod method;
pub mod s3;
mod signing;
pub mod sigv4;
#[cfg(feature = "sigv4a")]
pub mod sigv4a;
pub mod time;
#[cfg(feature = "url")]
mod url;
pub mod verify;
mod warnings;

pub use credentials::Credentials;
pub use error::Error;
pub use method::Method;
pub use sigv4::{Payload, Presigned};
pub use time::{Seconds, Timestamp};
pub use warnings::Warning;
