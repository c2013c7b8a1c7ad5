//! `Content-Disposition` values for a file name, as RFC 6266 and RFC 8187 want them: an ASCII
//! `filename="..."` every client reads, plus `filename*=UTF-8''...` with the exact name when
//! the ASCII form cannot carry it.
//!
//! A raw non-ASCII `filename="café.png"` reaches a web page as `cafÃ©.png` (header bytes are
//! read as Latin-1), and S3-compatible servers may refuse it on upload; `filename*` arrives
//! intact in every current browser, while the ASCII fallback (`cafe.png`) serves clients that
//! ignore `filename*` (`curl -J` among them).
//!
//! ```
//! use presign::content_disposition;
//!
//! assert_eq!(content_disposition::attachment("report.pdf"), r#"attachment; filename="report.pdf""#);
//! assert_eq!(
//!     content_disposition::attachment("café.png"),
//!     r#"attachment; filename="cafe.png"; filename*=UTF-8''caf%C3%A9.png"#
//! );
//! assert_eq!(
//!     content_disposition::inline("Q3 \"final\".pdf"),
//!     r#"inline; filename="Q3 _final_.pdf"; filename*=UTF-8''Q3%20%22final%22.pdf"#
//! );
//! ```
//!
//! Use it for `response-content-disposition` on a presigned GET
//! ([`S3Request::download_as`](crate::s3::S3Request::download_as) does) or for the
//! `Content-Disposition` header of an upload.

use alloc::string::String;

/// `attachment; filename=...`: the browser saves the response under `file_name`.
pub fn attachment(file_name: &str) -> String {
    build("attachment", file_name)
}

/// `inline; filename=...`: the browser shows the response, and saves it under `file_name`
/// if asked to.
pub fn inline(file_name: &str) -> String {
    build("inline", file_name)
}

/// `disposition; filename="fallback"[; filename*=UTF-8''exact]`; an empty name gives the bare
/// disposition.
fn build(disposition: &str, file_name: &str) -> String {
    let mut out = String::with_capacity(disposition.len() + 24 + 4 * file_name.len());
    out.push_str(disposition);
    if file_name.is_empty() {
        return out;
    }
    out.push_str("; filename=\"");
    let mut exact = true;
    for c in file_name.chars() {
        if is_plain(c) {
            out.push(c);
        } else {
            exact = false;
            out.push_str(ascii_for(c));
        }
    }
    out.push('"');
    if !exact {
        out.push_str("; filename*=UTF-8''");
        for &b in file_name.as_bytes() {
            if is_attr_char(b) {
                out.push(char::from(b));
            } else {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xF)]));
            }
        }
    }
    out
}

/// A character the quoted `filename` keeps as is: printable ASCII but `"` and `\` (quoting and
/// escaping, which some clients do not undo), `%` (some clients percent-decode the name) and
/// `/` (a path separator clients strip, RFC 6266 section 4.3).
fn is_plain(c: char) -> bool {
    matches!(c, ' '..='~') && !matches!(c, '"' | '\\' | '%' | '/')
}

/// RFC 8187 `attr-char`: what `filename*` carries unencoded.
fn is_attr_char(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'!' | b'#' | b'$' | b'&' | b'+' | b'-' | b'.' | b'^' | b'_' | b'`' | b'|' | b'~'
        )
}

/// The ASCII stand-in for a character the quoted form cannot carry: the base letter of a Latin
/// letter with a diacritic (`é` → `e`, `ß` → `ss`, `Ł` → `L`), else `_`.
fn ascii_for(c: char) -> &'static str {
    let cp = u32::from(c);
    let table: &[&str] = match cp {
        0xC0..=0xFF => &LATIN_1,
        0x100..=0x17F => &LATIN_EXTENDED_A,
        _ => return "_",
    };
    let base = if cp < 0x100 { 0xC0 } else { 0x100 };
    table[(cp - base) as usize]
}

