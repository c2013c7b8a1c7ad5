//! The library's diagnosis (`presign::diagnose::Finding`) as the command line shows it: one line
//! per finding, or JSON objects `{code, severity, s3_code, message}`.

use presign::diagnose::{Finding, Severity};
use serde::Serialize;

/// A finding as JSON.
#[derive(Serialize)]
pub struct FindingJson {
    pub code: &'static str,
    pub severity: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_code: Option<&'static str>,
    pub message: String,
}

impl FindingJson {
    pub fn new(f: &Finding) -> Self {
        FindingJson {
            code: f.code(),
            severity: severity_name(f.severity()),
            s3_code: f.s3_code(),
            message: f.to_string(),
        }
    }
}

/// `breaks`, `risky` or `harmless`.
pub fn severity_name(s: Severity) -> &'static str {
    s.code()
}

/// `breaks [code] (S3: SignatureDoesNotMatch): message`.
pub fn finding_line(f: &Finding) -> String {
    let mut line = format!("{} [{}]", severity_name(f.severity()), f.code());
    if let Some(code) = f.s3_code() {
        line.push_str(" (S3: ");
        line.push_str(code);
        line.push(')');
    }
    line.push_str(": ");
    line.push_str(&f.to_string());
    line
}

/// Whether any finding breaks the request or may.
pub fn any_fails(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity() != Severity::Harmless)
}
