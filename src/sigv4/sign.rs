//! Header signing: the signature in an `Authorization` header.

use super::output::{Signed, SigningDetails};
use super::params::SigningParams;
use super::presign::{prepare, Prepared};
use super::request::{Request, SessionToken};
use super::scratch::Scratch;
use crate::canonical::{self, SignedHeaders, Tee};
use crate::encoding;
use crate::signing::{self, ALGORITHM};
use crate::Error;
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
