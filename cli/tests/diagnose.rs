//! `presign diagnose` and `presign verify` reaching the library's diagnosis: each cause of a
//! refused request named for what it is, with the input that triggers it.

mod common;

use common::{Sandbox, DOC_AKID, DOC_SECRET};

const T0: &str = "2026-12-01T10:00:00Z";

/// The `--json` presign of ARGS (region eu-west-1, signed at T0, keys given to this run only:
/// the diagnosis itself runs without credentials), written to a file; its path and URL.
fn presigned(s: &Sandbox, args: &[&str]) -> (String, String) {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--region", "eu-west-1", "--time", T0, "--json"]);
    let keys = [
        ("AWS_ACCESS_KEY_ID", DOC_AKID),
        ("AWS_SECRET_ACCESS_KEY", DOC_SECRET),
    ];
    let json = s.run_env(&all, &keys).ok().to_string();
    let url = serde_json::from_str::<serde_json::Value>(&json).unwrap()["url"]
        .as_str()
        .unwrap()
        .to_string();
    let path = s.write("presigned.json", &json);
    (path.to_str().unwrap().to_string(), url)
}

fn upload(s: &Sandbox) -> (String, String) {
    presigned(
        s,
        &[
            "s3://bkt/cat.png",
            "-X",
            "PUT",
            "--content-type",
            "image/png",
            "--metadata",
            "owner=alice",
        ],
    )
}

#[test]
fn a_different_content_type_and_a_missing_meta_header_are_named() {
    let s = Sandbox::new();
    let (file, url) = upload(&s);
    let r = s.run(&[
        "diagnose",
        "--presigned",
        &file,
        "--time",
        T0,
        "-X",
        "PUT",
        "-H",
        "Content-Type: image/jpeg",
        &url,
    ]);
    r.fails(
        1,
        "the request differs from what was presigned: 2 findings above break it",
    );
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert!(lines[0].starts_with("breaks [signed-header-changed] (S3: SignatureDoesNotMatch): `Content-Type` was sent as `image/jpeg` but the URL is signed for `image/png`"), "{}", lines[0]);
    assert!(lines[1].starts_with("breaks [signed-header-not-sent] (S3: SignatureDoesNotMatch): the upload must send `X-Amz-Meta-Owner: alice` exactly"), "{}", lines[1]);
}

#[test]
fn the_request_as_presigned_is_ok() {
    let s = Sandbox::new();
    let (file, url) = upload(&s);
    let r = s.run(&[
        "diagnose",
        "--presigned",
        &file,
        "--time",
        T0,
        "-H",
        "content-type: image/png",
        "-H",
        "X-Amz-Meta-Owner: alice",
        &url,
    ]);
    assert!(
        r.ok()
            .starts_with("OK: the request sent matches what was presigned"),
        "{}",
        r.stdout
    );
    assert_eq!(r.stderr, "");
}

