//! `presign url` (any AWS request) and the tokens built on it: `rds-token`, `dsql-token`,
//! `eks-token`. All go through `presign::sigv4::presign`.

use crate::config::Config;
use crate::error::{CliError, Result};
use crate::util::{self, CurlFile, PresignedJson};
use crate::{print_line, CommonArgs};
use clap::Args;
use presign::canonical::UriPath;
use presign::sigv4::{self, Request, SigningParams};
use presign::{encoding, Payload, Presigned};
use serde::Serialize;

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
    /// Print a ready curl command instead of the URL.
    #[arg(long, conflicts_with = "json")]
    pub curl: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `presign rds-token`.
#[derive(Args)]
pub struct RdsArgs {
    /// The DB instance or cluster endpoint, e.g. mydb.123456789012.us-east-1.rds.amazonaws.com.
    #[arg(long, value_name = "HOST")]
    pub hostname: String,
    /// The database port (3306, 5432, ...): it is part of the signed host.
    #[arg(long, value_name = "PORT")]
    pub port: u16,
    /// The database user name.
    #[arg(long, value_name = "USER")]
    pub username: String,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `presign dsql-token`.
#[derive(Args)]
pub struct DsqlArgs {
    /// The cluster endpoint, e.g. abc123.dsql.us-east-1.on.aws.
    #[arg(long, value_name = "HOST")]
    pub hostname: String,
    /// A token for the admin role (Action=DbConnectAdmin) instead of a custom role (DbConnect).
    #[arg(long)]
    pub admin: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

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

/// The parts of a URL as the signer needs them.
#[derive(Debug, PartialEq, Eq)]
pub struct UrlParts<'a> {
    pub scheme: &'static str,
    /// Lower-case host, with `:port` unless it is the scheme's default.
    pub host: String,
    /// The raw path as typed (`/` when empty).
    pub path: &'a str,
    /// The raw query, without `?`.
    pub query: &'a str,
}

/// Splits `http[s]://host[:port]/path?query#fragment` without decoding or normalizing the path.
pub fn split_url(url: &str) -> std::result::Result<UrlParts<'_>, String> {
    let (scheme, rest) = if url.len() > 8 && url[..8].eq_ignore_ascii_case("https://") {
        ("https", &url[8..])
    } else if url.len() > 7 && url[..7].eq_ignore_ascii_case("http://") {
        ("http", &url[7..])
    } else {
        return Err(format!("\"{url}\" must start with https:// or http://"));
    };
    let rest = rest.split_once('#').map_or(rest, |(r, _)| r);
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let after = &rest[end..];
    if authority.is_empty() {
        return Err(format!("\"{url}\" has no host"));
    }
    if authority.contains('@') {
        return Err(format!(
            "\"{url}\": a user name or password in the URL cannot be signed; remove it"
        ));
    }
    let (host, port) = if let Some(stripped) = authority.strip_prefix('[') {
        let close = stripped
            .find(']')
            .ok_or_else(|| format!("\"{url}\": an IPv6 host must be closed with ']'"))?;
        let port = &stripped[close + 1..];
        (&authority[..close + 2], port.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    let default_port = if scheme == "https" { 443 } else { 80 };
    let host = host.to_ascii_lowercase();
    let host = match port {
        None => host,
        Some(p) => {
            let n: u16 =
                p.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                    format!("\"{url}\": the port must be a number from 1 to 65535")
                })?;
            if n == default_port {
                host
            } else {
                format!("{host}:{n}")
            }
        }
    };
    let (path, query) = after.split_once('?').unwrap_or((after, ""));
    Ok(UrlParts {
        scheme,
        host,
        path: if path.is_empty() { "/" } else { path },
        query,
    })
}

/// The region for a non-S3 request: the usual chain, required.
fn region(cfg: &Config, flag: Option<&str>) -> Result<String> {
    cfg.region(flag).ok_or_else(|| {
        CliError::usage("no region: give --region, or set AWS_REGION or the profile's region")
    })
}

/// One presign through `presign::sigv4::presign`.
struct Generic<'a> {
    method: &'a str,
    scheme: &'a str,
    host: &'a str,
    path: &'a str,
    query: Vec<(&'a str, &'a str)>,
    headers: Vec<(&'a str, &'a str)>,
    payload: Payload<'a>,
    service: &'a str,
    uri_path: Option<UriPath>,
    default_expires: u64,
}

impl Generic<'_> {
    fn presign(&self, common: &CommonArgs) -> Result<Presigned> {
        let cfg = Config::load(common.profile.as_deref())?;
        let region = region(&cfg, common.region.as_deref())?;
        let creds = cfg.credentials()?;
        let time = util::time_or_now(common.time)?;
        let mut req = Request::new(self.method, self.host, self.path)
            .scheme(self.scheme)
            .payload(self.payload);
        req.query = self.query.clone();
        req.headers = self.headers.clone();
        for (n, v) in &common.headers {
            req.headers.push((n.as_str(), v.as_str()));
        }
        let mut params = SigningParams::new(&creds, &region, self.service, time);
        if let Some(rules) = self.uri_path {
            params.uri_path = rules;
        }
        params.clamp_expiry_to_credentials = common.clamp_expiry;
        Ok(sigv4::presign(
            &req,
            &params,
            common.expires_in.unwrap_or(self.default_expires),
        )?)
    }
}

