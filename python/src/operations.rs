//! boto3's `Params` for an S3 operation, turned into the request presign signs, as botocore
//! serializes them: each member goes to the URI, the query or a header under its wire name
//! (`operation_table.rs`, generated from botocore's model), typed values are written as
//! botocore writes them, and botocore's S3 customizations are applied (SSE-C key encoding and
//! MD5, `encoding-type=url` for ListObjectsV2, ASCII-only metadata).

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::Engine as _;
use md5::{Digest, Md5};
use presign::s3::{Bucket, Method, S3Request};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyInt, PyList, PyString, PyTuple};

use crate::clock;
use crate::errors::{param_error, unknown_method};
pub(crate) use crate::operation_table::OPERATIONS;
use crate::text::Text;

/// Where botocore puts a member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Location {
    /// `{Bucket}` or `{Key+}` in the request URI.
    Uri,
    /// A query parameter.
    Query,
    /// A header.
    Header,
    /// A map of headers under a prefix (`Metadata`: `x-amz-meta-NAME`).
    HeaderMap,
    /// The request body, which a presigned URL does not carry.
    Body,
}

/// How a timestamp member is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TimeFormat {
    /// `Wed, 01 Jan 2020 00:00:00 GMT`.
    Rfc822,
    /// `2020-01-01T00:00:00Z`.
    Iso8601,
}

/// A member's type in the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Type {
    Str,
    Int,
    Bool,
    Timestamp(TimeFormat),
    StrList,
    StrMap,
    Blob,
    Structure,
}

/// A member of an operation's input.
#[derive(Debug)]
pub(crate) struct Param {
    pub(crate) name: &'static str,
    pub(crate) location: Location,
    /// The header (lower case) or query parameter name, or the header prefix.
    pub(crate) wire: &'static str,
    pub(crate) ty: Type,
    pub(crate) required: bool,
}

impl Param {
    /// An optional member.
    pub(crate) const fn new(
        name: &'static str,
        location: Location,
        wire: &'static str,
        ty: Type,
    ) -> Self {
        Param {
            name,
            location,
            wire,
            ty,
            required: false,
        }
    }

    /// The member, required.
    pub(crate) const fn required(self) -> Self {
        Param {
            required: true,
            ..self
        }
    }
}

/// An S3 operation a presigned URL can serve.
#[derive(Debug)]
pub(crate) struct Operation {
    pub(crate) client_method: &'static str,
    pub(crate) method: Method,
    pub(crate) has_key: bool,
    /// The query of the request URI (`?uploads`, `?list-type=2`), first in the URL.
    pub(crate) fixed_query: &'static [(&'static str, &'static str)],
    /// Sorted by name.
    pub(crate) params: &'static [Param],
}

