//! One `Presigner` call: the options every operation takes (`expires_in`, `now`, extra
//! `headers` and `query`), the request signed on the presigner's state, and the `Presigned`
//! the caller gets (URL, method, headers to send, validity, warnings).

use presign::s3::{Bucket, S3Request};
use presign::Timestamp;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use super::Presigner;
use crate::args::expiry;
use crate::clock;
use crate::errors::OrRaise;
use crate::presigned::{PresignWarning, Presigned};
use crate::state::borrow;
use crate::text::Text;

/// `(name, value)` pairs of a `str` to `str` mapping.
pub(super) type Pairs<'py> = Vec<(Text<'py>, Text<'py>)>;

/// The pairs of mapping `d` (none for `None`).
///
/// # Errors
/// `TypeError` naming `what` for a name or value that is not a `str`.
pub(super) fn pairs<'py>(d: Option<&Bound<'py, PyDict>>, what: &str) -> PyResult<Pairs<'py>> {
    let Some(d) = d else { return Ok(Vec::new()) };
    d.iter()
        .map(|(k, v)| Ok((Text::of(&k, what)?, Text::of(&v, what)?)))
        .collect()
}

/// `expires_in`: seconds or a `timedelta`, 3600 when not given.
pub(super) fn expires_in(v: Option<&Bound<'_, PyAny>>) -> PyResult<u64> {
    match v {
        Some(e) if !e.is_none() => expiry(e, "expires_in"),
        _ => Ok(3600),
    }
}

/// The optional arguments every operation takes, read once.
pub(super) struct Common<'py> {
    pub(super) expires_in: u64,
    pub(super) time: Timestamp,
    headers: Pairs<'py>,
    query: Pairs<'py>,
}

impl<'py> Common<'py> {
    pub(super) fn new(
        expires: Option<&Bound<'py, PyAny>>,
        now: Option<&Bound<'py, PyAny>>,
        headers: Option<&Bound<'py, PyDict>>,
        query: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Self> {
        Ok(Common {
            expires_in: expires_in(expires)?,
            time: clock::signing_time(now)?,
            headers: pairs(headers, "a header name or value")?,
            query: pairs(query, "a query parameter name or value")?,
        })
    }
}

impl Presigner {
    /// Resolves bucket `name` and hands it to `build` with a [`Signer`] for the request it
    /// makes there: `|b, signer| signer.sign(b.get_object(key))`.
    #[inline]
    pub(super) fn on_bucket<'py>(
        &self,
        py: Python<'py>,
        name: &str,
        common: Common<'py>,
        build: impl FnOnce(&Bucket, Signer<'_, 'py>) -> PyResult<Presigned>,
    ) -> PyResult<Presigned> {
        let mut state = borrow(&self.state, &self.credentials);
        let (resolved, presigner, url) =
            state.parts(name, |n| self.target.resolve(n)).or_raise()?;
        let signer = Signer {
            py,
            presigner,
            url,
            common,
            clamp: self.clamp,
            deny_warnings: self.deny_warnings,
        };
        build(&resolved.bucket, signer)
    }
}

/// Signs one request with a presigner's state and a call's options.
pub(super) struct Signer<'s, 'py> {
    py: Python<'py>,
    presigner: &'s mut presign::s3::Presigner,
    url: &'s mut String,
    common: Common<'py>,
    clamp: bool,
    deny_warnings: bool,
}

impl Signer<'_, '_> {
    /// `request` with the call's extra query parameters and headers, signed.
    ///
    /// # Errors
    /// The library's refusal, as its exception.
    #[inline]
    pub(super) fn sign(self, request: S3Request<'_>) -> PyResult<Presigned> {
        let Signer {
            py,
            presigner,
            url,
            common,
            clamp,
            deny_warnings,
        } = self;
        let mut request = request; // for as long as the extras it borrows
        for (n, v) in &common.query {
            request = request.query(n.as_str(), v.as_str());
        }
        for (n, v) in &common.headers {
            request = request.header(n.as_str(), v.as_str());
        }
        let request = request
            .clamp_expiry_to_credentials(clamp)
            .deny_warnings(deny_warnings);
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