#[test]
fn another_method_and_the_xhr_charset_rewrite_are_named_in_json() {
    let s = Sandbox::new();
    let (file, url) = presigned(
        &s,
        &[
            "s3://bkt/a.txt",
            "-X",
            "PUT",
            "--content-type",
            "text/plain;charset=utf-8",
        ],
    );
    let r = s.run(&[
        "diagnose",
        "--presigned",
        &file,
        "--time",
        T0,
        "-H",
        "content-type: text/plain;charset=UTF-8",
        &url,
        "--json",
    ]);
    assert_eq!(r.code, 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["findings"][0]["code"], "signed-header-changed");
    assert_eq!(v["findings"][0]["severity"], "breaks");
    assert_eq!(v["findings"][0]["s3_code"], "SignatureDoesNotMatch");

    let r = s.run(&[
        "diagnose",
        "--presigned",
        &file,
        "--time",
        T0,
        "-X",
        "GET",
        "-H",
        "content-type: text/plain;charset=utf-8",
        &url,
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["findings"][0]["code"], "method-changed");
    assert!(v["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("presigned for PUT but was sent with GET"));
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
}

#[test]
fn a_path_a_browser_rewrote_is_named() {
    let s = Sandbox::new();
    let (file, url) = presigned(&s, &["s3://bkt/k/x/../a.png", "-X", "PUT"]);
    // What Chromium sends for it (tests/browser): the dot segments removed.
    let sent = url.replacen("/k/x/../a.png", "/k/a.png", 1);
    let r = s.run(&["diagnose", "--presigned", &file, "--time", T0, &sent]);
    r.fails(1, "1 finding above breaks it");
    assert!(r.stdout.starts_with(
            "breaks [path-changed] (S3: SignatureDoesNotMatch): the path was rewritten: its `.`/`..` segments were removed"
        ), "{}", r.stdout);
}

#[test]
fn without_a_presign_file_the_signed_values_come_from_flags() {
    let s = Sandbox::new();
    let (_, url) = upload(&s);
    let r = s.run(&[
        "diagnose",
        "--time",
        T0,
        "--signed-method",
        "PUT",
        "--signed-header",
        "Content-Type: image/png",
        "-H",
        "Content-Type: image/webp",
        &url,
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains(
            "`Content-Type` was sent as `image/webp` but the URL is signed for `image/png`"
        ),
        "{}",
        r.stdout
    );
    // With the URL alone, a signed header not sent is still named (its value is not known).
    let r = s.run(&["diagnose", "--time", T0, "-X", "PUT", &url]);
    assert!(
        r.stdout.contains("[signed-header-not-sent]") && r.stdout.contains("`Content-Type` header"),
        "{}",
        r.stdout
    );
    // An expired URL.
    let r = s.run(&[
        "diagnose",
        "--time",
        "2026-12-02T10:00:00Z",
        "-X",
        "PUT",
        "-H",
        "content-type: image/png",
        "-H",
        "x-amz-meta-owner: alice",
        &url,
    ]);
    assert!(
        r.stdout
            .starts_with("breaks [expired] (S3: AccessDenied): the URL expired 23 h 0 min ago"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_bad_presign_file_is_a_clear_error() {
    let s = Sandbox::new();
    let p = s.write("bad.json", "{\"method\": \"PUT\"}");
    s.run(&[
        "diagnose",
        "--presigned",
        p.to_str().unwrap(),
        "https://b.s3.amazonaws.com/k",
    ])
    .fails(1, "has no \"url\": give the output of `presign --json`");
}

#[test]
fn verify_names_what_it_can_and_points_to_diagnose_for_values() {
    let s = Sandbox::doc_keys();
    let (_, url) = upload(&s);
    let r = s.run(&[
        "verify",
        &url,
        "--time",
        T0,
        "-X",
        "PUT",
        "-H",
        "Content-Type: image/jpeg",
        "-H",
        "x-amz-meta-owner: alice",
    ]);
    r.fails(1, "sending the signed headers `content-type: image/jpeg`, `x-amz-meta-owner: alice`: if a value is not the one presigned, that is the cause");
    assert!(
        r.stderr.contains("presign diagnose --signed-header"),
        "{}",
        r.stderr
    );

    let r = s.run(&[
        "verify",
        &url,
        "--time",
        T0,
        "-X",
        "PUT",
        "-H",
        "Content-Type: image/png",
        "-H",
        "x-amz-meta-owner: alice",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    assert_eq!(v["ok"], true);
    assert!(v.get("findings").is_none());
}

#[test]
fn verify_of_a_valid_url_notes_its_client_hazards() {
    let s = Sandbox::doc_keys();
    let (_, url) = presigned(&s, &["s3://bkt/k/./a.png"]);
    let r = s.run(&["verify", &url, "--time", T0]);
    let out = r.ok();
    assert!(out.starts_with("OK: valid for GET"), "{out}");
    assert!(
        out.contains(
            "\nnote: risky [client-hazard]: clients may break this URL (dot-segment-in-key)"
        ),
        "{out}"
    );
    let r = s.run(&["verify", &url, "--time", T0, "--json"]);
    let v: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    assert_eq!(v["findings"][0]["code"], "client-hazard");
}

#[test]
fn verify_finds_the_content_type_a_browser_rewrote() {
    let s = Sandbox::doc_keys();
    // fetch/XHR with a string body add `;charset=UTF-8` to a bare type.
    let (_, url) = presigned(
        &s,
        &[
            "s3://bkt/a.txt",
            "-X",
            "PUT",
            "--content-type",
            "text/plain",
        ],
    );
    let r = s.run(&[
        "verify",
        &url,
        "--time",
        T0,
        "-X",
        "PUT",
        "-H",
        "Content-Type: text/plain;charset=UTF-8",
    ]);
    r.fails(1, "the URL is signed for `Content-Type: text/plain`, but the request sends `text/plain;charset=UTF-8`");
    // XHR rewrites a signed `charset=utf-8` to `UTF-8`.
    let (_, url) = presigned(
        &s,
        &[
            "s3://bkt/b.txt",
            "-X",
            "PUT",
            "--content-type",
            "text/plain; charset=utf-8",
        ],
    );
    let r = s.run(&[
        "verify",
        &url,
        "--time",
        T0,
        "-X",
        "PUT",
        "-H",
        "Content-Type: text/plain; charset=UTF-8",
    ]);
    r.fails(1, "signed for `Content-Type: text/plain; charset=utf-8`, but the request sends `text/plain; charset=UTF-8`");
    // Another type altogether is not guessed.
    let r = s.run(&[
        "verify",
        &url,
        "--time",
        T0,
        "-X",
        "PUT",
        "-H",
        "Content-Type: image/png",
    ]);
    r.fails(1, "sending the signed headers `content-type: image/png`");
}
