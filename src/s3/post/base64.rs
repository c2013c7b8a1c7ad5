//! Base64 (RFC 4648, padded), for the policy document.

use crate::Error;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 (RFC 4648 §4, with `=` padding), as S3 wants the `policy` field.
///
/// ```
/// use presign::s3::post::base64_encode;
/// assert_eq!(base64_encode(b"{ \"a\""), "eyAiYSI=");
/// ```
pub fn base64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b1 = chunk.get(1).copied().unwrap_or(0);
        let b2 = chunk.get(2).copied().unwrap_or(0);
        let n = (u32::from(chunk[0]) << 16) | (u32::from(b1) << 8) | u32::from(b2);
        let sextet = |shift: u32| char::from(B64[((n >> shift) & 63) as usize]);
        out.push(sextet(18));
        out.push(sextet(12));
        out.push(if chunk.len() > 1 { sextet(6) } else { '=' });
        out.push(if chunk.len() > 2 { sextet(0) } else { '=' });
    }
    out
}

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Decodes standard base64 with `=` padding. ASCII whitespace (space, tab, CR, LF) is skipped,
/// since some encoders wrap lines; anything else outside the alphabet, bad padding, a length
/// that is not a multiple of four, or non-zero bits after the last byte is refused.
///
/// # Errors
/// [`Error::InvalidPolicy`], saying what is wrong.
///
/// ```
/// use presign::s3::post::base64_decode;
/// assert_eq!(base64_decode("eyAiYSI=")?, b"{ \"a\"");
/// assert!(base64_decode("eyAiYSI").is_err());
/// # Ok::<(), presign::Error>(())
/// ```
pub fn base64_decode(text: &str) -> Result<Vec<u8>, Error> {
    let fail = |what: &str| Error::InvalidPolicy {
        reason: format!("the policy is not valid base64: {what}"),
    };
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut quad = [0u8; 4];
    let mut n = 0;
    let mut pad = 0;
    let mut finished = false;
    for &c in text.as_bytes() {
        if matches!(c, b' ' | b'\t' | b'\r' | b'\n') {
            continue;
        }
        if finished {
            return Err(fail("text after the final padding"));
        }
        if c == b'=' {
            if n < 2 {
                return Err(fail("misplaced '=' padding"));
            }
            pad += 1;
            quad[n] = 0;
        } else {
            if pad > 0 {
                return Err(fail("text after '=' padding"));
            }
            quad[n] = b64_value(c).ok_or_else(|| fail("a character outside A-Z a-z 0-9 + / ="))?;
        }
        n += 1;
        if n == 4 {
            let v = (u32::from(quad[0]) << 18)
                | (u32::from(quad[1]) << 12)
                | (u32::from(quad[2]) << 6)
                | u32::from(quad[3]);
            let bytes = [(v >> 16) as u8, (v >> 8) as u8, v as u8];
            let keep = 3 - pad;
            if (pad == 1 && quad[2] & 0b11 != 0) || (pad == 2 && quad[1] & 0b1111 != 0) {
                return Err(fail("non-zero bits after the last byte"));
            }
            out.extend_from_slice(&bytes[..keep]);
            n = 0;
            finished = pad > 0;
        }
    }
    if n != 0 {
        return Err(fail(
            "its length is not a multiple of 4 (padding missing or text truncated)",
        ));
    }
    Ok(out)
}
