//! Presigning throughput: this crate against aws-sigv4 and rusty-s3, and against the floor (the
//! cryptographic work alone), side by side in one run.
//!
//! ```text
//! CARGO_TARGET_DIR=/work/target-bench cargo bench --bench presign -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! Every signer is checked once, before timing, for a correct result: the exact URL of the AWS
//! documentation GET example, or (where a peer lays its URL out differently) a signature equal to
//! ours.
//!
//! Groups:
//! - `get_example/*`: the AWS documentation GET example (legacy global endpoint, us-east-1,
//!   2013-05-24, 86400 s).
//! - `put_unicode_token/*`: a PUT with a non-ASCII key, a ~400-byte STS session token and a
//!   signed Content-Type.
//! - `batch_10k/*`: 10 000 presigned GETs of different keys in one bucket (throughput per
//!   element).
//! - `threads_10k/*`: the same batch on 1 thread and split over 2 threads, each with its own
//!   `Presigner` clone.
//!
//! After criterion's groups, `paired` prints the main ratios measured again in alternating
//! rounds of a few milliseconds (presign against the floor, rusty-s3 and aws-sigv4; 1 thread
//! against 2): this machine's speed drifts between levels every second or so, which moves
//! separate criterion measurements by ±10%; the paired ratios stay put. `-- paired` runs only
//! them.
//!
//! Peers:
//! - `presign`: `Presigner::presign_into` into a reused `String` (the signing key of the day is
//!   cached by the presigner).
//! - `presign_new_second`: the same, with a signing time one second later at every call (the
//!   string-to-sign HMAC state the presigner keeps per second is rebuilt every time).
//! - `presign_oneshot`: `S3Request::presign`, which derives the key every time and returns an
//!   owned `Presigned`.
//! - `aws_sigv4`: `aws_sigv4::http_request::sign` with query-parameter signing, then the URL
//!   assembled from its output (its leanest use; the signing parameters are built once).
//! - `aws_sigv4_http`: the documented flow: an `http::Request`, `sign`, then
//!   `apply_to_request_http1x`.
//! - `rusty_s3`: `GetObject`/`PutObject::new(..).sign_with_time(..)`.
//! - `floor_cached_key`: one SHA-256 of the canonical request and one HMAC of the string to sign
//!   from a cloned, already keyed `Hmac<Sha256>` (sha2/hmac used directly).
//! - `floor_derive_key`: the same plus the four HMACs deriving the signing key.

use aws_sigv4::http_request::{
    sign as aws_sign, PayloadChecksumKind, PercentEncodingMode, SignableBody, SignableRequest,
    SignatureLocation, SigningSettings, UriPathNormalizationMode,
};
use aws_smithy_runtime_api::client::identity::Identity;
use criterion::{black_box, criterion_group, Criterion, Throughput};
use hmac::{Hmac, Mac};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use presign::s3::{Bucket, Endpoint, Method, Presigner, S3Request};
use presign::{Credentials, Timestamp};
use rusty_s3::actions::{GetObject, PutObject};
use rusty_s3::S3Action;
use sha2::{Digest, Sha256};
use std::time::{Duration, SystemTime};

type HmacSha256 = Hmac<Sha256>;

const AKID: &str = "AKIAIOSFODNN7EXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
/// A realistic STS session token: 400 bytes of base64 with `/`, `+` and `=`.
const TOKEN: &str = "IQoJb3JpZ2luX2VjEpU3KGCUwux1tEyze1iN7LtkeP3IfyxlxF0SU1kk8nVw0YL4xIB5p/tqg7ui5mX9cfCmZ/a/lkyU81lSvTfrXFCegrrP+6SMvivIhH57kkcWxC+y1Vjv8Hm+TQn7LyP4pVeXNjkbcjtS3wnZNKlpNdncG+F2GkAJK1r2jQBvpyMvMyTX2zR9hImrhUziuGjQATTO6DSRqwEyBsbryPjv57vX3nytJNK+H9VILablLDZguhbtVtnKocmN6zXRm/LYODo/xhGOw5LK6KXA0dPBkrGj3APWwKz3GZvRb3qosyu3NK1FXQQ5N7krys09DCgc0R95jbA6AbJV7poTWQx+16tdCTQnhXQJMWEjyPR+m9zYdf2GNFTLnDiDipmaN5==";

