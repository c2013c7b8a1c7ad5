//! `presign post s3://BUCKET/PREFIX`: a presigned POST policy for browser form uploads, printed
//! as JSON (the form URL and its fields) or as a ready HTML form.

use crate::args::s3_object::parse_s3_url;
use crate::args::values::{parse_kv, parse_size};
use crate::args::{CommonArgs, S3EndpointArgs, S3Target};
use crate::clock;
use crate::credentials;
use crate::error::{CliError, Result};
use crate::output::print_line;
use crate::output::stderr::print_note;
use crate::profile::Config;
use clap::Args;
use presign::s3::{Bucket, PostPolicy, PresignedPost};

/// `presign post`.
#[derive(Args)]
pub struct PostArgs {
    /// s3://BUCKET/KEY for one exact key, s3://BUCKET/PREFIX/ (trailing slash) or s3://BUCKET to
    /// let the browser pick any key under the prefix (`PREFIX${filename}`), or a key ending in
    /// ${filename}.
    #[arg(value_name = "s3://BUCKET/PREFIX", value_parser = parse_s3_url)]
    pub target: S3Target,
    /// The largest file accepted: bytes, or with a unit: 500KB, 10MB, 1GB (powers of 1000) or
    /// 10MiB (powers of 1024). A presigned PUT cannot cap the size; a POST policy can.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_size: Option<u64>,
    /// The smallest file accepted (default 0 when --max-size is given).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub min_size: Option<u64>,
    /// The Content-Type field must be exactly this.
    #[arg(long, value_name = "TYPE", conflicts_with = "content_type_prefix")]
    pub content_type: Option<String>,
    /// The Content-Type field must start with this, e.g. image/.
    #[arg(long, value_name = "PREFIX")]
    pub content_type_prefix: Option<String>,
    /// Canned ACL, e.g. private or public-read.
    #[arg(long, value_name = "ACL")]
    pub acl: Option<String>,
    /// User metadata NAME=VALUE, as the field x-amz-meta-NAME (repeatable).
    #[arg(long, value_name = "NAME=VALUE", value_parser = parse_kv)]
    pub metadata: Vec<(String, String)>,
    /// The status S3 answers a successful upload with: 200, 201 or 204.
    #[arg(long, value_name = "CODE")]
    pub success_action_status: Option<u16>,
    /// Where S3 redirects the browser after a successful upload.
    #[arg(long, value_name = "URL")]
    pub success_action_redirect: Option<String>,
    /// Print a ready HTML form instead of JSON.
    #[arg(long)]
    pub html: bool,
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub endpoint: S3EndpointArgs,
}

pub fn run(a: PostArgs) -> Result<()> {
    if !a.common.headers.is_empty() {
        return Err(CliError::usage(
            "-H does not apply to POST forms: use --metadata or the field options",
        ));
    }
    let cfg = Config::load(a.common.profile.as_deref())?;
    let region = cfg.s3_region(a.common.region.as_deref());
    let endpoint = a.endpoint.resolve(&cfg, &region)?;
    let bucket = Bucket::new(endpoint, &a.target.bucket)?;
    let mut policy = PostPolicy::new(&bucket);
    policy = match a.target.key.as_deref() {
        None => policy.key_starts_with(""),
        Some(k) if k.ends_with('/') => policy.key_starts_with(k),
        Some(k) => policy.key(k),
    };
    if let Some(e) = a.common.expires_in {
        policy = policy.expires_in(e);
    }
    match (a.min_size, a.max_size) {
        (None, None) => {}
        (min, max) => {
            policy = policy.content_length_range(min.unwrap_or(0), max.unwrap_or(5_000_000_000))
        }
    }
    if let Some(ct) = &a.content_type {
        policy = policy.content_type(ct);
    }
    if let Some(p) = &a.content_type_prefix {
        policy = policy.content_type_starts_with(p);
    }
    if let Some(acl) = &a.acl {
        policy = policy.acl(acl);
    }
    for (name, value) in &a.metadata {
        policy = policy.metadata(name, value);
    }
    if let Some(s) = a.success_action_status {
        policy = policy.success_action_status(s);
    }
    if let Some(r) = &a.success_action_redirect {
        policy = policy.success_action_redirect(r);
    }
    let creds = credentials::find(&cfg)?;
    let time = clock::time_or_now(a.common.time)?;
    let post = policy.sign(&creds, time)?;
    if a.common.show_signing {
        print_note(&signing_text(&post, creds.session_token()));
    }
    if a.html {
        print_line(&post.html_page())
    } else {
        print_line(&post.to_json())
    }
}

/// `--show-signing` for a form: what is signed is the `policy` field, the base64 of the policy
/// document; there is no canonical request. The session token is shown as `<redacted>`.
fn signing_text(post: &PresignedPost, token: Option<&str>) -> String {
    let document = match token {
        Some(t) => post.policy.replace(t, "<redacted>"),
        None => post.policy.clone(),
    };
    let string_to_sign = match (token, post.field("policy")) {
        (None, Some(b64)) => b64.to_string(),
        _ => "the policy field (the base64 of the document above, with its token)".to_string(),
    };
    format!("policy document:\n{document}\n\nstring to sign:\n{string_to_sign}")
}
