//! `--curl`: a ready curl command for a presigned request.

use super::shell::shell_quote;
use presign::Presigned;
use std::fmt::Write as _;

/// What the file argument of `--curl` is for.
pub enum CurlFile<'a> {
    /// Nothing given: a placeholder for uploads.
    Placeholder,
    Path(&'a str),
}

/// A ready `curl` command for a presigned request: the method, every signed header with its
/// exact value, the file to upload (PUT, POST) or where to save the download (GET).
pub fn curl_command(p: &Presigned, file: CurlFile<'_>) -> String {
    let mut cmd = String::from("curl");
    let given = match file {
        CurlFile::Path(f) => Some(f),
        CurlFile::Placeholder => None,
    };
    match p.method.as_str() {
        // --upload-file makes curl send PUT.
        "GET" | "PUT" => {}
        "HEAD" => cmd.push_str(" --head"),
        m => {
            cmd.push_str(" -X ");
            cmd.push_str(&shell_quote(m));
        }
    }
    for (name, value) in &p.headers {
        let _ = write!(cmd, " -H {}", shell_quote(&format!("{name}: {value}")));
    }
    let has_content_type = p
        .headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("content-type"));
    match (p.method.as_str(), given) {
        ("PUT", Some(f)) => {
            let _ = write!(cmd, " --upload-file {}", shell_quote(f));
        }
        ("PUT", None) => cmd.push_str(" --upload-file FILE"),
        ("POST", Some(f)) => {
            if !has_content_type {
                // curl would add an unsigned form Content-Type; S3 would store it.
                cmd.push_str(" -H 'Content-Type:'");
            }
            let _ = write!(cmd, " --data-binary {}", shell_quote(&format!("@{f}")));
        }
        ("GET", Some(f)) => {
            let _ = write!(cmd, " -o {}", shell_quote(f));
        }
        _ => {}
    }
    cmd.push(' ');
    cmd.push_str(&shell_quote(&p.url));
    cmd
}
