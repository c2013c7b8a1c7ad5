//! boto3's `generate_presigned_post`: the same form URL, the same fields in the same order and
//! the same policy document, byte for byte (botocore writes it with `json.dumps`, which
//! [`write_json`] reproduces), signed by presign and checked by its policy parser.
//!
//! botocore's order: the policy's conditions are the caller's, then `{"bucket": B}`, the key's
//! (`["starts-with", "$key", PREFIX]` for a key ending in `${filename}`), then
//! `x-amz-algorithm`, `x-amz-credential`, `x-amz-date` and `x-amz-security-token`; the fields
//! are the caller's, then `key`, the same four, `policy` and `x-amz-signature`.
//!
//! Two choices differ from botocore: the expiry must be 1..=604800 s (a signed form is a bearer
//! credential; botocore signs any), and the policy must be one S3 can read (presign's parser
//! refuses, with the reason, what S3 would refuse).

use std::fmt::Write as _;

use presign::s3::post::sign_document;
use presign::{Credentials, Timestamp};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

use crate::botocore_endpoints::Resolved;
use crate::errors::{type_error, OrRaise};

/// Appends `s` as a JSON string as `json.dumps` writes it (`ensure_ascii`): `"`, `\` and
/// `\b \f \n \r \t` escaped, other control and non-ASCII characters as `\uXXXX` (UTF-16).
pub(crate) fn write_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{u:04x}");
                }
            }
        }
    }
    out.push('"');
}

/// Appends `v` as `json.dumps(v)` writes it (default separators, `ensure_ascii`).
///
/// # Errors
/// `TypeError` for a value JSON cannot hold, as `json.dumps` raises.
pub(crate) fn write_json(out: &mut String, v: &Bound<'_, PyAny>, depth: u32) -> PyResult<()> {
    if depth > 32 {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "a POST condition nests too deep",
        ));
    }
    if v.is_none() {
        out.push_str("null");
    } else if let Ok(b) = v.cast::<PyBool>() {
        out.push_str(if b.is_true() { "true" } else { "false" });
    } else if let Ok(i) = v.cast::<PyInt>() {
        out.push_str(&i.str()?.to_cow()?);
    } else if let Ok(f) = v.cast::<PyFloat>() {
        let x = f.value();
        if x.is_nan() {
            out.push_str("NaN");
        } else if x.is_infinite() {
            out.push_str(if x > 0.0 { "Infinity" } else { "-Infinity" });
        } else {
            out.push_str(&f.repr()?.to_cow()?);
        }
    } else if let Ok(s) = v.cast::<PyString>() {
        write_json_string(out, &s.to_cow()?);
    } else if let Ok(d) = v.cast::<PyDict>() {
        out.push('{');
        for (i, (k, val)) in d.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let key = if k.cast::<PyString>().is_ok() {
                k.str()?
            } else if k.is_none() || k.cast::<PyBool>().is_ok() {
                let mut s = String::new();
                write_json(&mut s, &k, depth + 1)?;
                PyString::new(v.py(), &s)
            } else if k.cast::<PyInt>().is_ok() || k.cast::<PyFloat>().is_ok() {
                k.str()?
            } else {
                return Err(type_error(format!(
                    "keys must be str, int, float, bool or None, not {}",
                    k.get_type().name()?
                )));
            };
            write_json_string(out, &key.to_cow()?);
            out.push_str(": ");
            write_json(out, &val, depth + 1)?;
        }
        out.push('}');
    } else if v.cast::<PyList>().is_ok() || v.cast::<PyTuple>().is_ok() {
        out.push('[');
        for (i, item) in v.try_iter()?.enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_json(out, &item?, depth + 1)?;
        }
        out.push(']');
    } else {
        return Err(type_error(format!(
            "Object of type {} is not JSON serializable",
            v.get_type().name()?
        )));
    }
    Ok(())
}

