//! Header signing: the signature in an `Authorization` header.

use super::output::{Signed, SigningDetails};
use super::params::{Common, SigningParams};
use super::presign::{prepare, Prepared};
use super::request::Request;
use super::scratch::Scratch;
use crate::canonical::{self, SignedHeaders, Tee};
use crate::encoding;
use crate::signing::{self, ALGORITHM};
use crate::{Error, Method};
use alloc::string::String;
use sha2::{Digest, Sha256};

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
    let key = params.scoped_key()?;
    let scheme = HeaderScheme {
        algorithm: ALGORITHM,
        scope: key.scope(),
        region_set: None,
    };
    sign_with(request, &params.common(), &scheme, |hash| {
        let sig = key.sign_hash(params.time.amz_date().as_str(), hash);
        String::from(encoding::hex_str(&encoding::hex32(&sig)))
    })
}

/// What an `Authorization` header names besides the signature.
pub(crate) struct HeaderScheme<'a> {
    /// `AWS4-HMAC-SHA256` or `AWS4-ECDSA-P256-SHA256`.
    pub algorithm: &'static str,
    /// The credential scope.
    pub scope: &'a str,
    /// SigV4a: the signed `x-amz-region-set` header's value.
    pub region_set: Option<&'a str>,
}

/// Signs `req` with an `Authorization` header under any scheme: `sign` gets the SHA-256 of the
/// canonical request and returns the hex signature.
pub(crate) fn sign_with(
    req: &Request<'_>,
    common: &Common<'_>,
    scheme: &HeaderScheme<'_>,
    sign: impl FnOnce(&[u8; 32]) -> String,
) -> Result<(Signed, SigningDetails), Error> {
    let reserved: &[&str] = if common.content_sha256_header {
        &["x-amz-date", "x-amz-content-sha256"]
    } else {
        &["x-amz-date"]
    };
    let Prepared {
        url,
        path,
        canonical_uri,
        mut scratch,
        headers: mut out,
    } = prepare(req, common, reserved)?;
    let amz = common.time.amz_date();
    let payload_hash = req.payload.hash()?;
    let token = common.credentials.session_token();
    scratch.headers.push_valid("x-amz-date", amz.as_str());
    out.push((String::from("x-amz-date"), String::from(amz.as_str())));
    if let Some(set) = scheme.region_set {
        scratch.headers.push_valid("x-amz-region-set", set);
        out.push((String::from("x-amz-region-set"), String::from(set)));
    }
    if common.content_sha256_header {
        scratch
            .headers
            .push_valid("x-amz-content-sha256", &payload_hash);
        out.push((
            String::from("x-amz-content-sha256"),
            String::from(&*payload_hash),
        ));
    }
    if let Some(t) = token {
        let name = common.token_header();
        if common.sign_token() {
            scratch.headers.push_valid(name, t);
        }
        out.push((String::from(name), String::from(t)));
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
    let hash: [u8; 32] = {
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
        tee.hasher.finalize().into()
    };
    let signature = sign(&hash);
    let mut authorization =
        String::with_capacity(64 + scheme.scope.len() + signed.len() + signature.len());
    authorization.push_str(scheme.algorithm);
    authorization.push_str(" Credential=");
    authorization.push_str(common.credentials.access_key_id());
    authorization.push('/');
    authorization.push_str(scheme.scope);
    authorization.push_str(", SignedHeaders=");
    authorization.push_str(signed);
    authorization.push_str(", Signature=");
    authorization.push_str(&signature);
    out.push((String::from("authorization"), authorization));
    let sts = signing::string_to_sign_for(scheme.algorithm, amz.as_str(), scheme.scope, &hash);
    let details = SigningDetails {
        canonical_request: text,
        string_to_sign: sts,
        signature: signature.clone(),
    };
    Ok((
        Signed {
            method: Method::from_valid(req.method),
            url,
            headers: out,
            signature,
        },
        details,
    ))
}
