//! Where a presign's time goes, measured inside the extension (for `bench/bench.py`): the
//! signing alone (`presign_into` on a reused buffer), the signing plus making the Python `str`,
//! and one GIL release and re-acquisition.

use std::time::Instant;

use pyo3::prelude::*;
use pyo3::types::PyString;

use super::Presigner;
use crate::clock;
use crate::errors::OrRaise;
use crate::state::borrow;

/// Nanoseconds per operation: the best chunk of 1000 among `n / 1000` (a shared machine
/// preempts long loops).
#[pyfunction]
pub(crate) fn _cost_breakdown(
    py: Python<'_>,
    presigner: &Presigner,
    bucket: &str,
    key: &str,
    n: u32,
) -> PyResult<Vec<(&'static str, f64)>> {
    let now = clock::signing_time(None)?;
    let mut state = borrow(&presigner.state, &presigner.credentials);
    let (resolved, signer, url) = state
        .parts(bucket, |b| presigner.target.resolve(b))
        .or_raise()?;
    let b = &resolved.bucket;
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
