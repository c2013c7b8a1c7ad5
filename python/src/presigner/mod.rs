//! `Presigner`: the Pythonic layer. One object per set of credentials and endpoint; each
//! operation returns a `Presigned` with the URL, the method, the headers the client must send,
//! when it expires and warnings; `presign_many` signs a batch of keys in one call.
//!
//! Endpoints follow presign's own rules (README, "Choices where implementations differ"):
//! regional hosts, virtual-hosted addressing for DNS-compatible names under "auto", default
//! ports dropped.

use std::sync::Mutex;

use presign::s3::{AddressingStyle, Bucket, Endpoint, Method, PostPolicy, S3Request};
use presign::{Credentials, Error, Timestamp};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::args::{credentials, expiry};
use crate::botocore_endpoints::Resolved;
use crate::clock;
use crate::errors::{config_error, OrRaise};
use crate::presigned::{PresignWarning, Presigned, PresignedPost};
use crate::state::{borrow, State};
use crate::text::Text;

/// Batches at least this long are signed without the GIL (other Python threads run meanwhile).
const DETACH_AT: usize = 64;

/// Where the presigner's buckets live.
struct Target {
    region: String,
    endpoint_url: Option<String>,
    addressing: AddressingStyle,
    dualstack: bool,
    accelerate: bool,
    fips: bool,
    legacy_global_endpoint: bool,
}

impl Target {
    fn endpoint(&self) -> Result<Endpoint, Error> {
        let e = match &self.endpoint_url {
            Some(url) => Endpoint::custom(url, &self.region)?,
            None => Endpoint::aws(&self.region)?
                .dualstack(self.dualstack)
                .accelerate(self.accelerate)
                .fips(self.fips)
                .legacy_global_endpoint(self.legacy_global_endpoint),
        };
        Ok(e.addressing(self.addressing))
    }

    fn resolve(&self, name: &str) -> Result<Resolved, Error> {
        Ok(Resolved {
            bucket: Bucket::new(self.endpoint()?, name)?,
            port_text: None,
        })
    }
}

/// Presigns S3 requests for one set of credentials and one endpoint, keeping the day's signing
/// key, a URL buffer and the resolved buckets between calls. Thread-safe.
#[pyclass(frozen, module = "s3presign._native")]
pub struct Presigner {
    credentials: Credentials,
    target: Target,
    clamp: bool,
    deny_warnings: bool,
    state: Mutex<State>,
}

fn method_of(m: &str) -> PyResult<Method> {
    Method::parse(m).ok_or_else(|| {
        crate::errors::param_error(format!(
            "method must be one of GET, PUT, POST, HEAD, DELETE, not {m:?}"
        ))
    })
}

/// Adds `headers` / `query` mappings (str to str) to a request.
fn extras<'a>(
    mut r: S3Request<'a>,
    headers: &'a [(Text<'_>, Text<'_>)],
    query: &'a [(Text<'_>, Text<'_>)],
) -> S3Request<'a> {
    for (n, v) in query {
        r = r.query(n.as_str(), v.as_str());
    }
    for (n, v) in headers {
        r = r.header(n.as_str(), v.as_str());
    }
    r
}

fn pairs<'py>(d: Option<&Bound<'py, PyDict>>, what: &str) -> PyResult<Vec<(Text<'py>, Text<'py>)>> {
    let Some(d) = d else { return Ok(Vec::new()) };
    d.iter()
        .map(|(k, v)| Ok((Text::of(&k, what)?, Text::of(&v, what)?)))
        .collect()
}

/// The optional arguments every operation takes, read once.
struct Common<'py> {
    expires_in: u64,
    time: Timestamp,
    headers: Vec<(Text<'py>, Text<'py>)>,
    query: Vec<(Text<'py>, Text<'py>)>,
}

