//! S3: endpoints and addressing, object keys exactly as S3 wants them, operations, and a fast
//! presigner that reuses what a day's signing shares.

pub mod addressing;
pub mod operations;
pub mod post_policy;
pub mod presigner;

pub use addressing::{validate_bucket_name, AddressingStyle, Bucket, Endpoint};
pub use operations::{validate_key, Method, S3Request, MAX_KEY_LEN};
pub use post_policy::{PostForm, PostPolicy, PostRejection, PostVerifier, PresignedPost};
pub use presigner::{Presigner, Validity};
