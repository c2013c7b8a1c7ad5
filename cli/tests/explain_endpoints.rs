//! `presign explain` reads back the custom-endpoint URLs presign itself prints: virtual-hosted
//! `bucket.localhost:PORT` and `bucket.s3.example.com`, and path-style `host/bucket/key`.

mod common;

use common::Sandbox;

const T0: &str = "2026-12-01T10:00:00Z";

fn explain(s: &Sandbox, url: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["explain", url, "--time", T0, "--json"];
    args.extend_from_slice(extra);
    serde_json::from_str(s.run(&args).ok()).unwrap()
}

#[test]
fn every_addressing_presign_prints_is_read_back() {
    let s = Sandbox::doc_keys();
    for (endpoint, style, explain_args, host) in [
        (
            "http://localhost:9000",
            "virtual",
            vec![],
            "my-bucket.localhost:9000",
        ),
        ("http://localhost:9000", "path", vec![], "localhost:9000"),
        ("http://127.0.0.1:9000", "path", vec![], "127.0.0.1:9000"),
        (
            "https://s3.example.com",
            "virtual",
            vec!["--endpoint-url", "https://s3.example.com"],
            "my-bucket.s3.example.com",
        ),
        (
            "https://s3.example.com",
            "path",
            vec!["--endpoint-url", "https://s3.example.com"],
            "s3.example.com",
        ),
    ] {
        let url = s
            .run(&[
                "s3://my-bucket/dir/a b.png",
                "--endpoint-url",
                endpoint,
                "--addressing-style",
                style,
                "--time",
                T0,
            ])
            .ok()
            .to_string();
        assert!(
            url.starts_with(&format!(
                "{}://{host}/",
                &endpoint[..endpoint.find(':').unwrap()]
            )),
            "{url}"
        );
        let e = explain(&s, &url, &explain_args);
        assert_eq!(e["bucket"], "my-bucket", "{endpoint} {style}: {e}");
        assert_eq!(e["key"], "dir/a b.png", "{endpoint} {style}: {e}");
        assert_eq!(
            e["warnings"],
            serde_json::json!([]),
            "{endpoint} {style}: {e}"
        );
    }
}

#[test]
fn the_endpoint_comes_from_the_environment_as_for_signing() {
    let s = Sandbox::doc_keys().env("AWS_ENDPOINT_URL_S3", "https://s3.example.com");
    let url = s
        .run(&[
            "s3://my-bucket/k",
            "--addressing-style",
            "virtual",
            "--time",
            T0,
        ])
        .ok()
        .to_string();
    assert!(
        url.starts_with("https://my-bucket.s3.example.com/k?"),
        "{url}"
    );
    let e = explain(&s, &url, &[]);
    assert_eq!(
        (e["bucket"].as_str(), e["key"].as_str()),
        (Some("my-bucket"), Some("k"))
    );
    assert_eq!(e["addressing"], "virtual-hosted (BUCKET.endpoint)");
}

#[test]
fn explain_says_what_clients_break_about_the_url() {
    let s = Sandbox::doc_keys();
    let url = s
        .run(&[
            "s3://my-bucket/k/../a.png",
            "--region",
            "eu-west-1",
            "--time",
            T0,
        ])
        .ok()
        .to_string();
    let e = explain(&s, &url, &[]);
    assert_eq!(e["key"], "k/../a.png");
    let w = e["warnings"][0].as_str().unwrap();
    assert!(
        w.starts_with("the path `/k/../a.png` has a `.` or `..` segment")
            && w.ends_with("(dot-segment-in-key)"),
        "{w}"
    );
}
