//! A real S3-compatible server for end-to-end tests: s3s-fs 0.14.1 on 127.0.0.1, and a tiny
//! HTTP/1.1 client to talk to it. std only.
//!
//! Use it from a test crate with
//!
//! ```ignore
//! #[path = "common/s3s.rs"]
//! mod s3s;
//!
//! let Some(server) = s3s::S3sServer::start_or_skip(&["bkt"]) else { return };
//! let r = s3s::http::request("GET", &server.host(), "/bkt/key", &[], b"");
//! ```
//!
//! The binary is `$S3S_FS`, or `${PRESIGN_TOOLS:-$HOME/.cache/presign-tools}/bin/s3s-fs` as
//! installed by `.ci/install-s3s-fs.sh`. When it is missing the tests fail and say so, unless
//! `PRESIGN_SKIP_E2E=1`, which turns the failure into a loud skip line.
//!
//! Every server gets a free port, its own data directory under `std::env::temp_dir()` (one
//! folder per bucket) and the fixed credentials [`ACCESS_KEY`] / [`SECRET_KEY`]. Dropping the
//! [`S3sServer`] kills the child (by its PID, through `Child::kill`) and removes the directory.

#![allow(dead_code)]

use std::fs;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The access key every server accepts.
pub const ACCESS_KEY: &str = "AKIDPRESIGNE2ETEST01";
/// The secret key of [`ACCESS_KEY`].
pub const SECRET_KEY: &str = "presign/e2e+SecretKey/0123456789abcdefXYZ";

/// How long a server may take to accept connections.
const START_TIMEOUT: Duration = Duration::from_secs(20);
/// How many times a start is retried (with a new port) when s3s-fs exits early.
const START_ATTEMPTS: usize = 5;

/// Serializes the port choice and start-up within one test binary, so that two tests starting
/// servers at once cannot pick the same port.
static START_LOCK: Mutex<()> = Mutex::new(());
static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Where the s3s-fs binary should be, and whether it is there.
pub fn binary() -> (PathBuf, bool) {
    if let Some(p) = std::env::var_os("S3S_FS").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        let ok = p.is_file();
        return (p, ok);
    }
    let root = match std::env::var_os("PRESIGN_TOOLS").filter(|p| !p.is_empty()) {
        Some(r) => PathBuf::from(r),
        None => {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cache/presign-tools")
        }
    };
    let p = root.join("bin/s3s-fs");
    let ok = p.is_file();
    (p, ok)
}

/// A running s3s-fs. Killed, and its data removed, on drop.
pub struct S3sServer {
    child: Child,
    port: u16,
    /// The per-server directory: `data/` (the s3s-fs root) and `s3s-fs.log`.
    dir: PathBuf,
}

impl S3sServer {
    /// Starts a server with these buckets (empty folders under its root).
    ///
    /// # Panics
    /// When the binary is missing (the message says to run `.ci/install-s3s-fs.sh`), even with
    /// `PRESIGN_SKIP_E2E=1` (use [`S3sServer::start_or_skip`] to honour it), or when the server
    /// does not come up.
    pub fn start(buckets: &[&str]) -> S3sServer {
        let (bin, ok) = binary();
        assert!(ok, "{}", missing_message(&bin));
        Self::start_with(&bin, buckets)
    }

    /// As [`S3sServer::start`], but when the binary is missing and `PRESIGN_SKIP_E2E=1` is set,
    /// prints a loud skip line and returns `None` (the test should then return early).
    pub fn start_or_skip(buckets: &[&str]) -> Option<S3sServer> {
        let (bin, ok) = binary();
        if !ok {
            if std::env::var("PRESIGN_SKIP_E2E").as_deref() == Ok("1") {
                eprintln!("\n!!!!!!!! SKIPPED e2e test: s3s-fs not found at {} and PRESIGN_SKIP_E2E=1 !!!!!!!!\n", bin.display());
                return None;
            }
            panic!("{}", missing_message(&bin));
        }
        Some(Self::start_with(&bin, buckets))
    }

