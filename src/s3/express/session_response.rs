//! The `CreateSession` response: the XML body S3 Express One Zone answers with, read into
//! [`Credentials`].
//!
//! ```text
//! <CreateSessionResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
//!   <Credentials>
//!     <SessionToken>...</SessionToken>
//!     <SecretAccessKey>...</SecretAccessKey>
//!     <AccessKeyId>...</AccessKeyId>
//!     <Expiration>2026-11-23T12:05:00Z</Expiration>
//!   </Credentials>
//! </CreateSessionResult>
//! ```
//!
//! The reader is deliberately small: bounded input, each of the four elements exactly once inside
//! `<Credentials>`, text without markup, the five predefined entities and numeric character
//! references, nothing else (no DTD, no CDATA, no external anything).

use crate::{Credentials, Error, Timestamp};
use alloc::string::String;

/// The longest response body read, in bytes. Real responses are about 1.5 KiB.
pub const MAX_RESPONSE_LEN: usize = 16 * 1024;

fn fail(reason: &'static str) -> Error {
    Error::InvalidSessionResponse { reason }
}

/// Reads the credentials of a `CreateSession` response body.
///
/// The returned credentials carry the session token and the expiration, so presigning with them
/// refuses a URL that would outlive the session (or clamps it, if asked).
///
/// # Errors
/// [`Error::InvalidSessionResponse`] when the body is too long, is an S3 error document, or is not
/// a `CreateSessionResult` with the four credential elements; the credential errors of
/// [`Credentials::new`] and [`Credentials::with_session_token`]; timestamp errors for the
/// expiration.
pub fn parse_create_session_response(xml: &str) -> Result<Credentials, Error> {
    if xml.len() > MAX_RESPONSE_LEN {
        return Err(fail(
            "the body is longer than 16 KiB: not a CreateSession response",
        ));
    }
    if xml.contains("<!") {
        return Err(fail(
            "the body has a DTD, comment or CDATA section, which a CreateSession response never has",
        ));
    }
    let root = root_element(xml).ok_or(fail("the body is not XML"))?;
    if root == "Error" {
        return Err(fail(
            "the body is an S3 error document: CreateSession failed (read its Code and Message)",
        ));
    }
    if root != "CreateSessionResult" {
        return Err(fail("the root element is not CreateSessionResult"));
    }
    let creds = element(xml, "Credentials")?;
    let akid = text(element(creds, "AccessKeyId")?)?;
    let secret = text(element(creds, "SecretAccessKey")?)?;
    let token = text(element(creds, "SessionToken")?)?;
    let expiration = text(element(creds, "Expiration")?)?;
    let expires_at = Timestamp::parse_rfc3339(&expiration)?;
    Ok(Credentials::new(akid, secret)?
        .with_session_token(token)?
        .with_expiration(expires_at))
}

/// The name of the first element, after an optional XML declaration and whitespace.
fn root_element(xml: &str) -> Option<&str> {
    let mut s = xml.trim_start_matches('\u{feff}').trim_start();
    if let Some(rest) = s.strip_prefix("<?xml") {
        s = rest.split_once("?>")?.1.trim_start();
    }
    let s = s.strip_prefix('<')?;
    let end = s.find(|c: char| c == '>' || c == '/' || c.is_ascii_whitespace())?;
    Some(&s[..end])
}

/// The content of the one `<name>` element in `xml` (attributes allowed, e.g. `xmlns`).
fn element<'x>(xml: &'x str, name: &str) -> Result<&'x str, Error> {
    let mut found = None;
    let mut rest = xml;
    let mut offset = 0;
    while let Some(i) = rest.find('<') {
        let tag = &rest[i + 1..];
        let matches = tag.strip_prefix(name).is_some_and(|after| {
            after.starts_with('>') || after.starts_with(|c: char| c.is_ascii_whitespace())
        });
        if matches {
            if found.is_some() {
                return Err(fail("an element of the credentials appears twice"));
            }
            let open_end = tag.find('>').ok_or(fail("an element is not closed"))?;
            if tag[..open_end].ends_with('/') {
                return Err(fail("an element of the credentials is empty"));
            }
            let start = offset + i + 1 + open_end + 1;
            found = Some(start);
        }
        offset += i + 1;
        rest = &rest[i + 1..];
    }
    let start = found.ok_or(fail(
        "an element of the credentials is missing (Credentials, AccessKeyId, SecretAccessKey, SessionToken, Expiration)",
    ))?;
    let body = &xml[start..];
    let mut close = String::with_capacity(name.len() + 3);
    close.push_str("</");
    close.push_str(name);
    close.push('>');
    let end = body
        .find(close.as_str())
        .ok_or(fail("an element is not closed"))?;
    Ok(&body[..end])
}

