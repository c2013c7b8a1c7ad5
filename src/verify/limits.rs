//! Parsing bounds: what a verifier reads at most, whatever it is sent.

/// The longest URL (host, path and query together) the verifier reads: 16 KiB.
pub const MAX_URL_LEN: usize = 16 * 1024;

/// The most query parameters the verifier reads.
pub const MAX_QUERY_PARAMS: usize = 200;

/// The most headers the verifier reads.
pub const MAX_HEADERS: usize = 200;

/// The most bytes of header names and values together the verifier reads: 64 KiB.
pub const MAX_HEADER_BYTES: usize = 64 * 1024;

/// The most names `SignedHeaders` may list.
pub const MAX_SIGNED_HEADERS: usize = 100;

/// The clock skew S3 allows between the request time and its own clock: 15 minutes.
pub const DEFAULT_MAX_SKEW: u64 = 900;