pub fn run_url(a: UrlArgs) -> Result<()> {
    let parts = split_url(&a.url).map_err(CliError::usage)?;
    let method = a.method.to_ascii_uppercase();
    let pairs = encoding::parse_query(parts.query);
    let s3_rules = UriPath::for_service(&a.service) == UriPath::S3;
    let payload = match (&a.payload_hash, a.unsigned_payload || s3_rules) {
        (Some(h), _) => Payload::Hash(h),
        (None, true) => Payload::Unsigned,
        (None, false) => Payload::Empty,
    };
    let g = Generic {
        method: &method,
        scheme: parts.scheme,
        host: &parts.host,
        path: parts.path,
        query: pairs
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
        default_expires: crate::s3cmd::DEFAULT_EXPIRES,
    };
    let p = g.presign(&a.common)?;
    crate::s3cmd::emit(&p, a.common.json, a.curl.then_some(CurlFile::Placeholder))
}

/// Prints a token, or with `--json` the presign with the token.
fn emit_token(p: &Presigned, token: &str, json: bool) -> Result<()> {
    if json {
        print_line(&PresignedJson::new(p, Some(token)).to_string_pretty())
    } else {
        print_line(token)
    }
}

/// The token's default lifetime for RDS and DSQL (botocore: 900 s).
const DB_TOKEN_EXPIRES: u64 = 900;

pub fn run_rds(a: RdsArgs) -> Result<()> {
    let host = format!("{}:{}", a.hostname.to_ascii_lowercase(), a.port);
    let g = Generic {
        method: "GET",
        scheme: "https",
        host: &host,
        path: "/",
        query: vec![("Action", "connect"), ("DBUser", &a.username)],
        headers: Vec::new(),
        payload: Payload::Empty,
        service: "rds-db",
        uri_path: None,
        default_expires: DB_TOKEN_EXPIRES,
    };
    let p = g.presign(&a.common)?;
    let token = p.url.strip_prefix("https://").unwrap_or(&p.url);
    emit_token(&p, token, a.common.json)
}

pub fn run_dsql(a: DsqlArgs) -> Result<()> {
    let host = a.hostname.to_ascii_lowercase();
    let g = Generic {
        method: "GET",
        scheme: "https",
        host: &host,
        path: "/",
        query: vec![(
            "Action",
            if a.admin {
                "DbConnectAdmin"
            } else {
                "DbConnect"
            },
        )],
        headers: Vec::new(),
        payload: Payload::Empty,
        service: "dsql",
        uri_path: None,
        default_expires: DB_TOKEN_EXPIRES,
    };
    let p = g.presign(&a.common)?;
    let token = p.url.strip_prefix("https://").unwrap_or(&p.url);
    emit_token(&p, token, a.common.json)
}

/// `aws eks get-token`: URL_TIMEOUT = 60, TOKEN_EXPIRATION_MINS = 14.
const EKS_URL_EXPIRES: u64 = 60;
const EKS_TOKEN_MINUTES: u64 = 14;
pub const EKS_TOKEN_PREFIX: &str = "k8s-aws-v1.";

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

pub fn run_eks(a: EksArgs) -> Result<()> {
    let cfg_region;
    let (scheme, host, path) = match &a.sts_endpoint {
        Some(url) => {
            let parts = split_url(url).map_err(CliError::usage)?;
            if !parts.query.is_empty() {
                return Err(CliError::usage("--sts-endpoint must not have a query"));
            }
            (parts.scheme, parts.host, parts.path.to_string())
        }
        None if a.global_sts => ("https", "sts.amazonaws.com".to_string(), "/".to_string()),
        None => {
            let cfg = Config::load(a.common.profile.as_deref())?;
            cfg_region = region(&cfg, a.common.region.as_deref())?;
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
    let g = Generic {
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
    };
    let p = g.presign(&a.common)?;
    let token = format!("{EKS_TOKEN_PREFIX}{}", util::base64url(p.url.as_bytes()));
    if a.common.json {
        return emit_token(&p, &token, true);
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
    print_line(&serde_json::to_string(&cred).map_err(|e| CliError::fail(e.to_string()))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_split_without_normalizing() {
        let p = split_url("https://Example.COM:443/a/../b//c%2F?x=1&y#frag").unwrap();
        assert_eq!(
            p,
            UrlParts {
                scheme: "https",
                host: "example.com".into(),
                path: "/a/../b//c%2F",
                query: "x=1&y"
            }
        );
        let p = split_url("http://127.0.0.1:9000").unwrap();
        assert_eq!(
            (p.host.as_str(), p.path, p.query),
            ("127.0.0.1:9000", "/", "")
        );
        let p = split_url("http://h:80?q").unwrap();
        assert_eq!((p.host.as_str(), p.path, p.query), ("h", "/", "q"));
        let p = split_url("https://[::1]:8443/x").unwrap();
        assert_eq!(p.host, "[::1]:8443");
        let p = split_url("https://[::1]/x").unwrap();
        assert_eq!(p.host, "[::1]");
        for bad in [
            "ftp://h/",
            "h/x",
            "https:///x",
            "https://u:p@h/",
            "https://h:0/",
            "https://h:x/",
            "https://h:70000/",
        ] {
            assert!(split_url(bad).is_err(), "{bad}");
        }
    }
}
