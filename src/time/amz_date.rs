//! The SigV4 date `YYYYMMDDTHHMMSSZ`, written without allocating.

use core::fmt;

pub(super) fn put2(out: &mut [u8], v: u8) {
    out[0] = b'0' + v / 10;
    out[1] = b'0' + v % 10;
}

pub(super) fn put4(out: &mut [u8], v: u16) {
    out[0] = b'0' + (v / 1000) as u8;
    out[1] = b'0' + (v / 100 % 10) as u8;
    out[2] = b'0' + (v / 10 % 10) as u8;
    out[3] = b'0' + (v % 10) as u8;
}

/// `YYYYMMDDTHHMMSSZ` on the stack; its first eight bytes are the credential-scope date.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct AmzDate(pub(super) [u8; 16]);

impl AmzDate {
    /// The full `YYYYMMDDTHHMMSSZ`.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits, 'T' and 'Z' are ever written.
        core::str::from_utf8(&self.0).unwrap_or("")
    }
    /// The scope date `YYYYMMDD`.
    pub fn date(&self) -> &str {
        &self.as_str()[..8]
    }
}

impl fmt::Debug for AmzDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for AmzDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
