//! Percent-encoding exactly as SigV4 and S3 want it.
//!
//! SigV4 leaves only the unreserved bytes `A-Za-z0-9-._~` as they are and writes every other byte
//! as `%XX` with upper-case hex: a space is `%20` (never `+`), a literal `+` is `%2B`. The one
//! variation is whether `/` stays literal (object keys and URI paths) or becomes `%2F` (query
//! names and values).

use alloc::borrow::Cow;
use alloc::string::String;

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// `true` for the bytes SigV4 never encodes: `A-Za-z0-9-._~`.
pub const fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

// Bit set of the bytes left literal; bit 256 + b would be the same set plus '/'.
const fn table(keep_slash: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = is_unreserved(i as u8) || (keep_slash && i == b'/' as usize);
        i += 1;
    }
    t
}

static QUERY: [bool; 256] = table(false);
static PATH: [bool; 256] = table(true);

// Each byte's encoding, padded to four bytes, the last one being the encoding's length.
const fn escapes(keep_slash: bool) -> [[u8; 4]; 256] {
    let keep = table(keep_slash);
    let mut t = [[0u8; 4]; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = if keep[i] {
            [i as u8, 0, 0, 1]
        } else {
            [b'%', HEX[i >> 4], HEX[i & 15], 3]
        };
        i += 1;
    }
    t
}

static QUERY_ESCAPES: [[u8; 4]; 256] = escapes(false);
static PATH_ESCAPES: [[u8; 4]; 256] = escapes(true);

/// Where an encoded string is going, which decides whether `/` stays literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Component {
    /// A query name or value, or anything else that encodes `/` as `%2F`.
    Query,
    /// A URI path or S3 object key: `/` stays literal.
    Path,
}

/// Appends `input` percent-encoded for `component` to `out`.
pub fn encode_into(out: &mut String, input: &[u8], component: Component) {
    let keep = match component {
        Component::Query => &QUERY,
        Component::Path => &PATH,
    };
    let mut start = 0;
    for (i, &b) in input.iter().enumerate() {
        if keep[b as usize] {
            continue;
        }
        // Every byte in input[start..i] is ASCII, so this is valid UTF-8 (maybe empty).
        out.push_str(core::str::from_utf8(&input[start..i]).unwrap_or_default());
        out.push('%');
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
        start = i + 1;
    }
    out.push_str(core::str::from_utf8(&input[start..]).unwrap_or_default());
}

/// [`encode_into`] for text: runs of bytes that stay as they are are copied as slices of
/// `input`, with no UTF-8 validation of their own.
#[inline]
pub fn encode_str_into(out: &mut String, input: &str, component: Component) {
    let keep = match component {
        Component::Query => &QUERY,
        Component::Path => &PATH,
    };
    let bytes = input.as_bytes();
    // Most keys and values are mostly unreserved: copy the leading run as it is.
    let run = bytes.iter().take_while(|&&b| keep[b as usize]).count();
    out.push_str(&input[..run]);
    let escapes = match component {
        Component::Query => &QUERY_ESCAPES,
        Component::Path => &PATH_ESCAPES,
    };
    encode_rest(out, &bytes[run..], escapes);
}

/// Encodes through a stack buffer, without branching on the bytes: one UTF-8 check (all ASCII)
/// and one copy per 64 bytes in, rather than a `String::push` per escaped byte.
#[inline(never)]
fn encode_rest(out: &mut String, bytes: &[u8], escapes: &[[u8; 4]; 256]) {
    const CHUNK: usize = 64;
    let mut buf = [0u8; 3 * CHUNK + 1];
    for chunk in bytes.chunks(CHUNK) {
        let mut n = 0;
        for &b in chunk {
            let e = escapes[b as usize];
            // Writes four bytes, keeps the encoding's length (the fourth is overwritten next).
            buf[n..n + 4].copy_from_slice(&e);
            n += e[3] as usize;
        }
        // Only ASCII was written, so this never fails.
        out.push_str(core::str::from_utf8(&buf[..n]).unwrap_or_default());
    }
}

