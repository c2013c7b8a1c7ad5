//! `presign`: presigned S3 URLs and AWS SigV4 tokens from the terminal.
//!
//! Exit codes: 0 on success, 2 for usage errors, 1 for signing, verification, credential and
//! I/O failures. Errors are one line on stderr: `presign: error: ...`.

mod batch;
mod config;
mod error;
mod explain;
mod generic;
mod ini;
mod post;
mod s3cmd;
mod util;
mod verify;

use clap::{Args, Parser, Subcommand, ValueEnum};
use error::{CliError, Result};
use presign::s3::Method;
use presign::Timestamp;
use std::io::Write;
use std::process::ExitCode;

const EXAMPLES: &str = "\
Examples:
  presign s3://my-bucket/report.pdf --expires-in 15m
  presign s3://my-bucket/upload.png -X PUT --content-type image/png --curl
  presign s3://my-bucket/a.txt --endpoint-url http://127.0.0.1:9000 --json
  presign url GET 'https://abc.execute-api.eu-west-1.amazonaws.com/prod/items' --service execute-api
  presign rds-token --hostname db.example.us-east-1.rds.amazonaws.com --port 5432 --username app
  presign eks-token --cluster-name prod --region eu-west-1
  presign batch < requests.jsonl > urls.jsonl
  presign post s3://my-bucket/uploads/ --max-size 10MB --content-type-prefix image/ --html
  presign explain 'https://my-bucket.s3.us-east-1.amazonaws.com/a.txt?X-Amz-...'
  presign verify 'https://my-bucket.s3.us-east-1.amazonaws.com/a.txt?X-Amz-...' -X GET

Credentials come from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY[/AWS_SESSION_TOKEN], else the
profile (--profile, AWS_PROFILE or default) in ~/.aws/credentials and ~/.aws/config.
Exit codes: 0 success, 1 signing/verification failure, 2 usage error.";

/// Presigned S3 URLs and AWS SigV4 tokens, without the AWS SDK or the network.
///
/// With an s3://BUCKET/KEY argument, prints a presigned URL for that object (GET unless -X says
/// otherwise). The subcommands presign other AWS requests, make database and EKS tokens, sign
/// JSON lines in bulk, and explain presigned URLs.
#[derive(Parser)]
#[command(name = "presign", version, after_help = EXAMPLES, args_conflicts_with_subcommands = true, subcommand_negates_reqs = true, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    s3: S3Args,
}

#[derive(Subcommand)]
enum Command {
    /// Presign any AWS request (execute-api, sts, s3, ...) given as METHOD URL.
    Url(generic::UrlArgs),
    /// Make an RDS IAM authentication token (a password for MySQL/PostgreSQL on RDS).
    RdsToken(generic::RdsArgs),
    /// Make an Aurora DSQL authentication token.
    DsqlToken(generic::DsqlArgs),
    /// Make an EKS token and print the ExecCredential, like `aws eks get-token`.
    EksToken(generic::EksArgs),
    /// Presign JSON lines from stdin into JSON lines on stdout, one per line.
    ///
    /// Each input line: {"id": any, "bucket": "b", "key": "k", "method": "GET", "expires_in":
    /// 3600 or "15m", "content_type": "...", "headers": {...}, "metadata": {...}, "query":
    /// {...}} (only "bucket" is required). Each output line, in input order: {"id", "url",
    /// "method", "headers" (to send), "expires_at"}, or {"id", "line", "error"} for a line that
    /// cannot be signed; a bad line never stops the batch, and the exit code is then 1. Every
    /// URL of a batch is signed at the same time, read once when the batch starts (or --time).
    /// Endpoint, region and credentials are chosen once for the batch, as for s3:// URLs.
    Batch(batch::BatchArgs),
    /// A presigned POST policy for browser form uploads (size limits, content-type prefix):
    /// prints the form URL and fields as JSON, or a ready HTML form with --html.
    Post(post::PostArgs),
    /// Say what a presigned URL (or RDS/DSQL/EKS token) contains and whether it is still valid.
    Explain(explain::ExplainArgs),
    /// Check a presigned URL's signature with your credentials.
    Verify(verify::VerifyArgs),
}

/// Options every signing command takes.
#[derive(Args, Clone)]
pub struct CommonArgs {
    /// Region to sign for (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region; for
    /// S3, then us-east-1).
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Sign at this time instead of now (RFC 3339, e.g. 2013-05-24T00:00:00Z): reproducible output.
    #[arg(long, value_name = "RFC3339", value_parser = util::parse_time)]
    pub time: Option<Timestamp>,
    /// Lifetime: seconds, or with a unit: 90s, 15m, 1h, 7d (at most 7 days).
    #[arg(long, value_name = "DURATION", value_parser = util::parse_expires)]
    pub expires_in: Option<u64>,
    /// A header to sign, 'Name: value' (repeatable). The client must send it with this value.
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE", value_parser = util::parse_header)]
    pub headers: Vec<(String, String)>,
    /// Print JSON: method, url, headers to send, signed_at, expires_at.
    #[arg(long)]
    pub json: bool,
    /// The profile in ~/.aws/credentials and ~/.aws/config (default: AWS_PROFILE, then default).
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// With temporary credentials that expire before the URL would, shorten the URL's lifetime
    /// to theirs instead of refusing.
    #[arg(long)]
    pub clamp_expiry: bool,
}

