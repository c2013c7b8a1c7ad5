//! `Presigner.presign_many`: one method, one bucket, many keys, one call. The requests sign no
//! headers, so a URL is all a client needs. A long batch is signed without the GIL, into one
//! buffer, and the `str`s are made after.

use presign::s3::Method;
use presign::Error;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

use super::call::Common;
use super::Presigner;
use crate::errors::OrRaise;
use crate::state::borrow;
use crate::text::Text;

/// Batches at least this long are signed without the GIL (other Python threads run meanwhile).
const DETACH_AT: usize = 64;

impl Presigner {
    /// The URLs of `method` on every key of `keys` (any iterable of `str`), in order.
    pub(super) fn urls<'py>(
        &self,
        py: Python<'py>,
        bucket: &str,
        keys: &Bound<'py, PyAny>,
        method: Method,
        common: &Common<'py>,
    ) -> PyResult<Bound<'py, PyList>> {
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
        let (time, expires) = (common.time, common.expires_in);
        if keys.len() < DETACH_AT {
            let mut out = Vec::with_capacity(keys.len());
            for k in &keys {
                let r = b
                    .request(method, Some(k.as_str()))
                    .clamp_expiry_to_credentials(clamp)
                    .deny_warnings(deny);
                presigner.presign_into(url, &r, time, expires).or_raise()?;
                out.push(PyString::new(py, url));
            }
            return PyList::new(py, out);
        }
        // Sign without the GIL, then make the strs. The keys are borrowed: their text is
        // immutable and `keys` keeps every string alive until after the detached part.
        let texts: Vec<&str> = keys.iter().map(Text::as_str).collect();
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
}
