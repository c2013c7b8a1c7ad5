//! The request to sign: method, host, path, query and headers, plus session-token placement and
//! raw path options.

use super::payload::Payload;
use alloc::vec::Vec;

/// An HTTP request to sign. The path is the path as it will be sent; query names and values are
/// given decoded (they are encoded here, once).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Request<'a> {
    /// The HTTP method, e.g. `GET`. It is signed: a URL presigned for PUT does not work for GET.
    pub method: &'a str,
    /// `https` (default) or `http`: used to write the URL, not signed.
    pub scheme: &'a str,
    /// The Host header value: a host name, with `:port` only when the port is not the scheme's
    /// default.
    pub host: &'a str,
    /// The path as it is sent, starting with `/`.
    pub path: &'a str,
    /// Query parameters, decoded, in the order they should appear in the URL.
    pub query: Vec<(&'a str, &'a str)>,
    /// Headers to sign (and send). Repeated names are joined with `,` as SigV4 specifies.
    pub headers: Vec<(&'a str, &'a str)>,
    /// The payload hash to sign.
    pub payload: Payload<'a>,
}

impl<'a> Request<'a> {
    /// A request with no query, no headers and an empty payload, over https.
    pub fn new(method: &'a str, host: &'a str, path: &'a str) -> Self {
        Request {
            method,
            scheme: "https",
            host,
            path,
            query: Vec::new(),
            headers: Vec::new(),
            payload: Payload::Empty,
        }
    }
    /// Adds a query parameter (decoded name and value).
    pub fn query(mut self, name: &'a str, value: &'a str) -> Self {
        self.query.push((name, value));
        self
    }
    /// Adds a header to sign.
    pub fn header(mut self, name: &'a str, value: &'a str) -> Self {
        self.headers.push((name, value));
        self
    }
    /// Sets the payload.
    pub fn payload(mut self, payload: Payload<'a>) -> Self {
        self.payload = payload;
        self
    }
    /// Sets the scheme (`http` or `https`).
    pub fn scheme(mut self, scheme: &'a str) -> Self {
        self.scheme = scheme;
        self
    }
}

/// Whether a session token is signed, or added after signing (the suite's `omit_session_token`:
/// some services, e.g. IoT, want the token outside the signature).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum SessionToken {
    /// Signed: `X-Amz-Security-Token` in the canonical query (presigned) or signed headers.
    #[default]
    Signed,
    /// Added to the request after signing, outside the signature.
    AddedAfterSigning,
    /// Signed, as S3 Express One Zone wants the token of the session credentials `CreateSession`
    /// returns: `X-Amz-S3session-Token` (presigned) or `x-amz-s3session-token` (header), in place
    /// of `X-Amz-Security-Token`.
    S3Session,
}

/// What a non-S3 path's bytes that a URL cannot carry (space, non-ASCII, `"<>\^`{|}`) mean.
///
/// S3 paths are decoded and encoded once, so this only matters for [`UriPath::Normalized`](crate::canonical::UriPath::Normalized).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RawPathBytes {
    /// They are percent-encoded in the URL, and the path is signed as the URL sends it (then
    /// encoded once more, as services do): `/a b` is sent as `/a%20b` and signed as `/a%2520b`.
    /// This is what AWS services compute from what they receive.
    #[default]
    Escape,
    /// They are signed as raw bytes of the request target, encoded once (`/a b` signs as
    /// `/a%20b`): the AWS signing test suite's reading of a request line such as `GET /ሴ`. Only
    /// right when those raw bytes really go on the wire; the URL still shows them escaped.
    SignAsSent,
}
