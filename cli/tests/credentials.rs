//! The credential chain, in the AWS CLI's order, with temporary HOME and AWS_CONFIG_FILE /
//! AWS_SHARED_CREDENTIALS_FILE: a profile whose identity only the network can give (assume-role,
//! web identity, SSO, `aws login`) is refused, never signed with the other keys it holds.

mod common;

use common::{param, Sandbox};

const T0: &str = "2013-05-24T00:00:00Z";
const ARGS: [&str; 3] = ["s3://bkt1/k", "--time", T0];

fn akid_of(url: &str) -> &str {
    param(url, "X-Amz-Credential")
        .unwrap()
        .split("%2F")
        .next()
        .unwrap()
}

fn with<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    [&ARGS[..], extra].concat()
}

const STATIC_WORK: &str = "[work]\naws_access_key_id = AKIDSTATIC\naws_secret_access_key = static-secret\n[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n";

/// Asserts a refusal that names the identity and says what to do instead, and printed nothing.
#[track_caller]
fn refused(r: &common::Run, what: &str, profile_flag: &str) {
    r.fails(1, what);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(
        r.stderr.contains(&format!(
            "aws configure export-credentials{profile_flag} --format env"
        )),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("without --profile"), "{}", r.stderr);
}

#[test]
fn role_arn_with_static_keys_in_the_credentials_file_is_refused() {
    let s = Sandbox::new();
    s.write(".aws/credentials", STATIC_WORK);
    s.write(
        ".aws/config",
        "[profile work]\nrole_arn = arn:aws:iam::123456789012:role/Deploy\nsource_profile = base\n",
    );
    let r = s.run(&with(&["--profile", "work"]));
    refused(
        &r,
        "profile \"work\" assumes the role arn:aws:iam::123456789012:role/Deploy",
        " --profile work",
    );
    assert!(r.stderr.contains("source_profile \"base\""), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("does not use the static keys of [work] in"),
        "{}",
        r.stderr
    );
    // The same through AWS_PROFILE.
    let r = s.run_env(&ARGS, &[("AWS_PROFILE", "work")]);
    refused(&r, "assumes the role", " --profile work");
    // The source profile alone is its own identity: signed with its keys.
    let u = s.run(&with(&["--profile", "base"])).ok().to_string();
    assert_eq!(akid_of(&u), "AKIDBASE");
}

#[test]
fn role_arn_with_static_keys_in_the_same_config_section_is_refused() {
    let s = Sandbox::new();
    s.write(
        ".aws/config",
        "[default]\naws_access_key_id = AKIDSAME\naws_secret_access_key = same-secret\nrole_arn = arn:aws:iam::123456789012:role/R\ncredential_source = Environment\n",
    );
    let r = s.run(&ARGS);
    refused(&r, "profile \"default\" assumes the role", "");
    assert!(
        r.stderr.contains("credential_source Environment"),
        "{}",
        r.stderr
    );
    r.no_secret("same-secret");
}

#[test]
fn role_arn_in_the_credentials_file_counts_as_the_aws_cli_merges_the_files() {
    let s = Sandbox::new();
    s.write(".aws/credentials", "[work]\naws_access_key_id = AKIDSTATIC\naws_secret_access_key = static-secret\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = work\n");
    let r = s.run(&with(&["--profile", "work"]));
    refused(&r, "assumes the role", " --profile work");
    assert!(r.stderr.contains("role_arn in [work] in"), "{}", r.stderr);
}

#[test]
fn role_arn_with_credential_process_does_not_run_the_process() {
    let s = Sandbox::new();
    let marker = s.home.join("ran");
    let script = s.write(
        "bin/creds.sh",
        &format!(
            "#!/bin/sh\ntouch {}\necho '{{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", \"SecretAccessKey\": \"s\"}}'\n",
            marker.display()
        ),
    );
    s.write(
        ".aws/config",
        &format!(
            "[profile work]\nrole_arn = arn:aws:iam::123456789012:role/R\ncredential_process = sh {}\n",
            script.display()
        ),
    );
    let r = s.run(&with(&["--profile", "work"]));
    refused(&r, "assumes the role", " --profile work");
    assert!(
        r.stderr
            .contains("the credential_process of [profile work]"),
        "{}",
        r.stderr
    );
    assert!(!marker.exists(), "the credential_process ran");
}