impl<'py> Common<'py> {
    fn new(
        expires_in: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
        headers: Option<&Bound<'py, PyDict>>,
        query: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Self> {
        Ok(Common {
            expires_in: match expires_in {
                Some(e) if !e.is_none() => expiry(e, "expires_in")?,
                _ => 3600,
            },
            time: clock::signing_time(now)?,
            headers: pairs(headers, "a header name or value")?,
            query: pairs(query, "a query parameter name or value")?,
        })
    }
}

impl Presigner {
    /// Signs `request` (on a bucket of this presigner) into a `Presigned`.
    fn finish(
        &self,
        py: Python<'_>,
        presigner: &mut presign::s3::Presigner,
        url: &mut String,
        request: S3Request<'_>,
        common: &Common<'_>,
    ) -> PyResult<Presigned> {
        let request = extras(request, &common.headers, &common.query)
            .clamp_expiry_to_credentials(self.clamp)
            .deny_warnings(self.deny_warnings);
        let validity = presigner
            .presign_into(url, &request, common.time, common.expires_in)
            .or_raise()?;
        let warnings = request
            .warnings()
            .into_iter()
            .map(|w| {
                Py::new(
                    py,
                    PresignWarning {
                        code: w.code().to_owned(),
                        message: w.to_string(),
                    },
                )
            })
            .collect::<PyResult<_>>()?;
        Ok(Presigned {
            url: PyString::new(py, url).unbind(),
            method: request.method().as_str(),
            headers: request
                .headers()
                .map(|(n, v)| (n.to_owned(), v.to_owned()))
                .collect(),
            signed_at: validity.signed_at,
            expires_at: validity.expires_at,
            warnings,
        })
    }
}

#[pymethods]
impl Presigner {
    #[new]
    #[pyo3(signature = (
        access_key_id,
        secret_access_key,
        session_token = None,
        *,
        region = "us-east-1",
        endpoint_url = None,
        addressing_style = "auto",
        dualstack = false,
        accelerate = false,
        fips = false,
        legacy_global_endpoint = false,
        credentials_expire_at = None,
        clamp_expiry = false,
        deny_warnings = false,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        access_key_id: &str,
        secret_access_key: &str,
        session_token: Option<&str>,
        region: &str,
        endpoint_url: Option<&str>,
        addressing_style: &str,
        dualstack: bool,
        accelerate: bool,
        fips: bool,
        legacy_global_endpoint: bool,
        credentials_expire_at: Option<&Bound<'_, PyAny>>,
        clamp_expiry: bool,
        deny_warnings: bool,
    ) -> PyResult<Self> {
        let addressing = match addressing_style {
            "auto" => AddressingStyle::Auto,
            "virtual" => AddressingStyle::VirtualHosted,
            "path" => AddressingStyle::Path,
            other => {
                return Err(config_error(format!(
                    "addressing_style must be \"auto\", \"virtual\" or \"path\", not {other:?}"
                )))
            }
        };
        let target = Target {
            region: region.to_owned(),
            endpoint_url: endpoint_url.map(|u| u.strip_suffix('/').unwrap_or(u).to_owned()),
            addressing,
            dualstack,
            accelerate,
            fips,
            legacy_global_endpoint,
        };
        target.endpoint().or_raise()?;
        let credentials = credentials(
            access_key_id,
            secret_access_key,
            session_token,
            credentials_expire_at,
        )?;
        Ok(Presigner {
            state: Mutex::new(State::new(credentials.clone())),
            credentials,
            target,
            clamp: clamp_expiry,
            deny_warnings,
        })
    }

