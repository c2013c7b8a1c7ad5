//! Verification cost against presigning the same request, side by side in one run.
//!
//! ```text
//! cargo bench --bench verify -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! Every case is checked once before timing: the valid request verifies, and each refused one is
//! refused with the rejection named below.
//!
//! The request: a presigned S3 PUT (`eu-west-1`, 900 s) whose signed headers are `host` plus
//! `n - 1` metadata headers (`x-amz-meta-h00: value-00-of-the-header`, ...), received with
//! exactly those headers. `n` is 1 (a bare upload URL), 25 and 99 (one under
//! `verify::MAX_SIGNED_HEADERS`, the worst case the verifier accepts).
//!
//! Groups, one per `n` (`signed_headers_<n>/*`):
//! - `presign`: `Presigner::presign_into` of that request into a reused `String` (the day's key
//!   cached): the cost the verification is compared with.
//! - `presign_oneshot`: `S3Request::presign`, which derives the signing key every time, as
//!   `verify_valid` does.
//! - `verify_valid`: `Verifier::verify` of the URL as received, with the headers (the signing
//!   key derived every time).
//! - `verify_cached_valid`: `Verifier::verify_cached` with a warm `KeyCache` (the key of the day
//!   kept, buffers reused): what a server keeping one cache per thread pays.
//! - `verify_unknown_key`: the same URL with another access key id, which the lookup does not know
//!   (`Rejection::InvalidAccessKeyId`).
//! - `verify_malformed`: the same URL with an `X-Amz-Date` that is not a date
//!   (`Rejection::InvalidDate`).
//! - `verify_bad_signature`: the valid URL with its last signature digit changed
//!   (`Rejection::SignatureDoesNotMatch`): a known key, all the work of a valid request.
//!
//! After criterion's groups, `paired` prints `verify_cached_valid / presign`, `verify_valid /
//! presign_oneshot`, and the unknown-key and malformed cases against `verify_cached_valid`,
//! measured again in alternating rounds of a few milliseconds (this machine's speed drifts
//! between levels every second or so; ratios of interleaved rounds stay put). `-- paired` runs
//! only them.

use criterion::{black_box, criterion_group, Criterion};
use presign::s3::{Bucket, Endpoint, Presigner, S3Request};
use presign::verify::{KeyCache, Rejection, Request, Verifier};
use presign::{Credentials, Timestamp};
use std::cell::RefCell;

const AKID: &str = "AKIAIOSFODNN7EXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const REGION: &str = "eu-west-1";
/// 2024-11-23T12:00:00Z.
const SIGNED_AT: i64 = 1_732_363_200;
const EXPIRES: u64 = 900;
const COUNTS: [usize; 3] = [1, 25, 99];

fn lookup(akid: &str, _token: Option<&str>) -> Option<&'static str> {
    (akid == AKID).then_some(SECRET)
}

/// One request with `n` signed headers, presigned, and the URLs the verifier receives.
struct Case {
    bucket: Bucket,
    headers: Vec<(String, String)>,
    valid: String,
    unknown_key: String,
    malformed: String,
    bad_signature: String,
}

impl Case {
    fn new(n: usize) -> Case {
        let bucket = Bucket::new(Endpoint::aws(REGION).unwrap(), "my-uploads").unwrap();
        let headers: Vec<(String, String)> = (1..n)
            .map(|i| {
                (
                    format!("x-amz-meta-h{i:02}"),
                    format!("value-{i:02}-of-the-header"),
                )
            })
            .collect();
        let mut case = Case {
            bucket,
            headers,
            valid: String::new(),
            unknown_key: String::new(),
            malformed: String::new(),
            bad_signature: String::new(),
        };
        let mut presigner = Presigner::new(Credentials::new(AKID, SECRET).unwrap());
        let mut url = String::new();
        presigner
            .presign_into(&mut url, &case.request(), signed_at(), EXPIRES)
            .unwrap();
        case.unknown_key = url.replace(AKID, "AKIAIOSFODNN7UNKNOWN");
        case.malformed = url.replace("X-Amz-Date=20241123T120000Z", "X-Amz-Date=20241123T1200");
        assert_ne!(case.malformed, url);
        let last = url.pop().unwrap();
        case.bad_signature = format!("{url}{}", if last == '0' { '1' } else { '0' });
        url.push(last);
        case.valid = url;
        case
    }

    fn request(&self) -> S3Request<'_> {
        let mut r = self.bucket.put_object("uploads/2024/report.pdf");
        for (name, value) in &self.headers {
            r = r.header(name.as_str(), value.as_str());
        }
        r
    }

    fn received<'a>(&'a self, url: &'a str) -> Request<'a> {
        Request::from_url("PUT", url)
            .unwrap()
            .headers(self.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())))
    }
}

fn signed_at() -> Timestamp {
    Timestamp::from_unix(SIGNED_AT).unwrap()
}

fn verifier() -> Verifier<'static> {
    let now = Timestamp::from_unix(SIGNED_AT + 60).unwrap();
    Verifier::new(now).region(REGION).service("s3")
}

