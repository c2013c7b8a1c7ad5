use super::bucket::Bucket;
use super::bucket_name::validate_bucket_name;
use super::endpoint::{AddressingStyle, Endpoint};
use super::request::S3Request;
use crate::Error;
use alloc::format;
use alloc::string::String;

fn host_path(e: Endpoint, b: &str) -> (String, String) {
    let b = Bucket::new(e, b).unwrap();
    (String::from(b.origin()), String::from(b.path_prefix()))
}

#[test]
fn aws_hosts() {
    let e = || Endpoint::aws("us-west-2").unwrap();
    assert_eq!(
        host_path(e(), "my-bucket"),
        (
            "https://my-bucket.s3.us-west-2.amazonaws.com".into(),
            "".into()
        )
    );
    assert_eq!(
        host_path(e(), "my.bucket"),
        (
            "https://s3.us-west-2.amazonaws.com".into(),
            "/my.bucket".into()
        )
    );
    assert_eq!(
        host_path(e(), "MyBucket"),
        (
            "https://s3.us-west-2.amazonaws.com".into(),
            "/MyBucket".into()
        )
    );
    assert_eq!(
        host_path(e().addressing(AddressingStyle::Path), "b12"),
        ("https://s3.us-west-2.amazonaws.com".into(), "/b12".into())
    );
    assert_eq!(
        host_path(e().dualstack(true), "b12").0,
        "https://b12.s3.dualstack.us-west-2.amazonaws.com"
    );
    assert_eq!(
        host_path(e().fips(true), "b12").0,
        "https://b12.s3-fips.us-west-2.amazonaws.com"
    );
    assert_eq!(
        host_path(e().accelerate(true), "b12").0,
        "https://b12.s3-accelerate.amazonaws.com"
    );
    assert_eq!(
        host_path(Endpoint::aws("cn-north-1").unwrap(), "b12").0,
        "https://b12.s3.cn-north-1.amazonaws.com.cn"
    );
    assert_eq!(
        host_path(Endpoint::aws("us-gov-west-1").unwrap(), "b12").0,
        "https://b12.s3.us-gov-west-1.amazonaws.com"
    );
    // The other partitions' domains, as botocore 1.43.11 gives them.
    for (region, host) in [
        ("us-iso-east-1", "b12.s3.us-iso-east-1.c2s.ic.gov"),
        ("us-isob-east-1", "b12.s3.us-isob-east-1.sc2s.sgov.gov"),
        ("us-isof-south-1", "b12.s3.us-isof-south-1.csp.hci.ic.gov"),
        ("eu-isoe-west-1", "b12.s3.eu-isoe-west-1.cloud.adc-e.uk"),
        ("eusc-de-east-1", "b12.s3.eusc-de-east-1.amazonaws.eu"),
    ] {
        assert_eq!(
            host_path(Endpoint::aws(region).unwrap(), "b12").0,
            format!("https://{host}")
        );
    }
    assert_eq!(
        host_path(
            Endpoint::aws("us-isob-east-1")
                .unwrap()
                .fips(true)
                .dualstack(true),
            "b12"
        )
        .0,
        "https://b12.s3-fips.dualstack.us-isob-east-1.sc2s.sgov.gov"
    );
    for (region, partition) in [
        ("eu-west-1", "aws"),
        ("cn-north-1", "aws-cn"),
        ("us-gov-east-1", "aws-us-gov"),
    ] {
        assert_eq!(Endpoint::aws(region).unwrap().partition(), Some(partition));
    }
    let custom = Endpoint::custom("http://127.0.0.1:9000", "us-east-1").unwrap();
    assert_eq!(custom.partition(), None);
    let g = Endpoint::aws("us-east-1")
        .unwrap()
        .legacy_global_endpoint(true);
    assert_eq!(
        host_path(g, "examplebucket").0,
        "https://examplebucket.s3.amazonaws.com"
    );
    let r = Endpoint::aws("us-east-1").unwrap();
    assert_eq!(
        host_path(r, "examplebucket").0,
        "https://examplebucket.s3.us-east-1.amazonaws.com"
    );
}