    /// GetObject: a download (or preview) link. `download_as` makes browsers save the file
    /// under that name (any Unicode: a `response-content-disposition` written for them).
    #[pyo3(signature = (
        bucket, key, *, expires_in = None, now = None, version_id = None,
        download_as = None, response_content_type = None, response_content_disposition = None,
        response_cache_control = None, response_content_encoding = None,
        response_content_language = None, response_expires = None, range = None,
        part_number = None, headers = None, query = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn get_object<'py>(
        &self,
        py: Python<'py>,
        bucket: &str,
        key: &str,
        expires_in: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
        version_id: Option<&str>,
        download_as: Option<&str>,
        response_content_type: Option<&str>,
        response_content_disposition: Option<&str>,
        response_cache_control: Option<&str>,
        response_content_encoding: Option<&str>,
        response_content_language: Option<&str>,
        response_expires: Option<&str>,
        range: Option<&str>,
        part_number: Option<u32>,
        headers: Option<&Bound<'py, PyDict>>,
        query: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Presigned> {
        let common = Common::new(expires_in, now, headers, query)?;
        let mut st = borrow(&self.state, &self.credentials);
        let (resolved, presigner, url) = st.parts(bucket, |n| self.target.resolve(n)).or_raise()?;
        let b = &resolved.bucket;
        let request = {
            let mut r = b.get_object(key);
            if let Some(v) = version_id {
                r = r.version_id(v);
            }
            if let Some(v) = download_as {
                r = r.download_as(v);
            }
            if let Some(v) = response_content_type {
                r = r.response_content_type(v);
            }
            if let Some(v) = response_content_disposition {
                r = r.response_content_disposition(v);
            }
            if let Some(v) = response_cache_control {
                r = r.response_cache_control(v);
            }
            if let Some(v) = response_content_encoding {
                r = r.response_content_encoding(v);
            }
            if let Some(v) = response_content_language {
                r = r.response_content_language(v);
            }
            if let Some(v) = response_expires {
                r = r.response_expires(v);
            }
            if let Some(v) = part_number {
                r = r.part_number(v);
            }
            if let Some(v) = range {
                r = r.range(v);
            }
            r
        };
        self.finish(py, presigner, url, request, &common)
    }

    /// HeadObject.
    #[pyo3(signature = (bucket, key, *, expires_in = None, now = None, version_id = None, range = None, part_number = None, headers = None, query = None))]
    #[allow(clippy::too_many_arguments)]
    fn head_object<'py>(
        &self,
        py: Python<'py>,
        bucket: &str,
        key: &str,
        expires_in: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
        version_id: Option<&str>,
        range: Option<&str>,
        part_number: Option<u32>,
        headers: Option<&Bound<'py, PyDict>>,
        query: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Presigned> {
        let common = Common::new(expires_in, now, headers, query)?;
        let mut st = borrow(&self.state, &self.credentials);
        let (resolved, presigner, url) = st.parts(bucket, |n| self.target.resolve(n)).or_raise()?;
        let b = &resolved.bucket;
        let request = {
            let mut r = b.head_object(key);
            if let Some(v) = version_id {
                r = r.version_id(v);
            }
            if let Some(v) = part_number {
                r = r.part_number(v);
            }
            if let Some(v) = range {
                r = r.range(v);
            }
            r
        };
        self.finish(py, presigner, url, request, &common)
    }

    /// PutObject: an upload straight to the bucket. The client must send `headers`.
    #[pyo3(signature = (
        bucket, key, *, expires_in = None, now = None, content_type = None,
        content_length = None, content_md5 = None, cache_control = None,
        content_disposition = None, content_encoding = None, metadata = None, acl = None,
        server_side_encryption = None, sse_kms_key_id = None, storage_class = None,
        tagging = None, checksum = None, headers = None, query = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn put_object<'py>(
        &self,
        py: Python<'py>,
        bucket: &str,
        key: &str,
        expires_in: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
        content_type: Option<&str>,
        content_length: Option<u64>,
        content_md5: Option<&str>,
        cache_control: Option<&str>,
        content_disposition: Option<&str>,
        content_encoding: Option<&str>,
        metadata: Option<&Bound<'py, PyDict>>,
        acl: Option<&str>,
        server_side_encryption: Option<&str>,
        sse_kms_key_id: Option<&str>,
        storage_class: Option<&str>,
        tagging: Option<&str>,
        checksum: Option<(String, String)>,
        headers: Option<&Bound<'py, PyDict>>,
        query: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Presigned> {
        let common = Common::new(expires_in, now, headers, query)?;
        let metadata = pairs(metadata, "a metadata name or value")?;
        let upload = Upload {
            content_type,
            cache_control,
            content_disposition,
            content_encoding,
            metadata: &metadata,
            acl,
            server_side_encryption,
            sse_kms_key_id,
            storage_class,
            tagging,
        };
        let mut st = borrow(&self.state, &self.credentials);
        let (resolved, presigner, url) = st.parts(bucket, |n| self.target.resolve(n)).or_raise()?;
        let b = &resolved.bucket;
        let request = {
            let mut r = upload.apply(b.put_object(key));
            if let Some(n) = content_length {
                r = r.content_length(n);
            }
            if let Some(v) = content_md5 {
                r = r.content_md5(v);
            }
            if let Some((alg, v)) = &checksum {
                r = r.checksum(alg, v.as_str());
            }
            r
        };
        self.finish(py, presigner, url, request, &common)
    }

