//! The argument of `explain` and `verify`: a presigned URL, a database token (a presigned URL
//! without its `https://`) or an EKS token (`k8s-aws-v1.` and the base64url of a URL).

use crate::base64url;

/// What an EKS token starts with (`aws eks get-token`).
pub const EKS_TOKEN_PREFIX: &str = "k8s-aws-v1.";

/// The URL inside `input` (a presigned URL, a database token without its `https://`, or an EKS
/// token), and what kind of input it was.
pub fn normalize(input: &str) -> std::result::Result<(String, &'static str), String> {
    let input = input.trim();
    if let Some(b64) = input.strip_prefix(EKS_TOKEN_PREFIX) {
        let bytes =
            base64url::decode(b64).ok_or("the EKS token's base64url payload does not decode")?;
        let url = String::from_utf8(bytes).map_err(|_| "the EKS token does not decode to a URL")?;
        Ok((
            url,
            "EKS token (k8s-aws-v1): a presigned STS GetCallerIdentity URL",
        ))
    } else if !input.contains("://") {
        Ok((
            format!("https://{input}"),
            "database auth token (a presigned URL without its https://)",
        ))
    } else {
        Ok((input.to_string(), "presigned URL"))
    }
}
