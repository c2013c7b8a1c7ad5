//! SigV4a presigning and aws-chunked chunk signing, side by side with their peers and floors.
//!
//! ```text
//! cargo bench --bench sigv4a --features sigv4a -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! Every signer is checked once before timing: our SigV4a URL verifies under the derived public
//! key, aws-sigv4's signature verifies under the same key over the same canonical request, and
//! the chunk signatures are those of the AWS streaming example.
//!
//! Groups:
//! - `sigv4a_presign/*`: a presigned GET of a multi-Region access point object (`X-Amz-Region-Set=*`,
//!   3600 s). `presign`: `sigv4a::presign` with the key derived once (`SigningKey`, the cache);
//!   `presign_derive_key`: the same, deriving the key every time (what a cache saves);
//!   `aws_sigv4`: `aws_sigv4::http_request::sign` with SigV4a query signing (it derives the key
//!   on every call); `floor_ecdsa`: the ECDSA signature alone (`SigningKey::sign_digest`);
//!   `sigv4_presign`: SigV4 `sigv4::presign` of the same request, for scale.
//! - `chunk_sign/*` (throughput per byte of a 64 KiB chunk): `chunk`: `ChunkSigner::chunk`
//!   (SHA-256 of the chunk and the chained HMAC); `chunk_from_sha256`: the signature of an
//!   already hashed chunk; `floor_sha256`: SHA-256 of the chunk alone (sha2 directly).
//!
//! After the groups, `paired` prints the main ratios measured in interleaved rounds, which hold
//! on a loaded machine where separate criterion figures swing by 2x (`-- paired` runs only them).

use aws_sigv4::http_request::{
    sign as aws_sign, PayloadChecksumKind, SignableBody, SignableRequest, SignatureLocation,
    SigningSettings,
};
use aws_smithy_runtime_api::client::identity::Identity;
use criterion::{black_box, criterion_group, Criterion, Throughput};
use presign::sigv4::chunked::ChunkedUpload;
use presign::sigv4a::{self, RegionSet, Signature, SigningKey};
use presign::{sigv4, Credentials, Payload, Timestamp};
use sha2::{Digest, Sha256};
use std::time::{Duration, SystemTime};

const AKID: &str = "AKIAIOSFODNN7EXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const HOST: &str = "mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com";
const PATH: &str = "/reports/2026/q3.pdf";
const UNIX: u64 = 1_795_435_200; // 2026-11-23T12:00:00Z

fn time() -> Timestamp {
    Timestamp::from_unix(UNIX as i64).unwrap()
}

fn request() -> sigv4::Request<'static> {
    sigv4::Request::new("GET", HOST, PATH).payload(Payload::Unsigned)
}

/// aws-sigv4's SigV4a presign; returns its hex signature and the string it signed.
fn aws_presign(identity: &Identity) -> String {
    let mut settings = SigningSettings::default();
    settings.signature_location = SignatureLocation::QueryParams;
    settings.payload_checksum_kind = PayloadChecksumKind::NoHeader;
    settings.expires_in = Some(Duration::from_secs(3600));
    let params: aws_sigv4::http_request::SigningParams<'_> =
        aws_sigv4::sign::v4a::SigningParams::builder()
            .identity(identity)
            .region_set("*")
            .name("s3")
            .time(SystemTime::UNIX_EPOCH + Duration::from_secs(UNIX))
            .settings(settings)
            .build()
            .unwrap()
            .into();
    let uri = format!("https://{HOST}{PATH}");
    let req = SignableRequest::new(
        "GET",
        &uri,
        std::iter::empty(),
        SignableBody::UnsignedPayload,
    )
    .unwrap();
    let (_instructions, signature) = aws_sign(req, &params).unwrap().into_parts();
    signature
}

fn sigv4a_presign(c: &mut Criterion) {
    let creds = Credentials::new(AKID, SECRET).unwrap();
    let key = SigningKey::derive(&creds).unwrap();
    let regions = RegionSet::any();
    let params = sigv4a::SigningParams::new(&creds, &key, &regions, "s3", time());
    let req = request();

    // Checked once: ours and aws-sigv4's signatures both verify under our derived key.
    let (p, d) = sigv4a::presign_with_details(&req, &params, 3600).unwrap();
    let ours = Signature::from_hex(p.url.rsplit_once("X-Amz-Signature=").unwrap().1).unwrap();
    let vk = key.verifying_key();
    assert!(vk.verify(d.string_to_sign.as_bytes(), &ours));
    let identity: Identity =
        aws_credential_types::Credentials::new(AKID, SECRET, None, None, "bench").into();
    let theirs = Signature::from_hex(&aws_presign(&identity)).unwrap();
    assert!(
        vk.verify(d.string_to_sign.as_bytes(), &theirs),
        "aws-sigv4 signs the same string to sign with the same key"
    );

    let mut g = c.benchmark_group("sigv4a_presign");
    g.bench_function("presign", |b| {
        b.iter(|| sigv4a::presign(black_box(&req), black_box(&params), 3600).unwrap())
    });
    g.bench_function("presign_derive_key", |b| {
        b.iter(|| {
            let key = SigningKey::derive(black_box(&creds)).unwrap();
            let params = sigv4a::SigningParams::new(&creds, &key, &regions, "s3", time());
            sigv4a::presign(black_box(&req), &params, 3600).unwrap()
        })
    });
    g.bench_function("aws_sigv4", |b| {
        b.iter(|| aws_presign(black_box(&identity)))
    });
    let digest: [u8; 32] = Sha256::digest(d.string_to_sign.as_bytes()).into();
    g.bench_function("floor_ecdsa", |b| {
        b.iter(|| key.sign_digest(black_box(&digest)))
    });
    let v4 = sigv4::SigningParams::new(&creds, "us-east-1", "s3", time());
    g.bench_function("sigv4_presign", |b| {
        b.iter(|| sigv4::presign(black_box(&req), black_box(&v4), 3600).unwrap())
    });
    g.finish();
}

