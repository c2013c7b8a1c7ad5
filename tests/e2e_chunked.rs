//! End to end: aws-chunked streaming uploads (`presign::sigv4::chunked`) to s3s-fs 0.14.1, which
//! verifies the seed signature, every chunk signature and the trailer signature
//! (`tests/common/s3s.rs` starts one per test on a free port of 127.0.0.1).
//!
//! Each upload is framed one chunk at a time, as a caller streaming a body would, read back with
//! a presigned GET, and tampered in one place to show the server refuses it. s3s-fs answers a
//! chunk or trailer signature mismatch with 500 InternalError (AWS: 403 SignatureDoesNotMatch)
//! and logs `AwsChunkedStreamError: SignatureMismatch`: the tests check that log line, and that
//! nothing was stored.

#[path = "common/s3s.rs"]
mod s3s;

use presign::s3::{Bucket, Endpoint};
use presign::sigv4::chunked::{Checksum, ChunkedUpload};
use presign::sigv4::{Request, Signed, SigningParams};
use presign::{Credentials, Timestamp};
use s3s::http::{self, Response};
use s3s::S3sServer;
use std::time::SystemTime;

const BUCKET: &str = "chunked";
const CHUNK: u64 = 8192;

fn now() -> Timestamp {
    Timestamp::try_from(SystemTime::now()).expect("the clock is after 1970")
}

fn creds() -> Credentials {
    Credentials::new(s3s::ACCESS_KEY, s3s::SECRET_KEY).unwrap()
}

/// A body that is not one byte repeated, so a misplaced chunk would show.
fn body(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 31 % 251) as u8).collect()
}

