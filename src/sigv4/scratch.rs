//! Reusable buffers, so that steady-state signing does not allocate.

use crate::canonical::{Headers, QueryWriter};
use crate::signing::StsState;
use alloc::string::String;

/// Reusable buffers, so that steady-state signing does not allocate.
#[derive(Default)]
pub(crate) struct Scratch {
    pub(crate) query: QueryWriter,
    pub(crate) headers: Headers,
    pub(crate) signed: String,
    /// The canonical request, written out and then hashed in one call.
    pub(crate) canonical: String,
    /// `&X-Amz-Expires={expires.0}`, for the last expiry written.
    pub(super) expires: (u64, String),
    /// The string-to-sign HMAC state of the last second signed in, for the key in use: the
    /// owner calls [`Scratch::forget_key`] whenever that key changes.
    pub(super) sts: Option<StsState>,
}

impl Scratch {
    pub(crate) fn clear(&mut self) {
        self.query.clear();
        self.headers.clear();
        self.signed.clear();
    }

    /// Drops what belongs to the previous signing key.
    pub(crate) fn forget_key(&mut self) {
        self.sts = None;
    }
}
