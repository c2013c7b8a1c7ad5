"""The drop-in against botocore, URL for URL.

* ``boto3_compatible=True``: the URL must be botocore's, byte for byte, on every case botocore
  and presign both sign: the 1706 recorded cases of vectors/botocore-s3.json, and 2500+ cases
  generated here (vectors/gen_botocore_s3.py's adversarial builders, another seed, and the three
  ``us_east_1_regional_endpoint`` settings) and signed by botocore live, clock frozen.
* the default mode may differ only by README's "Choices where implementations differ": the
  bucket's regional host instead of botocore's global one, and no explicit default port. Its
  oracle is botocore itself, configured to make those choices (``addressing_style="virtual"``
  for AWS endpoints under "auto", "regional" for an unset us-east-1 setting), the default
  port stripped from its URL.

Cases either side refuses are counted by reason; presign may refuse only what README lists
(bucket names S3 forbids, header names that differ only in case) and what botocore refuses.
"""

from __future__ import annotations

import collections
import copy
import datetime
import json
import random
from urllib.parse import urlsplit

import pytest

import s3presign
from conftest import REPO, UTC

SEED = 16_2026  # not the generator's: these cases are new


def strip_default_port(url: str) -> str:
    sp = urlsplit(url)
    netloc = sp.netloc
    if (sp.scheme, netloc.rpartition(":")[2]) in (("https", "443"), ("http", "80")):
        netloc = netloc.rpartition(":")[0]
    return url.replace(sp.scheme + "://" + sp.netloc, sp.scheme + "://" + netloc, 1)


def our_client(cfg: dict, cred, compatible: bool):
    s3 = cfg["s3"]
    return s3presign.client(
        "s3",
        region_name=cfg["region_name"],
        endpoint_url=cfg["endpoint_url"],
        aws_access_key_id=cred[0],
        aws_secret_access_key=cred[1],
        aws_session_token=cred[2],
        config=s3presign.Config(
            signature_version=cfg["signature_version"],
            s3={k: v for k, v in s3.items() if v is not None},
            use_fips_endpoint=cfg["use_fips_endpoint"],
        ),
        boto3_compatible=compatible,
    )


_clients: dict = {}


def cached_client(cfg, cred, compatible):
    k = (json.dumps(cfg, sort_keys=True), tuple(cred), compatible)
    c = _clients.get(k)
    if c is None:
        c = _clients[k] = our_client(cfg, cred, compatible)
    return c


