//! Generic SigV4 for any AWS service: sign a request with an `Authorization` header, or presign
//! it into a URL with the signature in the query string.
//!
//! ```
//! use presign::{sigv4, Credentials, Payload, Timestamp};
//!
//! let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
//! let time = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z")?;
//! let request = sigv4::Request::new("GET", "examplebucket.s3.amazonaws.com", "/test.txt")
//!     .payload(Payload::Unsigned);
//! let params = sigv4::SigningParams::new(&creds, "us-east-1", "s3", time);
//! let presigned = sigv4::presign(&request, &params, 86400)?;
//! assert!(presigned.url.ends_with("X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"));
//! # Ok::<(), presign::Error>(())
//! ```

use crate::canonical::{self, Headers, QueryWriter, SignedHeaders, Tee, UriPath};
use crate::encoding;
use crate::signing::{self, ScopedKey, StsState, ALGORITHM, EMPTY_SHA256, UNSIGNED_PAYLOAD};
use crate::{Credentials, Error, Timestamp};
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;
use sha2::{Digest, Sha256};

/// The longest lifetime SigV4 allows a presigned URL: seven days.
pub const MAX_EXPIRES: u64 = 604_800;

/// The payload-hash literals AWS services accept besides a hex SHA-256.
pub const PAYLOAD_LITERALS: [&str; 6] = [
    "UNSIGNED-PAYLOAD",
    "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
    "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
    "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
    "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD",
    "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER",
];

/// What the payload hash line of the canonical request says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payload<'a> {
    /// No body: SHA-256 of the empty string.
    Empty,
    /// `UNSIGNED-PAYLOAD`: what S3 presigned URLs use, since the body is not known yet.
    Unsigned,
    /// A precomputed hash: 64 lower-case hex digits, or one of [`PAYLOAD_LITERALS`]
    /// (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD`, ...).
    Hash(&'a str),
    /// The body itself, hashed here.
    Bytes(&'a [u8]),
}

impl Payload<'_> {
    pub(crate) fn hash(&self) -> Result<Cow<'static, str>, Error> {
        Ok(match self {
            Payload::Empty => Cow::Borrowed(EMPTY_SHA256),
            Payload::Unsigned => Cow::Borrowed(UNSIGNED_PAYLOAD),
            Payload::Hash(h) => {
                let hex = h.len() == 64
                    && h.bytes()
                        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
                let literal = PAYLOAD_LITERALS.contains(h);
                if !(hex || literal) {
                    return Err(Error::InvalidPayloadHash);
                }
                Cow::Owned(String::from(*h))
            }
            Payload::Bytes(b) => Cow::Owned(signing::sha256_hex(b)),
        })
    }
}

/// An HTTP request to sign. The path is the path as it will be sent; query names and values are
/// given decoded (they are encoded here, once).
#[derive(Clone, Debug)]
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
pub enum SessionToken {
    /// Signed: `X-Amz-Security-Token` in the canonical query (presigned) or signed headers.
    #[default]
    Signed,
    /// Added to the request after signing, outside the signature.
    AddedAfterSigning,
}

/// What a non-S3 path's bytes that a URL cannot carry (space, non-ASCII, `"<>\^`{|}`) mean.
///
/// S3 paths are decoded and encoded once, so this only matters for [`UriPath::Normalized`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
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

/// Who signs, where and when.
#[derive(Clone, Debug)]
pub struct SigningParams<'a> {
    /// The credentials.
    pub credentials: &'a Credentials,
    /// The region, e.g. `us-east-1`.
    pub region: &'a str,
    /// The signing name of the service, e.g. `s3`, `execute-api`, `rds-db`.
    pub service: &'a str,
    /// The signing time (`X-Amz-Date`).
    pub time: Timestamp,
    /// How the canonical URI is made; by default [`UriPath::for_service`].
    pub uri_path: UriPath,
    /// How raw non-URL bytes of a non-S3 path are signed; by default [`RawPathBytes::Escape`].
    pub raw_path_bytes: RawPathBytes,
    /// Where the session token goes.
    pub session_token: SessionToken,
    /// Header signing only: add a signed `x-amz-content-sha256` header with the payload hash.
    pub content_sha256_header: bool,
    /// Presigning only: shorten the expiry to the credentials' expiration instead of refusing.
    pub clamp_expiry_to_credentials: bool,
}