/// The AWS documentation's presigned GET (S3 API reference, "Authenticating Requests: Using
/// Query Parameters").
const GET_URL: &str = "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

/// SigV4's query encoding: everything but `A-Za-z0-9-._~`.
const QUERY_SET: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');
/// SigV4's S3 path encoding: the same, keeping `/`.
const PATH_SET: &AsciiSet = &QUERY_SET.remove(b'/');

/// One request, described once and handed to every signer.
struct Case {
    method: Method,
    /// `https://host` of the virtual-hosted bucket.
    origin: &'static str,
    /// The rusty-s3 endpoint (the service host, without the bucket).
    service_endpoint: &'static str,
    bucket: &'static str,
    region: &'static str,
    key: String,
    headers: Vec<(&'static str, &'static str)>,
    token: Option<&'static str>,
    unix: i64,
    expires: u64,
}

impl Case {
    fn get_example() -> Case {
        Case {
            method: Method::Get,
            origin: "https://examplebucket.s3.amazonaws.com",
            service_endpoint: "https://s3.amazonaws.com",
            bucket: "examplebucket",
            region: "us-east-1",
            key: "test.txt".into(),
            headers: vec![],
            token: None,
            unix: 1_369_353_600, // 2013-05-24T00:00:00Z
            expires: 86_400,
        }
    }

    fn put_unicode_token() -> Case {
        Case {
            method: Method::Put,
            origin: "https://my-uploads.s3.eu-west-1.amazonaws.com",
            service_endpoint: "https://s3.eu-west-1.amazonaws.com",
            bucket: "my-uploads",
            region: "eu-west-1",
            key: "photos/2024/été/naïve café ☕.jpg".into(),
            headers: vec![("content-type", "image/jpeg")],
            token: Some(TOKEN),
            unix: 1_732_363_200, // 2024-11-23T12:00:00Z
            expires: 900,
        }
    }

    fn with_key(&self, key: String) -> Case {
        Case {
            key,
            headers: self.headers.clone(),
            ..*self
        }
    }

    fn time(&self) -> Timestamp {
        Timestamp::from_unix(self.unix).unwrap()
    }

    fn credentials(&self) -> Credentials {
        let c = Credentials::new(AKID, SECRET).unwrap();
        match self.token {
            Some(t) => c.with_session_token(t).unwrap(),
            None => c,
        }
    }

    fn bucket(&self) -> Bucket {
        let e = Endpoint::aws(self.region)
            .unwrap()
            .legacy_global_endpoint(true);
        let b = Bucket::new(e, self.bucket).unwrap();
        assert_eq!(b.origin(), self.origin);
        b
    }

    fn request<'a>(&'a self, bucket: &'a Bucket) -> S3Request<'a> {
        let mut r = bucket.request(self.method, Some(&self.key));
        for &(n, v) in &self.headers {
            r = r.header(n, v);
        }
        r
    }

    /// The URL as aws-sigv4 wants it: already encoded.
    fn encoded_uri(&self, out: &mut String) {
        out.clear();
        out.push_str(self.origin);
        out.push('/');
        out.extend(utf8_percent_encode(&self.key, PATH_SET));
    }
}

fn signature_of(url: &str) -> &str {
    url.rsplit_once("X-Amz-Signature=")
        .map(|(_, s)| &s[..64])
        .expect("a signature")
}

// ---------------------------------------------------------------- aws-sigv4

struct AwsSigner {
    identity: Identity,
    settings: fn() -> SigningSettings,
}

impl AwsSigner {
    fn new(case: &Case) -> AwsSigner {
        let creds = aws_credential_types::Credentials::new(
            AKID,
            SECRET,
            case.token.map(String::from),
            None,
            "bench",
        );
        AwsSigner {
            identity: creds.into(),
            settings: || {
                let mut s = SigningSettings::default();
                s.signature_location = SignatureLocation::QueryParams;
                s.payload_checksum_kind = PayloadChecksumKind::NoHeader;
                s.uri_path_normalization_mode = UriPathNormalizationMode::Disabled;
                s.percent_encoding_mode = PercentEncodingMode::Single;
                s
            },
        }
    }

