//! Input rules shared by every signer: method, host and expiry.

use crate::{Credentials, Error, Timestamp};

/// The longest lifetime SigV4 allows a presigned URL: seven days.
pub const MAX_EXPIRES: u64 = 604_800;

pub(crate) fn validate_method(method: &str) -> Result<(), Error> {
    if method.is_empty()
        || !method
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    {
        return Err(Error::InvalidMethod {
            method: method.into(),
        });
    }
    Ok(())
}

/// The bytes a host (with `:port`, `[IPv6]`) may hold: printable ASCII except `/`, `?`, `#`, `@`,
/// `\\`, `"`, `<`, `>`, `{`, `}`, `|`, `^` and the backtick.
static HOST_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_graphic();
        i += 1;
    }
    let refused = b"/?#@\\\"<>{}|^`";
    let mut j = 0;
    while j < refused.len() {
        t[refused[j] as usize] = false;
        j += 1;
    }
    t
};

pub(crate) fn validate_host(host: &str) -> Result<(), Error> {
    let ok =
        !host.is_empty() && host.len() <= 1024 && host.bytes().all(|b| HOST_BYTES[usize::from(b)]);
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidHost { host: host.into() })
    }
}

fn validate_expiry(seconds: u64) -> Result<(), Error> {
    if seconds == 0 || seconds > MAX_EXPIRES {
        return Err(Error::InvalidExpiry { seconds });
    }
    Ok(())
}

/// Checks the expiry and the credentials' lifetime; returns the expiry to use.
pub(crate) fn effective_expiry(
    credentials: &Credentials,
    time: Timestamp,
    expires_in: u64,
    clamp: bool,
) -> Result<u64, Error> {
    validate_expiry(expires_in)?;
    let expires_at = time.add_seconds(expires_in)?;
    if let Some(limit) = credentials.expires_at() {
        if limit <= time {
            return Err(Error::CredentialsExpired {
                expired_at: limit.unix(),
            });
        }
        if limit < expires_at {
            if clamp {
                return Ok((limit.unix() - time.unix()) as u64);
            }
            return Err(Error::ExpiresAfterCredentials {
                url_expires_at: expires_at.unix(),
                credentials_expire_at: limit.unix(),
            });
        }
    }
    Ok(expires_in)
}