impl<'a> SigningParams<'a> {
    /// Parameters with the defaults: the service's URI rules, a signed session token.
    pub fn new(
        credentials: &'a Credentials,
        region: &'a str,
        service: &'a str,
        time: Timestamp,
    ) -> Self {
        SigningParams {
            credentials,
            region,
            service,
            time,
            uri_path: UriPath::for_service(service),
            raw_path_bytes: RawPathBytes::Escape,
            session_token: SessionToken::Signed,
            content_sha256_header: false,
            clamp_expiry_to_credentials: false,
        }
    }
}

/// A presigned request: everything a client needs to use it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presigned {
    /// The method the URL is signed for; any other method fails.
    pub method: String,
    /// The URL.
    pub url: String,
    /// Headers the client MUST send with these exact values (they are signed). `Host` is not
    /// listed: HTTP clients set it from the URL.
    pub headers: Vec<(String, String)>,
    /// The signing time.
    pub signed_at: Timestamp,
    /// The instant after which the URL is refused.
    pub expires_at: Timestamp,
}

/// A request signed with an `Authorization` header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signed {
    /// The method.
    pub method: String,
    /// The URL (scheme, host, path and query as signed).
    pub url: String,
    /// Every header to send except `Host`: the caller's headers, then `x-amz-date`, the content
    /// hash and session token when added, and `authorization`.
    pub headers: Vec<(String, String)>,
    /// The hex signature.
    pub signature: String,
}

/// The intermediate texts, for debugging a `SignatureDoesNotMatch` (S3 returns its own
/// canonical request and string to sign in the error body: compare them with these).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SigningDetails {
    /// The canonical request.
    pub canonical_request: String,
    /// The string to sign.
    pub string_to_sign: String,
    /// The hex signature.
    pub signature: String,
}

/// Reusable buffers, so that steady-state signing does not allocate.
#[derive(Default)]
pub(crate) struct Scratch {
    pub(crate) query: QueryWriter,
    pub(crate) headers: Headers,
    pub(crate) signed: String,
    /// The canonical request, written out and then hashed in one call.
    pub(crate) canonical: String,
    /// `&X-Amz-Expires={expires.0}`, for the last expiry written.
    expires: (u64, String),
    /// The string-to-sign HMAC state of the last second signed in, for the key in use: the
    /// owner calls [`Scratch::forget_key`] whenever that key changes.
    sts: Option<StsState>,
}

impl Scratch {
    pub(crate) fn clear(&mut self) {
        self.query.clear();
        self.headers.clear();
        self.signed.clear();
    }

    /// Drops what belongs to the previous signing key.
    pub(crate) fn forget_key(&mut self) {
        self.sts = None;
    }
}

impl core::fmt::Debug for Scratch {
    // The buffers hold header values and session tokens: never shown.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Scratch")
    }
}

pub(crate) fn validate_method(method: &str) -> Result<(), Error> {
    if method.is_empty()
        || !method
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    {
        return Err(Error::InvalidMethod {
            method: method.into(),
        });
    }
    Ok(())
}

pub(crate) fn validate_host(host: &str) -> Result<(), Error> {
    let ok = !host.is_empty()
        && host.len() <= 1024
        && host
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"/?#@\\\"<>{}|^`".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidHost { host: host.into() })
    }
}

fn validate_expiry(seconds: u64) -> Result<(), Error> {
    if seconds == 0 || seconds > MAX_EXPIRES {
        return Err(Error::InvalidExpiry { seconds });
    }
    Ok(())
}

/// Checks the expiry and the credentials' lifetime; returns the expiry to use.
pub(crate) fn effective_expiry(
    credentials: &Credentials,
    time: Timestamp,
    expires_in: u64,
    clamp: bool,
) -> Result<u64, Error> {
    validate_expiry(expires_in)?;
    let expires_at = time.add_seconds(expires_in)?;
    if let Some(limit) = credentials.expires_at() {
        if limit <= time {
            return Err(Error::CredentialsExpired {
                expired_at: limit.unix(),
            });
        }
        if limit < expires_at {
            if clamp {
                return Ok((limit.unix() - time.unix()) as u64);
            }
            return Err(Error::ExpiresAfterCredentials {
                url_expires_at: expires_at.unix(),
                credentials_expire_at: limit.unix(),
            });
        }
    }
    Ok(expires_in)
}

