"""The Python API: what each call returns, what it refuses and how (exception class, code,
message), warnings, the clock, threads, and that secrets never show."""

from __future__ import annotations

import datetime
import pickle
import threading

import pytest

import s3presign

UTC = datetime.timezone.utc
NOW = datetime.datetime(2024, 5, 24, 12, 0, 0, tzinfo=UTC)
AKID, SECRET, TOKEN = "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "IQoJb3JpZ2luX2Vj/+token=="


@pytest.fixture
def p():
    return s3presign.Presigner(AKID, SECRET, region="eu-west-1")


@pytest.fixture
def s3():
    return s3presign.client("s3", region_name="eu-west-1", aws_access_key_id=AKID, aws_secret_access_key=SECRET)


def test_put_returns_what_the_client_must_send(p):
    r = p.put_object("my-uploads", "a/b.png", content_type="image/png", metadata={"Owner": "alice"},
                     acl="private", checksum=("sha256", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="),
                     expires_in=900, now=NOW)
    assert r.method == "PUT"
    assert r.headers == {
        "content-type": "image/png",
        "x-amz-meta-owner": "alice",
        "x-amz-acl": "private",
        "x-amz-checksum-sha256": "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
    }
    assert "X-Amz-SignedHeaders=content-type%3Bhost%3Bx-amz-acl%3Bx-amz-checksum-sha256%3Bx-amz-meta-owner&" in r.url
    assert r.expires_at == NOW + datetime.timedelta(seconds=900)
    assert r.headers is not r.headers  # a fresh dict each time: mutating one changes nothing
    assert "Signature" not in repr(r) and "a/b.png" in repr(r)


def test_every_operation(p):
    u = "a/b+c=="
    cases = {
        "get": (p.get_object("b-1", "k", version_id="v1", range="bytes=0-9", now=NOW), "GET", "?versionId=v1&"),
        "head": (p.head_object("b-1", "k", part_number=2, now=NOW), "HEAD", "?partNumber=2&"),
        "delete": (p.delete_object("b-1", "k", now=NOW), "DELETE", "/k?X-Amz-"),
        "create": (p.create_multipart_upload("b-1", "k", content_type="video/mp4", now=NOW), "POST", "?uploads=&"),
        "part": (p.upload_part("b-1", "k", u, 3, now=NOW), "PUT", "?partNumber=3&uploadId=a%2Fb%2Bc%3D%3D&"),
        "complete": (p.complete_multipart_upload("b-1", "k", u, now=NOW), "POST", "?uploadId=a%2Fb%2Bc%3D%3D&"),
        "abort": (p.abort_multipart_upload("b-1", "k", u, now=NOW), "DELETE", "?uploadId=a%2Fb%2Bc%3D%3D&"),
        "parts": (p.list_parts("b-1", "k", u, now=NOW), "GET", "?uploadId=a%2Fb%2Bc%3D%3D&"),
        "list": (p.list_objects_v2("b-1", prefix="x/", max_keys=5, now=NOW), "GET", "/?list-type=2&prefix=x%2F&max-keys=5&"),
        "any": (p.presign("GET", "b-1", "k", query={"tagging": ""}, now=NOW), "GET", "/k?tagging=&"),
    }
    for name, (r, method, fragment) in cases.items():
        assert r.method == method, name
        assert fragment in r.url, (name, r.url)
        assert r.url.startswith("https://b-1.s3.eu-west-1.amazonaws.com/"), name
    assert cases["get"][0].headers == {"range": "bytes=0-9"}


def test_errors_are_value_errors_with_codes(p, s3):
    cases = [
        (lambda: p.get_object("192.168.5.4", "k"), s3presign.InvalidBucketNameError, "invalid-bucket-name", "IP address"),
        (lambda: p.get_object("bkt", ""), s3presign.InvalidKeyError, "invalid-object-key", "empty"),
        (lambda: p.get_object("bkt", "k", expires_in=604801), s3presign.InvalidExpiryError, "invalid-expiry", "604800"),
        (lambda: p.get_object("bkt", "k", expires_in=-1), s3presign.InvalidExpiryError, "invalid-expiry", "-1"),
        (lambda: p.put_object("bkt", "k", headers={"x-a": "1\r\nInjected: yes"}), s3presign.InvalidHeaderError, "invalid-header-value", "CR, LF"),
        (lambda: p.put_object("bkt", "k", headers={"host": "evil"}), s3presign.InvalidHeaderError, "reserved-header", "host"),
        (lambda: p.get_object("bkt", "k", query={"X-Amz-Signature": "x"}), s3presign.InvalidQueryError, "invalid-query-parameter", "set by the signer"),
        (lambda: s3presign.Presigner(AKID, SECRET, region="Bad Region"), s3presign.InvalidEndpointError, "invalid-region", "us-east-1"),
        (lambda: s3presign.Presigner("AKID\n", SECRET), s3presign.InvalidCredentialsError, "invalid-access-key-id", "newline"),
        # Endpoint options S3 has no host for: refused when the Presigner is made.
        (lambda: s3presign.Presigner(AKID, SECRET, region="cn-north-1", fips=True), s3presign.InvalidEndpointError, "unsupported-configuration", "no FIPS endpoints in the China regions"),
        (lambda: s3presign.Presigner(AKID, SECRET, endpoint_url="http://127.0.0.1:9000", dualstack=True), s3presign.InvalidEndpointError, "unsupported-configuration", "custom endpoint cannot be combined with dualstack"),
        (lambda: s3presign.Presigner(AKID, SECRET, region="us-gov-west-1", accelerate=True), s3presign.InvalidEndpointError, "unsupported-configuration", "only in the aws partition"),
        (lambda: s3presign.Presigner(AKID, SECRET, addressing_style="sideways"), s3presign.InvalidEndpointError, "unsupported-configuration", '"auto", "virtual" or "path"'),
        (lambda: s3.generate_presigned_url("get_object", Params={"Bucket": "bkt"}), s3presign.ParamValidationError, "invalid-parameter", 'Missing required parameter in input: "Key"'),
        (lambda: s3.generate_presigned_url("get_object", Params={"Bucket": "bkt", "Key": "k", "Nope": 1}), s3presign.ParamValidationError, "invalid-parameter", 'Unknown parameter in input: "Nope"'),
        (lambda: s3.generate_presigned_url("put_object", Params={"Bucket": "bkt", "Key": "k", "ContentLength": "5"}), s3presign.ParamValidationError, "invalid-parameter", "ContentLength"),
        (lambda: s3.generate_presigned_url("put_object", Params={"Bucket": "bkt", "Key": "k", "Metadata": {"a": "caf\u00e9"}}), s3presign.ParamValidationError, "invalid-parameter", "ASCII"),
        (lambda: s3.generate_presigned_url("copy_object", Params={}), s3presign.UnknownClientMethodError, "unknown-client-method", "get_object"),
        (lambda: s3.generate_presigned_url("get_object", {"Bucket": "bkt", "Key": "k"}, 60, "FETCH"), s3presign.ParamValidationError, "invalid-parameter", "HttpMethod"),
    ]
    for call, cls, code, words in cases:
        with pytest.raises(cls) as e:
            call()
        assert isinstance(e.value, ValueError) and isinstance(e.value, s3presign.PresignError)
        assert e.value.code == code, (e.value, e.value.code)
        assert words in str(e.value), str(e.value)
        again = pickle.loads(pickle.dumps(e.value))
        assert (type(again), again.code, str(again)) == (cls, code, str(e.value))
    with pytest.raises(TypeError):
        p.get_object("bkt", 42)


def test_temporary_credentials_are_not_outlived():
    soon = NOW + datetime.timedelta(minutes=10)
    p = s3presign.Presigner(AKID, SECRET, TOKEN, credentials_expire_at=soon)
    with pytest.raises(s3presign.InvalidCredentialsError) as e:
        p.get_object("bkt", "k", expires_in=3600, now=NOW)
    assert e.value.code == "expires-after-credentials"
    clamped = s3presign.Presigner(AKID, SECRET, TOKEN, credentials_expire_at=soon, clamp_expiry=True)
    r = clamped.get_object("bkt", "k", expires_in=3600, now=NOW)
    assert r.expires_at == soon and r.expires_in == 600
    assert "X-Amz-Security-Token=IQoJb3JpZ2luX2Vj%2F%2Btoken%3D%3D&" in r.url


def test_warnings_and_deny_warnings(p):
    r = p.get_object("bkt", "a/../b.txt", now=NOW)
    assert [w.code for w in r.warnings] == ["dot-segment-in-key"]
    assert "SignatureDoesNotMatch" in r.warnings[0].message
    strict = s3presign.Presigner(AKID, SECRET, deny_warnings=True)
    with pytest.raises(s3presign.ClientHazardError) as e:
        strict.get_object("bkt", "a/../b.txt", now=NOW)
    assert (e.value.code, e.value.warning_code) == ("client-hazard", "dot-segment-in-key")
    with pytest.raises(s3presign.ClientHazardError):
        strict.presign_many("bkt", ["ok", "./x"], now=NOW)
    drop_in = s3presign.client("s3", aws_access_key_id=AKID, aws_secret_access_key=SECRET, deny_warnings=True)
    with pytest.raises(s3presign.ClientHazardError):
        drop_in.generate_presigned_url("get_object", Params={"Bucket": "bkt", "Key": "../k"})
    assert p.get_object("bkt", "plain.txt", now=NOW).warnings == []


def test_the_clock(p):
    before = datetime.datetime.now(UTC).replace(microsecond=0)
    r = p.get_object("bkt", "k")
    after = datetime.datetime.now(UTC)
    assert before <= r.signed_at <= after
    with pytest.raises(ValueError, match="naive"):
        p.get_object("bkt", "k", now=datetime.datetime(2024, 1, 1))
    tokyo = datetime.timezone(datetime.timedelta(hours=9))
    assert p.get_object("bkt", "k", now=NOW.astimezone(tokyo)).url == p.get_object("bkt", "k", now=NOW).url
    assert p.get_object("bkt", "k", now=NOW.timestamp()).url == p.get_object("bkt", "k", now=NOW).url


def test_presign_many_equals_one_by_one_and_threads_agree(p):
    keys = ["k/%d \u00e9" % i for i in range(300)]
    one_by_one = [p.get_object("bkt", k, now=NOW).url for k in keys]
    assert p.presign_many("bkt", keys, now=NOW) == one_by_one  # GIL released (>= 64 keys)
    assert p.presign_many("bkt", keys[:10], now=NOW) == one_by_one[:10]  # GIL held
    assert p.presign_many("bkt", iter(keys), now=NOW) == one_by_one
    assert p.presign_many("bkt", [], now=NOW) == []
    results = {}

    def work(i):
        results[i] = [p.presign_many("bkt", keys, now=NOW) for _ in range(5)] + [[p.get_object("bkt", k, now=NOW).url for k in keys]]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == one_by_one for batch in results.values() for r in batch)


