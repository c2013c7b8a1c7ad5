"""A minimal W3C WebDriver client for Debian's chromedriver, standard library only.

Only what the browser suite uses: a headless Chromium session, navigation, running a script
(sync or async), finding an element, typing into it (a file input takes a path) and clicking.
No selenium: the protocol is a handful of JSON requests, and one fewer package to install
keeps CI independent of PyPI's release lag.

    with Chromedriver.start() as driver, driver.session() as browser:
        browser.get("http://127.0.0.1:PORT/page.html")
        print(browser.run_async("arguments[arguments.length - 1](document.title)"))
"""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

# Flags known to work headless, as root, on a machine without internet (see the env notes):
# without the background-networking ones Chromium keeps trying Google's hosts.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


class WebDriverError(Exception):
    """An error answered by chromedriver (the W3C `error` code and its message)."""


def free_port():
    """A port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Chromedriver:
    """A chromedriver process on a free port of 127.0.0.1, stopped by its PID."""

    def __init__(self, proc, port, log_path):
        self.proc = proc
        self.port = port
        self.log_path = log_path

    @classmethod
    def start(cls, log_dir=None):
        for binary in (CHROMIUM, CHROMEDRIVER):
            if not os.path.isfile(binary):
                raise RuntimeError(
                    f"{binary} is missing: install Debian's chromium and chromium-driver "
                    "(.ci/browser.sh does), or set CHROMIUM / CHROMEDRIVER"
                )
        log_dir = log_dir or tempfile.mkdtemp(prefix="presign-chromedriver-")
        last = None
        for _ in range(5):
            port = free_port()
            log_path = os.path.join(log_dir, f"chromedriver-{port}.log")
            proc = subprocess.Popen(
                [
                    CHROMEDRIVER,
                    f"--port={port}",
                    "--allowed-ips=127.0.0.1",
                    f"--log-path={log_path}",
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            driver = cls(proc, port, log_path)
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and proc.poll() is None:
                try:
                    if driver._call("GET", "/status")["ready"]:
                        return driver
                except OSError as e:
                    last = e
                time.sleep(0.05)
            driver.stop()
            last = last or RuntimeError(f"chromedriver exited with {proc.returncode}")
        raise RuntimeError(f"chromedriver did not start: {last}")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def _call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                answer = json.loads(r.read() or b"{}")
        except urllib.error.HTTPError as e:
            answer = json.loads(e.read() or b"{}")
            value = answer.get("value") or {}
            raise WebDriverError(
                f"{value.get('error')}: {value.get('message', '')[:2000]}"
            ) from None
        return answer.get("value")

    def session(self, extra_flags=()):
        """A new headless Chromium with a fresh profile (removed when the session ends)."""
        profile = tempfile.mkdtemp(prefix="presign-chromium-")
        caps = {
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "binary": CHROMIUM,
                        "args": CHROMIUM_FLAGS + [f"--user-data-dir={profile}", *extra_flags],
                    },
                }
            }
        }
        try:
            value = self._call("POST", "/session", caps)
        except BaseException:
            shutil.rmtree(profile, ignore_errors=True)
            raise
        return Session(self, value["sessionId"], profile)


class Session:
    """One browser: navigate, run scripts, fill and click elements."""

    def __init__(self, driver, session_id, profile):
        self.driver = driver
        self.id = session_id
        self.profile = profile
        self.set_script_timeout(60)

    def _call(self, method, path, body=None):
        return self.driver._call(method, f"/session/{self.id}{path}", body)

    def close(self):
        try:
            self._call("DELETE", "")
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def set_script_timeout(self, seconds):
        self._call("POST", "/timeouts", {"script": int(seconds * 1000)})

    def get(self, url):
        self._call("POST", "/url", {"url": url})

    @property
    def url(self):
        return self._call("GET", "/url")

    def run(self, script, *args):
        """Runs `script` (a function body; `arguments` holds args) and returns its value."""
        return self._call("POST", "/execute/sync", {"script": script, "args": list(args)})

    def run_async(self, script, *args):
        """Runs `script`, which calls `arguments[arguments.length - 1](value)` when done."""
        return self._call("POST", "/execute/async", {"script": script, "args": list(args)})

    def call(self, function, *args):
        """Awaits `window[function](...args)` (a page function returning a promise or a value).

        A rejection comes back as WebDriverError with the error's message."""
        script = (
            "const done = arguments[arguments.length - 1];"
            "Promise.resolve().then(() => window[arguments[0]](...arguments[1]))"
            ".then(v => done({ok: v}), e => done({error: String(e && e.stack || e)}));"
        )
        answer = self.run_async(script, function, list(args))
        if "error" in answer:
            raise WebDriverError(f"{function} failed in the page: {answer['error']}")
        return answer["ok"]

    def cdp(self, command, **params):
        """Runs a Chrome DevTools Protocol command (chromedriver's goog/cdp/execute)."""
        return self._call("POST", "/goog/cdp/execute", {"cmd": command, "params": params})

    def find(self, css):
        value = self._call("POST", "/element", {"using": "css selector", "value": css})
        return Element(self, value[ELEMENT])

    def wait_for(self, predicate_js, timeout=20):
        """Waits until the expression `predicate_js` is truthy in the page; returns its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.run(f"return ({predicate_js});")
            if value:
                return value
            if time.monotonic() > deadline:
                raise WebDriverError(f"timed out waiting for {predicate_js}")
            time.sleep(0.05)


class Element:
    def __init__(self, session, element_id):
        self.session = session
        self.id = element_id

    def send_keys(self, text):
        """Types `text`; for `<input type=file>`, `text` is the path of the file to choose."""
        self.session._call("POST", f"/element/{self.id}/value", {"text": text})

    def click(self):
        self.session._call("POST", f"/element/{self.id}/click", {})

    @property
    def text(self):
        return self.session._call("GET", f"/element/{self.id}/text")
