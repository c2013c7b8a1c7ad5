//! S3's XML error body: the code, message, and the canonical request and string to sign it
//! returns for `SignatureDoesNotMatch`.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

/// The fields of an S3 error body (`<Error><Code>...`), XML entities decoded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct S3ErrorBody {
    /// `<Code>`, e.g. `SignatureDoesNotMatch`.
    pub code: Option<String>,
    /// `<Message>`.
    pub message: Option<String>,
    /// `<AWSAccessKeyId>`.
    pub access_key_id: Option<String>,
    /// `<CanonicalRequest>` (or decoded from `<CanonicalRequestBytes>`).
    pub canonical_request: Option<String>,
    /// `<StringToSign>` (or decoded from `<StringToSignBytes>`).
    pub string_to_sign: Option<String>,
    /// `<SignatureProvided>`.
    pub signature_provided: Option<String>,
}

/// The largest error body read: 1 MiB.
pub const MAX_ERROR_BODY: usize = 1 << 20;

/// Decodes `&amp; &lt; &gt; &quot; &apos; &#NN; &#xHH;`; anything else stays as it is.
pub fn xml_unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(j, _)| j);
        let decoded = end.and_then(|j| {
            let ent = &rest[1..j];
            let c = match ent {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let n = if let Some(h) =
                        ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X"))
                    {
                        u32::from_str_radix(h, 16).ok()
                    } else if let Some(d) = ent.strip_prefix('#') {
                        d.parse::<u32>().ok()
                    } else {
                        None
                    };
                    char::from_u32(n?)?
                }
            };
            Some((c, j))
        });
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn tag<'x>(xml: &'x str, name: &str) -> Option<&'x str> {
    let mut open = String::with_capacity(name.len() + 2);
    open.push('<');
    open.push_str(name);
    open.push('>');
    let start = xml.find(&open)? + open.len();
    let mut close = String::with_capacity(name.len() + 3);
    close.push_str("</");
    close.push_str(name);
    close.push('>');
    let len = xml.get(start..)?.find(&close)?;
    xml.get(start..start + len)
}

/// `47 45 54 0a ...` (S3's `...Bytes` elements) to text.
pub(super) fn from_hex_bytes(s: &str) -> Option<String> {
    let mut bytes = Vec::new();
    for h in s.split_ascii_whitespace() {
        bytes.push(u8::from_str_radix(h, 16).ok()?);
    }
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

impl S3ErrorBody {
    /// Reads an S3 error body. Missing elements are `None`; a body over [`MAX_ERROR_BODY`] is
    /// read up to that size.
    pub fn parse(xml: &str) -> S3ErrorBody {
        let mut end = xml.len().min(MAX_ERROR_BODY);
        while !xml.is_char_boundary(end) {
            end -= 1;
        }
        let xml = &xml[..end];
        let text = |n: &str| tag(xml, n).map(|t| xml_unescape(t).into_owned());
        S3ErrorBody {
            code: text("Code"),
            message: text("Message"),
            access_key_id: text("AWSAccessKeyId"),
            canonical_request: text("CanonicalRequest")
                .or_else(|| tag(xml, "CanonicalRequestBytes").and_then(from_hex_bytes)),
            string_to_sign: text("StringToSign")
                .or_else(|| tag(xml, "StringToSignBytes").and_then(from_hex_bytes)),
            signature_provided: text("SignatureProvided"),
        }
    }
}
