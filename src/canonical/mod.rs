//! The canonical request: method, canonical URI, canonical query, canonical headers, signed
//! headers and payload hash, joined by newlines and hashed as they are produced.
//!
//! The pieces are written once: query names and values are percent-encoded straight into the
//! URL being built, and the canonical request is hashed from slices of that URL in canonical
//! order, so the canonical request never exists in memory unless a caller asks to see it.

mod headers;
mod query;
mod request;
#[cfg(test)]
mod tests;
mod uri;

pub(crate) use headers::{
    ambiguous_whitespace, validate_header_name, validate_header_value, Headers,
};
pub(crate) use query::QueryWriter;
pub(crate) use request::{write_canonical_request, SignedHeaders, Tee};
pub(crate) use uri::canonical_uri;
pub use uri::UriPath;
pub(crate) use uri::{validate_path, write_url_path};
