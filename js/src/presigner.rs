//! `RawPresigner`: one set of credentials and one endpoint, the library's caching
//! [`Presigner`] (the day's signing key as a ready HMAC state), and the last bucket used.

use crate::options;
use crate::wire::{self, Failure};
use alloc::string::String;
use presign::s3::{AddressingStyle, Bucket, Endpoint, Presigner, S3Request};
use presign::{Credentials, Timestamp};
use wasm_bindgen::prelude::*;

/// What the wrapper's `new Presigner({...})` builds. Not part of the JS API.
#[wasm_bindgen]
pub struct RawPresigner {
    presigner: Presigner,
    endpoint: Endpoint,
    /// The bucket of the last call; the wrapper calls [`RawPresigner::bucket`] only when it
    /// changes.
    bucket: Option<Bucket>,
    /// `denyWarnings` of the constructor: the default of every call.
    deny_warnings: bool,
    /// The longest result so far, so a result is written into one right-sized allocation.
    capacity: usize,
}

/// The object operations, by the number the wrapper passes.
const GET: u32 = 0;
const HEAD: u32 = 1;
const PUT: u32 = 2;
const DELETE: u32 = 3;
const CREATE_MULTIPART_UPLOAD: u32 = 4;
const UPLOAD_PART: u32 = 5;
const COMPLETE_MULTIPART_UPLOAD: u32 = 6;
const ABORT_MULTIPART_UPLOAD: u32 = 7;
const LIST_PARTS: u32 = 8;
const LIST_OBJECTS_V2: u32 = 9;

#[wasm_bindgen]
impl RawPresigner {
    /// Builds the presigner from the constructor's option records (see `js/lib/api.js`).
    ///
    /// # Errors
    /// The encoded failure as a string (bad credentials, region, endpoint, unknown option).
    #[wasm_bindgen(constructor)]
    pub fn new(config: &str) -> Result<RawPresigner, JsValue> {
        Self::build(config).map_err(|f| JsValue::from_str(&f.encode()))
    }

    /// Selects the bucket for the following calls. Returns `""`, or the encoded failure.
    pub fn bucket(&mut self, name: &str) -> String {
        match Bucket::new(self.endpoint.clone(), name) {
            Ok(b) => {
                self.bucket = Some(b);
                String::new()
            }
            Err(e) => {
                self.bucket = None;
                Failure::from(e).encode()
            }
        }
    }

    /// Presigns an object operation on the selected bucket: `op` is one of the constants
    /// above, `upload_id` and `part` are read by the multipart operations only. Returns the
    /// result string of `wire.rs`.
    pub fn object(&mut self, op: u32, key: &str, opts: &str, time: f64, expires_in: f64) -> String {
        wire::result(self.object_impl(op, key, "", 0, opts, time, expires_in))
    }

    /// [`RawPresigner::object`] for the multipart operations, which name an upload.
    #[allow(clippy::too_many_arguments)]
    pub fn multipart(
        &mut self,
        op: u32,
        key: &str,
        upload_id: &str,
        part: u32,
        opts: &str,
        time: f64,
        expires_in: f64,
    ) -> String {
        wire::result(self.object_impl(op, key, upload_id, part, opts, time, expires_in))
    }
}