    fn params<'a>(&'a self, case: &'a Case) -> aws_sigv4::http_request::SigningParams<'a> {
        let mut settings = (self.settings)();
        settings.expires_in = Some(Duration::from_secs(case.expires));
        aws_sigv4::sign::v4::SigningParams::builder()
            .identity(&self.identity)
            .region(case.region)
            .name("s3")
            .time(SystemTime::UNIX_EPOCH + Duration::from_secs(case.unix as u64))
            .settings(settings)
            .build()
            .unwrap()
            .into()
    }
}

/// Signs with aws-sigv4 and writes the URL: `uri` (already encoded) plus its query parameters.
fn aws_presign(
    params: &aws_sigv4::http_request::SigningParams<'_>,
    case: &Case,
    uri: &str,
    url: &mut String,
) {
    let req = SignableRequest::new(
        case.method.as_str(),
        uri,
        case.headers.iter().copied(),
        SignableBody::UnsignedPayload,
    )
    .unwrap();
    let (instructions, _signature) = aws_sign(req, params).unwrap().into_parts();
    url.clear();
    url.push_str(uri);
    for (i, (name, value)) in instructions.params().iter().enumerate() {
        url.push(if i == 0 { '?' } else { '&' });
        url.push_str(name);
        url.push('=');
        url.extend(utf8_percent_encode(value, QUERY_SET));
    }
}

/// The documented aws-sigv4 flow: an `http::Request`, signed, the instructions applied.
fn aws_presign_http(
    params: &aws_sigv4::http_request::SigningParams<'_>,
    case: &Case,
    uri: &str,
) -> String {
    let mut b = http::Request::builder()
        .method(case.method.as_str())
        .uri(uri);
    for &(n, v) in &case.headers {
        b = b.header(n, v);
    }
    let mut request = b.body(()).unwrap();
    let signable = SignableRequest::new(
        request.method().as_str(),
        request.uri().to_string(),
        request
            .headers()
            .iter()
            .map(|(k, v)| (k.as_str(), v.to_str().unwrap())),
        SignableBody::UnsignedPayload,
    )
    .unwrap();
    let (instructions, _signature) = aws_sign(signable, params).unwrap().into_parts();
    instructions.apply_to_request_http1x(&mut request);
    request.uri().to_string()
}

// ---------------------------------------------------------------- rusty-s3

struct RustyS3 {
    bucket: rusty_s3::Bucket,
    creds: rusty_s3::Credentials,
}

impl RustyS3 {
    fn new(case: &Case) -> RustyS3 {
        let endpoint = url::Url::parse(case.service_endpoint).unwrap();
        let bucket = rusty_s3::Bucket::new(
            endpoint,
            rusty_s3::UrlStyle::VirtualHost,
            case.bucket,
            case.region,
        )
        .unwrap();
        let creds = match case.token {
            Some(t) => rusty_s3::Credentials::new_with_token(AKID, SECRET, t),
            None => rusty_s3::Credentials::new(AKID, SECRET),
        };
        RustyS3 { bucket, creds }
    }
}

/// rusty-s3 0.11 takes a `jiff::Timestamp`; jiff is not a dependency of this crate, so the
/// type is inferred from `sign_with_time` and the value deserialized from RFC 3339.
macro_rules! rusty_presign {
    ($r:expr, $case:expr, $key:expr, $time:expr) => {{
        let expires = Duration::from_secs($case.expires);
        match $case.method {
            Method::Get => {
                GetObject::new(&$r.bucket, Some(&$r.creds), $key).sign_with_time(expires, $time)
            }
            Method::Put => {
                let mut a = PutObject::new(&$r.bucket, Some(&$r.creds), $key);
                for &(n, v) in &$case.headers {
                    a.headers_mut().insert(n, v);
                }
                a.sign_with_time(expires, $time)
            }
            m => unimplemented!("{m:?}"),
        }
    }};
}

// ---------------------------------------------------------------- the floor

fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    let mut m = HmacSha256::new_from_slice(key).unwrap();
    m.update(data);
    m.finalize().into_bytes().into()
}

