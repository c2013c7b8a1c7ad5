"""The AWS documentation's presigned URL (sigv4-query-string-auth.html), byte for byte, from
each of the package's entry points."""

import datetime

import s3presign

UTC = datetime.timezone.utc
AKID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
NOW = datetime.datetime(2013, 5, 24, tzinfo=UTC)
URL = (
    "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
    "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
    "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
    "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
)


def test_drop_in_with_the_legacy_global_host_asked_for():
    s3 = s3presign.client(
        "s3",
        region_name="us-east-1",
        aws_access_key_id=AKID,
        aws_secret_access_key=SECRET,
        config=s3presign.Config(signature_version="s3v4", s3={"us_east_1_regional_endpoint": "legacy"}),
    )
    url = s3.generate_presigned_url(
        "get_object", Params={"Bucket": "examplebucket", "Key": "test.txt"}, ExpiresIn=86400, now=NOW
    )
    assert url == URL


def test_drop_in_boto3_compatible_uses_botocore_defaults():
    s3 = s3presign.client(
        "s3", region_name="us-east-1", aws_access_key_id=AKID, aws_secret_access_key=SECRET, boto3_compatible=True
    )
    url = s3.generate_presigned_url("get_object", {"Bucket": "examplebucket", "Key": "test.txt"}, 86400, now=NOW)
    assert url == URL


def test_drop_in_default_is_the_regional_host():
    s3 = s3presign.client("s3", region_name="us-east-1", aws_access_key_id=AKID, aws_secret_access_key=SECRET)
    url = s3.generate_presigned_url("get_object", {"Bucket": "examplebucket", "Key": "test.txt"}, 86400, now=NOW)
    assert url.startswith("https://examplebucket.s3.us-east-1.amazonaws.com/test.txt?")
    assert url != URL  # the host is signed, so the signature differs too


def test_presigner():
    p = s3presign.Presigner(AKID, SECRET, region="us-east-1", legacy_global_endpoint=True)
    r = p.get_object("examplebucket", "test.txt", expires_in=86400, now=NOW)
    assert r.url == URL
    assert r.method == "GET"
    assert r.headers == {}
    assert r.signed_at == NOW
    assert r.expires_at == datetime.datetime(2013, 5, 25, tzinfo=UTC)
    assert r.expires_at.tzinfo is not None
    assert r.expires_in == 86400
    assert r.warnings == []
    # Unix seconds work for now= too, and presign_many gives the same URL.
    assert p.presign_many("examplebucket", ["test.txt"], expires_in=86400, now=1369353600) == [URL]
