//! End to end: the `--curl` commands `presign` prints, run by a shell and curl against a real
//! S3-compatible server (s3s-fs on 127.0.0.1). Needs s3s-fs (`.ci/install-s3s-fs.sh`) and curl;
//! with `PRESIGN_SKIP_E2E=1` a missing one is a loud skip instead of a failure.

mod common;
#[path = "../../tests/common/s3s.rs"]
mod s3s;

use common::Sandbox;
use std::process::Command;

fn curl_available() -> bool {
    let ok = Command::new("curl")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("PRESIGN_SKIP_E2E").as_deref() == Ok("1"),
            "curl is not installed: install it, or set PRESIGN_SKIP_E2E=1 to skip the end-to-end tests"
        );
        eprintln!("\n!!!!!!!! SKIPPED e2e test: curl not found and PRESIGN_SKIP_E2E=1 !!!!!!!!\n");
    }
    ok
}

/// Runs a printed curl command through `sh`, with `extra` curl options appended; returns the
/// HTTP status curl reports and what it printed.
fn sh(command: &str, extra: &str, dir: &std::path::Path) -> (String, String) {
    let full = format!("{command} -sS {extra} -w '\\n%{{http_code}}'");
    let out = Command::new("sh")
        .arg("-c")
        .arg(&full)
        .current_dir(dir)
        .output()
        .expect("sh");
    assert!(
        out.status.success(),
        "{full}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, status) = text.rsplit_once('\n').unwrap_or(("", &text));
    (status.to_string(), body.to_string())
}

#[test]
fn curl_upload_then_download_through_s3s_fs() {
    if !curl_available() {
        return;
    }
    let Some(server) = s3s::S3sServer::start_or_skip(&["bkt"]) else {
        return;
    };
    let sandbox = Sandbox::new()
        .env("AWS_ACCESS_KEY_ID", server.access_key())
        .env("AWS_SECRET_ACCESS_KEY", server.secret_key());
    let endpoint = server.endpoint_url();
    let key = "dir/hello world+é.txt";
    let target = format!("s3://bkt/{key}");
    let content = "uploaded by a presigned PUT, printed as a curl command\n";
    sandbox.write("upload.txt", content);
    let common = [
        "--endpoint-url",
        endpoint.as_str(),
        "--region",
        "us-east-1",
        "--curl",
    ];

    // PUT with a signed Content-Type and metadata: the printed command sends them.
    let put = sandbox
        .run(
            &[
                &[
                    target.as_str(),
                    "-X",
                    "PUT",
                    "--content-type",
                    "text/plain",
                    "--metadata",
                    "owner=alice",
                    "--file",
                    "upload.txt",
                ][..],
                &common[..],
            ]
            .concat(),
        )
        .ok()
        .to_string();
    assert!(put.starts_with("curl -H 'content-type: text/plain' -H 'x-amz-meta-owner: alice' --upload-file upload.txt 'http://127.0.0.1:"), "{put}");
    let (status, body) = sh(&put, "", &sandbox.home);
    assert_eq!(
        status,
        "200",
        "PUT answered {status}: {body}\nserver log: {}",
        server.log()
    );

    // The object is on the server's disk, under the key as typed.
    let stored =
        std::fs::read_to_string(server.data_dir().join("bkt").join(key)).expect("stored object");
    assert_eq!(stored, content);

    // GET it back with the printed command.
    let get = sandbox
        .run(
            &[
                &[target.as_str(), "--file", "downloaded.txt"][..],
                &common[..],
            ]
            .concat(),
        )
        .ok()
        .to_string();
    let (status, _) = sh(&get, "", &sandbox.home);
    assert_eq!(status, "200");
    assert_eq!(
        std::fs::read_to_string(sandbox.home.join("downloaded.txt")).unwrap(),
        content
    );

    // HEAD shows the metadata the upload signed.
    let head = sandbox
        .run(&[&[target.as_str(), "-X", "HEAD"][..], &common[..]].concat())
        .ok()
        .to_string();
    let (status, headers) = sh(&head, "", &sandbox.home);
    assert_eq!(status, "200");
    assert!(
        headers
            .to_ascii_lowercase()
            .contains("x-amz-meta-owner: alice"),
        "{headers}"
    );

    // The same PUT URL without its signed Content-Type is refused: the header contract holds.
    let url = put.rsplit_once(' ').unwrap().1.trim_matches('\'');
    let (status, body) = sh(
        &format!("curl --upload-file upload.txt '{url}'"),
        "",
        &sandbox.home,
    );
    assert_eq!(status, "403", "{body}");
    assert!(body.contains("SignatureDoesNotMatch"), "{body}");

    // A batch URL works too.
    let line = format!("{{\"id\":1,\"bucket\":\"bkt\",\"key\":\"{key}\"}}\n");
    let r = sandbox.run_stdin(
        &[
            "batch",
            "--endpoint-url",
            &endpoint,
            "--region",
            "us-east-1",
        ],
        line.into_bytes(),
    );
    let v: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    let resp = s3s::http::send_url("GET", v["url"].as_str().unwrap(), &[], b"");
    assert_eq!(resp.status, 200, "{}", resp.text());
    assert_eq!(resp.text(), content);
}