    fn start_with(bin: &Path, buckets: &[&str]) -> S3sServer {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "presign-e2e-{}-{n}-{nanos:08x}",
            std::process::id()
        ));
        let data = dir.join("data");
        fs::create_dir_all(&data).unwrap_or_else(|e| panic!("creating {}: {e}", data.display()));
        for b in buckets {
            fs::create_dir_all(data.join(b))
                .unwrap_or_else(|e| panic!("creating bucket folder {b}: {e}"));
        }
        let log_path = dir.join("s3s-fs.log");

        let _guard = START_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        let mut last_error = String::new();
        for _ in 0..START_ATTEMPTS {
            let port = match free_port() {
                Ok(p) => p,
                Err(e) => {
                    last_error = format!("finding a free port: {e}");
                    continue;
                }
            };
            let log = fs::File::create(&log_path)
                .unwrap_or_else(|e| panic!("creating {}: {e}", log_path.display()));
            let log2 = log.try_clone().expect("log file handle");
            let spawned = Command::new(bin)
                .arg("--host")
                .arg("127.0.0.1")
                .arg("--port")
                .arg(port.to_string())
                .arg("--access-key")
                .arg(ACCESS_KEY)
                .arg("--secret-key")
                .arg(SECRET_KEY)
                .arg("--domain")
                .arg(format!("localhost:{port}"))
                .arg("--domain")
                .arg(format!("127.0.0.1:{port}"))
                .arg(&data)
                .env_remove("RUST_LOG")
                .stdin(Stdio::null())
                .stdout(log)
                .stderr(log2)
                .spawn();
            let child = match spawned {
                Ok(c) => c,
                Err(e) => {
                    let _ = fs::remove_dir_all(&dir);
                    panic!("starting {}: {e}", bin.display());
                }
            };
            // From here on the guard owns the child: any panic kills it.
            let mut server = S3sServer {
                child,
                port,
                dir: dir.clone(),
            };
            match server.wait_ready() {
                Ok(()) => return server,
                Err(e) => {
                    last_error = format!(
                        "port {port}: {e}; log: {}",
                        fs::read_to_string(&log_path).unwrap_or_default().trim()
                    );
                    server.stop_child();
                    // Keep the directory for the next attempt.
                    std::mem::forget(server);
                }
            }
        }
        let _ = fs::remove_dir_all(&dir);
        panic!("s3s-fs did not start after {START_ATTEMPTS} attempts: {last_error}");
    }

    /// Waits (bounded) until the port answers HTTP and the child is still ours and alive.
    fn wait_ready(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + START_TIMEOUT;
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
        loop {
            if let Some(status) = self.child.try_wait().map_err(|e| e.to_string())? {
                return Err(format!("s3s-fs exited early with {status}"));
            }
            if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                // Something listens. Make sure it is an S3 server (an anonymous request is
                // refused with an S3 error document) and that our child did not die because
                // another process holds the port.
                let r = http::try_request_to(self.port, "GET", &self.host(), "/", &[], b"")
                    .map_err(|e| format!("probe: {e}"))?;
                if let Some(status) = self.child.try_wait().map_err(|e| e.to_string())? {
                    return Err(format!(
                        "s3s-fs exited with {status} while another process answered on the port"
                    ));
                }
                if r.error_code().is_none() && r.status != 200 {
                    return Err(format!(
                        "the port answers, but not like s3s: {} {}",
                        r.status,
                        r.text()
                    ));
                }
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("no connection accepted within {START_TIMEOUT:?}"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn stop_child(&mut self) {
        // Child::kill sends SIGKILL to this child's PID only.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The port on 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The server's PID.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `127.0.0.1:PORT`: the Host of path-style requests.
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// `http://127.0.0.1:PORT`: the endpoint for path-style URLs.
    pub fn endpoint_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// `http://localhost:PORT`: the endpoint for virtual-hosted URLs (`bucket.localhost:PORT`).
    pub fn localhost_url(&self) -> String {
        format!("http://localhost:{}", self.port)
    }

    /// The access key the server accepts.
    pub fn access_key(&self) -> &'static str {
        ACCESS_KEY
    }

    /// Its secret key.
    pub fn secret_key(&self) -> &'static str {
        SECRET_KEY
    }

    /// The s3s-fs root (bucket folders live here).
    pub fn data_dir(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// What s3s-fs printed so far.
    pub fn log(&self) -> String {
        fs::read_to_string(self.dir.join("s3s-fs.log")).unwrap_or_default()
    }

    /// Sends a request to this server (see [`http::request_to`]).
    pub fn request(
        &self,
        method: &str,
        host_header: &str,
        path_and_query: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> http::Response {
        http::request_to(
            self.port,
            method,
            host_header,
            path_and_query,
            headers,
            body,
        )
    }
}

impl Drop for S3sServer {
    fn drop(&mut self) {
        self.stop_child();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

fn missing_message(bin: &Path) -> String {
    format!(
        "s3s-fs not found at {} (set S3S_FS to its path). Install it with `.ci/install-s3s-fs.sh`, \
         or set PRESIGN_SKIP_E2E=1 to skip the end-to-end tests.",
        bin.display()
    )
}

fn free_port() -> std::io::Result<u16> {
    let l = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(l.local_addr()?.port())
}

/// A minimal HTTP/1.1 client: one request per connection (`Connection: close`), bodies with
/// `Content-Length`, responses with `Content-Length`, chunked or close-delimited bodies. It only
/// ever connects to 127.0.0.1; the Host header is whatever the caller says.
pub mod http {
    use super::*;

    /// An HTTP response.
    #[derive(Clone, Debug)]
    pub struct Response {
        /// The status code.
        pub status: u16,
        /// The headers, names lower-cased, in order.
        pub headers: Vec<(String, String)>,
        /// The body (decoded from chunked transfer coding).
        pub body: Vec<u8>,
    }

    impl Response {
        /// The first header with this name (case-insensitive).
        pub fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        }

        /// The body as text (lossy).
        pub fn text(&self) -> String {
            String::from_utf8_lossy(&self.body).into_owned()
        }

        /// The text of the first `<tag>...</tag>` element in the body.
        pub fn xml_tag(&self, tag: &str) -> Option<String> {
            xml_tag(&self.text(), tag)
        }

        /// The S3 error code (`<Code>`), if the body is an error document.
        pub fn error_code(&self) -> Option<String> {
            let t = self.text();
            if !t.contains("<Error>") {
                return None;
            }
            xml_tag(&t, "Code")
        }

        /// The S3 error message (`<Message>`).
        pub fn error_message(&self) -> Option<String> {
            self.xml_tag("Message")
        }
    }

    /// The text of the first `<tag>...</tag>` in `xml` (no entity decoding).
    pub fn xml_tag(xml: &str, tag: &str) -> Option<String> {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let start = xml.find(&open)? + open.len();
        let end = start + xml[start..].find(&close)?;
        Some(xml[start..end].to_string())
    }

    /// Every `<tag>...</tag>` text in `xml`, in order.
    pub fn xml_tags(xml: &str, tag: &str) -> Vec<String> {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let mut out = Vec::new();
        let mut rest = xml;
        while let Some(i) = rest.find(&open) {
            rest = &rest[i + open.len()..];
            match rest.find(&close) {
                Some(j) => {
                    out.push(rest[..j].to_string());
                    rest = &rest[j + close.len()..];
                }
                None => break,
            }
        }
        out
    }

    /// Sends a request to 127.0.0.1 at the port of `host_header` (`name:PORT`).
    ///
    /// # Panics
    /// When the Host has no port or the exchange fails.
    pub fn request(
        method: &str,
        host_header: &str,
        path_and_query: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Response {
        let port = host_header
            .rsplit_once(':')
            .and_then(|(_, p)| p.parse::<u16>().ok())
            .unwrap_or_else(|| {
                panic!("the Host header {host_header:?} has no port: use request_to")
            });
        request_to(port, method, host_header, path_and_query, headers, body)
    }

    /// Sends a request to `127.0.0.1:port` with this Host header.
    ///
    /// `Content-Length` is added for PUT and POST and for any non-empty body, unless `headers`
    /// has one. `Host` and `Connection: close` are always sent; do not pass them.
    ///
    /// # Panics
    /// When the exchange fails.
    pub fn request_to(
        port: u16,
        method: &str,
        host_header: &str,
        path_and_query: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Response {
        try_request_to(port, method, host_header, path_and_query, headers, body).unwrap_or_else(
            |e| panic!("{method} http://{host_header}{path_and_query} (via 127.0.0.1:{port}): {e}"),
        )
    }

    /// Sends the request of a presigned URL (`http://HOST[:PORT]/path?query`) to 127.0.0.1 at
    /// the URL's port, with `Host: HOST[:PORT]`.
    ///
    /// # Panics
    /// When the URL is not `http://` with a port, or the exchange fails.
    pub fn send_url(method: &str, url: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
        let (host, path_and_query) = split_url(url);
        request(method, host, path_and_query, headers, body)
    }

    /// `http://host:port/path?q` → (`host:port`, `/path?q`).
    ///
    /// # Panics
    /// When the URL is not `http://`.
    pub fn split_url(url: &str) -> (&str, &str) {
        let rest = url
            .strip_prefix("http://")
            .unwrap_or_else(|| panic!("not an http:// URL: {url}"));
        match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        }
    }

    /// As [`request_to`], returning errors instead of panicking.
    pub fn try_request_to(
        port: u16,
        method: &str,
        host_header: &str,
        path_and_query: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<Response, String> {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))
            .map_err(|e| format!("connect: {e}"))?;
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .map_err(|e| e.to_string())?;
        stream
            .set_write_timeout(Some(Duration::from_secs(20)))
            .map_err(|e| e.to_string())?;
        let _ = stream.set_nodelay(true);

        let mut head = format!("{method} {path_and_query} HTTP/1.1\r\nHost: {host_header}\r\n");
        let mut has_length = false;
        for (name, value) in headers {
            assert!(
                !name.eq_ignore_ascii_case("host") && !name.eq_ignore_ascii_case("connection"),
                "the client sets {name} itself"
            );
            has_length |= name.eq_ignore_ascii_case("content-length");
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if !has_length && (!body.is_empty() || method == "PUT" || method == "POST") {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("Connection: close\r\n\r\n");
        stream
            .write_all(head.as_bytes())
            .map_err(|e| format!("write: {e}"))?;
        // The server may answer (e.g. 403) and close before reading a large body: a write error
        // after the head is not fatal as long as a response arrives.
        let write_err = stream.write_all(body).and_then(|()| stream.flush()).err();

        let mut raw = Vec::new();
        if let Err(e) = stream.read_to_end(&mut raw) {
            if raw.is_empty() {
                return Err(format!("read: {e} (write: {write_err:?})"));
            }
        }
        parse_response(&raw, method == "HEAD")
            .map_err(|e| format!("{e} (write: {write_err:?}; {} bytes received)", raw.len()))
    }

    fn parse_response(raw: &[u8], head_request: bool) -> Result<Response, String> {
        let end = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .ok_or("no end of headers in the response")?;
        let head = std::str::from_utf8(&raw[..end]).map_err(|_| "response head is not UTF-8")?;
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap_or_default();
        let mut parts = status_line.splitn(3, ' ');
        let version = parts.next().unwrap_or_default();
        if !version.starts_with("HTTP/1.") {
            return Err(format!("bad status line {status_line:?}"));
        }
        let status: u16 = parts
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("bad status line {status_line:?}"))?;
        let mut headers = Vec::new();
        for line in lines {
            let (n, v) = line
                .split_once(':')
                .ok_or_else(|| format!("bad header line {line:?}"))?;
            headers.push((n.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
        let rest = &raw[end + 4..];
        let find = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        let body = if head_request || status == 204 || status == 304 || (100..200).contains(&status)
        {
            Vec::new()
        } else if find("transfer-encoding")
            .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"))
        {
            decode_chunked(rest)?
        } else if let Some(len) = find("content-length") {
            let len: usize = len
                .parse()
                .map_err(|_| format!("bad content-length {len:?}"))?;
            if rest.len() < len {
                return Err(format!("body truncated: {} of {len} bytes", rest.len()));
            }
            rest[..len].to_vec()
        } else {
            rest.to_vec()
        };
        Ok(Response {
            status,
            headers,
            body,
        })
    }

    fn decode_chunked(mut data: &[u8]) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        loop {
            let eol = data
                .windows(2)
                .position(|w| w == b"\r\n")
                .ok_or("chunked body: no chunk size line")?;
            let line =
                std::str::from_utf8(&data[..eol]).map_err(|_| "chunked body: bad size line")?;
            let size_hex = line.split(';').next().unwrap_or_default().trim();
            let size = usize::from_str_radix(size_hex, 16)
                .map_err(|_| format!("chunked body: bad size {size_hex:?}"))?;
            data = &data[eol + 2..];
            if size == 0 {
                // Trailers, if any, are ignored.
                return Ok(out);
            }
            if data.len() < size + 2 {
                return Err("chunked body: truncated chunk".into());
            }
            out.extend_from_slice(&data[..size]);
            if &data[size..size + 2] != b"\r\n" {
                return Err("chunked body: chunk not followed by CRLF".into());
            }
            data = &data[size + 2..];
        }
    }

    #[test]
    fn parses_chunked_and_fixed_bodies() {
        let r = parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n", false).unwrap();
        assert_eq!((r.status, r.body.as_slice()), (200, &b"abcde"[..]));
        let r = parse_response(
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nhi",
            false,
        )
        .unwrap();
        assert_eq!(
            (r.status, r.body.as_slice(), r.header("Content-Length")),
            (404, &b"hi"[..], Some("2"))
        );
        let r = parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", true).unwrap();
        assert!(r.body.is_empty());
    }
}