/// The query parameters of SigV4 query authentication, in their canonical spelling (the
/// verifier indexes this order).
pub(crate) const AUTH_PARAMS: [&str; 7] = [
    "X-Amz-Algorithm",
    "X-Amz-Credential",
    "X-Amz-Date",
    "X-Amz-Expires",
    "X-Amz-SignedHeaders",
    "X-Amz-Signature",
    "X-Amz-Security-Token",
];

/// Whether `name` is one of [`AUTH_PARAMS`], in any case.
pub(crate) fn is_auth_param(name: &str) -> bool {
    AUTH_PARAMS.iter().any(|p| p.eq_ignore_ascii_case(name))
}

/// The decimal digits of `v`, written into `buf` without allocating.
pub(crate) fn u64_digits(mut v: u64, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    core::str::from_utf8(&buf[i..]).unwrap_or_default()
}

/// What the query-string signature needs beyond the request.
pub(crate) struct QueryAuth<'a> {
    pub method: &'a str,
    /// The URL path, a range of the URL buffer.
    pub path: Range<usize>,
    /// The canonical URI when it differs from the URL path.
    pub canonical_uri: Option<&'a str>,
    pub payload_hash: &'a str,
    pub key: &'a ScopedKey,
    pub time: Timestamp,
    pub expires_in: u64,
    pub token: Option<&'a str>,
    /// `token` already percent-encoded, when the caller keeps it (it is encoded here otherwise).
    pub encoded_token: Option<&'a str>,
    /// `Some(host)` when `host` is the only signed header (and `scratch.headers` is unused): the
    /// lower-case, canonical value.
    pub host_only: Option<&'a str>,
    pub sign_token: bool,
}

/// Appends the time of day of `t`, `HHMMSSZ` (the end of its `X-Amz-Date`).
fn push_time_of_day(url: &mut String, t: Timestamp) {
    let s = t.unix().rem_euclid(86_400) as u32;
    for v in [s / 3600, s / 60 % 60, s % 60] {
        url.push(char::from(b'0' + (v / 10) as u8));
        url.push(char::from(b'0' + (v % 10) as u8));
    }
    url.push('Z');
}

