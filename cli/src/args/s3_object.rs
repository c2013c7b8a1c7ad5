//! The S3 object argument (`s3://BUCKET/KEY`) and the S3 method option.

use presign::s3::Method;

/// A bucket and the key exactly as typed.
#[derive(Clone, Debug)]
pub struct S3Target {
    pub bucket: String,
    /// `None` for `s3://BUCKET` and `s3://BUCKET/`.
    pub key: Option<String>,
}

/// Splits `s3://BUCKET/KEY` at the first `/` after the bucket; nothing else is parsed, decoded
/// or normalized.
pub fn parse_s3_url(s: &str) -> Result<S3Target, String> {
    let rest = s
        .strip_prefix("s3://")
        .or_else(|| s.strip_prefix("S3://"))
        .ok_or_else(|| format!("\"{s}\" is not an S3 URL: write s3://BUCKET/KEY (or use `presign url` for other URLs)"))?;
    let (bucket, key) = match rest.split_once('/') {
        Some((b, k)) => (b, (!k.is_empty()).then(|| k.to_string())),
        None => (rest, None),
    };
    if bucket.is_empty() {
        return Err(format!("\"{s}\" has no bucket: write s3://BUCKET/KEY"));
    }
    Ok(S3Target {
        bucket: bucket.to_string(),
        key,
    })
}

/// Parses an S3 method, in any case.
pub fn parse_s3_method(s: &str) -> Result<Method, String> {
    Method::parse(&s.to_ascii_uppercase())
        .ok_or_else(|| format!("\"{s}\" is not one of GET, PUT, DELETE, HEAD, POST"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s3_urls_split_once() {
        let t = parse_s3_url("s3://b/a/../c").unwrap();
        assert_eq!((t.bucket.as_str(), t.key.as_deref()), ("b", Some("a/../c")));
        let t = parse_s3_url("s3://b///x").unwrap();
        assert_eq!(t.key.as_deref(), Some("//x"));
        let t = parse_s3_url("s3://b/a%20b?x#y").unwrap();
        assert_eq!(t.key.as_deref(), Some("a%20b?x#y"));
        assert_eq!(parse_s3_url("s3://b").unwrap().key, None);
        assert_eq!(parse_s3_url("s3://b/").unwrap().key, None);
        assert!(parse_s3_url("s3:///k").is_err());
        assert!(parse_s3_url("https://b/k").is_err());
    }
}
