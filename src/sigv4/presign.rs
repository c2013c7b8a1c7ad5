//! Presigning: the signature in the query string.

use super::output::{Presigned, SigningDetails};
use super::params::SigningParams;
use super::request::{Request, SessionToken};
use super::scratch::Scratch;
use super::url::{
    canonical_uri_override, finish_presigned_url, is_auth_param, write_origin_and_path, QueryAuth,
};
use super::validate::effective_expiry;
use crate::canonical::{self, UriPath};
use crate::encoding;
use crate::signing::{self, ScopedKey};
use crate::{warnings, Error, Timestamp, Warning};
use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

/// What presigning and header signing share: the scoped key, the URL with the caller's query
/// written in, and the caller's headers validated into `scratch` (with `host`).
pub(super) struct Prepared {
    pub(super) key: ScopedKey,
    pub(super) url: String,
    pub(super) path: Range<usize>,
    pub(super) canonical_uri: Option<String>,
    pub(super) scratch: Scratch,
    pub(super) headers: Vec<(String, String)>,
}

pub(super) fn prepare(
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
    let warnings = client_hazards(req, params, &url[path.clone()]);
    if params.deny_warnings {
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
        warnings,
    };
    Ok((presigned, sig))
}

/// The warnings of a generic presign. Dot segments and `response-*` overrides matter only for
/// S3's URI rules: other services normalize the path, so a client's rewrite still matches.
fn client_hazards(req: &Request<'_>, params: &SigningParams<'_>, path: &str) -> Vec<Warning> {
    let mut out = Vec::new();
    if params.uri_path == UriPath::S3 {
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
