//! An S3 request to presign: method, key, query, headers and options, with the header contract.

use super::key::validate_key;
use super::method::Method;
use crate::canonical::{validate_header_name, validate_header_value};
use crate::s3::{Bucket, Presigner};
use crate::sigv4::{is_auth_param, Presigned, SigningDetails};
use crate::{content_disposition, encoding, warnings, Seconds};
use crate::{Credentials, Error, Timestamp, Warning};
use alloc::borrow::Cow;
use alloc::format;
use alloc::vec::Vec;
use core::fmt;

const SSE_C_KEY: &str = "x-amz-server-side-encryption-customer-key";

/// A presignable S3 request: an operation on a bucket or an object, with the query parameters and
/// headers it signs. Build one with [`Bucket`]'s operation methods (or [`Bucket::request`] for
/// anything else), refine it with the setters, then presign it.
///
/// Setters never fail: the first invalid input is kept and returned by `presign`.
#[derive(Clone)]
pub struct S3Request<'a> {
    pub(crate) bucket: &'a Bucket,
    pub(crate) method: Method,
    pub(crate) key: Option<&'a str>,
    pub(crate) query: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    pub(crate) headers: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    pub(crate) clamp: bool,
    pub(crate) deny_warnings: bool,
    pub(crate) error: Option<Error>,
}

impl fmt::Debug for S3Request<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| (&**n, if n == SSE_C_KEY { "<redacted>" } else { &**v }))
            .collect();
        f.debug_struct("S3Request")
            .field("bucket", &self.bucket.name())
            .field("method", &self.method)
            .field("key", &self.key)
            .field("query", &self.query)
            .field("headers", &headers)
            .finish()
    }
}

impl<'a> S3Request<'a> {
    pub(crate) fn new(bucket: &'a Bucket, method: Method, key: Option<&'a str>) -> Self {
        let mut r = S3Request {
            bucket,
            method,
            key,
            query: Vec::new(),
            headers: Vec::new(),
            clamp: false,
            deny_warnings: false,
            error: None,
        };
        if let Some(k) = key {
            if let Err(e) = validate_key(k) {
                r.error = Some(e);
            }
        }
        r
    }

    fn fail(&mut self, e: Error) {
        if self.error.is_none() {
            self.error = Some(e);
        }
    }

    /// Adds a query parameter (decoded name and value), signed into the URL.
    pub fn query(mut self, name: impl Into<Cow<'a, str>>, value: impl Into<Cow<'a, str>>) -> Self {
        let name = name.into();
        if name.is_empty() {
            self.fail(Error::InvalidQueryParameter {
                reason: "a query parameter name is empty",
            });
        } else if is_auth_param(&name) {
            self.fail(Error::InvalidQueryParameter { reason: "X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders, -Security-Token and -Signature are set by the signer: remove them" });
        }
        self.query.push((name, value.into()));
        self
    }

    /// Adds a header the client must send (signed). Names are lower-cased; a name given twice is
    /// an error (clients merge repeated headers, which breaks the signature).
    pub fn header(mut self, name: impl Into<Cow<'a, str>>, value: impl Into<Cow<'a, str>>) -> Self {
        let mut name = name.into();
        let value = value.into();
        if let Err(e) =
            validate_header_name(&name).and_then(|()| validate_header_value(&name, &value))
        {
            self.fail(e);
            return self;
        }
        if name.bytes().any(|b| b.is_ascii_uppercase()) {
            name = Cow::Owned(name.to_ascii_lowercase());
        }
        if matches!(
            &*name,
            "host"
                | "authorization"
                | "x-amz-date"
                | "x-amz-security-token"
                | "x-amz-content-sha256"
        ) {
            self.fail(Error::ReservedHeader {
                name: name.into_owned(),
            });
            return self;
        }
        if self.headers.iter().any(|(n, _)| *n == name) {
            self.fail(Error::DuplicateHeader {
                name: name.into_owned(),
            });
            return self;
        }
        self.headers.push((name, value));
        self
    }

    /// When the credentials expire before the URL would, shorten the URL's lifetime to theirs
    /// instead of refusing to sign.
    pub fn clamp_expiry_to_credentials(mut self, clamp: bool) -> Self {
        self.clamp = clamp;
        self
    }

