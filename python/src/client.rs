//! `S3Client`: the boto3 drop-in. `generate_presigned_url` and `generate_presigned_post` with
//! boto3's argument names and meanings, on a client that keeps the day's signing key, a URL
//! buffer and the resolved buckets between calls.

use std::sync::Mutex;

use presign::s3::Method;
use presign::{Credentials, Timestamp};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::args::{self, credentials, expiry};
use crate::botocore_endpoints::Settings;
use crate::clock;
use crate::errors::{config_error, param_error, OrRaise};
use crate::operations::{Call, Operation};
use crate::post;
use crate::state::{borrow, State};
use crate::text::Text;

/// A presigning S3 client with boto3's interface. Make one with `s3presign.client(...)`.
#[pyclass(frozen, module = "s3presign._native")]
pub struct S3Client {
    settings: Settings,
    credentials: Credentials,
    deny_warnings: bool,
    state: Mutex<State>,
}

#[pymethods]
impl S3Client {
    #[new]
    #[pyo3(signature = (
        aws_access_key_id,
        aws_secret_access_key,
        aws_session_token = None,
        *,
        region_name = "us-east-1",
        endpoint_url = None,
        addressing_style = "auto",
        us_east_1_regional_endpoint = None,
        use_dualstack_endpoint = false,
        use_accelerate_endpoint = false,
        use_fips_endpoint = false,
        boto3_compatible = false,
        credentials_expire_at = None,
        deny_warnings = false,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        aws_access_key_id: &str,
        aws_secret_access_key: &str,
        aws_session_token: Option<&str>,
        region_name: &str,
        endpoint_url: Option<&str>,
        addressing_style: &str,
        us_east_1_regional_endpoint: Option<&str>,
        use_dualstack_endpoint: bool,
        use_accelerate_endpoint: bool,
        use_fips_endpoint: bool,
        boto3_compatible: bool,
        credentials_expire_at: Option<&Bound<'_, PyAny>>,
        deny_warnings: bool,
    ) -> PyResult<Self> {
        let addressing = args::addressing_style(addressing_style)?;
        let regional = match us_east_1_regional_endpoint {
            None => None,
            Some("regional") => Some(true),
            Some("legacy") => Some(false),
            Some(other) => {
                return Err(config_error(format!(
                    "us_east_1_regional_endpoint must be \"regional\" or \"legacy\", not {other:?}"
                )))
            }
        };
        let settings = Settings::new(
            region_name,
            endpoint_url,
            addressing,
            regional,
            use_dualstack_endpoint,
            use_accelerate_endpoint,
            use_fips_endpoint,
            boto3_compatible,
        )
        .or_raise()?;
        let credentials = credentials(
            aws_access_key_id,
            aws_secret_access_key,
            aws_session_token,
            credentials_expire_at,
        )?;
        Ok(S3Client {
            settings,
            state: Mutex::new(State::new(credentials.clone())),
            credentials,
            deny_warnings,
        })
    }

    /// Presigns `ClientMethod` with `Params`, as boto3's `generate_presigned_url`.
    #[pyo3(signature = (ClientMethod, Params = None, ExpiresIn = None, HttpMethod = None, *, now = None))]
    #[allow(non_snake_case)]
    fn generate_presigned_url<'py>(
        &self,
        py: Python<'py>,
        ClientMethod: &str,
        Params: Option<&Bound<'py, PyDict>>,
        ExpiresIn: Option<&Bound<'py, PyAny>>,
        HttpMethod: Option<&str>,
        now: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyString>> {
        let op = Operation::find(ClientMethod)?;
        let call = Call::parse(op, Params)?;
        let expires = match ExpiresIn {
            Some(e) if !e.is_none() => expiry(e, "ExpiresIn")?,
            _ => 3600,
        };
        let method = match HttpMethod {
            None => op.method,
            Some(m) => Method::parse(m).ok_or_else(|| {
                param_error(format!(
                    "HttpMethod must be one of GET, PUT, POST, HEAD, DELETE, not {m:?}"
                ))
            })?,
        };
        let time = clock::signing_time(now)?;
        let mut state = borrow(&self.state, &self.credentials);
        let bucket_name = call.bucket.as_ref().map(Text::as_str).unwrap_or_default();
        let (resolved, presigner, url) = state
            .parts(bucket_name, |n| self.settings.resolve(n))
            .or_raise()?;
        let request = call
            .request(&resolved.bucket, method)
            .deny_warnings(self.deny_warnings);
        presigner
            .presign_into(url, &request, time, expires)
            .or_raise()?;
        resolved.fix_url(url);
        Ok(PyString::new(py, url))
    }

    /// A browser form upload (POST policy), as boto3's `generate_presigned_post`.
    #[pyo3(signature = (Bucket, Key, Fields = None, Conditions = None, ExpiresIn = None, *, now = None))]
    #[allow(non_snake_case, clippy::too_many_arguments)]
    fn generate_presigned_post<'py>(
        &self,
        py: Python<'py>,
        Bucket: &str,
        Key: &str,
        Fields: Option<&Bound<'py, PyDict>>,
        Conditions: Option<&Bound<'py, PyList>>,
        ExpiresIn: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let expires = match ExpiresIn {
            Some(e) if !e.is_none() => expiry(e, "ExpiresIn")?,
            _ => 3600,
        };
        let time: Timestamp = clock::signing_time(now)?;
        let resolved = {
            let mut state = borrow(&self.state, &self.credentials);
            state
                .buckets
                .get(Bucket, |n| self.settings.resolve(n))
                .or_raise()?
                .clone()
        };
        post::generate(
            py,
            &self.credentials,
            &resolved,
            Key,
            Fields,
            Conditions,
            expires,
            time,
        )
    }

    /// The signing region.
    #[getter]
    fn region_name(&self) -> &str {
        &self.settings.region
    }

    /// The custom endpoint URL, if any.
    #[getter]
    fn endpoint_url(&self) -> Option<String> {
        self.settings.endpoint_url()
    }

    /// Whether URLs are byte-identical to botocore's (its global host, explicit default ports).
    #[getter]
    fn boto3_compatible(&self) -> bool {
        self.settings.boto3_compatible
    }

    fn __repr__(&self) -> String {
        format!(
            "<s3presign.S3Client region_name={:?} endpoint_url={} access_key_id={:?}{}>",
            self.settings.region,
            self.settings
                .endpoint_url()
                .map_or("None".to_owned(), |u| format!("{u:?}")),
            self.credentials.access_key_id(),
            if self.settings.boto3_compatible {
                " boto3_compatible=True"
            } else {
                ""
            }
        )
    }
}
