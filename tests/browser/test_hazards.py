"""Each warning `presign` gives, shown to be real in Chromium: the presign carries the warning,
the browser breaks the request as the warning says (403 from s3s-fs, with what the stand-in saw
the browser send), and the advice in the warning works."""

import os
import tempfile
import time
import unittest

from harness import b64, diagnose, send_raw, world

DATA = b"hazard bytes \x00\xff"


def codes(presigned):
    return [w["code"] for w in presigned["warnings"]]


def sent_header(name):
    """The values of header `name` in the last PUT the stand-in forwarded."""
    sent = world().standin.last("PUT")
    return [v for n, v in sent["headers"] if n.lower() == name]


class DotSegmentInKey(unittest.TestCase):
    def test_the_warning_fires_and_plain_output_says_it_on_stderr(self):
        w = world()
        put = w.presign.object("dots/./warned.bin", "PUT")
        self.assertEqual(codes(put), ["dot-segment-in-key"])
        _, url, err = w.presign.run(
            "s3://browser-bucket/dots/./warned.bin", "-X", "PUT", "--endpoint-url", w.endpoint
        )
        self.assertIn("presign: warning [dot-segment-in-key]", err)
        answer = w.browser.call("putFetch", url.strip(), {}, "arraybuffer", b64(DATA), "")
        self.assertEqual(answer["status"], 403, "the browser rewrote the path, as warned")
        # The advice: a client that keeps the path (Python's http.client here) succeeds.
        self.assertEqual(send_raw(url.strip(), "PUT", {}, DATA)[0], 200)

    def test_deny_warnings_refuses_to_presign(self):
        code, out, err = world().presign.run(
            "s3://browser-bucket/dots/../denied.bin",
            "-X",
            "PUT",
            "--endpoint-url",
            world().endpoint,
            "--deny-warnings",
            check=False,
        )
        self.assertEqual((code, out), (1, ""))
        self.assertIn("presign: error: client hazard dot-segment-in-key", err)


class CharsetRewrittenByXhr(unittest.TestCase):
    def test_xhr_with_a_string_body_rewrites_the_signed_charset(self):
        w = world()
        put = w.presign.object("charset/a.txt", "PUT", "--content-type", "text/plain;charset=utf-8")
        self.assertEqual(codes(put), ["charset-rewritten-by-xhr"])
        w.standin.clear()
        answer = w.browser.call("putXhr", put["url"], put["headers"], "string", b64(DATA), "")
        self.assertEqual(answer["status"], 403, answer["text"])
        self.assertEqual(sent_header("content-type"), ["text/plain;charset=UTF-8"])
        findings = diagnose(put, w.standin.last("PUT"))
        self.assertEqual([f["code"] for f in findings], ["signed-header-changed"], findings)
        # With the credentials, verify finds the value the URL is really signed for.
        code, _, err = w.presign.run(
            "verify",
            put["url"],
            "-X",
            "PUT",
            "-H",
            "Content-Type: text/plain;charset=UTF-8",
            check=False,
        )
        self.assertEqual(code, 1)
        self.assertIn(
            "signed for `Content-Type: text/plain;charset=utf-8`, but the request sends "
            "`text/plain;charset=UTF-8`",
            err,
        )
        # The advice: a Blob (or fetch) sends the header as set.
        answer = w.browser.call("putXhr", put["url"], put["headers"], "blob", b64(DATA), "")
        self.assertEqual(answer["status"], 200, answer["text"])
        answer = w.browser.call("putFetch", put["url"], put["headers"], "string", b64(DATA), "")
        self.assertEqual(answer["status"], 200, answer["text"])

    def test_utf8_spelled_so_is_kept(self):
        w = world()
        put = w.presign.object("charset/b.txt", "PUT", "--content-type", "text/plain;charset=UTF-8")
        self.assertEqual(codes(put), [])
        answer = w.browser.call("putXhr", put["url"], put["headers"], "string", b64(DATA), "")
        self.assertEqual(answer["status"], 200, answer["text"])