#[test]
fn custom_endpoints_and_ports() {
    let b = Bucket::new(
        Endpoint::custom("http://127.0.0.1:9000", "us-east-1").unwrap(),
        "bkt",
    )
    .unwrap();
    assert_eq!(
        (b.origin(), b.host(), b.path_prefix()),
        ("http://127.0.0.1:9000", "127.0.0.1:9000", "/bkt")
    );
    let b = Bucket::new(
        Endpoint::custom("http://localhost:9000/", "us-east-1").unwrap(),
        "bkt",
    )
    .unwrap();
    assert_eq!(b.path_prefix(), "/bkt");
    let b = Bucket::new(
        Endpoint::custom("http://localhost:9000", "us-east-1")
            .unwrap()
            .addressing(AddressingStyle::VirtualHosted),
        "bkt",
    )
    .unwrap();
    assert_eq!(b.host(), "bkt.localhost:9000");
    let b = Bucket::new(
        Endpoint::custom("https://minio.example.com:443", "us-east-1").unwrap(),
        "bkt",
    )
    .unwrap();
    assert_eq!(b.host(), "bkt.minio.example.com");
    let b = Bucket::new(
        Endpoint::custom("http://s3.local.test:80", "us-east-1").unwrap(),
        "bkt",
    )
    .unwrap();
    assert_eq!(b.origin(), "http://bkt.s3.local.test");
    let b = Bucket::new(
        Endpoint::custom("https://r2.example.com:8443", "auto-region").unwrap(),
        "bkt",
    )
    .unwrap();
    assert_eq!(b.host(), "bkt.r2.example.com:8443");
    let b = Bucket::new(
        Endpoint::custom("http://[::1]:9000", "us-east-1").unwrap(),
        "bkt",
    )
    .unwrap();
    assert_eq!((b.host(), b.path_prefix()), ("[::1]:9000", "/bkt"));
    for bad in [
        "ftp://h",
        "h:9000",
        "http://h/path",
        "http://u@h",
        "http://h:0",
        "http://h:99999",
        "http://h:x",
        "http://",
        "http://h?x",
    ] {
        assert!(
            matches!(
                Endpoint::custom(bad, "us-east-1"),
                Err(Error::InvalidEndpoint { .. })
            ),
            "{bad}"
        );
    }
}