fn derive_key(date: &str, region: &str) -> HmacSha256 {
    let k_date = hmac(format!("AWS4{SECRET}").as_bytes(), date.as_bytes());
    let k_region = hmac(&k_date, region.as_bytes());
    let k_service = hmac(&k_region, b"s3");
    let k_signing = hmac(&k_service, b"aws4_request");
    HmacSha256::new_from_slice(&k_signing).unwrap()
}

/// Derives the key without allocating (the `AWS4` + secret key on the stack).
fn derive_key_stack(date: &[u8], region: &[u8]) -> HmacSha256 {
    let mut k = [0u8; 4 + SECRET.len()];
    k[..4].copy_from_slice(b"AWS4");
    k[4..].copy_from_slice(SECRET.as_bytes());
    let k_date = hmac(&k, date);
    let k_region = hmac(&k_date, region);
    let k_service = hmac(&k_region, b"s3");
    let k_signing = hmac(&k_service, b"aws4_request");
    HmacSha256::new_from_slice(&k_signing).unwrap()
}

fn hex32(b: &[u8]) -> [u8; 64] {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0u8; 64];
    for (i, x) in b.iter().enumerate() {
        out[2 * i] = HEX[(x >> 4) as usize];
        out[2 * i + 1] = HEX[(x & 15) as usize];
    }
    out
}

/// What the floor hashes: the canonical request and the string to sign without its last line.
struct FloorInput {
    canonical_request: String,
    sts_prefix: String,
    date: String,
    region: &'static str,
}

impl FloorInput {
    fn new(case: &Case, bucket: &Bucket) -> FloorInput {
        let (_, details) = case
            .request(bucket)
            .presign_with_details(&case.credentials(), case.time(), case.expires)
            .unwrap();
        let sts = details.string_to_sign;
        let sts_prefix = String::from(&sts[..sts.len() - 64]);
        let date = String::from(&sts[17..25]);
        FloorInput {
            canonical_request: details.canonical_request,
            sts_prefix,
            date,
            region: case.region,
        }
    }
}

#[inline]
fn floor_cached(keyed: &HmacSha256, input: &FloorInput) -> [u8; 32] {
    let h = Sha256::digest(input.canonical_request.as_bytes());
    let mut m = keyed.clone();
    m.update(input.sts_prefix.as_bytes());
    m.update(&hex32(&h));
    m.finalize().into_bytes().into()
}

#[inline]
fn floor_derive(input: &FloorInput) -> [u8; 32] {
    let keyed = derive_key_stack(input.date.as_bytes(), input.region.as_bytes());
    floor_cached(&keyed, input)
}

// ---------------------------------------------------------------- one request, every signer

