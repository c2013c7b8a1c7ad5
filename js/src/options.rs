//! S3 operation options, by their JavaScript names, applied to an [`S3Request`] through the
//! library's own setters (so the JS package and the Rust API sign the same bytes).
//!
//! The wrapper turns `{ contentType: "image/png", metadata: { a: "1" } }` into the records
//! `contentType NUL image/png NUL metadata:a NUL 1`; maps become `prefix:name` records.

use crate::wire::{self, Failure};
use presign::s3::S3Request;

/// The SSE-C triple, which the library takes in one call.
#[derive(Default)]
struct SseC<'a> {
    algorithm: Option<&'a str>,
    key: Option<&'a str>,
    key_md5: Option<&'a str>,
}

/// Applies the option records in `opts` to `req`.
///
/// # Errors
/// An unknown option name, or a value of the wrong type. Invalid values (a bad header value, a
/// reserved header) are kept by the request and reported when it is presigned.
pub fn apply<'a>(mut req: S3Request<'a>, opts: &'a str) -> Result<S3Request<'a>, Failure> {
    let mut sse_c = SseC::default();
    for field in wire::fields(opts) {
        let (name, value) = field?;
        req = match name {
            "versionId" => req.version_id(value),
            "responseContentType" => req.response_content_type(value),
            "responseContentDisposition" => req.response_content_disposition(value),
            "responseCacheControl" => req.response_cache_control(value),
            "responseContentEncoding" => req.response_content_encoding(value),
            "responseContentLanguage" => req.response_content_language(value),
            "responseExpires" => req.response_expires(value),
            "range" => req.range(value),
            "partNumber" => req.part_number(wire::integer(name, value)?),
            "contentType" => req.content_type(value),
            "contentLength" => req.content_length(wire::integer(name, value)?),
            "contentMd5" => req.content_md5(value),
            "cacheControl" => req.cache_control(value),
            "contentDisposition" => req.content_disposition(value),
            "contentEncoding" => req.content_encoding(value),
            "acl" => req.acl(value),
            "serverSideEncryption" => req.server_side_encryption(value),
            "sseKmsKeyId" => req.sse_kms_key_id(value),
            "sseCustomerAlgorithm" => {
                sse_c.algorithm = Some(value);
                req
            }
            "sseCustomerKey" => {
                sse_c.key = Some(value);
                req
            }
            "sseCustomerKeyMd5" => {
                sse_c.key_md5 = Some(value);
                req
            }
            "storageClass" => req.storage_class(value),
            "tagging" => req.tagging(value),
            "checksumCrc32" => req.checksum("crc32", value),
            "checksumCrc32c" => req.checksum("crc32c", value),
            "checksumCrc64nvme" => req.checksum("crc64nvme", value),
            "checksumSha1" => req.checksum("sha1", value),
            "checksumSha256" => req.checksum("sha256", value),
            "prefix" => req.prefix(value),
            "delimiter" => req.delimiter(value),
            "maxKeys" => req.max_keys(wire::integer(name, value)?),
            "continuationToken" => req.continuation_token(value),
            "startAfter" => req.start_after(value),
            "clampExpiry" => req.clamp_expiry_to_credentials(wire::flag(name, value)?),
            "denyWarnings" => req.deny_warnings(wire::flag(name, value)?),
            "downloadAs" => req.download_as(value),
            _ => {
                if let Some(meta) = name.strip_prefix("metadata:") {
                    req.metadata(meta, value)
                } else if let Some(header) = name.strip_prefix("header:") {
                    req.header(header, value)
                } else if let Some(param) = name.strip_prefix("query:") {
                    req.query(param, value)
                } else {
                    return Err(Failure::option(name, "is not an option of S3 operations"));
                }
            }
        };
    }
    match sse_c {
        SseC {
            algorithm: None,
            key: None,
            key_md5: None,
        } => {}
        SseC {
            algorithm: Some(a),
            key: Some(k),
            key_md5: Some(m),
        } => req = req.sse_customer_key(a, k, m),
        _ => {
            return Err(Failure::option(
                "sseCustomerKey",
                "needs algorithm, key and keyMd5 together",
            ))
        }
    }
    Ok(req)
}
