//! End to end: our presigned URLs over real HTTP against s3s-fs 0.14.1, a server that verifies
//! SigV4 (`.ci/install-s3s-fs.sh` installs it; `tests/common/s3s.rs` starts one per test on a free
//! port of 127.0.0.1 and kills it afterwards).
//!
//! Every URL is signed at the real current time (read here, in the test: the library never reads
//! the clock) with `Endpoint::custom("http://127.0.0.1:PORT")` (path-style) or
//! `Endpoint::custom("http://localhost:PORT")` + `AddressingStyle::VirtualHosted`
//! (`Host: bucket.localhost:PORT`, still connecting to 127.0.0.1).
//!
//! What s3s-fs CANNOT check, so it is covered offline (botocore vectors, proptest vs aws-sigv4):
//! - keys longer than about 150 bytes (its metadata file names are base64 of the key), `.`, `..`
//!   or empty path segments (`a//b`, a leading `/`) and control characters: the file backend cannot
//!   store them;
//! - the exact percent-encoding of the path: it decodes the path and re-encodes it as AWS does, but
//!   it also accepts a path whose reserved characters (`!*'():@+,;=$&`) were signed unencoded, so a
//!   200 here does not prove our encoding is the one S3 wants;
//! - payload integrity: presigned URLs sign `UNSIGNED-PAYLOAD`, so any body is accepted;
//! - the response-* overrides: they are signed and checked, but s3s-fs does not apply them (the
//!   object's own Content-Type comes back);
//! - session tokens (`X-Amz-Security-Token`): s3s-fs has only one fixed key pair, no STS (a
//!   signed token is part of the canonical query, so it is verified as such, never as a token);
//! - over-encoding: `%61` for `a` in the path is accepted (it decodes before comparing);
//! - unsigned `x-amz-*` headers sent next to a presigned URL: real S3 refuses some of them
//!   (`HeadersNotSigned`); s3s-fs ignores headers that are not signed (see
//!   `missing_or_changed_signed_metadata_is_refused`);
//! - an unknown access key is `NotSignedUp` there, `InvalidAccessKeyId` on AWS (both 403).

#[path = "common/s3s.rs"]
mod s3s;

use presign::s3::{AddressingStyle, Bucket, Endpoint};
use presign::{Credentials, Presigned, Timestamp};
use s3s::http::{self, Response};
use s3s::S3sServer;
use std::time::SystemTime;

const BUCKET: &str = "e2e-bucket";
const OTHER_BUCKET: &str = "e2e-other";

fn now() -> Timestamp {
    Timestamp::try_from(SystemTime::now()).expect("the clock is after 1970")
}

/// Now moved by `delta` seconds.
fn now_plus(delta: i64) -> Timestamp {
    Timestamp::from_unix(now().unix() + delta).unwrap()
}

fn creds() -> Credentials {
    Credentials::new(s3s::ACCESS_KEY, s3s::SECRET_KEY).unwrap()
}

fn start() -> Option<S3sServer> {
    S3sServer::start_or_skip(&[BUCKET, OTHER_BUCKET])
}

fn path_style(server: &S3sServer, bucket: &str) -> Bucket {
    let b = Bucket::new(
        Endpoint::custom(&server.endpoint_url(), "us-east-1").unwrap(),
        bucket,
    )
    .unwrap();
    assert!(!b.is_virtual_hosted());
    assert_eq!(b.host(), server.host());
    b
}

fn virtual_hosted(server: &S3sServer, bucket: &str) -> Bucket {
    let e = Endpoint::custom(&server.localhost_url(), "us-east-1")
        .unwrap()
        .addressing(AddressingStyle::VirtualHosted);
    let b = Bucket::new(e, bucket).unwrap();
    assert!(b.is_virtual_hosted());
    assert_eq!(b.host(), format!("{bucket}.localhost:{}", server.port()));
    b
}

/// Sends a presigned request with exactly the headers it says to send.
fn send(p: &Presigned, body: &[u8]) -> Response {
    let headers: Vec<(&str, &str)> = p
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    http::send_url(p.method.as_str(), &p.url, &headers, body)
}

/// Sends `method` to `url` with these headers (to try a URL with something changed).
fn send_as(method: &str, url: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
    http::send_url(method, url, headers, body)
}

fn describe(r: &Response) -> String {
    format!("{} {}", r.status, r.text())
}

fn assert_status(r: &Response, status: u16, what: &str) {
    assert_eq!(r.status, status, "{what}: {}", describe(r));
}

/// The request must be refused with 403 and this S3 error code.
fn assert_refused(r: &Response, code: &str, what: &str) {
    assert_eq!(
        r.status,
        403,
        "{what} must be refused with 403: {}",
        describe(r)
    );
    assert_eq!(
        r.error_code().as_deref(),
        Some(code),
        "{what}: {}",
        describe(r)
    );
}

fn put(bucket: &Bucket, key: &str, body: &[u8]) {
    let p = bucket
        .put_object(key)
        .presign(&creds(), now(), 300)
        .unwrap();
    assert_status(&send(&p, body), 200, &format!("PUT {key}"));
}

