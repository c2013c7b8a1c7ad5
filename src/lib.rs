//! AWS Signature Version 4 presigned URLs and signed requests, with no AWS SDK: exact on every
//! byte, `#![no_std]` + `alloc`, sans-IO (the library never reads the clock, the environment or
//! the network: time and credentials are inputs).
//!
//! ```
//! use presign::s3::{Bucket, Endpoint};
//! use presign::{Credentials, Timestamp};
//!
//! let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
//! let now = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?; // read the clock where you do I/O
//! let bucket = Bucket::new(Endpoint::aws("eu-west-1")?, "my-uploads")?;
//!
//! let upload = bucket.put_object("avatars/alice.png").content_type("image/png").presign(&creds, now, 600)?;
//! assert_eq!(upload.method, "PUT");
//! // The client must send exactly these headers, or S3 answers SignatureDoesNotMatch.
//! assert_eq!(upload.headers, [("content-type".to_string(), "image/png".to_string())]);
//! assert!(upload.warnings.is_empty());
//! # Ok::<(), presign::Error>(())
//! ```
//!
//! # What is where
//!
//! | module | for |
//! |---|---|
//! | [`s3`] | S3: endpoints and addressing, [`Bucket`](s3::Bucket) operations, the caching [`Presigner`](s3::Presigner), browser form uploads ([`s3::post`]), S3 Express ([`s3::express`]) |
//! | [`sigv4`] | any AWS service: [`sigv4::presign`] and [`sigv4::sign`] of a [`sigv4::Request`], aws-chunked streaming ([`sigv4::chunked`]) |
//! | [`verify`] | checking presigned URLs and `Authorization` headers as S3 does |
//! | [`diagnose`] | why a request breaks a signature, in words a user acts on |
//! | [`time`] | [`Timestamp`] and the lifetimes ([`Seconds`]: a count or a `Duration`) |
//! | root | [`Credentials`], [`Method`], [`Presigned`], [`Warning`] (client hazards), [`Error`] (each with a stable [`code`](Error::code)) |
//!
//! Errors never carry secrets; every one says what to fix. Public structs and growing enums are
//! `#[non_exhaustive]`: build them with their constructors, match them with a `_` arm.
//!
//! # Feature flags
//!
//! | feature | adds |
//! |---|---|
//! | `std` (default) | [`Timestamp`] from and into `std::time::SystemTime`. Without it the crate is `no_std` + `alloc`; the error types implement `core::error::Error` either way |
//! | `time` | [`Timestamp`] from and into `time::OffsetDateTime` |
//! | `url` | `Presigned::to_url` (a `url::Url`, refused when the `url` crate would rewrite it) and `Endpoint::from_url` |
//! | `http` | `sigv4::sign_http_request` (an `http::Request` signed in place), `http::Method` conversions, `Presigned::header_map` |
//! | `sigv4a` | `sigv4a`: SigV4a (`AWS4-ECDSA-P256-SHA256`) over RustCrypto's `p256` |
//!
//! MSRV: Rust 1.85 (feature `sigv4a`: 1.87, for its RustCrypto dependencies), with
//! dependencies resolved for it (Cargo's MSRV-aware resolver); proven in CI with Debian's
//! rustc 1.85.
//!
//! The command line, JavaScript and Python packages, the evidence (test suites, oracles) and the
//! benchmarks are described in the repository's README.

#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

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

// The README's examples run as doctests (with and without default features).
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use credentials::Credentials;
pub use error::Error;
pub use method::Method;
pub use sigv4::{Payload, Presigned};
pub use time::{Seconds, Timestamp};
pub use warnings::Warning;