/// Finishes a presigned URL in `url`: the caller has written `scheme://host/path` and its own
/// query parameters (through `scratch.query`), and put every signed header, `host` included, in
/// `scratch.headers`. Appends the `X-Amz-*` parameters and the signature; returns the signature.
///
/// The `X-Amz-*` parameters are written in the order AWS's own SDKs use (`X-Amz-SignedHeaders`
/// before `X-Amz-Security-Token`); the canonical query is then taken from the URL as a few
/// slices, and the canonical request, written out in `scratch.canonical`, is hashed in one call.
pub(crate) fn finish_presigned_url(
    url: &mut String,
    scratch: &mut Scratch,
    auth: &QueryAuth<'_>,
    details: Option<&mut String>,
) -> [u8; 32] {
    let Scratch {
        query,
        headers,
        signed,
        canonical,
        expires,
        sts,
    } = scratch;
    let key = auth.key;
    debug_assert!(key.covers(auth.time));
    let (signed, signed_headers): (&str, _) = match auth.host_only {
        Some(host) => ("host", SignedHeaders::Host(host)),
        None => {
            headers.sort();
            signed.clear();
            headers.write_signed(signed);
            (signed, SignedHeaders::Sorted(headers))
        }
    };
    let caller_params = query.len();
    url.push(if caller_params == 0 { '?' } else { '&' });
    // X-Amz-Algorithm, -Credential, -Date and -Expires: sorted, and adjacent in the URL.
    let head = url.len();
    url.push_str(key.query_head());
    push_time_of_day(url, auth.time);
    if expires.0 != auth.expires_in || expires.1.is_empty() {
        let mut num = [0u8; 20];
        expires.1.clear();
        expires.1.push_str("&X-Amz-Expires=");
        expires.1.push_str(u64_digits(auth.expires_in, &mut num));
        expires.0 = auth.expires_in;
    }
    url.push_str(&expires.1);
    let head_end = url.len();
    if auth.host_only.is_some() {
        url.push_str("&X-Amz-SignedHeaders=host");
    } else {
        url.push_str("&X-Amz-SignedHeaders=");
        encoding::encode_str_into(url, signed, encoding::Component::Query);
    }
    let signed_param = head_end + 1..url.len();
    let token_param = match (auth.token, auth.sign_token) {
        (Some(token), true) => {
            let t0 = url.len() + 1;
            url.push_str("&X-Amz-Security-Token=");
            match auth.encoded_token {
                Some(encoded) => url.push_str(encoded),
                None => encoding::encode_str_into(url, token, encoding::Component::Query),
            }
            Some(t0..url.len())
        }
        _ => None,
    };
    let uri = auth.canonical_uri.unwrap_or(&url[auth.path.clone()]);
    canonical.clear();
    match (caller_params, signed_headers) {
        (0, SignedHeaders::Host(host)) => {
            // The common case (no query of the caller's, `host` the only signed header): the
            // canonical request straight from slices of the URL, in canonical order (the head,
            // the token, the signed headers), with no bookkeeping.
            canonical.push_str(auth.method);
            canonical.push('\n');
            canonical.push_str(uri);
            canonical.push('\n');
            match &token_param {
                None => canonical.push_str(&url[head..signed_param.end]),
                Some(t) => {
                    canonical.push_str(&url[head..head_end]);
                    canonical.push('&');
                    canonical.push_str(&url[t.clone()]);
                    canonical.push('&');
                    canonical.push_str(&url[signed_param.clone()]);
                }
            }
            canonical.push_str("\nhost:");
            canonical.push_str(host);
            canonical.push_str("\n\nhost\n");
            canonical.push_str(auth.payload_hash);
        }
        _ => {
            if caller_params == 0 {
                // Canonical order without sorting: the head, the token, the signed headers.
                query.record_in_order(head, head + "X-Amz-Algorithm".len(), head_end);
                if let Some(t) = &token_param {
                    query.record_in_order(t.start, t.start + "X-Amz-Security-Token".len(), t.end);
                }
                query.record_in_order(
                    signed_param.start,
                    signed_param.start + "X-Amz-SignedHeaders".len(),
                    signed_param.end,
                );
            } else {
                query.record_each(url, head, head_end);
                query.record_each(url, signed_param.start, signed_param.end);
                if let Some(t) = &token_param {
                    query.record_each(url, t.start, t.end);
                }
            }
            canonical::write_canonical_request(
                canonical,
                auth.method,
                uri,
                url,
                query,
                signed_headers,
                signed,
                auth.payload_hash,
            );
        }
    }
    let hash: [u8; 32] = Sha256::digest(canonical.as_bytes()).into();
    if let Some(text) = details {
        text.push_str(canonical);
    }
    let state = match sts {
        Some(s) => {
            if s.second() != auth.time.unix() {
                s.refresh(key, auth.time);
            }
            s
        }
        None => sts.insert(key.sts_state(auth.time)),
    };
    let sig = state.sign(&hash);
    if let (Some(token), false) = (auth.token, auth.sign_token) {
        url.push_str("&X-Amz-Security-Token=");
        encoding::encode_str_into(url, token, encoding::Component::Query);
    }
    url.push_str("&X-Amz-Signature=");
    url.push_str(encoding::hex_str(&encoding::hex32(&sig)));
    sig
}

/// Writes `scheme://host` and the URL path; returns the path's range.
fn write_origin_and_path(
    url: &mut String,
    req: &Request<'_>,
    rules: UriPath,
) -> Result<Range<usize>, Error> {
    if req.scheme != "https" && req.scheme != "http" {
        return Err(Error::InvalidEndpoint {
            reason: "the scheme must be http or https",
        });
    }
    validate_method(req.method)?;
    validate_host(req.host)?;
    canonical::validate_path(req.path)?;
    url.push_str(req.scheme);
    url.push_str("://");
    url.push_str(req.host);
    let p0 = url.len();
    canonical::write_url_path(url, req.path, rules);
    Ok(p0..url.len())
}

/// The canonical URI when it is not the URL path itself (every service but S3).
fn canonical_uri_override(
    req: &Request<'_>,
    url_path: &str,
    params: &SigningParams<'_>,
) -> Option<String> {
    match (params.uri_path, params.raw_path_bytes) {
        (UriPath::S3, _) => None,
        // The path as the URL sends it, with the bytes a URL cannot carry already escaped.
        (UriPath::Normalized, RawPathBytes::Escape) => {
            Some(canonical::canonical_uri(url_path, UriPath::Normalized))
        }
        (UriPath::Normalized, RawPathBytes::SignAsSent) => {
            Some(canonical::canonical_uri(req.path, UriPath::Normalized))
        }
    }
}