fn get(bucket: &Bucket, key: &str) -> Response {
    send(
        &bucket
            .get_object(key)
            .presign(&creds(), now(), 300)
            .unwrap(),
        b"",
    )
}

fn assert_object(bucket: &Bucket, key: &str, body: &[u8]) {
    let r = get(bucket, key);
    assert_status(&r, 200, &format!("GET {key:?}"));
    assert!(
        r.body == body,
        "GET {key:?}: {} bytes, not the {} uploaded",
        r.body.len(),
        body.len()
    );
}

/// Replaces the value of query parameter `name` (as it appears, encoded) in `url`.
fn with_param(url: &str, name: &str, encoded_value: &str) -> String {
    let (base, query) = url.split_once('?').unwrap();
    let params: Vec<String> = query
        .split('&')
        .map(|kv| match kv.split_once('=') {
            Some((k, _)) if k == name => format!("{k}={encoded_value}"),
            _ => kv.to_string(),
        })
        .collect();
    assert!(
        query
            .split('&')
            .any(|kv| kv.starts_with(&format!("{name}="))),
        "{name} not in {url}"
    );
    format!("{base}?{}", params.join("&"))
}

fn without_param(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').unwrap();
    let params: Vec<&str> = query
        .split('&')
        .filter(|kv| !kv.starts_with(&format!("{name}=")))
        .collect();
    format!("{base}?{}", params.join("&"))
}

fn param<'u>(url: &'u str, name: &str) -> &'u str {
    let query = url.split_once('?').unwrap().1;
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix(name).and_then(|r| r.strip_prefix('=')))
        .unwrap()
}

/// Deterministic pseudo-random bytes (xorshift64*).
fn bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        out.extend_from_slice(&x.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(len);
    out
}

fn xml_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&#34;", "\"")
        .replace("&amp;", "&")
}

// ---------------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------------

/// PUT with a signed Content-Type and metadata, GET, HEAD, DELETE, GET again.
fn crud_round_trip(bucket: &Bucket) {
    let creds = creds();
    let key = "crud/hello world.txt";
    let body = b"Hello from presign over real HTTP!\n".repeat(50);

    let p = bucket
        .put_object(key)
        .content_type("text/plain; charset=utf-8")
        .metadata("owner", "alice")
        .metadata("Purpose", "e2e test")
        .presign(&creds, now(), 300)
        .unwrap();
    assert_eq!(p.method, "PUT");
    assert_eq!(
        p.headers,
        [
            (
                "content-type".to_string(),
                "text/plain; charset=utf-8".to_string()
            ),
            ("x-amz-meta-owner".to_string(), "alice".to_string()),
            ("x-amz-meta-purpose".to_string(), "e2e test".to_string()),
        ]
    );
    let r = send(&p, &body);
    assert_status(&r, 200, "signed PUT");
    assert!(
        r.header("etag").is_some(),
        "PUT answers an ETag: {:?}",
        r.headers
    );

    let r = send(
        &bucket.get_object(key).presign(&creds, now(), 300).unwrap(),
        b"",
    );
    assert_status(&r, 200, "GET");
    assert_eq!(r.body, body);
    assert_eq!(r.header("content-type"), Some("text/plain; charset=utf-8"));
    assert_eq!(r.header("x-amz-meta-owner"), Some("alice"));
    assert_eq!(r.header("x-amz-meta-purpose"), Some("e2e test"));

    let p = bucket.head_object(key).presign(&creds, now(), 300).unwrap();
    assert_eq!(p.method, "HEAD");
    let r = send(&p, b"");
    assert_status(&r, 200, "HEAD");
    assert_eq!(
        r.header("content-length"),
        Some(body.len().to_string().as_str())
    );
    assert_eq!(r.header("x-amz-meta-owner"), Some("alice"));
    assert!(r.body.is_empty());

    let p = bucket
        .delete_object(key)
        .presign(&creds, now(), 300)
        .unwrap();
    assert_eq!(p.method, "DELETE");
    assert_status(&send(&p, b""), 204, "DELETE");

    let r = send(
        &bucket.get_object(key).presign(&creds, now(), 300).unwrap(),
        b"",
    );
    assert_status(&r, 404, "GET after DELETE");
    assert_eq!(
        r.error_code().as_deref(),
        Some("NoSuchKey"),
        "{}",
        describe(&r)
    );
    let r = send(
        &bucket.head_object(key).presign(&creds, now(), 300).unwrap(),
        b"",
    );
    assert_status(&r, 404, "HEAD after DELETE");
}

#[test]
fn put_get_head_delete_path_style() {
    let Some(server) = start() else { return };
    crud_round_trip(&path_style(&server, BUCKET));
}

#[test]
fn put_get_head_delete_virtual_hosted() {
    let Some(server) = start() else { return };
    crud_round_trip(&virtual_hosted(&server, BUCKET));
}