impl Operation {
    /// The operation of a boto3 client method name.
    ///
    /// # Errors
    /// `UnknownClientMethodError`, listing the ones there are.
    pub(crate) fn find(client_method: &str) -> PyResult<&'static Operation> {
        // Programs presign the same operation again and again: try the last one first.
        static LAST: AtomicUsize = AtomicUsize::new(0);
        let last = LAST.load(Ordering::Relaxed);
        if OPERATIONS[last].client_method == client_method {
            return Ok(&OPERATIONS[last]);
        }
        match OPERATIONS.binary_search_by(|op| op.client_method.cmp(client_method)) {
            Ok(i) => {
                LAST.store(i, Ordering::Relaxed);
                Ok(&OPERATIONS[i])
            }
            Err(_) => Err(unknown_method(format!(
                "s3presign does not presign {client_method:?}: it presigns {}",
                OPERATIONS
                    .iter()
                    .map(|o| o.client_method)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    fn param(&self, name: &str) -> Option<&'static Param> {
        let params: &'static [Param] = self.params;
        params
            .binary_search_by(|p| p.name.cmp(name))
            .ok()
            .map(|i| &params[i])
    }

    fn member_names(&self) -> String {
        self.params
            .iter()
            .map(|p| p.name)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A value taken from `Params`: borrowed from a Python `str`, or written by the binding.
pub(crate) enum Value<'py> {
    Text(Text<'py>),
    Owned(String),
}

impl Value<'_> {
    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Value::Text(t) => t.as_str(),
            Value::Owned(s) => s,
        }
    }
}

/// An operation call: the bucket, key, query and headers of `Params`, in botocore's order.
pub(crate) struct Call<'py> {
    pub(crate) op: &'static Operation,
    pub(crate) bucket: Option<Text<'py>>,
    pub(crate) key: Option<Text<'py>>,
    query: Vec<(&'static str, Value<'py>)>,
    headers: Vec<(Cow<'static, str>, Value<'py>)>,
}

impl<'py> Call<'py> {
    /// Reads `params` for `op` as botocore would.
    ///
    /// # Errors
    /// `ParamValidationError` for an unknown or missing member, a value of the wrong type,
    /// non-ASCII metadata, or a body member.
    pub(crate) fn parse(
        op: &'static Operation,
        params: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Self> {
        let mut call = Call {
            op,
            bucket: None,
            key: None,
            query: Vec::new(),
            headers: Vec::new(),
        };
        let mut sse_key: Option<Bound<'py, PyAny>> = None;
        let mut sse_md5_named = false;
        let mut encoding_type_named = false;
        let mut seen_required = 0usize;
        if let Some(params) = params {
            let py = params.py();
            let (bucket_name, key_name) = (intern!(py, "Bucket"), intern!(py, "Key"));
            for (name, value) in params.iter() {
                // Fast path: keys written as literals are interned strings, compared by address.
                if (name.is(bucket_name) || (op.has_key && name.is(key_name)))
                    && value.cast::<PyString>().is_ok()
                {
                    let text = Text::new(value.cast_into::<PyString>()?)?;
                    if name.is(bucket_name) {
                        call.bucket = Some(text);
                    } else {
                        call.key = Some(text);
                    }
                    seen_required += 1;
                    continue;
                }
                let name = Text::of(&name, "a Params key")?;
                let name = name.as_str();
                let Some(param) = op.param(name) else {
                    return Err(param_error(format!(
                        "Parameter validation failed:\nUnknown parameter in input: {name:?}, must be one of: {}",
                        op.member_names()
                    )));
                };
                match param.name {
                    "SSECustomerKeyMD5" => sse_md5_named = true,
                    "EncodingType" => encoding_type_named = true,
                    _ => {}
                }
                if value.is_none() {
                    continue;
                }
                if param.required {
                    seen_required += 1;
                }
                call.add(param, value, &mut sse_key)?;
            }
        }
        if seen_required < op.params.iter().filter(|p| p.required).count() {
            return Err(call.missing(params));
        }
        if let Some(key) = sse_key {
            call.add_sse_customer_key(&key, sse_md5_named)?;
        }
        if op.client_method == "list_objects_v2" && !encoding_type_named {
            // botocore's set_list_objects_encoding_type_url: added last, after the caller's.
            call.query
                .push(("encoding-type", Value::Owned("url".to_owned())));
        }
        Ok(call)
    }

    fn missing(&self, params: Option<&Bound<'py, PyDict>>) -> PyErr {
        let missing: Vec<String> = self
            .op
            .params
            .iter()
            .filter(|p| p.required)
            .filter(|p| {
                !params.is_some_and(|d| {
                    d.get_item(p.name)
                        .ok()
                        .flatten()
                        .is_some_and(|v| !v.is_none())
                })
            })
            .map(|p| format!("Missing required parameter in input: {:?}", p.name))
            .collect();
        param_error(format!(
            "Parameter validation failed:\n{}",
            missing.join("\n")
        ))
    }

    fn add(
        &mut self,
        param: &'static Param,
        value: Bound<'py, PyAny>,
        sse_key: &mut Option<Bound<'py, PyAny>>,
    ) -> PyResult<()> {
        match param.location {
            Location::Uri => {
                let text = string(&value, param.name)?;
                if param.name == "Bucket" {
                    self.bucket = Some(text);
                } else {
                    self.key = Some(text);
                }
            }
            Location::Query => {
                let v = scalar(&value, param, false)?;
                self.query.push((param.wire, v));
            }
            Location::Header if param.name == "SSECustomerKey" => *sse_key = Some(value),
            Location::Header => {
                if param.ty == Type::StrList {
                    let list = header_list(&value, param.name)?;
                    if !list.is_empty() {
                        self.headers
                            .push((Cow::Borrowed(param.wire), Value::Owned(list)));
                    }
                } else {
                    let v = scalar(&value, param, true)?;
                    self.headers.push((Cow::Borrowed(param.wire), v));
                }
            }
            Location::HeaderMap => {
                let map = value
                    .cast::<PyDict>()
                    .map_err(|_| invalid_type(&value, param.name, "dict").unwrap_or_else(|e| e))?;
                for (k, v) in map.iter() {
                    let k = string(&k, param.name)?;
                    let v = string(&v, param.name)?;
                    if !k.as_str().is_ascii() || !v.as_str().is_ascii() {
                        return Err(param_error(format!(
                            "Non ascii characters found in S3 metadata for key {:?}, value: {:?}.  \nS3 metadata can only contain ASCII characters. ",
                            k.as_str(),
                            v.as_str()
                        )));
                    }
                    self.headers.push((
                        Cow::Owned(format!("{}{}", param.wire, k.as_str())),
                        Value::Text(v),
                    ));
                }
            }
            Location::Body if param.ty == Type::Structure => {
                return Err(param_error(format!(
                    "{} is the request body, which a presigned URL does not carry: presign without it and have the client send it",
                    param.name
                )));
            }
            // `Body`: the client sends it; it is not signed (UNSIGNED-PAYLOAD).
            Location::Body => {}
        }
        Ok(())
    }

    /// botocore's `sse_md5`: unless the caller gives `SSECustomerKeyMD5`, the key (text or
    /// bytes) is sent base64-encoded with the base64 MD5 of its bytes.
    fn add_sse_customer_key(&mut self, key: &Bound<'py, PyAny>, md5_named: bool) -> PyResult<()> {
        const KEY: &str = "x-amz-server-side-encryption-customer-key";
        if md5_named {
            let v = string(key, "SSECustomerKey")?;
            self.headers.push((Cow::Borrowed(KEY), Value::Text(v)));
            return Ok(());
        }
        let bytes: Vec<u8> = if let Ok(b) = key.cast::<PyBytes>() {
            b.as_bytes().to_vec()
        } else {
            string(key, "SSECustomerKey")?.as_str().as_bytes().to_vec()
        };
        let b64 = base64::engine::general_purpose::STANDARD;
        let md5 = Md5::digest(&bytes);
        self.headers
            .push((Cow::Borrowed(KEY), Value::Owned(b64.encode(&bytes))));
        self.headers.push((
            Cow::Borrowed("x-amz-server-side-encryption-customer-key-md5"),
            Value::Owned(b64.encode(md5)),
        ));
        Ok(())
    }

    /// The request to presign, on `bucket`, with `method` (the operation's unless overridden).
    pub(crate) fn request<'a>(&'a self, bucket: &'a Bucket, method: Method) -> S3Request<'a> {
        let key = if self.op.has_key {
            self.key.as_ref().map(Text::as_str)
        } else {
            None
        };
        let mut r = bucket.request(method, key);
        for (name, value) in self.op.fixed_query {
            r = r.query(*name, *value);
        }
        for (name, value) in &self.query {
            r = r.query(*name, value.as_str());
        }
        for (name, value) in &self.headers {
            r = r.header(&**name, value.as_str());
        }
        r
    }
}

fn invalid_type(v: &Bound<'_, PyAny>, name: &str, valid: &str) -> PyResult<PyErr> {
    Ok(param_error(format!(
        "Parameter validation failed:\nInvalid type for parameter {name}, value: {}, type: {}, valid types: {valid}",
        v.repr()?,
        v.get_type().name()?
    )))
}

fn string<'py>(v: &Bound<'py, PyAny>, name: &str) -> PyResult<Text<'py>> {
    match v.cast::<PyString>() {
        Ok(s) => Text::new(s.clone()),
        Err(_) => Err(invalid_type(v, name, "str")?),
    }
}

