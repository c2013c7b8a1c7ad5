//! What a diagnosis starts from: what was intended, what was sent, and the context.

use crate::{Presigned, Timestamp};
use alloc::vec::Vec;

/// What was presigned: the URL, and when known the method and the headers that were signed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Intended<'a> {
    /// The method the URL was presigned for, if known.
    pub method: Option<&'a str>,
    /// The presigned URL.
    pub url: &'a str,
    /// The signed headers with their values (besides `host`), if known. Without them only the
    /// names in `X-Amz-SignedHeaders` are checked.
    pub headers: Option<Vec<(&'a str, &'a str)>>,
}

impl<'a> Intended<'a> {
    /// From our presign result: method, URL and signed headers all known.
    pub fn from_presigned(presigned: &'a Presigned) -> Self {
        Intended {
            method: Some(presigned.method.as_str()),
            url: &presigned.url,
            headers: Some(
                presigned
                    .headers
                    .iter()
                    .map(|(n, v)| (n.as_str(), v.as_str()))
                    .collect(),
            ),
        }
    }

    /// From a presigned URL alone (the method, if known).
    pub fn from_url(method: Option<&'a str>, url: &'a str) -> Self {
        Intended {
            method,
            url,
            headers: None,
        }
    }
}

/// What a client actually sent: method, URL and headers.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Sent<'a> {
    /// The method sent.
    pub method: &'a str,
    /// The URL as sent (absolute).
    pub url: &'a str,
    /// The headers sent (any case). A `Host` header, if given, is compared instead of the URL's.
    pub headers: Vec<(&'a str, &'a str)>,
}

impl<'a> Sent<'a> {
    /// A request with no headers.
    pub fn new(method: &'a str, url: &'a str) -> Self {
        Sent {
            method,
            url,
            headers: Vec::new(),
        }
    }

    /// Adds a header that was sent.
    pub fn header(mut self, name: &'a str, value: &'a str) -> Self {
        self.headers.push((name, value));
        self
    }
}

/// What else the diagnosis may use: the time, the region the bucket is really in, and when the
/// signing credentials expire.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Context<'a> {
    /// The current time (for expiry).
    pub now: Option<Timestamp>,
    /// The region the bucket is in, if known (e.g. from S3's `x-amz-bucket-region`).
    pub expected_region: Option<&'a str>,
    /// When the credentials that signed the URL expire (temporary credentials).
    pub credentials_expire_at: Option<Timestamp>,
}

impl<'a> Context<'a> {
    /// Sets the current time.
    pub fn now(mut self, now: Timestamp) -> Self {
        self.now = Some(now);
        self
    }
    /// Sets the region the bucket is in.
    pub fn expected_region(mut self, region: &'a str) -> Self {
        self.expected_region = Some(region);
        self
    }
    /// Sets when the signing credentials expire.
    pub fn credentials_expire_at(mut self, at: Timestamp) -> Self {
        self.credentials_expire_at = Some(at);
        self
    }
}