/// Keys S3 users actually have: spaces, `+`, unicode in both normal forms, emoji, `~`, the
/// sub-delims `!*'()` and the other reserved characters. Written path-style and read back
/// virtual-hosted (and the other way round), then listed and deleted.
#[test]
fn awkward_keys_round_trip() {
    let Some(server) = start() else { return };
    let path = path_style(&server, BUCKET);
    let vhost = virtual_hosted(&server, BUCKET);
    let keys = [
        "keys/with space.txt",
        "keys/two  spaces and trailing space ",
        "keys/a+b=c.txt",
        "keys/caf\u{e9}.txt",   // NFC é
        "keys/cafe\u{301}.txt", // NFD e + combining acute: another key, never normalized
        "keys/emoji \u{1F600}\u{1F389}.bin",
        "keys/~tilde~/x~y",
        "keys/bang!star*quote'paren(x).txt",
        "keys/reserved @:,;=$&?#%[].txt",
        "keys/odd \"<>\\^`{|}.txt",
        "keys/\u{65E5}\u{672C}\u{8A9E}/\u{30D5}\u{30A1}\u{30A4}\u{30EB}.txt",
        "keys/dots.../end.",
        "keys/UPPER/Mixed.Case",
        "keys/percent %20 is not a space",
    ];
    for (i, key) in keys.iter().enumerate() {
        assert!(key.len() < 150, "{key}: s3s-fs cannot store keys this long");
        let body = format!("object #{i}: {key}").into_bytes();
        let (writer, reader) = if i % 2 == 0 {
            (&path, &vhost)
        } else {
            (&vhost, &path)
        };
        put(writer, key, &body);
        assert_object(reader, key, &body);
    }
    // NFC and NFD stay two objects.
    assert_object(&path, keys[3], format!("object #3: {}", keys[3]).as_bytes());
    assert_object(&path, keys[4], format!("object #4: {}", keys[4]).as_bytes());

    // ListObjectsV2 sees every key exactly as written.
    for bucket in [&path, &vhost] {
        let p = bucket
            .list_objects_v2()
            .prefix("keys/")
            .max_keys(1000)
            .presign(&creds(), now(), 300)
            .unwrap();
        let r = send(&p, b"");
        assert_status(&r, 200, "ListObjectsV2");
        let mut listed: Vec<String> = http::xml_tags(&r.text(), "Key")
            .iter()
            .map(|k| xml_unescape(k))
            .collect();
        listed.sort();
        let mut expected: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        expected.sort();
        assert_eq!(listed, expected, "{}", r.text());
    }

    for (i, key) in keys.iter().enumerate() {
        let bucket = if i % 2 == 0 { &vhost } else { &path };
        assert_status(
            &send(
                &bucket
                    .delete_object(key)
                    .presign(&creds(), now(), 300)
                    .unwrap(),
                b"",
            ),
            204,
            &format!("DELETE {key:?}"),
        );
        assert_status(&get(&path, key), 404, &format!("GET {key:?} after DELETE"));
    }
}

/// Header values are signed in canonical form (trimmed, inner runs of spaces collapsed) and sent
/// as given: the server canonicalizes them the same way.
#[test]
fn header_values_with_extra_spaces() {
    let Some(server) = start() else { return };
    let bucket = virtual_hosted(&server, BUCKET);
    for (i, v) in ["two  spaces", "  leading", "trailing  ", " a   b  c "]
        .iter()
        .enumerate()
    {
        let key = format!("spaces/{i}.txt");
        let p = bucket
            .put_object(&key)
            .content_type("text/plain;  charset=utf-8")
            .metadata("v", *v)
            .presign(&creds(), now(), 300)
            .unwrap();
        assert_status(&send(&p, b"spaces"), 200, &format!("x-amz-meta-v: {v:?}"));
        assert_object(&bucket, &key, b"spaces");
    }
}

/// A signed Range header: the client must send it, and gets the range.
#[test]
fn signed_range_header() {
    let Some(server) = start() else { return };
    let bucket = path_style(&server, BUCKET);
    let body = bytes(1000, 7);
    put(&bucket, "range/data.bin", &body);
    let p = bucket
        .get_object("range/data.bin")
        .range("bytes=100-199")
        .presign(&creds(), now(), 300)
        .unwrap();
    assert_eq!(
        p.headers,
        [("range".to_string(), "bytes=100-199".to_string())]
    );
    let r = send(&p, b"");
    assert_status(&r, 206, "signed range");
    assert_eq!(r.body, &body[100..200]);
    assert_eq!(r.header("content-range"), Some("bytes 100-199/1000"));
    // Without the signed header, or with another range: refused.
    assert_refused(
        &send_as("GET", &p.url, &[], b""),
        "SignatureDoesNotMatch",
        "signed Range not sent",
    );
    assert_refused(
        &send_as("GET", &p.url, &[("range", "bytes=0-999")], b""),
        "SignatureDoesNotMatch",
        "another Range",
    );
}

// ---------------------------------------------------------------------------------------------
// Multipart
// ---------------------------------------------------------------------------------------------

const MIB: usize = 1024 * 1024;

