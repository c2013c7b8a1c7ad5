//! Credentials are an input: the library never reads the environment or a credentials file.
//!
//! `Debug` prints the access key id (it is not secret, and S3 echoes it in errors) but never the
//! secret access key or the session token.

use crate::{Error, Timestamp};
use alloc::string::String;
use core::fmt;

/// An access key pair, with the session token and expiration of temporary credentials.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    expires_at: Option<Timestamp>,
}

fn visible(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_graphic() || b >= 0x80)
}

impl Credentials {
    /// Long-term credentials (an IAM user's access key).
    ///
    /// # Errors
    /// [`Error::InvalidAccessKeyId`] or [`Error::InvalidSecretKey`] for empty values or values with
    /// whitespace or control bytes (the usual copy-paste accident), or an access key id with `/`.
    pub fn new(
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
    ) -> Result<Self, Error> {
        let access_key_id = access_key_id.into();
        let secret_access_key = secret_access_key.into();
        if !visible(&access_key_id) || access_key_id.contains('/') || !access_key_id.is_ascii() {
            return Err(Error::InvalidAccessKeyId);
        }
        if !visible(&secret_access_key) {
            return Err(Error::InvalidSecretKey);
        }
        Ok(Credentials {
            access_key_id,
            secret_access_key,
            session_token: None,
            expires_at: None,
        })
    }

    /// Adds the session token of temporary credentials (STS, SSO, instance roles).
    ///
    /// # Errors
    /// [`Error::InvalidSessionToken`] for an empty token or one with whitespace or control bytes.
    pub fn with_session_token(mut self, token: impl Into<String>) -> Result<Self, Error> {
        let token = token.into();
        if !visible(&token) {
            return Err(Error::InvalidSessionToken);
        }
        self.session_token = Some(token);
        Ok(self)
    }

    /// Records when temporary credentials expire, so that presigning refuses (or clamps) a URL
    /// that would outlive them and die early with `ExpiredToken`.
    pub fn with_expiration(mut self, expires_at: Timestamp) -> Self {
        self.expires_at = Some(expires_at);
        self
    }

    /// The access key id.
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The secret access key. Handle with care: never log it.
    pub fn secret_access_key(&self) -> &str {
        &self.secret_access_key
    }

    /// The session token, for temporary credentials.
    pub fn session_token(&self) -> Option<&str> {
        self.session_token.as_deref()
    }

    /// When temporary credentials expire, if known.
    pub fn expires_at(&self) -> Option<Timestamp> {
        self.expires_at
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .field(
                "session_token",
                &self.session_token.as_ref().map(|_| "<redacted>"),
            )
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn debug_never_shows_secrets() {
        let c = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
            .unwrap()
            .with_session_token("SECRET-TOKEN-VALUE")
            .unwrap();
        let d = format!("{c:?} {c:#?}");
        assert!(d.contains("AKIDEXAMPLE"));
        assert!(!d.contains("wJalr"), "{d}");
        assert!(!d.contains("SECRET-TOKEN"), "{d}");
    }

    #[test]
    fn rejects_whitespace_and_empty() {
        assert_eq!(
            Credentials::new("", "s").unwrap_err(),
            Error::InvalidAccessKeyId
        );
        assert_eq!(
            Credentials::new("AK/ID", "s").unwrap_err(),
            Error::InvalidAccessKeyId
        );
        assert_eq!(
            Credentials::new("AKID\n", "s").unwrap_err(),
            Error::InvalidAccessKeyId
        );
        assert_eq!(
            Credentials::new("AKID", "secret\n").unwrap_err(),
            Error::InvalidSecretKey
        );
        assert_eq!(
            Credentials::new("AKID", " secret").unwrap_err(),
            Error::InvalidSecretKey
        );
        assert_eq!(
            Credentials::new("AKID", "").unwrap_err(),
            Error::InvalidSecretKey
        );
        let c = Credentials::new("AKID", "secret").unwrap();
        assert_eq!(
            c.clone().with_session_token("tok en").unwrap_err(),
            Error::InvalidSessionToken
        );
        assert_eq!(
            c.with_session_token("").unwrap_err(),
            Error::InvalidSessionToken
        );
        let msg = format!("{}", Error::InvalidSecretKey);
        assert!(msg.contains("newline"), "{msg}");
    }
}