    /// DeleteObject.
    #[pyo3(signature = (bucket, key, *, expires_in = None, now = None, version_id = None, headers = None, query = None))]
    #[allow(clippy::too_many_arguments)]
    fn delete_object<'py>(
        &self,
        py: Python<'py>,
        bucket: &str,
        key: &str,
        expires_in: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
        version_id: Option<&str>,
        headers: Option<&Bound<'py, PyDict>>,
        query: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Presigned> {
        let common = Common::new(expires_in, now, headers, query)?;
        let mut st = borrow(&self.state, &self.credentials);
        let (resolved, presigner, url) = st.parts(bucket, |n| self.target.resolve(n)).or_raise()?;
        let b = &resolved.bucket;
        let request = {
            let r = b.delete_object(key);
            match version_id {
                Some(v) => r.version_id(v),
                None => r,
            }
        };
        self.finish(py, presigner, url, request, &common)
    }

    /// CreateMultipartUpload (`POST ?uploads`).
    #[pyo3(signature = (
        bucket, key, *, expires_in = None, now = None, content_type = None,
        cache_control = None, content_disposition = None, content_encoding = None,
        metadata = None, acl = None, server_side_encryption = None, sse_kms_key_id = None,
        storage_class = None, tagging = None, headers = None, query = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn create_multipart_upload<'py>(
        &self,
        py: Python<'py>,
        bucket: &str,
        key: &str,
        expires_in: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
        content_type: Option<&str>,
        cache_control: Option<&str>,
        content_disposition: Option<&str>,
        content_encoding: Option<&str>,
        metadata: Option<&Bound<'py, PyDict>>,
        acl: Option<&str>,
        server_side_encryption: Option<&str>,
        sse_kms_key_id: Option<&str>,
        storage_class: Option<&str>,
        tagging: Option<&str>,
        headers: Option<&Bound<'py, PyDict>>,
        query: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Presigned> {
        let common = Common::new(expires_in, now, headers, query)?;
        let metadata = pairs(metadata, "a metadata name or value")?;
        let upload = Upload {
            content_type,
            cache_control,
            content_disposition,
            content_encoding,
            metadata: &metadata,
            acl,
            server_side_encryption,
            sse_kms_key_id,
            storage_class,
            tagging,
        };
        let mut st = borrow(&self.state, &self.credentials);
        let (resolved, presigner, url) = st.parts(bucket, |n| self.target.resolve(n)).or_raise()?;
        let b = &resolved.bucket;
        let request = { upload.apply(b.create_multipart_upload(key)) };
        self.finish(py, presigner, url, request, &common)
    }

