//! `presign batch` against what it must not drop or hide: names given twice, the caller's query
//! order, reserved bucket names, enormous fields and lines, closed or vanishing stdin/stdout,
//! answers in input order whatever the threads, and line-by-line use through pipes.

mod common;

use common::{param, Sandbox};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

const T0: &str = "2013-05-24T00:00:00Z";
const ARGS: [&str; 5] = ["batch", "--region", "us-east-1", "--time", T0];

fn answers(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn a_name_given_twice_refuses_its_line_only() {
    let s = Sandbox::doc_keys();
    let input = [
        r#"{"id": 1, "bucket": "bkt1", "key": "a", "headers": {"x-amz-acl": "private", "x-amz-acl": "public-read"}}"#,
        r#"{"id": 2, "bucket": "bkt1", "key": "b"}"#,
        r#"{"id": 3, "bucket": "bkt1", "key": "c", "metadata": {"owner": "alice", "owner": "bob"}}"#,
        r#"{"id": 4, "bucket": "bkt1", "key": "d", "query": {"versionId": "v1", "versionId": "v2"}}"#,
        // Case variants of one header name are the same header: the library refuses them.
        r#"{"id": 5, "bucket": "bkt1", "key": "e", "headers": {"X-Amz-Acl": "private", "x-amz-acl": "private"}}"#,
        r#"{"id": 6, "bucket": "bkt1", "key": "f", "metadata": {"Owner": "a", "owner": "b"}}"#,
        r#"{"id": 7, "bucket": "bkt1", "key": "g", "query": {"a": "1", "A": "2"}}"#,
    ]
    .join("\n");
    let r = s.run_stdin(&ARGS, input.into_bytes());
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "presign: error: 5 of 7 lines failed (each is answered with its \"error\")\n"
    );
    let a = answers(&r.stdout);
    assert_eq!(a.len(), 7, "one answer per line, in order");
    for (i, want) in [
        (0, "\"x-amz-acl\" is given twice"),
        (2, "\"owner\" is given twice"),
        (3, "\"versionId\" is given twice"),
        (4, "header \"x-amz-acl\" is given more than once"),
        (5, "header \"x-amz-meta-owner\" is given more than once"),
    ] {
        assert_eq!(a[i]["id"], i + 1);
        assert_eq!(a[i]["line"], i + 1);
        let e = a[i]["error"].as_str().unwrap();
        assert!(e.contains(want), "line {}: {e}", i + 1);
        assert!(a[i].get("url").is_none());
    }
    assert!(a[1]["url"].as_str().unwrap().contains("/b?"));
    // Query names are case-sensitive: a and A are two parameters.
    let u = a[6]["url"].as_str().unwrap();
    assert_eq!(
        (param(u, "a"), param(u, "A")),
        (Some("1"), Some("2")),
        "{u}"
    );
}

#[test]
fn the_query_keeps_the_callers_order_as_the_single_url_command_does() {
    let s = Sandbox::doc_keys();
    let line = r#"{"bucket": "bkt1", "key": "k", "query": {"x-id": "GetObject", "response-content-type": "text/plain", "b": "2", "a": "1"}}"#;
    let r = s.run_stdin(&ARGS, line.into());
    let batch_url = answers(r.ok())[0]["url"].as_str().unwrap().to_string();
    assert!(
        batch_url.contains(
            "/k?x-id=GetObject&response-content-type=text%2Fplain&b=2&a=1&X-Amz-Algorithm="
        ),
        "{batch_url}"
    );
    let single = s.run(&[
        "s3://bkt1/k",
        "--region",
        "us-east-1",
        "--time",
        T0,
        "--query",
        "x-id=GetObject",
        "--query",
        "response-content-type=text/plain",
        "--query",
        "b=2",
        "--query",
        "a=1",
    ]);
    assert_eq!(single.ok(), batch_url);
}

