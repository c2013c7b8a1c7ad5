//! The command line's SigV4a (`presign url --sigv4a`, `--region-set`) and S3 Express One Zone
//! (`presign s3://NAME--ZONEID--x-s3/KEY --express-session FILE`, `presign create-session`).

mod common;

use common::Sandbox;
use presign::sigv4a::{self, RegionSet, Signature, SigningKey};
use presign::{sigv4, Credentials, Payload, Timestamp};

const T0: &str = "2026-11-23T12:00:00Z";
const MRAP: &str = "https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com/q3.pdf";
const DIR: &str = "my-data--usw2-az1--x-s3";
const SESSION: &str = "<CreateSessionResult><Credentials><SessionToken>TOKEN/+=</SessionToken><SecretAccessKey>sessionsecret</SecretAccessKey><AccessKeyId>ASIASESSION</AccessKeyId><Expiration>2026-11-23T12:05:00Z</Expiration></Credentials></CreateSessionResult>";

fn doc_creds() -> Credentials {
    Credentials::new(
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    )
    .unwrap()
}

#[test]
fn url_sigv4a_is_the_librarys_url_and_verifies() {
    let s = Sandbox::doc_keys();
    let url = s
        .run(&[
            "url",
            "GET",
            MRAP,
            "--service",
            "s3",
            "--sigv4a",
            "--time",
            T0,
        ])
        .ok()
        .to_string();
    // RFC 6979 nonces are deterministic: the library signs the same URL.
    let creds = doc_creds();
    let key = SigningKey::derive(&creds).unwrap();
    let any = RegionSet::any();
    let time = Timestamp::parse_rfc3339(T0).unwrap();
    let req = sigv4::Request::new(
        "GET",
        "mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com",
        "/q3.pdf",
    )
    .payload(Payload::Unsigned);
    let params = sigv4a::SigningParams::new(&creds, &key, &any, "s3", time);
    let (p, d) = sigv4a::presign_with_details(&req, &params, 3600).unwrap();
    assert_eq!(url, p.url);
    assert!(url.contains("&X-Amz-Region-Set=%2A&"), "{url}");
    let sig = Signature::from_hex(url.rsplit_once("X-Amz-Signature=").unwrap().1).unwrap();
    assert!(key
        .verifying_key()
        .verify(d.string_to_sign.as_bytes(), &sig));
}

#[test]
fn url_region_set_lists_and_bad_sets() {
    let s = Sandbox::doc_keys();
    let r = s.run(&[
        "url",
        "GET",
        "https://example.amazonaws.com/",
        "--service",
        "service",
        "--region-set",
        "us-east-1,eu-west-1",
        "--time",
        T0,
        "--show-signing",
    ]);
    let url = r.ok();
    assert!(
        url.contains("X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256"),
        "{url}"
    );
    assert!(
        url.contains("&X-Amz-Region-Set=us-east-1%2Ceu-west-1&"),
        "{url}"
    );
    assert!(
        r.stderr.contains("\n20261123/service/aws4_request\n"),
        "{}",
        r.stderr
    );
    s.run(&[
        "url",
        "GET",
        "https://example.amazonaws.com/",
        "--service",
        "service",
        "--region-set",
        "us-east-1, eu-west-1",
        "--time",
        T0,
    ])
    .fails(1, "us-east-1, eu-west-1");
}

#[test]
fn directory_buckets_sign_with_the_session_of_create_session() {
    let s = Sandbox::doc_keys();
    let file = s.write("session.xml", SESSION);
    let file = file.to_str().unwrap();
    let target = format!("s3://{DIR}/logs/a.txt");
    let args = |extra: &[&'static str]| {
        let mut v: Vec<String> = vec![target.clone(), "--region".into(), "us-west-2".into()];
        v.extend(["--time".into(), T0.into()]);
        v.extend(extra.iter().map(|x| x.to_string()));
        v
    };
    let run = |v: Vec<String>| s.run(&v.iter().map(String::as_str).collect::<Vec<_>>());

    let mut with_session = args(&["--expires-in", "300", "--express-session"]);
    with_session.push(file.into());
    let url = run(with_session).ok().to_string();
    assert!(
        url.starts_with(
            "https://my-data--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com/logs/a.txt?"
        ),
        "{url}"
    );
    assert!(url.contains(
        "X-Amz-Credential=ASIASESSION%2F20261123%2Fus-west-2%2Fs3express%2Faws4_request"
    ));
    assert!(
        url.contains("&X-Amz-S3session-Token=TOKEN%2F%2B%3D&"),
        "{url}"
    );
    assert!(!url.contains("Security-Token"));

    // The session ends at 12:05: the CLI's default hour is refused.
    let mut too_long = args(&["--express-session"]);
    too_long.push(file.into());
    run(too_long).fails(1, "ExpiredToken");

    // Account keys without a session token are not session credentials.
    run(args(&[])).fails(2, "presign create-session");
    let mut elsewhere = args(&["--endpoint-url", "http://127.0.0.1:9", "--express-session"]);
    elsewhere.push(file.into());
    run(elsewhere).fails(2, "zonal endpoint");
    let plain = vec![
        "s3://plain-bucket/k".to_string(),
        "--express-session".into(),
        file.into(),
    ];
    run(plain).fails(2, "for directory buckets");
}

