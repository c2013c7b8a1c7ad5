"""A three-part multipart upload driven by the page: the page asks its backend to presign each
step (create, every part, complete), sends them with fetch, reads each part's ETag (exposed by
the CORS rule) and completes; the object read back is the three parts joined."""

import random
import unittest

from harness import b64, part_bytes, send_raw, world

MIB = 1024 * 1024
# S3 (and s3s-fs: EntityTooSmall) wants every part but the last to be at least 5 MiB.
SIZES = [5 * MIB, 5 * MIB, 12345]
BLOCK = random.Random(3).randbytes(4099)  # a prime length: parts do not align with it


class Multipart(unittest.TestCase):
    def test_three_parts_from_the_page(self):
        w = world()
        key = "multipart/three parts+\u00e9.bin"
        w.backend.calls.clear()
        answer = w.browser.call("multipartUpload", key, b64(BLOCK), SIZES, "application/x-test")
        self.assertEqual(answer["step"], "complete", answer)
        self.assertEqual(answer["status"], 200, answer["text"])
        self.assertIn("<CompleteMultipartUploadResult", answer["text"])
        self.assertEqual(len(answer["etags"]), 3)
        self.assertEqual(
            [c["op"] for c in w.backend.calls],
            ["create-multipart", "upload-part", "upload-part", "upload-part", "complete-multipart"],
        )
        status, headers, body = send_raw(w.presign.object(key)["url"])
        self.assertEqual(status, 200)
        expected = b"".join(part_bytes(BLOCK, i, n) for i, n in enumerate(SIZES))
        self.assertEqual(len(body), len(expected))
        self.assertTrue(body == expected, "the object is the three parts in order")
        self.assertEqual(headers["content-type"], "application/x-test")


if __name__ == "__main__":
    unittest.main()
