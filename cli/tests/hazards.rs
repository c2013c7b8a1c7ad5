//! What the command line says about a presign besides the URL: the headers the client must send
//! (stderr, for the plain URL), the client hazards (stderr, or `--json`'s "warnings"), and
//! `--deny-warnings` making them errors.

mod common;

use common::Sandbox;

const T0: &str = "2026-12-01T10:00:00Z";

fn presign(args: &[&str]) -> common::Run {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--region", "eu-west-1", "--time", T0]);
    Sandbox::doc_keys().run(&all)
}

#[test]
fn a_plain_put_url_says_on_stderr_which_headers_to_send() {
    let r = presign(&[
        "s3://bkt/up.png",
        "-X",
        "PUT",
        "--content-type",
        "image/png",
        "--metadata",
        "owner=alice",
    ]);
    let url = r.ok();
    assert!(
        url.starts_with("https://bkt.s3.eu-west-1.amazonaws.com/up.png?"),
        "{url}"
    );
    assert!(!url.contains('\n'), "stdout is the URL alone");
    assert_eq!(
        r.stderr,
        "presign: send these headers with the request, exactly (they are signed: without them S3 \
         answers 403 SignatureDoesNotMatch):\n  content-type: image/png\n  x-amz-meta-owner: alice\n"
    );
}

