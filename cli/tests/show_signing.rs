//! `--show-signing`: the canonical request and string to sign of every presigning command, on
//! stderr in text mode and as JSON fields with `--json`; session tokens redacted.

mod common;

use common::Sandbox;
use sha2::{Digest, Sha256};

const T0: &str = "2013-05-24T00:00:00Z";
const DOC_URL: &str = "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
const DOC_ARGS: [&str; 8] = [
    "s3://examplebucket/test.txt",
    "--region",
    "us-east-1",
    "--legacy-global-endpoint",
    "--time",
    T0,
    "--expires-in",
    "86400",
];
/// The AWS documentation's canonical request and string to sign for DOC_URL.
const DOC_CANONICAL: &str = "GET\n/test.txt\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\nhost:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD";
const DOC_STS: &str = "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04";
const TOKEN: &str = "FQoGZXIvYXdzEXAMPLE/TOKEN+with=chars";

fn with<'a>(base: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
    [base, extra].concat()
}

/// The two texts of `presign ... --show-signing` on stderr.
#[track_caller]
fn shown(stderr: &str) -> (String, String) {
    let rest = stderr
        .strip_prefix("canonical request:\n")
        .unwrap_or_else(|| panic!("no canonical request in: {stderr}"));
    let (cr, sts) = rest
        .split_once("\n\nstring to sign:\n")
        .unwrap_or_else(|| panic!("no string to sign in: {stderr}"));
    (cr.to_string(), sts.trim_end_matches('\n').to_string())
}

/// The string to sign ends with the hash of the canonical request (when nothing is redacted).
#[track_caller]
fn consistent(cr: &str, sts: &str) {
    let hash = hex::encode(Sha256::digest(cr.as_bytes()));
    assert_eq!(sts.lines().last(), Some(hash.as_str()), "{cr}\n--\n{sts}");
}

#[test]
fn s3_text_shows_the_documentation_texts_on_stderr_and_only_the_url_on_stdout() {
    let s = Sandbox::doc_keys();
    let r = s.run(&with(&DOC_ARGS, &["--show-signing"]));
    assert_eq!(r.ok(), DOC_URL);
    let (cr, sts) = shown(&r.stderr);
    assert_eq!(cr, DOC_CANONICAL);
    assert_eq!(sts, DOC_STS);
    // Without the flag, stderr stays empty.
    let r = s.run(&DOC_ARGS);
    assert_eq!(r.ok(), DOC_URL);
    assert_eq!(r.stderr, "");
    // --curl too.
    let r = s.run(&with(&DOC_ARGS, &["--show-signing", "--curl"]));
    assert!(r.ok().starts_with("curl "), "{}", r.stdout);
    assert_eq!(shown(&r.stderr).0, DOC_CANONICAL);
}

#[test]
fn s3_json_carries_the_fields_only_when_asked() {
    let s = Sandbox::doc_keys();
    let r = s.run(&with(&DOC_ARGS, &["--json", "--show-signing"]));
    let j: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    assert_eq!(j["url"], DOC_URL);
    assert_eq!(j["canonical_request"], DOC_CANONICAL);
    assert_eq!(j["string_to_sign"], DOC_STS);
    assert_eq!(r.stderr, "");
    let j: serde_json::Value =
        serde_json::from_str(s.run(&with(&DOC_ARGS, &["--json"])).ok()).unwrap();
    assert!(j.get("canonical_request").is_none(), "{j}");
    assert!(j.get("string_to_sign").is_none(), "{j}");
}

#[test]
fn the_session_token_is_redacted() {
    let s = Sandbox::doc_keys().env("AWS_SESSION_TOKEN", TOKEN);
    let r = s.run(&with(&DOC_ARGS, &["--show-signing"]));
    assert!(r.ok().contains("X-Amz-Security-Token="), "{}", r.stdout);
    let (cr, _) = shown(&r.stderr);
    assert!(cr.contains("&X-Amz-Security-Token=<redacted>&"), "{cr}");
    assert!(!r.stderr.contains("EXAMPLE%2FTOKEN"), "{}", r.stderr);
    assert!(!r.stderr.contains("TOKEN"), "{}", r.stderr);
    let r = s.run(&with(&DOC_ARGS, &["--show-signing", "--json"]));
    let j: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    let cr = j["canonical_request"].as_str().unwrap();
    assert!(cr.contains("X-Amz-Security-Token=<redacted>"), "{cr}");
    assert!(!cr.contains("TOKEN"), "{cr}");
}

