//! `presign create-session s3://BUCKET`: the signed S3 Express One Zone `CreateSession` request
//! for a directory bucket, for you to send; its response gives the session credentials that
//! `presign s3://BUCKET/KEY --express-session FILE` signs with.

use super::s3::directory_bucket;
use crate::args::s3_object::parse_s3_url;
use crate::args::{CommonArgs, S3EndpointArgs, S3Target};
use crate::clock;
use crate::credentials;
use crate::error::{CliError, Result};
use crate::output::shell::shell_quote;
use crate::output::stdout::print_line;
use crate::profile::Config;
use clap::Args;
use presign::s3::express::{create_session, SessionMode};

/// `presign create-session s3://BUCKET`.
#[derive(Args)]
pub struct CreateSessionArgs {
    /// The directory bucket, s3://NAME--ZONEID--x-s3.
    #[arg(value_name = "s3://BUCKET", value_parser = parse_s3_url)]
    pub target: S3Target,
    /// A read-only session (x-amz-create-session-mode: ReadOnly).
    #[arg(long)]
    pub read_only: bool,
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub endpoint: S3EndpointArgs,
}

pub fn run(a: CreateSessionArgs) -> Result<()> {
    if a.target.key.is_some() {
        return Err(CliError::usage(
            "CreateSession is for a bucket: give s3://BUCKET without a key",
        ));
    }
    let cfg = Config::load(a.common.profile.as_deref())?;
    let region = cfg.s3_region(a.common.region.as_deref());
    let bucket = directory_bucket(&a.target.bucket, &region, &a.endpoint)?;
    let creds = credentials::find(&cfg)?;
    let time = clock::time_or_now(a.common.time)?;
    let mode = if a.read_only {
        SessionMode::ReadOnly
    } else {
        SessionMode::ReadWrite
    };
    let signed = create_session(&bucket, &creds, time, mode)?;
    // --json: the request as {"method", "url", "headers"} instead of a curl command.
    if a.common.json {
        let headers: serde_json::Map<String, serde_json::Value> = signed
            .headers
            .iter()
            .map(|(n, v)| (n.clone(), serde_json::Value::from(v.as_str())))
            .collect();
        let doc = serde_json::json!({"method": signed.method.as_str(), "url": signed.url, "headers": headers});
        return print_line(&serde_json::to_string_pretty(&doc).unwrap_or_default());
    }
    let mut line = String::from("curl -sS");
    for (n, v) in &signed.headers {
        line.push_str(" -H ");
        line.push_str(&shell_quote(&format!("{n}: {v}")));
    }
    line.push(' ');
    line.push_str(&shell_quote(&signed.url));
    print_line(&line)
}