fn create_upload(bucket: &Bucket, key: &str) -> String {
    let p = bucket
        .create_multipart_upload(key)
        .content_type("application/octet-stream")
        .metadata("kind", "multipart")
        .presign(&creds(), now(), 300)
        .unwrap();
    assert_eq!(p.method, "POST");
    assert!(
        p.url.contains("?uploads=&") || p.url.contains("&uploads=&") || p.url.contains("?uploads&"),
        "{}",
        p.url
    );
    let r = send(&p, b"");
    assert_status(&r, 200, "CreateMultipartUpload");
    let id = r
        .xml_tag("UploadId")
        .unwrap_or_else(|| panic!("no UploadId in {}", r.text()));
    assert!(!id.is_empty());
    id
}

fn upload_part(bucket: &Bucket, key: &str, upload_id: &str, n: u32, data: &[u8]) -> String {
    let p = bucket
        .upload_part(key, upload_id, n)
        .presign(&creds(), now(), 300)
        .unwrap();
    assert_eq!(p.method, "PUT");
    let r = send(&p, data);
    assert_status(&r, 200, &format!("UploadPart {n}"));
    r.header("etag")
        .unwrap_or_else(|| panic!("UploadPart {n}: no ETag in {:?}", r.headers))
        .to_string()
}

fn complete_xml(etags: &[String]) -> String {
    let mut xml =
        String::from("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
    for (i, etag) in etags.iter().enumerate() {
        xml.push_str(&format!(
            "<Part><PartNumber>{}</PartNumber><ETag>{etag}</ETag></Part>",
            i + 1
        ));
    }
    xml.push_str("</CompleteMultipartUpload>");
    xml
}

/// s3s-fs, like S3, refuses parts under 5 MiB except the last (EntityTooSmall at Complete), so
/// the parts are 5 MiB, 5 MiB and a small tail.
fn multipart_round_trip(bucket: &Bucket) {
    let key = "multipart/big file \u{fc}+1.bin";
    let sizes = [5 * MIB, 5 * MIB, 123_457];
    let parts: Vec<Vec<u8>> = sizes
        .iter()
        .enumerate()
        .map(|(i, &n)| bytes(n, i as u64 + 1))
        .collect();

    let upload_id = create_upload(bucket, key);
    let etags: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(i, data)| upload_part(bucket, key, &upload_id, i as u32 + 1, data))
        .collect();

    let p = bucket
        .list_parts(key, &upload_id)
        .presign(&creds(), now(), 300)
        .unwrap();
    let r = send(&p, b"");
    assert_status(&r, 200, "ListParts");
    let mut numbers = http::xml_tags(&r.text(), "PartNumber");
    numbers.sort();
    assert_eq!(numbers, ["1", "2", "3"], "{}", r.text());
    let mut listed_sizes: Vec<String> = http::xml_tags(&r.text(), "Size");
    listed_sizes.sort();
    let mut expected_sizes: Vec<String> = sizes.iter().map(|s| s.to_string()).collect();
    expected_sizes.sort();
    assert_eq!(listed_sizes, expected_sizes);

    let p = bucket
        .complete_multipart_upload(key, &upload_id)
        .presign(&creds(), now(), 300)
        .unwrap();
    assert_eq!(p.method, "POST");
    let r = send(&p, complete_xml(&etags).as_bytes());
    assert_status(&r, 200, "CompleteMultipartUpload");
    let etag = r
        .xml_tag("ETag")
        .unwrap_or_else(|| panic!("no ETag in {}", r.text()));
    assert!(
        xml_unescape(&etag).trim_matches('"').ends_with("-3"),
        "multipart ETag {etag}"
    );

    let r = get(bucket, key);
    assert_status(&r, 200, "GET of the completed upload");
    let whole: Vec<u8> = parts.concat();
    assert_eq!(r.body.len(), whole.len());
    assert!(
        r.body == whole,
        "the completed object differs from the parts"
    );
    assert_eq!(r.header("content-type"), Some("application/octet-stream"));
    assert_eq!(r.header("x-amz-meta-kind"), Some("multipart"));
}

#[test]
fn multipart_upload_path_style() {
    let Some(server) = start() else { return };
    multipart_round_trip(&path_style(&server, BUCKET));
}

#[test]
fn multipart_upload_virtual_hosted() {
    let Some(server) = start() else { return };
    multipart_round_trip(&virtual_hosted(&server, BUCKET));
}

