//! Feature `http`: the `http` crate's types in and out. Sign an `http::Request` in place, convert
//! methods both ways, and get the headers a client must send as a `HeaderMap`.

use crate::sigv4::{self, Payload, Presigned, Signed, SigningParams};
use crate::{Error, Method};
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use http::header::{HeaderMap, HeaderName, HeaderValue};

impl From<&Method> for http::Method {
    fn from(m: &Method) -> http::Method {
        match m.as_str() {
            "GET" => http::Method::GET,
            "PUT" => http::Method::PUT,
            "POST" => http::Method::POST,
            "HEAD" => http::Method::HEAD,
            "DELETE" => http::Method::DELETE,
            "PATCH" => http::Method::PATCH,
            "OPTIONS" => http::Method::OPTIONS,
            // An upper-case token (`Method` checks it) is always a valid `http::Method`.
            other => http::Method::from_bytes(other.as_bytes())
                .expect("an upper-case HTTP token is a valid http::Method"),
        }
    }
}

impl From<Method> for http::Method {
    fn from(m: Method) -> http::Method {
        http::Method::from(&m)
    }
}

impl From<crate::s3::Method> for http::Method {
    fn from(m: crate::s3::Method) -> http::Method {
        http::Method::from(&Method::from(m))
    }
}

impl TryFrom<&http::Method> for Method {
    type Error = Error;
    /// # Errors
    /// [`Error::InvalidMethod`] for an extension method that is not upper case (SigV4 signs the
    /// method exactly as sent).
    fn try_from(m: &http::Method) -> Result<Method, Error> {
        Method::new(m.as_str())
    }
}

impl TryFrom<http::Method> for Method {
    type Error = Error;
    /// # Errors
    /// As for `&http::Method`.
    fn try_from(m: http::Method) -> Result<Method, Error> {
        Method::try_from(&m)
    }
}

/// `(name, value)` pairs as a `HeaderMap`. The signer has already refused names and values
/// that HTTP cannot carry, so this only fails on pairs that did not come from it.
fn header_map(headers: &[(String, String)]) -> Result<HeaderMap, Error> {
    let mut map = HeaderMap::with_capacity(headers.len());
    for (name, value) in headers {
        let n = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::InvalidHeaderName { name: name.clone() })?;
        let v = HeaderValue::from_str(value)
            .map_err(|_| Error::InvalidHeaderValue { name: name.clone() })?;
        map.append(n, v);
    }
    Ok(map)
}

impl Presigned {
    /// The headers the client must send, as a `HeaderMap` (feature `http`).
    ///
    /// ```
    /// use presign::s3::{Bucket, Endpoint};
    /// use presign::{Credentials, Timestamp};
    ///
    /// let creds = Credentials::new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")?;
    /// let bucket = Bucket::new(Endpoint::aws("eu-west-1")?, "my-uploads")?;
    /// let now = Timestamp::parse_rfc3339("2026-11-23T12:00:00Z")?;
    /// let upload = bucket.put_object("cat.png").content_type("image/png").presign(&creds, now, 900)?;
    /// let headers = upload.header_map()?;
    /// assert_eq!(headers["content-type"], "image/png");
    /// assert_eq!(http::Method::from(&upload.method), http::Method::PUT);
    /// # Ok::<(), presign::Error>(())
    /// ```
    ///
    /// # Errors
    /// Only for headers that were not produced by this crate's signer.
    pub fn header_map(&self) -> Result<HeaderMap, Error> {
        header_map(&self.headers)
    }
}

impl Signed {
    /// Every header to send but `Host`, as a `HeaderMap` (feature `http`).
    ///
    /// # Errors
    /// Only for headers that were not produced by this crate's signer.
    pub fn header_map(&self) -> Result<HeaderMap, Error> {
        header_map(&self.headers)
    }
}

