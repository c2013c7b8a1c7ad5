//! Arguments both layers read the same way: credentials, an expiry, the addressing style.

use presign::Credentials;
use pyo3::prelude::*;
use pyo3::types::PyDelta;

use crate::botocore_endpoints::Addressing;
use crate::clock;
use crate::errors::{config_error, param_error, OrRaise};

/// `addressing_style`: `"auto"`, `"virtual"` or `"path"`, as boto3's `Config(s3=...)` names
/// them.
pub(crate) fn addressing_style(s: &str) -> PyResult<Addressing> {
    Addressing::parse(s).ok_or_else(|| {
        config_error(format!(
            "addressing_style must be \"auto\", \"virtual\" or \"path\", not {s:?}"
        ))
    })
}

/// Reads a credentials triple (and optional expiry) into `Credentials`.
pub(crate) fn credentials(
    access_key_id: &str,
    secret_access_key: &str,
    session_token: Option<&str>,
    expires_at: Option<&Bound<'_, PyAny>>,
) -> PyResult<Credentials> {
    let mut c = Credentials::new(access_key_id, secret_access_key).or_raise()?;
    if let Some(t) = session_token {
        c = c.with_session_token(t).or_raise()?;
    }
    if let Some(e) = expires_at.filter(|e| !e.is_none()) {
        c = c.with_expiration(clock::instant(e, "credentials_expire_at")?);
    }
    Ok(c)
}

/// The expiry: an `int` of seconds, as boto3 takes it, or a `datetime.timedelta` of whole
/// seconds.
pub(crate) fn expiry(v: &Bound<'_, PyAny>, name: &str) -> PyResult<u64> {
    if v.cast::<PyDelta>().is_ok() {
        let seconds: f64 = v.call_method0("total_seconds")?.extract()?;
        if seconds.fract() != 0.0 {
            return Err(param_error(format!(
                "{name} must be whole seconds (X-Amz-Expires counts seconds), not {seconds} s"
            )));
        }
        return expiry(&(seconds as i64).into_pyobject(v.py())?.into_any(), name);
    }
    if v.cast::<pyo3::types::PyBool>().is_ok() {
        return Err(param_error(format!(
            "{name} must be an int of seconds, not a bool"
        )));
    }
    let n: i64 = v.extract().map_err(|_| {
        param_error(format!(
            "{name} must be an int of seconds (1 to 604800) or a timedelta, not {}",
            v.get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        ))
    })?;
    u64::try_from(n).map_err(|_| crate::errors::negative_expiry(n))
}