/// Decodes `%XX` sequences (either hex case). A `%` not followed by two hex digits stays as it
/// is, and `+` stays `+`: SigV4 query strings are not `application/x-www-form-urlencoded`.
pub fn decode(input: &str) -> Cow<'_, [u8]> {
    percent_encoding::percent_decode_str(input).into()
}

/// Decodes `%XX` sequences into a `String`, replacing invalid UTF-8 with U+FFFD.
pub fn decode_lossy(input: &str) -> Cow<'_, str> {
    percent_encoding::percent_decode_str(input).decode_utf8_lossy()
}

/// Lower-case hex of `bytes` into a stack buffer.
#[inline]
pub(crate) fn hex32(bytes: &[u8; 32]) -> [u8; 64] {
    let mut out = [0u8; 64];
    for (pair, &b) in out.chunks_exact_mut(2).zip(bytes) {
        pair.copy_from_slice(&HEX_PAIRS[b as usize]);
    }
    out
}

/// The two lower-case hex digits of every byte.
static HEX_PAIRS: [[u8; 2]; 256] = {
    const LOWER: &[u8; 16] = b"0123456789abcdef";
    let mut t = [[0u8; 2]; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = [LOWER[i >> 4], LOWER[i & 15]];
        i += 1;
    }
    t
};

