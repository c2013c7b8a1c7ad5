//! What a `Presigner` returns: `Presigned` (a URL with its method, the headers the client must
//! send, when it expires and what may break it), `PresignedPost` (a form upload) and
//! `PresignWarning`. Built lazily where Python objects cost: the headers dict and the
//! `datetime`s are made when read.

use presign::Timestamp;
use pyo3::prelude::*;
use pyo3::types::{PyDateTime, PyDict, PyString};

use crate::clock;

/// A hazard a client is known to trip on with this URL: `code` is stable, `message` says what
/// breaks and what to do.
#[pyclass(frozen, module = "s3presign._native", get_all)]
pub struct PresignWarning {
    /// Stable kebab-case identifier, e.g. `"dot-segment-in-key"`.
    pub(crate) code: String,
    /// What breaks, and what to do about it.
    pub(crate) message: String,
}

#[pymethods]
impl PresignWarning {
    fn __repr__(&self) -> String {
        format!("<PresignWarning {}: {}>", self.code, self.message)
    }

    fn __str__(&self) -> String {
        self.message.clone()
    }
}

/// A presigned request: send `method` to `url` with exactly `headers`, before `expires_at`.
#[pyclass(frozen, module = "s3presign._native")]
pub struct Presigned {
    pub(crate) url: Py<PyString>,
    pub(crate) method: &'static str,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) signed_at: Timestamp,
    pub(crate) expires_at: Timestamp,
    pub(crate) warnings: Vec<Py<PresignWarning>>,
}

#[pymethods]
impl Presigned {
    /// The presigned URL.
    #[getter]
    fn url(&self, py: Python<'_>) -> Py<PyString> {
        self.url.clone_ref(py)
    }

    /// The HTTP method the URL is signed for; any other is refused.
    #[getter]
    fn method(&self) -> &'static str {
        self.method
    }

    /// The headers the client must send, with these exact values (they are signed; a missing
    /// or changed one gets `SignatureDoesNotMatch`). `Host` is not listed: clients set it
    /// from the URL. A new dict on every read.
    #[getter]
    fn headers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (n, v) in &self.headers {
            d.set_item(n, v)?;
        }
        Ok(d)
    }

    /// When the URL was signed (aware, UTC).
    #[getter]
    fn signed_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDateTime>> {
        clock::to_datetime(py, self.signed_at)
    }

    /// The first instant at which S3 refuses the URL (aware, UTC).
    #[getter]
    fn expires_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDateTime>> {
        clock::to_datetime(py, self.expires_at)
    }

    /// Seconds from signing to expiry.
    #[getter]
    fn expires_in(&self) -> i64 {
        self.expires_at.unix() - self.signed_at.unix()
    }

    /// Hazards clients are known to trip on with this URL (empty when none applies).
    #[getter]
    fn warnings(&self, py: Python<'_>) -> Vec<Py<PresignWarning>> {
        self.warnings.iter().map(|w| w.clone_ref(py)).collect()
    }

    /// No signature or session token: the URL is cut at its query.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let url = self.url.bind(py).to_cow()?;
        let shown = url.split('?').next().unwrap_or_default();
        Ok(format!(
            "<Presigned {} {shown}?… expires_at={} headers={:?}>",
            self.method,
            self.expires_at,
            self.headers
                .iter()
                .map(|(n, _)| n.as_str())
                .collect::<Vec<_>>()
        ))
    }
}

/// A signed POST form (browser upload): send `multipart/form-data` to `url` with every entry
/// of `fields`, the `caller_fields` the form fills in, then the file as the part named `file`,
/// last.
#[pyclass(frozen, module = "s3presign._native")]
pub struct PresignedPost {
    pub(crate) inner: presign::s3::PresignedPost,
}

#[pymethods]
impl PresignedPost {
    /// The form action.
    #[getter]
    fn url(&self) -> &str {
        &self.inner.url
    }

    /// The form fields, in order (a new dict on every read).
    #[getter]
    fn fields<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (n, v) in &self.inner.fields {
            d.set_item(n, v)?;
        }
        Ok(d)
    }

    /// The fields the form itself fills in, with the prefix each value must start with, e.g.
    /// `[("Content-Type", "image/")]`.
    #[getter]
    fn caller_fields(&self) -> Vec<(String, String)> {
        self.inner
            .caller_fields()
            .into_iter()
            .map(|(n, p)| (n.to_owned(), p.to_owned()))
            .collect()
    }

    /// The policy document (JSON) whose base64 is the `policy` field.
    #[getter]
    fn policy(&self) -> &str {
        &self.inner.policy
    }

    /// When the form was signed (aware, UTC).
    #[getter]
    fn signed_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDateTime>> {
        clock::to_datetime(py, self.inner.signed_at)
    }

    /// The first instant at which S3 refuses the form (aware, UTC).
    #[getter]
    fn expires_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDateTime>> {
        clock::to_datetime(py, self.inner.expires_at)
    }

    /// A minimal HTML page with the form (fields hidden, a file input, a submit button).
    fn html_form(&self) -> String {
        self.inner.html_form()
    }

    fn __repr__(&self) -> String {
        format!(
            "<PresignedPost {} fields={:?} expires_at={}>",
            self.inner.url,
            self.inner
                .fields
                .iter()
                .map(|(n, _)| n.as_str())
                .collect::<Vec<_>>(),
            self.inner.expires_at
        )
    }
}
