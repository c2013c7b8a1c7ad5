//! Differential property test of SigV4a against the `aws-sigv4` crate (feature `sigv4a`, the
//! official Rust SDK's signer): for random requests, region sets, session tokens, header and
//! query signing, aws-sigv4's randomized ECDSA signature must verify under OUR derived public key
//! over OUR string to sign. That holds only if both derive the same key and build the same
//! canonical request, byte for byte (one differing byte changes the SHA-256 signed).

#![cfg(feature = "sigv4a")]

use aws_sigv4::http_request::{
    sign, PayloadChecksumKind, PercentEncodingMode, SignableBody, SignableRequest,
    SignatureLocation, SigningSettings, UriPathNormalizationMode,
};
use aws_smithy_runtime_api::client::identity::Identity;
use presign::sigv4::{Request, UriPath};
use presign::sigv4a::{self, RegionSet, Signature, SigningKey};
use presign::{Credentials, Payload, Timestamp};
use proptest::prelude::*;
use std::time::{Duration, UNIX_EPOCH};

const AK: &str = "AKIDEXAMPLE";
const SK: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const HOST: &str = "mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com";

#[derive(Debug, Clone)]
struct Case {
    method: &'static str,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    region_set: &'static str,
    token: Option<String>,
    time: i64,
    expires: u64,
    header_signing: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop_oneof![Just("GET"), Just("PUT"), Just("HEAD"), Just("DELETE")],
        "(/[a-zA-Z0-9 ._~!$'()*+,;=@é-]{1,12}){1,4}",
        proptest::collection::btree_map("[a-z][a-z-]{0,10}", "[a-zA-Z0-9 ._~/-]{0,12}", 0..4),
        proptest::collection::btree_map(
            prop_oneof![Just("content-type".to_string()), "x-amz-meta-[a-z0-9]{1,8}"],
            "[!-~]{1,20}",
            0..3,
        ),
        prop_oneof![
            Just("*"),
            Just("us-east-1"),
            Just("us-east-1,eu-west-1"),
            Just("us-*")
        ],
        proptest::option::of("[A-Za-z0-9/+=]{16,48}"),
        1_000_000_000i64..2_000_000_000,
        1u64..=604_800,
        any::<bool>(),
    )
        .prop_map(
            |(method, path, query, headers, region_set, token, time, expires, header_signing)| {
                Case {
                    method,
                    path,
                    query: query.into_iter().collect(),
                    headers: headers.into_iter().collect(),
                    region_set,
                    token,
                    time,
                    expires,
                    header_signing,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn aws_sigv4_signatures_verify_under_our_key_and_string_to_sign(c in case()) {
        let mut creds = Credentials::new(AK, SK).unwrap();
        if let Some(t) = &c.token {
            creds = creds.with_session_token(t.as_str()).unwrap();
        }
        let key = SigningKey::derive(&creds).unwrap();
        let regions = RegionSet::new(c.region_set).unwrap();
        let time = Timestamp::from_unix(c.time).unwrap();
        let mut params = sigv4a::SigningParams::new(&creds, &key, &regions, "s3", time);
        params.uri_path = UriPath::S3;
        let mut req = Request::new(c.method, HOST, &c.path).payload(Payload::Unsigned);
        for (n, v) in &c.query {
            req = req.query(n, v);
        }
        for (n, v) in &c.headers {
            req = req.header(n, v);
        }
        // Ours, and the URL aws-sigv4 receives: origin, encoded path and our caller query.
        let (url, details) = if c.header_signing {
            params.content_sha256_header = false;
            let (s, d) = sigv4a::sign_with_details(&req, &params).unwrap();
            (s.url, d)
        } else {
            let (p, d) = sigv4a::presign_with_details(&req, &params, c.expires).unwrap();
            let cut = p.url.find("X-Amz-Algorithm=").unwrap();
            (p.url[..cut - 1].to_string(), d)
        };

        let identity: Identity =
            aws_credential_types::Credentials::new(AK, SK, c.token.clone(), None, "test").into();
        let mut settings = SigningSettings::default();
        settings.signature_location = if c.header_signing {
            SignatureLocation::Headers
        } else {
            SignatureLocation::QueryParams
        };
        if !c.header_signing {
            settings.expires_in = Some(Duration::from_secs(c.expires));
        }
        settings.percent_encoding_mode = PercentEncodingMode::Single;
        settings.uri_path_normalization_mode = UriPathNormalizationMode::Disabled;
        settings.payload_checksum_kind = PayloadChecksumKind::NoHeader;
        let aws_params = aws_sigv4::sign::v4a::SigningParams::builder()
            .identity(&identity)
            .region_set(c.region_set)
            .name("s3")
            .time(UNIX_EPOCH + Duration::from_secs(c.time as u64))
            .settings(settings)
            .build()
            .unwrap()
            .into();
        let headers: Vec<(&str, &str)> =
            c.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let signable = SignableRequest::new(
            c.method,
            url.as_str(),
            headers.into_iter(),
            SignableBody::UnsignedPayload,
        )
        .unwrap();
        let theirs = sign(signable, &aws_params).unwrap().into_parts().1;
        let theirs = Signature::from_hex(&theirs).unwrap();
        prop_assert!(
            key.verifying_key().verify(details.string_to_sign.as_bytes(), &theirs),
            "aws-sigv4's signature does not verify over our string to sign\nurl {}\ncanonical request:\n{}",
            url,
            details.canonical_request
        );
    }
}