    /// UploadPart (`PUT ?partNumber=N&uploadId=ID`).
    #[pyo3(signature = (bucket, key, upload_id, part_number, *, expires_in = None, now = None, content_length = None, content_md5 = None, checksum = None, headers = None, query = None))]
    #[allow(clippy::too_many_arguments)]
    fn upload_part<'py>(
        &self,
        py: Python<'py>,
        bucket: &str,
        key: &str,
        upload_id: &str,
        part_number: u32,
        expires_in: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
        content_length: Option<u64>,
        content_md5: Option<&str>,
        checksum: Option<(String, String)>,
        headers: Option<&Bound<'py, PyDict>>,
        query: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Presigned> {
        let common = Common::new(expires_in, now, headers, query)?;
        let mut st = borrow(&self.state, &self.credentials);
        let (resolved, presigner, url) = st.parts(bucket, |n| self.target.resolve(n)).or_raise()?;
        let b = &resolved.bucket;
        let request = {
            let mut r = b.upload_part(key, upload_id, part_number);
            if let Some(n) = content_length {
                r = r.content_length(n);
            }
            if let Some(v) = content_md5 {
                r = r.content_md5(v);
            }
            if let Some((alg, v)) = &checksum {
                r = r.checksum(alg, v.as_str());
            }
            r
        };
        self.finish(py, presigner, url, request, &common)
    }

    /// CompleteMultipartUpload (`POST ?uploadId=ID`); the client sends the parts XML.
    #[pyo3(signature = (bucket, key, upload_id, *, expires_in = None, now = None, headers = None, query = None))]
    #[allow(clippy::too_many_arguments)]
    fn complete_multipart_upload<'py>(
        &self,
        py: Python<'py>,
        bucket: &str,
        key: &str,
        upload_id: &str,
        expires_in: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
        headers: Option<&Bound<'py, PyDict>>,
        query: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Presigned> {
        let common = Common::new(expires_in, now, headers, query)?;
        let mut st = borrow(&self.state, &self.credentials);
        let (resolved, presigner, url) = st.parts(bucket, |n| self.target.resolve(n)).or_raise()?;
        let b = &resolved.bucket;
        let request = { b.complete_multipart_upload(key, upload_id) };
        self.finish(py, presigner, url, request, &common)
    }

    /// AbortMultipartUpload (`DELETE ?uploadId=ID`).
    #[pyo3(signature = (bucket, key, upload_id, *, expires_in = None, now = None, headers = None, query = None))]
    #[allow(clippy::too_many_arguments)]
    fn abort_multipart_upload<'py>(
        &self,
        py: Python<'py>,
        bucket: &str,
        key: &str,
        upload_id: &str,
        expires_in: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
        headers: Option<&Bound<'py, PyDict>>,
        query: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Presigned> {
        let common = Common::new(expires_in, now, headers, query)?;
        let mut st = borrow(&self.state, &self.credentials);
        let (resolved, presigner, url) = st.parts(bucket, |n| self.target.resolve(n)).or_raise()?;
        let b = &resolved.bucket;
        let request = { b.abort_multipart_upload(key, upload_id) };
        self.finish(py, presigner, url, request, &common)
    }

    /// ListParts (`GET ?uploadId=ID`).
    #[pyo3(signature = (bucket, key, upload_id, *, expires_in = None, now = None, headers = None, query = None))]
    #[allow(clippy::too_many_arguments)]
    fn list_parts<'py>(
        &self,
        py: Python<'py>,
        bucket: &str,
        key: &str,
        upload_id: &str,
        expires_in: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
        headers: Option<&Bound<'py, PyDict>>,
        query: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Presigned> {
        let common = Common::new(expires_in, now, headers, query)?;
        let mut st = borrow(&self.state, &self.credentials);
        let (resolved, presigner, url) = st.parts(bucket, |n| self.target.resolve(n)).or_raise()?;
        let b = &resolved.bucket;
        let request = b.list_parts(key, upload_id);
        self.finish(py, presigner, url, request, &common)
    }