/// Signs an `http::Request` in place with an `Authorization` header (feature `http`): its
/// method, URI and every header it carries are signed, then `x-amz-date`, the payload hash
/// (`x-amz-content-sha256`, when [`SigningParams::content_sha256_header`] asks for it, as S3
/// does), the session token and `authorization` are added.
///
/// The host is the URI's authority, or the `Host` header when the URI has none (origin form);
/// `http` or `https` comes from the URI (https when it has none). The query is signed decoded
/// and written back as the signature encodes it, so the URI may change (e.g. `+` becomes `%2B`):
/// send the request as it is afterwards. The body is not read (the library does no I/O): pass
/// its hash, its bytes or [`Payload::Unsigned`] as `payload`.
///
/// Returns what [`sigv4::sign`] returns.
///
/// ```
/// use presign::sigv4::{self, Payload, SigningParams};
/// use presign::{Credentials, Timestamp};
///
/// let creds = Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")?;
/// let params = SigningParams::new(&creds, "us-east-1", "service", Timestamp::parse_amz_date("20150830T123600Z")?);
/// let mut request = http::Request::get("https://example.amazonaws.com/?Param1=value1").body(())?;
/// sigv4::sign_http_request(&mut request, Payload::Empty, &params)?;
/// assert_eq!(request.headers()["x-amz-date"], "20150830T123600Z");
/// assert_eq!(
///     request.headers()["authorization"],
///     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, \
///      SignedHeaders=host;x-amz-date, \
///      Signature=a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`sigv4::sign`], plus [`Error::InvalidHost`] when neither the URI nor a `Host` header
/// names the host, and [`Error::InvalidHeaderValue`] for a header value that is not UTF-8.
pub fn sign_http_request<B>(
    request: &mut http::Request<B>,
    payload: Payload<'_>,
    params: &SigningParams<'_>,
) -> Result<Signed, Error> {
    let uri = request.uri().clone();
    let host_header = request.headers().get(http::header::HOST);
    let host = match uri.authority() {
        Some(a) => a.as_str().to_string(),
        None => match host_header.map(HeaderValue::to_str) {
            Some(Ok(h)) => h.to_string(),
            _ => {
                return Err(Error::InvalidHost {
                    host: String::new(),
                })
            }
        },
    };
    let mut headers: Vec<(&str, &str)> = Vec::with_capacity(request.headers().len());
    for (name, value) in request.headers() {
        if name == http::header::HOST {
            continue;
        }
        let value = value.to_str().map_err(|_| Error::InvalidHeaderValue {
            name: name.as_str().to_string(),
        })?;
        headers.push((name.as_str(), value));
    }
    let pairs: Vec<(String, String)> = uri.query().map(decode_query).unwrap_or_default();
    let method = Method::try_from(request.method())?;
    let mut req = sigv4::Request::new(method.as_str(), &host, uri.path()).payload(payload);
    if uri.scheme_str() == Some("http") {
        req = req.scheme("http");
    }
    for (n, v) in &pairs {
        req = req.query(n, v);
    }
    req.headers = headers;
    let signed = sigv4::sign(&req, params)?;

    let added: Vec<(HeaderName, HeaderValue)> = signed
        .headers
        .iter()
        .filter(|(n, _)| !request.headers().contains_key(n.as_str()))
        .map(|(n, v)| {
            let name = HeaderName::from_bytes(n.as_bytes())
                .map_err(|_| Error::InvalidHeaderName { name: n.clone() })?;
            let value = HeaderValue::from_str(v)
                .map_err(|_| Error::InvalidHeaderValue { name: n.clone() })?;
            Ok((name, value))
        })
        .collect::<Result<_, Error>>()?;
    let new_uri = if uri.authority().is_some() {
        signed.url.as_str()
    } else {
        let after_scheme = signed.url.find("://").map_or(0, |i| i + 3);
        let path_start = signed.url[after_scheme..]
            .find('/')
            .map_or(signed.url.len(), |i| after_scheme + i);
        &signed.url[path_start..]
    };
    let new_uri: http::Uri = new_uri.parse().map_err(|_| Error::InvalidPath {
        reason: "the signed URL is not a valid http::Uri",
    })?;
    for (name, value) in added {
        request.headers_mut().insert(name, value);
    }
    *request.uri_mut() = new_uri;
    Ok(signed)
}

/// A raw query split into decoded pairs (`+` stays `+`: SigV4 queries are not form-encoded).
fn decode_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (n, v) = p.split_once('=').unwrap_or((p, ""));
            let text = |s: &str| crate::encoding::decode_lossy(s).into_owned();
            (text(n), text(v))
        })
        .collect()
}
