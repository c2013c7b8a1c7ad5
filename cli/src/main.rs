//! `presign`: presigned S3 URLs and AWS SigV4 tokens from the terminal.
//!
//! Exit codes: 0 on success, 2 for usage errors, 1 for signing, verification, credential and
//! I/O failures. Errors are one line on stderr: `presign: error: ...`.
//!
//! This file only parses the command line and dispatches: each subcommand is in `commands/`,
//! the argument groups they share and the value parsers in `args/`, the AWS configuration in
//! `profile/`, the credential chain in `credentials/`, and what is printed in `output/`.

mod args;
mod base64url;
mod clock;
mod commands;
mod credentials;
mod error;
mod output;
mod profile;

use clap::{Parser, Subcommand};
use commands::{
    batch, create_session, diagnose, dsql_token, eks_token, explain, post, rds_token, s3, url,
    verify,
};
use error::Result;
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
  presign diagnose --presigned upload.json -X PUT -H 'Content-Type: image/jpeg' 'https://...'

Credentials come from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY[/AWS_SESSION_TOKEN] (unless
--profile), else the profile (--profile, AWS_PROFILE or default) in ~/.aws/credentials and
~/.aws/config, in the AWS CLI's order. presign never calls the network: a profile that assumes
a role or signs in with SSO is refused, with how to export its keys instead.
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
    s3: s3::S3Args,
}

#[derive(Subcommand)]
enum Command {
    /// Presign any AWS request (execute-api, sts, s3, ...) given as METHOD URL.
    Url(url::UrlArgs),
    /// Make an RDS IAM authentication token (a password for MySQL/PostgreSQL on RDS).
    RdsToken(rds_token::RdsArgs),
    /// Make an Aurora DSQL authentication token.
    DsqlToken(dsql_token::DsqlArgs),
    /// Make an EKS token and print the ExecCredential, like `aws eks get-token`.
    EksToken(eks_token::EksArgs),
    /// Presign JSON lines from stdin into JSON lines on stdout, one per line.
    ///
    /// Each input line: {"id": any, "bucket": "b", "key": "k", "method": "GET", "expires_in":
    /// 3600 or "15m", "content_type": "...", "headers": {...}, "metadata": {...}, "query":
    /// {...}} (only "bucket" is required). Each output line, in input order: {"id", "url",
    /// "method", "headers" (to send), "expires_at"}, or {"id", "line", "error"} for a line that
    /// cannot be signed (a name given twice in headers/metadata/query, a reserved bucket name,
    /// a line over 4 MiB, ...); a bad line never stops the batch, and the exit code is then 1.
    /// The query keeps the caller's order. Every URL of a batch is signed at the same time,
    /// read once when the batch starts (or --time). Endpoint, region and credentials are chosen
    /// once for the batch, as for s3:// URLs. Lines are signed on every core, answers written
    /// in input order, in bounded memory; a closed stdin or stdout is an error.
    Batch(batch::BatchArgs),
    /// A presigned POST policy for browser form uploads (size limits, content-type prefix):
    /// prints the form URL and fields as JSON, or a ready HTML form with --html.
    Post(post::PostArgs),
    /// Say what a presigned URL (or RDS/DSQL/EKS token) contains and whether it is still valid.
    Explain(explain::ExplainArgs),
    /// The signed CreateSession request of an S3 Express One Zone directory bucket, as a curl
    /// command (or --json) for you to send: its XML answer holds the session credentials that
    /// `presign s3://BUCKET/KEY --express-session FILE` signs with.
    CreateSession(create_session::CreateSessionArgs),
    /// Check a presigned URL's signature with your credentials.
    Verify(verify::VerifyArgs),
    /// Say why a request made with a presigned URL fails: compare what was presigned with what
    /// the client sent (another Content-Type, a missing x-amz-meta-*, another method, a path a
    /// browser rewrote, ...). No credentials needed.
    Diagnose(diagnose::DiagnoseArgs),
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        None => s3::run(cli.s3),
        Some(Command::Url(a)) => url::run(a),
        Some(Command::RdsToken(a)) => rds_token::run(a),
        Some(Command::DsqlToken(a)) => dsql_token::run(a),
        Some(Command::EksToken(a)) => eks_token::run(a),
        Some(Command::Batch(a)) => batch::run(a),
        Some(Command::Post(a)) => post::run(a),
        Some(Command::Explain(a)) => explain::run(a),
        Some(Command::CreateSession(a)) => create_session::run(a),
        Some(Command::Verify(a)) => verify::run(a),
        Some(Command::Diagnose(a)) => diagnose::run(a),
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
            let line = error::clap_one_line(&e.render().to_string());
            let line = output::abbreviate::abbreviate(&line);
            eprintln!("presign: error: {line} (see presign --help)");
            return ExitCode::from(error::USAGE as u8);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "presign: error: {}",
                output::abbreviate::abbreviate(&e.message)
            );
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
        let line = error::clap_one_line(&e.render().to_string());
        assert!(!line.contains('\n'));
        assert!(line.contains("required"), "{line}");
    }
}