impl RawPresigner {
    fn build(config: &str) -> Result<RawPresigner, Failure> {
        let mut access_key_id = "";
        let mut secret = "";
        let mut token = None;
        let mut expiration = None;
        let mut region = "";
        let mut endpoint_url = None;
        let mut style = AddressingStyle::Auto;
        let mut switches = [false; 4];
        let mut deny_warnings = false;
        for field in wire::fields(config) {
            let (name, value) = field?;
            match name {
                "accessKeyId" => access_key_id = value,
                "secretAccessKey" => secret = value,
                "sessionToken" => token = Some(value),
                "expiration" => {
                    let unix: i64 = wire::integer(name, value)?;
                    expiration = Some(Timestamp::from_unix(unix)?);
                }
                "region" => region = value,
                "endpoint" => endpoint_url = Some(value),
                "addressingStyle" => {
                    style = match value {
                        "auto" => AddressingStyle::Auto,
                        "path" => AddressingStyle::Path,
                        "virtual" => AddressingStyle::VirtualHosted,
                        _ => {
                            return Err(Failure::option(
                                name,
                                "must be \"auto\", \"path\" or \"virtual\"",
                            ))
                        }
                    }
                }
                "dualstack" => switches[0] = wire::flag(name, value)?,
                "accelerate" => switches[1] = wire::flag(name, value)?,
                "fips" => switches[2] = wire::flag(name, value)?,
                "legacyGlobalEndpoint" => switches[3] = wire::flag(name, value)?,
                "denyWarnings" => deny_warnings = wire::flag(name, value)?,
                _ => return Err(Failure::option(name, "is not an option of new Presigner()")),
            }
        }
        let mut credentials = Credentials::new(access_key_id, secret)?;
        if let Some(t) = token {
            credentials = credentials.with_session_token(t)?;
        }
        if let Some(t) = expiration {
            credentials = credentials.with_expiration(t);
        }
        let endpoint = match endpoint_url {
            Some(url) => Endpoint::custom(url, region)?,
            None => Endpoint::aws(region)?
                .dualstack(switches[0])
                .accelerate(switches[1])
                .fips(switches[2])
                .legacy_global_endpoint(switches[3]),
        }
        .addressing(style);
        Ok(RawPresigner {
            presigner: Presigner::new(credentials),
            endpoint,
            bucket: None,
            deny_warnings,
            capacity: 256,
        })
    }

    /// The credentials, for the generic signer and POST policies.
    pub(crate) fn credentials(&self) -> &Credentials {
        self.presigner.credentials()
    }

    /// `denyWarnings` of the constructor.
    pub(crate) fn deny_warnings(&self) -> bool {
        self.deny_warnings
    }

    /// The endpoint (its region is the default of the generic signer).
    pub(crate) fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// The selected bucket (the wrapper always selects one first).
    pub(crate) fn selected(&self) -> Result<&Bucket, Failure> {
        selected(&self.bucket)
    }

    #[allow(clippy::too_many_arguments)]
    fn object_impl(
        &mut self,
        op: u32,
        key: &str,
        upload_id: &str,
        part: u32,
        opts: &str,
        time: f64,
        expires_in: f64,
    ) -> Result<String, Failure> {
        let time = wire::timestamp(time)?;
        let expires_in = wire::seconds("expiresIn", expires_in)?;
        let bucket = selected(&self.bucket)?;
        let req: S3Request<'_> = match op {
            GET => bucket.get_object(key),
            HEAD => bucket.head_object(key),
            PUT => bucket.put_object(key),
            DELETE => bucket.delete_object(key),
            CREATE_MULTIPART_UPLOAD => bucket.create_multipart_upload(key),
            UPLOAD_PART => bucket.upload_part(key, upload_id, part),
            COMPLETE_MULTIPART_UPLOAD => bucket.complete_multipart_upload(key, upload_id),
            ABORT_MULTIPART_UPLOAD => bucket.abort_multipart_upload(key, upload_id),
            LIST_PARTS => bucket.list_parts(key, upload_id),
            LIST_OBJECTS_V2 => bucket.list_objects_v2(),
            _ => return Err(Failure::option("op", "is not an S3 operation")),
        };
        let req = options::apply(req.deny_warnings(self.deny_warnings), opts)?;
        let mut out = String::with_capacity(self.capacity);
        let validity = self
            .presigner
            .presign_into(&mut out, &req, time, expires_in)?;
        for (name, value) in req.headers() {
            wire::record(&mut out, "h", &[name, value]);
        }
        for w in req.warnings() {
            wire::warning(&mut out, &w);
        }
        if validity.expires_at.unix() != time.unix() + expires_in as i64 {
            wire::record(&mut out, "x", &[&wire::unix(validity.expires_at)]);
        }
        self.capacity = self.capacity.max(out.len());
        Ok(out)
    }
}

fn selected(bucket: &Option<Bucket>) -> Result<&Bucket, Failure> {
    bucket.as_ref().ok_or(Failure {
        code: crate::codes::INVALID_OPTION,
        message: String::from("no bucket selected"),
    })
}
