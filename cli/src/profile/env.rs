//! Environment variables, as the AWS CLI reads them: an empty variable counts as unset.

/// A non-empty environment variable.
pub fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}
