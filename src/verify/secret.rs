//! Where a verifier finds secret keys: anything that yields one.

use crate::{Credentials, Timestamp};
use alloc::string::String;

/// Where the verifier finds the secret of an access key: the value the lookup function returns.
///
/// Implemented for `str`, `String` (a bare secret access key) and [`Credentials`]. When the
/// lookup returns `Credentials` with a session token, the request must carry that same token
/// ([`Rejection::InvalidToken`](super::Rejection::InvalidToken) otherwise); with an expiration, the request is refused from then
/// on ([`Rejection::ExpiredToken`](super::Rejection::ExpiredToken)).
pub trait Secret {
    /// The secret access key.
    fn secret_access_key(&self) -> &str;
    /// The session token the request must carry, if the lookup wants it checked.
    fn session_token(&self) -> Option<&str> {
        None
    }
    /// When these credentials stop being accepted.
    fn expires_at(&self) -> Option<Timestamp> {
        None
    }
}

impl Secret for str {
    fn secret_access_key(&self) -> &str {
        self
    }
}

impl Secret for String {
    fn secret_access_key(&self) -> &str {
        self
    }
}

impl Secret for Credentials {
    fn secret_access_key(&self) -> &str {
        Credentials::secret_access_key(self)
    }
    fn session_token(&self) -> Option<&str> {
        Credentials::session_token(self)
    }
    fn expires_at(&self) -> Option<Timestamp> {
        Credentials::expires_at(self)
    }
}

impl<T: Secret + ?Sized> Secret for &T {
    fn secret_access_key(&self) -> &str {
        (**self).secret_access_key()
    }
    fn session_token(&self) -> Option<&str> {
        (**self).session_token()
    }
    fn expires_at(&self) -> Option<Timestamp> {
        (**self).expires_at()
    }
}
