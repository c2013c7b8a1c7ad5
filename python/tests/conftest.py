"""Fixtures: the botocore case generator of vectors/ (botocore with a frozen clock), and a real
S3-compatible server (s3s-fs) on a free 127.0.0.1 port, stopped by its PID."""

from __future__ import annotations

import datetime
import importlib.util
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import tempfile
import time

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
UTC = datetime.timezone.utc

# The credentials every s3s-fs started here accepts (the Rust e2e tests use the same pair).
S3S_ACCESS_KEY = "AKIDPRESIGNE2ETEST01"
S3S_SECRET_KEY = "presign/e2e+SecretKey/0123456789abcdefXYZ"


def pytest_configure(config):
    if os.environ.get("S3PRESIGN_EXPECT_INSTALLED") == "1":
        import s3presign

        where = pathlib.Path(s3presign.__file__).resolve()
        assert REPO not in where.parents, "testing the source tree, not the installed wheel: %s" % where


@pytest.fixture(scope="session")
def gen():
    """vectors/gen_botocore_s3.py as a module: its random case builders and its botocore driver
    (clock frozen through botocore.auth.get_current_datetime)."""
    path = REPO / "vectors" / "gen_botocore_s3.py"
    spec = importlib.util.spec_from_file_location("gen_botocore_s3", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def driver(gen):
    """botocore, with its clock frozen by ``driver.now`` (also for POST policies)."""
    import botocore.signers

    import json

    import botocore.credentials

    d = gen.Driver()
    botocore.signers.get_current_datetime = lambda *a, **k: d.now
    # One botocore client per configuration, its credentials swapped per call: creating a
    # client costs ~30 ms, and the cases use hundreds of (configuration, credentials) pairs.
    # (The signer reads `_credentials` on every call; botocore is pinned, so this holds.)
    make = d.client
    by_cfg = {}

    def client(cfg, cred):
        key = json.dumps(cfg, sort_keys=True)
        c = by_cfg.get(key)
        if c is None:
            c = by_cfg[key] = make(cfg, cred)
        c._request_signer._credentials = botocore.credentials.Credentials(*cred)
        return c

    d.client = client
    return d


def _s3s_binary() -> pathlib.Path:
    env = os.environ.get("S3S_FS")
    if env:
        return pathlib.Path(env)
    root = os.environ.get("PRESIGN_TOOLS") or os.path.join(os.path.expanduser("~"), ".cache", "presign-tools")
    return pathlib.Path(root) / "bin" / "s3s-fs"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class S3sServer:
    def __init__(self, port: int, proc: subprocess.Popen, root: pathlib.Path):
        self.port = port
        self.proc = proc
        self.root = root
        self.endpoint = "http://127.0.0.1:%d" % port


@pytest.fixture(scope="module")
def s3s():
    """s3s-fs on a free port with buckets ``bkt`` and ``uploads``. Missing binary: the tests fail
    and say how to install it, unless PRESIGN_SKIP_E2E=1 (then they are skipped, loudly)."""
    binary = _s3s_binary()
    if not binary.is_file():
        msg = "s3s-fs not found at %s: run .ci/install-s3s-fs.sh (or set S3S_FS)" % binary
        if os.environ.get("PRESIGN_SKIP_E2E") == "1":
            pytest.skip("!!! SKIPPED: " + msg)
        pytest.fail(msg)
    root = pathlib.Path(tempfile.mkdtemp(prefix="s3presign-e2e-"))
    data = root / "data"
    for b in ("bkt", "uploads"):
        (data / b).mkdir(parents=True)
    last = ""
    for _attempt in range(5):
        port = _free_port()
        log = open(root / "s3s-fs.log", "wb")
        proc = subprocess.Popen(
            [
                str(binary),
                "--host", "127.0.0.1",
                "--port", str(port),
                "--access-key", S3S_ACCESS_KEY,
                "--secret-key", S3S_SECRET_KEY,
                "--domain", "localhost:%d" % port,
                "--domain", "127.0.0.1:%d" % port,
                str(data),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        up = False
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    up = True
                    break
            except OSError:
                time.sleep(0.05)
        if up:
            server = S3sServer(port, proc, root)
            try:
                yield server
            finally:
                os.kill(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.kill(proc.pid, signal.SIGKILL)
                    proc.wait()
                log.close()
                shutil.rmtree(root, ignore_errors=True)
            return
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()
        last = (root / "s3s-fs.log").read_text(errors="replace")[-2000:]
    shutil.rmtree(root, ignore_errors=True)
    pytest.fail("s3s-fs did not start:\n" + last)