/// Abort, and what s3s-fs enforces on part sizes.
#[test]
fn multipart_abort_and_small_parts() {
    let Some(server) = start() else { return };
    let bucket = path_style(&server, BUCKET);

    let key = "multipart/aborted.bin";
    let upload_id = create_upload(&bucket, key);
    upload_part(&bucket, key, &upload_id, 1, &bytes(1000, 9));
    let p = bucket
        .abort_multipart_upload(key, &upload_id)
        .presign(&creds(), now(), 300)
        .unwrap();
    assert_eq!(p.method, "DELETE");
    assert_status(&send(&p, b""), 204, "AbortMultipartUpload");
    // The upload is gone: a new part is refused (s3s-fs says 403 AccessDenied; S3 says 404
    // NoSuchUpload) and nothing was created.
    let p = bucket
        .upload_part(key, &upload_id, 2)
        .presign(&creds(), now(), 300)
        .unwrap();
    let r = send(&p, b"late part");
    assert!(
        r.status == 403 || r.status == 404,
        "UploadPart after abort: {}",
        describe(&r)
    );
    assert_status(&get(&bucket, key), 404, "GET of an aborted upload");

    // A first part under 5 MiB is refused when completing: EntityTooSmall (400), as on S3.
    let key = "multipart/too-small.bin";
    let upload_id = create_upload(&bucket, key);
    let etags = vec![
        upload_part(&bucket, key, &upload_id, 1, &bytes(1024, 1)),
        upload_part(&bucket, key, &upload_id, 2, &bytes(10, 2)),
    ];
    let p = bucket
        .complete_multipart_upload(key, &upload_id)
        .presign(&creds(), now(), 300)
        .unwrap();
    let r = send(&p, complete_xml(&etags).as_bytes());
    assert_eq!(
        (r.status, r.error_code().as_deref()),
        (400, Some("EntityTooSmall")),
        "{}",
        describe(&r)
    );
}

// ---------------------------------------------------------------------------------------------
// Negatives: each must be refused with 403. Every one has a control (the same URL, untouched,
// works) so that the 403 cannot come from something else, and targets an existing object so that
// a 404 cannot mask a missing check.
// ---------------------------------------------------------------------------------------------

/// s3s-fs: 403 SignatureDoesNotMatch.
#[test]
fn wrong_content_type_is_refused() {
    let Some(server) = start() else { return };
    let bucket = path_style(&server, BUCKET);
    let key = "neg/content-type.png";
    let p = bucket
        .put_object(key)
        .content_type("image/png")
        .presign(&creds(), now(), 300)
        .unwrap();
    assert_refused(
        &send_as("PUT", &p.url, &[("content-type", "text/plain")], b"png?"),
        "SignatureDoesNotMatch",
        "another Content-Type",
    );
    assert_refused(
        &send_as("PUT", &p.url, &[("content-type", "IMAGE/PNG")], b"png?"),
        "SignatureDoesNotMatch",
        "Content-Type in other case",
    );
    assert_refused(
        &send_as("PUT", &p.url, &[], b"png?"),
        "SignatureDoesNotMatch",
        "signed Content-Type not sent",
    );
    assert_status(&get(&bucket, key), 404, "nothing stored by refused PUTs");
    // Control.
    assert_status(&send(&p, b"png!"), 200, "the right Content-Type");
    let r = get(&bucket, key);
    assert_eq!(
        (r.status, r.body.as_slice(), r.header("content-type")),
        (200, &b"png!"[..], Some("image/png"))
    );
}

/// s3s-fs: 403 SignatureDoesNotMatch. It does not refuse an extra, unsigned x-amz-meta-* header
/// (S3 may: HeadersNotSigned), and stores it.
#[test]
fn missing_or_changed_signed_metadata_is_refused() {
    let Some(server) = start() else { return };
    let bucket = virtual_hosted(&server, BUCKET);
    let key = "neg/metadata.txt";
    let p = bucket
        .put_object(key)
        .metadata("owner", "alice")
        .metadata("tier", "gold")
        .presign(&creds(), now(), 300)
        .unwrap();
    let owner = ("x-amz-meta-owner", "alice");
    let tier = ("x-amz-meta-tier", "gold");
    assert_refused(
        &send_as("PUT", &p.url, &[tier], b"x"),
        "SignatureDoesNotMatch",
        "signed x-amz-meta-owner not sent",
    );
    assert_refused(
        &send_as("PUT", &p.url, &[owner], b"x"),
        "SignatureDoesNotMatch",
        "signed x-amz-meta-tier not sent",
    );
    assert_refused(
        &send_as("PUT", &p.url, &[], b"x"),
        "SignatureDoesNotMatch",
        "no signed metadata sent",
    );
    assert_refused(
        &send_as(
            "PUT",
            &p.url,
            &[("x-amz-meta-owner", "mallory"), tier],
            b"x",
        ),
        "SignatureDoesNotMatch",
        "x-amz-meta-owner changed",
    );
    assert_status(&get(&bucket, key), 404, "nothing stored by refused PUTs");
    // Control.
    assert_status(&send(&p, b"meta"), 200, "all signed metadata sent");
    let r = get(&bucket, key);
    assert_eq!(
        (
            r.status,
            r.header("x-amz-meta-owner"),
            r.header("x-amz-meta-tier")
        ),
        (200, Some("alice"), Some("gold"))
    );
    // Recorded behaviour: an unsigned extra x-amz-meta-* next to the signed ones is accepted.
    let r = send_as(
        "PUT",
        &p.url,
        &[owner, tier, ("x-amz-meta-extra", "unsigned")],
        b"meta2",
    );
    assert_status(&r, 200, "s3s-fs ignores unsigned x-amz-meta-* headers");
}