fn eq_condition(out: &mut String, name: &str, value: &str) {
    out.push_str(", {");
    write_json_string(out, name);
    out.push_str(": ");
    write_json_string(out, value);
    out.push('}');
}

/// The form URL: `https://BUCKET.host/` (virtual-hosted) or `https://host/BUCKET`.
pub(crate) fn form_url(resolved: &Resolved) -> String {
    let b = &resolved.bucket;
    let mut url = String::with_capacity(b.origin().len() + b.name().len() + 8);
    url.push_str(b.origin());
    if b.path_prefix().is_empty() {
        url.push('/');
    } else {
        url.push_str(b.path_prefix());
    }
    resolved.fix_url(&mut url);
    url
}

/// `generate_presigned_post`: returns `{"url": ..., "fields": {...}}`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn generate<'py>(
    py: Python<'py>,
    credentials: &Credentials,
    resolved: &Resolved,
    key: &str,
    fields: Option<&Bound<'py, PyDict>>,
    conditions: Option<&Bound<'py, PyList>>,
    expires_in: u64,
    now: Timestamp,
) -> PyResult<Bound<'py, PyDict>> {
    let expiration = now.add_seconds(expires_in).or_raise()?;
    let bucket = &resolved.bucket;
    let endpoint = bucket.endpoint();
    let amz_date = now.amz_date();
    // The library checks these conditions against the credentials and time it signs with.
    let credential = format!(
        "{}/{}/{}/{}/aws4_request",
        credentials.access_key_id(),
        amz_date.date(),
        endpoint.region(),
        endpoint.service()
    );

    let e = expiration.date_time();
    let mut policy = String::with_capacity(512);
    let _ = write!(
        policy,
        "{{\"expiration\": \"{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z\", \"conditions\": [",
        e.year, e.month, e.day, e.hour, e.minute, e.second
    );
    let mut first = true;
    if let Some(cs) = conditions {
        for c in cs.iter() {
            if !first {
                policy.push_str(", ");
            }
            first = false;
            write_json(&mut policy, &c, 0)?;
        }
    }
    if !first {
        policy.push_str(", ");
    }
    policy.push_str("{\"bucket\": ");
    write_json_string(&mut policy, bucket.name());
    policy.push('}');
    match key.strip_suffix("${filename}") {
        Some(prefix) => {
            policy.push_str(", [\"starts-with\", \"$key\", ");
            write_json_string(&mut policy, prefix);
            policy.push(']');
        }
        None => eq_condition(&mut policy, "key", key),
    }
    eq_condition(&mut policy, "x-amz-algorithm", "AWS4-HMAC-SHA256");
    eq_condition(&mut policy, "x-amz-credential", &credential);
    eq_condition(&mut policy, "x-amz-date", amz_date.as_str());
    if let Some(token) = credentials.session_token() {
        eq_condition(&mut policy, "x-amz-security-token", token);
    }
    policy.push_str("]}");
    // Checked (what S3 cannot read, an expiry outside 1 s..=7 days or past the credentials',
    // conditions that do not match the signing scope) and signed by the library, as written.
    let signed = sign_document(bucket, credentials, now, &policy).or_raise()?;
    let field = |name: &str| signed.field(name).unwrap_or_default().to_owned();

    let out_fields = match fields {
        Some(f) => f.copy()?,
        None => PyDict::new(py),
    };
    out_fields.set_item("key", key)?;
    out_fields.set_item("x-amz-algorithm", "AWS4-HMAC-SHA256")?;
    out_fields.set_item("x-amz-credential", credential)?;
    out_fields.set_item("x-amz-date", amz_date.as_str())?;
    if let Some(token) = credentials.session_token() {
        out_fields.set_item("x-amz-security-token", token)?;
    }
    out_fields.set_item("policy", field("policy"))?;
    out_fields.set_item("x-amz-signature", field("x-amz-signature"))?;
    let out = PyDict::new(py);
    out.set_item("url", form_url(resolved))?;
    out.set_item("fields", out_fields)?;
    Ok(out)
}
