//! The `presign` binary, run for real with a temporary HOME and a cleared environment.

mod common;

use common::{param, Sandbox, DOC_AKID, DOC_SECRET};

const DOC_URL: &str = "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
const DOC_ARGS: [&str; 8] = [
    "s3://examplebucket/test.txt",
    "--region",
    "us-east-1",
    "--legacy-global-endpoint",
    "--time",
    "2013-05-24T00:00:00Z",
    "--expires-in",
    "86400",
];
const T0: &str = "2013-05-24T00:00:00Z";

// ---------------------------------------------------------------- the documentation example

#[test]
fn aws_documentation_example_byte_for_byte() {
    let r = Sandbox::doc_keys().run(&DOC_ARGS);
    assert_eq!(r.stdout, format!("{DOC_URL}\n"));
    assert_eq!(r.stderr, "");
    assert_eq!(r.code, 0);
}

#[test]
fn documentation_example_from_a_credentials_file_and_profile_region() {
    let s = Sandbox::new();
    s.write(
        ".aws/credentials",
        &format!(
            "[default]\naws_access_key_id = {DOC_AKID}\naws_secret_access_key = {DOC_SECRET}\n"
        ),
    );
    s.write(".aws/config", "[default]\nregion = us-east-1\n");
    let r = s.run(&[
        "s3://examplebucket/test.txt",
        "--legacy-global-endpoint",
        "--time",
        T0,
        "--expires-in",
        "1d",
    ]);
    assert_eq!(r.ok(), DOC_URL);
}

// ---------------------------------------------------------------- s3 options and outputs

#[test]
fn key_reaches_the_signer_as_typed() {
    let s = Sandbox::doc_keys();
    let url = s
        .run(&[
            "s3://my-bucket/a/../b//c d%2F",
            "--region",
            "eu-west-1",
            "--time",
            T0,
        ])
        .ok()
        .to_string();
    assert!(
        url.starts_with("https://my-bucket.s3.eu-west-1.amazonaws.com/a/../b//c%20d%252F?"),
        "{url}"
    );
    let url = s
        .run(&["s3://my-bucket//x", "--region", "eu-west-1", "--time", T0])
        .ok()
        .to_string();
    assert!(
        url.starts_with("https://my-bucket.s3.eu-west-1.amazonaws.com//x?"),
        "{url}"
    );
}

