//! `presign eks-token`: an EKS token (a presigned STS GetCallerIdentity URL in base64url) and
//! the ExecCredential `aws eks get-token` prints.

use super::sigv4_presign::Sigv4Presign;
use crate::args::presigned_input::EKS_TOKEN_PREFIX;
use crate::args::CommonArgs;
use crate::base64url;
use crate::error::{CliError, Result};
use crate::output::{print_text, print_token};
use crate::profile::Config;
use clap::Args;
use presign::sigv4::RequestUrl;
use presign::Payload;
use serde::Serialize;

/// `presign eks-token`.
#[derive(Args)]
pub struct EksArgs {
    /// The cluster name (or, for local clusters on Outposts, the cluster id).
    #[arg(long, visible_alias = "cluster-id", value_name = "NAME")]
    pub cluster_name: String,
    /// Sign for the global STS host sts.amazonaws.com instead of sts.REGION.amazonaws.com.
    #[arg(long, conflicts_with = "sts_endpoint")]
    pub global_sts: bool,
    /// Another STS endpoint, https://host or https://host:port (e.g. a VPC endpoint).
    #[arg(long, value_name = "URL")]
    pub sts_endpoint: Option<String>,
    /// The ExecCredential apiVersion.
    #[arg(
        long,
        value_name = "VERSION",
        default_value = "client.authentication.k8s.io/v1beta1"
    )]
    pub api_version: String,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `aws eks get-token`: URL_TIMEOUT = 60, TOKEN_EXPIRATION_MINS = 14.
const EKS_URL_EXPIRES: u64 = 60;
const EKS_TOKEN_MINUTES: u64 = 14;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExecCredential<'a> {
    kind: &'static str,
    api_version: &'a str,
    spec: serde_json::Map<String, serde_json::Value>,
    status: ExecStatus,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExecStatus {
    expiration_timestamp: String,
    token: String,
}

pub fn run(a: EksArgs) -> Result<()> {
    let cfg_region;
    let (scheme, host, path) = match &a.sts_endpoint {
        Some(url) => {
            let parts = RequestUrl::parse(url)
                .map_err(|e| CliError::usage(format!("--sts-endpoint {url}: {e}")))?;
            if !parts.query().is_empty() {
                return Err(CliError::usage("--sts-endpoint must not have a query"));
            }
            (
                parts.scheme(),
                parts.host().to_string(),
                parts.path().to_string(),
            )
        }
        None if a.global_sts => ("https", "sts.amazonaws.com".to_string(), "/".to_string()),
        None => {
            let cfg = Config::load(a.common.profile.as_deref())?;
            cfg_region = cfg.required_region(a.common.region.as_deref())?;
            let suffix = if cfg_region.starts_with("cn-") {
                "amazonaws.com.cn"
            } else {
                "amazonaws.com"
            };
            (
                "https",
                format!("sts.{cfg_region}.{suffix}"),
                "/".to_string(),
            )
        }
    };
    let g = Sigv4Presign {
        method: "GET",
        scheme,
        host: &host,
        path: &path,
        query: vec![("Action", "GetCallerIdentity"), ("Version", "2011-06-15")],
        headers: vec![("x-k8s-aws-id", &a.cluster_name)],
        payload: Payload::Empty,
        service: "sts",
        uri_path: None,
        default_expires: EKS_URL_EXPIRES,
        region_set: None,
    };
    let (p, notes) = g.presign(&a.common)?;
    let token = format!("{EKS_TOKEN_PREFIX}{}", base64url::encode(p.url.as_bytes()));
    if a.common.json {
        return print_token(&p, &token, true, &notes);
    }
    let expires = p.signed_at.add_seconds(EKS_TOKEN_MINUTES * 60)?;
    let cred = ExecCredential {
        kind: "ExecCredential",
        api_version: &a.api_version,
        spec: serde_json::Map::new(),
        status: ExecStatus {
            expiration_timestamp: expires.to_string(),
            token,
        },
    };
    print_text(
        &serde_json::to_string(&cred).map_err(|e| CliError::fail(e.to_string()))?,
        &notes,
    )
}