/// CRC-32 (IEEE, reflected), base64: the `x-amz-checksum-crc32` value.
fn crc32_base64(data: &[u8]) -> String {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    base64(&(!crc).to_be_bytes())
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                out.push(char::from(A[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

struct Upload {
    signed: Signed,
    wire: Vec<u8>,
    /// Where each chunk's data starts in `wire`.
    data_at: Vec<usize>,
}

/// Signs and frames a PUT of `data` to `key` on `server`, with an optional crc32 trailer.
fn frame(server: &S3sServer, key: &str, data: &[u8], upload: ChunkedUpload) -> Upload {
    let path = format!("/{BUCKET}/{key}");
    let host = server.host();
    let request = Request::new("PUT", &host, &path).scheme("http");
    let creds = creds();
    let params = SigningParams::new(&creds, "us-east-1", "s3", now());
    let (signed, mut chunks) = upload.sign(&request, &params).unwrap();
    let mut wire = Vec::with_capacity(upload.content_length() as usize);
    let mut data_at = Vec::new();
    for chunk in data.chunks(upload.chunk_size() as usize) {
        wire.extend_from_slice(chunks.chunk(chunk).unwrap().as_bytes());
        data_at.push(wire.len());
        wire.extend_from_slice(chunk);
        wire.extend_from_slice(b"\r\n");
    }
    match upload.trailer() {
        None => wire.extend_from_slice(chunks.finish().unwrap().as_bytes()),
        Some(_) => wire.extend_from_slice(
            chunks
                .finish_with_trailer(&crc32_base64(data))
                .unwrap()
                .as_bytes(),
        ),
    }
    assert_eq!(wire.len() as u64, upload.content_length());
    Upload {
        signed,
        wire,
        data_at,
    }
}

fn send(server: &S3sServer, u: &Upload, wire: &[u8]) -> Response {
    let headers: Vec<(&str, &str)> = u
        .signed
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let (_, path) = http::split_url(&u.signed.url);
    http::request_to(server.port(), "PUT", &server.host(), path, &headers, wire)
}

fn bucket(server: &S3sServer) -> Bucket {
    Bucket::new(
        Endpoint::custom(&server.endpoint_url(), "us-east-1").unwrap(),
        BUCKET,
    )
    .unwrap()
}

fn get(server: &S3sServer, key: &str) -> Response {
    let p = bucket(server)
        .get_object(key)
        .presign(&creds(), now(), 300)
        .unwrap();
    http::send_url("GET", &p.url, &[], b"")
}

fn describe(r: &Response) -> String {
    format!("{} {}", r.status, r.text())
}

/// How many times the server has logged a chunk or trailer signature mismatch.
fn mismatches(server: &S3sServer) -> usize {
    server
        .log()
        .matches("AwsChunkedStreamError: SignatureMismatch")
        .count()
}

/// Sends `wire` and asserts the server refused it for a chunk or trailer signature mismatch.
/// s3s-fs 0.14.1 checks the chunks while it streams the body to disk and answers such a failure
/// with 500 InternalError (AWS answers 403 SignatureDoesNotMatch); its log names the mismatch.
fn assert_signature_refused(server: &S3sServer, u: &Upload, wire: &[u8], what: &str) {
    let before = mismatches(server);
    let r = send(server, u, wire);
    assert!(r.status >= 400, "{what} must be refused: {}", describe(&r));
    assert_eq!(
        mismatches(server),
        before + 1,
        "{what}: the server must log a signature mismatch: {}",
        describe(&r)
    );
}

#[test]
fn signed_chunks_upload_and_a_tampered_chunk_is_refused() {
    let Some(server) = S3sServer::start_or_skip(&[BUCKET]) else {
        return;
    };
    let data = body(3 * CHUNK as usize + 1000);
    let upload = ChunkedUpload::signed(data.len() as u64, CHUNK).unwrap();
    let u = frame(&server, "signed.bin", &data, upload);
    assert_eq!(u.data_at.len(), 4, "three full chunks and a short one");
    let r = send(&server, &u, &u.wire);
    assert_eq!(r.status, 200, "chunked PUT: {}", describe(&r));
    let back = get(&server, "signed.bin");
    assert_eq!(back.status, 200, "{}", describe(&back));
    assert!(back.body == data, "the object is the decoded body");

    // One byte of the second chunk changed: its signature no longer matches.
    let u = frame(&server, "tampered.bin", &data, upload);
    let mut wire = u.wire.clone();
    wire[u.data_at[1] + 7] ^= 0x20;
    assert_signature_refused(&server, &u, &wire, "a tampered chunk");
    assert_eq!(get(&server, "tampered.bin").status, 404, "nothing stored");

    // The chunks of one upload sent under another's seed signature.
    let a = frame(&server, "a.bin", &data, upload);
    let b = frame(&server, "b.bin", &data, upload);
    assert_ne!(a.signed.signature, b.signed.signature);
    assert_signature_refused(&server, &a, &b.wire, "chunks chained to another seed");
    assert_eq!(get(&server, "a.bin").status, 404, "nothing stored");
}

#[test]
fn signed_chunks_with_a_signed_checksum_trailer() {
    let Some(server) = S3sServer::start_or_skip(&[BUCKET]) else {
        return;
    };
    let data = body(2 * CHUNK as usize + 5);
    let upload =
        ChunkedUpload::signed_with_trailer(data.len() as u64, CHUNK, Checksum::Crc32).unwrap();
    let u = frame(&server, "trailer.bin", &data, upload);
    let r = send(&server, &u, &u.wire);
    assert_eq!(r.status, 200, "chunked PUT with trailer: {}", describe(&r));
    let back = get(&server, "trailer.bin");
    assert!(back.body == data, "{}", describe(&back));

    // The trailer signature tampered with (its last hex digit changed).
    let u = frame(&server, "trailer-bad.bin", &data, upload);
    let mut wire = u.wire.clone();
    let at = wire.len() - 5; // ...<sig last digit>\r\n\r\n
    wire[at] = if wire[at] == b'0' { b'1' } else { b'0' };
    assert_signature_refused(&server, &u, &wire, "a tampered trailer signature");
    assert_eq!(get(&server, "trailer-bad.bin").status, 404);
}

#[test]
fn unsigned_chunks_with_a_checksum_trailer() {
    let Some(server) = S3sServer::start_or_skip(&[BUCKET]) else {
        return;
    };
    let data = body(CHUNK as usize + 77);
    let upload =
        ChunkedUpload::unsigned_with_trailer(data.len() as u64, CHUNK, Checksum::Crc32).unwrap();
    let u = frame(&server, "unsigned.bin", &data, upload);
    assert!(!String::from_utf8_lossy(&u.wire).contains("chunk-signature"));
    let r = send(&server, &u, &u.wire);
    assert_eq!(r.status, 200, "unsigned chunked PUT: {}", describe(&r));
    assert!(get(&server, "unsigned.bin").body == data);

    // The seed still signs the request: another decoded length is refused.
    let u = frame(&server, "unsigned-bad.bin", &data, upload);
    let mut signed = u.signed.clone();
    for (n, v) in &mut signed.headers {
        if n == "x-amz-decoded-content-length" {
            *v = (data.len() - 1).to_string();
        }
    }
    let bad = Upload { signed, ..u };
    let r = send(&server, &bad, &bad.wire);
    assert!(
        r.status == 400 || r.status == 403,
        "a changed signed header must be refused: {}",
        describe(&r)
    );
}
