//! boto3's `generate_presigned_post`: the same form URL, the same fields in the same order and
//! the same policy document, byte for byte. `s3presign/_post.py` builds the document as
//! botocore does (its condition order, `json.dumps`); this side gives it the facts (the URL,
//! the expiration, the credential scope, the date, the token) and signs what it wrote with
//! presign's `sign_document`, which also checks it.
//!
//! Two choices differ from botocore: the expiry must be 1..=604800 s (a signed form is a bearer
//! credential; botocore signs any), and the policy must be one S3 can read (presign's parser
//! refuses, with the reason, what S3 would refuse).

use presign::s3::post::sign_document;
use presign::s3::Bucket;
use presign::{Credentials, Timestamp};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyCFunction, PyDict, PyList, PyTuple};

use crate::botocore_endpoints::Resolved;
use crate::errors::OrRaise;

/// The form URL: `https://BUCKET.host/` (virtual-hosted) or `https://host/BUCKET`.
fn form_url(resolved: &Resolved) -> String {
    let b = &resolved.bucket;
    let mut url = String::with_capacity(b.origin().len() + b.name().len() + 8);
    url.push_str(b.origin());
    if b.path_prefix().is_empty() {
        url.push('/');
    } else {
        url.push_str(b.path_prefix());
    }
    resolved.fix_url(&mut url);
    url
}

/// `s3presign._post.presigned_post`, imported once.
fn builder(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static BUILDER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    BUILDER
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(
                py.import("s3presign._post")?
                    .getattr("presigned_post")?
                    .unbind(),
            )
        })
        .map(|f| f.bind(py))
}

/// `sign(document) -> (policy, x-amz-signature)` for `_post.py`: the library checks and signs
/// the document as written.
fn signer<'py>(
    py: Python<'py>,
    bucket: Bucket,
    credentials: Credentials,
    now: Timestamp,
) -> PyResult<Bound<'py, PyCFunction>> {
    PyCFunction::new_closure(
        py,
        Some(c"sign"),
        None,
        move |args: &Bound<'_, PyTuple>, _kwargs: Option<&Bound<'_, PyDict>>| {
            let document: String = args.get_item(0)?.extract()?;
            let signed = sign_document(&bucket, &credentials, now, &document).or_raise()?;
            let field = |name: &str| signed.field(name).unwrap_or_default().to_owned();
            Ok::<_, PyErr>((field("policy"), field("x-amz-signature")))
        },
    )
}

/// `generate_presigned_post`: returns `{"url": ..., "fields": {...}}`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn generate<'py>(
    py: Python<'py>,
    credentials: &Credentials,
    resolved: &Resolved,
    key: &str,
    fields: Option<&Bound<'py, PyDict>>,
    conditions: Option<&Bound<'py, PyList>>,
    expires_in: u64,
    now: Timestamp,
) -> PyResult<Bound<'py, PyDict>> {
    let bucket = &resolved.bucket;
    let endpoint = bucket.endpoint();
    let amz_date = now.amz_date();
    // botocore's `expire_date.strftime('%Y-%m-%dT%H:%M:%SZ')`.
    let e = now.add_seconds(expires_in).or_raise()?.date_time();
    let expiration = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        e.year, e.month, e.day, e.hour, e.minute, e.second
    );
    // The scope sign_document requires the policy to name.
    let credential = format!(
        "{}/{}/{}/{}/aws4_request",
        credentials.access_key_id(),
        amz_date.date(),
        endpoint.region(),
        endpoint.service()
    );
    let sign = signer(py, bucket.clone(), credentials.clone(), now)?;
    builder(py)?
        .call1((
            sign,
            form_url(resolved),
            bucket.name(),
            key,
            fields,
            conditions,
            expiration,
            credential,
            amz_date.as_str(),
            credentials.session_token(),
        ))?
        .cast_into::<PyDict>()
        .map_err(PyErr::from)
}
