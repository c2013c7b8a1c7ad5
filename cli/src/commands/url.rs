//! `presign url METHOD URL`: a presigned URL for any AWS request (execute-api, sts, s3, ...).

use super::s3::DEFAULT_EXPIRES;
use super::sigv4_presign::Sigv4Presign;
use crate::args::CommonArgs;
use crate::error::{CliError, Result};
use crate::output::{print_presigned, CurlFile, Format};
use clap::Args;
use presign::sigv4::{RequestUrl, UriPath};
use presign::Payload;

/// `presign url METHOD URL`.
#[derive(Args)]
pub struct UrlArgs {
    /// The HTTP method (GET, POST, ...; upper-cased).
    #[arg(value_name = "METHOD")]
    pub method: String,
    /// The URL, https://host:port/path?query (or http://). The path reaches the signer as
    /// typed; only the service's signing rules canonicalize it.
    #[arg(value_name = "URL")]
    pub url: String,
    /// The signing name of the service: execute-api, sts, s3, lambda, ...
    #[arg(long, value_name = "NAME")]
    pub service: String,
    /// Sign the path as S3 does: not normalized (`..`, `//` stay), encoded once. Always on for
    /// S3 signing names.
    #[arg(long)]
    pub unnormalized_path: bool,
    /// Sign UNSIGNED-PAYLOAD instead of the hash of an empty body (the default for S3 names).
    #[arg(long, conflicts_with = "payload_hash")]
    pub unsigned_payload: bool,
    /// Sign this payload hash (64 lower-case hex digits) instead of the empty body's.
    #[arg(long, value_name = "HEX")]
    pub payload_hash: Option<String>,
    /// Sign with SigV4a (AWS4-ECDSA-P256-SHA256), valid in every region (`X-Amz-Region-Set=*`)
    /// unless --region-set says otherwise: S3 multi-Region access points and other global
    /// endpoints. No region is needed.
    #[arg(long)]
    pub sigv4a: bool,
    /// SigV4a with this region set: `*`, `us-east-1,eu-west-1`, `us-*` (implies --sigv4a).
    #[arg(long, value_name = "REGIONS")]
    pub region_set: Option<String>,
    /// Print a ready curl command instead of the URL.
    #[arg(long, conflicts_with = "json")]
    pub curl: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

pub fn run(a: UrlArgs) -> Result<()> {
    let parts =
        RequestUrl::parse(&a.url).map_err(|e| CliError::usage(format!("{}: {e}", a.url)))?;
    let method = a.method.to_ascii_uppercase();
    let s3_rules = UriPath::for_service(&a.service) == UriPath::S3;
    let payload = match (&a.payload_hash, a.unsigned_payload || s3_rules) {
        (Some(h), _) => Payload::Hash(h),
        (None, true) => Payload::Unsigned,
        (None, false) => Payload::Empty,
    };
    let g = Sigv4Presign {
        method: &method,
        scheme: parts.scheme(),
        host: parts.host(),
        path: parts.path(),
        query: parts
            .query()
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect(),
        headers: Vec::new(),
        payload,
        service: &a.service,
        uri_path: Some(if a.unnormalized_path || s3_rules {
            UriPath::S3
        } else {
            UriPath::Normalized
        }),
        default_expires: DEFAULT_EXPIRES,
        region_set: match (&a.region_set, a.sigv4a) {
            (Some(set), _) => Some(set.as_str()),
            (None, true) => Some("*"),
            (None, false) => None,
        },
    };
    let (p, notes) = g.presign(&a.common)?;
    print_presigned(
        &p,
        Format::from_flags(a.common.json, a.curl.then_some(CurlFile::Placeholder)),
        &notes,
    )
}