#[test]
fn put_with_headers_metadata_query_as_json() {
    let s = Sandbox::doc_keys();
    let r = s.run(&[
        "s3://my-bucket/up/cat.png",
        "-X",
        "put",
        "--content-type",
        "image/png",
        "--metadata",
        "owner=alice",
        "-H",
        "x-amz-acl: private",
        "--query",
        "x-id=PutObject",
        "--region",
        "eu-west-1",
        "--time",
        T0,
        "--expires-in",
        "15m",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(r.ok()).expect("JSON");
    assert_eq!(v["method"], "PUT");
    assert_eq!(v["signed_at"], T0);
    assert_eq!(v["expires_at"], "2013-05-24T00:15:00Z");
    assert_eq!(v["expires_in"], 900);
    assert_eq!(
        v["headers"],
        serde_json::json!({"content-type": "image/png", "x-amz-meta-owner": "alice", "x-amz-acl": "private"})
    );
    let url = v["url"].as_str().unwrap();
    assert!(url.starts_with("https://my-bucket.s3.eu-west-1.amazonaws.com/up/cat.png?x-id=PutObject&X-Amz-Algorithm="), "{url}");
    assert_eq!(
        param(url, "X-Amz-SignedHeaders"),
        Some("content-type%3Bhost%3Bx-amz-acl%3Bx-amz-meta-owner")
    );
    assert_eq!(param(url, "X-Amz-Expires"), Some("900"));
}

#[test]
fn curl_commands() {
    let s = Sandbox::doc_keys();
    let base = ["--region", "us-west-2", "--time", T0, "--curl"];
    let put = s
        .run(
            &[
                &[
                    "s3://bkt1/a b.txt",
                    "-X",
                    "PUT",
                    "--content-type",
                    "text/plain",
                ][..],
                &base[..],
            ]
            .concat(),
        )
        .ok()
        .to_string();
    assert!(put.starts_with("curl -H 'content-type: text/plain' --upload-file FILE 'https://bkt1.s3.us-west-2.amazonaws.com/a%20b.txt?"), "{put}");
    let put = s
        .run(
            &[
                &["s3://bkt1/k", "-X", "PUT", "--file", "it's.txt"][..],
                &base[..],
            ]
            .concat(),
        )
        .ok()
        .to_string();
    assert!(
        put.starts_with("curl --upload-file 'it'\\''s.txt' 'https://"),
        "{put}"
    );
    let head = s
        .run(&[&["s3://bkt1/k", "-X", "HEAD"][..], &base[..]].concat())
        .ok()
        .to_string();
    assert!(head.starts_with("curl --head 'https://"), "{head}");
    let del = s
        .run(&[&["s3://bkt1/k", "-X", "DELETE"][..], &base[..]].concat())
        .ok()
        .to_string();
    assert!(del.starts_with("curl -X DELETE 'https://"), "{del}");
    let get = s
        .run(&[&["s3://bkt1/k", "--file", "out.bin"][..], &base[..]].concat())
        .ok()
        .to_string();
    assert!(get.starts_with("curl -o out.bin 'https://"), "{get}");
    // --curl and --json exclude each other; --file needs --curl.
    s.run(&["s3://bkt1/k", "--curl", "--json"])
        .fails(2, "cannot be used with");
    s.run(&["s3://bkt1/k", "--file", "x"]).fails(2, "--curl");
}

#[test]
fn endpoints_and_addressing() {
    let s = Sandbox::doc_keys();
    let host = |args: &[&str]| {
        let url = s
            .run(&[args, &["--time", T0][..]].concat())
            .ok()
            .to_string();
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .unwrap()
            .to_string();
        rest.split_once('?').unwrap().0.to_string()
    };
    assert_eq!(
        host(&["s3://bkt1/k", "--region", "us-east-1"]),
        "bkt1.s3.us-east-1.amazonaws.com/k"
    );
    assert_eq!(
        host(&[
            "s3://bkt1/k",
            "--region",
            "us-east-1",
            "--addressing-style",
            "path"
        ]),
        "s3.us-east-1.amazonaws.com/bkt1/k"
    );
    assert_eq!(
        host(&["s3://bkt1/k", "--region", "eu-west-1", "--dualstack"]),
        "bkt1.s3.dualstack.eu-west-1.amazonaws.com/k"
    );
    assert_eq!(
        host(&["s3://bkt1/k", "--region", "eu-west-1", "--fips"]),
        "bkt1.s3-fips.eu-west-1.amazonaws.com/k"
    );
    assert_eq!(
        host(&["s3://bkt1/k", "--region", "eu-west-1", "--accelerate"]),
        "bkt1.s3-accelerate.amazonaws.com/k"
    );
    assert_eq!(
        host(&["s3://bkt1/k", "--endpoint-url", "http://127.0.0.1:9000"]),
        "127.0.0.1:9000/bkt1/k"
    );
    assert_eq!(
        host(&["s3://my.bucket/k", "--region", "eu-west-1"]),
        "s3.eu-west-1.amazonaws.com/my.bucket/k"
    );
    // No region anywhere: us-east-1, as the AWS CLI.
    assert_eq!(host(&["s3://bkt1/k"]), "bkt1.s3.us-east-1.amazonaws.com/k");
    // A bucket-level request.
    assert_eq!(
        host(&[
            "s3://bkt1",
            "--query",
            "list-type=2",
            "--region",
            "us-east-1"
        ]),
        "bkt1.s3.us-east-1.amazonaws.com/"
    );
    s.run(&[
        "s3://bkt1/k",
        "--region",
        "eu-west-1",
        "--legacy-global-endpoint",
    ])
    .fails(2, "only for us-east-1");
    s.run(&[
        "s3://bkt1/k",
        "--endpoint-url",
        "http://127.0.0.1:9000",
        "--dualstack",
    ])
    .fails(2, "--dualstack");
    s.run(&["s3://my.bucket/k", "--accelerate"])
        .fails(1, "Acceleration");
}

#[test]
fn endpoint_and_region_from_the_environment_and_profile() {
    let s = Sandbox::doc_keys();
    s.write(".aws/config", "[default]\nregion = ap-south-1\nendpoint_url = http://profile.test:1\ns3 =\n  addressing_style = path\n");
    let url = |extra: &[(&str, &str)]| {
        s.run_env(&["s3://bkt1/k", "--time", T0], extra)
            .ok()
            .to_string()
    };
    let u = url(&[]);
    assert!(u.starts_with("http://profile.test:1/bkt1/k?"), "{u}");
    assert_eq!(
        param(&u, "X-Amz-Credential"),
        Some("AKIAIOSFODNN7EXAMPLE%2F20130524%2Fap-south-1%2Fs3%2Faws4_request")
    );
    assert!(url(&[("AWS_ENDPOINT_URL", "http://global.test:2")])
        .starts_with("http://global.test:2/bkt1/k?"));
    assert!(url(&[
        ("AWS_ENDPOINT_URL", "http://global.test:2"),
        ("AWS_ENDPOINT_URL_S3", "http://s3.test:3")
    ])
    .starts_with("http://s3.test:3/bkt1/k?"));
    assert!(url(&[("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")])
        .starts_with("https://s3.ap-south-1.amazonaws.com/bkt1/k?"));
    let u = url(&[("AWS_DEFAULT_REGION", "eu-north-1")]);
    assert!(
        param(&u, "X-Amz-Credential")
            .unwrap()
            .contains("%2Feu-north-1%2F"),
        "{u}"
    );
    let u = url(&[
        ("AWS_DEFAULT_REGION", "eu-north-1"),
        ("AWS_REGION", "eu-central-1"),
    ]);
    assert!(
        param(&u, "X-Amz-Credential")
            .unwrap()
            .contains("%2Feu-central-1%2F"),
        "{u}"
    );
    let u = s
        .run_env(
            &[
                "s3://bkt1/k",
                "--time",
                T0,
                "--region",
                "sa-east-1",
                "--endpoint-url",
                "http://flag.test",
            ],
            &[("AWS_REGION", "eu-central-1")],
        )
        .ok()
        .to_string();
    assert!(u.starts_with("http://flag.test/bkt1/k?"), "{u}");
    assert!(
        param(&u, "X-Amz-Credential")
            .unwrap()
            .contains("%2Fsa-east-1%2F"),
        "{u}"
    );
}

// ---------------------------------------------------------------- the credential chain

fn akid_of(url: &str) -> String {
    param(url, "X-Amz-Credential")
        .unwrap()
        .split("%2F")
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn environment_wins_over_profiles_unless_profile_flag() {
    let s = Sandbox::new()
        .env("AWS_ACCESS_KEY_ID", "AKIDENV")
        .env("AWS_SECRET_ACCESS_KEY", "env-secret");
    s.write(".aws/credentials", "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = default-secret\n\n[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = work-secret\n");
    let args = ["s3://bkt1/k", "--time", T0];
    assert_eq!(akid_of(s.run(&args).ok()), "AKIDENV");
    // AWS_PROFILE does not beat the environment's keys (as in the AWS CLI)...
    assert_eq!(
        akid_of(s.run_env(&args, &[("AWS_PROFILE", "work")]).ok()),
        "AKIDENV"
    );
    // ...but --profile does.
    assert_eq!(
        akid_of(s.run(&[&args[..], &["--profile", "work"]].concat()).ok()),
        "AKIDWORK"
    );
    assert_eq!(
        akid_of(s.run(&[&args[..], &["--profile", "default"]].concat()).ok()),
        "AKIDDEFAULT"
    );
    let r = s.run(&[&args[..], &["--profile", "nope"]].concat());
    r.fails(1, "profile \"nope\" (from --profile) not found");
}

#[test]
fn profiles_from_credentials_and_config_files() {
    let s = Sandbox::new();
    s.write(
        ".aws/credentials",
        "# keys\n[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = work-secret\n",
    );
    s.write(".aws/config", "[profile cfg]\naws_access_key_id = AKIDCFG\naws_secret_access_key = cfg-secret\nregion = eu-west-3\n[profile work]\nregion = us-west-1\n");
    let args = ["s3://bkt1/k", "--time", T0];
    let u = s
        .run_env(&args, &[("AWS_PROFILE", "work")])
        .ok()
        .to_string();
    assert_eq!(akid_of(&u), "AKIDWORK");
    assert!(u.contains("%2Fus-west-1%2F"), "{u}");
    let u = s
        .run(&[&args[..], &["--profile", "cfg"]].concat())
        .ok()
        .to_string();
    assert_eq!(akid_of(&u), "AKIDCFG");
    assert!(
        u.starts_with("https://bkt1.s3.eu-west-3.amazonaws.com/"),
        "{u}"
    );
}

#[test]
fn shared_credentials_and_config_file_variables() {
    let s = Sandbox::new();
    // The default locations hold other keys: the variables must win.
    s.write(
        ".aws/credentials",
        "[default]\naws_access_key_id = AKIDHOME\naws_secret_access_key = home-secret\n",
    );
    let creds = s.write("elsewhere/creds.ini", "[default]\naws_access_key_id = AKIDELSEWHERE\naws_secret_access_key = x-secret\naws_session_token = TOKEN123\n");
    let config = s.write("elsewhere/conf.ini", "[default]\nregion = ca-central-1\n");
    let vars = [
        ("AWS_SHARED_CREDENTIALS_FILE", creds.to_str().unwrap()),
        ("AWS_CONFIG_FILE", config.to_str().unwrap()),
    ];
    let u = s
        .run_env(&["s3://bkt1/k", "--time", T0], &vars)
        .ok()
        .to_string();
    assert_eq!(akid_of(&u), "AKIDELSEWHERE");
    assert_eq!(param(&u, "X-Amz-Security-Token"), Some("TOKEN123"));
    assert!(u.contains("%2Fca-central-1%2F"), "{u}");
    // ~ in the variables is HOME.
    let u = s
        .run_env(
            &["s3://bkt1/k", "--time", T0],
            &[("AWS_SHARED_CREDENTIALS_FILE", "~/elsewhere/creds.ini")],
        )
        .ok()
        .to_string();
    assert_eq!(akid_of(&u), "AKIDELSEWHERE");
}

#[test]
fn missing_credentials_say_where_presign_looked() {
    let s = Sandbox::new();
    let r = s.run(&["s3://bkt1/k"]);
    r.fails(1, "no AWS credentials found");
    let home = s.home.display().to_string();
    assert!(r.stderr.contains("AWS_ACCESS_KEY_ID"), "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "[default] in {home}/.aws/credentials (no such file)"
        )),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains(&format!("[default] in {home}/.aws/config (no such file)")),
        "{}",
        r.stderr
    );
    // A profile that needs the network is named as such.
    s.write(".aws/config", "[profile sso]\nsso_session = corp\n");
    s.run(&["s3://bkt1/k", "--profile", "sso"])
        .fails(1, "needs the network");
    // Half of a key pair.
    s.run_env(&["s3://bkt1/k"], &[("AWS_ACCESS_KEY_ID", "AKID")])
        .fails(1, "AWS_SECRET_ACCESS_KEY is not");
    s.run_env(&["s3://bkt1/k"], &[("AWS_PROFILE", "ghost")])
        .fails(1, "profile \"ghost\" (from AWS_PROFILE) not found");
}

#[test]
fn secrets_never_appear_in_errors() {
    let secret = "wJalrXUtnFEMI-SECRET-never-print-me";
    let s = Sandbox::new();
    // A malformed line holding the secret: the error names the line, not its text.
    s.write(
        ".aws/credentials",
        &format!("[default]\naws_access_key_id = AKID\n{secret}\n"),
    );
    let r = s.run(&["s3://bkt1/k"]);
    r.fails(1, "credentials line 3");
    r.no_secret(secret);
    // A secret with a stray space.
    let s = Sandbox::new();
    s.write(
        ".aws/credentials",
        &format!("[default]\naws_access_key_id = AKID\naws_secret_access_key = {secret}\n"),
    );
    let r = s.run_env(
        &["s3://bkt1/k", "--json", "--time", T0],
        &[("AWS_SESSION_TOKEN", "tok")],
    );
    r.ok();
    r.no_secret(secret);
    let r = s.run_env(
        &["s3://bkt1/k"],
        &[
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", &format!("{secret}\n")),
        ],
    );
    r.fails(1, "invalid secret access key");
    r.no_secret(secret);
}

#[test]
fn credential_expiration_refuses_or_clamps() {
    let s = Sandbox::doc_keys()
        .env("AWS_SESSION_TOKEN", "tok")
        .env("AWS_CREDENTIAL_EXPIRATION", "2013-05-24T00:10:00Z");
    s.run(&["s3://bkt1/k", "--time", T0, "--expires-in", "1h"])
        .fails(1, "temporary credentials expire");
    let u = s
        .run(&[
            "s3://bkt1/k",
            "--time",
            T0,
            "--expires-in",
            "1h",
            "--clamp-expiry",
        ])
        .ok()
        .to_string();
    assert_eq!(param(&u, "X-Amz-Expires"), Some("600"));
    s.run(&["s3://bkt1/k", "--time", "2013-05-24T00:10:00Z"])
        .fails(1, "expired");
    s.run_env(
        &["s3://bkt1/k"],
        &[("AWS_CREDENTIAL_EXPIRATION", "tomorrow")],
    )
    .fails(1, "AWS_CREDENTIAL_EXPIRATION");
}

#[test]
fn credential_process_is_run() {
    let s = Sandbox::new();
    let script = s.write(
        "bin/creds.sh",
        "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", \"SecretAccessKey\": \"proc-secret\", \"SessionToken\": \"PTOKEN\", \"Expiration\": \"2013-05-24T02:00:00Z\"}'\n",
    );
    s.write(
        ".aws/config",
        &format!("[default]\ncredential_process = sh {}\n", script.display()),
    );
    let u = s.run(&["s3://bkt1/k", "--time", T0]).ok().to_string();
    assert_eq!(akid_of(&u), "AKIDPROC");
    assert_eq!(param(&u, "X-Amz-Security-Token"), Some("PTOKEN"));
    s.run(&["s3://bkt1/k", "--time", T0, "--expires-in", "3h"])
        .fails(1, "temporary credentials expire");
}

// ---------------------------------------------------------------- url

const SUITE_SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const SUITE_TIME: &str = "2015-08-30T12:36:00Z";

fn suite() -> Sandbox {
    Sandbox::new()
        .env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
        .env("AWS_SECRET_ACCESS_KEY", SUITE_SECRET)
}

#[test]
fn url_reproduces_the_aws_suite() {
    let s = suite();
    let sig = |args: &[&str], extra: &[(&str, &str)]| {
        let r = s.run_env(
            &[
                &["url"][..],
                args,
                &[
                    "--service",
                    "service",
                    "--region",
                    "us-east-1",
                    "--time",
                    SUITE_TIME,
                ][..],
            ]
            .concat(),
            extra,
        );
        let url = r.ok().to_string();
        (param(&url, "X-Amz-Signature").unwrap().to_string(), url)
    };
    // get-vanilla-with-session-token (query variant).
    let (s1, _) = sig(
        &["GET", "https://example.amazonaws.com/"],
        &[(
            "AWS_SESSION_TOKEN",
            "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267",
        )],
    );
    assert_eq!(
        s1,
        "7ff2b50b376cb4d151970630573d6291dc128cc5c2a12ffb237f73cc53f67b6c"
    );
    // get-relative-relative-normalized / -unnormalized: the URL keeps the path as typed.
    let (s2, url) = sig(
        &[
            "GET",
            "https://example.amazonaws.com/example1/example2/../..",
        ],
        &[],
    );
    assert_eq!(
        s2,
        "e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d"
    );
    assert!(
        url.starts_with("https://example.amazonaws.com/example1/example2/../..?"),
        "{url}"
    );
    let (s3, _) = sig(
        &[
            "GET",
            "https://example.amazonaws.com/example1/example2/../..",
            "--unnormalized-path",
        ],
        &[],
    );
    assert_eq!(
        s3,
        "b45db0bfd1cf15003493b733e33aa208dd981bd0e63037a6ed953f71d2118a16"
    );
    // get-space-unnormalized.
    let (s4, _) = sig(
        &[
            "GET",
            "https://example.amazonaws.com/example space/",
            "--unnormalized-path",
        ],
        &[],
    );
    assert_eq!(
        s4,
        "7a1f416954786484c9824d93c1f26ef64acb9b1b6c9154d08c9f07d0e394abf6"
    );
    // get-vanilla-query-order-key-case: the query is split and re-encoded by the signer.
    let (s5, url) = sig(
        &[
            "get",
            "https://example.amazonaws.com:443/?Param2=value2&Param1=value1#frag",
        ],
        &[],
    );
    assert!(
        url.starts_with("https://example.amazonaws.com/?Param2=value2&Param1=value1&X-Amz-"),
        "{url}"
    );
    assert_eq!(s5.len(), 64);
}

#[test]
fn url_with_s3_service_matches_the_s3_command() {
    let s = Sandbox::doc_keys();
    let r = s.run(&[
        "url",
        "GET",
        "https://examplebucket.s3.amazonaws.com/test.txt",
        "--service",
        "s3",
        "--region",
        "us-east-1",
        "--time",
        T0,
        "--expires-in",
        "86400",
    ]);
    assert_eq!(r.ok(), DOC_URL);
    let r = s.run(&[
        "url",
        "POST",
        "https://abc.execute-api.eu-west-1.amazonaws.com/prod/x",
        "--service",
        "execute-api",
        "--region",
        "eu-west-1",
        "-H",
        "x-api-key: k",
        "--json",
        "--time",
        T0,
    ]);
    let v: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    assert_eq!(v["method"], "POST");
    assert_eq!(v["headers"], serde_json::json!({"x-api-key": "k"}));
    s.run(&[
        "url",
        "GET",
        "ftp://h/x",
        "--service",
        "s3",
        "--region",
        "us-east-1",
    ])
    .fails(2, "https://");
    s.run(&[
        "url",
        "GET",
        "https://h/x",
        "--service",
        "S3!",
        "--region",
        "us-east-1",
    ])
    .fails(1, "invalid service");
    s.run(&["url", "GET", "https://h/x", "--service", "sts"])
        .fails(2, "no region");
}

// ---------------------------------------------------------------- tokens

#[test]
fn rds_token_matches_botocore() {
    let s = Sandbox::new()
        .env("AWS_ACCESS_KEY_ID", "akid")
        .env("AWS_SECRET_ACCESS_KEY", "skid");
    let r = s.run(&[
        "rds-token",
        "--hostname",
        "prod-instance.us-east-1.rds.amazonaws.com",
        "--port",
        "3306",
        "--username",
        "someusername",
        "--region",
        "us-east-1",
        "--time",
        "2016-11-07T17:39:33Z",
    ]);
    assert_eq!(
        r.ok(),
        "prod-instance.us-east-1.rds.amazonaws.com:3306/?Action=connect&DBUser=someusername&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=akid%2F20161107%2Fus-east-1%2Frds-db%2Faws4_request&X-Amz-Date=20161107T173933Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=d1138cdbc0ca63eec012ec0fc6c2267e03642168f5884a7795320d4c18374c61"
    );
    let r = s.run(&[
        "rds-token",
        "--hostname",
        "h.rds.amazonaws.com",
        "--port",
        "5432",
        "--username",
        "u",
        "--region",
        "us-east-1",
        "--json",
        "--time",
        T0,
    ]);
    let v: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    assert!(v["token"]
        .as_str()
        .unwrap()
        .starts_with("h.rds.amazonaws.com:5432/?Action=connect&DBUser=u&"));
    assert_eq!(v["expires_in"], 900);
    s.run(&["rds-token", "--hostname", "h", "--username", "u"])
        .fails(2, "--port");
}

#[test]
fn dsql_token_matches_botocore() {
    let s = Sandbox::new()
        .env("AWS_ACCESS_KEY_ID", "ACCESS_KEY")
        .env("AWS_SECRET_ACCESS_KEY", "SECRET_KEY")
        .env("AWS_SESSION_TOKEN", "SESSION_TOKEN");
    let t = s
        .run(&[
            "dsql-token",
            "--hostname",
            "test.dsql.us-east-1.on.aws",
            "--region",
            "us-east-1",
            "--time",
            "2024-11-07T17:39:33Z",
        ])
        .ok()
        .to_string();
    assert!(
        t.starts_with(
            "test.dsql.us-east-1.on.aws/?Action=DbConnect&X-Amz-Algorithm=AWS4-HMAC-SHA256&"
        ),
        "{t}"
    );
    assert_eq!(param(&t, "X-Amz-Expires"), Some("900"));
    assert_eq!(param(&t, "X-Amz-Security-Token"), Some("SESSION_TOKEN"));
    assert_eq!(
        param(&t, "X-Amz-Signature"),
        Some("57fe03e060348aaa21405c239bf02572bbc911076e94dcd65c12ae569dd8fcf4")
    );
    let t = s
        .run(&[
            "dsql-token",
            "--hostname",
            "test.dsql.us-east-1.on.aws",
            "--region",
            "us-east-1",
            "--admin",
            "--expires-in",
            "1h",
        ])
        .ok()
        .to_string();
    assert!(t.contains("/?Action=DbConnectAdmin&"), "{t}");
    assert_eq!(param(&t, "X-Amz-Expires"), Some("3600"));
}

fn decode_eks(token: &str) -> String {
    let b64 = token.strip_prefix("k8s-aws-v1.").expect("prefix");
    assert!(!b64.contains('='), "padding must be stripped");
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in b64.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => panic!("not base64url: {c}"),
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn eks_token_matches_the_sdk_vector_and_aws_eks_get_token() {
    let s = Sandbox::new()
        .env("AWS_ACCESS_KEY_ID", "akid")
        .env("AWS_SECRET_ACCESS_KEY", "secret");
    // aws-sdk-ruby: global STS host, scope us-west-2/sts, Expires 59.
    let r = s.run(&[
        "eks-token",
        "--cluster-name",
        "my-eks-cluster",
        "--region",
        "us-west-2",
        "--global-sts",
        "--time",
        "2018-08-05T00:00:00Z",
        "--expires-in",
        "59",
    ]);
    let v: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    assert_eq!(v["kind"], "ExecCredential");
    assert_eq!(v["apiVersion"], "client.authentication.k8s.io/v1beta1");
    assert_eq!(v["spec"], serde_json::json!({}));
    assert_eq!(v["status"]["expirationTimestamp"], "2018-08-05T00:14:00Z");
    let url = decode_eks(v["status"]["token"].as_str().unwrap());
    assert!(
        url.starts_with("https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&"),
        "{url}"
    );
    assert_eq!(
        param(&url, "X-Amz-SignedHeaders"),
        Some("host%3Bx-k8s-aws-id")
    );
    assert_eq!(
        param(&url, "X-Amz-Signature"),
        Some("d1f6551aafc0f5c57971fe161a12cbe0539fc1681698ea4a4c0fde5abc51e32e")
    );
    // Defaults: the regional host and 60 s.
    let r = s.run(&[
        "eks-token",
        "--cluster-name",
        "c",
        "--region",
        "eu-west-1",
        "--time",
        T0,
    ]);
    let v: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    let url = decode_eks(v["status"]["token"].as_str().unwrap());
    assert!(
        url.starts_with("https://sts.eu-west-1.amazonaws.com/?"),
        "{url}"
    );
    assert_eq!(param(&url, "X-Amz-Expires"), Some("60"));
    let r = s.run(&[
        "eks-token",
        "--cluster-name",
        "c",
        "--region",
        "cn-north-1",
        "--time",
        T0,
    ]);
    let v: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    assert!(decode_eks(v["status"]["token"].as_str().unwrap())
        .starts_with("https://sts.cn-north-1.amazonaws.com.cn/?"));
    let r = s.run(&[
        "eks-token",
        "--cluster-name",
        "c",
        "--region",
        "eu-west-1",
        "--sts-endpoint",
        "https://vpce-1.sts.eu-west-1.vpce.amazonaws.com",
        "--time",
        T0,
    ]);
    let v: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    assert!(decode_eks(v["status"]["token"].as_str().unwrap())
        .starts_with("https://vpce-1.sts.eu-west-1.vpce.amazonaws.com/?"));
}

// ---------------------------------------------------------------- batch

#[test]
fn batch_answers_every_line_and_survives_bad_ones() {
    let s = Sandbox::doc_keys();
    let input = [
        r#"{"id": 1, "bucket": "examplebucket", "key": "test.txt", "expires_in": 86400}"#,
        r#"{"id": "two", "bucket": "examplebucket", "key": "up.png", "method": "PUT", "content_type": "image/png", "metadata": {"owner": "alice"}, "headers": {"x-amz-acl": "private"}, "query": {"x-id": "PutObject"}, "expires_in": "15m"}"#,
        "this is not json",
        "",
        r#"{"id": {"n": 4}, "bucket": "x", "key": "k"}"#,
        r#"{"id": 5, "bucket": "examplebucket", "key": "k", "method": "PATCH"}"#,
        r#"{"id": 6, "bucket": "examplebucket", "key": "k", "expires_in": 604801}"#,
        r#"{"id": 7, "bucket": "examplebucket", "key": "k", "unknown": 1}"#,
        r#"{"bucket": "examplebucket", "key": "last"}"#,
    ]
    .join("\n");
    let r = s.run_stdin(
        &[
            "batch",
            "--region",
            "us-east-1",
            "--legacy-global-endpoint",
            "--time",
            T0,
        ],
        input.into_bytes(),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "presign: error: 5 of 8 lines failed (each is answered with its \"error\")\n"
    );
    let lines: Vec<serde_json::Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect(l))
        .collect();
    assert_eq!(lines.len(), 8);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["url"], DOC_URL);
    assert_eq!(lines[0]["method"], "GET");
    assert_eq!(lines[0]["headers"], serde_json::json!({}));
    assert_eq!(lines[0]["expires_at"], "2013-05-25T00:00:00Z");
    assert_eq!(lines[1]["id"], "two");
    assert_eq!(lines[1]["method"], "PUT");
    assert_eq!(
        lines[1]["headers"],
        serde_json::json!({"content-type": "image/png", "x-amz-meta-owner": "alice", "x-amz-acl": "private"})
    );
    assert_eq!(lines[1]["expires_at"], "2013-05-24T00:15:00Z");
    assert!(lines[1]["url"]
        .as_str()
        .unwrap()
        .starts_with("https://examplebucket.s3.amazonaws.com/up.png?x-id=PutObject&"));
    assert_eq!(lines[2]["id"], serde_json::Value::Null);
    assert_eq!(lines[2]["line"], 3);
    assert!(lines[2]["error"]
        .as_str()
        .unwrap()
        .contains("not a JSON object"));
    assert_eq!(lines[3]["id"], serde_json::json!({"n": 4}));
    assert_eq!(lines[3]["line"], 5);
    assert!(lines[3]["error"]
        .as_str()
        .unwrap()
        .contains("invalid bucket name"));
    assert!(lines[4]["error"].as_str().unwrap().contains("PATCH"));
    assert!(lines[5]["error"].as_str().unwrap().contains("604801"));
    assert_eq!(lines[6]["id"], 7);
    assert!(lines[6]["error"]
        .as_str()
        .unwrap()
        .contains("unknown field"));
    assert_eq!(lines[7]["id"], serde_json::Value::Null);
    assert!(lines[7]["url"].as_str().unwrap().contains("/last?"));
}

