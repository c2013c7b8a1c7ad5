//! Form field rules: which names a caller may set, which S3 ignores, and what values may hold.

use super::policy::invalid;
use crate::Error;
use alloc::format;
use alloc::string::String;

pub(super) const AUTO_FIELDS: [&str; 5] = [
    "x-amz-algorithm",
    "x-amz-credential",
    "x-amz-date",
    "x-amz-security-token",
    "x-amz-signature",
];

pub(super) fn is_exempt(name: &str) -> bool {
    ["x-amz-signature", "file", "policy"]
        .iter()
        .any(|e| e.eq_ignore_ascii_case(name))
        || starts_with_ignore_case(name, "x-ignore-")
}

pub(super) fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

pub(super) fn check_field_name(name: &str) -> Result<(), Error> {
    let shown = escape_debug(name);
    if name.is_empty() || name.len() > 256 {
        return Err(invalid(format!(
            "field name {shown} must be 1 to 256 bytes"
        )));
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\')
    {
        return Err(invalid(format!(
            "field name {shown} must be visible ASCII without spaces, quotes or backslashes (it is written into the multipart body)"
        )));
    }
    if name.starts_with('$') {
        return Err(invalid(format!(
            "field name {shown} must not start with '$' (the policy adds it where needed)"
        )));
    }
    let reserved = ["key", "bucket", "content-length-range"]
        .iter()
        .chain(AUTO_FIELDS.iter())
        .any(|r| r.eq_ignore_ascii_case(name))
        || is_exempt(name);
    if reserved {
        return Err(invalid(format!(
            "field {shown} is set by the signer or ignored by S3: use .key()/.key_starts_with() for the key; the bucket, policy, credential, date, token and signature are automatic"
        )));
    }
    if let Some(meta) = name
        .get(..11)
        .filter(|p| p.eq_ignore_ascii_case("x-amz-meta-"))
        .map(|_| &name[11..])
    {
        let tchar = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
        if meta.is_empty() || !meta.bytes().all(tchar) {
            return Err(invalid(format!(
                "metadata name in {shown} must be a non-empty HTTP token (letters, digits, -_.)"
            )));
        }
    }
    Ok(())
}

pub(super) fn check_value(field: &str, value: &str) -> Result<(), Error> {
    if value.chars().any(char::is_control) {
        return Err(invalid(format!(
            "the value of field {} contains a control character (CR, LF, NUL, tab...): remove it",
            escape_debug(field)
        )));
    }
    Ok(())
}

pub(super) fn escape_debug(s: &str) -> String {
    format!("{s:?}")
}