/// What presigning and header signing share: the scoped key, the URL with the caller's query
/// written in, and the caller's headers validated into `scratch` (with `host`).
struct Prepared {
    key: ScopedKey,
    url: String,
    path: Range<usize>,
    canonical_uri: Option<String>,
    scratch: Scratch,
    headers: Vec<(String, String)>,
}

fn prepare(
    req: &Request<'_>,
    params: &SigningParams<'_>,
    reserved: &[&str],
) -> Result<Prepared, Error> {
    let key = ScopedKey::new(
        params.credentials,
        params.time,
        params.region,
        params.service,
    )?;
    let mut url = String::with_capacity(256 + req.path.len() * 3);
    let path = write_origin_and_path(&mut url, req, params.uri_path)?;
    let canonical_uri = canonical_uri_override(req, &url[path.clone()], params);
    let mut scratch = Scratch::default();
    for (name, value) in &req.query {
        if name.is_empty() {
            return Err(Error::InvalidQueryParameter {
                reason: "a query parameter name is empty",
            });
        }
        if is_auth_param(name) {
            return Err(Error::InvalidQueryParameter {
                reason: "X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders, -Security-Token and -Signature are set by the signer: remove them",
            });
        }
        scratch.query.push(&mut url, name, value);
    }
    scratch.headers.push_valid("host", req.host);
    let mut headers = Vec::with_capacity(req.headers.len() + 4);
    for (name, value) in &req.headers {
        canonical::validate_header_name(name)?;
        canonical::validate_header_value(name, value)?;
        if reserved.iter().any(|r| r.eq_ignore_ascii_case(name)) {
            return Err(Error::ReservedHeader {
                name: name.to_ascii_lowercase(),
            });
        }
        scratch.headers.push_valid(name, value);
        headers.push((String::from(*name), String::from(*value)));
    }
    Ok(Prepared {
        key,
        url,
        path,
        canonical_uri,
        scratch,
        headers,
    })
}

/// Presigns `request`: the signature goes in the query string, valid for `expires_in` seconds
/// (1..=604800).
///
/// # Errors
/// Any input error: method, host, path, header names and values, query names, region, service,
/// expiry, or a URL that would outlive temporary credentials.
pub fn presign(
    request: &Request<'_>,
    params: &SigningParams<'_>,
    expires_in: u64,
) -> Result<Presigned, Error> {
    presign_impl(request, params, expires_in, None).map(|(p, _)| p)
}

/// [`presign`], also returning the canonical request and string to sign.
///
/// # Errors
/// As [`presign`].
pub fn presign_with_details(
    request: &Request<'_>,
    params: &SigningParams<'_>,
    expires_in: u64,
) -> Result<(Presigned, SigningDetails), Error> {
    let mut text = String::new();
    let (p, sig) = presign_impl(request, params, expires_in, Some(&mut text))?;
    Ok((p, details(text, params.time, request_scope(params), &sig)))
}

fn request_scope(params: &SigningParams<'_>) -> String {
    let mut s = String::from(params.time.amz_date().date());
    for part in [params.region, params.service, "aws4_request"] {
        s.push('/');
        s.push_str(part);
    }
    s
}

pub(crate) fn details(
    canonical_request: String,
    time: Timestamp,
    scope: String,
    sig: &[u8; 32],
) -> SigningDetails {
    let string_to_sign = signing::string_to_sign(
        time.amz_date().as_str(),
        &scope,
        &signing::sha256(canonical_request.as_bytes()),
    );
    SigningDetails {
        canonical_request,
        string_to_sign,
        signature: String::from(encoding::hex_str(&encoding::hex32(sig))),
    }
}

