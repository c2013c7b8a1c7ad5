//! What is said about a presigned request besides the request itself: in text mode on stderr
//! (stdout keeps only the result, for pipes), with `--json` as fields of the object.
//!
//! One field per kind of note; each form of output shows every field, so a new note (e.g.
//! warnings, the exact headers to send) is a field here, its text in [`Notes::text`] and its
//! JSON field in [`super::json::PresignedJson`].

use super::signing::Signing;

/// The notes of one presign.
#[derive(Default)]
pub struct Notes {
    /// `--show-signing`: the canonical request and string to sign.
    pub signing: Option<Signing>,
}

impl Notes {
    /// The notes as text for stderr, or `None` when there are none.
    pub fn text(&self) -> Option<String> {
        let parts: Vec<String> = self.signing.iter().map(Signing::text).collect();
        (!parts.is_empty()).then(|| parts.join("\n\n"))
    }
}