    /// With `true`, presigning fails with [`Error::ClientHazard`] instead of returning a
    /// result whose [`warnings`](Presigned::warnings) are not empty: for callers who would rather
    /// not hand out a URL a browser or curl is known to break.
    pub fn deny_warnings(mut self, deny: bool) -> Self {
        self.deny_warnings = deny;
        self
    }

    /// What common clients are known to break about this request (the
    /// [`warnings`](Presigned::warnings) its presign carries): `.`/`..` key segments, non-ASCII
    /// `response-*` overrides or header values, headers browsers cannot set, a Content-Type
    /// charset `XMLHttpRequest` rewrites. [`Presigner::presign_into`] does not compute them.
    pub fn warnings(&self) -> Vec<Warning> {
        let mut out = Vec::new();
        if let Some(key) = self.key {
            // A segment can only be a dot segment where one starts with a dot: most keys are
            // decided by one scan (this runs per batch line); check_path decides on the path.
            if key.starts_with('.') || key.contains("/.") {
                let mut path = alloc::string::String::from(self.bucket.path_prefix());
                path.push('/');
                encoding::encode_str_into(&mut path, key, encoding::Component::Path);
                warnings::check_path(&path, &mut out);
            }
        }
        for (name, value) in &self.query {
            warnings::check_s3_query(name, value, &mut out);
        }
        for (name, value) in &self.headers {
            warnings::check_header(name, value, &mut out);
        }
        out
    }

    /// The method.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The object key, if any.
    pub fn key(&self) -> Option<&str> {
        self.key
    }

    /// The bucket.
    pub fn bucket(&self) -> &Bucket {
        self.bucket
    }

    /// The headers the client must send, as given.
    pub fn headers(&self) -> impl Iterator<Item = (&str, &str)> {
        self.headers.iter().map(|(n, v)| (&**n, &**v))
    }

    /// The query parameters, decoded.
    pub fn query_params(&self) -> impl Iterator<Item = (&str, &str)> {
        self.query.iter().map(|(n, v)| (&**n, &**v))
    }

    /// Presigns the request, valid for `expires_in` seconds (1..=604800) from `time`.
    ///
    /// # Errors
    /// The first invalid input given to the builder, an invalid expiry, or a URL that would
    /// outlive temporary credentials (unless clamped).
    pub fn presign(
        &self,
        credentials: &Credentials,
        time: Timestamp,
        expires_in: impl Seconds,
    ) -> Result<Presigned, Error> {
        let expires_in = expires_in.seconds();
        Presigner::new(credentials.clone()).presign(self, time, expires_in)
    }

    /// [`S3Request::presign`], also returning the canonical request and the string to sign.
    ///
    /// # Errors
    /// As [`S3Request::presign`].
    pub fn presign_with_details(
        &self,
        credentials: &Credentials,
        time: Timestamp,
        expires_in: impl Seconds,
    ) -> Result<(Presigned, SigningDetails), Error> {
        let expires_in = expires_in.seconds();
        Presigner::new(credentials.clone()).presign_with_details(self, time, expires_in)
    }

    // ---- GetObject / HeadObject ----

    /// `versionId`: a specific version of the object.
    pub fn version_id(self, id: impl Into<Cow<'a, str>>) -> Self {
        self.query("versionId", id)
    }
    /// `response-content-type`: the Content-Type S3 answers with.
    pub fn response_content_type(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.query("response-content-type", v)
    }
    /// `response-content-disposition`, e.g. `attachment; filename="report.pdf"`. For a file
    /// name use [`download_as`](S3Request::download_as) (or [`content_disposition`]): a raw
    /// non-ASCII name reaches browsers garbled.
    pub fn response_content_disposition(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.query("response-content-disposition", v)
    }
    /// `response-content-disposition` that makes browsers save the object as `file_name`, any
    /// Unicode included: [`content_disposition::attachment`] (an ASCII `filename` plus
    /// `filename*=UTF-8''...`, RFC 6266/8187).
    pub fn download_as(self, file_name: &str) -> Self {
        self.query(
            "response-content-disposition",
            content_disposition::attachment(file_name),
        )
    }
    /// `response-cache-control`.
    pub fn response_cache_control(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.query("response-cache-control", v)
    }
    /// `response-content-encoding`.
    pub fn response_content_encoding(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.query("response-content-encoding", v)
    }
    /// `response-content-language`.
    pub fn response_content_language(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.query("response-content-language", v)
    }
    /// `response-expires`.
    pub fn response_expires(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.query("response-expires", v)
    }
    /// A signed `Range` header, e.g. `bytes=0-9`: the client must send it.
    pub fn range(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.header("range", v)
    }

