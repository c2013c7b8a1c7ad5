//! Presigned URL assembly: origin, path, the caller's query and the `X-Amz-*` authentication
//! parameters, hashed in canonical order as they are written.

use super::params::Common;
use super::request::{RawPathBytes, Request};
use super::scratch::Scratch;
use super::validate::{validate_host, validate_method};
use crate::canonical::{self, SignedHeaders, UriPath};
use crate::encoding;
use crate::signing::ScopedKey;
use crate::{Error, Timestamp};
use alloc::string::String;
use core::ops::Range;
use sha2::{Digest, Sha256};

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
    /// `X-Amz-Algorithm=...&X-Amz-Credential=...&X-Amz-Date=YYYYMMDDT`: the scheme's
    /// parameters up to the time of day ([`ScopedKey::query_head`] for SigV4).
    pub head: &'a str,
    /// Parameters that sort between `X-Amz-Expires` and the token, written `&Name=value`
    /// (SigV4a's `&X-Amz-Region-Set=...`), or empty.
    pub after_expires: &'a str,
    pub time: Timestamp,
    pub expires_in: u64,
    pub token: Option<&'a str>,
    /// `token` already percent-encoded, when the caller keeps it (it is encoded here otherwise).
    pub encoded_token: Option<&'a str>,
    /// `X-Amz-Security-Token`, or S3 Express One Zone's `X-Amz-S3session-Token`: both sort
    /// after `X-Amz-Region-Set` and before `X-Amz-SignedHeaders`.
    pub token_param: &'static str,
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

/// Finishes a SigV4 presigned URL in `url` ([`write_presigned_query`], then the HMAC signature
/// with `key`, whose string-to-sign state per second `scratch` keeps); returns the signature.
pub(crate) fn finish_presigned_url(
    url: &mut String,
    scratch: &mut Scratch,
    key: &ScopedKey,
    auth: &QueryAuth<'_>,
    details: Option<&mut String>,
) -> [u8; 32] {
    debug_assert!(key.covers(auth.time));
    debug_assert_eq!(auth.head, key.query_head());
    let hash = write_presigned_query(url, scratch, auth, details);
    let sts = &mut scratch.sts;
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
    append_signature(url, auth, encoding::hex_str(&encoding::hex32(&sig)));
    sig
}

/// Ends a presigned URL: the session token when it is not signed, then `X-Amz-Signature`.
pub(crate) fn append_signature(url: &mut String, auth: &QueryAuth<'_>, signature_hex: &str) {
    if let (Some(token), false) = (auth.token, auth.sign_token) {
        url.push('&');
        url.push_str(auth.token_param);
        url.push('=');
        encoding::encode_str_into(url, token, encoding::Component::Query);
    }
    url.push_str("&X-Amz-Signature=");
    url.push_str(signature_hex);
}

/// Writes the `X-Amz-*` parameters of a presigned URL but the signature into `url`, and returns
/// the SHA-256 of the canonical request: the caller has written `scheme://host/path` and its own
/// query parameters (through `scratch.query`), and put every signed header, `host` included, in
/// `scratch.headers`. The signer then appends the signature ([`append_signature`]).
///
/// The `X-Amz-*` parameters are written in the order AWS's own SDKs use (`X-Amz-SignedHeaders`
/// before the token); the canonical query is then taken from the URL as a few slices, and the
/// canonical request, written out in `scratch.canonical`, is hashed in one call.
pub(crate) fn write_presigned_query(
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
        ..
    } = scratch;
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
    // X-Amz-Algorithm, -Credential, -Date, -Expires (and -Region-Set): sorted, and adjacent.
    let head = url.len();
    url.push_str(auth.head);
    push_time_of_day(url, auth.time);
    if expires.0 != auth.expires_in || expires.1.is_empty() {
        let mut num = [0u8; 20];
        expires.1.clear();
        expires.1.push_str("&X-Amz-Expires=");
        expires.1.push_str(u64_digits(auth.expires_in, &mut num));
        expires.0 = auth.expires_in;
    }
    url.push_str(&expires.1);
    url.push_str(auth.after_expires);
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
            url.push('&');
            url.push_str(auth.token_param);
            url.push('=');
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
                    query.record_in_order(t.start, t.start + auth.token_param.len(), t.end);
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
    hash
}

/// Writes `scheme://host` and the URL path; returns the path's range.
pub(super) fn write_origin_and_path(
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
pub(super) fn canonical_uri_override(
    req: &Request<'_>,
    url_path: &str,
    common: &Common<'_>,
) -> Option<String> {
    match (common.uri_path, common.raw_path_bytes) {
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