#[test]
fn the_environment_still_wins_over_a_role_profile_unless_profile_is_given() {
    let s = Sandbox::new()
        .env("AWS_ACCESS_KEY_ID", "AKIDENV")
        .env("AWS_SECRET_ACCESS_KEY", "env-secret")
        .env("AWS_PROFILE", "work");
    s.write(
        ".aws/config",
        "[profile work]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = base\n",
    );
    s.write(".aws/credentials", STATIC_WORK);
    // The AWS CLI takes the environment's keys first: so does presign.
    assert_eq!(akid_of(s.run(&ARGS).ok()), "AKIDENV");
    refused(
        &s.run(&with(&["--profile", "work"])),
        "assumes the role",
        " --profile work",
    );
}

#[test]
fn web_identity_is_refused_from_the_environment_and_the_profile() {
    let s = Sandbox::new();
    s.write(".aws/credentials", "[default]\naws_access_key_id = AKIDDEF\naws_secret_access_key = def-secret\n[work]\naws_access_key_id = AKIDSTATIC\naws_secret_access_key = static-secret\n");
    let vars = [
        ("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token"),
        ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/Pod"),
    ];
    // EKS/IRSA-style variables come before the credentials file in the AWS CLI's chain.
    let r = s.run_env(&ARGS, &vars);
    refused(&r, "AWS_WEB_IDENTITY_TOKEN_FILE is set", "");
    assert!(
        r.stderr.contains("AssumeRoleWithWebIdentity"),
        "{}",
        r.stderr
    );
    // --profile turns the environment off, as in the AWS CLI.
    let u = s
        .run_env(&with(&["--profile", "work"]), &vars)
        .ok()
        .to_string();
    assert_eq!(akid_of(&u), "AKIDSTATIC");
    // In the profile, with role_arn: web identity (not assume-role).
    s.write(".aws/config", "[profile work]\nrole_arn = arn:aws:iam::123456789012:role/R\nweb_identity_token_file = /t\n");
    refused(
        &s.run(&with(&["--profile", "work"])),
        "profile \"work\" has web_identity_token_file",
        " --profile work",
    );
}

#[test]
fn sso_profiles_are_refused_before_the_credentials_file() {
    let s = Sandbox::new();
    s.write(".aws/credentials", STATIC_WORK);
    s.write(".aws/config", "[profile work]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n[profile base]\nsso_session = corp\n");
    let r = s.run(&with(&["--profile", "work"]));
    refused(
        &r,
        "profile \"work\" signs in with IAM Identity Center (sso_account_id",
        " --profile work",
    );
    // sso_session alone (no account or role) is not an SSO credential profile for the AWS
    // CLI either: the credentials file's keys are used.
    let u = s.run(&with(&["--profile", "base"])).ok().to_string();
    assert_eq!(akid_of(&u), "AKIDBASE");
}

#[test]
fn login_session_comes_after_the_credentials_file() {
    let s = Sandbox::new();
    s.write(
        ".aws/config",
        "[profile work]\nlogin_session = arn:aws:iam::123456789012:user/me\n[profile lone]\nlogin_session = arn:aws:iam::123456789012:user/me\naws_access_key_id = AKIDCFG\naws_secret_access_key = cfg-secret\n",
    );
    s.write(".aws/credentials", STATIC_WORK);
    let u = s.run(&with(&["--profile", "work"])).ok().to_string();
    assert_eq!(akid_of(&u), "AKIDSTATIC");
    refused(
        &s.run(&with(&["--profile", "lone"])),
        "uses an `aws login` session",
        " --profile lone",
    );
}

fn process_script(s: &Sandbox, akid: &str) -> String {
    let script = s.write(
        &format!("bin/{akid}.sh"),
        &format!("#!/bin/sh\necho '{{\"Version\": 1, \"AccessKeyId\": \"{akid}\", \"SecretAccessKey\": \"proc-secret\"}}'\n"),
    );
    format!("sh {}", script.display())
}