/// s3s-fs: 403 SignatureDoesNotMatch.
#[test]
fn tampered_signature_is_refused() {
    let Some(server) = start() else { return };
    let bucket = path_style(&server, BUCKET);
    let key = "neg/signature.txt";
    put(&bucket, key, b"signed");
    let p = bucket
        .get_object(key)
        .presign(&creds(), now(), 300)
        .unwrap();
    assert_status(&send(&p, b""), 200, "control");
    let sig = param(&p.url, "X-Amz-Signature").to_string();
    assert_eq!(sig.len(), 64);
    for i in [0, 31, 63] {
        let mut s = sig.clone().into_bytes();
        s[i] = if s[i] == b'0' { b'1' } else { b'0' };
        let url = with_param(&p.url, "X-Amz-Signature", std::str::from_utf8(&s).unwrap());
        assert_refused(
            &send_as("GET", &url, &[], b""),
            "SignatureDoesNotMatch",
            &format!("signature digit {i} flipped"),
        );
    }
    let r = send_as("GET", &without_param(&p.url, "X-Amz-Signature"), &[], b"");
    assert_eq!(r.status, 403, "no signature at all: {}", describe(&r));
}

/// s3s-fs: 403 SignatureDoesNotMatch for another key, another bucket, a `+` for a space.
#[test]
fn another_key_is_refused() {
    let Some(server) = start() else { return };
    let bucket = path_style(&server, BUCKET);
    let other = path_style(&server, OTHER_BUCKET);
    put(&bucket, "neg/a b.txt", b"a");
    put(&bucket, "neg/a+b.txt", b"plus");
    put(&bucket, "neg/other.txt", b"other");
    put(&other, "neg/a b.txt", b"other bucket");
    let p = bucket
        .get_object("neg/a b.txt")
        .presign(&creds(), now(), 300)
        .unwrap();
    assert_eq!(send(&p, b"").body, b"a", "control");
    let swap = |from: &str, to: &str| {
        assert!(p.url.contains(from), "{from} not in {}", p.url);
        p.url.replacen(from, to, 1)
    };
    let cases = [
        (swap("/neg/a%20b.txt", "/neg/other.txt"), "another key"),
        (
            swap("/neg/a%20b.txt", "/neg/a+b.txt"),
            "'+' for the space (another key)",
        ),
        (
            swap("/neg/a%20b.txt", "/neg/a%2Bb.txt"),
            "%2B for the space (another key)",
        ),
        (
            swap(&format!("/{BUCKET}/"), &format!("/{OTHER_BUCKET}/")),
            "another bucket",
        ),
    ];
    for (url, what) in &cases {
        assert_refused(
            &send_as("GET", url, &[], b""),
            "SignatureDoesNotMatch",
            what,
        );
    }
}

/// s3s-fs: 403 SignatureDoesNotMatch for every method but the signed one.
#[test]
fn another_method_is_refused() {
    let Some(server) = start() else { return };
    let bucket = virtual_hosted(&server, BUCKET);
    let key = "neg/method.txt";
    put(&bucket, key, b"original");
    let put_url = bucket
        .put_object(key)
        .presign(&creds(), now(), 300)
        .unwrap()
        .url;
    let get_url = bucket
        .get_object(key)
        .presign(&creds(), now(), 300)
        .unwrap()
        .url;
    assert_refused(
        &send_as("GET", &put_url, &[], b""),
        "SignatureDoesNotMatch",
        "PUT URL used with GET",
    );
    assert_refused(
        &send_as("DELETE", &put_url, &[], b""),
        "SignatureDoesNotMatch",
        "PUT URL used with DELETE",
    );
    assert_refused(
        &send_as("PUT", &get_url, &[], b"overwritten"),
        "SignatureDoesNotMatch",
        "GET URL used with PUT",
    );
    assert_refused(
        &send_as("DELETE", &get_url, &[], b""),
        "SignatureDoesNotMatch",
        "GET URL used with DELETE",
    );
    assert_refused(
        &send_as("POST", &get_url, &[], b""),
        "SignatureDoesNotMatch",
        "GET URL used with POST",
    );
    // HEAD answers have no body: only the status can be checked.
    assert_status(
        &send_as("HEAD", &get_url, &[], b""),
        403,
        "GET URL used with HEAD",
    );
    // The object is untouched, and the URL works with its own method.
    let r = send_as("GET", &get_url, &[], b"");
    assert_eq!(
        (r.status, r.body.as_slice()),
        (200, &b"original"[..]),
        "{}",
        describe(&r)
    );
}

