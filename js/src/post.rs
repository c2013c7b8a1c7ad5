//! `presigner.presignPost(bucket, {...})`: a signed POST policy for browser form uploads.

use crate::presigner::RawPresigner;
use crate::wire::{self, Failure};
use alloc::string::String;
use presign::s3::PostPolicy;
use wasm_bindgen::prelude::*;

fn apply<'a>(mut policy: PostPolicy<'a>, opts: &str) -> Result<PostPolicy<'a>, Failure> {
    for field in wire::fields(opts) {
        let (name, value) = field?;
        policy = match name {
            "key" => policy.key(value),
            "keyStartsWith" => policy.key_starts_with(value),
            // `MIN MAX`, applied in place, so conditions keep the order of the options.
            "contentLengthRange" => match value.split_once(' ') {
                Some((min, max)) => policy
                    .content_length_range(wire::integer(name, min)?, wire::integer(name, max)?),
                None => return Err(Failure::option(name, "needs [min, max] (bytes)")),
            },
            "contentType" => policy.content_type(value),
            "contentTypeStartsWith" => policy.content_type_starts_with(value),
            "acl" => policy.acl(value),
            "successActionStatus" => policy.success_action_status(wire::integer(name, value)?),
            "successActionRedirect" => policy.success_action_redirect(value),
            "cacheControl" => policy.cache_control(value),
            "contentDisposition" => policy.content_disposition(value),
            "contentEncoding" => policy.content_encoding(value),
            "tagging" => policy.tagging(value),
            "serverSideEncryption" => policy.server_side_encryption(value),
            "sseKmsKeyId" => policy.sse_kms_key_id(value),
            "checksumAlgorithm" => policy.checksum_algorithm(value),
            "checksumCrc32" => policy.checksum("crc32", value),
            "checksumCrc32c" => policy.checksum("crc32c", value),
            "checksumCrc64nvme" => policy.checksum("crc64nvme", value),
            "checksumSha1" => policy.checksum("sha1", value),
            "checksumSha256" => policy.checksum("sha256", value),
            _ => {
                if let Some(m) = name.strip_prefix("metadata:") {
                    policy.metadata(m, value)
                } else if let Some(m) = name.strip_prefix("metadataStartsWith:") {
                    policy.metadata_starts_with(m, value)
                } else if let Some(f) = name.strip_prefix("field:") {
                    policy.field(f, value)
                } else if let Some(f) = name.strip_prefix("fieldStartsWith:") {
                    policy.field_starts_with(f, value)
                } else {
                    return Err(Failure::option(name, "is not an option of presignPost()"));
                }
            }
        };
    }
    Ok(policy)
}

#[wasm_bindgen]
impl RawPresigner {
    /// Signs a POST policy for the selected bucket. Returns the form URL, then `f` records
    /// (the form fields in order), `c` records (fields the form must fill in, with the prefix
    /// their value must start with) and `x` (expiry, Unix seconds).
    pub fn post(&self, opts: &str, time: f64, expires_in: f64) -> String {
        let run = || -> Result<String, Failure> {
            let time = wire::timestamp(time)?;
            let expires_in = wire::seconds("expiresIn", expires_in)?;
            let policy = PostPolicy::new(self.selected()?).expires_in(expires_in);
            let post = apply(policy, opts)?.sign(self.credentials(), time)?;
            let mut out = post.url.clone();
            for (name, value) in &post.fields {
                wire::record(&mut out, "f", &[name, value]);
            }
            for (name, prefix) in post.caller_fields() {
                wire::record(&mut out, "c", &[name, prefix]);
            }
            wire::record(&mut out, "x", &[&wire::unix(post.expires_at)]);
            Ok(out)
        };
        wire::result(run())
    }
}
