//! How a presigned request is shown: the URL, `--json`, `--curl`, or a token, with its
//! [`Notes`].
//!
//! The result goes to stdout alone, so it can be piped; the notes go to stderr in text mode
//! and into the JSON object with `--json`.

use super::curl::{curl_command, CurlFile};
use super::hazards;
use super::json::PresignedJson;
use super::notes::Notes;
use super::stderr::print_note;
use super::stdout::print_line;
use crate::error::Result;
use presign::Presigned;

/// The output form a command's flags chose.
pub enum Format<'a> {
    /// The URL alone.
    Url,
    /// `--json`.
    Json,
    /// `--curl`: a ready curl command.
    Curl(CurlFile<'a>),
}

impl<'a> Format<'a> {
    /// The form for `--json` and `--curl` (`curl` is `Some` when `--curl` was given).
    pub fn from_flags(json: bool, curl: Option<CurlFile<'a>>) -> Self {
        match (json, curl) {
            (true, _) => Format::Json,
            (false, Some(file)) => Format::Curl(file),
            (false, None) => Format::Url,
        }
    }
}

/// Prints a presigned request in `format`, with its notes. In text mode the warnings, and for
/// the URL alone the headers to send (a curl command carries them), go to stderr first.
pub fn print_presigned(p: &Presigned, format: Format<'_>, notes: &Notes) -> Result<()> {
    match format {
        Format::Json => print_line(&PresignedJson::new(p, None, notes).to_string_pretty()),
        Format::Curl(file) => {
            print_hazards(p, false);
            print_text(&curl_command(p, file), notes)
        }
        Format::Url => {
            print_hazards(p, true);
            print_text(&p.url, notes)
        }
    }
}

/// The warnings, and with `headers` the headers to send, on stderr.
fn print_hazards(p: &Presigned, headers: bool) {
    if let Some(text) = hazards::warnings_text(&p.warnings) {
        print_note(&text);
    }
    if headers {
        if let Some(text) = hazards::headers_text(&p.headers) {
            print_note(&text);
        }
    }
}

/// Prints a token (RDS, DSQL, EKS), or with `--json` the presign with the token.
pub fn print_token(p: &Presigned, token: &str, json: bool, notes: &Notes) -> Result<()> {
    if json {
        print_line(&PresignedJson::new(p, Some(token), notes).to_string_pretty())
    } else {
        print_hazards(p, false);
        print_text(token, notes)
    }
}

/// Prints a text result on stdout and its notes on stderr.
pub fn print_text(result: &str, notes: &Notes) -> Result<()> {
    if let Some(text) = notes.text() {
        print_note(&text);
    }
    print_line(result)
}
