"""POST policy uploads from the page (FormData, the file last), with a size cap and a type
prefix, as `presign post` prints them."""

import json
import unittest

from harness import BUCKET, b64, send_raw, world

MAX = 1000


def policy(*extra):
    w = world()
    _, out, _ = w.presign.run(
        "post",
        f"s3://{BUCKET}/forms/",
        "--max-size",
        str(MAX),
        "--content-type-prefix",
        "image/",
        "--endpoint-url",
        w.endpoint,
        "--addressing-style",
        "path",
        *extra,
    )
    return json.loads(out)


def submit(form, name, content_type, data):
    fields = list(form["fields"].items())
    fields.insert(1, ("Content-Type", content_type))  # the page fills the starts-with field
    return world().browser.call("postForm", form["url"], fields, name, content_type, b64(data))


class PostPolicy(unittest.TestCase):
    def test_an_image_within_the_cap_is_stored(self):
        form = policy()
        data = bytes(range(256)) * 3
        answer = submit(form, "ok \u00e9.png", "image/png", data)
        self.assertEqual(answer["status"], 204, answer["text"])
        # s3s-fs stores `${filename}` literally (S3 substitutes the file name).
        status, headers, body = send_raw(world().presign.object("forms/${filename}")["url"])
        self.assertEqual((status, body), (200, data))
        self.assertEqual(headers["content-type"], "image/png")

    def test_success_action_status_201_answers_with_the_location(self):
        form = policy("--success-action-status", "201")
        answer = submit(form, "a.png", "image/png", b"png")
        self.assertEqual(answer["status"], 201, answer["text"])
        self.assertIn("<PostResponse>", answer["text"])

    def test_one_byte_over_the_cap_is_entity_too_large(self):
        answer = submit(policy(), "big.png", "image/png", b"x" * (MAX + 1))
        self.assertEqual(answer["status"], 400)
        self.assertIn("<Code>EntityTooLarge</Code>", answer["text"])

    def test_a_type_outside_the_prefix_is_refused(self):
        answer = submit(policy(), "notes.txt", "text/plain", b"text")
        # S3 answers 403 AccessDenied ("Invalid according to Policy"); s3s-fs 0.14.1 answers
        # 400 InvalidPolicyDocument naming the condition. Either way it is refused.
        self.assertEqual(answer["status"], 400, answer["text"])
        self.assertIn("starts-with", answer["text"])
        self.assertIn("content-type", answer["text"])


if __name__ == "__main__":
    unittest.main()
