"""Everything the browser suite runs, started on free ports of 127.0.0.1 and stopped by PID:

    s3s-fs (verifies SigV4)  <-  CORS stand-in (standin.py)  <-  headless Chromium
                                                                  ^ page from the page server
                                                                    (pages.py, another origin)

Presigned requests come from the `presign` command line (`$PRESIGN`, default
target/debug/presign), as a backend would make them; the page asks for them with
`POST /presign` on its own origin.
"""

import base64
import http.client
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.parse

from pages import PageServer
from standin import StandIn, header
from webdriver import Chromedriver, free_port

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
ACCESS_KEY = "AKIDPRESIGNBROWSER01"
SECRET_KEY = "presign/browser+Secret/0123456789abcdefXYZ"
BUCKET = "browser-bucket"


def s3s_fs_binary():
    if os.environ.get("S3S_FS"):
        return os.environ["S3S_FS"]
    root = os.environ.get("PRESIGN_TOOLS") or os.path.expanduser("~/.cache/presign-tools")
    return os.path.join(root, "bin", "s3s-fs")


def presign_binary():
    return os.environ.get("PRESIGN") or os.path.join(REPO, "target", "debug", "presign")


class S3sFs:
    """s3s-fs on a free port, accepting the stand-in's Host values."""

    def __init__(self, buckets, domains):
        binary = s3s_fs_binary()
        if not os.path.isfile(binary):
            raise RuntimeError(f"s3s-fs not found at {binary}: run .ci/install-s3s-fs.sh")
        self.dir = tempfile.mkdtemp(prefix="presign-browser-s3s-")
        self.data = os.path.join(self.dir, "data")
        for b in buckets:
            os.makedirs(os.path.join(self.data, b))
        self.log = os.path.join(self.dir, "s3s-fs.log")
        for _ in range(5):
            self.port = free_port()
            args = [binary, "--host", "127.0.0.1", "--port", str(self.port)]
            args += ["--access-key", ACCESS_KEY, "--secret-key", SECRET_KEY]
            for d in domains:
                args += ["--domain", d]
            with open(self.log, "ab") as log:  # the child keeps its own copy
                self.proc = subprocess.Popen([*args, self.data], stdout=log, stderr=log)
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and self.proc.poll() is None:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                try:
                    c.request("GET", "/")
                    c.getresponse().read()
                    return
                except OSError:
                    time.sleep(0.05)
                finally:
                    c.close()
            self.stop()
        raise RuntimeError(f"s3s-fs did not start; see {self.log}")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def object_path(self, bucket, key):
        return os.path.join(self.data, bucket, key)

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class Presign:
    """The `presign` command line with the suite's credentials and endpoint."""

    def __init__(self, endpoint):
        self.endpoint = endpoint
        self.binary = presign_binary()
        if not os.path.isfile(self.binary):
            raise RuntimeError(
                f"{self.binary} is missing: cargo build -p presign-cli (or set PRESIGN)"
            )
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_REGION": "us-east-1",
            "AWS_CONFIG_FILE": os.path.join(HERE, "no-such-aws-config"),
            "AWS_SHARED_CREDENTIALS_FILE": os.path.join(HERE, "no-such-aws-credentials"),
        }

    def run(self, *args, check=True):
        """(exit code, stdout, stderr) of `presign ARGS`."""
        p = subprocess.run(
            [self.binary, *args],
            check=False,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if check and p.returncode != 0:
            raise RuntimeError(f"presign {' '.join(args)} exited {p.returncode}: {p.stderr}")
        return p.returncode, p.stdout, p.stderr

    def object(self, key, method="GET", *args, bucket=BUCKET, addressing="path", endpoint=None):
        """The --json presign of s3://bucket/key (a dict: method, url, headers, ...)."""
        _, out, err = self.run(
            f"s3://{bucket}/{key}",
            "-X",
            method,
            "--endpoint-url",
            endpoint or self.endpoint,
            "--addressing-style",
            addressing,
            "--json",
            *args,
        )
        answer = json.loads(out)
        answer["stderr"] = err
        return answer


def diagnose(presigned, sent):
    """The library's diagnosis (`presign diagnose --json`) of what the browser sent (a request
    the stand-in recorded) against what was presigned (a `presign --json` answer)."""
    w = world()
    path = os.path.join(w.s3.dir, "presigned.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({k: presigned[k] for k in ("method", "url", "headers")}, f)
    host = header(sent["headers"], "host")
    args = ["diagnose", "--presigned", path, "-X", sent["method"], "--json"]
    for n, v in sent["headers"]:
        # Header bytes as they came (the stand-in reads them as Latin-1).
        args += ["-H", f"{n}: {v.encode('latin-1').decode('utf-8', 'replace')}"]
    _, out, _ = w.presign.run(*args, f"http://{host}{sent['target']}", check=False)
    return json.loads(out)["findings"]


def send_raw(url, method="GET", headers=None, body=b""):
    """Sends `url` exactly as written (request target unchanged, no normalization) and returns
    (status, headers dict lower-cased, body). Connects to 127.0.0.1 whatever the host name."""
    parts = urllib.parse.urlsplit(url)
    target = parts.path + ("?" + parts.query if parts.query else "")
    c = http.client.HTTPConnection("127.0.0.1", parts.port, timeout=30)
    try:
        c.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
        c.putheader("Host", parts.netloc)
        for n, v in (headers or {}).items():
            c.putheader(n, v)
        c.putheader("Content-Length", str(len(body)))
        c.endheaders(body)
        r = c.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        c.close()


def b64(data):
    return base64.b64encode(data).decode()


def part_bytes(block, index, size):
    """The bytes client.js's partBytes(block, index, size) makes."""
    rotated = block[index % len(block) :] + block[: index % len(block)]
    return (rotated * (size // len(block) + 1))[:size]


class World:
    """s3s-fs, the stand-in, the page server, chromedriver and one browser session."""

    def __init__(self):
        self.backend = Backend()
        self.standin = self.s3 = self.pages = self.driver = self.browser = None
        try:
            # The binary first: nothing to stop if it is missing.
            self.presign = Presign(None)
            self.standin = StandIn(None).start()
            port = self.standin.port
            self.s3 = S3sFs([BUCKET], [f"127.0.0.1:{port}", f"localhost:{port}"])
            self.standin.upstream = ("127.0.0.1", self.s3.port)
            self.endpoint = f"http://127.0.0.1:{port}"
            self.localhost_endpoint = f"http://localhost:{port}"
            self.presign.endpoint = self.endpoint
            self.backend.presign = self.presign
            self.pages = PageServer(os.path.join(HERE, "page"), self.backend).start()
            self.driver = Chromedriver.start(self.s3.dir)
            self.browser = self.driver.session()
            self.home()
        except BaseException:
            self.close()  # stop what started: no server outlives a failed start
            raise

    def home(self):
        """Back to the suite's page (whose client.js the tests call)."""
        self.browser.get(self.pages.url("index.html"))

    def close(self):
        for part, stop in (
            (self.browser, "close"),
            (self.driver, "stop"),
            (self.pages, "stop"),
            (self.standin, "stop"),
            (self.s3, "stop"),
        ):
            if part is None:
                continue
            try:
                getattr(part, stop)()
            except Exception as e:  # noqa: BLE001 (keep stopping the others)
                print(f"harness: stopping: {e!r}")
        if self.s3 is not None:
            self.s3.cleanup()


class Backend:
    """What the page's `POST /presign` answers: a backend presigning each step for the page."""

    def __init__(self):
        self.presign = None  # set once the world is up
        self.calls = []

    def __call__(self, request):
        self.calls.append(request)
        op, key = request["op"], request["key"]
        if op == "create-multipart":
            extra = ["--query", "uploads="]
            if request.get("contentType"):
                extra += ["--content-type", request["contentType"]]
            return self.presign.object(key, "POST", *extra)
        if op == "upload-part":
            return self.presign.object(
                key,
                "PUT",
                "--query",
                f"partNumber={request['partNumber']}",
                "--query",
                f"uploadId={request['uploadId']}",
            )
        if op == "complete-multipart":
            return self.presign.object(key, "POST", "--query", f"uploadId={request['uploadId']}")
        raise ValueError(f"unknown op {op}")


_WORLD = None


_WORLD_ERROR = None


def world():
    """The one World of this run (started on first use; run.py closes it). If it cannot start,
    every test fails with that first error instead of starting it again."""
    global _WORLD, _WORLD_ERROR
    if _WORLD_ERROR is not None:
        raise RuntimeError(f"the browser world did not start: {_WORLD_ERROR}")
    if _WORLD is None:
        try:
            _WORLD = World()
        except Exception as e:
            _WORLD_ERROR = e
            raise
    return _WORLD


def close_world():
    global _WORLD
    if _WORLD is not None:
        _WORLD.close()
        _WORLD = None
