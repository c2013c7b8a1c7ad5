//! What the commands print. The result goes to stdout ([`print_line`]); the forms of a
//! presigned request (URL, `--json`, `--curl`, tokens) are in [`presigned`]; what is said
//! about it (its signing) is a [`Notes`] field, and the presign's own warnings and headers to
//! send are in [`hazards`], each
//! shown on stderr in text mode and as JSON fields with `--json`, so every command that
//! presigns shows it.

pub mod abbreviate;
pub mod curl;
pub mod duration;
pub mod findings;
pub mod hazards;
pub mod json;
pub mod notes;
pub mod presigned;
pub mod shell;
pub mod signing;
pub mod stderr;
pub mod stdout;

pub use curl::CurlFile;
pub use notes::Notes;
pub use presigned::{print_presigned, print_text, print_token, Format};
pub use signing::Signing;
pub use stdout::print_line;