/// Character data: no markup, entities decoded, surrounding whitespace trimmed.
fn text(raw: &str) -> Result<String, Error> {
    if raw.contains('<') || raw.contains('>') {
        return Err(fail("a credential element holds markup instead of text"));
    }
    let raw = raw.trim();
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let semi = after
            .find(';')
            .filter(|&j| j <= 10)
            .ok_or(fail("a bad character reference"))?;
        let c = match &after[..semi] {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            num => {
                let code = if let Some(hex) = num.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = num.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    None
                };
                code.and_then(char::from_u32)
                    .ok_or(fail("a bad character reference"))?
            }
        };
        out.push(c);
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    const BODY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<CreateSessionResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Credentials>
    <SessionToken>TOKEN+/=abc&amp;def</SessionToken>
    <SecretAccessKey>SESSIONSECRET/+x</SecretAccessKey>
    <AccessKeyId>ASIASESSIONKEY</AccessKeyId>
    <Expiration>2026-11-23T12:05:00Z</Expiration>
  </Credentials>
</CreateSessionResult>"#;

    #[test]
    fn reads_the_credentials() {
        let c = parse_create_session_response(BODY).unwrap();
        assert_eq!(c.access_key_id(), "ASIASESSIONKEY");
        assert_eq!(c.secret_access_key(), "SESSIONSECRET/+x");
        assert_eq!(c.session_token(), Some("TOKEN+/=abc&def"));
        assert_eq!(
            c.expires_at(),
            Some(Timestamp::parse_rfc3339("2026-11-23T12:05:00Z").unwrap())
        );
        // No declaration, fractional seconds, a numeric reference.
        let other = BODY
            .replace(r#"<?xml version="1.0" encoding="UTF-8"?>"#, "")
            .replace("12:05:00Z", "12:05:00.000Z")
            .replace("ASIASESSIONKEY", "ASIA&#x53;ESSIONKEY");
        let c = parse_create_session_response(&other).unwrap();
        assert_eq!(c.access_key_id(), "ASIASESSIONKEY");
    }

    #[test]
    fn refuses_what_is_not_a_session() {
        let error_doc =
            "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code><Message>no</Message></Error>";
        let cases = [
            String::from(error_doc),
            String::from("not xml"),
            BODY.replace("CreateSessionResult", "ListBucketResult"),
            BODY.replace("<AccessKeyId>ASIASESSIONKEY</AccessKeyId>", ""),
            BODY.replace(
                "<AccessKeyId>ASIASESSIONKEY</AccessKeyId>",
                "<AccessKeyId>A</AccessKeyId><AccessKeyId>B</AccessKeyId>",
            ),
            BODY.replace(
                "<AccessKeyId>ASIASESSIONKEY</AccessKeyId>",
                "<AccessKeyId/>",
            ),
            BODY.replace("ASIASESSIONKEY", "<b>x</b>"),
            BODY.replace("ASIASESSIONKEY", "A&bogus;B"),
            BODY.replace("ASIASESSIONKEY", "A&#xFFFFFFFF;B"),
            BODY.replace(
                "<Credentials>",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///\">]><Credentials>",
            ),
            BODY.replace("</SessionToken>", ""),
            format!("{BODY}{}", " ".repeat(MAX_RESPONSE_LEN)),
        ];
        for (i, body) in cases.iter().enumerate() {
            assert!(
                matches!(
                    parse_create_session_response(body),
                    Err(Error::InvalidSessionResponse { .. })
                ),
                "case {i}"
            );
        }
        // Bad values are refused by the credential and time checks.
        assert!(
            parse_create_session_response(&BODY.replace("2026-11-23T12:05:00Z", "soon")).is_err()
        );
        assert!(parse_create_session_response(&BODY.replace("SESSIONSECRET/+x", "a b")).is_err());
    }

    #[test]
    fn errors_never_show_the_secret() {
        let e = parse_create_session_response(&BODY.replace("</SecretAccessKey>", "")).unwrap_err();
        assert!(!format!("{e} {e:?}").contains("SESSIONSECRET"));
    }
}