def test_drop_in_client_reads_boto3_configuration(monkeypatch):
    for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION",
              "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_S3_US_EAST_1_REGIONAL_ENDPOINT"):
        monkeypatch.delenv(k, raising=False)
    with pytest.raises(s3presign.InvalidCredentialsError) as e:
        s3presign.client("s3")
    assert e.value.code == "missing-credentials"
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", AKID)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    monkeypatch.setenv("AWS_SESSION_TOKEN", TOKEN)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-south-2")
    c = s3presign.client("s3")
    assert c.region_name == "ap-south-2"
    url = c.generate_presigned_url("get_object", Params={"Bucket": "bkt", "Key": "k"}, now=NOW)
    assert url.startswith("https://bkt.s3.ap-south-2.amazonaws.com/k?")  # not the global host
    assert "X-Amz-Security-Token=" in url
    compat = s3presign.client("s3", boto3_compatible=True)
    assert compat.generate_presigned_url("get_object", Params={"Bucket": "bkt", "Key": "k"}, now=NOW).startswith(
        "https://bkt.s3.amazonaws.com/k?"  # botocore's global host (boto/boto3#1982)
    )
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", "https://minio.example.com:443")
    m = s3presign.client("s3", config=s3presign.Config(retries={"max_attempts": 3}))
    assert m.generate_presigned_url("get_object", Params={"Bucket": "bkt", "Key": "k"}, now=NOW).startswith(
        "https://minio.example.com/bkt/k?"
    )
    with pytest.raises(s3presign.InvalidEndpointError):
        s3presign.client("s3", config=s3presign.Config(signature_version="s3"))
    with pytest.raises(TypeError):
        s3presign.Config(no_such_option=1)
    botocore_config = pytest.importorskip("botocore.config")
    v = s3presign.client("s3", config=botocore_config.Config(s3={"addressing_style": "path"}))
    assert v.generate_presigned_url("get_object", Params={"Bucket": "bkt", "Key": "k"}, now=NOW).startswith(
        "https://minio.example.com/bkt/k?"
    )