    /// ListObjectsV2 (`GET /?list-type=2`).
    #[pyo3(signature = (bucket, *, expires_in = None, now = None, prefix = None, delimiter = None, max_keys = None, continuation_token = None, start_after = None, headers = None, query = None))]
    #[allow(clippy::too_many_arguments)]
    fn list_objects_v2<'py>(
        &self,
        py: Python<'py>,
        bucket: &str,
        expires_in: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
        prefix: Option<&str>,
        delimiter: Option<&str>,
        max_keys: Option<u32>,
        continuation_token: Option<&str>,
        start_after: Option<&str>,
        headers: Option<&Bound<'py, PyDict>>,
        query: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Presigned> {
        let common = Common::new(expires_in, now, headers, query)?;
        let mut st = borrow(&self.state, &self.credentials);
        let (resolved, presigner, url) = st.parts(bucket, |n| self.target.resolve(n)).or_raise()?;
        let b = &resolved.bucket;
        let request = {
            let mut r = b.list_objects_v2();
            if let Some(v) = prefix {
                r = r.prefix(v);
            }
            if let Some(v) = delimiter {
                r = r.delimiter(v);
            }
            if let Some(n) = max_keys {
                r = r.max_keys(n);
            }
            if let Some(v) = continuation_token {
                r = r.continuation_token(v);
            }
            if let Some(v) = start_after {
                r = r.start_after(v);
            }
            r
        };
        self.finish(py, presigner, url, request, &common)
    }

    /// Any S3 request: a method, a bucket, an optional key, and the query parameters and
    /// headers to sign.
    #[pyo3(signature = (method, bucket, key = None, *, expires_in = None, now = None, headers = None, query = None))]
    #[allow(clippy::too_many_arguments)]
    fn presign<'py>(
        &self,
        py: Python<'py>,
        method: &str,
        bucket: &str,
        key: Option<&str>,
        expires_in: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
        headers: Option<&Bound<'py, PyDict>>,
        query: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Presigned> {
        let method = method_of(method)?;
        let common = Common::new(expires_in, now, headers, query)?;
        let mut st = borrow(&self.state, &self.credentials);
        let (resolved, presigner, url) = st.parts(bucket, |n| self.target.resolve(n)).or_raise()?;
        let b = &resolved.bucket;
        let request = b.request(method, key);
        self.finish(py, presigner, url, request, &common)
    }