#[test]
fn nothing_on_stderr_when_nothing_is_to_be_said() {
    let r = presign(&["s3://bkt/plain.png"]);
    r.ok();
    assert_eq!(r.stderr, "");
    // --curl carries the headers itself.
    let r = presign(&[
        "s3://bkt/up.png",
        "-X",
        "PUT",
        "--content-type",
        "image/png",
        "--curl",
    ]);
    assert!(
        r.ok().contains("-H 'content-type: image/png'"),
        "{}",
        r.stdout
    );
    assert_eq!(r.stderr, "");
    // --json has them in "headers", and an empty "warnings".
    let r = presign(&[
        "s3://bkt/up.png",
        "-X",
        "PUT",
        "--content-type",
        "image/png",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    assert_eq!(
        v["headers"],
        serde_json::json!({"content-type": "image/png"})
    );
    assert_eq!(v["warnings"], serde_json::json!([]));
    assert_eq!(r.stderr, "");
}

#[test]
fn a_dot_segment_key_warns_on_stderr_and_in_json() {
    let r = presign(&["s3://bkt/k/../a.png"]);
    let url = r.ok();
    assert!(
        url.starts_with("https://bkt.s3.eu-west-1.amazonaws.com/k/../a.png?"),
        "{url}"
    );
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.starts_with("presign: warning [dot-segment-in-key]: the path `/k/../a.png` has a `.` or `..` segment"),
        "{}",
        r.stderr
    );

    let r = presign(&["s3://bkt/k/../a.png", "--json"]);
    let v: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    assert_eq!(v["warnings"][0]["code"], "dot-segment-in-key");
    assert!(v["warnings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("curl --path-as-is"));
    assert_eq!(v["warnings"].as_array().unwrap().len(), 1);
    assert_eq!(r.stderr, "", "--json says it in the object");
}

#[test]
fn deny_warnings_refuses_with_the_warning() {
    let r = presign(&["s3://bkt/k/./a.png", "--deny-warnings"]);
    r.fails(1, "client hazard dot-segment-in-key: the path `/k/./a.png`");
    assert_eq!(r.stdout, "");
    // Without a hazard the flag changes nothing.
    let with = presign(&["s3://bkt/k/a.png", "--deny-warnings"]);
    assert_eq!(with.ok(), presign(&["s3://bkt/k/a.png"]).ok());
}

#[test]
fn every_warning_the_cli_can_trigger() {
    for (args, code) in [
        (
            vec![
                "s3://bkt/r.png",
                "--query",
                "response-content-disposition=attachment; filename=\"caf\u{e9}.png\"",
            ],
            "non-ascii-response-override",
        ),
        (
            vec![
                "s3://bkt/r.png",
                "-X",
                "PUT",
                "--metadata",
                "name=Ren\u{e9}e",
            ],
            "non-ascii-header-value",
        ),
        (
            vec!["s3://bkt/r.png", "-X", "PUT", "-H", "Expect: 100-continue"],
            "header-browsers-cannot-set",
        ),
        (
            vec![
                "s3://bkt/r.txt",
                "-X",
                "PUT",
                "--content-type",
                "text/plain; charset=utf-8",
            ],
            "charset-rewritten-by-xhr",
        ),
    ] {
        let mut json = args.clone();
        json.push("--json");
        let r = presign(&json);
        let v: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
        assert_eq!(v["warnings"][0]["code"], code, "{args:?}");
        let r = presign(&args);
        r.ok();
        assert!(
            r.stderr.contains(&format!("presign: warning [{code}]: ")),
            "{}",
            r.stderr
        );
        let mut deny = args.clone();
        deny.push("--deny-warnings");
        presign(&deny).fails(1, &format!("client hazard {code}: "));
    }
}

#[test]
fn the_generic_signer_warns_about_headers_and_s3_paths() {
    let r = presign(&[
        "url",
        "GET",
        "https://bkt.s3.eu-west-1.amazonaws.com/k/./a",
        "--service",
        "s3",
    ]);
    r.ok();
    assert!(r.stderr.contains("[dot-segment-in-key]"), "{}", r.stderr);
    let r = presign(&[
        "url",
        "GET",
        "https://abc.execute-api.eu-west-1.amazonaws.com/prod/./items",
        "--service",
        "execute-api",
        "-H",
        "x-note: caf\u{e9}",
    ]);
    r.ok();
    assert!(
        !r.stderr.contains("dot-segment"),
        "execute-api normalizes paths: {}",
        r.stderr
    );
    assert!(
        r.stderr.contains("[non-ascii-header-value]"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("\n  x-note: caf\u{e9}"),
        "the header to send: {}",
        r.stderr
    );
}

#[test]
fn batch_lines_carry_their_warnings_and_deny_refuses_the_line() {
    let input = b"{\"id\":1,\"bucket\":\"bkt\",\"key\":\"k/../a\"}\n{\"id\":2,\"bucket\":\"bkt\",\"key\":\"k/a\"}\n".to_vec();
    let s = Sandbox::doc_keys();
    let r = s.run_stdin(
        &["batch", "--region", "eu-west-1", "--time", T0],
        input.clone(),
    );
    let lines: Vec<serde_json::Value> = r
        .ok()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["warnings"][0]["code"], "dot-segment-in-key");
    assert!(
        lines[1].get("warnings").is_none(),
        "no field when nothing: {}",
        lines[1]
    );

    let r = s.run_stdin(
        &[
            "batch",
            "--region",
            "eu-west-1",
            "--time",
            T0,
            "--deny-warnings",
        ],
        input,
    );
    assert_eq!(r.code, 1);
    let lines: Vec<serde_json::Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        lines[0]["error"]
            .as_str()
            .unwrap()
            .contains("client hazard dot-segment-in-key"),
        "{}",
        lines[0]
    );
    assert!(lines[1]["url"].is_string());
}

#[test]
fn download_as_signs_an_rfc_8187_content_disposition() {
    let r = presign(&[
        "s3://bkt/r/1.png",
        "--download-as",
        "caf\u{e9} \"1\".png",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    let url = v["url"].as_str().unwrap();
    assert!(
        url.contains("response-content-disposition=attachment%3B%20filename%3D%22cafe%20_1_.png%22%3B%20filename%2A%3DUTF-8%27%27caf%25C3%25A9%2520%25221%2522.png&"),
        "{url}"
    );
    assert_eq!(v["warnings"], serde_json::json!([]));
}