def test_secrets_never_show(s3):
    p = s3presign.Presigner(AKID, SECRET, TOKEN)
    for text in (repr(p), repr(s3), repr(p.get_object("bkt", "k", now=NOW))):
        assert SECRET not in text and TOKEN not in text and "Signature=" not in text
    with pytest.raises(s3presign.PresignError) as e:
        s3presign.Presigner(AKID, SECRET + " ", TOKEN)
    assert SECRET not in str(e.value)


def test_text_that_is_not_utf8_is_refused(p, s3):
    with pytest.raises(UnicodeEncodeError):  # a ValueError too
        p.get_object("bkt", "lone \ud800 surrogate")
    with pytest.raises(UnicodeEncodeError):
        s3.generate_presigned_url("get_object", Params={"Bucket": "bkt", "Key": "x\udcff"})
    assert "%F0%9F%98%80" in p.get_object("bkt", "\U0001F600", now=NOW).url


def test_timedelta_expiry_and_download_as(p, s3):
    r = p.get_object("bkt", "r/1.png", expires_in=datetime.timedelta(minutes=10), download_as="caf\u00e9 1.png", now=NOW)
    assert r.expires_in == 600 and r.warnings == []
    assert "response-content-disposition=attachment%3B%20filename%3D%22cafe%201.png%22%3B%20filename%2A%3DUTF-8%27%27caf%25C3%25A9%25201.png&" in r.url
    assert "X-Amz-Expires=3600&" in s3.generate_presigned_url("get_object", {"Bucket": "bkt", "Key": "k"}, datetime.timedelta(hours=1))
    with pytest.raises(s3presign.ParamValidationError, match="whole seconds"):
        p.get_object("bkt", "k", expires_in=datetime.timedelta(seconds=1.5))
