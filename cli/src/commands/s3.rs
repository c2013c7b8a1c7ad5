//! `presign s3://BUCKET/KEY` (the command without a subcommand): a presigned S3 URL, its JSON,
//! or a ready curl command.

use crate::args::s3_object::{parse_s3_method, parse_s3_url};
use crate::args::values::parse_kv;
use crate::args::{CommonArgs, S3EndpointArgs, S3Target};
use crate::clock;
use crate::credentials;
use crate::error::{CliError, Result};
use crate::output::{print_presigned, CurlFile, Format, Notes, Signing};
use crate::profile::Config;
use clap::Args;
use presign::s3::{express, Bucket, Method, MRAP_SUFFIX};
use presign::sigv4a::{RegionSet, SigningKey};
use presign::Credentials;
use std::io::Read;

const NEEDS_SESSION: &str = "a directory bucket (S3 Express One Zone) is signed with the session credentials of CreateSession: run `presign create-session s3://BUCKET`, send that request, and pass its response with --express-session FILE";

/// A directory bucket at its zonal endpoint: the endpoint flags do not apply.
pub fn directory_bucket(name: &str, region: &str, endpoint: &S3EndpointArgs) -> Result<Bucket> {
    let e = endpoint;
    if e.endpoint_url.is_some()
        || e.addressing_style.is_some()
        || e.legacy_global_endpoint
        || e.dualstack
        || e.accelerate
        || e.fips
    {
        return Err(CliError::usage(
            "a directory bucket (S3 Express One Zone) is reached at its zonal endpoint NAME.s3express-ZONEID.REGION.amazonaws.com: drop --endpoint-url, --addressing-style, --legacy-global-endpoint, --dualstack, --accelerate and --fips",
        ));
    }
    Ok(Bucket::directory(name, region)?)
}

/// The session credentials of a CreateSession response in `file` (`-`: stdin).
fn session_credentials(file: &str) -> Result<Credentials> {
    let body = if file == "-" {
        let mut s = String::new();
        std::io::stdin()
            .take(express::MAX_RESPONSE_LEN as u64 + 1)
            .read_to_string(&mut s)
            .map_err(|e| {
                CliError::fail(format!(
                    "reading the CreateSession response from stdin: {e}"
                ))
            })?;
        s
    } else {
        std::fs::read_to_string(file).map_err(|e| {
            CliError::fail(format!("reading the CreateSession response {file}: {e}"))
        })?
    };
    Ok(express::parse_create_session_response(&body)?)
}

/// The default lifetime of an S3 URL, as the AWS CLI's `aws s3 presign`.
pub const DEFAULT_EXPIRES: u64 = 3600;

