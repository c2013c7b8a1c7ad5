use super::*;
use crate::signing::ScopedKey;
use crate::sigv4::{Request, SigningParams};
use crate::Credentials;
use crate::Timestamp;
use alloc::vec::Vec;

fn example_signer(upload: &ChunkedUpload, seed: &str) -> ChunkSigner {
    let creds = Credentials::new(
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    )
    .unwrap();
    let t = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z").unwrap();
    let key = ScopedKey::new(&creds, t, "us-east-1", "s3").unwrap();
    ChunkSigner::with_key(upload, key, t, seed).unwrap()
}

#[test]
fn encoded_lengths() {
    // s3-vectors.md §4: 66560 bytes in 64 KiB chunks are sent as 66824.
    assert_eq!(
        ChunkedUpload::signed(66560, 65536)
            .unwrap()
            .content_length(),
        66824
    );
    // The zero-size chunk alone: `0;chunk-signature=<64>\r\n\r\n`.
    assert_eq!(
        ChunkedUpload::signed(0, 65536).unwrap().content_length(),
        86
    );
    // Unsigned: `2000\r\n<8192>\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n`.
    let u = ChunkedUpload::unsigned_with_trailer(8192, 8192, Checksum::Crc32).unwrap();
    assert_eq!(
        u.content_length(),
        4 + 2 + 8192 + 2 + 3 + 20 + 1 + 8 + 2 + 2
    );
    assert!(ChunkedUpload::signed(1, 8191).is_err());
    assert!(ChunkedUpload::signed(u64::MAX, 8192).is_err());
    assert_eq!(
        (hex_len(0), hex_len(15), hex_len(16), hex_len(u64::MAX)),
        (1, 1, 2, 16)
    );
}

#[test]
fn chunk_sizes_are_enforced() {
    let upload = ChunkedUpload::signed(10000, 8192).unwrap();
    let mut s = example_signer(&upload, &"0".repeat(64));
    assert!(s.finish().is_err(), "chunks missing");
    let mut s = example_signer(&upload, &"0".repeat(64));
    assert!(s.chunk(&[0; 100]).is_err(), "short first chunk");
    assert!(s.chunk(&[]).is_err());
    s.chunk(&[0; 8192]).unwrap();
    assert!(s.chunk(&[0; 8192]).is_err(), "longer than what is left");
    s.chunk(&[0; 1808]).unwrap();
    assert_eq!(s.remaining(), 0);
    assert!(
        s.finish_with_trailer("AAAAAA==").is_err(),
        "no trailer announced"
    );
    s.finish().unwrap();
    assert!(s.finish().is_err());
    assert!(s.chunk(&[0; 1]).is_err());
}

#[test]
fn seed_signature_shape() {
    let upload = ChunkedUpload::signed(0, 8192).unwrap();
    let creds = Credentials::new("AKID", "secret").unwrap();
    let t = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z").unwrap();
    let key = ScopedKey::new(&creds, t, "us-east-1", "s3").unwrap();
    for bad in ["", "ABCDEF", &"A".repeat(64), &"0".repeat(63)] {
        assert!(ChunkSigner::with_key(&upload, key.clone(), t, bad).is_err());
    }
    let next_day = t.add_seconds(86_400).unwrap();
    assert!(ChunkSigner::with_key(&upload, key, next_day, &"0".repeat(64)).is_err());
}

#[test]
fn trailer_example_from_the_s3_documentation() {
    // AWS S3 "sigv4-streaming-trailers" example (also s3s's aws_chunked_stream test): seed
    // 106e2a8a..., 65536 + 1024 bytes of 'a', a crc32c trailer.
    let upload = ChunkedUpload::signed_with_trailer(66560, 65536, Checksum::Crc32c).unwrap();
    let mut s = example_signer(
        &upload,
        "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e",
    );
    let c1 = s.chunk(&[b'a'; 65536]).unwrap();
    assert_eq!(
        c1.as_str(),
        "10000;chunk-signature=b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2\r\n"
    );
    let c2 = s.chunk(&[b'a'; 1024]).unwrap();
    assert_eq!(
        c2.signature(),
        Some("1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7")
    );
    let end = s.finish_with_trailer("sOO8/Q==").unwrap();
    assert_eq!(
        end,
        "0;chunk-signature=2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992\r\n\
         x-amz-checksum-crc32c:sOO8/Q==\r\n\
         x-amz-trailer-signature:d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435\r\n\r\n"
    );
    assert!(s.finish_with_trailer("sOO8/Q==").is_err());
}

#[test]
fn trailer_values_are_checked() {
    let upload = ChunkedUpload::signed_with_trailer(0, 8192, Checksum::Sha256).unwrap();
    let mut s = example_signer(&upload, &"0".repeat(64));
    assert!(s.finish().is_err(), "a trailer was announced");
    assert!(
        s.finish_with_trailer("sOO8/Q==").is_err(),
        "sha256 is 44 characters"
    );
    assert!(s.finish_with_trailer(&"*".repeat(44)).is_err());
    let value = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
    let end = s.finish_with_trailer(value).unwrap();
    assert_eq!(end.len() as u64, upload.content_length());
    assert!(
        end.contains("\r\nx-amz-checksum-sha256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\r\n")
    );
}

#[test]
fn the_aws_chunked_headers_are_the_signers() {
    let creds = Credentials::new("AKID", "secret").unwrap();
    let t = Timestamp::parse_rfc3339("2013-05-24T00:00:00Z").unwrap();
    let params = SigningParams::new(&creds, "us-east-1", "s3", t);
    let upload = ChunkedUpload::signed_with_trailer(10, 8192, Checksum::Crc32).unwrap();
    for name in [
        "Content-Encoding",
        "content-length",
        "x-amz-decoded-content-length",
        "X-Amz-Trailer",
        "x-amz-content-sha256",
    ] {
        let req = Request::new("PUT", "s3.amazonaws.com", "/b/k").header(name, "1");
        assert!(
            matches!(
                upload.sign(&req, &params),
                Err(Error::ReservedHeader { .. })
            ),
            "{name}"
        );
    }
    let (signed, _) = upload
        .sign(&Request::new("PUT", "s3.amazonaws.com", "/b/k"), &params)
        .unwrap();
    let names: Vec<&str> = signed.headers.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "content-encoding",
            "content-length",
            "x-amz-decoded-content-length",
            "x-amz-trailer",
            "x-amz-date",
            "x-amz-content-sha256",
            "authorization"
        ]
    );
}
