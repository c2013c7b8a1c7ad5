"""Real HTTP against s3s-fs (an S3-compatible server that verifies SigV4) on 127.0.0.1 with
requests and urllib: uploads, downloads, multipart, a POST form, list; every tampered or
misused URL refused with 403."""

from __future__ import annotations

import datetime
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
import requests

import s3presign
from conftest import S3S_ACCESS_KEY, S3S_SECRET_KEY

UTC = datetime.timezone.utc


@pytest.fixture(scope="module")
def presigner(s3s):
    return s3presign.Presigner(
        S3S_ACCESS_KEY, S3S_SECRET_KEY, region="us-east-1", endpoint_url=s3s.endpoint, addressing_style="path"
    )


@pytest.fixture(scope="module")
def boto3_like(s3s):
    return s3presign.client(
        "s3",
        region_name="us-east-1",
        endpoint_url=s3s.endpoint,
        aws_access_key_id=S3S_ACCESS_KEY,
        aws_secret_access_key=S3S_SECRET_KEY,
    )


def urllib_get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def test_put_then_get_with_requests_and_urllib(presigner):
    up = presigner.put_object("bkt", "photos/cat 1.png", content_type="image/png", metadata={"owner": "alice"})
    assert up.method == "PUT"
    assert up.headers == {"content-type": "image/png", "x-amz-meta-owner": "alice"}
    r = requests.put(up.url, data=b"\x89PNG fake", headers=up.headers, timeout=10)
    assert r.status_code == 200, r.text
    down = presigner.get_object("bkt", "photos/cat 1.png", response_content_disposition='attachment; filename="cat.png"')
    status, body = urllib_get(down.url)
    assert (status, body) == (200, b"\x89PNG fake")
    head = presigner.head_object("bkt", "photos/cat 1.png")
    r = requests.head(head.url, timeout=10)
    assert r.status_code == 200 and r.headers["x-amz-meta-owner"] == "alice"


def test_refusals(presigner):
    requests.put(presigner.put_object("bkt", "k.txt").url, data=b"x", timeout=10).raise_for_status()
    good = presigner.get_object("bkt", "k.txt").url
    assert urllib_get(good)[0] == 200
    sig = re.search(r"X-Amz-Signature=([0-9a-f]{64})", good)
    tampered = good[: sig.start(1)] + ("0" if sig.group(1)[0] != "0" else "1") + good[sig.start(1) + 1 :]
    assert urllib_get(tampered)[0] == 403
    other_key = good.replace("/bkt/k.txt?", "/bkt/other.txt?")
    assert urllib_get(other_key)[0] == 403
    assert requests.delete(good, timeout=10).status_code == 403  # signed for GET
    up = presigner.put_object("bkt", "typed.txt", content_type="text/plain")
    assert requests.put(up.url, data=b"x", timeout=10).status_code == 403  # Content-Type not sent
    assert requests.put(up.url, data=b"x", headers={"content-type": "text/html"}, timeout=10).status_code == 403
    expired = presigner.get_object("bkt", "k.txt", expires_in=1, now=datetime.datetime.now(UTC) - datetime.timedelta(minutes=5))
    assert urllib_get(expired.url)[0] == 403


def test_drop_in_round_trip_and_delete(boto3_like):
    put = boto3_like.generate_presigned_url(
        "put_object", Params={"Bucket": "bkt", "Key": "dir/r\u00e9sum\u00e9 (1).txt", "ContentType": "text/plain"}
    )
    assert put.startswith(boto3_like.endpoint_url + "/bkt/dir/r%C3%A9sum%C3%A9%20%281%29.txt?")
    r = requests.put(put, data="hello", headers={"Content-Type": "text/plain"}, timeout=10)
    assert r.status_code == 200, r.text
    get = boto3_like.generate_presigned_url("get_object", Params={"Bucket": "bkt", "Key": "dir/r\u00e9sum\u00e9 (1).txt"})
    assert urllib_get(get) == (200, b"hello")
    listing = boto3_like.generate_presigned_url("list_objects_v2", Params={"Bucket": "bkt", "Prefix": "dir/"})
    r = requests.get(listing, timeout=10)
    assert r.status_code == 200, r.text
    assert "<EncodingType>url</EncodingType>" in r.text  # boto3 asks for it; so does the drop-in
    keys = [urllib.parse.unquote(k) for k in re.findall(r"<Key>(.*?)</Key>", r.text)]
    assert "dir/r\u00e9sum\u00e9 (1).txt" in keys
    delete = boto3_like.generate_presigned_url("delete_object", Params={"Bucket": "bkt", "Key": "dir/r\u00e9sum\u00e9 (1).txt"})
    assert requests.delete(delete, timeout=10).status_code == 204
    assert urllib_get(get)[0] == 404


