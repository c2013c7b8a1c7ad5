"""Presigned PUT uploads from the page, by XMLHttpRequest and by fetch, as a web app does them.

Each upload is read back with a presigned GET sent as is (not through the browser) and compared
byte for byte; each refusal is checked in what the stand-in saw the browser send.
"""

import random
import unittest
import urllib.parse

from harness import b64, diagnose, send_raw, world

# Every byte value, in a shuffled order: nothing may be re-encoded on the way.
DATA = bytes(random.Random(12).sample(range(256), 256)) * 17


def path_of(url):
    """The request target's path as written in `url` (no decoding)."""
    return urllib.parse.urlsplit(url).path


def read_back(key):
    """The stored object, fetched with a presigned GET sent exactly as printed."""
    get = world().presign.object(key)
    status, headers, body = send_raw(get["url"])
    return status, headers, body


class PutWithSignedContentType(unittest.TestCase):
    def upload(self, function, key):
        w = world()
        put = w.presign.object(key, "PUT", "--content-type", "image/png")
        self.assertEqual(put["headers"], {"content-type": "image/png"})
        # The page sends the headers the presign says to send, and the file as a Blob.
        answer = w.browser.call(
            function, put["url"], put["headers"], "blob", b64(DATA), "image/png"
        )
        self.assertEqual(answer["status"], 200, answer["text"])
        self.assertTrue(answer["etag"], "the page can read the ETag (the CORS rule exposes it)")
        status, headers, body = read_back(key)
        self.assertEqual(status, 200)
        self.assertEqual(body, DATA)
        self.assertEqual(headers["content-type"], "image/png")

    def test_xhr(self):
        self.upload("putXhr", "put/xhr.png")

    def test_fetch(self):
        self.upload("putFetch", "put/fetch.png")

    def test_virtual_hosted_url(self):
        # http://browser-bucket.localhost:PORT/...: Chromium resolves *.localhost itself.
        w = world()
        put = w.presign.object(
            "put/virtual.png",
            "PUT",
            "--content-type",
            "image/png",
            addressing="virtual",
            endpoint=w.localhost_endpoint,
        )
        self.assertTrue(put["url"].startswith(f"http://browser-bucket.localhost:{w.standin.port}/"))
        answer = w.browser.call("putFetch", put["url"], put["headers"], "blob", b64(DATA), "")
        self.assertEqual(answer["status"], 200, answer["text"])
        sent = w.standin.last("PUT")
        self.assertIn(("Host", f"browser-bucket.localhost:{w.standin.port}"), sent["headers"])
        self.assertEqual(read_back("put/virtual.png")[2], DATA)


class PutWithoutTheSignedContentType(unittest.TestCase):
    """The classic failure: the page does not send the signed Content-Type exactly."""

    def refused(self, function, kind, blob_type, headers):
        w = world()
        put = w.presign.object("put/refused.png", "PUT", "--content-type", "image/png")
        w.standin.clear()
        answer = w.browser.call(function, put["url"], headers, kind, b64(DATA), blob_type)
        self.assertEqual(answer["status"], 403, answer["text"])
        self.assertIn("<Code>SignatureDoesNotMatch</Code>", answer["text"])
        sent = w.standin.last("PUT")
        return put, sent, [v for n, v in sent["headers"] if n.lower() == "content-type"]

    def assert_named(self, put, sent, code, needle):
        """The diagnosis of what the browser sent names the cause, and only it."""
        findings = diagnose(put, sent)
        self.assertEqual([f["code"] for f in findings], [code], findings)
        self.assertIn(needle, findings[0]["message"])

    def test_fetch_of_a_file_sends_its_own_type(self):
        # fetch(url, {method: "PUT", body: file}) with no headers: the file's type goes out.
        put, sent, sent_type = self.refused("putFetch", "blob", "image/jpeg", {})
        self.assertEqual(sent_type, ["image/jpeg"])
        self.assert_named(
            put,
            sent,
            "signed-header-changed",
            "`Content-Type` was sent as `image/jpeg` but the URL is signed for `image/png`",
        )

    def test_xhr_of_an_untyped_blob_sends_no_content_type(self):
        put, sent, sent_type = self.refused("putXhr", "blob", "", {})
        self.assertEqual(sent_type, [])
        self.assert_named(
            put, sent, "signed-header-not-sent", "must send `Content-Type: image/png` exactly"
        )

    def test_fetch_of_a_string_sends_text_plain_utf8(self):
        put, sent, sent_type = self.refused("putFetch", "string", "", {})
        self.assertEqual(sent_type, ["text/plain;charset=UTF-8"])
        self.assert_named(put, sent, "signed-header-changed", "sent as `text/plain;charset=UTF-8`")

    def test_another_value_set_by_the_page(self):
        put, sent, sent_type = self.refused("putXhr", "blob", "", {"Content-Type": "image/jpeg"})
        self.assertEqual(sent_type, ["image/jpeg"])
        self.assert_named(put, sent, "signed-header-changed", "sent as `image/jpeg`")

    def test_what_the_browser_sends_as_presigned_has_no_finding(self):
        w = world()
        put = w.presign.object("put/clean.png", "PUT", "--content-type", "image/png")
        w.standin.clear()
        answer = w.browser.call("putFetch", put["url"], put["headers"], "blob", b64(DATA), "")
        self.assertEqual(answer["status"], 200)
        # Origin, User-Agent, Sec-Fetch-*...: nothing the browser adds breaks the signature.
        self.assertEqual(diagnose(put, w.standin.last("PUT")), [])


