//! The library's errors as Python exceptions: `ValueError` subclasses defined in
//! `s3presign/errors.py`, raised with the library's message and a stable kebab-case code.

use presign::Error;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

pyo3::import_exception!(s3presign.errors, PresignError);
pyo3::import_exception!(s3presign.errors, InvalidCredentialsError);
pyo3::import_exception!(s3presign.errors, InvalidBucketNameError);
pyo3::import_exception!(s3presign.errors, InvalidKeyError);
pyo3::import_exception!(s3presign.errors, InvalidExpiryError);
pyo3::import_exception!(s3presign.errors, InvalidEndpointError);
pyo3::import_exception!(s3presign.errors, InvalidHeaderError);
pyo3::import_exception!(s3presign.errors, InvalidQueryError);
pyo3::import_exception!(s3presign.errors, InvalidPolicyError);
pyo3::import_exception!(s3presign.errors, ParamValidationError);
pyo3::import_exception!(s3presign.errors, UnknownClientMethodError);
pyo3::import_exception!(s3presign.errors, ClientHazardError);

/// The Python exception for a library error.
pub(crate) fn to_py(e: Error) -> PyErr {
    let args = (e.to_string(), e.code());
    match e {
        Error::ClientHazard(w) => ClientHazardError::new_err((args.0, args.1, w.code())),
        Error::InvalidAccessKeyId
        | Error::InvalidSecretKey
        | Error::InvalidSessionToken
        | Error::ExpiresAfterCredentials { .. }
        | Error::CredentialsExpired { .. } => InvalidCredentialsError::new_err(args),
        Error::InvalidBucketName { .. } => InvalidBucketNameError::new_err(args),
        Error::InvalidObjectKey { .. } => InvalidKeyError::new_err(args),
        Error::InvalidExpiry { .. }
        | Error::TimestampOutOfRange { .. }
        | Error::InvalidTimestamp { .. } => InvalidExpiryError::new_err(args),
        Error::InvalidRegion { .. }
        | Error::InvalidService { .. }
        | Error::InvalidHost { .. }
        | Error::InvalidEndpoint { .. }
        | Error::UnsupportedConfiguration { .. } => InvalidEndpointError::new_err(args),
        Error::InvalidHeaderName { .. }
        | Error::InvalidHeaderValue { .. }
        | Error::ReservedHeader { .. }
        | Error::DuplicateHeader { .. } => InvalidHeaderError::new_err(args),
        Error::InvalidQueryParameter { .. } => InvalidQueryError::new_err(args),
        Error::InvalidPolicy { .. } => InvalidPolicyError::new_err(args),
        _ => PresignError::new_err(args),
    }
}

/// `Result<T, presign::Error>` into a `PyResult`.
pub(crate) trait OrRaise<T> {
    fn or_raise(self) -> PyResult<T>;
}

impl<T> OrRaise<T> for Result<T, Error> {
    #[inline]
    fn or_raise(self) -> PyResult<T> {
        self.map_err(to_py)
    }
}

/// A `Params` problem of the boto3 drop-in.
pub(crate) fn param_error(message: String) -> PyErr {
    ParamValidationError::new_err((message, "invalid-parameter"))
}

/// A negative expiry (the library's error takes an unsigned count).
pub(crate) fn negative_expiry(seconds: i64) -> PyErr {
    InvalidExpiryError::new_err((
        format!("expiry of {seconds} s is out of range: X-Amz-Expires must be 1..=604800 seconds (at most 7 days)"),
        "invalid-expiry",
    ))
}

/// A client method this package does not presign.
pub(crate) fn unknown_method(message: String) -> PyErr {
    UnknownClientMethodError::new_err((message, "unknown-client-method"))
}

/// A configuration value the package cannot honour.
pub(crate) fn config_error(message: String) -> PyErr {
    InvalidEndpointError::new_err((message, "unsupported-configuration"))
}

/// A wrong Python type where the message says what was expected.
pub(crate) fn type_error(message: String) -> PyErr {
    PyTypeError::new_err(message)
}