    /// Presigns `method` (GET by default) for every key, in one call: a list of URLs, in the
    /// order of `keys`. The requests sign no headers, so a URL is all a client needs. Long
    /// batches are signed without holding the GIL. Warnings are not returned: with
    /// `deny_warnings=True` a hazardous key (a `.`/`..` segment) raises instead.
    #[pyo3(signature = (bucket, keys, *, method = "GET", expires_in = None, now = None))]
    fn presign_many<'py>(
        &self,
        py: Python<'py>,
        bucket: &str,
        keys: &Bound<'py, PyAny>,
        method: &str,
        expires_in: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let method = method_of(method)?;
        let common = Common::new(expires_in, now, None, None)?;
        let keys: Vec<Text<'py>> = match keys.cast::<PyList>() {
            Ok(list) => list
                .iter()
                .map(|k| Text::of(&k, "a key"))
                .collect::<PyResult<_>>()?,
            Err(_) => keys
                .try_iter()?
                .map(|k| Text::of(&k?, "a key"))
                .collect::<PyResult<_>>()?,
        };
        let mut state = borrow(&self.state, &self.credentials);
        let (resolved, presigner, url) =
            state.parts(bucket, |n| self.target.resolve(n)).or_raise()?;
        let b = &resolved.bucket;
        let (clamp, deny) = (self.clamp, self.deny_warnings);
        if keys.len() < DETACH_AT {
            let mut out = Vec::with_capacity(keys.len());
            for k in &keys {
                let r = b
                    .request(method, Some(k.as_str()))
                    .clamp_expiry_to_credentials(clamp)
                    .deny_warnings(deny);
                presigner
                    .presign_into(url, &r, common.time, common.expires_in)
                    .or_raise()?;
                out.push(PyString::new(py, url));
            }
            return PyList::new(py, out);
        }
        // Sign without the GIL, then make the strs. The keys are borrowed: their text is
        // immutable and `keys` keeps every string alive until after the detached part.
        let texts: Vec<&str> = keys.iter().map(Text::as_str).collect();
        let (time, expires) = (common.time, common.expires_in);
        let signed: Result<(String, Vec<usize>), Error> = py.detach(|| {
            let mut all = String::with_capacity(texts.len() * (url.capacity().max(200)));
            let mut url_ends = Vec::with_capacity(texts.len());
            for key in &texts {
                let r = b
                    .request(method, Some(key))
                    .clamp_expiry_to_credentials(clamp)
                    .deny_warnings(deny);
                presigner.presign_into(url, &r, time, expires)?;
                all.push_str(url);
                url_ends.push(all.len());
            }
            Ok((all, url_ends))
        });
        drop(texts);
        drop(keys);
        let (all, url_ends) = signed.or_raise()?;
        let mut start = 0;
        PyList::new(
            py,
            url_ends.iter().map(|&end| {
                let s = PyString::new(py, &all[start..end]);
                start = end;
                s
            }),
        )
    }

    /// A browser form upload (POST policy) with presign's builder: the key (exact, or any
    /// name under `key_starts_with`; a key ending in `${filename}` takes the file's name),
    /// a size range, the Content-Type (exact or a prefix), and other fields.
    #[pyo3(signature = (
        bucket, key = None, *, key_starts_with = None, expires_in = None, now = None,
        content_length_range = None, content_type = None, content_type_starts_with = None,
        acl = None, success_action_status = None, success_action_redirect = None,
        metadata = None, fields = None, fields_starting_with = None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn presign_post(
        &self,
        bucket: &str,
        key: Option<&str>,
        key_starts_with: Option<&str>,
        expires_in: Option<&Bound<'_, PyAny>>,
        now: Option<&Bound<'_, PyAny>>,
        content_length_range: Option<(u64, u64)>,
        content_type: Option<&str>,
        content_type_starts_with: Option<&str>,
        acl: Option<&str>,
        success_action_status: Option<u16>,
        success_action_redirect: Option<&str>,
        metadata: Option<&Bound<'_, PyDict>>,
        fields: Option<&Bound<'_, PyDict>>,
        fields_starting_with: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<PresignedPost> {
        let expires = match expires_in {
            Some(e) if !e.is_none() => expiry(e, "expires_in")?,
            _ => 3600,
        };
        let time = clock::signing_time(now)?;
        let metadata = pairs(metadata, "a metadata name or value")?;
        let fields = pairs(fields, "a field name or value")?;
        let prefixes = pairs(fields_starting_with, "a field name or prefix")?;
        let resolved = {
            let mut state = borrow(&self.state, &self.credentials);
            state
                .buckets
                .get(bucket, |n| self.target.resolve(n))
                .or_raise()?
                .clone()
        };
        let mut p = PostPolicy::new(&resolved.bucket).expires_in(expires);
        if let Some(k) = key {
            p = p.key(k);
        }
        if let Some(k) = key_starts_with {
            p = p.key_starts_with(k);
        }
        if let Some((min, max)) = content_length_range {
            p = p.content_length_range(min, max);
        }
        if let Some(v) = content_type {
            p = p.content_type(v);
        }
        if let Some(v) = content_type_starts_with {
            p = p.content_type_starts_with(v);
        }
        if let Some(v) = acl {
            p = p.acl(v);
        }
        if let Some(v) = success_action_status {
            p = p.success_action_status(v);
        }
        if let Some(v) = success_action_redirect {
            p = p.success_action_redirect(v);
        }
        for (n, v) in &metadata {
            p = p.metadata(n.as_str(), v.as_str());
        }
        for (n, v) in &fields {
            p = p.field(n.as_str(), v.as_str());
        }
        for (n, v) in &prefixes {
            p = p.field_starts_with(n.as_str(), v.as_str());
        }
        Ok(PresignedPost {
            inner: p.sign(&self.credentials, time).or_raise()?,
        })
    }

    /// The signing region.
    #[getter]
    fn region(&self) -> &str {
        &self.target.region
    }

    fn __repr__(&self) -> String {
        format!(
            "<s3presign.Presigner region={:?} endpoint_url={} access_key_id={:?}>",
            self.target.region,
            self.target
                .endpoint_url
                .as_ref()
                .map_or("None".to_owned(), |u| format!("{u:?}")),
            self.credentials.access_key_id()
        )
    }
}