fn single(c: &mut Criterion, group: &str, case: &Case) {
    let bucket = case.bucket();
    let creds = case.credentials();
    let time = case.time();
    let request = case.request(&bucket);

    // This crate, checked.
    let mut presigner = Presigner::new(creds.clone());
    let mut url = String::with_capacity(1024);
    presigner
        .presign_into(&mut url, &request, time, case.expires)
        .unwrap();
    let ours = url.clone();
    let oneshot = request.presign(&creds, time, case.expires).unwrap();
    assert_eq!(oneshot.url, ours);
    if group == "get_example" {
        assert_eq!(ours, GET_URL);
    }
    let sig = signature_of(&ours).to_string();

    // aws-sigv4, checked.
    let aws = AwsSigner::new(case);
    let aws_params = aws.params(case);
    let mut uri = String::new();
    case.encoded_uri(&mut uri);
    let mut aws_url = String::new();
    aws_presign(&aws_params, case, &uri, &mut aws_url);
    let aws_http_url = aws_presign_http(&aws_params, case, &uri);
    if group == "get_example" {
        assert_eq!(aws_url, GET_URL);
        assert_eq!(aws_http_url, GET_URL);
    }
    assert_eq!(signature_of(&aws_url), sig, "aws-sigv4");
    assert_eq!(signature_of(&aws_http_url), sig, "aws-sigv4 (http)");

    // rusty-s3, checked.
    let rusty = RustyS3::new(case);
    let jtime = serde_json::from_str(&format!("\"{}\"", time)).unwrap();
    let rusty_url = rusty_presign!(rusty, case, &case.key, &jtime);
    if group == "get_example" {
        assert_eq!(rusty_url.as_str(), GET_URL);
    }
    assert_eq!(signature_of(rusty_url.as_str()), sig, "rusty-s3");

    // The floor, checked.
    let floor = FloorInput::new(case, &bucket);
    let keyed = derive_key(&floor.date, case.region);
    assert_eq!(hex32(&floor_cached(&keyed, &floor)), sig.as_bytes());
    assert_eq!(hex32(&floor_derive(&floor)), sig.as_bytes());

    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Elements(1));
    // The floor first, right before `presign`: the two numbers the main ratio compares are
    // measured back to back (this machine's load drifts over tens of seconds).
    g.bench_function("floor_cached_key", |b| {
        b.iter(|| floor_cached(black_box(&keyed), black_box(&floor)))
    });
    g.bench_function("presign", |b| {
        b.iter(|| {
            presigner
                .presign_into(&mut url, black_box(&request), black_box(time), case.expires)
                .unwrap();
            black_box(url.len())
        })
    });
    // Every call in a new second: the string-to-sign HMAC state cached per second is rebuilt
    // each time (what a service signing less than once a second pays).
    let mut second = 0i64;
    g.bench_function("presign_new_second", |b| {
        b.iter(|| {
            second = (second + 1) % 40_000; // same UTC day for both cases
            let t = Timestamp::from_unix(case.unix + second).unwrap();
            presigner
                .presign_into(&mut url, black_box(&request), t, case.expires)
                .unwrap();
            black_box(url.len())
        })
    });
    g.bench_function("presign_oneshot", |b| {
        b.iter(|| {
            black_box(&request)
                .presign(&creds, black_box(time), case.expires)
                .unwrap()
        })
    });
    g.bench_function("aws_sigv4", |b| {
        b.iter(|| {
            case.encoded_uri(&mut uri);
            aws_presign(black_box(&aws_params), case, &uri, &mut aws_url);
            black_box(aws_url.len())
        })
    });
    g.bench_function("aws_sigv4_http", |b| {
        b.iter(|| {
            case.encoded_uri(&mut uri);
            aws_presign_http(black_box(&aws_params), case, &uri)
        })
    });
    g.bench_function("rusty_s3", |b| {
        b.iter(|| rusty_presign!(rusty, case, black_box(&case.key), &jtime))
    });
    g.bench_function("floor_derive_key", |b| {
        b.iter(|| floor_derive(black_box(&floor)))
    });
    g.finish();
}

fn get_example(c: &mut Criterion) {
    single(c, "get_example", &Case::get_example());
}

fn put_unicode_token(c: &mut Criterion) {
    single(c, "put_unicode_token", &Case::put_unicode_token());
}

// ---------------------------------------------------------------- batches

const BATCH: usize = 10_000;

fn batch_keys() -> Vec<String> {
    (0..BATCH)
        .map(|i| format!("uploads/user-{:04}/2024-05-24/report {i:05}.pdf", i / 7))
        .collect()
}

fn batch_case() -> Case {
    Case {
        origin: "https://my-uploads.s3.eu-west-1.amazonaws.com",
        service_endpoint: "https://s3.eu-west-1.amazonaws.com",
        bucket: "my-uploads",
        region: "eu-west-1",
        expires: 3600,
        unix: 1_716_552_000, // 2024-05-24T12:00:00Z
        ..Case::get_example()
    }
}

/// Presigns every key into `url`; returns a checksum so nothing is optimized away.
fn presign_batch(
    presigner: &mut Presigner,
    url: &mut String,
    bucket: &Bucket,
    keys: &[String],
    time: Timestamp,
) -> usize {
    let mut n = 0;
    for key in keys {
        presigner
            .presign_into(url, &bucket.get_object(key), time, 3600)
            .unwrap();
        n += url.len();
    }
    n
}

