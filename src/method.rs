//! The HTTP method a request is signed for.

use crate::Error;
use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;
use core::str::FromStr;

/// The HTTP method a request is signed for: an upper-case token (`GET`, `PUT`, ..., or an
/// extension method such as `PROPFIND`). [`Presigned::method`](crate::Presigned::method) is one;
/// any other method fails the signature.
///
/// It compares equal to its name, so `presigned.method == "PUT"` reads as it should.
/// [`s3::Method`](crate::s3::Method) (the five methods S3 operations use) converts into it.
///
/// ```
/// use presign::Method;
/// let m: Method = "PROPFIND".parse()?;
/// assert_eq!(m, "PROPFIND");
/// assert_eq!(Method::PUT.as_str(), "PUT");
/// assert_eq!(Method::from(presign::s3::Method::Delete), Method::DELETE);
/// assert!(Method::new("get").is_err()); // SigV4 signs the method as sent: upper case
/// # Ok::<(), presign::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Method(Cow<'static, str>);

impl Method {
    /// `GET`.
    pub const GET: Method = Method(Cow::Borrowed("GET"));
    /// `PUT`.
    pub const PUT: Method = Method(Cow::Borrowed("PUT"));
    /// `POST`.
    pub const POST: Method = Method(Cow::Borrowed("POST"));
    /// `HEAD`.
    pub const HEAD: Method = Method(Cow::Borrowed("HEAD"));
    /// `DELETE`.
    pub const DELETE: Method = Method(Cow::Borrowed("DELETE"));
    /// `PATCH`.
    pub const PATCH: Method = Method(Cow::Borrowed("PATCH"));
    /// `OPTIONS`.
    pub const OPTIONS: Method = Method(Cow::Borrowed("OPTIONS"));

    const STANDARD: [&'static str; 7] =
        ["GET", "PUT", "POST", "HEAD", "DELETE", "PATCH", "OPTIONS"];

    /// The method named `name`: upper-case letters, digits, `-` and `_`.
    ///
    /// # Errors
    /// [`Error::InvalidMethod`].
    pub fn new(name: &str) -> Result<Method, Error> {
        crate::sigv4::validate_method(name)?;
        Ok(Method::from_valid(name))
    }

    /// A name already checked by `validate_method`; the standard ones are not allocated.
    pub(crate) fn from_valid(name: &str) -> Method {
        match Method::STANDARD.iter().find(|s| **s == name) {
            Some(s) => Method(Cow::Borrowed(s)),
            None => Method(Cow::Owned(String::from(name))),
        }
    }

    /// The method name, e.g. `"GET"`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for Method {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl FromStr for Method {
    type Err = Error;
    fn from_str(s: &str) -> Result<Method, Error> {
        Method::new(s)
    }
}

impl From<crate::s3::Method> for Method {
    fn from(m: crate::s3::Method) -> Method {
        Method(Cow::Borrowed(m.as_str()))
    }
}

impl PartialEq<str> for Method {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Method {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Method {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Method> for &str {
    fn eq(&self, other: &Method) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<crate::s3::Method> for Method {
    fn eq(&self, other: &crate::s3::Method) -> bool {
        self.as_str() == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_names_are_not_allocated_and_extensions_are_kept() {
        for name in Method::STANDARD {
            assert!(matches!(Method::new(name).unwrap().0, Cow::Borrowed(_)));
        }
        let m = Method::new("PROPFIND").unwrap();
        assert_eq!(m.as_str(), "PROPFIND");
        assert_eq!(alloc::format!("{m} {m:?}"), "PROPFIND \"PROPFIND\"");
        for bad in ["", "get", "GE T", "GET\n", "G\u{e9}T"] {
            assert!(
                matches!(Method::new(bad), Err(Error::InvalidMethod { .. })),
                "{bad:?}"
            );
        }
        for m in [
            crate::s3::Method::Get,
            crate::s3::Method::Put,
            crate::s3::Method::Post,
            crate::s3::Method::Head,
            crate::s3::Method::Delete,
        ] {
            assert_eq!(Method::from(m), m.as_str());
            assert_eq!(Method::from(m), m);
        }
    }
}
