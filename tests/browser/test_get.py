"""A presigned GET read by the page, with a Content-Disposition override the page reads back
(the CORS rule exposes it)."""

import unittest

from harness import send_raw, world

KEY = "get/report.png"


def stored():
    w = world()
    put = w.presign.object(KEY, "PUT", "--content-type", "image/png")
    status, _, _ = send_raw(put["url"], "PUT", put["headers"], b"png bytes")
    assert status == 200


class ContentDisposition(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        stored()

    def read(self, disposition):
        w = world()
        get = w.presign.object(KEY, "GET", "--query", f"response-content-disposition={disposition}")
        answer = w.browser.call("getFetch", get["url"])
        self.assertEqual(answer["status"], 200)
        return answer["contentDisposition"]

    def test_rfc_8187_filename_star_arrives_intact(self):
        value = "attachment; filename=\"cafe.png\"; filename*=UTF-8''caf%C3%A9.png"
        self.assertEqual(self.read(value), value)

    def test_raw_non_ascii_arrives_garbled(self):
        # S3 (and s3s-fs) send the override's UTF-8 bytes raw; the page reads header bytes as
        # Latin-1. This is why presign warns about it.
        self.assertEqual(
            self.read('attachment; filename="caf\u00e9.png"'),
            'attachment; filename="caf\u00c3\u00a9.png"',
        )


if __name__ == "__main__":
    unittest.main()