#[test]
fn bucket_names_s3_reserves_are_refused() {
    let s = Sandbox::doc_keys();
    let names = [
        ("xn--bcher-kva", "prefix xn--"),
        ("sthree-configurator-x", "prefix sthree-"),
        ("amzn-s3-demo-bucket", "prefix amzn-s3-demo-"),
        (
            "logs--usw2-az1--x-s3",
            "directory bucket (S3 Express One Zone)",
        ),
        ("mfzwi23gnjvgw.mrap", "Multi-Region Access Point"),
    ];
    let input: Vec<String> = names
        .iter()
        .map(|(b, _)| format!(r#"{{"bucket": "{b}", "key": "k"}}"#))
        .chain([
            r#"{"bucket": "my-ap-hrzrlukc5m36ft7okagglf3gmwluquse1b-s3alias", "key": "k"}"#.into(),
        ])
        .collect();
    let r = s.run_stdin(&ARGS, input.join("\n").into_bytes());
    assert_eq!(r.code, 1);
    let a = answers(&r.stdout);
    for (i, (_, rule)) in names.iter().enumerate() {
        let e = a[i]["error"].as_str().unwrap_or_else(|| panic!("{}", a[i]));
        assert!(e.contains(rule), "{e}");
    }
    // An access point alias stands where a bucket name goes: signed.
    assert!(a[5]["url"].as_str().unwrap().starts_with(
        "https://my-ap-hrzrlukc5m36ft7okagglf3gmwluquse1b-s3alias.s3.us-east-1.amazonaws.com/k?"
    ));
}

#[test]
fn enormous_fields_and_lines_are_cut_in_the_answer() {
    let s = Sandbox::doc_keys();
    let huge = "b".repeat(1_000_000);
    let input = [
        format!(r#"{{"id": 1, "bucket": "{huge}", "key": "k"}}"#),
        format!(r#"{{"id": 2, "bucket": "bkt1", "method": "{huge}"}}"#),
        format!(r#"{{"id": 3, "bucket": "bkt1", "key": "k", "expires_in": "{huge}"}}"#),
        format!(r#"{{"id": "{huge}", "bucket": "b"}}"#),
        format!(r#"{{"id": 5, "bucket": "bkt1", "key": "k", "{huge}": 1}}"#),
        // 5 MB: more than a line may have.
        format!(
            r#"{{"id": 6, "bucket": "bkt1", "key": "{}"}}"#,
            "k".repeat(5_000_000)
        ),
        r#"{"id": 7, "bucket": "bkt1", "key": "after"}"#.to_string(),
    ]
    .join("\n");
    let r = s.run_stdin(&ARGS, input.into_bytes());
    assert_eq!(r.code, 1, "{}", r.stderr.len());
    assert!(
        r.stdout.len() < 8 * 1024,
        "answers of {} bytes",
        r.stdout.len()
    );
    let a = answers(&r.stdout);
    assert_eq!(a.len(), 7);
    let error = |i: usize| a[i]["error"].as_str().unwrap().to_string();
    assert!(
        error(0).contains("invalid bucket name \"bbbb"),
        "{}",
        error(0)
    );
    assert!(error(0).contains("(1000000 bytes)"), "{}", error(0));
    assert!(
        error(0).contains("must be between 3 and 63"),
        "{}",
        error(0)
    );
    assert!(
        error(1).contains("(1000000 bytes)") && error(1).contains("is not one of GET"),
        "{}",
        error(1)
    );
    assert!(error(2).contains("(1000000 bytes)"), "{}", error(2));
    // An id too long to echo is null; the line number says which line it was.
    assert_eq!(
        (a[3]["id"].clone(), a[3]["line"].clone()),
        (serde_json::Value::Null, 4.into())
    );
    assert!(error(4).contains("unknown field"), "{}", error(4));
    assert_eq!(a[5]["line"], 6);
    assert!(
        error(5).contains("more than the 4 MiB a line may have"),
        "{}",
        error(5)
    );
    assert_eq!(a[6]["id"], 7);
    assert!(a[6]["url"].as_str().unwrap().contains("/after?"));
    // The single-URL command cuts it too (an argument can hold 128 KiB).
    let r = s.run(&[&format!("s3://{}/k", &huge[..100_000])]);
    r.fails(1, "(100000 bytes)");
    assert!(r.stderr.len() < 400, "{}", r.stderr.len());
}

#[test]
fn closed_stdin_or_stdout_is_an_error() {
    let s = Sandbox::doc_keys();
    s.write(
        ".aws/credentials",
        "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n",
    );
    let batch = format!("exec \"$PRESIGN\" batch --region us-east-1 --time {T0}");
    let r = s.shell(&format!("echo '{{\"bucket\": \"bkt1\"}}' | {batch} <&-"));
    r.fails(1, "stdin is closed");
    // The credentials file must not be read as the requests (it would get descriptor 0).
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    s.shell(&format!("echo '{{\"bucket\": \"bkt1\"}}' | {batch} >&-"))
        .fails(1, "stdout is closed");
    // A command run for its exit code may have its output discarded any way.
    let r = s.shell("exec \"$PRESIGN\" s3://bkt1/k --region us-east-1 >&-");
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    // /dev/null given on purpose is not a closed stream.
    let r = s.shell(&format!("{batch} </dev/null"));
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
    let r = s.shell(&format!(
        "echo '{{\"bucket\": \"bkt1\"}}' | {batch} >/dev/null"
    ));
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
}

#[test]
fn stdout_closing_early_is_an_error_not_success() {
    let s = Sandbox::doc_keys();
    let mut child = s
        .command(&ARGS)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        for i in 0..2_000_000 {
            if writeln!(stdin, r#"{{"id": {i}, "bucket": "bkt1", "key": "k{i}"}}"#).is_err() {
                return;
            }
        }
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"id\":0,\"url\":"), "{first}");
    // The reader of the answers goes away (the pipe is closed here).
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    feeder.join().unwrap();
    assert_eq!(status.code(), Some(1), "{err}");
    assert!(
        err.starts_with("presign: error: stdout was closed after "),
        "{err}"
    );
    assert!(
        err.contains("the rest of the input was not answered"),
        "{err}"
    );
}

#[test]
fn answers_keep_the_input_order_whatever_the_threads() {
    let s = Sandbox::doc_keys();
    let mut input = String::new();
    for i in 0..30_000 {
        match i % 5 {
            0 => input.push_str(&format!("{{\"id\":{i},\"bucket\":\"bkt{}\",\"key\":\"a/{i}\",\"method\":\"PUT\",\"content_type\":\"text/plain\"}}\n", i % 3)),
            1 => input.push_str(&format!("{{\"id\":{i},\"bucket\":\"b\",\"key\":\"bad\"}}\n")),
            2 => input.push('\n'),
            _ => input.push_str(&format!("{{\"id\":{i},\"bucket\":\"bkt1\",\"key\":\"k {i}\",\"query\":{{\"z\":\"1\",\"a\":\"2\"}}}}\n")),
        }
    }
    let one = s.run_stdin(
        &[&ARGS[..], &["--threads", "1"]].concat(),
        input.clone().into_bytes(),
    );
    assert_eq!(one.code, 1);
    assert!(
        one.stderr.contains("6000 of 24000 lines failed"),
        "{}",
        one.stderr
    );
    for threads in ["2", "3", "8"] {
        let r = s.run_stdin(
            &[&ARGS[..], &["--threads", threads]].concat(),
            input.clone().into_bytes(),
        );
        assert_eq!(r.stderr, one.stderr, "threads {threads}");
        assert!(r.stdout == one.stdout, "threads {threads}: answers differ");
    }
    let a = answers(&one.stdout);
    assert_eq!(a.len(), 24_000);
    let lines: Vec<u64> = a
        .iter()
        .filter_map(|v| v.get("line").and_then(serde_json::Value::as_u64))
        .take(3)
        .collect();
    assert_eq!(lines, [2, 7, 12], "line numbers count blank lines");
}

#[test]
fn line_by_line_through_pipes() {
    let s = Sandbox::doc_keys();
    let mut child = s
        .command(&ARGS)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                return;
            }
        }
    });
    for i in 0..5 {
        // Each answer comes before the next line is written.
        writeln!(stdin, r#"{{"id": {i}, "bucket": "bkt1", "key": "k{i}"}}"#).unwrap();
        stdin.flush().unwrap();
        let answer = rx
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("no answer to line {i} while stdin stays open"));
        assert!(
            answer.starts_with(&format!("{{\"id\":{i},\"url\":")),
            "{answer}"
        );
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}