/// The `&str` view of [`hex32`] output.
pub(crate) fn hex_str(hex: &[u8; 64]) -> &str {
    core::str::from_utf8(hex).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(input: &str, component: Component) -> String {
        let mut out = String::new();
        encode_into(&mut out, input.as_bytes(), component);
        out
    }

    #[test]
    fn query_encoding_of_every_printable_ascii() {
        // aws-sigv4 canonical_request.rs test_signing_urls_with_percent_encoded_query_strings.
        let all: String = (0x20u8..=0x7e).map(char::from).collect();
        let mut s = String::new();
        encode_into(&mut s, all.as_bytes(), Component::Query);
        assert_eq!(
            s,
            "%20%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F0123456789%3A%3B%3C%3D%3E%3F%40ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~"
        );
    }

    #[test]
    fn path_keeps_slash_and_encodes_once() {
        assert_eq!(encode("/ሴ", Component::Path), "/%E1%88%B4");
        assert_eq!(
            encode("/example space/", Component::Path),
            "/example%20space/"
        );
        assert_eq!(encode("a%20b", Component::Path), "a%2520b");
        assert_eq!(encode("a/b", Component::Query), "a%2Fb");
    }

    #[test]
    fn decode_keeps_plus_and_stray_percent() {
        assert_eq!(&*decode("a+b%20c%2b%zz%"), b"a+b c+%zz%");
    }

    #[test]
    fn decode_lossy_replaces_invalid_utf8() {
        // What the diagnosis reads from a presigned URL's query: `%XX` decoded, `+` kept, an
        // invalid byte as U+FFFD, plain text borrowed as it is.
        assert_eq!(
            decode_lossy("a+b%20c%E1%88%B4%FF%zz"),
            "a+b c\u{1234}\u{FFFD}%zz"
        );
        assert!(matches!(decode_lossy("plain"), Cow::Borrowed("plain")));
    }

    #[test]
    fn str_and_byte_encoders_agree() {
        let long: String = "é/ a+b~".repeat(40);
        let samples = [
            "",
            "a",
            "test.txt",
            "/",
            "é",
            "naïve café ☕.jpg",
            "x y",
            "%2F",
            "photos/2024/été/",
            &long,
        ];
        for s in samples {
            for c in [Component::Query, Component::Path] {
                let (mut a, mut b) = (String::from("p:"), String::from("p:"));
                encode_into(&mut a, s.as_bytes(), c);
                encode_str_into(&mut b, s, c);
                assert_eq!(a, b, "{s:?} {c:?}");
            }
        }
        for b in 0u8..=255 {
            let c = char::from_u32(u32::from(b) * 7 + 1).unwrap_or('x');
            let s: String = [c, 'a', c].iter().collect();
            let (mut x, mut y) = (String::new(), String::new());
            encode_into(&mut x, s.as_bytes(), Component::Query);
            encode_str_into(&mut y, &s, Component::Query);
            assert_eq!(x, y);
        }
    }

    #[test]
    fn hex_matches_the_hex_crate() {
        let mut b = [0u8; 32];
        for round in 0..64u8 {
            for (i, x) in b.iter_mut().enumerate() {
                *x = (i as u8)
                    .wrapping_mul(37)
                    .wrapping_add(round.wrapping_mul(101))
                    ^ round;
            }
            assert_eq!(hex_str(&hex32(&b)), hex::encode(b));
        }
        let all: [u8; 32] = core::array::from_fn(|i| (i * 8) as u8 | 7);
        assert_eq!(hex_str(&hex32(&all)), hex::encode(all));
    }

    #[test]
    fn hex_is_lower_case() {
        let mut b = [0u8; 32];
        b[0] = 0xAB;
        b[31] = 0x0F;
        let h = hex32(&b);
        assert!(hex_str(&h).starts_with("ab00"));
        assert!(hex_str(&h).ends_with("0f"));
    }

    #[test]
    fn encodes_bytes_and_text() {
        let mut s = String::new();
        encode_into(&mut s, "sp ace+plus~tilde é/x".as_bytes(), Component::Path);
        assert_eq!(s, "sp%20ace%2Bplus~tilde%20%C3%A9/x");
        let mut s = String::new();
        encode_str_into(&mut s, "naïve café ☕.jpg", Component::Path);
        assert_eq!(s, "na%C3%AFve%20caf%C3%A9%20%E2%98%95.jpg");
    }

    // Moved from tests/properties.rs when the encoding module became private.
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Percent-decoding the encoding gives the input back, in both components.
        #[test]
        fn decode_inverts_encode(input in proptest::collection::vec(any::<u8>(), 0..64)) {
            for c in [Component::Query, Component::Path] {
                let mut out = String::new();
                encode_into(&mut out, &input, c);
                prop_assert_eq!(&*decode(&out), &input[..]);
            }
        }

        /// Only unreserved bytes (and `/` in paths) stay literal; everything else is `%XX` with
        /// upper-case hex.
        #[test]
        fn only_unreserved_bytes_stay_unencoded(input in proptest::collection::vec(any::<u8>(), 0..64)) {
            for c in [Component::Query, Component::Path] {
                let mut out = String::new();
                encode_into(&mut out, &input, c);
                let b = out.as_bytes();
                let mut i = 0;
                let mut decoded = 0;
                while i < b.len() {
                    if b[i] == b'%' {
                        prop_assert!(i + 2 < b.len(), "truncated escape");
                        let hi = b[i + 1];
                        let lo = b[i + 2];
                        prop_assert!(hi.is_ascii_digit() || (b'A'..=b'F').contains(&hi));
                        prop_assert!(lo.is_ascii_digit() || (b'A'..=b'F').contains(&lo));
                        let byte = u8::from_str_radix(&out[i + 1..i + 3], 16).unwrap();
                        // An encoded byte must not have been allowed to stay literal.
                        prop_assert!(!(is_unreserved(byte) || (c == Component::Path && byte == b'/')));
                        i += 3;
                    } else {
                        prop_assert!(is_unreserved(b[i]) || (c == Component::Path && b[i] == b'/'), "literal {:?}", b[i] as char);
                        i += 1;
                    }
                    decoded += 1;
                }
                prop_assert_eq!(decoded, input.len());
            }
        }
    }
}