    // ---- PutObject (and CreateMultipartUpload) ----

    /// `Content-Type`: the uploader must send exactly this value.
    pub fn content_type(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.header("content-type", v)
    }
    /// `Content-Length`: pins the upload's size.
    pub fn content_length(self, n: u64) -> Self {
        self.header("content-length", format!("{n}"))
    }
    /// `Content-MD5` (base64 of the MD5 digest).
    pub fn content_md5(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.header("content-md5", v)
    }
    /// `Cache-Control`.
    pub fn cache_control(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.header("cache-control", v)
    }
    /// `Content-Disposition`.
    pub fn content_disposition(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.header("content-disposition", v)
    }
    /// `Content-Encoding`.
    pub fn content_encoding(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.header("content-encoding", v)
    }
    /// `x-amz-meta-NAME: value` user metadata (the name is lower-cased, as S3 stores it).
    pub fn metadata(self, name: &str, value: impl Into<Cow<'a, str>>) -> Self {
        self.header(format!("x-amz-meta-{name}"), value)
    }
    /// `x-amz-acl`, e.g. `private`, `public-read`.
    pub fn acl(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.header("x-amz-acl", v)
    }
    /// `x-amz-server-side-encryption`: `AES256`, `aws:kms` or `aws:kms:dsse`.
    pub fn server_side_encryption(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.header("x-amz-server-side-encryption", v)
    }
    /// `x-amz-server-side-encryption-aws-kms-key-id`.
    pub fn sse_kms_key_id(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.header("x-amz-server-side-encryption-aws-kms-key-id", v)
    }
    /// SSE-C: algorithm (`AES256`), base64 key and base64 MD5 of the key. The key is redacted
    /// from this request's `Debug`, but the client must send it, so it is among the headers.
    pub fn sse_customer_key(
        self,
        algorithm: impl Into<Cow<'a, str>>,
        key_base64: impl Into<Cow<'a, str>>,
        key_md5_base64: impl Into<Cow<'a, str>>,
    ) -> Self {
        self.header("x-amz-server-side-encryption-customer-algorithm", algorithm)
            .header(SSE_C_KEY, key_base64)
            .header(
                "x-amz-server-side-encryption-customer-key-md5",
                key_md5_base64,
            )
    }
    /// `x-amz-storage-class`, e.g. `STANDARD_IA`.
    pub fn storage_class(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.header("x-amz-storage-class", v)
    }
    /// `x-amz-tagging`, URL-query encoded (`k1=v1&k2=v2`).
    pub fn tagging(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.header("x-amz-tagging", v)
    }
    /// `x-amz-checksum-ALGORITHM: value` (`crc32`, `crc32c`, `crc64nvme`, `sha1`, `sha256`), base64.
    pub fn checksum(self, algorithm: &str, value_base64: impl Into<Cow<'a, str>>) -> Self {
        self.header(
            format!("x-amz-checksum-{}", algorithm.to_ascii_lowercase()),
            value_base64,
        )
    }

    // ---- multipart ----

    /// `partNumber` (UploadPart, or GetObject of one part).
    pub fn part_number(self, n: u32) -> Self {
        self.query("partNumber", format!("{n}"))
    }
    /// `uploadId`.
    pub fn upload_id(self, id: impl Into<Cow<'a, str>>) -> Self {
        self.query("uploadId", id)
    }

    // ---- ListObjectsV2 ----

    /// `prefix`.
    pub fn prefix(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.query("prefix", v)
    }
    /// `delimiter`.
    pub fn delimiter(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.query("delimiter", v)
    }
    /// `max-keys`.
    pub fn max_keys(self, n: u32) -> Self {
        self.query("max-keys", format!("{n}"))
    }
    /// `continuation-token`.
    pub fn continuation_token(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.query("continuation-token", v)
    }
    /// `start-after`.
    pub fn start_after(self, v: impl Into<Cow<'a, str>>) -> Self {
        self.query("start-after", v)
    }
}
