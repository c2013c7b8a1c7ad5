//! One presign of any AWS request through `presign::sigv4::presign`, with the profile's region
//! and credentials: what `url`, `rds-token`, `dsql-token` and `eks-token` share.

use crate::args::CommonArgs;
use crate::clock;
use crate::credentials;
use crate::error::Result;
use crate::output::{Notes, Signing};
use crate::profile::Config;
use presign::sigv4::UriPath;
use presign::sigv4::{self, Request, SigningDetails, SigningParams};
use presign::sigv4a::{self, RegionSet, SigningKey};
use presign::{Payload, Presigned};

/// One presign through `presign::sigv4::presign`.
pub struct Sigv4Presign<'a> {
    pub method: &'a str,
    pub scheme: &'a str,
    pub host: &'a str,
    pub path: &'a str,
    pub query: Vec<(&'a str, &'a str)>,
    pub headers: Vec<(&'a str, &'a str)>,
    pub payload: Payload<'a>,
    pub service: &'a str,
    pub uri_path: Option<UriPath>,
    pub default_expires: u64,
    /// SigV4a (`AWS4-ECDSA-P256-SHA256`) for this region set instead of SigV4 for the profile's
    /// region.
    pub region_set: Option<&'a str>,
}

impl Sigv4Presign<'_> {
    /// Loads the profile's region and credentials, reads the clock (unless `--time`) and
    /// presigns; the notes carry the signing texts with `--show-signing`.
    pub fn presign(&self, common: &CommonArgs) -> Result<(Presigned, Notes)> {
        let cfg = Config::load(common.profile.as_deref())?;
        if let Some(set) = self.region_set {
            return self.presign_sigv4a(common, &cfg, set);
        }
        let region = cfg.required_region(common.region.as_deref())?;
        let creds = credentials::find(&cfg)?;
        let time = clock::time_or_now(common.time)?;
        let req = self.request(common);
        let mut params = SigningParams::new(&creds, &region, self.service, time);
        if let Some(rules) = self.uri_path {
            params.uri_path = rules;
        }
        params.clamp_expiry_to_credentials = common.clamp_expiry;
        params.deny_warnings = common.deny_warnings;
        let expires = common.expires_in.unwrap_or(self.default_expires);
        Ok(with_notes(
            common,
            sigv4::presign_with_details(&req, &params, expires)?,
        ))
    }

    fn request<'r>(&'r self, common: &'r CommonArgs) -> Request<'r> {
        let mut req = Request::new(self.method, self.host, self.path)
            .scheme(self.scheme)
            .payload(self.payload);
        req.query = self.query.clone();
        req.headers = self.headers.clone();
        for (n, v) in &common.headers {
            req.headers.push((n.as_str(), v.as_str()));
        }
        req
    }

    /// The SigV4a presign: no region needed, the key derived from the credentials.
    fn presign_sigv4a(
        &self,
        common: &CommonArgs,
        cfg: &Config,
        region_set: &str,
    ) -> Result<(Presigned, Notes)> {
        let regions = RegionSet::new(region_set)?;
        let creds = credentials::find(cfg)?;
        let key = SigningKey::derive(&creds)?;
        let time = clock::time_or_now(common.time)?;
        let req = self.request(common);
        let mut params = sigv4a::SigningParams::new(&creds, &key, &regions, self.service, time);
        if let Some(rules) = self.uri_path {
            params.uri_path = rules;
        }
        params.clamp_expiry_to_credentials = common.clamp_expiry;
        params.deny_warnings = common.deny_warnings;
        let expires = common.expires_in.unwrap_or(self.default_expires);
        Ok(with_notes(
            common,
            sigv4a::presign_with_details(&req, &params, expires)?,
        ))
    }
}

/// The presigned request, with the signing texts in the notes when `--show-signing` asks.
fn with_notes(
    common: &CommonArgs,
    (p, details): (Presigned, SigningDetails),
) -> (Presigned, Notes) {
    let mut notes = Notes::default();
    if common.show_signing {
        notes.signing = Some(Signing::redacted(
            &details.canonical_request,
            &details.string_to_sign,
        ));
    }
    (p, notes)
}