/// A scalar member as botocore writes it. Header timestamps lose their microseconds
/// (botocore goes through `calendar.timegm`); query ISO 8601 timestamps keep them.
fn scalar<'py>(v: &Bound<'py, PyAny>, param: &Param, header: bool) -> PyResult<Value<'py>> {
    Ok(match param.ty {
        Type::Str => Value::Text(string(v, param.name)?),
        Type::Int => {
            if v.cast::<PyInt>().is_err() || v.cast::<PyBool>().is_ok() {
                return Err(invalid_type(v, param.name, "int")?);
            }
            let n: i128 = v.extract()?;
            Value::Owned(n.to_string())
        }
        Type::Bool => match v.cast::<PyBool>() {
            Ok(b) => Value::Owned(if b.is_true() { "true" } else { "false" }.to_owned()),
            Err(_) => return Err(invalid_type(v, param.name, "bool")?),
        },
        Type::Timestamp(format) => {
            let (seconds, micros) = clock::param_instant(v, param.name)?;
            let micros = if header { 0 } else { micros };
            Value::Owned(match format {
                TimeFormat::Rfc822 => clock::rfc822(seconds, param.name)?,
                TimeFormat::Iso8601 => clock::iso8601(seconds, micros, param.name)?,
            })
        }
        Type::StrList | Type::StrMap | Type::Blob | Type::Structure => {
            return Err(invalid_type(v, param.name, "str")?)
        }
    })
}

/// A list header: values joined by `,`, each quoted (with `\"`) when it holds `,` or `"`.
fn header_list(v: &Bound<'_, PyAny>, name: &str) -> PyResult<String> {
    let items: Vec<Bound<'_, PyAny>> = if let Ok(l) = v.cast::<PyList>() {
        l.iter().collect()
    } else if let Ok(t) = v.cast::<PyTuple>() {
        t.iter().collect()
    } else {
        return Err(invalid_type(v, name, "list")?);
    };
    let mut out = String::new();
    for item in items.iter().filter(|i| !i.is_none()) {
        let s = string(item, name)?;
        let s = s.as_str();
        if !out.is_empty() {
            out.push(',');
        }
        if s.contains(',') || s.contains('"') {
            out.push('"');
            out.push_str(&s.replace('"', "\\\""));
            out.push('"');
        } else {
            out.push_str(s);
        }
    }
    Ok(out)
}