#[test]
fn url_and_token_commands_show_consistent_texts() {
    let s = Sandbox::doc_keys();
    let base = ["--time", T0, "--region", "eu-west-1", "--show-signing"];
    let runs = [
        with(
            &[
                "url",
                "GET",
                "https://abc.execute-api.eu-west-1.amazonaws.com/prod/items?b=2&a=1",
                "--service",
                "execute-api",
            ],
            &base,
        ),
        with(
            &[
                "rds-token",
                "--hostname",
                "db.example.eu-west-1.rds.amazonaws.com",
                "--port",
                "5432",
                "--username",
                "app",
            ],
            &base,
        ),
        with(
            &["dsql-token", "--hostname", "abc.dsql.eu-west-1.on.aws"],
            &base,
        ),
        with(&["eks-token", "--cluster-name", "prod"], &base),
    ];
    for args in &runs {
        let r = s.run(args);
        let out = r.ok();
        assert!(!out.contains("canonical request"), "{out}");
        let (cr, sts) = shown(&r.stderr);
        consistent(&cr, &sts);
        assert!(sts.contains("/eu-west-1/"), "{sts}");
        let r = s.run(&with(args, &["--json"]));
        let j: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
        assert_eq!(j["canonical_request"], cr.as_str(), "{args:?}");
        assert_eq!(j["string_to_sign"], sts.as_str());
    }
    // The rds-token text names the host with its port and the query in canonical order.
    let r = s.run(&runs[1]);
    let (cr, _) = shown(&r.stderr);
    assert!(
        cr.starts_with("GET\n/\nAction=connect&DBUser=app&X-Amz-Algorithm="),
        "{cr}"
    );
    assert!(
        cr.contains("\nhost:db.example.eu-west-1.rds.amazonaws.com:5432\n"),
        "{cr}"
    );
}

#[test]
fn batch_lines_carry_the_fields_when_asked() {
    let s = Sandbox::doc_keys();
    let input = r#"{"id": 1, "bucket": "examplebucket", "key": "test.txt", "expires_in": 86400}"#;
    let args = [
        "batch",
        "--region",
        "us-east-1",
        "--legacy-global-endpoint",
        "--time",
        T0,
    ];
    let r = s.run_stdin(&with(&args, &["--show-signing"]), input.into());
    let j: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    assert_eq!(j["url"], DOC_URL);
    assert_eq!(j["canonical_request"], DOC_CANONICAL);
    assert_eq!(j["string_to_sign"], DOC_STS);
    let r = s.run_stdin(&args, input.into());
    let j: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    assert_eq!(j["url"], DOC_URL);
    assert!(j.get("canonical_request").is_none(), "{j}");
}

#[test]
fn post_shows_the_policy_document_it_signs() {
    let args = [
        "post",
        "s3://examplebucket/uploads/",
        "--region",
        "us-east-1",
        "--time",
        T0,
        "--show-signing",
    ];
    let r = Sandbox::doc_keys().run(&args);
    let j: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    let policy_b64 = j["fields"]["policy"].as_str().unwrap();
    let (document, sts) = r
        .stderr
        .strip_prefix("policy document:\n")
        .and_then(|t| t.split_once("\n\nstring to sign:\n"))
        .unwrap_or_else(|| panic!("{}", r.stderr));
    assert_eq!(sts.trim_end(), policy_b64);
    assert!(document.contains("\"uploads/\""), "{document}");
    // With a token, the document shows it redacted and the base64 is not repeated.
    let r = Sandbox::doc_keys()
        .env("AWS_SESSION_TOKEN", TOKEN)
        .run(&args);
    r.ok();
    assert!(r.stderr.contains("<redacted>"), "{}", r.stderr);
    assert!(!r.stderr.contains(TOKEN), "{}", r.stderr);
}
