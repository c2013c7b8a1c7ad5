"""The page `presign post --html` prints, used as a person would: open it, choose a file, press
Upload, read the result on the page. Files are chosen through the real file input."""

import os
import tempfile
import time
import unittest

from harness import BUCKET, send_raw, world
from standin import StandIn

MAX = 1000


def page(*extra, endpoint=None):
    """The page for a policy on forms/page/ (size cap MAX, type prefix image/), served by the
    page server as plain text/html (no charset in the header: the page must declare it)."""
    w = world()
    _, out, _ = w.presign.run(
        "post",
        f"s3://{BUCKET}/page/",
        "--max-size",
        str(MAX),
        "--content-type-prefix",
        "image/",
        "--endpoint-url",
        endpoint or w.endpoint,
        "--addressing-style",
        "path",
        "--html",
        *extra,
    )
    name = f"form-{time.monotonic_ns()}.html"
    return w.pages.add(name, "text/html", out.encode("utf-8"))


class PostPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="presign-files-", dir=world().s3.dir)
        cls.files = {}
        for name, data in (
            ("cat \u00e9.png", bytes(range(256)) * 2),
            ("notes.txt", b"some text"),
            ("big.png", b"x" * (MAX + 1)),
            ("small.png", b"png"),
        ):
            path = os.path.join(cls.dir, name)
            with open(path, "wb") as f:
                f.write(data)
            cls.files[name] = (path, data)

    def tearDown(self):
        world().home()

    def open(self, url):
        b = world().browser
        b.get(url)
        return b

    def choose(self, name):
        b = world().browser
        b.find("input[type=file]").send_keys(self.files[name][0])
        return b.wait_for("document.getElementById('presign-result').dataset.state")

    def result(self):
        return world().browser.run(
            "const r = document.getElementById('presign-result');"
            "return [r.dataset.state, r.textContent];"
        )

    def upload(self):
        b = world().browser
        b.find("button[type=submit]").click()
        b.wait_for(
            "['done', 'error'].includes(document.getElementById('presign-result').dataset.state)"
        )
        return self.result()

    def test_a_whole_document_in_utf8(self):
        b = self.open(page())
        self.assertEqual(b.run("return document.characterSet"), "UTF-8")
        self.assertEqual(b.run("return document.doctype && document.doctype.name"), "html")
        placeholder = b.run("return document.querySelector('[name=Content-Type]').placeholder")
        self.assertEqual(placeholder, "image/\u2026")

    def test_the_chosen_image_is_uploaded_with_its_own_type(self):
        w = world()
        b = self.open(page())
        self.assertEqual(self.choose("cat \u00e9.png"), "ready")
        self.assertEqual(
            b.run("return document.querySelector('[name=Content-Type]').value"), "image/png"
        )
        w.standin.clear()
        state, text = self.upload()
        self.assertEqual(state, "done", text)
        self.assertIn("Uploaded cat \u00e9.png as page/cat \u00e9.png (HTTP 204).", text)
        post = w.standin.last("POST")
        self.assertEqual(post["status"], 204)
        # s3s-fs stores `${filename}` literally (S3 substitutes the file name).
        status, headers, body = send_raw(w.presign.object("page/${filename}")["url"])
        self.assertEqual((status, body), (200, self.files["cat \u00e9.png"][1]))
        self.assertEqual(headers["content-type"], "image/png")

    def test_201_is_shown_with_the_key_s3_names(self):
        self.open(page("--success-action-status", "201"))
        self.choose("small.png")
        state, text = self.upload()
        self.assertEqual(state, "done", text)
        self.assertIn("(HTTP 201)", text)

    def test_a_file_outside_the_type_prefix_is_refused_before_sending(self):
        w = world()
        b = self.open(page())
        w.standin.clear()
        self.assertEqual(self.choose("notes.txt"), "error")
        b.find("button[type=submit]").click()
        state, text = self.result()
        self.assertEqual(state, "error")
        self.assertEqual(text, "notes.txt is text/plain: this form only takes image/\u2026 files.")
        self.assertIsNone(w.standin.last("POST"), "nothing was sent")

    def test_a_file_over_the_size_cap_is_refused_before_sending(self):
        w = world()
        self.open(page())
        w.standin.clear()
        self.assertEqual(self.choose("big.png"), "error")
        self.assertEqual(
            self.result()[1], f"big.png is {MAX + 1} bytes: this form takes at most {MAX}."
        )
        self.assertIsNone(w.standin.last("POST"))

    def test_the_bare_prefix_is_never_a_valid_content_type(self):
        # Without script, the browser's own validation keeps `image/` from being submitted.
        b = self.open(page())
        validity = b.run(
            "const t = document.querySelector('[name=Content-Type]');"
            "const out = [];"
            "for (const v of ['', 'image/', 'image/png', 'text/plain']) {"
            "  t.value = v; out.push(t.checkValidity()); }"
            "return out;"
        )
        self.assertEqual(validity, [False, False, True, False])

    def test_an_error_from_s3_is_shown_with_its_code(self):
        w = world()
        b = self.open(page())
        self.choose("small.png")
        # A form altered after signing: S3 refuses it, and the page says what S3 said.
        b.run("document.querySelector('[name=x-amz-signature]').value = '0'.repeat(64)")
        state, text = self.upload()
        self.assertEqual(state, "error")
        self.assertTrue(
            text.startswith("S3 refused the upload: HTTP 403 SignatureDoesNotMatch"), text
        )
        self.assertEqual(w.standin.last("POST")["status"], 403)

    def test_without_a_cors_rule_the_page_says_why_it_cannot_tell(self):
        w = world()
        # A second stand-in whose CORS rule allows another origin only.
        strict = StandIn(w.standin.upstream, allowed_origins=["https://elsewhere.example"]).start()
        try:
            self.open(page(endpoint=f"http://127.0.0.1:{strict.port}"))
            self.choose("small.png")
            state, text = self.upload()
            self.assertEqual(state, "error")
            self.assertIn(
                f"this page cannot read S3's answer: the bucket's CORS rule must allow POST from {w.pages.origin}",
                text,
            )
        finally:
            strict.stop()


if __name__ == "__main__":
    unittest.main()