fn batch_10k(c: &mut Criterion) {
    let case = batch_case();
    let keys = batch_keys();
    let bucket = case.bucket();
    let time = case.time();
    let mut presigner = Presigner::new(case.credentials());
    let mut url = String::with_capacity(1024);

    // Check a few keys against both peers before timing.
    let aws = AwsSigner::new(&case);
    let aws_params = aws.params(&case);
    let rusty = RustyS3::new(&case);
    let jtime = serde_json::from_str(&format!("\"{}\"", time)).unwrap();
    let mut uri = String::new();
    let mut aws_url = String::new();
    for key in keys.iter().step_by(997) {
        let k = case.with_key(key.clone());
        presigner
            .presign_into(&mut url, &bucket.get_object(key), time, 3600)
            .unwrap();
        k.encoded_uri(&mut uri);
        aws_presign(&aws_params, &k, &uri, &mut aws_url);
        assert_eq!(aws_url, url, "aws-sigv4 lays out S3 GETs as we do");
        let r = rusty_presign!(rusty, k, key, &jtime);
        assert_eq!(signature_of(r.as_str()), signature_of(&url), "rusty-s3");
    }
    let floors: Vec<FloorInput> = keys
        .iter()
        .map(|k| FloorInput::new(&case.with_key(k.clone()), &bucket))
        .collect();
    let keyed = derive_key(&floors[0].date, case.region);
    for (i, f) in floors.iter().enumerate().step_by(997) {
        presigner
            .presign_into(&mut url, &bucket.get_object(&keys[i]), time, 3600)
            .unwrap();
        assert_eq!(
            hex32(&floor_cached(&keyed, f)),
            signature_of(&url).as_bytes()
        );
    }

    let mut g = c.benchmark_group("batch_10k");
    g.throughput(Throughput::Elements(BATCH as u64));
    g.sample_size(10);
    g.bench_function("floor_cached_key", |b| {
        b.iter(|| {
            let mut n = 0;
            for f in &floors {
                n += floor_cached(&keyed, f)[0] as usize;
            }
            n
        })
    });
    g.bench_function("presign", |b| {
        b.iter(|| presign_batch(&mut presigner, &mut url, &bucket, black_box(&keys), time))
    });
    g.bench_function("aws_sigv4", |b| {
        b.iter(|| {
            let mut n = 0;
            for key in &keys {
                uri.clear();
                uri.push_str(case.origin);
                uri.push('/');
                uri.extend(utf8_percent_encode(key, PATH_SET));
                aws_presign(&aws_params, &case, &uri, &mut aws_url);
                n += aws_url.len();
            }
            n
        })
    });
    g.bench_function("rusty_s3", |b| {
        b.iter(|| {
            let mut n = 0;
            for key in &keys {
                n += rusty_presign!(rusty, case, key, &jtime).as_str().len();
            }
            n
        })
    });
    g.finish();
}

/// One thread's presigner and URL buffer, on cache lines of their own (no false sharing between
/// the two threads' hot fields).
#[repr(align(128))]
struct Worker {
    presigner: Presigner,
    url: String,
}

fn threads_10k(c: &mut Criterion) {
    let case = batch_case();
    let keys = batch_keys();
    let bucket = case.bucket();
    let time = case.time();
    let base = Presigner::new(case.credentials());

    let mut workers: Vec<Worker> = (0..2)
        .map(|_| Worker {
            presigner: base.clone(),
            url: String::with_capacity(1024),
        })
        .collect();
    for w in &mut workers {
        presign_batch(&mut w.presigner, &mut w.url, &bucket, &keys[..1], time);
    }
    let mut g = c.benchmark_group("threads_10k");
    g.throughput(Throughput::Elements(BATCH as u64));
    g.sample_size(20);
    g.bench_function("1_thread", |b| {
        let w = &mut workers[0];
        b.iter(|| {
            presign_batch(
                &mut w.presigner,
                &mut w.url,
                &bucket,
                black_box(&keys),
                time,
            )
        })
    });
    g.bench_function("2_threads", |b| {
        b.iter(|| {
            let (first, second) = workers.split_at_mut(1);
            let (keys1, keys2) = keys.split_at(BATCH / 2);
            let bucket = &bucket;
            std::thread::scope(|s| {
                let other = s.spawn(move || {
                    let w = &mut second[0];
                    presign_batch(&mut w.presigner, &mut w.url, bucket, keys2, time)
                });
                let w = &mut first[0];
                presign_batch(&mut w.presigner, &mut w.url, bucket, keys1, time)
                    + other.join().unwrap()
            })
        })
    });
    g.finish();
}

criterion_group!(
    benches,
    get_example,
    put_unicode_token,
    batch_10k,
    threads_10k
);

// ---------------------------------------------------------------- paired ratios

#[path = "common/paired.rs"]
mod paired;
use paired::paired;

