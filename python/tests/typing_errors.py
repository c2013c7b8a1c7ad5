"""Calls mypy must refuse (checked in CI: each line below is an error, no more, no less)."""

import s3presign

p = s3presign.Presigner("AKIDEXAMPLE", "secret")
p.get_object("bkt", 1)  # E: key is a str
p.get_object("bkt", "k", expires_in="1h")  # E: expires_in is an int
url: int = p.get_object("bkt", "k").url  # E: url is a str
p.put_object("bkt", "k", content_typ="image/png")  # E: no such keyword
