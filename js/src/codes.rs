//! The wrapper's own error codes. Library errors carry `presign::Error::code()` and refusals
//! `presign::verify::Rejection::code()` (kebab-case, stable); these are for what only the
//! wrapper checks. JS code branches on them, so they never change once released.

/// An option name the operation does not know, or a value of the wrong type.
pub const INVALID_OPTION: &str = "invalid-option";
/// An argument of the wrong type or shape (the wrapper's own checks).
pub const INVALID_ARGUMENT: &str = "invalid-argument";
/// A `time` that is not a whole second within the years 1970..=9999.
pub const INVALID_TIME: &str = "invalid-time";
