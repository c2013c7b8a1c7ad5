//! What a presign says about itself: the headers the client must send (they are signed), and
//! the client hazards (`presign::Warning`). In text mode both go to stderr; with `--json`,
//! `headers` and `warnings` are fields of the object.

use presign::Warning;
use serde::Serialize;

/// A warning as JSON: `{"code": "dot-segment-in-key", "message": "..."}`.
#[derive(Serialize)]
pub struct WarningJson {
    pub code: &'static str,
    pub message: String,
}

impl WarningJson {
    pub fn new(w: &Warning) -> Self {
        WarningJson {
            code: w.code(),
            message: w.to_string(),
        }
    }
}

/// One `presign: warning [CODE]: MESSAGE` line per warning.
pub fn warnings_text(warnings: &[Warning]) -> Option<String> {
    let lines: Vec<String> = warnings
        .iter()
        .map(|w| format!("presign: warning [{}]: {w}", w.code()))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// The signed headers the client must send with the URL, one `name: value` line each.
pub fn headers_text(headers: &[(String, String)]) -> Option<String> {
    if headers.is_empty() {
        return None;
    }
    let mut text = String::from(
        "presign: send these headers with the request, exactly (they are signed: without them \
         S3 answers 403 SignatureDoesNotMatch):",
    );
    for (n, v) in headers {
        text.push_str("\n  ");
        text.push_str(n);
        text.push_str(": ");
        text.push_str(v);
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_listed_exactly() {
        let h = [
            ("content-type".to_string(), "image/png".to_string()),
            ("x-amz-meta-a".to_string(), "b c".to_string()),
        ];
        let t = headers_text(&h).unwrap();
        assert!(
            t.ends_with("\n  content-type: image/png\n  x-amz-meta-a: b c"),
            "{t}"
        );
        assert!(headers_text(&[]).is_none());
    }

    #[test]
    fn one_line_per_warning_with_its_code() {
        let w = [
            Warning::DotSegmentInKey {
                path: "/b/./k".into(),
            },
            Warning::HeaderBrowsersCannotSet {
                header: "date".into(),
            },
        ];
        let t = warnings_text(&w).unwrap();
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("presign: warning [dot-segment-in-key]: the path `/b/./k`"));
        assert!(lines[1].starts_with("presign: warning [header-browsers-cannot-set]: "));
        assert!(warnings_text(&[]).is_none());
    }
}