/// Interleaved measurements of the ratios the issue asks for, printed after criterion's own
/// (run with the bench unless a filter excludes `paired`).
fn paired_ratios() {
    println!("\npaired (interleaved rounds, medians):");
    for (label, case) in [
        ("get_example", Case::get_example()),
        ("put_unicode_token", Case::put_unicode_token()),
    ] {
        let bucket = case.bucket();
        let time = case.time();
        let request = case.request(&bucket);
        let mut presigner = Presigner::new(case.credentials());
        let mut url = String::with_capacity(1024);
        let floor = FloorInput::new(&case, &bucket);
        let keyed = derive_key(&floor.date, case.region);
        let rusty = RustyS3::new(&case);
        let jtime = serde_json::from_str(&format!("\"{}\"", time)).unwrap();
        let aws = AwsSigner::new(&case);
        let aws_params = aws.params(&case);
        let (mut uri, mut aws_url) = (String::new(), String::new());
        let mut ours = || {
            presigner
                .presign_into(&mut url, black_box(&request), black_box(time), case.expires)
                .unwrap();
        };
        let (p, f, r) = paired(201, 2000, &mut ours, || {
            black_box(floor_cached(black_box(&keyed), black_box(&floor)));
        });
        println!(
            "  {label}: presign {p:.0} ns, floor_cached_key {f:.0} ns: presign/floor = {r:.2}x"
        );
        let (p, q, r) = paired(31, 200, &mut ours, || {
            black_box(rusty_presign!(rusty, case, black_box(&case.key), &jtime));
        });
        println!(
            "  {label}: presign {p:.0} ns, rusty_s3 {q:.0} ns: rusty_s3/presign = {:.1}x",
            1.0 / r
        );
        let (p, q, r) = paired(31, 200, &mut ours, || {
            case.encoded_uri(&mut uri);
            aws_presign(black_box(&aws_params), &case, &uri, &mut aws_url);
        });
        println!(
            "  {label}: presign {p:.0} ns, aws_sigv4 {q:.0} ns: aws_sigv4/presign = {:.1}x",
            1.0 / r
        );
    }
    // 1 thread against 2, alternately, on the 10 000 keys per round (a few ms: starting the
    // second thread stays small next to it). The second core idles during the 1-thread rounds
    // and must wake up for each 2-thread round: this ratio is a little below criterion's
    // `threads_10k`, where the two threads run back to back.
    let case = batch_case();
    let all_keys = batch_keys();
    let keys = &all_keys[..];
    let bucket = case.bucket();
    let time = case.time();
    let base = Presigner::new(case.credentials());
    // One worker for the single thread, two for the pair: each on cache lines of its own.
    let mut workers: Vec<Worker> = (0..3)
        .map(|_| Worker {
            presigner: base.clone(),
            url: String::with_capacity(1024),
        })
        .collect();
    for w in &mut workers {
        presign_batch(&mut w.presigner, &mut w.url, &bucket, keys, time);
    }
    let (single, pair) = workers.split_at_mut(1);
    let single = &mut single[0];
    let (p0, p1) = pair.split_at_mut(1);
    let (p0, p1) = (&mut p0[0], &mut p1[0]);
    let (one, two, r) = paired(
        41,
        1,
        || {
            black_box(presign_batch(
                &mut single.presigner,
                &mut single.url,
                &bucket,
                keys,
                time,
            ));
        },
        || {
            let (k1, k2) = keys.split_at(keys.len() / 2);
            let (b, p0, p1) = (&bucket, &mut *p0, &mut *p1);
            std::thread::scope(|s| {
                let h = s.spawn(move || presign_batch(&mut p1.presigner, &mut p1.url, b, k2, time));
                black_box(
                    presign_batch(&mut p0.presigner, &mut p0.url, b, k1, time) + h.join().unwrap(),
                );
            });
        },
    );
    println!(
        "  threads: 10 000 keys on 1 thread {:.2} ms, on 2 threads {:.2} ms: 2-thread throughput = {r:.2}x one thread's",
        one / 1e6,
        two / 1e6
    );
}

fn main() {
    benches();
    if paired::wanted() {
        paired_ratios();
    }
    Criterion::default().configure_from_args().final_summary();
}