/// s3s-fs: 403 AccessDenied "Request has expired" (it checks expiry before the signature).
#[test]
fn expired_url_is_refused() {
    let Some(server) = start() else { return };
    let bucket = path_style(&server, BUCKET);
    let key = "neg/expired.txt";
    put(&bucket, key, b"fresh");
    let p = bucket
        .get_object(key)
        .presign(&creds(), now_plus(-7200), 60)
        .unwrap();
    let r = send(&p, b"");
    assert_refused(&r, "AccessDenied", "signed 2 h ago, valid 60 s");
    assert_eq!(
        r.error_message().as_deref(),
        Some("Request has expired"),
        "{}",
        describe(&r)
    );
    let p = bucket
        .get_object(key)
        .presign(&creds(), now_plus(-120), 60)
        .unwrap();
    let r = send(&p, b"");
    assert_refused(&r, "AccessDenied", "signed 120 s ago, valid 60 s");
    // Control: signed in the past but still valid.
    assert_status(
        &send(
            &bucket
                .get_object(key)
                .presign(&creds(), now_plus(-600), 3600)
                .unwrap(),
            b"",
        ),
        200,
        "signed 10 min ago, valid 1 h",
    );
    // Stretching X-Amz-Expires to revive it breaks the signature.
    let p = bucket
        .get_object(key)
        .presign(&creds(), now_plus(-7200), 60)
        .unwrap();
    let r = send_as(
        "GET",
        &with_param(&p.url, "X-Amz-Expires", "86400"),
        &[],
        b"",
    );
    assert_refused(&r, "SignatureDoesNotMatch", "X-Amz-Expires stretched");
}

/// s3s-fs allows presigned URLs dated up to 15 min in the future; beyond, 403
/// RequestTimeTooSkewed (S3 says 403 AccessDenied "Request is not valid yet" there).
#[test]
fn url_from_the_future_is_refused() {
    let Some(server) = start() else { return };
    let bucket = path_style(&server, BUCKET);
    let key = "neg/skew.txt";
    put(&bucket, key, b"now");
    let p = bucket
        .get_object(key)
        .presign(&creds(), now_plus(3600), 3600)
        .unwrap();
    assert_refused(
        &send(&p, b""),
        "RequestTimeTooSkewed",
        "signed 1 h in the future",
    );
    // Within the tolerance it works.
    assert_status(
        &send(
            &bucket
                .get_object(key)
                .presign(&creds(), now_plus(300), 3600)
                .unwrap(),
            b"",
        ),
        200,
        "signed 5 min in the future",
    );
}

/// Unknown access key: s3s-fs 403 NotSignedUp (S3: 403 InvalidAccessKeyId). A wrong secret for
/// the right key: 403 SignatureDoesNotMatch.
#[test]
fn unknown_access_key_or_wrong_secret_is_refused() {
    let Some(server) = start() else { return };
    let bucket = path_style(&server, BUCKET);
    let key = "neg/credentials.txt";
    put(&bucket, key, b"secret");
    let stranger = Credentials::new("AKIDUNKNOWNKEY000000", s3s::SECRET_KEY).unwrap();
    let r = send(
        &bucket
            .get_object(key)
            .presign(&stranger, now(), 300)
            .unwrap(),
        b"",
    );
    assert_refused(&r, "NotSignedUp", "unknown access key");
    let wrong_secret =
        Credentials::new(s3s::ACCESS_KEY, "not-the-secret-key/0123456789abcdefghijk").unwrap();
    let r = send(
        &bucket
            .get_object(key)
            .presign(&wrong_secret, now(), 300)
            .unwrap(),
        b"",
    );
    assert_refused(&r, "SignatureDoesNotMatch", "wrong secret key");
    assert_status(&get(&bucket, key), 200, "control");
}

/// Query parameters are signed: changing, removing or adding one is 403 SignatureDoesNotMatch.
/// (s3s-fs does not apply response-content-type, so the control only checks the status.)
#[test]
fn tampered_query_is_refused() {
    let Some(server) = start() else { return };
    let bucket = virtual_hosted(&server, BUCKET);
    let key = "neg/query.txt";
    put(&bucket, key, b"query");
    let p = bucket
        .get_object(key)
        .response_content_type("text/plain")
        .presign(&creds(), now(), 300)
        .unwrap();
    assert!(
        p.url.contains("response-content-type=text%2Fplain"),
        "{}",
        p.url
    );
    let r = send(&p, b"");
    assert_eq!(
        (r.status, r.body.as_slice()),
        (200, &b"query"[..]),
        "control: {}",
        describe(&r)
    );
    let cases = [
        (
            with_param(&p.url, "response-content-type", "text%2Fhtml"),
            "response-content-type changed",
        ),
        (
            without_param(&p.url, "response-content-type"),
            "response-content-type removed",
        ),
        (
            format!("{}&response-content-disposition=attachment", p.url),
            "unsigned parameter added",
        ),
        (
            with_param(
                &p.url,
                "X-Amz-Date",
                &bump_amz_date(param(&p.url, "X-Amz-Date")),
            ),
            "X-Amz-Date moved by 1 s",
        ),
    ];
    for (url, what) in &cases {
        assert_refused(
            &send_as("GET", url, &[], b""),
            "SignatureDoesNotMatch",
            what,
        );
    }
}

/// `YYYYMMDDTHHMMSSZ` plus one second (without carrying past the minute, which is enough here).
fn bump_amz_date(d: &str) -> String {
    let secs: u32 = d[13..15].parse().unwrap();
    format!("{}{:02}Z", &d[..13], (secs + 1) % 60)
}

