"""A user's program, type-checked with `mypy --strict` in CI (.ci/python.sh): the stubs must
describe the API well enough for it to pass, and the wrong calls below must stay errors."""

from __future__ import annotations

import datetime
from typing import Any, Dict, List

import s3presign


def upload_link(p: s3presign.Presigner, key: str) -> Dict[str, Any]:
    r: s3presign.Presigned = p.put_object("my-uploads", key, content_type="image/png", expires_in=600)
    expires: datetime.datetime = r.expires_at
    headers: Dict[str, str] = r.headers
    codes: List[str] = [w.code for w in r.warnings]
    return {"url": r.url, "method": r.method, "headers": headers, "expires": expires.isoformat(), "warnings": codes}


def drop_in() -> str:
    s3: s3presign.S3Client = s3presign.client(
        "s3",
        region_name="eu-west-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
        config=s3presign.Config(signature_version="s3v4", s3={"addressing_style": "virtual"}),
    )
    post: Dict[str, Any] = s3.generate_presigned_post("bkt", "user/${filename}", Conditions=[["content-length-range", 1, 10]])
    assert post["url"]
    return s3.generate_presigned_url("get_object", Params={"Bucket": "bkt", "Key": "k"}, ExpiresIn=3600)


def batch(p: s3presign.Presigner, keys: List[str]) -> List[str]:
    return p.presign_many("bkt", keys, expires_in=60)


def handle(p: s3presign.Presigner) -> str:
    try:
        return p.get_object("192.168.5.4", "k").url
    except s3presign.InvalidBucketNameError as e:
        code: str = e.code
        return code


if __name__ == "__main__":
    p = s3presign.Presigner("AKIDEXAMPLE", "secret", region="eu-west-1")
    print(upload_link(p, "a.png"), drop_in(), batch(p, ["a", "b"]), handle(p))