/// How the bucket goes in the URL.
#[derive(Clone, Copy, ValueEnum)]
pub enum Addressing {
    /// Virtual-hosted when the bucket name allows it, else path-style.
    Auto,
    /// bucket.host/key.
    Virtual,
    /// host/bucket/key.
    Path,
}

/// Where S3 is.
#[derive(Args, Clone)]
pub struct S3EndpointArgs {
    /// An S3-compatible endpoint, http://host:port or https://host (default: AWS_ENDPOINT_URL_S3,
    /// AWS_ENDPOINT_URL, the profile's endpoint_url, else AWS).
    #[arg(long, value_name = "URL")]
    pub endpoint_url: Option<String>,
    /// auto (default), virtual or path.
    #[arg(long, value_enum, value_name = "STYLE")]
    pub addressing_style: Option<Addressing>,
    /// In us-east-1, use the legacy global host s3.amazonaws.com (as the AWS documentation
    /// examples do) instead of s3.us-east-1.amazonaws.com.
    #[arg(long)]
    pub legacy_global_endpoint: bool,
    /// Use the dualstack (IPv4 + IPv6) endpoint.
    #[arg(long)]
    pub dualstack: bool,
    /// Use S3 Transfer Acceleration (bucket.s3-accelerate.amazonaws.com).
    #[arg(long)]
    pub accelerate: bool,
    /// Use the FIPS endpoint (s3-fips.REGION.amazonaws.com).
    #[arg(long)]
    pub fips: bool,
}

/// `presign s3://BUCKET/KEY`.
#[derive(Args)]
pub struct S3Args {
    /// The object, s3://BUCKET/KEY. The key is used exactly as typed (`a/../b` and `//x` stay);
    /// s3://BUCKET alone signs a bucket-level request (e.g. with --query list-type=2).
    #[arg(value_name = "s3://BUCKET/KEY", required = true, value_parser = s3cmd::parse_s3_url)]
    pub target: Option<s3cmd::S3Target>,
    /// HTTP method: GET, PUT, DELETE, HEAD or POST.
    #[arg(short = 'X', long, value_name = "METHOD", default_value = "GET", value_parser = parse_s3_method)]
    pub method: Method,
    /// The Content-Type the uploader must send (signed).
    #[arg(long, value_name = "TYPE")]
    pub content_type: Option<String>,
    /// User metadata NAME=VALUE, sent as x-amz-meta-NAME (signed; repeatable).
    #[arg(long, value_name = "NAME=VALUE", value_parser = util::parse_kv)]
    pub metadata: Vec<(String, String)>,
    /// A query parameter NAME=VALUE (repeatable), e.g. versionId=..., partNumber=1,
    /// response-content-disposition=attachment.
    #[arg(long, value_name = "NAME=VALUE", value_parser = util::parse_kv)]
    pub query: Vec<(String, String)>,
    /// Print a ready curl command instead of the URL.
    #[arg(long, conflicts_with = "json")]
    pub curl: bool,
    /// With --curl: the file to upload (PUT, POST) or to save to (GET) instead of a FILE placeholder.
    #[arg(long, value_name = "PATH", requires = "curl")]
    pub file: Option<String>,
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub endpoint: S3EndpointArgs,
}

fn parse_s3_method(s: &str) -> std::result::Result<Method, String> {
    Method::parse(&s.to_ascii_uppercase())
        .ok_or_else(|| format!("\"{s}\" is not one of GET, PUT, DELETE, HEAD, POST"))
}

/// Renders a clap error as one line: the message lines before the usage, joined.
fn one_line(rendered: &str) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for line in rendered.lines() {
        let t = line.trim();
        if t.starts_with("Usage:") || t.starts_with("For more information") {
            break;
        }
        if t.is_empty() {
            continue;
        }
        if out.ends_with(':') {
            out.push(' ');
            in_list = true;
        } else if !out.is_empty() {
            in_list &= !t.starts_with("tip:");
            out.push_str(if in_list { ", " } else { "; " });
        }
        out.push_str(t.strip_prefix("error: ").unwrap_or(t));
    }
    out
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        None => s3cmd::run(cli.s3),
        Some(Command::Url(a)) => generic::run_url(a),
        Some(Command::RdsToken(a)) => generic::run_rds(a),
        Some(Command::DsqlToken(a)) => generic::run_dsql(a),
        Some(Command::EksToken(a)) => generic::run_eks(a),
        Some(Command::Batch(a)) => batch::run(a),
        Some(Command::Post(a)) => post::run(a),
        Some(Command::Explain(a)) => explain::run(a),
        Some(Command::Verify(a)) => verify::run(a),
    }
}

/// Prints `text` and a newline to stdout; a closed pipe is not an error.
pub fn print_line(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::fail(format!("writing to stdout: {e}"))),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            if !e.use_stderr() {
                // --help, --version.
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                // `presign` alone: the help, as a usage error.
                let _ = e.print();
                return ExitCode::from(error::USAGE as u8);
            }
            let line = one_line(&e.render().to_string());
            eprintln!("presign: error: {line} (see presign --help)");
            return ExitCode::from(error::USAGE as u8);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("presign: error: {}", e.message);
            ExitCode::from(e.code as u8)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn clap_errors_become_one_line() {
        let e = Cli::try_parse_from(["presign", "url", "GET"])
            .err()
            .unwrap();
        let line = one_line(&e.render().to_string());
        assert!(!line.contains('\n'));
        assert!(line.contains("required"), "{line}");
    }
}
