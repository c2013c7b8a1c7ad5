//! What the commands print. The result goes to stdout ([`print_line`]); the forms of a
//! presigned request (URL, `--json`, `--curl`, tokens) are in [`presigned`]. Something new to
//! say about a presigned request (its signing, warnings, the headers to send) is one more
//! field of [`json::PresignedJson`] and one more stderr block in [`presigned`], so every
//! command that presigns shows it.

pub mod curl;
pub mod duration;
pub mod json;
pub mod presigned;
pub mod shell;
pub mod stdout;

pub use curl::CurlFile;
pub use presigned::{print_presigned, print_token, Format};
pub use stdout::print_line;
