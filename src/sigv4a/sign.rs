//! SigV4a signing: presigned URLs and `Authorization` headers, on the SigV4 pipeline.

use super::key::{Signature, SigningKey};
use super::region_set::RegionSet;
use super::ALGORITHM;
use crate::canonical::UriPath;
use crate::encoding::{self, Component};
use crate::signing::{self, validate_service};
use crate::sigv4::{
    self, presign_with, sign_with, Common, HeaderScheme, Presigned, RawPathBytes, Request,
    SessionToken, Signed, SigningDetails,
};
use crate::{Credentials, Error, Seconds, Timestamp};
use alloc::string::String;

/// Who signs, for which regions, where and when: SigV4's [`sigv4::SigningParams`] with a
/// [`RegionSet`] in place of the region and the derived [`SigningKey`] (derive it once per
/// credentials and keep it: the derivation costs a P-256 scalar multiplication).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct SigningParams<'a> {
    /// The credentials (their session token is signed as usual).
    pub credentials: &'a Credentials,
    /// The key derived from `credentials`.
    pub key: &'a SigningKey,
    /// The regions the signature is valid in.
    pub region_set: &'a RegionSet,
    /// The signing name of the service, e.g. `s3`.
    pub service: &'a str,
    /// The signing time (`X-Amz-Date`).
    pub time: Timestamp,
    /// How the canonical URI is made; by default [`UriPath::for_service`].
    pub uri_path: UriPath,
    /// How raw non-URL bytes of a non-S3 path are signed; by default [`RawPathBytes::Escape`].
    pub raw_path_bytes: RawPathBytes,
    /// Where the session token goes.
    pub session_token: SessionToken,
    /// Header signing only: add a signed `x-amz-content-sha256` header with the payload hash; on
    /// by default for the S3 signing names, as in [`crate::sigv4::SigningParams`].
    pub content_sha256_header: bool,
    /// Presigning only: shorten the expiry to the credentials' expiration instead of refusing.
    pub clamp_expiry_to_credentials: bool,
    /// Presigning only: refuse with [`Error::ClientHazard`] instead of returning warnings.
    pub deny_warnings: bool,
}

impl<'a> SigningParams<'a> {
    /// Parameters with the defaults: the service's URI rules, a signed session token.
    pub fn new(
        credentials: &'a Credentials,
        key: &'a SigningKey,
        region_set: &'a RegionSet,
        service: &'a str,
        time: Timestamp,
    ) -> Self {
        SigningParams {
            credentials,
            key,
            region_set,
            service,
            time,
            uri_path: UriPath::for_service(service),
            raw_path_bytes: RawPathBytes::Escape,
            session_token: SessionToken::Signed,
            content_sha256_header: crate::sigv4::sends_content_sha256(service),
            clamp_expiry_to_credentials: false,
            deny_warnings: false,
        }
    }

    fn common(&self) -> Common<'a> {
        Common {
            credentials: self.credentials,
            time: self.time,
            uri_path: self.uri_path,
            raw_path_bytes: self.raw_path_bytes,
            session_token: self.session_token,
            content_sha256_header: self.content_sha256_header,
            clamp_expiry_to_credentials: self.clamp_expiry_to_credentials,
            deny_warnings: self.deny_warnings,
        }
    }

    /// `YYYYMMDD/service/aws4_request`, after checking the service and that the key is the
    /// credentials'.
    fn scope(&self) -> Result<String, Error> {
        validate_service(self.service)?;
        if self.key.access_key_id() != self.credentials.access_key_id() {
            return Err(Error::UnsupportedConfiguration {
                reason: "the SigV4a key was derived from other credentials than the ones signing: derive it from these",
            });
        }
        let mut scope = String::with_capacity(8 + self.service.len() + 14);
        scope.push_str(self.time.amz_date().date());
        scope.push('/');
        scope.push_str(self.service);
        scope.push_str("/aws4_request");
        Ok(scope)
    }
}

/// Presigns `request` with SigV4a: the signature goes in the query string with
/// `X-Amz-Region-Set`, valid for `expires_in` seconds (1..=604800).
///
/// ```
/// use presign::sigv4a::{self, RegionSet, SigningKey};
/// use presign::{sigv4, Credentials, Payload, Timestamp};
///
/// let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
/// let key = SigningKey::derive(&creds)?; // once per credentials
/// let regions = RegionSet::any();
/// let time = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?;
/// // A multi-Region access point: its alias, on the global endpoint.
/// let request = sigv4::Request::new("GET", "mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com", "/report.pdf")
///     .payload(Payload::Unsigned);
/// let params = sigv4a::SigningParams::new(&creds, &key, &regions, "s3", time);
/// let presigned = sigv4a::presign(&request, &params, 3600)?;
/// assert!(presigned.url.contains("X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256"));
/// assert!(presigned.url.contains("&X-Amz-Region-Set=%2A&"));
/// # Ok::<(), presign::Error>(())
/// ```
///
/// # Errors
/// As [`sigv4::presign`]; also [`Error::UnsupportedConfiguration`] when `key` was derived from
/// other credentials.
pub fn presign(
    request: &Request<'_>,
    params: &SigningParams<'_>,
    expires_in: impl Seconds,
) -> Result<Presigned, Error> {
    let expires_in = expires_in.seconds();
    presign_impl(request, params, expires_in, None).map(|(p, _)| p)
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
    let (p, (sig, sts)) = presign_impl(request, params, expires_in, Some(&mut text))?;
    Ok((
        p,
        SigningDetails {
            canonical_request: text,
            string_to_sign: sts,
            signature: sig.to_hex(),
        },
    ))
}

