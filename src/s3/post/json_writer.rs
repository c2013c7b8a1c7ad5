//! JSON strings written as Python's `json.dumps` writes them.

use alloc::string::String;
use core::fmt::Write as _;

/// Appends `s` as a JSON string literal, escaped as Python's `json.dumps` (with its default
/// `ensure_ascii`): `"` and `\` escaped, `\b \f \n \r \t`, other control and non-ASCII
/// characters as `\uXXXX` (lower-case hex, UTF-16 surrogate pairs beyond the BMP). The output is
/// pure ASCII.
pub fn write_json_string(out: &mut String, s: &str) {
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
                    // Writing to a String cannot fail.
                    let _ = write!(out, "\\u{u:04x}");
                }
            }
        }
    }
    out.push('"');
}