/// U+00C0..=U+00FF (Latin-1 Supplement letters; `×` and `÷` included).
const LATIN_1: [&str; 64] = [
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I", // C0..CF
    "D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "Th",
    "ss", // D0..DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", // E0..EF
    "d", "n", "o", "o", "o", "o", "o", "_", "o", "u", "u", "u", "u", "y", "th", "y", // F0..FF
];

/// U+0100..=U+017F (Latin Extended-A).
const LATIN_EXTENDED_A: [&str; 128] = [
    "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D",
    "d", // 100..10F
    "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G",
    "g", // 110..11F
    "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I",
    "i", // 120..12F
    "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l",
    "L", // 130..13F
    "l", "L", "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O",
    "o", // 140..14F
    "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S",
    "s", // 150..15F
    "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U",
    "u", // 160..16F
    "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z",
    "s", // 170..17F
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_ascii_name_is_only_quoted() {
        assert_eq!(
            attachment("a b;c,d.txt"),
            r#"attachment; filename="a b;c,d.txt""#
        );
        assert_eq!(inline("x"), r#"inline; filename="x""#);
    }

    #[test]
    fn an_empty_name_gives_the_bare_disposition() {
        assert_eq!(attachment(""), "attachment");
        assert_eq!(inline(""), "inline");
    }

    #[test]
    fn non_ascii_gets_a_transliterated_fallback_and_the_exact_utf8_name() {
        assert_eq!(
            attachment("Ærøskøbing Straße Łódź.pdf"),
            "attachment; filename=\"AEroskobing Strasse Lodz.pdf\"; \
             filename*=UTF-8''%C3%86r%C3%B8sk%C3%B8bing%20Stra%C3%9Fe%20%C5%81%C3%B3d%C5%BA.pdf"
        );
        assert_eq!(
            attachment("日本 😀.txt"),
            "attachment; filename=\"__ _.txt\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%20%F0%9F%98%80.txt"
        );
    }

    #[test]
    fn quote_backslash_percent_slash_and_controls_never_reach_the_quoted_form() {
        let v = attachment("a\"b\\c%41d/e\r\nSet-Cookie: x\u{7f}.txt");
        assert_eq!(
            v,
            "attachment; filename=\"a_b_c_41d_e__Set-Cookie: x_.txt\"; \
             filename*=UTF-8''a%22b%5Cc%2541d%2Fe%0D%0ASet-Cookie%3A%20x%7F.txt"
        );
        assert!(!v.contains('\r') && !v.contains('\n'));
    }

    #[test]
    fn filename_star_leaves_exactly_the_rfc_8187_attr_chars_unencoded() {
        let all: String = (0x20u8..0x7f).map(char::from).collect();
        let v = attachment(&all);
        let star = v.split("filename*=UTF-8''").nth(1).unwrap();
        let mut decoded = alloc::vec::Vec::new();
        let b = star.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' {
                let hex = core::str::from_utf8(&b[i + 1..i + 3]).unwrap();
                decoded.push(u8::from_str_radix(hex, 16).unwrap());
                i += 3;
            } else {
                assert!(is_attr_char(b[i]), "{} left unencoded", b[i] as char);
                decoded.push(b[i]);
                i += 1;
            }
        }
        assert_eq!(decoded, all.as_bytes());
        for c in "!#$&+-.^_`|~09AZaz".bytes() {
            assert!(star.contains(char::from(c)), "{} encoded", c as char);
        }
    }

    #[test]
    fn every_latin_letter_with_a_diacritic_has_an_ascii_base() {
        for cp in 0xC0u32..0x180 {
            let s = ascii_for(char::from_u32(cp).unwrap());
            assert!(
                !s.is_empty() && s.bytes().all(|b| b.is_ascii_graphic()),
                "U+{cp:04X}"
            );
        }
        assert_eq!(ascii_for('é'), "e");
        assert_eq!(ascii_for('Ÿ'), "Y");
        assert_eq!(ascii_for('ſ'), "s");
        assert_eq!(ascii_for('Ā'), "A");
        assert_eq!(ascii_for('\u{180}'), "_");
    }
}
