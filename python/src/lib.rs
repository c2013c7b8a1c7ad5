//! The native part of the `s3presign` Python package (`s3presign._native`): presign's S3
//! presigner behind boto3's interface (`S3Client`) and a Pythonic one (`Presigner`).
//!
//! The Python side (`python/s3presign/`) adds the `client()` factory that reads boto3-style
//! configuration and the environment, the exception classes, and the type stubs.

mod args;
mod botocore_endpoints;
mod client;
mod clock;
mod errors;
#[rustfmt::skip]
mod operation_table;
mod operations;
mod post;
mod presigned;
mod presigner;
mod state;
mod text;

use pyo3::prelude::*;

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<client::S3Client>()?;
    m.add_class::<presigner::Presigner>()?;
    m.add_class::<presigned::Presigned>()?;
    m.add_class::<presigned::PresignedPost>()?;
    m.add_class::<presigned::PresignWarning>()?;
    m.add_function(wrap_pyfunction!(presigner::_cost_breakdown, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
