//! S3 presigning: keys exactly as S3 wants them, addressing, and the header contract. Each test
//! names the pitfall of `../shared/pitfalls.md` it guards against.

use presign::s3::{AddressingStyle, Bucket, Endpoint, Method, Presigner};
use presign::{Credentials, Timestamp};

fn creds() -> Credentials {
    Credentials::new(
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    )
    .unwrap()
}

fn t0() -> Timestamp {
    Timestamp::parse_rfc3339("2013-05-24T00:00:00Z").unwrap()
}

fn path_of(url: &str) -> &str {
    let rest = url.split_once("://").unwrap().1;
    let rest = &rest[rest.find('/').unwrap()..];
    rest.split_once('?').map_or(rest, |(p, _)| p)
}

fn key_url(key: &str) -> String {
    let b = Bucket::new(Endpoint::aws("us-west-2").unwrap(), "bkt").unwrap();
    b.get_object(key).presign(&creds(), t0(), 60).unwrap().url
}

#[test]
fn pitfall5_space_and_plus_in_keys() {
    assert_eq!(path_of(&key_url("a b+c")), "/a%20b%2Bc");
}

#[test]
fn pitfall6_reserved_characters_are_encoded_once() {
    assert_eq!(
        path_of(&key_url("!*'()?#:@&=$,;{}^[]`\"<>|\\%")),
        "/%21%2A%27%28%29%3F%23%3A%40%26%3D%24%2C%3B%7B%7D%5E%5B%5D%60%22%3C%3E%7C%5C%25"
    );
    // A key that looks encoded is encoded again: S3 keys are never decoded by the presigner.
    assert_eq!(path_of(&key_url("a%20b%2Fc")), "/a%2520b%252Fc");
    assert_eq!(
        path_of(&key_url("tilde~dash-dot.under_")),
        "/tilde~dash-dot.under_"
    );
}

#[test]
fn pitfall7_unicode_keys_keep_their_normal_form() {
    assert_eq!(path_of(&key_url("é")), "/%C3%A9"); // NFC
    assert_eq!(path_of(&key_url("e\u{301}")), "/e%CC%81"); // NFD stays NFD
    assert_eq!(path_of(&key_url("😀/ሴ")), "/%F0%9F%98%80/%E1%88%B4");
}

#[test]
fn pitfall8_dot_segments_and_slashes_are_never_normalized() {
    for (key, path) in [
        ("a/../b.txt", "/a/../b.txt"),
        ("..", "/.."),
        ("./x", "/./x"),
        ("a//b", "/a//b"),
        ("/leading", "//leading"),
        ("trailing. ", "/trailing.%20"),
        ("dir/", "/dir/"),
    ] {
        assert_eq!(path_of(&key_url(key)), path, "{key}");
    }
    let b = Bucket::new(
        Endpoint::aws("us-west-2")
            .unwrap()
            .addressing(AddressingStyle::Path),
        "bkt",
    )
    .unwrap();
    let url = b
        .get_object("/leading/../x")
        .presign(&creds(), t0(), 60)
        .unwrap()
        .url;
    assert_eq!(
        path_of(&url),
        "/bkt//leading/../x",
        "path-style keeps the key inside the bucket"
    );
}

#[test]
fn key_of_exactly_1024_bytes() {
    let key = "k".repeat(1020) + "😀";
    assert_eq!(key.len(), 1024);
    assert!(key_url(&key).contains("%F0%9F%98%80?"));
}

#[test]
fn pitfall9_region_is_in_host_and_scope() {
    let b = Bucket::new(Endpoint::aws("ap-south-2").unwrap(), "bkt").unwrap();
    let url = b.get_object("k").presign(&creds(), t0(), 60).unwrap().url;
    assert!(
        url.starts_with("https://bkt.s3.ap-south-2.amazonaws.com/k?"),
        "{url}"
    );
    assert!(url.contains("%2Fap-south-2%2Fs3%2Faws4_request"));
}

#[test]
fn pitfall12_default_ports_dropped_others_kept() {
    let p = |e: &str| {
        let b = Bucket::new(
            Endpoint::custom(e, "us-east-1")
                .unwrap()
                .addressing(AddressingStyle::Path),
            "bkt",
        )
        .unwrap();
        b.get_object("k")
            .presign_with_details(&creds(), t0(), 60)
            .unwrap()
    };
    let (url, d) = p("https://minio.example.com:443");
    assert!(url.url.starts_with("https://minio.example.com/bkt/k?"));
    assert!(d.canonical_request.contains("\nhost:minio.example.com\n"));
    let (url, d) = p("http://127.0.0.1:9000");
    assert!(url.url.starts_with("http://127.0.0.1:9000/bkt/k?"));
    assert!(d.canonical_request.contains("\nhost:127.0.0.1:9000\n"));
}