#[test]
fn batch_of_100_000_lines() {
    let s = Sandbox::doc_keys();
    let mut input = String::with_capacity(100_000 * 80);
    for i in 0..100_000 {
        input.push_str(&format!(
            "{{\"id\":{i},\"bucket\":\"bucket-{}\",\"key\":\"photos/{i}/img {i}.jpg\"}}\n",
            i % 7
        ));
    }
    let start = std::time::Instant::now();
    let r = s.run_stdin(
        &["batch", "--region", "eu-west-1", "--time", T0],
        input.into_bytes(),
    );
    let elapsed = start.elapsed();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut n = 0;
    for (i, line) in r.stdout.lines().enumerate() {
        assert!(line.starts_with(&format!("{{\"id\":{i},\"url\":\"https://bucket-{}.s3.eu-west-1.amazonaws.com/photos/{i}/img%20{i}.jpg?", i % 7)), "{line}");
        n += 1;
    }
    assert_eq!(n, 100_000);
    eprintln!(
        "presign batch: 100000 lines in {:.3} s ({} build of the binary)",
        elapsed.as_secs_f64(),
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
}

// ---------------------------------------------------------------- explain

#[test]
fn explain_the_documentation_url() {
    let s = Sandbox::new();
    let out = s
        .run(&["explain", DOC_URL, "--time", "2013-05-24T06:30:00Z"])
        .ok()
        .to_string();
    for needle in [
        "host               examplebucket.s3.amazonaws.com",
        "bucket             examplebucket (virtual-hosted)",
        "key                test.txt",
        "method             not in the URL",
        "access key id      AKIAIOSFODNN7EXAMPLE",
        "20130524/us-east-1/s3/aws4_request",
        "signed at          2013-05-24T00:00:00Z",
        "expires at         2013-05-25T00:00:00Z (lifetime 1d)",
        "status             valid: 17h 30m left",
        "must send headers  none besides Host",
        "session token      none",
    ] {
        assert!(out.contains(needle), "{needle:?} not in:\n{out}");
    }
    let out = s
        .run(&["explain", DOC_URL, "--time", "2013-05-27T01:00:00Z"])
        .ok()
        .to_string();
    assert!(
        out.contains("status             expired: 2d 1h ago"),
        "{out}"
    );
}

#[test]
fn explain_tokens_and_json_without_printing_the_session_token() {
    let token = "IQoJb3JpZ2luX2VjEJr-SESSION-TOKEN-VALUE";
    let s = Sandbox::doc_keys().env("AWS_SESSION_TOKEN", token);
    let url = s
        .run(&[
            "s3://my.bucket/dir/a%20b",
            "-X",
            "PUT",
            "--content-type",
            "text/plain",
            "--region",
            "eu-west-1",
            "--time",
            T0,
        ])
        .ok()
        .to_string();
    let r = s.run(&["explain", &url, "--time", T0, "--json"]);
    let v: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    r.no_secret(token);
    assert_eq!(v["bucket"], "my.bucket");
    assert_eq!(v["key"], "dir/a%20b");
    assert_eq!(v["addressing"], "path-style");
    assert_eq!(v["must_send_headers"], serde_json::json!(["content-type"]));
    assert_eq!(v["session_token"], true);
    assert_eq!(v["session_token_length"], token.len());
    assert_eq!(v["status"], "valid");
    let rds = s
        .run(&[
            "rds-token",
            "--hostname",
            "db.example.com",
            "--port",
            "5432",
            "--username",
            "app",
            "--region",
            "us-east-1",
            "--time",
            T0,
        ])
        .ok()
        .to_string();
    let r = s.run(&["explain", &rds, "--time", T0]);
    r.no_secret(token);
    assert!(r.ok().contains("database auth token"), "{}", r.stdout);
    assert!(r.stdout.contains("service rds-db"), "{}", r.stdout);
    let eks = s
        .run(&[
            "eks-token",
            "--cluster-name",
            "c",
            "--region",
            "eu-west-1",
            "--time",
            T0,
        ])
        .ok()
        .to_string();
    let v: serde_json::Value = serde_json::from_str(&eks).unwrap();
    let r = s.run(&[
        "explain",
        v["status"]["token"].as_str().unwrap(),
        "--time",
        T0,
    ]);
    assert!(r.ok().contains("EKS token"), "{}", r.stdout);
    assert!(r.stdout.contains("x-k8s-aws-id"), "{}", r.stdout);
    s.run(&["explain", "https://example.com/file?x=1"])
        .fails(1, "not a SigV4 presigned URL");
}

// ---------------------------------------------------------------- verify, exit codes, help

#[test]
fn verify_ok_and_every_reason_why_not() {
    let s = Sandbox::doc_keys();
    let at = "2013-05-24T01:00:00Z";
    let r = s.run(&["verify", DOC_URL, "--time", at]);
    assert!(r.ok().starts_with("OK: valid for GET signed by AKIAIOSFODNN7EXAMPLE (scope 20130524/us-east-1/s3/aws4_request)"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("expires at 2013-05-25T00:00:00Z (23h left)"),
        "{}",
        r.stdout
    );
    s.run(&["verify", DOC_URL, "--time", "2013-05-26T00:00:00Z"])
        .fails(1, "Request has expired");
    s.run(&["verify", DOC_URL, "--time", "2013-05-23T00:00:00Z"])
        .fails(1, "RequestTimeTooSkewed");
    s.run(&["verify", DOC_URL, "-X", "PUT", "--time", at])
        .fails(1, "the URL is signed for GET, not PUT");
    s.run(&[
        "verify",
        &DOC_URL.replace("test.txt", "test2.txt"),
        "--time",
        at,
    ])
    .fails(1, "SignatureDoesNotMatch");
    s.run(&["verify", DOC_URL, "--time", at, "--region", "eu-west-1"])
        .fails(1, "expecting 'eu-west-1'");
    let r = s.run(&[
        "verify",
        &DOC_URL.replace("test.txt", "test2.txt"),
        "--time",
        at,
        "--details",
    ]);
    r.fails(1, "SignatureDoesNotMatch");
    assert!(
        r.stdout
            .starts_with("canonical request:\nGET\n/test2.txt\n"),
        "{}",
        r.stdout
    );
    // Another access key.
    s.run_env(
        &["verify", DOC_URL, "--time", at],
        &[("AWS_ACCESS_KEY_ID", "AKIDOTHER")],
    )
    .fails(1, "your credentials are for AKIDOTHER");
    // Another secret for the same key id.
    s.run_env(
        &["verify", DOC_URL, "--time", at],
        &[("AWS_SECRET_ACCESS_KEY", "other-secret")],
    )
    .fails(1, "another secret key");

    // A PUT with a signed Content-Type: verified only with the header, and the method.
    let put = s
        .run(&[
            "s3://bkt1/k",
            "-X",
            "PUT",
            "--content-type",
            "text/plain",
            "--time",
            T0,
        ])
        .ok()
        .to_string();
    s.run(&["verify", &put, "-X", "PUT", "--time", T0])
        .fails(1, "\"content-type\" is signed");
    s.run(&[
        "verify",
        &put,
        "-X",
        "PUT",
        "-H",
        "Content-Type: text/html",
        "--time",
        T0,
    ])
    .fails(1, "SignatureDoesNotMatch");
    let r = s.run(&[
        "verify",
        &put,
        "-X",
        "put",
        "-H",
        "Content-Type: text/plain",
        "--time",
        T0,
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(r.ok()).unwrap();
    assert_eq!(v["ok"], true);
    assert_eq!(
        v["signed_headers"],
        serde_json::json!(["content-type", "host"])
    );
    let r = s.run(&[
        "verify",
        &put,
        "--time",
        T0,
        "-H",
        "Content-Type: text/plain",
        "--json",
    ]);
    assert_eq!(r.code, 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        (
            v["ok"].as_bool(),
            v["code"].as_str(),
            v["http_status"].as_u64()
        ),
        (Some(false), Some("SignatureDoesNotMatch"), Some(403))
    );
    assert!(
        v["message"].as_str().unwrap().contains("signed for PUT"),
        "{v}"
    );

    // Tokens: RDS as printed, EKS with its cluster header.
    let token = "SESSION-TOKEN-NEVER-PRINTED";
    let s = Sandbox::doc_keys().env("AWS_SESSION_TOKEN", token);
    let rds = s
        .run(&[
            "rds-token",
            "--hostname",
            "db.example.com",
            "--port",
            "3306",
            "--username",
            "u",
            "--region",
            "us-east-1",
            "--time",
            T0,
        ])
        .ok()
        .to_string();
    let r = s.run(&["verify", &rds, "--time", T0]);
    assert!(r.ok().starts_with("OK: valid for GET"), "{}", r.stdout);
    r.no_secret(token);
    let eks = s
        .run(&[
            "eks-token",
            "--cluster-name",
            "c1",
            "--region",
            "eu-west-1",
            "--time",
            T0,
        ])
        .ok()
        .to_string();
    let v: serde_json::Value = serde_json::from_str(&eks).unwrap();
    let t = v["status"]["token"].as_str().unwrap();
    s.run(&["verify", t, "--time", T0]).fails(1, "x-k8s-aws-id");
    s.run(&["verify", t, "--time", T0, "-H", "x-k8s-aws-id: c1"])
        .ok();
    // The URL carries a session token other than ours.
    let r = s.run_env(
        &["verify", &rds, "--time", T0],
        &[("AWS_SESSION_TOKEN", "another-token")],
    );
    r.fails(1, "InvalidToken");
    r.no_secret(token);
    r.no_secret("another-token");
}

#[test]
fn exit_codes() {
    let s = Sandbox::doc_keys();
    assert_eq!(s.run(&DOC_ARGS).code, 0);
    // Usage errors: 2, one line.
    s.run(&["s3://bkt1/k", "--expires-in", "8d"])
        .fails(2, "604800");
    s.run(&["s3://bkt1/k", "--expires-in", "soon"])
        .fails(2, "not a duration");
    s.run(&["s3://bkt1/k", "--time", "yesterday"])
        .fails(2, "RFC 3339");
    s.run(&["s3://bkt1/k", "-H", "no-colon"])
        .fails(2, "Name: value");
    s.run(&["https://bkt1/k"]).fails(2, "not an S3 URL");
    s.run(&["s3://bkt1/k", "--bogus"]).fails(2, "--bogus");
    s.run(&["url", "GET"]).fails(2, "required");
    s.run(&["s3://bkt1/k", "-X", "PATCH"]).fails(2, "PATCH");
    let bare = s.run(&[]);
    assert_eq!(bare.code, 2);
    assert!(bare.stderr.contains("Usage:"), "{}", bare.stderr);
    // Signing failures: 1.
    s.run(&["s3://ab/k"]).fails(1, "invalid bucket name");
    s.run(&[
        "s3://bkt1/k",
        "-H",
        "content-type: a",
        "--content-type",
        "b",
    ])
    .fails(1, "more than once");
    s.run(&["s3://bkt1/k", "-H", "x-amz-date: 1"])
        .fails(1, "set by the signer");
    s.run(&["s3://bkt1/k", "--region", "Mars 1"])
        .fails(1, "invalid region");
    // Help and version: 0.
    let h = s.run(&["--help"]);
    assert_eq!(h.code, 0);
    assert!(
        h.stdout.contains("batch") && h.stdout.contains("--expires-in"),
        "{}",
        h.stdout
    );
    assert_eq!(s.run(&["--version"]).code, 0);
    assert_eq!(s.run(&["eks-token", "--help"]).code, 0);
}

// ---------------------------------------------------------------- post

#[test]
fn post_policy_json_html_and_verification() {
    use presign::s3::{Bucket, Endpoint, PostForm, PostPolicy, PostVerifier};
    use presign::{Credentials, Timestamp};
    let s = Sandbox::doc_keys();
    let args = [
        "post",
        "s3://sigv4examplebucket/user/user1/",
        "--max-size",
        "10MB",
        "--content-type-prefix",
        "image/",
        "--region",
        "us-east-1",
        "--time",
        "2015-12-29T00:00:00Z",
        "--expires-in",
        "1h",
    ];
    let out = s.run(&args).ok().to_string();
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["url"],
        "https://sigv4examplebucket.s3.us-east-1.amazonaws.com/"
    );
    let fields = json["fields"].as_object().unwrap();
    assert_eq!(fields["key"], "user/user1/${filename}");
    assert_eq!(
        fields["x-amz-credential"],
        "AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request"
    );
    // The CLI prints exactly what the library builds with the same conditions.
    let creds = Credentials::new(DOC_AKID, DOC_SECRET).unwrap();
    let t = Timestamp::parse_rfc3339("2015-12-29T00:00:00Z").unwrap();
    let bucket = Bucket::new(Endpoint::aws("us-east-1").unwrap(), "sigv4examplebucket").unwrap();
    let lib = PostPolicy::new(&bucket)
        .key_starts_with("user/user1/")
        .expires_in(3600)
        .content_length_range(0, 10_000_000)
        .content_type_starts_with("image/")
        .sign(&creds, t)
        .unwrap();
    assert_eq!(out.trim_end(), lib.to_json());
    // What the form sends verifies; one byte too many does not.
    let mut sent: Vec<(String, String)> = fields
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect();
    sent.push(("Content-Type".into(), "image/png".into()));
    let verifier = PostVerifier::new(|_: &str| Some(creds.clone()));
    let form = |size| PostForm::new("sigv4examplebucket", sent.clone(), size).file_name("cat.png");
    verifier.verify(&form(10_000_000), t).unwrap();
    let e = verifier.verify(&form(10_000_001), t).unwrap_err();
    assert!(e.to_string().contains("10000000"), "{e}");
    // The HTML form carries the same fields, the file input last.
    let html = s.run(&[&args[..], &["--html"]].concat()).ok().to_string();
    assert!(
        html.contains("action=\"https://sigv4examplebucket.s3.us-east-1.amazonaws.com/\""),
        "{html}"
    );
    assert!(html.contains(fields["x-amz-signature"].as_str().unwrap()));
    assert!(html.find("name=\"policy\"").unwrap() < html.find("type=\"file\"").unwrap());
    // A usage error for a bad size.
    let r = s.run(&["post", "s3://b12/x/", "--max-size", "10XB"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown size unit"), "{}", r.stderr);
}