#[test]
fn bucket_rules_are_quoted() {
    let cases = [
        ("ab", "between 3 and 63"),
        ("a b c", "only of lowercase letters"),
        ("a/b", "only of lowercase letters"),
        ("-abc", "begin and end"),
        ("abc.", "begin and end"),
        ("a..b", "two adjacent periods"),
        ("192.168.5.4", "IP address"),
    ];
    for (name, rule) in cases {
        match validate_bucket_name(name) {
            Err(e @ Error::InvalidBucketName { .. }) => {
                assert!(alloc::format!("{e}").contains(rule), "{name}: {e}")
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    // Legacy (us-east-1) names reach 255 characters; one more is refused.
    assert!(validate_bucket_name(&"a".repeat(255)).is_ok());
    assert!(validate_bucket_name(&"a".repeat(256)).is_err());
}

#[test]
fn accessors_give_back_what_was_given() {
    for style in [
        AddressingStyle::Auto,
        AddressingStyle::Path,
        AddressingStyle::VirtualHosted,
    ] {
        let e = Endpoint::aws("eu-west-1").unwrap().addressing(style);
        assert_eq!(e.addressing_style(), style);
    }
    let b = Bucket::new(Endpoint::aws("eu-west-1").unwrap(), "my-bucket").unwrap();
    assert_eq!(b.name(), "my-bucket");
    assert_eq!(b.endpoint().region(), "eu-west-1");
    let get = b.get_object("photos/a.png");
    assert_eq!(get.key(), Some("photos/a.png"));
    assert_eq!(get.method(), super::method::Method::Get);
    assert_eq!(get.bucket().name(), "my-bucket");
    assert_eq!(b.list_objects_v2().key(), None);
    let put = b
        .put_object("k")
        .content_type("image/png")
        .query("x-id", "PutObject");
    let headers: alloc::vec::Vec<(&str, &str)> = put.headers().collect();
    assert_eq!(headers, [("content-type", "image/png")]);
    let query: alloc::vec::Vec<(&str, &str)> = put.query_params().collect();
    assert_eq!(query, [("x-id", "PutObject")]);
}

#[test]
fn requests_and_buckets_are_send_and_sync() {
    // A presigner shared by a server's threads hands out requests from them.
    fn send_sync<T: Send + Sync>() {}
    send_sync::<S3Request<'static>>();
    send_sync::<Bucket>();
}

#[cfg(feature = "url")]
#[test]
fn endpoint_from_url() {
    let u = url::Url::parse("https://minio.example.com:443/").unwrap();
    let b = Bucket::new(Endpoint::from_url(&u, "us-east-1").unwrap(), "bkt").unwrap();
    assert_eq!(b.host(), "bkt.minio.example.com");
    let u = url::Url::parse("http://[::1]:9000").unwrap();
    assert_eq!(
        Bucket::new(Endpoint::from_url(&u, "us-east-1").unwrap(), "bkt")
            .unwrap()
            .host(),
        "[::1]:9000"
    );
    // Only scheme://host[:port]: a path, a query or a fragment is refused, each alone.
    for bad in ["http://h/base", "http://h/?q=1", "http://h/#f"] {
        let u = url::Url::parse(bad).unwrap();
        assert!(Endpoint::from_url(&u, "us-east-1").is_err(), "{bad}");
    }
}

#[test]
fn access_points() {
    let b = Bucket::access_point("my-ap", "111122223333", "us-west-2").unwrap();
    assert_eq!(
        (b.host(), b.path_prefix(), b.endpoint().service()),
        (
            "my-ap-111122223333.s3-accesspoint.us-west-2.amazonaws.com",
            "",
            "s3"
        )
    );
    let b = Bucket::object_lambda_access_point("my-olap", "111122223333", "cn-north-1").unwrap();
    assert_eq!(
        b.host(),
        "my-olap-111122223333.s3-object-lambda.cn-north-1.amazonaws.com.cn"
    );
    assert_eq!(b.endpoint().service(), "s3-object-lambda");
    assert!(matches!(
        Bucket::access_point("my-ap", "1234", "us-west-2"),
        Err(Error::InvalidBucketName { .. })
    ));
    assert!(matches!(
        Bucket::access_point("My_AP", "111122223333", "us-west-2"),
        Err(Error::InvalidBucketName { .. })
    ));
}

#[test]
fn refuses_impossible_combinations() {
    let e = Endpoint::aws("us-west-2").unwrap();
    assert!(matches!(
        Bucket::new(
            e.clone().addressing(AddressingStyle::VirtualHosted),
            "My.Bucket"
        ),
        Err(Error::UnsupportedConfiguration { .. })
    ));
    assert!(matches!(
        Bucket::new(e.clone().accelerate(true), "my.bucket"),
        Err(Error::UnsupportedConfiguration { .. })
    ));
    assert!(matches!(
        Bucket::new(
            e.clone().accelerate(true).addressing(AddressingStyle::Path),
            "b12"
        ),
        Err(Error::UnsupportedConfiguration { .. })
    ));
    assert!(matches!(
        Bucket::new(Endpoint::aws("cn-north-1").unwrap().accelerate(true), "b12"),
        Err(Error::UnsupportedConfiguration { .. })
    ));
}
