//! SigV4a (`AWS4-ECDSA-P256-SHA256`): signatures valid in a set of regions, which S3
//! multi-Region access points and other global endpoints require. Feature `sigv4a`.
//!
//! SigV4a signs the same canonical request as SigV4, with three differences: the algorithm is
//! `AWS4-ECDSA-P256-SHA256`, the credential scope has no region (`YYYYMMDD/service/aws4_request`)
//! and the regions go in a signed `X-Amz-Region-Set` header or query parameter; the signature is
//! an ECDSA P-256 signature (DER, hex) over the SHA-256 of the string to sign, made with a key
//! derived from the access key pair ([`SigningKey`]).

mod key;
mod region_set;
mod sign;

pub use key::{Signature, SigningKey, VerifyingKey};
pub use region_set::{RegionSet, MAX_REGION_SET_LEN};
pub use sign::{presign, presign_with_details, sign, sign_with_details, SigningParams};

/// The SigV4a algorithm name.
pub const ALGORITHM: &str = "AWS4-ECDSA-P256-SHA256";
