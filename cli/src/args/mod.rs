//! What the commands take: the argument groups several commands share and the parsers of
//! option values. A new shared option goes in its group here (every command that flattens the
//! group gets it); a new option of one command goes in that command's `Args` struct under
//! `commands/`.

pub mod common;
pub mod presigned_input;
pub mod s3_endpoint;
pub mod s3_object;
pub mod values;

pub use common::CommonArgs;
pub use s3_endpoint::S3EndpointArgs;
pub use s3_object::S3Target;