/// The headers PutObject and CreateMultipartUpload share.
struct Upload<'a, 'py> {
    content_type: Option<&'a str>,
    cache_control: Option<&'a str>,
    content_disposition: Option<&'a str>,
    content_encoding: Option<&'a str>,
    metadata: &'a [(Text<'py>, Text<'py>)],
    acl: Option<&'a str>,
    server_side_encryption: Option<&'a str>,
    sse_kms_key_id: Option<&'a str>,
    storage_class: Option<&'a str>,
    tagging: Option<&'a str>,
}

impl<'a> Upload<'a, '_> {
    fn apply<'r>(&'r self, mut r: S3Request<'r>) -> S3Request<'r>
    where
        'a: 'r,
    {
        if let Some(v) = self.content_type {
            r = r.content_type(v);
        }
        if let Some(v) = self.cache_control {
            r = r.cache_control(v);
        }
        if let Some(v) = self.content_disposition {
            r = r.content_disposition(v);
        }
        if let Some(v) = self.content_encoding {
            r = r.content_encoding(v);
        }
        for (n, v) in self.metadata {
            r = r.metadata(n.as_str(), v.as_str());
        }
        if let Some(v) = self.acl {
            r = r.acl(v);
        }
        if let Some(v) = self.server_side_encryption {
            r = r.server_side_encryption(v);
        }
        if let Some(v) = self.sse_kms_key_id {
            r = r.sse_kms_key_id(v);
        }
        if let Some(v) = self.storage_class {
            r = r.storage_class(v);
        }
        if let Some(v) = self.tagging {
            r = r.tagging(v);
        }
        r
    }
}

/// Where a presign's time goes, measured inside the extension (for `bench/bench.py`): the
/// signing alone (`presign_into` on a reused buffer), the signing plus making the Python `str`,
/// and one GIL release and re-acquisition. Nanoseconds per operation: the best chunk of 1000
/// among `n / 1000`.
#[pyfunction]
pub(crate) fn _cost_breakdown(
    py: Python<'_>,
    presigner: &Presigner,
    bucket: &str,
    key: &str,
    n: u32,
) -> PyResult<Vec<(&'static str, f64)>> {
    use std::time::Instant;
    let now = clock::signing_time(None)?;
    let mut state = borrow(&presigner.state, &presigner.credentials);
    let (resolved, signer, url) = state
        .parts(bucket, |b| presigner.target.resolve(b))
        .or_raise()?;
    let b = &resolved.bucket;
    // The best of chunks of 1000: a shared machine preempts long loops.
    let best = |f: &mut dyn FnMut() -> PyResult<()>| -> PyResult<f64> {
        let mut best = f64::MAX;
        for _ in 0..n.div_ceil(1000).max(1) {
            let t = Instant::now();
            for _ in 0..1000 {
                f()?;
            }
            best = best.min(t.elapsed().as_nanos() as f64 / 1000.0);
        }
        Ok(best)
    };
    let sign = best(&mut || {
        signer
            .presign_into(url, &b.get_object(key), now, 3600)
            .map(drop)
            .or_raise()
    })?;
    let sign_and_str = best(&mut || {
        signer
            .presign_into(url, &b.get_object(key), now, 3600)
            .or_raise()?;
        drop(PyString::new(py, url));
        Ok(())
    })?;
    let gil = best(&mut || {
        py.detach(|| ());
        Ok(())
    })?;
    Ok(vec![
        ("sign", sign),
        ("sign + str", sign_and_str),
        ("gil release + reacquire", gil),
    ])
}