#[test]
fn create_session_prints_the_request_botocore_signs() {
    let s = Sandbox::doc_keys();
    let curl = s
        .run(&[
            "create-session",
            &format!("s3://{DIR}"),
            "--region",
            "us-west-2",
            "--time",
            T0,
        ])
        .ok()
        .to_string();
    // vectors/botocore-s3express.json: botocore 1.43.11's CreateSession for these keys and time.
    assert!(
        curl.contains("Signature=d6424f3932dcfd8cd9be6289e31a7b34f7f3e12eeeeb9252ccd9987c5e0dc99c"),
        "{curl}"
    );
    assert!(curl.ends_with(&format!(
        "'https://{DIR}.s3express-usw2-az1.us-west-2.amazonaws.com/?session='"
    )));
    let json = s
        .run(&[
            "create-session",
            &format!("s3://{DIR}"),
            "--region",
            "us-west-2",
            "--time",
            T0,
            "--read-only",
            "--json",
        ])
        .ok()
        .to_string();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["method"], "GET");
    assert_eq!(v["headers"]["x-amz-create-session-mode"], "ReadOnly");
    assert!(v["headers"]["authorization"]
        .as_str()
        .unwrap()
        .ends_with("Signature=436c1f93c46a397107784ff3cfb5dda7964c6851184df8112807f3017a390b8b"));
    s.run(&[
        "create-session",
        "s3://plain-bucket",
        "--region",
        "us-west-2",
    ])
    .fails(1, "--ZONEID--x-s3");
    s.run(&[
        "create-session",
        &format!("s3://{DIR}/key"),
        "--region",
        "us-west-2",
    ])
    .fails(2, "without a key");
}

#[test]
fn multi_region_access_points_are_signed_with_sigv4a() {
    use presign::s3::Bucket;
    let s = Sandbox::doc_keys();
    let url = s
        .run(&[
            "s3://mfzwi23gnjvgw.mrap/q3.pdf",
            "--time",
            T0,
            "--region-set",
            "us-*",
        ])
        .ok()
        .to_string();
    let creds = doc_creds();
    let key = SigningKey::derive(&creds).unwrap();
    let time = Timestamp::parse_rfc3339(T0).unwrap();
    let mrap = Bucket::multi_region_access_point("mfzwi23gnjvgw.mrap").unwrap();
    let (p, d) = mrap
        .get_object("q3.pdf")
        .presign_sigv4a_with_details(&creds, &key, &RegionSet::new("us-*").unwrap(), time, 3600)
        .unwrap();
    assert_eq!(url, p.url);
    let sig = Signature::from_hex(url.rsplit_once("X-Amz-Signature=").unwrap().1).unwrap();
    assert!(key
        .verifying_key()
        .verify(d.string_to_sign.as_bytes(), &sig));
    // Without --region-set: every region.
    let any = s
        .run(&["s3://mfzwi23gnjvgw.mrap/q3.pdf", "--time", T0])
        .ok()
        .to_string();
    assert!(any.contains("&X-Amz-Region-Set=%2A&"), "{any}");
    s.run(&["s3://plain-bucket/k", "--region-set", "*", "--time", T0])
        .fails(2, "Multi-Region Access Points");
}

#[test]
fn explain_reads_sigv4a_and_s3_express_urls() {
    let s = Sandbox::doc_keys();
    let url = s
        .run(&[
            "s3://mfzwi23gnjvgw.mrap/q3.pdf",
            "--time",
            T0,
            "--region-set",
            "us-east-1,eu-west-1",
        ])
        .ok()
        .to_string();
    let out = s.run(&["explain", &url, "--time", "2026-11-23T12:01:00Z"]);
    let text = out.ok();
    assert!(
        text.contains("bucket             mfzwi23gnjvgw.mrap (Multi-Region Access Point"),
        "{text}"
    );
    assert!(
        text.contains("20261123/s3/aws4_request (date 20261123, service s3; SigV4a: regions us-east-1,eu-west-1)"),
        "{text}"
    );
    assert!(!text.contains("not 64 hex digits"), "{text}");

    let file = s.write("session.xml", SESSION);
    let url = s
        .run(&[
            &format!("s3://{DIR}/a.txt"),
            "--region",
            "us-west-2",
            "--express-session",
            file.to_str().unwrap(),
            "--time",
            T0,
            "--expires-in",
            "300",
        ])
        .ok()
        .to_string();
    let out = s.run(&["explain", &url, "--time", "2026-11-23T12:01:00Z"]);
    let text = out.ok();
    assert!(
        text.contains("session token      present (8 characters, not shown)"),
        "{text}"
    );
    assert!(!text.contains("no X-Amz-Security-Token"), "{text}");
    out.no_secret("TOKEN/+=");
}
