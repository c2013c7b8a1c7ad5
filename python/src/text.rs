//! Python `str` to Rust `&str` without copying where the ABI allows it.
//!
//! From CPython 3.10 the stable ABI exposes `PyUnicode_AsUTF8AndSize`, which hands out the
//! string's cached UTF-8 (for ASCII text, the string's own bytes): a borrow, no allocation. A
//! wheel that also serves 3.9 (feature `abi3-py39`, the default) must encode to a `bytes`
//! object instead, once per string; [`Text`] keeps that object alive and borrows from it.

use pyo3::prelude::*;
use pyo3::types::PyString;

#[cfg(feature = "abi3-py39")]
use pyo3::types::PyBytes;

/// The UTF-8 text of a Python `str`, borrowed for as long as the `Text` lives.
pub(crate) struct Text<'py> {
    #[cfg(not(feature = "abi3-py39"))]
    s: Bound<'py, PyString>,
    #[cfg(feature = "abi3-py39")]
    bytes: Bound<'py, PyBytes>,
}

impl<'py> Text<'py> {
    /// The text of `s`.
    ///
    /// # Errors
    /// `UnicodeEncodeError` for a lone surrogate.
    #[inline]
    pub(crate) fn new(s: Bound<'py, PyString>) -> PyResult<Self> {
        #[cfg(not(feature = "abi3-py39"))]
        {
            s.to_str()?;
            Ok(Text { s })
        }
        #[cfg(feature = "abi3-py39")]
        {
            Ok(Text {
                bytes: s.encode_utf8()?,
            })
        }
    }

    /// The text of `obj`, which must be a `str`.
    ///
    /// # Errors
    /// `TypeError` naming `what` if `obj` is not a `str`.
    #[inline]
    pub(crate) fn of(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Self> {
        match obj.cast::<PyString>() {
            Ok(s) => Text::new(s.clone()),
            Err(_) => Err(crate::errors::type_error(format!(
                "{what} must be a str, not {}",
                obj.get_type().name()?
            ))),
        }
    }

    /// The text.
    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        #[cfg(not(feature = "abi3-py39"))]
        {
            // Checked in `new`: the UTF-8 is cached in the string object from then on.
            self.s.to_str().unwrap_or_default()
        }
        #[cfg(feature = "abi3-py39")]
        {
            // `encode_utf8` (strict) only ever returns valid UTF-8.
            core::str::from_utf8(self.bytes.as_bytes()).unwrap_or_default()
        }
    }
}