def presign_ours(cfg, cred, compatible, op, params, expires, time_iso, http_method):
    now = datetime.datetime.strptime(time_iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    c = cached_client(cfg, cred, compatible)
    return c.generate_presigned_url(op, Params=params, ExpiresIn=expires, HttpMethod=http_method, now=now)


def refusal_allowed(e: s3presign.PresignError, params: dict) -> str:
    """Why presign may refuse what botocore signs (README: "Refused, not guessed")."""
    if e.code == "invalid-bucket-name":
        return "refused by design: bucket name S3 forbids"
    if e.code == "duplicate-header":
        names = [k.lower() for k in params.get("Metadata", {})]
        assert len(set(names)) < len(names), e
        return "refused by design: metadata names differing only in case"
    raise AssertionError("presign refused a case botocore signs: %s (%s)" % (e, e.code))


def _datetimes(v):
    if isinstance(v, dict):
        if set(v) == {"$datetime"}:
            return datetime.datetime.strptime(v["$datetime"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        return {k: _datetimes(x) for k, x in v.items()}
    return v


def test_recorded_botocore_cases_are_reproduced_byte_for_byte():
    doc = json.loads((REPO / "vectors" / "botocore-s3.json").read_text(encoding="utf-8"))
    tally = collections.Counter()
    for case in doc["cases"]:
        b = case["botocore"]
        inp = case["input"]
        c = inp["credentials"]
        cred = (c["access_key_id"], c["secret_access_key"], c["session_token"])
        params = _datetimes(b["params"])
        try:
            url = presign_ours(b["config"], cred, True, b["client_method"], params,
                               inp["expires_in"], inp["time"], b["http_method"])
        except s3presign.PresignError as e:
            tally[refusal_allowed(e, params)] += 1
            continue
        assert url == case["expected"]["url"], case["id"]
        tally["identical URL"] += 1
    print("recorded botocore cases:", dict(tally))
    assert tally["identical URL"] >= 1500, tally


def _vary_us_east_1(rng, spec):
    """The recorded cases all say "regional"; botocore's default (unset) is "legacy"."""
    spec = copy.deepcopy(spec)
    choice = rng.choice(["regional", "legacy", None])
    if choice is None:
        del spec["cfg"]["s3"]["us_east_1_regional_endpoint"]
    else:
        spec["cfg"]["s3"]["us_east_1_regional_endpoint"] = choice
    return spec


def _presign_botocore(driver, gen, spec):
    """botocore's URL, or the reason it refuses; 'odd' when the generator would drop its URL as
    inconsistent (a us-east-1 FIPS host signed for another region, a bucket prepended to an IP)."""
    try:
        url, cap = driver.presign(spec["cfg"], spec["cred"], spec["op"], spec["params"],
                                  spec["expires"], spec["time"], spec.get("http_method"))
    except Exception as e:  # botocore's refusals: ParamValidationError, EndpointResolutionError...
        return None, gen.classify_error(e)
    try:
        gen.normalize(spec, url, cap)
    except gen.Odd as e:
        return url, "odd: %s" % e
    return url, None


def _default_mode_oracle(spec):
    """botocore configured to make presign's choices (module docstring)."""
    spec = copy.deepcopy(spec)
    s3 = spec["cfg"]["s3"]
    if spec["cfg"]["endpoint_url"] is None and s3["addressing_style"] == "auto":
        s3["addressing_style"] = "virtual"
    if s3.get("us_east_1_regional_endpoint") is None:
        s3["us_east_1_regional_endpoint"] = "regional"
    return spec


@pytest.mark.parametrize("mode", ["boto3_compatible", "default"])
def test_live_botocore_differential(gen, driver, mode):
    rng = random.Random(SEED)
    creds = gen.make_cred_pool(rng)
    specs = [_vary_us_east_1(rng, s) for s in gen.handpicked(creds) + gen.random_specs(rng, creds, 2600)]
    compatible = mode == "boto3_compatible"
    tally = collections.Counter()
    for spec in specs:
        oracle = spec if compatible else _default_mode_oracle(spec)
        want, boto_refusal = _presign_botocore(driver, gen, oracle)
        try:
            got = presign_ours(spec["cfg"], spec["cred"], compatible, spec["op"], spec["params"],
                               spec["expires"], spec["time"], spec.get("http_method"))
            ours = None
        except s3presign.PresignError as e:
            got, ours = None, e
        if boto_refusal is not None and want is None:
            # botocore refuses: so must we (any reason; the messages differ).
            assert ours is not None, "botocore refuses (%s) but presign signed %s" % (boto_refusal, got)
            tally["both refuse (botocore: %s)" % boto_refusal] += 1
            continue
        if ours is not None:
            tally[refusal_allowed(ours, spec["params"])] += 1
            continue
        if boto_refusal is not None:  # an inconsistent botocore URL: ours must differ and work
            assert got != want
            tally["botocore's URL is inconsistent (%s); presign signs the named host" % boto_refusal] += 1
            continue
        if not compatible:
            want = strip_default_port(want)
        assert got == want, (spec["op"], spec["params"], spec["cfg"])
        tally["identical URL"] += 1
    print("%s: %d cases: %s" % (mode, len(specs), json.dumps(tally, indent=1, sort_keys=True)))
    assert tally["identical URL"] >= 2000, tally



OTHER_PARTITIONS = ["cn-north-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1", "us-isof-south-1",
                    "eu-isoe-west-1", "eusc-de-east-1"]


@pytest.mark.parametrize("mode", ["boto3_compatible", "default"])
def test_partitions_and_endpoint_options_as_botocore(gen, driver, mode):
    """Every partition's domain, and every combination of dualstack, FIPS and acceleration on
    AWS and custom endpoints (where botocore ignores dualstack and FIPS), under each addressing
    style: the URL is botocore's, or both refuse. presign refuses one thing more: acceleration
    outside the aws partition (botocore builds s3-accelerate hosts from the other partitions'
    domains, which AWS does not document)."""
    compatible = mode == "boto3_compatible"
    creds = gen.make_cred_pool(random.Random(7))
    tally = collections.Counter()
    for region in OTHER_PARTITIONS + ["eu-west-1", "us-east-1", None]:
        endpoint = "https://minio.example.com" if region is None else None
        for addressing in ("virtual", "path", "auto"):
            for dualstack, accelerate, fips in [(d, a, f) for d in (0, 1) for a in (0, 1) for f in (0, 1)]:
                spec = gen.spec_of("get_object", {"Bucket": "examplebucket", "Key": "k"}, region=region or "us-east-1",
                                   endpoint=endpoint, addressing=addressing, dualstack=bool(dualstack),
                                   accelerate=bool(accelerate), fips=bool(fips), cred=2, creds=creds,
                                   time="2026-01-02T03:04:05Z", expires=3600)
                want, boto_refusal = _presign_botocore(driver, gen, spec if compatible else _default_mode_oracle(spec))
                try:
                    got = presign_ours(spec["cfg"], spec["cred"], compatible, spec["op"], spec["params"],
                                       spec["expires"], spec["time"], None)
                except s3presign.InvalidEndpointError as e:
                    assert e.code == "unsupported-configuration", e
                    got = None
                if want is None:
                    assert got is None, "botocore refuses (%s) but presign signed %s" % (boto_refusal, got)
                    tally["both refuse"] += 1
                elif got is None:
                    assert accelerate and region not in (None, "eu-west-1", "us-east-1", "cn-north-1"), spec["cfg"]
                    assert ".s3-accelerate." in want, want
                    tally["refused by design: acceleration outside the aws partition"] += 1
                elif boto_refusal is not None:  # an inconsistent botocore URL: ours differs
                    assert got != want
                    tally["botocore's URL is inconsistent (%s)" % boto_refusal] += 1
                else:
                    assert got == (want if compatible else strip_default_port(want)), spec["cfg"]
                    tally["identical URL"] += 1
    print(mode, json.dumps(tally, indent=1, sort_keys=True))
    assert tally["identical URL"] >= 80 and tally["both refuse"] >= 60, tally