#[test]
fn credential_process_sits_between_the_credentials_and_config_files() {
    let s = Sandbox::new();
    let cfg = format!(
        "[profile both]\naws_access_key_id = AKIDCFG\naws_secret_access_key = cfg-secret\ncredential_process = {}\n[profile work]\ncredential_process = {}\n",
        process_script(&s, "AKIDPROC"),
        process_script(&s, "AKIDNOTRUN")
    );
    s.write(".aws/config", &cfg);
    // The process beats static keys in the same config section...
    let u = s.run(&with(&["--profile", "both"])).ok().to_string();
    assert_eq!(akid_of(&u), "AKIDPROC");
    // ...and static keys in the credentials file beat the process.
    s.write(".aws/credentials", STATIC_WORK);
    let u = s.run(&with(&["--profile", "work"])).ok().to_string();
    assert_eq!(akid_of(&u), "AKIDSTATIC");
    // A credential_process in the credentials file is run too.
    s.write(
        ".aws/credentials",
        &format!(
            "[default]\ncredential_process = {}\n",
            process_script(&s, "AKIDCREDFILE")
        ),
    );
    let u = s.run(&ARGS).ok().to_string();
    assert_eq!(akid_of(&u), "AKIDCREDFILE");
}

#[test]
fn a_hung_credential_process_is_stopped() {
    let s = Sandbox::new();
    s.write(
        ".aws/config",
        "[default]\ncredential_process = exec sleep 30\n",
    );
    let r = s.run_env(&ARGS, &[("PRESIGN_CREDENTIAL_PROCESS_TIMEOUT", "1")]);
    r.fails(1, "did not finish within 1 s and was stopped");
    assert!(
        r.stderr.contains("PRESIGN_CREDENTIAL_PROCESS_TIMEOUT"),
        "{}",
        r.stderr
    );
    s.run_env(&ARGS, &[("PRESIGN_CREDENTIAL_PROCESS_TIMEOUT", "soon")])
        .fails(1, "must be a number of seconds");
    // A process that closes its stdout but does not exit is stopped as well.
    s.write(
        ".aws/config",
        "[default]\ncredential_process = exec >&- ; exec sleep 30\n",
    );
    s.run_env(&ARGS, &[("PRESIGN_CREDENTIAL_PROCESS_TIMEOUT", "1")])
        .fails(1, "did not finish within 1 s");
    // Output far beyond credentials JSON is refused.
    s.write(
        ".aws/config",
        "[default]\ncredential_process = head -c 100000 /dev/zero\n",
    );
    s.run(&ARGS).fails(1, "printed more than 64 KiB");
}

#[test]
fn two_different_session_tokens_are_refused() {
    let s = Sandbox::new()
        .env("AWS_ACCESS_KEY_ID", "AKIDENV")
        .env("AWS_SECRET_ACCESS_KEY", "env-secret");
    let u = s
        .run_env(&ARGS, &[("AWS_SECURITY_TOKEN", "OLDTOKEN")])
        .ok()
        .to_string();
    assert_eq!(param(&u, "X-Amz-Security-Token"), Some("OLDTOKEN"));
    let u = s
        .run_env(
            &ARGS,
            &[
                ("AWS_SECURITY_TOKEN", "SAME"),
                ("AWS_SESSION_TOKEN", "SAME"),
            ],
        )
        .ok()
        .to_string();
    assert_eq!(param(&u, "X-Amz-Security-Token"), Some("SAME"));
    let r = s.run_env(
        &ARGS,
        &[("AWS_SECURITY_TOKEN", "OLD"), ("AWS_SESSION_TOKEN", "NEW")],
    );
    r.fails(1, "AWS_SESSION_TOKEN and AWS_SECURITY_TOKEN are both set");
    r.no_secret("OLD");
    let s = Sandbox::new();
    s.write(".aws/credentials", "[default]\naws_access_key_id = A\naws_secret_access_key = s\naws_session_token = T1\naws_security_token = T2\n");
    s.run(&ARGS)
        .fails(1, "aws_session_token and aws_security_token are both set");
}