/// `presign s3://BUCKET/KEY`.
#[derive(Args)]
pub struct S3Args {
    /// The object, s3://BUCKET/KEY. The key is used exactly as typed (`a/../b` and `//x` stay);
    /// s3://BUCKET alone signs a bucket-level request (e.g. with --query list-type=2).
    #[arg(value_name = "s3://BUCKET/KEY", required = true, value_parser = parse_s3_url)]
    pub target: Option<S3Target>,
    /// HTTP method: GET, PUT, DELETE, HEAD or POST.
    #[arg(short = 'X', long, value_name = "METHOD", default_value = "GET", value_parser = parse_s3_method)]
    pub method: Method,
    /// The Content-Type the uploader must send (signed).
    #[arg(long, value_name = "TYPE")]
    pub content_type: Option<String>,
    /// User metadata NAME=VALUE, sent as x-amz-meta-NAME (signed; repeatable).
    #[arg(long, value_name = "NAME=VALUE", value_parser = parse_kv)]
    pub metadata: Vec<(String, String)>,
    /// A query parameter NAME=VALUE (repeatable), e.g. versionId=..., partNumber=1,
    /// response-content-disposition=attachment.
    #[arg(long, value_name = "NAME=VALUE", value_parser = parse_kv)]
    pub query: Vec<(String, String)>,
    /// GET: make browsers save the object under this file name (any Unicode): signs
    /// response-content-disposition as `attachment; filename="ASCII"; filename*=UTF-8''...`
    /// (RFC 6266/8187).
    #[arg(long, value_name = "FILE_NAME")]
    pub download_as: Option<String>,
    /// A directory bucket (S3 Express One Zone, NAME--ZONEID--x-s3): sign with the session
    /// credentials of this CreateSession response (an XML file, `-` for stdin; `presign
    /// create-session` prints the request that gets one). Without it, the credentials found
    /// must already be session credentials.
    #[arg(long, value_name = "FILE")]
    pub express_session: Option<String>,
    /// A Multi-Region Access Point (s3://ALIAS.mrap/KEY) is signed with SigV4a for this region
    /// set: `*` (the default), `us-east-1,eu-west-1`, `us-*`.
    #[arg(long, value_name = "REGIONS")]
    pub region_set: Option<String>,
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

pub fn run(a: S3Args) -> Result<()> {
    let target = a
        .target
        .ok_or_else(|| CliError::usage("give s3://BUCKET/KEY or a subcommand"))?;
    let cfg = Config::load(a.common.profile.as_deref())?;
    let region = cfg.s3_region(a.common.region.as_deref());
    let directory = express::is_directory_bucket_name(&target.bucket);
    let mrap = target.bucket.ends_with(MRAP_SUFFIX);
    if a.region_set.is_some() && !mrap {
        return Err(CliError::usage(
            "--region-set is for Multi-Region Access Points (s3://ALIAS.mrap/KEY); `presign url --region-set` signs any other request with SigV4a",
        ));
    }
    let bucket = if directory {
        directory_bucket(&target.bucket, &region, &a.endpoint)?
    } else if mrap {
        Bucket::multi_region_access_point(&target.bucket)?
    } else {
        Bucket::new(a.endpoint.resolve(&cfg, &region)?, &target.bucket)?
    };
    let mut req = bucket.request(a.method, target.key.as_deref());
    if let Some(ct) = &a.content_type {
        req = req.content_type(ct.as_str());
    }
    for (name, value) in &a.metadata {
        req = req.metadata(name, value.as_str());
    }
    for (name, value) in &a.common.headers {
        req = req.header(name.as_str(), value.as_str());
    }
    for (name, value) in &a.query {
        req = req.query(name.as_str(), value.as_str());
    }
    if let Some(name) = &a.download_as {
        req = req.download_as(name);
    }
    req = req
        .clamp_expiry_to_credentials(a.common.clamp_expiry)
        .deny_warnings(a.common.deny_warnings);
    let creds = match (&a.express_session, directory) {
        (Some(file), true) => session_credentials(file)?,
        (Some(_), false) => {
            return Err(CliError::usage(
                "--express-session is for directory buckets (NAME--ZONEID--x-s3)",
            ))
        }
        (None, true) => {
            let creds = credentials::find(&cfg)?;
            if creds.session_token().is_none() {
                return Err(CliError::usage(NEEDS_SESSION));
            }
            creds
        }
        (None, false) => credentials::find(&cfg)?,
    };
    let time = clock::time_or_now(a.common.time)?;
    let expires = a.common.expires_in.unwrap_or(DEFAULT_EXPIRES);
    let mut notes = Notes::default();
    let p = if mrap {
        let regions = RegionSet::new(a.region_set.as_deref().unwrap_or("*"))?;
        let key = SigningKey::derive(&creds)?;
        let (p, details) =
            req.presign_sigv4a_with_details(&creds, &key, &regions, time, expires)?;
        if a.common.show_signing {
            notes.signing = Some(Signing::redacted(
                &details.canonical_request,
                &details.string_to_sign,
            ));
        }
        p
    } else if a.common.show_signing {
        let (p, details) = req.presign_with_details(&creds, time, expires)?;
        notes.signing = Some(Signing::redacted(
            &details.canonical_request,
            &details.string_to_sign,
        ));
        p
    } else {
        req.presign(&creds, time, expires)?
    };
    let curl = a.curl.then(|| match &a.file {
        Some(f) => CurlFile::Path(f),
        None => CurlFile::Placeholder,
    });
    print_presigned(&p, Format::from_flags(a.common.json, curl), &notes)
}
