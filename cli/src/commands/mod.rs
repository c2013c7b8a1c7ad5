//! One file per subcommand: its `Args` struct and its `run`. A new subcommand is a file here,
//! a variant of `Command` in `main.rs` and one line of its dispatch.

pub mod batch;
pub mod create_session;
pub mod diagnose;
pub mod dsql_token;
pub mod eks_token;
pub mod explain;
pub mod post;
pub mod rds_token;
pub mod s3;
pub mod sigv4_presign;
pub mod url;
pub mod verify;
