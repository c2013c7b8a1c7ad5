//! Presigning into a reused buffer allocates nothing in steady state.
//!
//! A counting global allocator wraps `System`. Counting is per thread (a thread-local gate and a
//! thread-local counter), so the other tests of this binary, running on other threads, never
//! disturb a measurement.
//!
//! "Steady state" means: the same credentials, region and service, within one UTC day, after a
//! first call has derived the day's signing key and grown the buffers. The first presign of a
//! new day derives a new key and allocates its scope texts (a few small `String`s): that is
//! measured here too, and allowed, once a day.

use presign::s3::{Bucket, Endpoint, Method, Presigner, S3Request};
use presign::{Credentials, Timestamp};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static GATE: Cell<bool> = const { Cell::new(false) };
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

fn record() {
    // `try_with`: allocations during thread teardown must not panic.
    let _ = GATE.try_with(|g| {
        if g.get() {
            let _ = COUNT.try_with(|c| c.set(c.get() + 1));
        }
    });
}

// SAFETY: every call is forwarded unchanged to `System`; counting touches only const-initialized
// thread-locals without destructors, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record();
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        record();
        System.alloc_zeroed(layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        record();
        System.realloc(ptr, layout, new_size)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Allocations (alloc, alloc_zeroed and realloc calls) made by `f` on this thread.
fn allocations<R>(f: impl FnOnce() -> R) -> (usize, R) {
    COUNT.with(|c| c.set(0));
    GATE.with(|g| g.set(true));
    let r = f();
    GATE.with(|g| g.set(false));
    (COUNT.with(Cell::get), r)
}

const AKID: &str = "AKIAIOSFODNN7EXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const TOKEN: &str = "IQoJb3JpZ2luX2VjEpU3KGCUwux1tEyze1iN7LtkeP3IfyxlxF0SU1kk8nVw0YL4xIB5p/tqg7ui5mX9cfCmZ/a/lkyU81lSvTfrXFCegrrP+6SMvivIhH57kkcWxC+y1Vjv8Hm+TQn7LyP4pVeXNjkbcjtS3wnZNKlpNdncG+F2GkAJK1r2jQBvpyMvMyTX2zR9hImrhUziuGjQATTO6DSRqwEyBsbryPjv57vX3nytJNK+H9VILablLDZguhbtVtnKocmN6zXRm/LYODo/xhGOw5LK6KXA0dPBkrGj3APWwKz3GZvRb3qosyu3NK1FXQQ5N7krys09DCgc0R95jbA6AbJV7poTWQx+16tdCTQnhXQJMWEjyPR+m9zYdf2GNFTLnDiDipmaN5==";
const GET_URL: &str = "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

const N: i64 = 1000;

/// Presigns `request` `N` times, one second apart, into `url`; returns the allocations made.
fn steady(
    presigner: &mut Presigner,
    url: &mut String,
    request: &S3Request<'_>,
    start: Timestamp,
    expires: u64,
) -> usize {
    // Warm-up: derives the day's key, grows the buffers.
    presigner
        .presign_into(url, request, start, expires)
        .unwrap();
    let first = url.clone();
    let (n, ()) = allocations(|| {
        for i in 0..N {
            let t = Timestamp::from_unix(start.unix() + i).unwrap();
            presigner.presign_into(url, request, t, expires).unwrap();
        }
    });
    // The loop really signed: the last URL differs from the first only by date and signature.
    assert_ne!(*url, first);
    assert_eq!(url.len(), first.len());
    n
}

fn t(rfc3339: &str) -> Timestamp {
    Timestamp::parse_rfc3339(rfc3339).unwrap()
}

/// One test function: each measurement below is also isolated per thread, but running them in
/// sequence keeps the report in one place.
#[test]
fn presign_into_a_reused_buffer_allocates_nothing() {
    // Control: the counter sees allocations, so the zeros below mean something.
    let (n, s) = allocations(|| String::from("allocates"));
    assert_eq!(n, 1);
    drop(s);
    let (n, v) = allocations(|| {
        let mut v: Vec<u64> = Vec::new();
        v.extend(0..1000);
        v
    });
    assert!(n >= 1, "{n}");
    drop(v);

    // (a) The AWS documentation GET example.
    let creds = Credentials::new(AKID, SECRET).unwrap();
    let bucket = Bucket::new(
        Endpoint::aws("us-east-1")
            .unwrap()
            .legacy_global_endpoint(true),
        "examplebucket",
    )
    .unwrap();
    let mut presigner = Presigner::new(creds.clone());
    let mut url = String::new();
    let get = bucket.get_object("test.txt");
    presigner
        .presign_into(&mut url, &get, t("2013-05-24T00:00:00Z"), 86_400)
        .unwrap();
    assert_eq!(url, GET_URL);
    assert_eq!(
        steady(
            &mut presigner,
            &mut url,
            &get,
            t("2013-05-24T00:00:00Z"),
            86_400
        ),
        0,
        "GET example"
    );

    // Control: the one-shot API allocates (a new presigner, a new key, an owned result).
    let (n, p) = allocations(|| {
        get.presign(&creds, t("2013-05-24T00:00:00Z"), 86_400)
            .unwrap()
    });
    assert!(n > 0, "{n}");
    assert_eq!(p.url, GET_URL);

    // (b) A PUT with a non-ASCII key, a session token and a signed Content-Type.
    let creds_token = Credentials::new(AKID, SECRET)
        .unwrap()
        .with_session_token(TOKEN)
        .unwrap();
    let uploads = Bucket::new(Endpoint::aws("eu-west-1").unwrap(), "my-uploads").unwrap();
    let put = uploads
        .put_object("photos/2024/été/naïve café ☕.jpg")
        .content_type("image/jpeg");
    let mut presigner = Presigner::new(creds_token.clone());
    let start = t("2024-11-23T12:00:00Z");
    assert_eq!(
        steady(&mut presigner, &mut url, &put, start, 900),
        0,
        "PUT with token"
    );
    // Same URL as the one-shot API.
    presigner.presign_into(&mut url, &put, start, 900).unwrap();
    assert_eq!(url, put.presign(&creds_token, start, 900).unwrap().url);

    // (c) Query parameters and several headers, which need sorting.
    let get_q = uploads
        .get_object("reports/2024/Q3 summary.pdf")
        .version_id("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo")
        .response_content_disposition("attachment; filename=\"Q3 summary.pdf\"")
        .range("bytes=0-1023");
    let put_h = uploads
        .put_object("a/b.bin")
        .content_type("application/octet-stream")
        .metadata("Owner", "  alice   smith ")
        .acl("private")
        .storage_class("STANDARD_IA");
    assert_eq!(
        steady(&mut presigner, &mut url, &get_q, start, 3600),
        0,
        "GET with query and range"
    );
    assert_eq!(
        steady(&mut presigner, &mut url, &put_h, start, 3600),
        0,
        "PUT with four headers"
    );

    // (d) Many keys, the request built inside the measured loop (building allocates nothing).
    let keys: Vec<String> = (0..N)
        .map(|i| format!("uploads/user {:03}/file-{i}.bin", i % 17))
        .collect();
    let bucket_path = Bucket::new(
        Endpoint::custom("http://127.0.0.1:9000", "us-east-1").unwrap(),
        "bkt",
    )
    .unwrap();
    let mut presigner = Presigner::new(creds.clone());
    for (b, label) in [(&uploads, "virtual-hosted"), (&bucket_path, "path-style")] {
        presigner
            .presign_into(&mut url, &b.get_object(&keys[0]), start, 60)
            .unwrap();
        let (n, ()) = allocations(|| {
            for k in &keys {
                presigner
                    .presign_into(&mut url, &b.request(Method::Get, Some(k)), start, 60)
                    .unwrap();
            }
        });
        assert_eq!(n, 0, "{label}: many keys");
    }

    // (e) A new day: the key is derived again and its scope texts allocated, once; then zero
    // again for the rest of that day.
    let next_day = t("2024-11-24T00:00:05Z");
    let (day_change, _) = allocations(|| {
        presigner
            .presign_into(&mut url, &uploads.get_object("x"), next_day, 60)
            .unwrap()
    });
    assert!(
        day_change > 0 && day_change <= 4,
        "a day change allocates the new scope only: {day_change}"
    );
    let (n, _) = allocations(|| {
        presigner
            .presign_into(&mut url, &uploads.get_object("x"), next_day, 60)
            .unwrap()
    });
    assert_eq!(n, 0, "after the day change");
    println!("day change: {day_change} allocations for the new key");
}

/// Verifying with a warm `verify::KeyCache` allocates only the `Verified` it returns (five
/// strings, the vector of signed header names and one string per name), whatever the number of
/// signed headers; refusing an unknown key or a malformed `X-Amz-Expires` allocates one string
/// (the clipped text in the rejection).
#[test]
fn verifying_with_a_warm_key_cache_allocates_only_the_result() {
    use presign::verify::{KeyCache, Rejection, Request, Verifier};
    let lookup = |akid: &str, _: Option<&str>| (akid == AKID).then_some(SECRET);
    let creds = Credentials::new(AKID, SECRET).unwrap();
    let bucket = Bucket::new(Endpoint::aws("eu-west-1").unwrap(), "my-uploads").unwrap();
    let start = t("2024-11-23T12:00:00Z");
    let verifier = Verifier::new(start.add_seconds(60).unwrap()).region("eu-west-1");
    let mut keys = KeyCache::new();
    for signed in [1usize, 25, 99] {
        let names: Vec<String> = (1..signed).map(|i| format!("x-amz-meta-h{i:02}")).collect();
        let mut put = bucket.put_object("uploads/report.pdf");
        for n in &names {
            put = put.header(n.as_str(), "a value");
        }
        let p = put.presign(&creds, start, 900).unwrap();
        let request = Request::from_url("PUT", &p.url)
            .unwrap()
            .headers(names.iter().map(|n| (n.as_str(), "a value")));
        verifier.verify_cached(&request, &mut keys, lookup).unwrap(); // warm-up
        let (n, ok) = allocations(|| verifier.verify_cached(&request, &mut keys, lookup));
        assert_eq!(ok.unwrap().signed_headers.len(), signed);
        assert_eq!(n, 6 + signed, "{signed} signed headers");

        let unknown = p.url.replace(AKID, "AKIDUNKNOWN");
        let request = Request::from_url("PUT", &unknown)
            .unwrap()
            .headers(names.iter().map(|n| (n.as_str(), "a value")));
        let (n, r) = allocations(|| verifier.verify_cached(&request, &mut keys, lookup));
        assert!(matches!(r, Err(Rejection::InvalidAccessKeyId { .. })));
        assert_eq!(n, 1, "unknown key, {signed} signed headers");

        let malformed = p.url.replace("X-Amz-Expires=900", "X-Amz-Expires=9e2");
        let request = Request::from_url("PUT", &malformed)
            .unwrap()
            .headers(names.iter().map(|n| (n.as_str(), "a value")));
        let (n, r) = allocations(|| verifier.verify_cached(&request, &mut keys, lookup));
        assert!(matches!(r, Err(Rejection::InvalidExpires { .. })));
        assert_eq!(n, 1, "malformed, {signed} signed headers"); // the clipped value
    }
    assert_eq!(keys.len(), 1);
}
