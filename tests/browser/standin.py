"""A CORS stand-in for S3's bucket CORS rule, in front of s3s-fs (which has no CORS at all).

It listens on a free port of 127.0.0.1 and, for each HTTP/1.1 request on a connection:
- answers a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`) itself, as S3 does
  for a bucket whose CORS rule allows the origin: 200, the origin echoed, every method and the
  requested headers allowed;
- forwards anything else to the upstream server **byte for byte**: the raw request line (the
  request target as the client wrote it: Python's http.server would rewrite a leading `//`),
  every header line including `Host`, and the body. Only the response is touched: it gains
  `Access-Control-Allow-Origin` and `Access-Control-Expose-Headers` (ETag, Content-Disposition,
  ...) so the page can read it, as S3 does when the rule matches.

Every request is recorded (method, raw target, headers, body length, status) for the tests to
compare with what was presigned: `StandIn.requests`, or `--log FILE` (JSON lines) when run alone.

    python3 tests/browser/standin.py --upstream 127.0.0.1:9000 [--log requests.jsonl]

prints `listening on 127.0.0.1:PORT` once it accepts connections, and runs until killed (stop it
by its PID). Used in-process by the browser suite; other suites (the JS package's Chromium smoke
test) may start it as a program.

Limits (the browser never needs more): no `Transfer-Encoding` on requests (answered 501), no
`Expect: 100-continue`, no TLS.
"""

import argparse
import json
import socket
import sys
import threading

# What a page may read from S3's answers (S3's CORS rule: ExposeHeaders).
EXPOSE = (
    "ETag, Content-Disposition, Content-Type, Content-Length, Content-Language, Content-Encoding, "
    "Cache-Control, Expires, Last-Modified, Location, x-amz-request-id, x-amz-version-id, "
    "x-amz-meta-*"
)
ALLOW_METHODS = "GET, PUT, POST, DELETE, HEAD"
MAX_HEAD = 64 * 1024


class Closed(Exception):
    """The peer closed the connection."""


