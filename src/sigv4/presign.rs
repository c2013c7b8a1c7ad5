//! Presigning: the signature in the query string.

use super::output::{Presigned, SigningDetails};
use super::params::{Common, SigningParams};
use super::request::Request;
use super::scratch::Scratch;
use super::url::{
    canonical_uri_override, finish_presigned_url, is_auth_param, write_origin_and_path, QueryAuth,
};
use super::validate::effective_expiry;
use crate::canonical::{self, UriPath};
use crate::encoding;
use crate::signing::{self, ScopedKey};
use crate::{warnings, Error, Method, Seconds, Timestamp, Warning};
use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

/// Headers the signer sets itself, in every scheme: a caller passing one is refused.
const RESERVED: [&str; 5] = [
    "host",
    "authorization",
    "x-amz-security-token",
    "x-amz-s3session-token",
    "x-amz-region-set",
];

/// Query parameters the signer sets besides [`super::AUTH_PARAMS`] (SigV4a, S3 Express).
const OTHER_AUTH_PARAMS: [&str; 2] = ["X-Amz-Region-Set", "X-Amz-S3session-Token"];

/// What presigning and header signing share: the URL with the caller's query written in, and
/// the caller's headers validated into `scratch` (with `host`).
pub(crate) struct Prepared {
    pub(crate) url: String,
    pub(crate) path: Range<usize>,
    pub(crate) canonical_uri: Option<String>,
    pub(crate) scratch: Scratch,
    pub(crate) headers: Vec<(String, String)>,
}

/// Validates `req` and writes its URL; `reserved` are headers the signer adds besides
/// [`RESERVED`].
pub(crate) fn prepare(
    req: &Request<'_>,
    common: &Common<'_>,
    reserved: &[&str],
) -> Result<Prepared, Error> {
    let mut url = String::with_capacity(256 + req.path.len() * 3);
    let path = write_origin_and_path(&mut url, req, common.uri_path)?;
    let canonical_uri = canonical_uri_override(req, &url[path.clone()], common);
    let mut scratch = Scratch::default();
    for (name, value) in &req.query {
        if name.is_empty() {
            return Err(Error::InvalidQueryParameter {
                reason: "a query parameter name is empty",
            });
        }
        if is_auth_param(name)
            || OTHER_AUTH_PARAMS
                .iter()
                .any(|p| p.eq_ignore_ascii_case(name))
        {
            return Err(Error::InvalidQueryParameter {
                reason: "X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders, -Security-Token, -S3session-Token, -Region-Set and -Signature are set by the signer: remove them",
            });
        }
        scratch.query.push(&mut url, name, value);
    }
    scratch.headers.push_valid("host", req.host);
    let mut headers = Vec::with_capacity(req.headers.len() + 4);
    for (name, value) in &req.headers {
        canonical::validate_header_name(name)?;
        canonical::validate_header_value(name, value)?;
        if RESERVED
            .iter()
            .chain(reserved)
            .any(|r| r.eq_ignore_ascii_case(name))
        {
            return Err(Error::ReservedHeader {
                name: name.to_ascii_lowercase(),
            });
        }
        scratch.headers.push_valid(name, value);
        headers.push((String::from(*name), String::from(*value)));
    }
    Ok(Prepared {
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
    expires_in: impl Seconds,
) -> Result<Presigned, Error> {
    let expires_in = expires_in.seconds();
    let key = params.scoped_key()?;
    presign_impl(request, params, &key, expires_in, None).map(|(p, _)| p)
}

/// [`presign`], also returning the canonical request and string to sign.
///
/// # Errors
/// As [`presign`].
pub fn presign_with_details(
    request: &Request<'_>,
    params: &SigningParams<'_>,
    expires_in: impl Seconds,
) -> Result<(Presigned, SigningDetails), Error> {
    let expires_in = expires_in.seconds();
    let mut text = String::new();
    let key = params.scoped_key()?;
    let (p, sig) = presign_impl(request, params, &key, expires_in, Some(&mut text))?;
    Ok((
        p,
        details(text, params.time, String::from(key.scope()), &sig),
    ))
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
    key: &ScopedKey,
    expires_in: u64,
    details: Option<&mut String>,
) -> Result<(Presigned, [u8; 32]), Error> {
    presign_with(
        req,
        &params.common(),
        key.query_head(),
        "",
        expires_in,
        details,
        |url, scratch, auth, details| finish_presigned_url(url, scratch, key, auth, details),
    )
}

/// Presigns `req` under any scheme: `head` and `after_expires` are its query parameters (see
/// [`QueryAuth`]); `sign` writes the rest of the URL (e.g. [`finish_presigned_url`]) and returns
/// the signature.
pub(crate) fn presign_with<S>(
    req: &Request<'_>,
    common: &Common<'_>,
    head: &str,
    after_expires: &str,
    expires_in: u64,
    details: Option<&mut String>,
    sign: impl FnOnce(&mut String, &mut Scratch, &QueryAuth<'_>, Option<&mut String>) -> S,
) -> Result<(Presigned, S), Error> {
    let expires_in = effective_expiry(
        common.credentials,
        common.time,
        expires_in,
        common.clamp_expiry_to_credentials,
    )?;
    let Prepared {
        mut url,
        path,
        canonical_uri,
        mut scratch,
        headers,
    } = prepare(req, common, &[])?;
    let warnings = client_hazards(req, common, &url[path.clone()]);
    if common.deny_warnings {
        if let Some(w) = warnings.first() {
            return Err(Error::ClientHazard(w.clone()));
        }
    }
    let payload_hash = req.payload.hash()?;
    let auth = QueryAuth {
        method: req.method,
        path,
        canonical_uri: canonical_uri.as_deref(),
        payload_hash: &payload_hash,
        head,
        after_expires,
        time: common.time,
        expires_in,
        token: common.credentials.session_token(),
        encoded_token: None,
        token_param: common.token_param(),
        host_only: None,
        sign_token: common.sign_token(),
    };
    let sig = sign(&mut url, &mut scratch, &auth, details);
    let presigned = Presigned {
        method: Method::from_valid(req.method),
        url,
        headers,
        signed_at: common.time,
        expires_at: common.time.add_seconds(expires_in)?,
        warnings,
    };
    Ok((presigned, sig))
}

/// The warnings of a generic presign. Dot segments and `response-*` overrides matter only for
/// S3's URI rules: other services normalize the path, so a client's rewrite still matches.
fn client_hazards(req: &Request<'_>, common: &Common<'_>, path: &str) -> Vec<Warning> {
    let mut out = Vec::new();
    if common.uri_path == UriPath::S3 {
        warnings::check_path(path, &mut out);
        for (name, value) in &req.query {
            warnings::check_s3_query(name, value, &mut out);
        }
    }
    for (name, value) in &req.headers {
        warnings::check_header(name, value, &mut out);
    }
    out
}
