//! Arbitrary URLs, `Authorization` headers and other headers through the verifier (with and
//! without a key cache: the same verdict), and S3 error bodies and URLs through the diagnosis:
//! never a panic, bounded time (libFuzzer's -timeout), and no rejection ever shows the secret.
//!
//! Sections: 0 = method, URL; 1 = header pairs; 2 = an S3 error body (XML).

#![no_main]

mod common;

use arbitrary::Arbitrary;
use common::*;
use libfuzzer_sys::fuzz_target;
use presign::diagnose::{self, Context, Intended, S3ErrorBody, Sent};
use presign::verify::{KeyCache, Request, Verifier};
use std::cell::RefCell;

thread_local! {
    static KEYS: RefCell<KeyCache> = RefCell::new(KeyCache::with_capacity(4));
}
use presign::{Credentials, Timestamp};

#[derive(Arbitrary, Debug, Default)]
struct Knobs {
    now: u32,
    max_skew: u16,
    region: bool,
    service: bool,
    credentials: bool,
    token: bool,
}

fuzz_target!(|data: &[u8]| {
    let input = split::<Knobs>(data);
    let k = &input.knobs;
    let s = &input.sections;
    let method = field(s, 0, 0).unwrap_or("GET");
    let url = field(s, 0, 1).unwrap_or("");
    let headers = pairs(s, 1);
    let now = Timestamp::from_unix(i64::from(k.now)).unwrap();
    let mut verifier = Verifier::new(now).max_skew(u64::from(k.max_skew));
    if k.region {
        verifier = verifier.region("us-east-1");
    }
    if k.service {
        verifier = verifier.service("s3");
    }
    let mut creds = Credentials::new(AKID, SECRET).unwrap();
    if k.token {
        creds = creds.with_session_token(TOKEN).unwrap();
    }
    if let Ok(req) = Request::from_url(method, url) {
        let req = req.headers(headers.iter().copied());
        // With and without a key cache (one per process, as a server keeps it): the same
        // verdict.
        let (result, cached) = KEYS.with(|keys| {
            let keys = &mut keys.borrow_mut();
            if k.credentials {
                let lookup = |akid: &str, _: Option<&str>| (akid == AKID).then(|| creds.clone());
                (
                    verifier.verify(&req, lookup),
                    verifier.verify_cached(&req, keys, lookup),
                )
            } else {
                let lookup = |akid: &str, _: Option<&str>| (akid == AKID).then_some(SECRET);
                (
                    verifier.verify(&req, lookup),
                    verifier.verify_cached(&req, keys, lookup),
                )
            }
        });
        assert_eq!(result, cached, "with and without the key cache");
        if let Err(e) = result {
            let text = format!("{e} {e:?}");
            assert!(!text.contains(SECRET) && !text.contains(TOKEN), "{text}");
            assert!(!e.s3_code().is_empty());
            assert!((400..=403).contains(&e.http_status()), "{e:?}");
        }
    }
    // The diagnosis of what was sent against what was meant.
    let intended = Intended::from_url(Some(method), url);
    let mut sent = Sent::new(method, url);
    for (n, v) in &headers {
        sent = sent.header(n, v);
    }
    let context = Context::default().now(now);
    let _ = diagnose::diagnose_url(&intended, &context);
    let _ = diagnose::diagnose(&intended, &sent, &context);
    if let Some(xml) = field(s, 2, 0) {
        let _ = S3ErrorBody::parse(xml);
        // The entity decoding of a tag's text, reached with arbitrary text.
        let _ = S3ErrorBody::parse(&format!("<Error><CanonicalRequest>{xml}</CanonicalRequest></Error>"));
    }
});
