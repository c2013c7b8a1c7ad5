"""generate_presigned_post against botocore: the same form URL, the same fields in the same
order, the same policy document (hence the same signature), byte for byte, on random cases:
regions, partitions, custom endpoints, addressing styles, keys with ${filename}, caller fields
and conditions (unicode, numbers, every condition form), session tokens, times and expiries.
The default mode is compared with botocore configured to make presign's choices, as in
test_botocore_differential.py."""

from __future__ import annotations

import base64
import collections
import copy
import datetime
import json
import random

import pytest

import s3presign
from test_botocore_differential import _default_mode_oracle, our_client, strip_default_port

UTC = datetime.timezone.utc
KEYS = ["a.txt", "user/${filename}", "uploads/caf\u00e9 1+2.png", "${filename}", "dir/a b/${filename}", "\u65e5\u672c/x"]
FIELDS = [
    None,
    {},
    {"acl": "public-read"},
    {"Content-Type": "image/png", "success_action_status": "201"},
    {"key": "overridden/by/Key", "x-amz-meta-owner": "alice"},
    {"policy": "in place", "x-amz-storage-class": "STANDARD_IA"},
]
CONDITIONS = [
    None,
    [],
    [{"acl": "public-read"}],
    [["content-length-range", 1, 10485760]],
    [["starts-with", "$Content-Type", "image/"], {"success_action_status": "201"}],
    [["eq", "$x-amz-meta-owner", "alice"], ["starts-with", "$key", "user/"]],
    [{"x-amz-meta-note": "caf\u00e9 \u2603 \"quoted\" back\\slash"}, ["content-length-range", 0, 5]],
    [["starts-with", "$success_action_redirect", ""], {"Cache-Control": "max-age=60"}],
    # json.dumps writes tuples as lists, astral characters as surrogate pairs, controls escaped.
    [("content-length-range", 0, 1048576), {"x-amz-meta-note": "\U0001F600 tab\t nl\n \x01 \u2028"}],
]


def _case(gen, rng, creds):
    custom = rng.random() < 0.3
    endpoint = rng.choice(gen.CUSTOM_ENDPOINTS) if custom else None
    region = rng.choice(gen.CUSTOM_REGIONS if custom else gen.AWS_REGIONS)
    cfg = gen.make_cfg(region, endpoint, rng.choice(["virtual", "path", "auto"]), False, False, False)
    choice = rng.choice(["regional", "legacy", None])
    if choice is None:
        del cfg["s3"]["us_east_1_regional_endpoint"]
    else:
        cfg["s3"]["us_east_1_regional_endpoint"] = choice
    bucket = rng.choice(gen.BUCKETS_DNS + gen.BUCKETS_DOTTED + ["MyBucket"])
    return {
        "cfg": cfg,
        "cred": creds[rng.randrange(len(creds))],
        "bucket": bucket,
        "key": rng.choice(KEYS),
        "fields": copy.deepcopy(rng.choice(FIELDS)),
        "conditions": copy.deepcopy(rng.choice(CONDITIONS)),
        "expires": rng.choice([1, 60, 3600, 86400, 604800]),
        "time": rng.choice(gen.TIMES),
    }


def _botocore_post(driver, c):
    driver.now = datetime.datetime.strptime(c["time"], "%Y-%m-%dT%H:%M:%SZ")
    client = driver.client(c["cfg"], c["cred"])
    return client.generate_presigned_post(
        c["bucket"], c["key"], Fields=copy.deepcopy(c["fields"]), Conditions=copy.deepcopy(c["conditions"]),
        ExpiresIn=c["expires"],
    )


@pytest.mark.parametrize("mode", ["boto3_compatible", "default"])
def test_presigned_post_matches_botocore(gen, driver, mode):
    rng = random.Random(1612)
    creds = gen.make_cred_pool(rng)
    compatible = mode == "boto3_compatible"
    tally = collections.Counter()
    for _ in range(400):
        c = _case(gen, rng, creds)
        oracle = c if compatible else dict(c, cfg=_default_mode_oracle({"cfg": c["cfg"]})["cfg"])
        want = _botocore_post(driver, oracle)
        now = datetime.datetime.strptime(c["time"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        ours = our_client(c["cfg"], c["cred"], compatible)
        caller_conditions = copy.deepcopy(c["conditions"])
        try:
            got = ours.generate_presigned_post(
                c["bucket"], c["key"], Fields=c["fields"], Conditions=c["conditions"], ExpiresIn=c["expires"], now=now
            )
        except s3presign.InvalidBucketNameError:
            tally["refused by design: bucket name S3 forbids"] += 1
            continue
        want_url = want["url"] if compatible else strip_default_port(want["url"])
        endpoint = c["cfg"]["endpoint_url"] or ""
        if want_url.startswith("http://%s.127.0.0.1" % c["bucket"]):
            # botocore prepends a dotted bucket to an IP endpoint: a host that cannot resolve.
            assert got["url"] == "%s/%s" % (endpoint, c["bucket"]), c
            tally["botocore's URL is inconsistent (bucket prepended to an IP); presign uses path-style"] += 1
            continue
        assert got["url"] == want_url, c
        assert list(got["fields"].items()) == list(want["fields"].items()), c
        assert c["conditions"] == caller_conditions, "the caller's list is left as it was"
        policy = json.loads(base64.b64decode(got["fields"]["policy"]))
        assert policy["conditions"][-3 - (c["cred"][2] is not None)] == {"x-amz-algorithm": "AWS4-HMAC-SHA256"}
        tally["identical URL, fields and policy"] += 1
    print(mode, dict(tally))
    assert tally["identical URL, fields and policy"] >= 300, tally


def test_post_refuses_what_s3_would(driver):
    s3 = s3presign.client("s3", region_name="eu-west-1", aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="s")
    now = datetime.datetime(2024, 1, 1, tzinfo=UTC)
    with pytest.raises(s3presign.InvalidPolicyError) as e:
        s3.generate_presigned_post("bkt", "k", Conditions=[["starts-with", "key", "x"]], now=now)
    assert e.value.code == "invalid-policy"
    with pytest.raises(s3presign.InvalidPolicyError):
        s3.generate_presigned_post("bkt", "k", ExpiresIn=604801, now=now)
    with pytest.raises(TypeError):
        s3.generate_presigned_post("bkt", "k", Conditions=[{"when": now}], now=now)
    # What botocore also refuses to serialize, json.dumps-style.
    assert isinstance(e.value, ValueError)