fn presign_impl(
    req: &Request<'_>,
    params: &SigningParams<'_>,
    expires_in: u64,
    details: Option<&mut String>,
) -> Result<(Presigned, [u8; 32]), Error> {
    let expires_in = effective_expiry(
        params.credentials,
        params.time,
        expires_in,
        params.clamp_expiry_to_credentials,
    )?;
    let Prepared {
        key,
        mut url,
        path,
        canonical_uri,
        mut scratch,
        headers,
    } = prepare(
        req,
        params,
        &["host", "authorization", "x-amz-security-token"],
    )?;
    let payload_hash = req.payload.hash()?;
    let auth = QueryAuth {
        method: req.method,
        path,
        canonical_uri: canonical_uri.as_deref(),
        payload_hash: &payload_hash,
        key: &key,
        time: params.time,
        expires_in,
        token: params.credentials.session_token(),
        encoded_token: None,
        host_only: None,
        sign_token: params.session_token == SessionToken::Signed,
    };
    let sig = finish_presigned_url(&mut url, &mut scratch, &auth, details);
    let presigned = Presigned {
        method: String::from(req.method),
        url,
        headers,
        signed_at: params.time,
        expires_at: params.time.add_seconds(expires_in)?,
    };
    Ok((presigned, sig))
}

/// Signs `request` with an `Authorization` header.
///
/// # Errors
/// Any input error, or a header the signer sets itself (`host`, `authorization`, `x-amz-date`,
/// `x-amz-security-token`).
pub fn sign(request: &Request<'_>, params: &SigningParams<'_>) -> Result<Signed, Error> {
    sign_with_details(request, params).map(|(s, _)| s)
}

/// [`sign`], also returning the canonical request and string to sign.
///
/// # Errors
/// As [`sign`].
pub fn sign_with_details(
    request: &Request<'_>,
    params: &SigningParams<'_>,
) -> Result<(Signed, SigningDetails), Error> {
    let req = request;
    let reserved: &[&str] = if params.content_sha256_header {
        &[
            "host",
            "authorization",
            "x-amz-date",
            "x-amz-security-token",
            "x-amz-content-sha256",
        ]
    } else {
        &[
            "host",
            "authorization",
            "x-amz-date",
            "x-amz-security-token",
        ]
    };
    let Prepared {
        key,
        url,
        path,
        canonical_uri,
        mut scratch,
        headers: mut out,
    } = prepare(req, params, reserved)?;
    let amz = params.time.amz_date();
    let payload_hash = req.payload.hash()?;
    let token = params.credentials.session_token();
    scratch.headers.push_valid("x-amz-date", amz.as_str());
    out.push((String::from("x-amz-date"), String::from(amz.as_str())));
    if params.content_sha256_header {
        scratch
            .headers
            .push_valid("x-amz-content-sha256", &payload_hash);
        out.push((
            String::from("x-amz-content-sha256"),
            String::from(&*payload_hash),
        ));
    }
    if let Some(t) = token {
        if params.session_token == SessionToken::Signed {
            scratch.headers.push_valid("x-amz-security-token", t);
        }
        out.push((String::from("x-amz-security-token"), String::from(t)));
    }
    let Scratch {
        query,
        headers,
        signed,
        ..
    } = &mut scratch;
    headers.sort();
    headers.write_signed(signed);
    let mut text = String::new();
    let hash = {
        let uri = canonical_uri.as_deref().unwrap_or(&url[path]);
        let mut tee = Tee {
            hasher: Sha256::new(),
            text: &mut text,
        };
        canonical::write_canonical_request(
            &mut tee,
            req.method,
            uri,
            &url,
            query,
            SignedHeaders::Sorted(headers),
            signed,
            &payload_hash,
        );
        tee.hasher.finalize()
    };
    let sig = key.sign_hash(amz.as_str(), &hash.into());
    let signature = String::from(encoding::hex_str(&encoding::hex32(&sig)));
    let mut authorization = String::with_capacity(64 + key.scope().len() + signed.len() + 64);
    authorization.push_str(ALGORITHM);
    authorization.push_str(" Credential=");
    authorization.push_str(params.credentials.access_key_id());
    authorization.push('/');
    authorization.push_str(key.scope());
    authorization.push_str(", SignedHeaders=");
    authorization.push_str(signed);
    authorization.push_str(", Signature=");
    authorization.push_str(&signature);
    out.push((String::from("authorization"), authorization));
    let sts = signing::string_to_sign(amz.as_str(), key.scope(), &hash.into());
    let details = SigningDetails {
        canonical_request: text,
        string_to_sign: sts,
        signature: signature.clone(),
    };
    Ok((
        Signed {
            method: String::from(req.method),
            url,
            headers: out,
            signature,
        },
        details,
    ))
}