/// The Host is signed: the same path-style URL sent with `Host: localhost:PORT` (also a valid
/// s3s-fs domain), or the virtual-hosted one with `Host: bucket.127.0.0.1:PORT`, is 403
/// SignatureDoesNotMatch.
#[test]
fn another_host_is_refused() {
    let Some(server) = start() else { return };
    let path = path_style(&server, BUCKET);
    let vhost = virtual_hosted(&server, BUCKET);
    let key = "neg/host.txt";
    put(&path, key, b"host");

    let p = path.get_object(key).presign(&creds(), now(), 300).unwrap();
    let (host, path_and_query) = http::split_url(&p.url);
    assert_eq!(host, server.host());
    assert_status(
        &http::request("GET", host, path_and_query, &[], b""),
        200,
        "control (path-style)",
    );
    let r = http::request(
        "GET",
        &format!("localhost:{}", server.port()),
        path_and_query,
        &[],
        b"",
    );
    assert_refused(
        &r,
        "SignatureDoesNotMatch",
        "path-style URL with Host localhost:PORT",
    );

    let p = vhost.get_object(key).presign(&creds(), now(), 300).unwrap();
    let (host, path_and_query) = http::split_url(&p.url);
    assert_eq!(host, format!("{BUCKET}.localhost:{}", server.port()));
    assert_status(
        &http::request("GET", host, path_and_query, &[], b""),
        200,
        "control (virtual-hosted)",
    );
    let r = http::request(
        "GET",
        &format!("{BUCKET}.127.0.0.1:{}", server.port()),
        path_and_query,
        &[],
        b"",
    );
    assert_refused(
        &r,
        "SignatureDoesNotMatch",
        "virtual-hosted URL with Host bucket.127.0.0.1:PORT",
    );
}

// ---------------------------------------------------------------------------------------------
// Header signing (issue 13.3)
// ---------------------------------------------------------------------------------------------

/// Signs `method` `path` on the server with an `Authorization` header and the default
/// parameters for service `s3`, sends it, and checks our verifier accepts it as received.
fn header_signed(
    server: &S3sServer,
    method: &str,
    path: &str,
    body: &[u8],
    content_sha256: Option<bool>,
) -> Response {
    use presign::sigv4::{self, Payload, SigningParams};
    use presign::verify::{Request, Verifier};
    let creds = creds();
    let host = server.host();
    let request = sigv4::Request::new(method, &host, path)
        .scheme("http")
        .payload(Payload::Bytes(body));
    let time = now();
    let mut params = SigningParams::new(&creds, "us-east-1", "s3", time);
    if let Some(on) = content_sha256 {
        params.content_sha256_header = on;
    }
    let signed = sigv4::sign(&request, &params).unwrap();
    let headers: Vec<(&str, &str)> = signed
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    if content_sha256.is_none() {
        // The default for S3, as every SDK does: the payload hash, signed.
        let hash = headers
            .iter()
            .find(|(n, _)| *n == "x-amz-content-sha256")
            .map(|(_, v)| *v)
            .expect("x-amz-content-sha256 sent by default for s3");
        assert_eq!(hash.len(), 64);
        let received = Request::new(method, &host, path, "").headers(headers.iter().copied());
        let lookup =
            |akid: &str, _: Option<&str>| (akid == s3s::ACCESS_KEY).then_some(s3s::SECRET_KEY);
        let ok = Verifier::new(time)
            .service("s3")
            .verify(&received, lookup)
            .unwrap_or_else(|e| panic!("our verifier refuses it: {e}"));
        assert!(ok
            .signed_headers
            .contains(&"x-amz-content-sha256".to_string()));
        assert_eq!(ok.payload_hash, hash);
    }
    http::send_url(method, &signed.url, &headers, body)
}

/// `sigv4::sign` with default parameters for S3 makes requests S3 accepts: the signed
/// `x-amz-content-sha256` is there unless asked off (then s3s-fs, like S3, refuses with 400).
#[test]
fn header_signed_requests_with_default_params_are_accepted() {
    let Some(server) = start() else { return };
    let body = bytes(3000, 13);
    let path = format!("/{BUCKET}/header-signed/data.bin");
    let r = header_signed(&server, "PUT", &path, &body, None);
    assert_status(&r, 200, "header-signed PUT, default parameters");
    let r = header_signed(&server, "GET", &path, b"", None);
    assert_status(&r, 200, "header-signed GET, default parameters");
    assert_eq!(r.body, body);
    // Without the header (what the default used to be): refused before anything is stored.
    let other = format!("/{BUCKET}/header-signed/without.bin");
    let r = header_signed(&server, "PUT", &other, &body, Some(false));
    assert_eq!(
        r.status,
        400,
        "without x-amz-content-sha256: {}",
        describe(&r)
    );
    let r = header_signed(&server, "GET", &other, b"", None);
    assert_eq!(r.status, 404, "nothing stored: {}", describe(&r));
}