fn chunk_sign(c: &mut Criterion) {
    let creds = Credentials::new(AKID, SECRET).unwrap();
    let t = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z").unwrap();
    let v4 = sigv4::SigningParams::new(&creds, "us-east-1", "s3", t);
    let chunk = vec![b'a'; 65536];
    let seed = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    // A body long enough that the signer never runs out of chunks while timing.
    let upload = ChunkedUpload::signed(u64::MAX / 4, 65536).unwrap();
    let new_signer = || presign::sigv4::chunked::ChunkSigner::new(&upload, &v4, seed).unwrap();

    // Checked once: the first chunk signature of the AWS streaming example.
    let mut s = new_signer();
    assert_eq!(
        s.chunk(&chunk).unwrap().signature(),
        Some("ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648")
    );

    let mut g = c.benchmark_group("chunk_sign");
    g.throughput(Throughput::Bytes(chunk.len() as u64));
    let mut s = new_signer();
    g.bench_function("chunk", |b| b.iter(|| s.chunk(black_box(&chunk)).unwrap()));
    let hash: [u8; 32] = Sha256::digest(&chunk).into();
    let mut s = new_signer();
    g.bench_function("chunk_from_sha256", |b| {
        b.iter(|| s.chunk_from_sha256(65536, black_box(&hash)).unwrap())
    });
    g.bench_function("floor_sha256", |b| {
        b.iter(|| -> [u8; 32] { Sha256::digest(black_box(&chunk)).into() })
    });
    g.finish();
}

criterion_group!(benches, sigv4a_presign, chunk_sign);

#[path = "common/paired.rs"]
mod paired;
use paired::paired;

/// The main ratios again, in interleaved rounds (`-- paired` runs only them).
fn paired_ratios() {
    println!("\npaired (interleaved rounds, medians):");
    let creds = Credentials::new(AKID, SECRET).unwrap();
    let key = SigningKey::derive(&creds).unwrap();
    let regions = RegionSet::any();
    let params = sigv4a::SigningParams::new(&creds, &key, &regions, "s3", time());
    let req = request();
    let (_, d) = sigv4a::presign_with_details(&req, &params, 3600).unwrap();
    let digest: [u8; 32] = Sha256::digest(d.string_to_sign.as_bytes()).into();
    let identity: Identity =
        aws_credential_types::Credentials::new(AKID, SECRET, None, None, "bench").into();
    let mut ours = || {
        black_box(sigv4a::presign(black_box(&req), &params, 3600).unwrap());
    };
    let (a, b, r) = paired(101, 50, &mut ours, || {
        black_box(key.sign_digest(black_box(&digest)));
    });
    println!("  sigv4a presign {a:.0} ns / ECDSA floor {b:.0} ns = {r:.3}");
    let (a, b, r) = paired(
        41,
        40,
        || {
            black_box(aws_presign(black_box(&identity)));
        },
        &mut ours,
    );
    println!("  aws-sigv4 sigv4a {a:.0} ns / sigv4a presign {b:.0} ns = {r:.2}x");
    let t = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z").unwrap();
    let v4 = sigv4::SigningParams::new(&creds, "us-east-1", "s3", t);
    let upload = ChunkedUpload::signed(u64::MAX / 4, 65536).unwrap();
    let seed = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    let mut s = presign::sigv4::chunked::ChunkSigner::new(&upload, &v4, seed).unwrap();
    let chunk = vec![b'a'; 65536];
    let (a, b, r) = paired(
        41,
        20,
        || {
            black_box(s.chunk(black_box(&chunk)).unwrap());
        },
        || {
            black_box(<[u8; 32]>::from(Sha256::digest(black_box(&chunk))));
        },
    );
    println!("  64 KiB chunk signed {a:.0} ns / SHA-256 of it {b:.0} ns = {r:.3}");
}

fn main() {
    benches();
    if paired::wanted() {
        paired_ratios();
    }
    Criterion::default().configure_from_args().final_summary();
}
