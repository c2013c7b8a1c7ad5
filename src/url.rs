//! Feature `url`: presigned and signed URLs as `url::Url`, refused when the `url` crate would
//! rewrite them (a rewritten URL no longer matches its signature).

use crate::sigv4::{Presigned, Signed};
use crate::{Error, Warning};

/// `text` parsed, or an error when `url::Url` does not keep it byte for byte.
fn parse(text: &str, warnings: &[Warning]) -> Result<url::Url, Error> {
    let rewritten = Error::UnsupportedConfiguration {
        reason: "url::Url would rewrite this URL (WHATWG parsing), so it would no longer match its signature: send the URL text as it is",
    };
    let parsed = url::Url::parse(text).map_err(|_| rewritten.clone())?;
    if parsed.as_str() == text {
        return Ok(parsed);
    }
    // The usual cause, said precisely.
    match warnings
        .iter()
        .find(|w| matches!(w, Warning::DotSegmentInKey { .. }))
    {
        Some(w) => Err(Error::ClientHazard(w.clone())),
        None => Err(rewritten),
    }
}

impl Presigned {
    /// The URL as a `url::Url` (feature `url`).
    ///
    /// `url::Url` parses as browsers do and removes `.` and `..` path segments, which S3 keys
    /// may hold: then the URL would name another key and fail its signature, so this returns
    /// [`Error::ClientHazard`] ([`Warning::DotSegmentInKey`]) instead.
    ///
    /// ```
    /// use presign::s3::{Bucket, Endpoint};
    /// use presign::{Credentials, Error, Timestamp, Warning};
    ///
    /// let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
    /// let bucket = Bucket::new(Endpoint::aws("eu-west-1")?, "my-uploads")?;
    /// let now = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?;
    /// let p = bucket.get_object("photos/cat.png").presign(&creds, now, 900)?;
    /// let url = p.to_url()?;
    /// assert_eq!(url.host_str(), Some("my-uploads.s3.eu-west-1.amazonaws.com"));
    /// assert_eq!(url.as_str(), p.url);
    ///
    /// let dotted = bucket.get_object("photos/../cat.png").presign(&creds, now, 900)?;
    /// assert!(matches!(dotted.to_url(), Err(Error::ClientHazard(Warning::DotSegmentInKey { .. }))));
    /// # Ok::<(), presign::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::ClientHazard`] or [`Error::UnsupportedConfiguration`] when `url::Url` would not
    /// keep the URL byte for byte.
    pub fn to_url(&self) -> Result<url::Url, Error> {
        parse(&self.url, &self.warnings)
    }
}

impl Signed {
    /// The URL as a `url::Url` (feature `url`); see [`Presigned::to_url`].
    ///
    /// # Errors
    /// As [`Presigned::to_url`].
    pub fn to_url(&self) -> Result<url::Url, Error> {
        let dot = self
            .url
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .split('/')
            .any(|s| {
                s == "."
                    || s == ".."
                    || s.eq_ignore_ascii_case("%2e")
                    || s.eq_ignore_ascii_case("%2e%2e")
            });
        let warnings = if dot {
            alloc::vec![Warning::DotSegmentInKey {
                path: alloc::string::String::from(self.url.split('?').next().unwrap_or("")),
            }]
        } else {
            alloc::vec::Vec::new()
        };
        parse(&self.url, &warnings)
    }
}
