"""The page server: the web app's origin, on a free port of 127.0.0.1.

It serves static files from one folder (the test page and its script) and, like a real backend,
answers `POST /presign` with a presigned request: the JSON body goes to a Python function the
suite provides (which runs the `presign` command line) and its JSON answer goes back. A page
served from here is cross-origin to the S3 stand-in, so the browser enforces CORS as it would
against S3.

    python3 tests/browser/pages.py --root DIR

prints `listening on 127.0.0.1:PORT` and serves DIR until killed (no /presign route then).
"""

import argparse
import http.server
import json
import mimetypes
import os
import threading
import urllib.parse


class PageServer:
    def __init__(self, root, backend=None):
        self.root = os.path.abspath(root)
        self.backend = backend  # function(dict) -> dict, for POST /presign
        self.extra = {}  # path -> (content type, bytes): pages made by a test
        self.httpd = None
        self.port = None

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.port}"

    def url(self, path):
        return f"{self.origin}/{path.lstrip('/')}"

    def add(self, path, content_type, body):
        """Serves `body` at `path` (e.g. a page the command line printed)."""
        self.extra["/" + path.lstrip("/")] = (content_type, body)
        return self.url(path)

    def start(self):
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status, content_type, body):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                path = urllib.parse.urlsplit(self.path).path
                if path in server.extra:
                    self._send(200, *server.extra[path])
                    return
                local = os.path.normpath(
                    os.path.join(server.root, path.lstrip("/") or "index.html")
                )
                if not local.startswith(server.root + os.sep) or not os.path.isfile(local):
                    self._send(404, "text/plain; charset=utf-8", b"not found")
                    return
                kind = mimetypes.guess_type(local)[0] or "application/octet-stream"
                if kind.startswith("text/") or kind.endswith("javascript"):
                    kind += "; charset=utf-8"
                with open(local, "rb") as f:
                    self._send(200, kind, f.read())

            def do_POST(self):
                if self.path != "/presign" or server.backend is None:
                    self._send(404, "text/plain; charset=utf-8", b"not found")
                    return
                request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                try:
                    answer, status = server.backend(request), 200
                except Exception as e:  # noqa: BLE001 (the page shows it; the test fails on it)
                    answer, status = {"error": str(e)}, 500
                self._send(status, "application/json", json.dumps(answer).encode())

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self.httpd:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--root", required=True)
    a = p.parse_args()
    s = PageServer(a.root).start()
    print(f"listening on 127.0.0.1:{s.port}", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