# Keys with every character a browser could mangle: each must arrive exactly as signed.
AWKWARD_KEYS = [
    "awkward/with space.bin",
    "awkward/plus+sign.bin",
    "awkward/caf\u00e9 \u65e5\u672c.bin",
    "awkward/emoji \U0001f600.bin",
    "awkward/tilde~.bin",
    "awkward/hash#fragment.bin",
    "awkward/question?mark.bin",
    "awkward/percent%.bin",
    "awkward/percent%20encoded.bin",
    "awkward/double//slash.bin",
    "awkward/back\\slash.bin",
    "awkward/reserved !$&'()*,;=:@.bin",
    "awkward/dots .../.x/x./a..b.bin",
]


class AwkwardKeys(unittest.TestCase):
    def test_each_key_arrives_as_signed_and_round_trips(self):
        w = world()
        for key in AWKWARD_KEYS:
            with self.subTest(key=key):
                put = w.presign.object(key, "PUT")
                w.standin.clear()
                answer = w.browser.call(
                    "putFetch", put["url"], put["headers"], "arraybuffer", b64(DATA), ""
                )
                sent = w.standin.last("PUT")
                self.assertEqual(path_of("http://h" + sent["target"]), path_of(put["url"]))
                self.assertEqual(answer["status"], 200, answer["text"])
                get = w.presign.object(key)
                page = w.browser.call("getFetch", get["url"])
                self.assertEqual(page["status"], 200)
                self.assertEqual(page["body"], b64(DATA))


class DotSegments(unittest.TestCase):
    """`.` and `..` segments are legal in S3 keys, but every browser rewrites them (WHATWG URL
    parsing), so the request no longer matches its signature."""

    def test_the_browser_rewrites_the_path_and_s3_refuses(self):
        w = world()
        for key, rewritten in (
            ("dots/./a.bin", "/browser-bucket/dots/a.bin"),
            ("dots/x/../a.bin", "/browser-bucket/dots/a.bin"),
        ):
            with self.subTest(key=key):
                put = w.presign.object(key, "PUT")
                self.assertIn(f"/browser-bucket/{key}?", put["url"], "presign never normalizes")
                w.standin.clear()
                answer = w.browser.call(
                    "putFetch", put["url"], put["headers"], "arraybuffer", b64(DATA), ""
                )
                self.assertEqual(answer["status"], 403, answer["text"])
                self.assertIn("<Code>SignatureDoesNotMatch</Code>", answer["text"])
                sent = w.standin.last("PUT")
                self.assertEqual(path_of("http://h" + sent["target"]), rewritten)
                self.assertEqual([x["code"] for x in put["warnings"]], ["dot-segment-in-key"])
                findings = diagnose(put, sent)
                self.assertEqual([f["code"] for f in findings], ["path-changed"], findings)
                self.assertIn("`.`/`..` segments were removed", findings[0]["message"])
                # The same URL sent as is (no browser) is accepted: the URL is right, the
                # browser broke it.
                status, _, body = send_raw(put["url"], "PUT", put["headers"], DATA)
                self.assertEqual(status, 200, body)


if __name__ == "__main__":
    unittest.main()