class NonAsciiHeaderValue(unittest.TestCase):
    def test_the_browser_sends_latin1_bytes_not_the_signed_utf8(self):
        w = world()
        put = w.presign.object("meta/a.bin", "PUT", "--metadata", "owner=Ren\u00e9e")
        self.assertEqual(codes(put), ["non-ascii-header-value"])
        w.standin.clear()
        answer = w.browser.call(
            "putFetch", put["url"], put["headers"], "arraybuffer", b64(DATA), ""
        )
        self.assertEqual(answer["status"], 403, answer["text"])
        # The stand-in reads header bytes as Latin-1: one byte 0xE9 came, not UTF-8's C3 A9.
        self.assertEqual(sent_header("x-amz-meta-owner"), ["Ren\u00e9e"])
        findings = diagnose(put, w.standin.last("PUT"))
        self.assertEqual([f["code"] for f in findings], ["signed-header-changed"], findings)

    def test_a_character_above_u00ff_makes_fetch_throw(self):
        w = world()
        put = w.presign.object("meta/b.bin", "PUT", "--metadata", "price=5\u20ac")
        self.assertEqual(codes(put), ["non-ascii-header-value"])
        with self.assertRaisesRegex(Exception, "non ISO-8859-1 code point"):
            w.browser.call("putFetch", put["url"], put["headers"], "arraybuffer", b64(DATA), "")


class HeaderBrowsersCannotSet(unittest.TestCase):
    def test_a_signed_date_is_dropped_by_the_browser(self):
        w = world()
        put = w.presign.object(
            "forbidden/a.bin", "PUT", "-H", "Date: Tue, 01 Dec 2026 10:00:00 GMT"
        )
        self.assertEqual(codes(put), ["header-browsers-cannot-set"])
        w.standin.clear()
        answer = w.browser.call(
            "putFetch", put["url"], put["headers"], "arraybuffer", b64(DATA), ""
        )
        self.assertEqual(answer["status"], 403, answer["text"])
        self.assertEqual(sent_header("date"), [])
        findings = diagnose(put, w.standin.last("PUT"))
        self.assertEqual([f["code"] for f in findings], ["signed-header-not-sent"], findings)
        # Sent by a client that may set it, the same URL works.
        self.assertEqual(send_raw(put["url"], "PUT", put["headers"], DATA)[0], 200)


class NonAsciiResponseOverride(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        put = world().presign.object("names/report.png", "PUT", "--content-type", "image/png")
        assert send_raw(put["url"], "PUT", put["headers"], b"png")[0] == 200

    def test_a_raw_name_warns_and_arrives_garbled(self):
        w = world()
        get = w.presign.object(
            "names/report.png",
            "GET",
            "--query",
            'response-content-disposition=attachment; filename="caf\u00e9.png"',
        )
        self.assertEqual(codes(get), ["non-ascii-response-override"])
        self.assertIn("presign::content_disposition", get["warnings"][0]["message"])
        answer = w.browser.call("getFetch", get["url"])
        self.assertEqual(answer["contentDisposition"], 'attachment; filename="caf\u00c3\u00a9.png"')

    def test_download_as_reaches_the_page_intact(self):
        w = world()
        get = w.presign.object(
            "names/report.png", "GET", "--download-as", "caf\u00e9 \u65e5\u672c.png"
        )
        self.assertEqual(codes(get), [])
        answer = w.browser.call("getFetch", get["url"])
        value = answer["contentDisposition"]
        self.assertEqual(
            value,
            "attachment; filename=\"cafe __.png\"; filename*=UTF-8''caf%C3%A9%20%E6%97%A5%E6%9C%AC.png",
        )
        name = w.browser.run(
            "return decodeURIComponent(arguments[0].split(\"filename*=UTF-8''\")[1]);", value
        )
        self.assertEqual(name, "caf\u00e9 \u65e5\u672c.png")

    def test_chromium_saves_the_download_under_the_unicode_name(self):
        w = world()
        get = w.presign.object(
            "names/report.png", "GET", "--download-as", "caf\u00e9 \u65e5\u672c.png"
        )
        folder = tempfile.mkdtemp(prefix="presign-download-", dir=w.s3.dir)
        w.browser.cdp("Browser.setDownloadBehavior", behavior="allow", downloadPath=folder)
        try:
            w.browser.get(get["url"])
            deadline = time.monotonic() + 20
            names = []
            while time.monotonic() < deadline:
                names = [n for n in os.listdir(folder) if not n.endswith(".crdownload")]
                if names:
                    break
                time.sleep(0.05)
            self.assertEqual(names, ["caf\u00e9 \u65e5\u672c.png"])
            with open(os.path.join(folder, names[0]), "rb") as f:
                self.assertEqual(f.read(), b"png")
        finally:
            w.home()


if __name__ == "__main__":
    unittest.main()