fn verify(case: &Case, url: &str) -> Result<presign::verify::Verified, Rejection> {
    verifier().verify(&case.received(black_box(url)), lookup)
}

fn verify_cached(
    keys: &RefCell<KeyCache>,
    case: &Case,
    url: &str,
) -> Result<presign::verify::Verified, Rejection> {
    verifier().verify_cached(
        &case.received(black_box(url)),
        &mut keys.borrow_mut(),
        lookup,
    )
}

/// Every case gives the outcome its name says, before anything is timed.
fn check(case: &Case, n: usize) {
    let ok = verify(case, &case.valid).expect("the valid request verifies");
    assert_eq!(ok.signed_headers.len(), n);
    let keys = RefCell::new(KeyCache::new());
    for _ in 0..2 {
        let cached = verify_cached(&keys, case, &case.valid).expect("verifies with a cache");
        assert_eq!(cached, ok);
    }
    assert!(matches!(
        verify_cached(&keys, case, &case.bad_signature),
        Err(Rejection::SignatureDoesNotMatch(_))
    ));
    assert!(matches!(
        verify(case, &case.unknown_key),
        Err(Rejection::InvalidAccessKeyId { .. })
    ));
    assert!(matches!(
        verify(case, &case.malformed),
        Err(Rejection::InvalidDate { .. })
    ));
    assert!(matches!(
        verify(case, &case.bad_signature),
        Err(Rejection::SignatureDoesNotMatch(_))
    ));
}

fn signed_headers(c: &mut Criterion) {
    for n in COUNTS {
        let case = Case::new(n);
        check(&case, n);
        let mut g = c.benchmark_group(format!("signed_headers_{n}"));
        let request = case.request();
        let mut presigner = Presigner::new(Credentials::new(AKID, SECRET).unwrap());
        let mut url = String::with_capacity(4096);
        g.bench_function("presign", |b| {
            b.iter(|| {
                presigner
                    .presign_into(&mut url, black_box(&request), signed_at(), EXPIRES)
                    .unwrap()
            })
        });
        let creds = Credentials::new(AKID, SECRET).unwrap();
        g.bench_function("presign_oneshot", |b| {
            b.iter(|| {
                black_box(&request)
                    .presign(&creds, signed_at(), EXPIRES)
                    .unwrap()
            })
        });
        let keys = RefCell::new(KeyCache::new());
        g.bench_function("verify_cached_valid", |b| {
            b.iter(|| verify_cached(&keys, &case, &case.valid))
        });
        for (name, target) in [
            ("verify_valid", &case.valid),
            ("verify_unknown_key", &case.unknown_key),
            ("verify_malformed", &case.malformed),
            ("verify_bad_signature", &case.bad_signature),
        ] {
            g.bench_function(name, |b| b.iter(|| verify(&case, target)));
        }
        g.finish();
    }
}

criterion_group!(benches, signed_headers);

// ---------------------------------------------------------------- paired ratios

#[path = "common/paired.rs"]
mod paired;
use paired::paired;

fn paired_ratios() {
    println!("\npaired (interleaved rounds, medians):");
    for n in COUNTS {
        let case = Case::new(n);
        check(&case, n);
        let request = case.request();
        let presigner = RefCell::new(Presigner::new(Credentials::new(AKID, SECRET).unwrap()));
        let url = RefCell::new(String::with_capacity(4096));
        let keys = RefCell::new(KeyCache::new());
        let calls = if n > 50 { 100 } else { 1000 };
        let presign = || {
            presigner
                .borrow_mut()
                .presign_into(
                    &mut url.borrow_mut(),
                    black_box(&request),
                    signed_at(),
                    EXPIRES,
                )
                .unwrap();
        };
        let cached = |target: &str| {
            let _ = black_box(verify_cached(&keys, &case, target));
        };
        let fresh = |target: &str| {
            let _ = black_box(verify(&case, target));
        };
        let label = format!("signed_headers_{n}");
        let (a, b, r) = paired(101, calls, || cached(&case.valid), presign);
        println!("  {label}: verify_cached_valid {a:.0} ns, presign {b:.0} ns: verify_cached/presign = {r:.2}x");
        let creds = Credentials::new(AKID, SECRET).unwrap();
        let oneshot = || {
            black_box(&request)
                .presign(&creds, signed_at(), EXPIRES)
                .unwrap();
        };
        let (a, b, r) = paired(101, calls, || fresh(&case.valid), oneshot);
        println!("  {label}: verify_valid {a:.0} ns, presign_oneshot {b:.0} ns: verify/presign_oneshot = {r:.2}x");
        for (name, target) in [
            ("verify_unknown_key", &case.unknown_key),
            ("verify_malformed", &case.malformed),
        ] {
            let (a, b, r) = paired(101, calls, || fresh(target), || cached(&case.valid));
            println!("  {label}: {name} {a:.0} ns, verify_cached_valid {b:.0} ns: ratio = {r:.2}x");
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only_paired = args.iter().any(|a| a == "paired");
    if !only_paired {
        benches();
    }
    if paired::wanted() {
        paired_ratios();
    }
    Criterion::default().configure_from_args().final_summary();
}