#[test]
fn pitfall13_the_method_is_signed_and_returned() {
    let b = Bucket::new(Endpoint::aws("us-west-2").unwrap(), "bkt").unwrap();
    let put = b.put_object("k").presign(&creds(), t0(), 60).unwrap();
    let get = b.get_object("k").presign(&creds(), t0(), 60).unwrap();
    let head = b.head_object("k").presign(&creds(), t0(), 60).unwrap();
    assert_eq!(
        (
            put.method.as_str(),
            get.method.as_str(),
            head.method.as_str()
        ),
        ("PUT", "GET", "HEAD")
    );
    let sig = |u: &str| u.rsplit_once('=').unwrap().1.to_string();
    assert_ne!(sig(&put.url), sig(&get.url));
    assert_ne!(sig(&get.url), sig(&head.url), "HEAD is not GET");
}

#[test]
fn pitfall14_session_token_is_encoded_and_signed() {
    let c = creds().with_session_token("AQo/Db+x==").unwrap();
    let b = Bucket::new(Endpoint::aws("us-west-2").unwrap(), "bkt").unwrap();
    let (p, d) = b
        .get_object("k")
        .presign_with_details(&c, t0(), 60)
        .unwrap();
    assert!(
        p.url.contains(
            "&X-Amz-SignedHeaders=host&X-Amz-Security-Token=AQo%2FDb%2Bx%3D%3D&X-Amz-Signature="
        ),
        "{}",
        p.url
    );
    assert!(d
        .canonical_request
        .contains("X-Amz-Security-Token=AQo%2FDb%2Bx%3D%3D&X-Amz-SignedHeaders=host"));
}

#[test]
fn pitfall1_the_header_contract() {
    let b = Bucket::new(Endpoint::aws("us-west-2").unwrap(), "bkt").unwrap();
    let (p, d) = b
        .put_object("upload.bin")
        .content_type("application/octet-stream")
        .metadata("Owner", "alice")
        .acl("private")
        .server_side_encryption("aws:kms")
        .sse_kms_key_id("arn:aws:kms:us-west-2:111122223333:key/abc")
        .storage_class("STANDARD_IA")
        .tagging("a=1&b=2")
        .checksum("SHA256", "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=")
        .presign_with_details(&creds(), t0(), 300)
        .unwrap();
    let names: Vec<&str> = p.headers.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "content-type",
            "x-amz-meta-owner",
            "x-amz-acl",
            "x-amz-server-side-encryption",
            "x-amz-server-side-encryption-aws-kms-key-id",
            "x-amz-storage-class",
            "x-amz-tagging",
            "x-amz-checksum-sha256"
        ]
    );
    // pitfall 2: nothing is hoisted into the query; everything is a signed header.
    assert!(p.url.contains("X-Amz-SignedHeaders=content-type%3Bhost%3Bx-amz-acl%3Bx-amz-checksum-sha256%3Bx-amz-meta-owner%3Bx-amz-server-side-encryption%3Bx-amz-server-side-encryption-aws-kms-key-id%3Bx-amz-storage-class%3Bx-amz-tagging&"));
    assert!(!p.url.contains("x-amz-acl="));
    assert!(d.canonical_request.contains("\nx-amz-tagging:a=1&b=2\n"));
    assert_eq!(p.expires_at.unix() - p.signed_at.unix(), 300);
    // pitfall 3: no checksum or SDK headers are added behind the caller's back.
    let plain = b.put_object("k").presign(&creds(), t0(), 60).unwrap();
    assert!(plain.headers.is_empty());
    assert!(plain.url.contains("X-Amz-SignedHeaders=host&"));
}

#[test]
fn get_object_overrides_and_range() {
    let b = Bucket::new(Endpoint::aws("us-west-2").unwrap(), "bkt").unwrap();
    let p = b
        .get_object("k")
        .version_id("v1")
        .response_content_type("text/plain")
        .response_content_disposition("attachment; filename=\"a b.txt\"")
        .response_cache_control("no-cache")
        .response_content_encoding("gzip")
        .response_content_language("fr")
        .response_expires("Thu, 01 Dec 1994 16:00:00 GMT")
        .range("bytes=0-9")
        .presign(&creds(), t0(), 60)
        .unwrap();
    assert!(p.url.starts_with("https://bkt.s3.us-west-2.amazonaws.com/k?versionId=v1&response-content-type=text%2Fplain&response-content-disposition=attachment%3B%20filename%3D%22a%20b.txt%22&response-cache-control=no-cache&response-content-encoding=gzip&response-content-language=fr&response-expires=Thu%2C%2001%20Dec%201994%2016%3A00%3A00%20GMT&X-Amz-Algorithm="), "{}", p.url);
    assert_eq!(p.headers, [("range".to_string(), "bytes=0-9".to_string())]);
}

