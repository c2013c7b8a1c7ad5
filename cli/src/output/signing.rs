//! `--show-signing`: the canonical request and string to sign of a presign, to compare with
//! the ones S3 returns in a `SignatureDoesNotMatch` body.
//!
//! Session tokens are shown as `<redacted>`, as `presign verify` shows them: in the canonical
//! query (`X-Amz-Security-Token=<redacted>`) and in header lines (`x-amz-security-token:`).
//! The string to sign holds only the hash of the canonical request (of the real one, so the
//! shown text with a token does not hash to it).

/// Query parameters and headers whose values are session tokens.
const TOKEN_PARAMS: [&str; 2] = ["X-Amz-Security-Token", "X-Amz-S3session-Token"];

/// The signing texts of one presign, ready to show.
pub struct Signing {
    pub canonical_request: String,
    pub string_to_sign: String,
}

impl Signing {
    /// The texts the library returned, with session tokens redacted.
    pub fn redacted(canonical_request: &str, string_to_sign: &str) -> Signing {
        Signing {
            canonical_request: redact(canonical_request),
            string_to_sign: string_to_sign.to_string(),
        }
    }

    /// The text form, as `presign verify --details` prints it.
    pub fn text(&self) -> String {
        format!(
            "canonical request:\n{}\n\nstring to sign:\n{}",
            self.canonical_request, self.string_to_sign
        )
    }
}

fn is_token(name: &str) -> bool {
    TOKEN_PARAMS.iter().any(|t| t.eq_ignore_ascii_case(name))
}

/// The canonical request with the values of token parameters (line 3, the query) and token
/// headers replaced by `<redacted>`.
fn redact(canonical_request: &str) -> String {
    let mut out = String::with_capacity(canonical_request.len());
    for (i, line) in canonical_request.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if i == 2 {
            for (j, pair) in line.split('&').enumerate() {
                if j > 0 {
                    out.push('&');
                }
                match pair.split_once('=') {
                    Some((name, _)) if is_token(name) => {
                        out.push_str(name);
                        out.push_str("=<redacted>");
                    }
                    _ => out.push_str(pair),
                }
            }
        } else {
            match line.split_once(':') {
                Some((name, _)) if i > 2 && is_token(name) => {
                    out.push_str(name);
                    out.push_str(":<redacted>");
                }
                _ => out.push_str(line),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_redacted_in_the_query_and_headers_only() {
        let cr = "GET\n/x-amz-security-token:a\nA=1&X-Amz-Security-Token=SECRET%2Ftok&b=2\nhost:h\nx-amz-security-token:SECRET\nx-amz-s3session-token:SECRET\n\nhost;x-amz-security-token\nUNSIGNED-PAYLOAD";
        let r = redact(cr);
        assert!(!r.contains("SECRET"), "{r}");
        assert_eq!(
            r,
            "GET\n/x-amz-security-token:a\nA=1&X-Amz-Security-Token=<redacted>&b=2\nhost:h\nx-amz-security-token:<redacted>\nx-amz-s3session-token:<redacted>\n\nhost;x-amz-security-token\nUNSIGNED-PAYLOAD"
        );
        let plain = "GET\n/\nX-Amz-Date=1\nhost:h\n\nhost\nUNSIGNED-PAYLOAD";
        assert_eq!(redact(plain), plain);
    }
}
