//! Notes on stderr: what is said about a result, apart from the result itself.

use std::io::Write;

/// Writes `text` and a newline to stderr. A closed stderr is ignored: the result on stdout is
/// what counts.
pub fn print_note(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{text}");
}