fn presign_impl(
    req: &Request<'_>,
    params: &SigningParams<'_>,
    expires_in: u64,
    details: Option<&mut String>,
) -> Result<(Presigned, (Signature, String)), Error> {
    let scope = params.scope()?;
    let amz = params.time.amz_date();
    let akid = params.credentials.access_key_id();
    let mut head = String::with_capacity(80 + 3 * akid.len() + scope.len());
    head.push_str("X-Amz-Algorithm=");
    head.push_str(ALGORITHM);
    head.push_str("&X-Amz-Credential=");
    encoding::encode_str_into(&mut head, akid, Component::Query);
    head.push_str("%2F");
    encoding::encode_str_into(&mut head, &scope, Component::Query);
    head.push_str("&X-Amz-Date=");
    head.push_str(amz.date());
    head.push('T');
    let mut region_set = String::from("&X-Amz-Region-Set=");
    encoding::encode_str_into(
        &mut region_set,
        params.region_set.as_str(),
        Component::Query,
    );
    presign_with(
        req,
        &params.common(),
        &head,
        &region_set,
        expires_in,
        details,
        |url, scratch, auth, details| {
            let hash = sigv4::write_presigned_query(url, scratch, auth, details);
            let sts = signing::string_to_sign_for(ALGORITHM, amz.as_str(), &scope, &hash);
            let sig = params.key.sign(sts.as_bytes());
            let mut hex = String::with_capacity(144);
            sig.write_hex(&mut hex);
            sigv4::append_signature(url, auth, &hex);
            (sig, sts)
        },
    )
}

/// Signs `request` with SigV4a in an `Authorization` header (`AWS4-ECDSA-P256-SHA256`), adding
/// the signed `x-amz-region-set` header.
///
/// # Errors
/// As [`sigv4::sign`]; also [`Error::UnsupportedConfiguration`] when `key` was derived from other
/// credentials.
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
    let scope = params.scope()?;
    let scheme = HeaderScheme {
        algorithm: ALGORITHM,
        scope: &scope,
        region_set: Some(params.region_set.as_str()),
    };
    let amz = params.time.amz_date();
    sign_with(request, &params.common(), &scheme, |hash| {
        let sts = signing::string_to_sign_for(ALGORITHM, amz.as_str(), &scope, hash);
        params.key.sign(sts.as_bytes()).to_hex()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    fn setup() -> (Credentials, SigningKey, RegionSet, Timestamp) {
        let c =
            Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY").unwrap();
        let k = SigningKey::derive(&c).unwrap();
        let r = RegionSet::new("us-east-1,eu-west-1").unwrap();
        let t = Timestamp::parse_rfc3339("2015-08-30T12:36:00Z").unwrap();
        (c, k, r, t)
    }

    #[test]
    fn a_key_of_other_credentials_is_refused() {
        let (c, _, r, t) = setup();
        let other = SigningKey::from_access_key_pair("AKIDOTHER", "secret").unwrap();
        let p = SigningParams::new(&c, &other, &r, "s3", t);
        let req = Request::new("GET", "example.amazonaws.com", "/");
        for e in [
            presign(&req, &p, 60).unwrap_err(),
            sign(&req, &p).unwrap_err(),
        ] {
            assert!(matches!(e, Error::UnsupportedConfiguration { .. }), "{e}");
        }
    }

    #[test]
    fn the_signer_sets_region_set_and_tokens_itself() {
        let (c, k, r, t) = setup();
        let p = SigningParams::new(&c, &k, &r, "s3", t);
        for name in [
            "X-Amz-Region-Set",
            "x-amz-region-set",
            "X-Amz-S3session-Token",
        ] {
            let req = Request::new("GET", "example.amazonaws.com", "/").query(name, "x");
            assert!(
                matches!(
                    presign(&req, &p, 60),
                    Err(Error::InvalidQueryParameter { .. })
                ),
                "{name}"
            );
        }
        for name in [
            "x-amz-region-set",
            "X-Amz-S3session-Token",
            "x-amz-security-token",
        ] {
            let req = Request::new("GET", "example.amazonaws.com", "/").header(name, "x");
            assert!(
                matches!(sign(&req, &p), Err(Error::ReservedHeader { .. })),
                "{name}"
            );
        }
        assert!(matches!(
            presign(
                &Request::new("GET", "example.amazonaws.com", "/"),
                &SigningParams::new(&c, &k, &r, "S3", t),
                60
            ),
            Err(Error::InvalidService { .. })
        ));
    }

    #[test]
    fn region_lists_are_signed_and_sent() {
        let (c, k, r, t) = setup();
        let c = c.with_session_token("tok/en").unwrap();
        let p = SigningParams::new(&c, &k, &r, "s3", t);
        let req = Request::new("GET", "example.amazonaws.com", "/");
        let (signed, d) = sign_with_details(&req, &p).unwrap();
        assert!(d
            .canonical_request
            .contains("\nx-amz-region-set:us-east-1,eu-west-1\n"));
        assert!(d
            .canonical_request
            .contains("\nx-amz-security-token:tok/en\n"));
        assert!(signed
            .headers
            .contains(&("x-amz-region-set".into(), "us-east-1,eu-west-1".into())));
        let (url, d) = presign_with_details(&req, &p, 60).unwrap();
        assert!(
            url.url.contains("&X-Amz-Region-Set=us-east-1%2Ceu-west-1&"),
            "{}",
            url.url
        );
        assert!(d
            .string_to_sign
            .starts_with("AWS4-ECDSA-P256-SHA256\n20150830T123600Z\n20150830/s3/aws4_request\n"));
        let sig = Signature::from_hex(&d.signature).unwrap();
        assert!(k.verifying_key().verify(d.string_to_sign.as_bytes(), &sig));
        assert!(!format!("{p:?}").contains("wJalr"), "no secret in Debug");
    }
}