def test_multipart_upload(presigner):
    create = presigner.create_multipart_upload("bkt", "big.bin", content_type="application/octet-stream")
    r = requests.post(create.url, headers=create.headers, timeout=10)
    assert r.status_code == 200, r.text
    upload_id = re.search(r"<UploadId>(.*?)</UploadId>", r.text).group(1)
    parts = [b"a" * (5 * 1024 * 1024), b"tail"]
    etags = []
    for n, data in enumerate(parts, start=1):
        part = presigner.upload_part("bkt", "big.bin", upload_id, n)
        r = requests.put(part.url, data=data, timeout=30)
        assert r.status_code == 200, r.text
        etags.append(r.headers["ETag"])
    listed = requests.get(presigner.list_parts("bkt", "big.bin", upload_id).url, timeout=10)
    assert listed.status_code == 200 and listed.text.count("<Part>") == 2
    xml = "<CompleteMultipartUpload>%s</CompleteMultipartUpload>" % "".join(
        "<Part><PartNumber>%d</PartNumber><ETag>%s</ETag></Part>" % (n, e) for n, e in enumerate(etags, start=1)
    )
    done = presigner.complete_multipart_upload("bkt", "big.bin", upload_id)
    r = requests.post(done.url, data=xml, timeout=30)
    assert r.status_code == 200, r.text
    status, body = urllib_get(presigner.get_object("bkt", "big.bin").url)
    assert status == 200 and body == b"".join(parts)


def test_post_form_upload_drop_in(boto3_like):
    post = boto3_like.generate_presigned_post(
        "uploads",
        "user/${filename}",
        Fields={"Content-Type": "text/plain"},
        Conditions=[["content-length-range", 1, 1024], ["starts-with", "$Content-Type", "text/"]],
    )
    r = requests.post(post["url"], data=post["fields"], files={"file": ("note.txt", b"posted", "text/plain")}, timeout=10)
    assert 200 <= r.status_code < 300, r.text
    # S3 stores it under user/note.txt; s3s-fs 0.14.1 keeps the key literally (user/${filename}).
    got = [
        urllib_get(boto3_like.generate_presigned_url("get_object", Params={"Bucket": "uploads", "Key": k}))
        for k in ("user/note.txt", "user/${filename}")
    ]
    assert (200, b"posted") in got, got
    too_big = requests.post(post["url"], data=post["fields"], files={"file": ("big.txt", b"x" * 2000, "text/plain")}, timeout=10)
    assert too_big.status_code in (400, 403), too_big.text


def test_post_form_upload_presigner(presigner):
    post = presigner.presign_post("uploads", key_starts_with="avatars/", content_length_range=(1, 100))
    fields = dict(post.fields)
    fields["key"] = "avatars/me.png"
    r = requests.post(post.url, data=fields, files={"file": ("me.png", b"png!", "image/png")}, timeout=10)
    assert 200 <= r.status_code < 300, r.text
    fields["key"] = "elsewhere/me.png"
    r = requests.post(post.url, data=fields, files={"file": ("me.png", b"png!", "image/png")}, timeout=10)
    assert r.status_code in (400, 403) and "starts-with" in r.text, r.text  # S3: 403 AccessDenied


def test_presign_many_urls_all_work(presigner):
    keys = ["batch/%03d.txt" % i for i in range(80)]  # over the GIL-free threshold
    for k in keys[:3]:
        requests.put(presigner.put_object("bkt", k).url, data=k.encode(), timeout=10).raise_for_status()
    urls = presigner.presign_many("bkt", keys[:3] + ["batch/missing"] * 77)
    assert [urllib_get(u) for u in urls[:3]] == [(200, k.encode()) for k in keys[:3]]
    assert urllib_get(urls[3])[0] == 404  # signed fine, object absent
