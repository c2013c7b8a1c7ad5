//! Presign arbitrary S3 requests (and sign the same requests with an `Authorization` header),
//! then verify them with the crate's verifier as a server would receive them: whatever the
//! presigner accepts must verify, at any instant of its validity.
//!
//! Sections: 0 = bucket, key, region; 1 = query pairs; 2 = header pairs.

#![no_main]

mod common;

use arbitrary::Arbitrary;
use common::*;
use libfuzzer_sys::fuzz_target;
use presign::s3::{AddressingStyle, Bucket, Endpoint};
use presign::sigv4::{self, Payload, SigningParams};
use presign::verify::{self, Request, Verifier};
use presign::{Credentials, Timestamp};

#[derive(Arbitrary, Debug, Default)]
struct Knobs {
    custom: bool,
    path_style: bool,
    put: bool,
    token: bool,
    time: u32,
    expires: u32,
    /// Where in the validity the server's clock is, as a fraction of it.
    at: u16,
}

fuzz_target!(|data: &[u8]| {
    let input = split::<Knobs>(data);
    let k = &input.knobs;
    let s = &input.sections;
    let region = field(s, 0, 2).unwrap_or("us-east-1");
    let endpoint = if k.custom {
        Endpoint::custom("http://127.0.0.1:9000", region)
    } else {
        Endpoint::aws(region)
    };
    let Ok(endpoint) = endpoint else { return };
    let endpoint = endpoint.addressing(if k.path_style {
        AddressingStyle::Path
    } else {
        AddressingStyle::Auto
    });
    let Ok(bucket) = Bucket::new(endpoint, field(s, 0, 0).unwrap_or("my-bucket")) else {
        return;
    };
    let key = field(s, 0, 1).unwrap_or("key");
    let mut req = if k.put {
        bucket.put_object(key)
    } else {
        bucket.get_object(key)
    };
    for (n, v) in pairs(s, 1) {
        req = req.query(n, v);
    }
    for (n, v) in pairs(s, 2) {
        req = req.header(n, v);
    }
    let mut creds = Credentials::new(AKID, SECRET).unwrap();
    if k.token {
        creds = creds.with_session_token(TOKEN).unwrap();
    }
    let time = Timestamp::from_unix(i64::from(k.time)).unwrap();
    let expires = 1 + u64::from(k.expires) % sigv4::MAX_EXPIRES;
    let Ok(p) = req.presign(&creds, time, expires) else {
        return;
    };
    let lookup = |akid: &str, token: Option<&str>| {
        assert_eq!(akid, AKID);
        assert_eq!(token, creds.session_token());
        Some(creds.clone())
    };
    // Any instant in [signed_at, expires_at) is fine.
    let now = time
        .add_seconds(expires * u64::from(k.at) / 65_536)
        .unwrap();
    let verifier = Verifier::new(now).region(region).service("s3");
    let received = match Request::from_url(p.method.as_str(), &p.url) {
        Ok(r) => r.headers(p.headers.iter().map(|(n, v)| (n.as_str(), v.as_str()))),
        Err(e) if p.url.len() > verify::MAX_URL_LEN => {
            assert!(matches!(e, verify::Rejection::TooLarge { .. }), "{e:?}");
            return;
        }
        Err(e) => panic!("{}: {e}", p.url),
    };
    let ok = match verifier.verify(&received, lookup) {
        Ok(ok) => ok,
        Err(e) if over_bounds(p.url.len(), &received, p.headers.len() + 1) => {
            assert!(matches!(e, verify::Rejection::TooLarge { .. }), "{e:?}");
            return;
        }
        Err(e) => panic!(
            "presigned {} {} with {:?} refused: {e:?}",
            p.method, p.url, p.headers
        ),
    };
    assert_eq!(ok.access_key_id, AKID);
    assert_eq!(ok.signed_at, time);
    assert_eq!(ok.expires_at, p.expires_at);
    assert_eq!(ok.session_token, k.token);
    // Past the expiry, the same URL is refused.
    let late = Verifier::new(p.expires_at).region(region).service("s3");
    assert!(matches!(
        late.verify(&received, lookup),
        Err(verify::Rejection::Expired { .. })
    ));

    // The same request signed with an Authorization header, as the generic signer does it.
    let path_and_query = &p.url[bucket.origin().len()..];
    let path = path_and_query.split('?').next().unwrap();
    let query: Vec<(&str, &str)> = req.query_params().collect();
    let mut r =
        sigv4::Request::new(p.method.as_str(), bucket.host(), path).payload(Payload::Unsigned);
    r.scheme = if bucket.origin().starts_with("https") {
        "https"
    } else {
        "http"
    };
    r.query = query;
    r.headers = req.headers().collect();
    let mut params = SigningParams::new(&creds, region, "s3", time);
    params.content_sha256_header = true;
    let signed = match sigv4::sign(&r, &params) {
        Ok(s) => s,
        Err(e) => panic!("presigned but not signed: {e:?}"),
    };
    let (_, rest) = signed.url.split_once("://").unwrap();
    let target = &rest[rest.find('/').unwrap()..];
    let (spath, squery) = target.split_once('?').unwrap_or((target, ""));
    let mut received = Request::new(p.method.as_str(), bucket.host(), spath, squery);
    received.headers = signed
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let verifier = Verifier::new(time).region(region).service("s3");
    match verifier.verify(&received, lookup) {
        Ok(ok) => assert_eq!(ok.location, verify::AuthLocation::Header),
        Err(e) if over_bounds(signed.url.len(), &received, signed_names(&signed.headers)) => {
            assert!(matches!(e, verify::Rejection::TooLarge { .. }), "{e:?}");
        }
        Err(e) => panic!(
            "signed {} {} with {:?} refused: {e:?}",
            p.method, signed.url, signed.headers
        ),
    }
});

/// Whether a request as received is over one of the verifier's parsing bounds: it must then be
/// refused with `TooLarge`, whatever else is true of it. `url_len` is the whole URL's length,
/// `signed` the number of signed header names.
fn over_bounds(url_len: usize, received: &Request<'_>, signed: usize) -> bool {
    let params = received.query.split('&').filter(|p| !p.is_empty()).count();
    let header_bytes: usize = received
        .headers
        .iter()
        .map(|(n, v)| n.len() + v.len())
        .sum();
    url_len > verify::MAX_URL_LEN
        || params > verify::MAX_QUERY_PARAMS
        || received.headers.len() > verify::MAX_HEADERS
        || header_bytes > verify::MAX_HEADER_BYTES
        || signed > verify::MAX_SIGNED_HEADERS
}

/// The number of names in the `SignedHeaders` of a signed request's `Authorization` header.
fn signed_names(headers: &[(String, String)]) -> usize {
    let auth = headers
        .iter()
        .find(|(n, _)| n == "authorization")
        .map(|(_, v)| v.as_str())
        .unwrap_or("");
    let list = auth
        .split("SignedHeaders=")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .unwrap_or("");
    list.split(';').count()
}
