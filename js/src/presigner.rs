//! `RawPresigner`: one set of credentials and one endpoint, the library's caching
//! [`Presigner`] (the day's signing key as a ready HMAC state), and the last bucket used.

use crate::io::Io;
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
    /// The hot path's I/O buffer.
    io: Io,
    /// The result being written (kept, so presigning allocates nothing).
    out: String,
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

    /// Room for `len` bytes of input in the I/O buffer (`io.rs`); returns its address.
    pub fn io(&mut self, len: usize) -> *const u8 {
        self.io.reserve(len)
    }

    /// Presigns an object operation on the selected bucket: `op` is one of the constants
    /// above; the key, the upload id (multipart operations) and the options records were
    /// written into the I/O buffer one after the other, of these byte lengths. The result
    /// string of `wire.rs` is left in the buffer; returns what `Io::answer` says (`io.rs`).
    #[allow(clippy::too_many_arguments)]
    pub fn object(
        &mut self,
        op: u32,
        key_len: u32,
        upload_id_len: u32,
        opts_len: u32,
        part: u32,
        time: f64,
        expires_in: f64,
    ) -> f64 {
        self.out.clear();
        let r = match self.io.inputs([key_len, upload_id_len, opts_len]) {
            Ok([key, upload_id, opts]) => presign_object(
                &mut self.presigner,
                &self.bucket,
                self.deny_warnings,
                &mut self.out,
                Object {
                    op,
                    key,
                    upload_id,
                    part,
                    opts,
                },
                time,
                expires_in,
            ),
            Err(f) => Err(f),
        };
        match r {
            Ok(()) => self.io.answer(&self.out),
            Err(f) => self.io.answer(&f.encode()),
        }
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
            io: Io::new(),
            out: String::with_capacity(512),
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
}

/// What the wrapper asked to presign.
struct Object<'a> {
    op: u32,
    key: &'a str,
    upload_id: &'a str,
    part: u32,
    opts: &'a str,
}

/// Writes the result of an object operation into `out`: the URL, then `h`, `w` and `x`
/// records.
fn presign_object(
    presigner: &mut Presigner,
    bucket: &Option<Bucket>,
    deny_warnings: bool,
    out: &mut String,
    o: Object<'_>,
    time: f64,
    expires_in: f64,
) -> Result<(), Failure> {
    let time = wire::timestamp(time)?;
    let expires_in = wire::seconds("expiresIn", expires_in)?;
    let bucket = selected(bucket)?;
    let (key, upload_id) = (o.key, o.upload_id);
    let req: S3Request<'_> = match o.op {
        GET => bucket.get_object(key),
        HEAD => bucket.head_object(key),
        PUT => bucket.put_object(key),
        DELETE => bucket.delete_object(key),
        CREATE_MULTIPART_UPLOAD => bucket.create_multipart_upload(key),
        UPLOAD_PART => bucket.upload_part(key, upload_id, o.part),
        COMPLETE_MULTIPART_UPLOAD => bucket.complete_multipart_upload(key, upload_id),
        ABORT_MULTIPART_UPLOAD => bucket.abort_multipart_upload(key, upload_id),
        LIST_PARTS => bucket.list_parts(key, upload_id),
        LIST_OBJECTS_V2 => bucket.list_objects_v2(),
        _ => return Err(Failure::option("op", "is not an S3 operation")),
    };
    let req = options::apply(req.deny_warnings(deny_warnings), o.opts)?;
    let validity = presigner.presign_into(out, &req, time, expires_in)?;
    for (name, value) in req.headers() {
        wire::record(out, "h", &[name, value]);
    }
    for w in req.warnings() {
        wire::warning(out, &w);
    }
    if validity.expires_at.unix() != time.unix() + expires_in as i64 {
        wire::record(out, "x", &[&wire::unix(validity.expires_at)]);
    }
    Ok(())
}

fn selected(bucket: &Option<Bucket>) -> Result<&Bucket, Failure> {
    bucket.as_ref().ok_or(Failure {
        code: crate::codes::INVALID_OPTION,
        message: String::from("no bucket selected"),
    })
}