#[test]
fn multipart_and_listing_operations() {
    let b = Bucket::new(Endpoint::aws("us-west-2").unwrap(), "bkt").unwrap();
    let c = creds();
    let cases = [
        (b.create_multipart_upload("big"), "POST", "/big?uploads=&"),
        (
            b.upload_part("big", "up/+=", 7),
            "PUT",
            "/big?partNumber=7&uploadId=up%2F%2B%3D&",
        ),
        (
            b.complete_multipart_upload("big", "u1"),
            "POST",
            "/big?uploadId=u1&",
        ),
        (
            b.abort_multipart_upload("big", "u1"),
            "DELETE",
            "/big?uploadId=u1&",
        ),
        (b.list_parts("big", "u1"), "GET", "/big?uploadId=u1&"),
        (
            b.list_objects_v2()
                .prefix("photos/")
                .delimiter("/")
                .max_keys(10),
            "GET",
            "/?list-type=2&prefix=photos%2F&delimiter=%2F&max-keys=10&",
        ),
        (
            b.delete_object("k").version_id("v"),
            "DELETE",
            "/k?versionId=v&",
        ),
        (
            b.request(Method::Get, None).query("tagging", ""),
            "GET",
            "/?tagging=&",
        ),
    ];
    for (req, method, path_query) in cases {
        let p = req.presign(&c, t0(), 60).unwrap();
        assert_eq!(p.method, method);
        assert!(
            p.url.starts_with(&format!(
                "https://bkt.s3.us-west-2.amazonaws.com{path_query}X-Amz-Algorithm="
            )),
            "{}",
            p.url
        );
    }
    let path_style = Bucket::new(
        Endpoint::aws("us-west-2")
            .unwrap()
            .addressing(AddressingStyle::Path),
        "bkt",
    )
    .unwrap();
    let p = path_style.list_objects_v2().presign(&c, t0(), 60).unwrap();
    assert!(
        p.url
            .starts_with("https://s3.us-west-2.amazonaws.com/bkt?list-type=2&"),
        "{}",
        p.url
    );
}

#[test]
fn presigner_reuses_the_day_key_and_matches_one_shot() {
    let b = Bucket::new(Endpoint::aws("us-west-2").unwrap(), "bkt").unwrap();
    let mut p = Presigner::new(creds());
    let mut url = String::new();
    for (i, t) in [
        t0(),
        t0().add_seconds(86_399).unwrap(),
        t0().add_seconds(86_400).unwrap(),
    ]
    .into_iter()
    .enumerate()
    {
        let key = format!("k{i}");
        let req = b.get_object(&key);
        let v = p.presign_into(&mut url, &req, t, 60).unwrap();
        assert_eq!(v.expires_at, t.add_seconds(60).unwrap());
        assert_eq!(
            url,
            req.presign(&creds(), t, 60).unwrap().url,
            "day boundary handled"
        );
    }
}

#[test]
fn presigner_moves_its_string_to_sign_state_to_each_new_second() {
    // The presigner keeps the string to sign's HMAC state of the last second it signed in; any
    // other second (earlier ones too; 0 and 1 included) must refresh it. Same second: reused.
    let b = Bucket::new(Endpoint::aws("us-west-2").unwrap(), "bkt").unwrap();
    let mut p = Presigner::new(creds());
    let mut url = String::new();
    for s in [5, 0, 1, 1, 5] {
        let t = Timestamp::from_unix(s).unwrap();
        let req = b.get_object("k");
        p.presign_into(&mut url, &req, t, 60).unwrap();
        assert_eq!(url, req.presign(&creds(), t, 60).unwrap().url, "second {s}");
    }
}

#[test]
fn endpoints_across_partitions() {
    let host = |e: Endpoint, b: &str| Bucket::new(e, b).unwrap().host().to_string();
    assert_eq!(
        host(Endpoint::aws("cn-northwest-1").unwrap(), "bkt"),
        "bkt.s3.cn-northwest-1.amazonaws.com.cn"
    );
    assert_eq!(
        host(Endpoint::aws("us-gov-east-1").unwrap().fips(true), "bkt"),
        "bkt.s3-fips.us-gov-east-1.amazonaws.com"
    );
    assert_eq!(
        host(
            Endpoint::aws("eu-west-1")
                .unwrap()
                .dualstack(true)
                .fips(true),
            "bkt"
        ),
        "bkt.s3-fips.dualstack.eu-west-1.amazonaws.com"
    );
    assert_eq!(
        host(
            Endpoint::aws("eu-west-1")
                .unwrap()
                .accelerate(true)
                .dualstack(true),
            "bkt"
        ),
        "bkt.s3-accelerate.dualstack.amazonaws.com"
    );
    assert_eq!(
        host(Endpoint::aws("us-east-1").unwrap(), "my.bucket"),
        "s3.us-east-1.amazonaws.com"
    );
    assert_eq!(
        host(
            Endpoint::aws("us-east-1")
                .unwrap()
                .legacy_global_endpoint(true),
            "bkt"
        ),
        "bkt.s3.amazonaws.com"
    );
    // Object Lambda and other signing names.
    let e = Endpoint::custom(
        "https://my-olap-111122223333.s3-object-lambda.us-west-2.amazonaws.com",
        "us-west-2",
    )
    .unwrap()
    .signing_name("s3-object-lambda")
    .unwrap();
    let b = Bucket::new(e.addressing(AddressingStyle::Path), "bkt").unwrap();
    let url = b.get_object("k").presign(&creds(), t0(), 60).unwrap().url;
    assert!(
        url.contains("%2Fus-west-2%2Fs3-object-lambda%2Faws4_request"),
        "{url}"
    );
}