class Reader:
    """Buffered reads from a socket: up to a delimiter, or an exact length."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = b""

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise Closed()
        self.buf += chunk

    def until(self, delimiter, limit=MAX_HEAD):
        while delimiter not in self.buf:
            if len(self.buf) > limit:
                raise ValueError("header section too large")
            self._fill()
        i = self.buf.index(delimiter) + len(delimiter)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def exactly(self, n):
        while len(self.buf) < n:
            self._fill()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def rest(self):
        """Everything until the peer closes."""
        try:
            while True:
                self._fill()
        except Closed:
            pass
        out, self.buf = self.buf, b""
        return out


def parse_head(raw):
    """(start line, [(name, value)]) of a raw header section, bytes kept as latin-1 text."""
    lines = raw.decode("latin-1").split("\r\n")
    headers = []
    for line in lines[1:]:
        if not line:
            continue
        name, _, value = line.partition(":")
        headers.append((name, value.strip()))
    return lines[0], headers


def header(headers, name):
    for n, v in headers:
        if n.lower() == name:
            return v
    return None


def read_body(reader, headers, no_body):
    """The raw body bytes of a response (chunked bodies kept chunked), and whether the
    connection must close after it."""
    if no_body:
        return b"", False
    te = header(headers, "transfer-encoding")
    if te and "chunked" in te.lower():
        out = b""
        while True:
            size_line = reader.until(b"\r\n")
            out += size_line
            size = int(size_line.split(b";")[0].strip(), 16)
            if size == 0:
                while True:  # trailers, then the empty line
                    line = reader.until(b"\r\n")
                    out += line
                    if line == b"\r\n":
                        return out, False
            out += reader.exactly(size + 2)
    length = header(headers, "content-length")
    if length is not None:
        return reader.exactly(int(length)), False
    return reader.rest(), True


class StandIn:
    """The stand-in server. `start()` binds a free port; `stop()` closes it."""

    def __init__(self, upstream, allowed_origins=None, log_path=None):
        self.upstream = upstream  # (host, port)
        self.allowed_origins = allowed_origins  # None: any origin
        self.requests = []
        self.lock = threading.Lock()
        self.log_path = log_path
        self.sock = None
        self.port = None

    def start(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def stop(self):
        if self.sock:
            self.sock.close()
            self.sock = None

    def clear(self):
        with self.lock:
            self.requests.clear()

    def last(self, method=None):
        """The last request recorded (with this method, if given)."""
        with self.lock:
            for r in reversed(self.requests):
                if method is None or r["method"] == method:
                    return r
        return None

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _record(self, entry):
        with self.lock:
            self.requests.append(entry)
        if self.log_path:
            with open(self.log_path, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry) + "\n")

    def _allowed(self, origin):
        return origin is not None and (
            self.allowed_origins is None or origin in self.allowed_origins
        )

    def _serve(self, conn):
        client = Reader(conn)
        upstream = None
        try:
            while True:
                try:
                    raw_head = client.until(b"\r\n\r\n")
                except Closed:
                    return
                start, headers = parse_head(raw_head)
                method, target, _version = start.split(" ", 2)
                if header(headers, "transfer-encoding") or header(headers, "expect"):
                    conn.sendall(simple_response(501, "Not Implemented", []))
                    return
                body = client.exactly(int(header(headers, "content-length") or 0))
                entry = {
                    "method": method,
                    "target": target,
                    "headers": headers,
                    "body_length": len(body),
                }
                origin = header(headers, "origin")
                cors = []
                if self._allowed(origin):
                    cors = [
                        ("Access-Control-Allow-Origin", origin),
                        ("Access-Control-Expose-Headers", EXPOSE),
                        ("Vary", "Origin"),
                    ]
                if method == "OPTIONS" and header(headers, "access-control-request-method"):
                    entry["preflight"] = True
                    if cors:
                        cors = cors[:1] + [
                            ("Access-Control-Allow-Methods", ALLOW_METHODS),
                            (
                                "Access-Control-Allow-Headers",
                                header(headers, "access-control-request-headers") or "*",
                            ),
                            ("Access-Control-Max-Age", "0"),
                            (
                                "Vary",
                                "Origin, Access-Control-Request-Headers, Access-Control-Request-Method",
                            ),
                        ]
                        entry["status"] = 200
                        conn.sendall(simple_response(200, "OK", cors))
                    else:
                        entry["status"] = 403
                        conn.sendall(simple_response(403, "Forbidden", []))
                    self._record(entry)
                    continue
                if upstream is None:
                    upstream_sock = socket.create_connection(self.upstream)
                    upstream = Reader(upstream_sock)
                upstream.sock.sendall(raw_head + body)
                resp_head = upstream.until(b"\r\n\r\n")
                status_line, resp_headers = parse_head(resp_head)
                status = int(status_line.split(" ", 2)[1])
                resp_body, close = read_body(
                    upstream, resp_headers, method == "HEAD" or status in (204, 304) or status < 200
                )
                entry["status"] = status
                self._record(entry)
                extra = "".join(f"{n}: {v}\r\n" for n, v in cors).encode("latin-1")
                conn.sendall(resp_head[:-2] + extra + b"\r\n" + resp_body)
                if close:
                    return
        except (OSError, ValueError, Closed) as e:
            print(f"standin: connection dropped: {e!r}", file=sys.stderr)
        finally:
            conn.close()
            if upstream is not None:
                upstream.sock.close()


def simple_response(status, reason, headers):
    lines = (
        [f"HTTP/1.1 {status} {reason}"] + [f"{n}: {v}" for n, v in headers] + ["Content-Length: 0"]
    )
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--upstream", required=True, help="HOST:PORT of the S3 server (e.g. s3s-fs)")
    p.add_argument("--origin", action="append", help="an allowed origin (repeatable; default: any)")
    p.add_argument("--log", help="append each request as a JSON line to this file")
    a = p.parse_args()
    host, _, port = a.upstream.rpartition(":")
    s = StandIn((host, int(port)), a.origin, a.log).start()
    print(f"listening on 127.0.0.1:{s.port}", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
