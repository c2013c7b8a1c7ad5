//! `Presigner`: the Pythonic layer. One object per set of credentials and endpoint; each
//! operation returns a `Presigned` with the URL, the method, the headers the client must send,
//! when it expires and warnings; `presign_many` signs a batch of keys in one call.
//!
//! This file is the Python API (each method's arguments, and which library call they make);
//! `call.rs` signs a call, `batch.rs` a batch, `target.rs` says where the buckets are.

/// `set!(r; a, b)`: `r = r.a(v)` for `Some(v) = a`, then the same for `b`, ...: the optional
/// arguments are named as the library's builder methods that take them.
macro_rules! set {
    ($r:ident; $($option:ident),+ $(,)?) => {
        $(if let Some(v) = $option {
            $r = $r.$option(v);
        })+
    };
}

mod batch;
mod call;
mod cost;
mod target;

use std::sync::Mutex;

use presign::s3::{Method, PostPolicy};
use presign::Credentials;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::args::{addressing_style, credentials};
use crate::clock;
use crate::errors::{param_error, OrRaise};
use crate::presigned::{Presigned, PresignedPost};
use crate::state::{borrow, State};
use call::{expires_in, pairs, Common};
pub(crate) use cost::_cost_breakdown;
use target::Target;

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
        param_error(format!(
            "method must be one of GET, PUT, POST, HEAD, DELETE, not {m:?}"
        ))
    })
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
        let target = Target {
            region: region.to_owned(),
            endpoint_url: endpoint_url.map(|u| u.strip_suffix('/').unwrap_or(u).to_owned()),
            addressing: self::addressing_style(addressing_style)?.into(),
            dualstack,
            accelerate,
            fips,
            legacy_global_endpoint,
        };
        target.check().or_raise()?;
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
        self.on_bucket(py, bucket, common, |b, signer| {
            let mut r = b.get_object(key);
            set!(r; version_id, download_as, response_content_type, response_content_disposition,
                response_cache_control, response_content_encoding, response_content_language,
                response_expires, part_number, range);
            signer.sign(r)
        })
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
        self.on_bucket(py, bucket, common, |b, signer| {
            let mut r = b.head_object(key);
            set!(r; version_id, part_number, range);
            signer.sign(r)
        })
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
        self.on_bucket(py, bucket, common, |b, signer| {
            let mut r = b.put_object(key);
            set!(r; content_type, cache_control, content_disposition, content_encoding);
            for (n, v) in &metadata {
                r = r.metadata(n.as_str(), v.as_str());
            }
            set!(r; acl, server_side_encryption, sse_kms_key_id, storage_class, tagging,
                content_length, content_md5);
            if let Some((algorithm, value)) = &checksum {
                r = r.checksum(algorithm, value);
            }
            signer.sign(r)
        })
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
        self.on_bucket(py, bucket, common, |b, signer| {
            let mut r = b.delete_object(key);
            set!(r; version_id);
            signer.sign(r)
        })
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
        self.on_bucket(py, bucket, common, |b, signer| {
            let mut r = b.create_multipart_upload(key);
            set!(r; content_type, cache_control, content_disposition, content_encoding);
            for (n, v) in &metadata {
                r = r.metadata(n.as_str(), v.as_str());
            }
            set!(r; acl, server_side_encryption, sse_kms_key_id, storage_class, tagging);
            signer.sign(r)
        })
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
        self.on_bucket(py, bucket, common, |b, signer| {
            let mut r = b.upload_part(key, upload_id, part_number);
            set!(r; content_length, content_md5);
            if let Some((algorithm, value)) = &checksum {
                r = r.checksum(algorithm, value);
            }
            signer.sign(r)
        })
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
        self.on_bucket(py, bucket, common, |b, signer| {
            signer.sign(b.complete_multipart_upload(key, upload_id))
        })
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
        self.on_bucket(py, bucket, common, |b, signer| {
            signer.sign(b.abort_multipart_upload(key, upload_id))
        })
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
        self.on_bucket(py, bucket, common, |b, signer| {
            signer.sign(b.list_parts(key, upload_id))
        })
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
        self.on_bucket(py, bucket, common, |b, signer| {
            let mut r = b.list_objects_v2();
            set!(r; prefix, delimiter, max_keys, continuation_token, start_after);
            signer.sign(r)
        })
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
        self.on_bucket(py, bucket, common, |b, signer| {
            signer.sign(b.request(method, key))
        })
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
        self.urls(py, bucket, keys, method, &common)
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
        let expires = self::expires_in(expires_in)?;
        let time = clock::signing_time(now)?;
        let metadata = pairs(metadata, "a metadata name or value")?;
        let fields = pairs(fields, "a field name or value")?;
        let prefixes = pairs(fields_starting_with, "a field name or prefix")?;
        let resolved = borrow(&self.state, &self.credentials)
            .buckets
            .get(bucket, |n| self.target.resolve(n))
            .or_raise()?
            .clone();
        let mut p = PostPolicy::new(&resolved.bucket).expires_in(expires);
        set!(p; key, key_starts_with, content_type, content_type_starts_with, acl,
            success_action_status, success_action_redirect);
        if let Some((min, max)) = content_length_range {
            p = p.content_length_range(min, max);
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
