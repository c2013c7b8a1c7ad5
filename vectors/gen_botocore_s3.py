#!/usr/bin/env python3
"""Generate adversarial S3 SigV4 presigned-URL test vectors with botocore.

Usage:
    python3 vectors/gen_botocore_s3.py           # regenerate vectors/botocore-s3.json (+ self-check)
    python3 vectors/gen_botocore_s3.py --check   # only re-verify the JSON with the independent
                                                 # hashlib/hmac SigV4 checker (botocore not needed)

Every case is produced by asking botocore (``generate_presigned_url``) with a frozen clock
(``botocore.auth.get_current_datetime`` is patched) and recording:

* ``botocore``: what was asked of botocore (client method, params, client config), to reproduce;
* ``input``: botocore's request in a library-neutral, *normalized* form (method, bucket, key,
  region, endpoint, addressing, flags, credentials, time, expiry, the non-``X-Amz-*`` query
  parameters decoded in URL order, and the signed headers other than ``host`` with the values
  botocore signed);
* ``expected``: the URL, canonical request, string to sign, signature, signed host and the
  addressing style botocore actually used.

The output is deterministic for a given botocore version (fixed seed, no wall clock).
Cases where botocore raises, or produces a URL that is internally inconsistent, are dropped
and counted by reason.
"""

import os
import sys

# --- keep botocore away from the user's configuration -----------------------------------------
for _k in list(os.environ):
    if _k.startswith("AWS_"):
        del os.environ[_k]
os.environ["AWS_CONFIG_FILE"] = "/dev/null"
os.environ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
os.environ["AWS_EC2_METADATA_DISABLED"] = "true"

import base64
import collections
import copy
import datetime
import hashlib
import hmac
import json
import random
import unicodedata
from urllib.parse import quote, unquote, urlsplit

SEED = 20130524
N_RANDOM = 1400
HERE = os.path.dirname(os.path.abspath(__file__))
OUT_JSON = os.path.join(HERE, "botocore-s3.json")
OUT_README = os.path.join(HERE, "README-botocore.md")

AUTH_PARAMS = (
    "X-Amz-Algorithm",
    "X-Amz-Credential",
    "X-Amz-Date",
    "X-Amz-Expires",
    "X-Amz-SignedHeaders",
    "X-Amz-Security-Token",
    "X-Amz-Signature",
)

# ==============================================================================================
# Independent SigV4 checker (hashlib/hmac/urllib only; does not import botocore)
# ==============================================================================================


def uri_encode(s, safe=""):
    """RFC 3986 percent-encoding of the UTF-8 bytes of s; unreserved = A-Z a-z 0-9 - . _ ~"""
    return quote(s.encode("utf-8"), safe="-_.~" + safe)


def trimall(v):
    # SigV4: trim, and collapse runs of whitespace to one space (botocore: ' '.join(v.split()))
    return " ".join(v.split())


def strip_default_port(scheme, netloc):
    if scheme == "http" and netloc.endswith(":80"):
        return netloc[: -len(":80")]
    if scheme == "https" and netloc.endswith(":443"):
        return netloc[: -len(":443")]
    return netloc


def _hmac(key, msg):
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()


def check_case(c):
    """Rebuild URL, canonical request, string to sign and signature from c['input'] plus
    expected.host / expected.style / the URL origin; raise AssertionError on any mismatch."""
    inp, exp = c["input"], c["expected"]
    url = exp["url"]
    sp = urlsplit(url)
    host = exp["host"]

    # 1. signed host = URL authority with the scheme's default port removed
    assert strip_default_port(sp.scheme, sp.netloc) == host, ("host", sp.netloc, host)

    # 2. canonical URI = URL path, rebuilt from bucket/key and the addressing style used
    bucket, key = inp["bucket"], inp["key"]
    if exp["style"] == "virtual":
        assert host.startswith(bucket + "."), ("virtual host", host, bucket)
        path = "/" + (uri_encode(key, safe="/") if key is not None else "")
    else:
        assert exp["style"] == "path"
        path = "/" + bucket + ("/" + uri_encode(key, safe="/") if key is not None else "")
    assert sp.path == path, ("path", sp.path, path)

    # 3. query: operation params (input.query) then auth params, in botocore's order
    t = datetime.datetime.strptime(inp["time"], "%Y-%m-%dT%H:%M:%SZ")
    amz_date = t.strftime("%Y%m%dT%H%M%SZ")
    scope = "%s/%s/s3/aws4_request" % (amz_date[:8], inp["region"])
    header_names = [h[0] for h in inp["headers"]]
    assert header_names == sorted(header_names) and len(set(header_names)) == len(header_names)
    assert all(n == n.lower() and n != "host" for n in header_names)
    signed_headers = ";".join(sorted(["host"] + header_names))
    cred = inp["credentials"]
    auth = [
        ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
        ("X-Amz-Credential", cred["access_key_id"] + "/" + scope),
        ("X-Amz-Date", amz_date),
        ("X-Amz-Expires", str(inp["expires_in"])),
        ("X-Amz-SignedHeaders", signed_headers),
    ]
    if cred["session_token"] is not None:
        auth.append(("X-Amz-Security-Token", cred["session_token"]))
    pairs = [(uri_encode(k), uri_encode(v)) for k, v in inp["query"] + auth]
    canonical_query = "&".join("%s=%s" % kv for kv in sorted(pairs))

    # 4. canonical headers: host + input.headers (values exactly as signed)
    hdrs = sorted([("host", host)] + [tuple(h) for h in inp["headers"]])
    canonical_headers = "".join("%s:%s\n" % (n, v) for n, v in hdrs)
    # the raw values a client sends must trimall/join to the signed values
    grouped = collections.OrderedDict()
    for n, v in inp["headers_sent"]:
        grouped.setdefault(n.lower(), []).append(trimall(v))
    assert sorted((n, ",".join(v)) for n, v in grouped.items()) == [tuple(h) for h in inp["headers"]], (
        "headers_sent",
    )

    creq = "\n".join(
        [inp["method"], path, canonical_query, canonical_headers, signed_headers, "UNSIGNED-PAYLOAD"]
    )
    assert creq == exp["canonical_request"], ("canonical_request", creq, exp["canonical_request"])
    sts = "\n".join(
        [
            "AWS4-HMAC-SHA256",
            amz_date,
            "%s/%s/s3/aws4_request" % (amz_date[:8], inp["region"]),
            hashlib.sha256(creq.encode("utf-8")).hexdigest(),
        ]
    )
    assert sts == exp["string_to_sign"], ("string_to_sign",)
    k = _hmac(("AWS4" + cred["secret_access_key"]).encode("utf-8"), amz_date[:8])
    k = _hmac(k, inp["region"])
    k = _hmac(k, "s3")
    k = _hmac(k, "aws4_request")
    sig = hmac.new(k, sts.encode("utf-8"), hashlib.sha256).hexdigest()
    assert sig == exp["signature"], ("signature", sig, exp["signature"])

    # 5. the whole URL
    query = "&".join("%s=%s" % kv for kv in pairs) + "&X-Amz-Signature=" + sig
    rebuilt = "%s://%s%s?%s" % (sp.scheme, sp.netloc, path, query)
    assert rebuilt == url, ("url", rebuilt, url)


def run_check(path=OUT_JSON, verbose=True):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    ok, bad = 0, []
    for c in doc["cases"]:
        try:
            check_case(c)
            ok += 1
        except AssertionError as e:
            bad.append((c["id"], repr(e.args)[:400]))
    if verbose:
        print("checker: %d/%d cases pass" % (ok, len(doc["cases"])))
        for cid, msg in bad[:20]:
            print("  FAIL", cid, msg)
    return ok, bad


# ==============================================================================================
# Case generation
# ==============================================================================================

OP_METHOD_HINT = {
    "get_object": "GET",
    "put_object": "PUT",
    "head_object": "HEAD",
    "delete_object": "DELETE",
    "create_multipart_upload": "POST",
    "upload_part": "PUT",
    "complete_multipart_upload": "POST",
    "abort_multipart_upload": "DELETE",
    "list_parts": "GET",
    "list_objects_v2": "GET",
}

AWS_REGIONS = [
    "us-east-1",
    "us-west-2",
    "eu-west-1",
    "ap-southeast-2",
    "cn-north-1",
    "cn-northwest-1",
    "us-gov-west-1",
    "us-gov-east-1",
    "ap-south-2",
    "eu-central-2",
    "ca-west-1",
    "us-east-2",
]
CUSTOM_ENDPOINTS = [
    "http://127.0.0.1:9000",
    "http://localhost:9000",
    "https://minio.example.com:8443",
    "http://s3.local.test",
    "https://r2.example.com",
    "http://objects.example.org:80",
    "https://objects.example.org:443",
]
CUSTOM_REGIONS = ["us-east-1", "us-east-1", "auto", "eu-central-1", "garage"]


def partition_of(region, endpoint):
    if endpoint is not None:
        return "custom"
    if region.startswith("cn-"):
        return "aws-cn"
    if region.startswith("us-gov-"):
        return "aws-us-gov"
    return "aws"


TIMES = [
    "2013-05-24T00:00:00Z",
    "2015-08-30T12:36:00Z",
    "2016-02-29T23:59:59Z",  # leap day, end of day
    "2020-02-29T00:00:00Z",  # leap day
    "2019-12-31T23:59:59Z",  # end of year
    "2024-06-30T23:59:59Z",
    "2025-01-01T00:00:00Z",
    "2038-01-19T03:14:08Z",  # past 2^31 seconds
    "2099-12-31T23:59:59Z",
]
EXPIRES_FIXED = [1, 2, 59, 60, 300, 900, 3600, 43200, 86400, 604799, 604800]

BUCKETS_DNS = [
    "examplebucket",
    "my-bucket",
    "bucket-123",
    "123bucket",
    "a1b",
    "abc",
    "data-lake-prod-eu-2024",
    "a" + "-b" * 30 + "c",  # 63 chars
    "x-y-z-0-9",
]
BUCKETS_DOTTED = ["my.bucket", "a.b.c", "www.example.com", "logs.2024.eu"]
BUCKETS_PATH_ONLY = [
    "MyBucket",
    "BUCKET",
    "Mixed-Case.Bucket",
    "my_bucket",
    "192.168.5.4",
    "a..b",
    "bucket-",
    "ab",
]
BUCKETS_INVALID = ["bad bucket", "bucket/slash", "b\u00fccket"]

# characters and fragments for keys ----------------------------------------------------------
UNI_FRAGS = [
    "caf\u00e9",  # NFC
    "cafe\u0301",  # NFD
    "\u00c5ngstr\u00f6m",  # NFC
    unicodedata.normalize("NFD", "\u00c5ngstr\u00f6m"),
    "ma\u00f1ana",
    "man\u0303ana",
    "\u00fcber",
    "u\u0308ber",
    "\U0001F600",  # emoji
    "\U0001F44D\U0001F3FD",  # emoji + skin tone
    "\U0001F1EB\U0001F1F7",  # flag
    "\U0001F468\u200d\U0001F469\u200d\U0001F467",  # ZWJ family
    "\u65e5\u672c\u8a9e",  # Japanese
    "\u30d5\u30a1\u30a4\u30eb",
    "\u4e2d\u6587",  # Chinese
    "\ud55c\uad6d\uc5b4",  # Korean
    "\u03a9\u03bc\u03ad\u03b3\u03b1",
    "stra\u00dfe",
    "\ufb01le",  # ligature fi
    "nb\u00a0sp",  # NBSP
    "\u3000",  # ideographic space
    "\u20ac",
    "\U0001D11E",  # musical symbol (4 bytes)
    "\u05e2\u05d1\u05e8\u05d9\u05ea",  # Hebrew (RTL)
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",  # Arabic
    "zero\u200bwidth",
    "\ufeffbom",
]
SPECIAL_FRAGS = [
    " ", "  ", "+", "%", "%20", "%2F", "%25", "~", "//", "..", "./", "../", "?", "#", "&", "=",
    "!", "*", "'", "(", ")", ":", "@", "$", ",", ";", "{", "}", "^", "\\", "[", "]", "<", ">",
    "|", "`", '"', "/", "-", "_", ".",
]
WORDS = ["photo", "a", "b", "dir", "file.txt", "img.png", "x", "data", "2024", "v1", "README",
         "report final", "A", "Z", "0", "index.html"]
ALL_PRINTABLE_ASCII = "".join(chr(i) for i in range(0x20, 0x7F))


def no_controls(s):
    for ch in s:
        o = ord(ch)
        if o < 0x20 or o == 0x7F or 0x80 <= o <= 0x9F:
            return False
    return True


def key_of_bytes(rng, n, pool):
    """A key of exactly n UTF-8 bytes built from characters in pool (padded with ASCII)."""
    out, size = [], 0
    while True:
        ch = rng.choice(pool)
        b = len(ch.encode("utf-8"))
        if size + b > n:
            break
        out.append(ch)
        size += b
    while size < n:
        out.append(rng.choice("abcxyz0189-_."))
        size += 1
    k = "".join(out)
    assert len(k.encode("utf-8")) == n
    return k


def random_key(rng):
    r = rng.random()
    if r < 0.03:
        pool = [c for c in ALL_PRINTABLE_ASCII] + ["\u00e9", "\u20ac", "\U0001F600", "\u65e5", "e\u0301"]
        return key_of_bytes(rng, 1024, pool)
    parts = []
    for _ in range(rng.randint(1, 8)):
        x = rng.random()
        if x < 0.35:
            parts.append(rng.choice(WORDS))
        elif x < 0.7:
            parts.append(rng.choice(SPECIAL_FRAGS))
        elif x < 0.9:
            parts.append(rng.choice(UNI_FRAGS))
        else:
            parts.append(rng.choice(ALL_PRINTABLE_ASCII))
        if rng.random() < 0.3:
            parts.append("/")
    k = "".join(parts)
    y = rng.random()
    if y < 0.06:
        k = "/" + k
    elif y < 0.10:
        k = k + " "
    elif y < 0.14:
        k = k + "."
    if not k:
        k = "k"
    return k


def b64(rng, nbytes):
    return base64.b64encode(bytes(rng.getrandbits(8) for _ in range(nbytes))).decode()


def random_token(rng):
    # STS-like session token: long base64 with '/', '+' and '=' guaranteed
    n = rng.choice([16, 32, 100, 256, 400, 600])
    t = b64(rng, n)
    core = t.rstrip("=")
    pad = t[len(core):] or "="
    mid = len(core) // 2
    return core[:mid] + "/+" + core[mid:] + pad


def random_upload_id(rng):
    r = rng.random()
    if r < 0.4:
        return b64(rng, rng.choice([30, 45, 60])).replace("=", "") + rng.choice(["", "--", ".-_"]) + "/+="
    if r < 0.7:
        return b64(rng, 48)  # contains / and + often, = padding
    if r < 0.85:
        h = "%032x" % rng.getrandbits(128)
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])
    return "2~" + b64(rng, 24).replace("=", "")


def random_header_text(rng, allow_unicode=False):
    base = rng.choice(
        [
            "text/plain",
            "text/plain; charset=utf-8",
            "  text/plain;   charset=utf-8  ",
            "application/octet-stream",
            "image/png",
            "application/x-www-form-urlencoded",
            "application/json; charset=UTF-8",
            "multipart/form-data; boundary=----a+b/c=d",
            "",
        ]
    )
    if allow_unicode and rng.random() < 0.2:
        base += "; name=\u00e9t\u00e9"
    return base


DISPOSITIONS = [
    'attachment; filename="a b.txt"',
    "attachment; filename*=UTF-8''%E2%82%AC%20rates.txt",
    'inline; filename="report+final (1).pdf"',
    "attachment",
    'attachment;  filename="double  space.txt" ',
    'attachment; filename="na\u00efve caf\u00e9.txt"',
    'attachment; filename="\u65e5\u672c.txt"',
]
CACHE_CONTROLS = ["no-cache", "max-age=0,  no-cache", "public, max-age=31536000, immutable", "  private  ", ""]
ENCODINGS = ["gzip", "identity", "br, gzip", "aws-chunked"]
LANGS = ["en-US", "en-US, fr", "de-CH", "zh-Hant-TW", "*"]
ACLS = ["private", "public-read", "public-read-write", "authenticated-read", "aws-exec-read",
        "bucket-owner-read", "bucket-owner-full-control"]
STORAGE = ["STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING",
           "GLACIER", "DEEP_ARCHIVE", "GLACIER_IR"]
CHECKSUM_ALGS = ["CRC32", "CRC32C", "SHA1", "SHA256", "CRC64NVME"]
DATES = [
    datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc),
    datetime.datetime(2016, 2, 29, 23, 59, 59, tzinfo=datetime.timezone.utc),
    datetime.datetime(2038, 1, 19, 3, 14, 8, tzinfo=datetime.timezone.utc),
]


def random_meta(rng, allow_unicode=True):
    md = {}
    for _ in range(rng.randint(1, 4)):
        k = rng.choice(["a", "author", "Project-Name", "x", "under_score", "n1", "UPPER", "dots.in.name",
                        "long-" + "k" * 40])
        v = rng.choice(
            [
                "b",
                "hello world",
                "  leading and trailing  ",
                "multiple   inner    spaces",
                "a+b/c=d&e?f#g",
                "%20 literal",
                "",
                ALL_PRINTABLE_ASCII,
                "!*'():@$,;{}^\\",
            ]
        )
        if allow_unicode and rng.random() < 0.03:
            v = "caf\u00e9"  # botocore rejects non-ASCII metadata -> dropped
        md[k] = v
    return md


def random_params(rng, op, bucket, key):
    p = {"Bucket": bucket}
    if op != "list_objects_v2":
        p["Key"] = key
    pr = rng.random

    def sse_c():
        p["SSECustomerAlgorithm"] = "AES256"
        p["SSECustomerKey"] = rng.choice(["k" * 32, "0123456789abcdef0123456789ABCDEF", "+/=+/=+/=+/=+/=+/=+/=+/=+/=+/=+/"])

    if op == "get_object":
        if pr() < 0.25:
            p["VersionId"] = rng.choice(["null", "3/L4kqtJl40Nr8X8gdRQBpUMLUo", "v+1/=", "UIORUnfndfiufdisojhr398493jfdkjFJjkndnqUifhnw89493jJFJ"])
        if pr() < 0.2:
            p["ResponseContentType"] = random_header_text(rng, True) or "text/plain"
        if pr() < 0.2:
            p["ResponseContentDisposition"] = rng.choice(DISPOSITIONS)
        if pr() < 0.15:
            p["ResponseCacheControl"] = rng.choice(CACHE_CONTROLS) or "no-store"
        if pr() < 0.1:
            p["ResponseContentEncoding"] = rng.choice(ENCODINGS)
        if pr() < 0.1:
            p["ResponseContentLanguage"] = rng.choice(LANGS)
        if pr() < 0.1:
            p["ResponseExpires"] = rng.choice(DATES)
        if pr() < 0.2:
            p["Range"] = rng.choice(["bytes=0-99", "bytes=100-", "bytes=-500", "bytes=0-0,  -1"])
        if pr() < 0.05:
            p["PartNumber"] = rng.choice([1, 2, 10000])
        if pr() < 0.05:
            p["IfMatch"] = '"d41d8cd98f00b204e9800998ecf8427e"'
        if pr() < 0.05:
            p["IfNoneMatch"] = '"abc", "def"'
        if pr() < 0.05:
            p["IfModifiedSince"] = rng.choice(DATES)
        if pr() < 0.05:
            p["ChecksumMode"] = "ENABLED"
        if pr() < 0.05:
            p["RequestPayer"] = "requester"
        if pr() < 0.05:
            p["ExpectedBucketOwner"] = "123456789012"
        if pr() < 0.04:
            sse_c()
    elif op in ("put_object", "create_multipart_upload"):
        if pr() < 0.4:
            p["ContentType"] = random_header_text(rng, True)
        if op == "put_object":
            if pr() < 0.15:
                p["ContentLength"] = rng.choice([0, 1, 5 * 1024 * 1024, 5 * 1024 ** 4])
            if pr() < 0.15:
                p["ContentMD5"] = b64(rng, 16)
            if pr() < 0.1:
                p["ChecksumSHA256"] = b64(rng, 32)
            elif pr() < 0.06:
                p["ChecksumCRC32"] = b64(rng, 4)
            if pr() < 0.05:
                p["IfNoneMatch"] = "*"
        if pr() < 0.15:
            p["CacheControl"] = rng.choice(CACHE_CONTROLS)
        if pr() < 0.15:
            p["ContentDisposition"] = rng.choice(DISPOSITIONS)
        if pr() < 0.1:
            p["ContentEncoding"] = rng.choice(ENCODINGS)
        if pr() < 0.05:
            p["ContentLanguage"] = rng.choice(LANGS)
        if pr() < 0.05:
            p["Expires"] = rng.choice(DATES)
        if pr() < 0.3:
            p["Metadata"] = random_meta(rng)
        if pr() < 0.2:
            p["ACL"] = rng.choice(ACLS)
        if pr() < 0.15:
            p["ServerSideEncryption"] = rng.choice(["AES256", "aws:kms", "aws:kms:dsse"])
            if p["ServerSideEncryption"] != "AES256" and pr() < 0.6:
                p["SSEKMSKeyId"] = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
                if pr() < 0.3:
                    p["SSEKMSEncryptionContext"] = base64.b64encode(b'{"a":"b"}').decode()
                if pr() < 0.3:
                    p["BucketKeyEnabled"] = rng.choice([True, False])
        elif pr() < 0.04:
            sse_c()
        if pr() < 0.15:
            p["StorageClass"] = rng.choice(STORAGE)
        if pr() < 0.15:
            p["Tagging"] = rng.choice(["a=b", "project=x&env=prod", "k%20ey=v%2Fal", "empty=", "caf%C3%A9=1"])
        if pr() < 0.1:
            p["ChecksumAlgorithm"] = rng.choice(CHECKSUM_ALGS)
        if pr() < 0.03:
            p["ObjectLockMode"] = rng.choice(["GOVERNANCE", "COMPLIANCE"])
            p["ObjectLockRetainUntilDate"] = rng.choice(DATES)
        if pr() < 0.03:
            p["ObjectLockLegalHoldStatus"] = "ON"
        if pr() < 0.03:
            p["WebsiteRedirectLocation"] = "/other key?x=1"
        if pr() < 0.03:
            p["GrantRead"] = 'uri="http://acs.amazonaws.com/groups/global/AllUsers"'
        if pr() < 0.03:
            p["RequestPayer"] = "requester"
        if pr() < 0.03:
            p["ExpectedBucketOwner"] = "123456789012"
    elif op == "head_object":
        if pr() < 0.2:
            p["VersionId"] = rng.choice(["null", "v+1/=", "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd"])
        if pr() < 0.15:
            p["Range"] = "bytes=0-0"
        if pr() < 0.1:
            p["IfMatch"] = '"etag"'
        if pr() < 0.1:
            p["IfNoneMatch"] = "*"
        if pr() < 0.05:
            p["IfUnmodifiedSince"] = rng.choice(DATES)
        if pr() < 0.05:
            p["PartNumber"] = rng.choice([1, 7])
        if pr() < 0.05:
            p["ChecksumMode"] = "ENABLED"
        if pr() < 0.04:
            sse_c()
    elif op == "delete_object":
        if pr() < 0.3:
            p["VersionId"] = rng.choice(["null", "v+1/=", "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd"])
        if pr() < 0.1:
            p["MFA"] = "arn:aws:iam::123456789012:mfa/user 123456"
        if pr() < 0.1:
            p["BypassGovernanceRetention"] = rng.choice([True, False])
        if pr() < 0.05:
            p["ExpectedBucketOwner"] = "123456789012"
        if pr() < 0.05:
            p["RequestPayer"] = "requester"
    elif op == "upload_part":
        p["PartNumber"] = rng.choice([1, 2, 3, 17, 9999, 10000])
        p["UploadId"] = random_upload_id(rng)
        if pr() < 0.2:
            p["ContentLength"] = rng.choice([5 * 1024 * 1024, 1, 0])
        if pr() < 0.15:
            p["ContentMD5"] = b64(rng, 16)
        if pr() < 0.15:
            p["ChecksumAlgorithm"] = rng.choice(CHECKSUM_ALGS)
        if pr() < 0.1:
            p["ChecksumCRC32"] = b64(rng, 4)
        elif pr() < 0.1:
            p["ChecksumSHA256"] = b64(rng, 32)
        if pr() < 0.04:
            sse_c()
        if pr() < 0.03:
            p["RequestPayer"] = "requester"
    elif op in ("complete_multipart_upload", "abort_multipart_upload"):
        p["UploadId"] = random_upload_id(rng)
        if pr() < 0.1:
            p["RequestPayer"] = "requester"
        if pr() < 0.1:
            p["ExpectedBucketOwner"] = "123456789012"
        if op == "complete_multipart_upload" and pr() < 0.05:
            p["ChecksumSHA256"] = b64(rng, 32)
    elif op == "list_parts":
        p["UploadId"] = random_upload_id(rng)
        if pr() < 0.3:
            p["MaxParts"] = rng.choice([1, 100, 1000])
        if pr() < 0.3:
            p["PartNumberMarker"] = rng.choice([0, 5, 9999])
        if pr() < 0.05:
            p["RequestPayer"] = "requester"
    elif op == "list_objects_v2":
        if pr() < 0.6:
            p["Prefix"] = rng.choice(["", "photos/", "a b/", "a+b", "{x}", "%20", "\u65e5\u672c/"]) if pr() < 0.5 else random_key(rng)[:200]
        if pr() < 0.4:
            p["Delimiter"] = rng.choice(["/", "|", "+", " ", "%", "\u00e9"])
        if pr() < 0.3:
            p["MaxKeys"] = rng.choice([0, 1, 1000, 2147483647])
        if pr() < 0.2:
            p["ContinuationToken"] = b64(rng, rng.choice([20, 60])) + "/+="
        if pr() < 0.2:
            p["StartAfter"] = random_key(rng)[:200]
        if pr() < 0.15:
            p["FetchOwner"] = rng.choice([True, False])
        if pr() < 0.1:
            p["EncodingType"] = "url"
        if pr() < 0.05:
            p["RequestPayer"] = "requester"
        if pr() < 0.05:
            p["ExpectedBucketOwner"] = "123456789012"
    return p


# credentials -----------------------------------------------------------------------------------


def make_cred_pool(rng):
    pool = [
        ("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None),
        ("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", None),
        ("ASIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
         "IQoJb3JpZ2luX2VjEMv//////////wEaCXVzLWVhc3QtMSJHMEUCIBSUbVdj9YGs2g0HkHsOHFdkwOozjARSKHL987NhhOC8AiEA1/+=="),
        ("minioadmin", "minioadmin", None),
    ]
    alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    for i in range(6):
        ak = rng.choice(["AKIA", "ASIA"]) + "".join(rng.choice(alnum) for _ in range(16))
        sk = b64(rng, 30)  # 40 chars, may contain / and +
        tok = random_token(rng) if i % 2 == 0 else None
        pool.append((ak, sk, tok))
    return pool


# ==============================================================================================
# botocore driver
# ==============================================================================================


class Driver:
    def __init__(self):
        import botocore
        import botocore.auth
        import botocore.session
        from botocore.config import Config

        self.botocore = botocore
        self.Config = Config
        self.version = botocore.__version__
        self.session = botocore.session.get_session()
        self.clients = {}
        self.now = None
        self.cap = {}
        cap = self.cap
        drv = self

        botocore.auth.get_current_datetime = lambda *a, **k: drv.now

        cls = botocore.auth.S3SigV4QueryAuth
        orig_cr = cls.canonical_request
        orig_sts = cls.string_to_sign
        orig_sig = cls.signature

        def canonical_request(self, request):
            r = orig_cr(self, request)
            cap["signer"] = type(self).__name__
            cap["canonical_request"] = r
            cap["headers_sent"] = [(str(k), str(v)) for k, v in request.headers.items()]
            cap["region"] = self._region_name
            cap["service"] = self._service_name
            cap["count"] = cap.get("count", 0) + 1
            return r

        def string_to_sign(self, request, canonical_request):
            r = orig_sts(self, request, canonical_request)
            cap["string_to_sign"] = r
            return r

        def signature(self, string_to_sign, request):
            r = orig_sig(self, string_to_sign, request)
            cap["signature"] = r
            return r

        cls.canonical_request = canonical_request
        cls.string_to_sign = string_to_sign
        cls.signature = signature

    def client(self, cfg, cred):
        k = (json.dumps(cfg, sort_keys=True), cred)
        c = self.clients.get(k)
        if c is None:
            c = self.session.create_client(
                "s3",
                region_name=cfg["region_name"],
                aws_access_key_id=cred[0],
                aws_secret_access_key=cred[1],
                aws_session_token=cred[2],
                endpoint_url=cfg["endpoint_url"],
                config=self.Config(
                    signature_version=cfg["signature_version"],
                    s3=dict(cfg["s3"]),
                    use_fips_endpoint=cfg["use_fips_endpoint"],
                ),
            )
            self.clients[k] = c
        return c

    def presign(self, cfg, cred, op, params, expires, time_iso, http_method=None):
        self.now = datetime.datetime.strptime(time_iso, "%Y-%m-%dT%H:%M:%SZ")  # naive UTC
        self.cap.clear()
        c = self.client(cfg, cred)
        # botocore handlers mutate Params in place (e.g. SSECustomerKey -> base64 + SSECustomerKeyMD5):
        # give it a copy so that the recorded params are what was asked
        url = c.generate_presigned_url(op, Params=copy.deepcopy(params), ExpiresIn=expires, HttpMethod=http_method)
        return url, dict(self.cap)


def make_cfg(region, endpoint, addressing, dualstack, accelerate, fips):
    return {
        "region_name": region,
        "endpoint_url": endpoint,
        "signature_version": "s3v4",
        "s3": {
            "addressing_style": addressing,
            "us_east_1_regional_endpoint": "regional",
            "use_dualstack_endpoint": dualstack,
            "use_accelerate_endpoint": accelerate,
        },
        "use_fips_endpoint": fips,
    }


def jsonable(v):
    if isinstance(v, datetime.datetime):
        return {"$datetime": v.strftime("%Y-%m-%dT%H:%M:%SZ")}
    if isinstance(v, dict):
        return {k: jsonable(x) for k, x in v.items()}
    return v


def iter_strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from iter_strings(x)


class Odd(Exception):
    pass


def normalize(spec, url, cap):
    """Build the library-neutral record from botocore's URL and captured signing data."""
    if cap.get("count") != 1 or cap.get("signer") != "S3SigV4QueryAuth":
        raise Odd("signer not called exactly once as S3SigV4QueryAuth")
    if cap["service"] != "s3":
        raise Odd("signing name is not s3")
    if cap["region"] != spec["region"]:
        raise Odd("signing region differs from client region")
    cr = cap["canonical_request"]
    sp = urlsplit(url)
    raw_pairs = [p.partition("=") for p in sp.query.split("&")] if sp.query else []
    names = [k for k, _, _ in raw_pairs]
    # operation params come first, then the auth params, X-Amz-Signature last
    n_op = 0
    while n_op < len(names) and names[n_op] not in AUTH_PARAMS:
        n_op += 1
    if any(n not in AUTH_PARAMS for n in names[n_op:]) or names[-1] != "X-Amz-Signature":
        raise Odd("operation params interleaved with auth params")
    query = [[unquote(k, errors="strict"), unquote(v, errors="strict")] for k, _, v in raw_pairs[:n_op]]
    auth = {unquote(k): unquote(v) for k, _, v in raw_pairs[n_op:]}
    signed = auth["X-Amz-SignedHeaders"].split(";")
    lines = cr.split("\n")
    method, creq_path = lines[0], lines[1]
    hlines = lines[3:3 + len(signed)]
    if lines[3 + len(signed)] != "" or lines[4 + len(signed)] != ";".join(signed):
        raise Odd("cannot parse canonical request headers")
    headers = []
    host = None
    for hl in hlines:
        n, _, v = hl.partition(":")
        if n == "host":
            host = v
        else:
            headers.append([n, v])
    if host is None:
        raise Odd("host not signed")
    sent = [[k, v] for k, v in cap["headers_sent"] if k.lower() in signed and k.lower() != "host"]
    if creq_path != sp.path:
        raise Odd("canonical URI differs from URL path")
    if auth["X-Amz-Signature"] != cap["signature"]:
        raise Odd("URL signature differs from computed signature")
    bucket = spec["params"]["Bucket"]
    style = "virtual" if host.startswith(bucket + ".") else "path"
    if style == "virtual" and spec["endpoint"] is not None:
        import ipaddress

        try:
            ipaddress.ip_address(urlsplit(spec["endpoint"]).hostname)
            raise Odd("virtual-hosted bucket prepended to an IP-literal endpoint")
        except ValueError:
            pass
    if spec["region"] != "us-east-1" and spec["partition"] == "aws" and ".us-east-1." in host:
        raise Odd("host names us-east-1 but the URL is signed for another region")
    key = spec["params"].get("Key")
    token = spec["cred"][2]
    rec = {
        "botocore": {
            "client_method": spec["op"],
            "params": jsonable(spec["params"]),
            "http_method": spec.get("http_method"),
            "config": spec["cfg"],
        },
        "input": {
            "method": method,
            "bucket": bucket,
            "key": key,
            "region": spec["region"],
            "endpoint": spec["endpoint"],
            "addressing": spec["addressing"],
            "dualstack": spec["dualstack"],
            "accelerate": spec["accelerate"],
            "fips": spec["fips"],
            "credentials": {
                "access_key_id": spec["cred"][0],
                "secret_access_key": spec["cred"][1],
                "session_token": token,
            },
            "time": spec["time"],
            "expires_in": spec["expires"],
            "query": query,
            "headers": headers,
            "headers_sent": sent,
        },
        "expected": {
            "url": url,
            "canonical_request": cr,
            "string_to_sign": cap["string_to_sign"],
            "signature": cap["signature"],
            "host": host,
            "style": style,
        },
    }
    if spec.get("tags"):
        rec["tags"] = spec["tags"]
    return rec


def classify_error(e):
    msg = str(e)
    name = type(e).__name__
    for pat, reason in [
        ("Invalid bucket name", "invalid bucket name"),
        ("Invalid length for parameter Key", "empty key"),
        ("Non ascii characters found in S3 metadata", "non-ASCII metadata value"),
        ("Partition does not support FIPS", "FIPS not supported in partition"),
        ("Accelerate cannot be used with FIPS", "accelerate + FIPS"),
        ("custom endpoint cannot be combined with S3 Accelerate", "accelerate + custom endpoint"),
        ("Path-style addressing cannot be used with S3 Accelerate", "accelerate + non-DNS bucket"),
        ("S3 Accelerate cannot be used in this region", "accelerate not in region"),
        ("Expecting value", "request body cannot be presigned (complete_multipart_upload MultipartUpload)"),
    ]:
        if pat in msg:
            return "%s: %s" % (name, reason)
    return "%s: %s" % (name, msg.splitlines()[0][:80] if msg else "")


# ----------------------------------------------------------------------------------------------


def spec_of(op, params, region="us-east-1", endpoint=None, addressing="virtual", dualstack=False,
            accelerate=False, fips=False, cred=0, time="2013-05-24T00:00:00Z", expires=86400,
            http_method=None, tags=None, creds=None):
    c = creds[cred] if isinstance(cred, int) else cred
    return {
        "op": op,
        "params": params,
        "region": region,
        "endpoint": endpoint,
        "addressing": addressing,
        "dualstack": dualstack,
        "accelerate": accelerate,
        "fips": fips,
        "cred": c,
        "time": time,
        "expires": expires,
        "http_method": http_method,
        "partition": partition_of(region, endpoint),
        "cfg": make_cfg(region, endpoint, addressing, dualstack, accelerate, fips),
        "tags": tags or [],
    }


def handpicked(creds):
    S = lambda *a, **k: spec_of(*a, creds=creds, **k)  # noqa: E731
    out = []
    B = "examplebucket"
    keys = [
        "test.txt", "a b", "a+b", "a%b", "%20", "a%20b", "a%2Fb", "~user", "a//b", "..", "../x", "./x",
        "a/../b", "a/./b", "/leading", "//double-leading", "trailing ", "trailing.", "trailing/", "?",
        "a?b=c", "#frag", "a&b=c", "=", "!*'()", ":@$,;", "{}", "^", "back\\slash", "caf\u00e9.txt",
        "cafe\u0301.txt", "\u00c5", "A\u030a", "\U0001F600.png", "\U0001F44D\U0001F3FD",
        "\U0001F1EB\U0001F1F7", "\U0001F468\u200d\U0001F469\u200d\U0001F467",
        "\u65e5\u672c\u8a9e/\u30d5\u30a1\u30a4\u30eb.txt", "\u4e2d\u6587 \u6587\u4ef6",
        "\ud55c\uad6d\uc5b4", "[]<>|`\"", " ", "/", "//", ".", "nb\u00a0sp", "ideo\u3000space", "\u20ac",
        "\U0001D11E", ALL_PRINTABLE_ASCII, "photos/2024/01/IMG 0001 (copy).JPG", "x" * 1024,
        key_of_bytes(random.Random(1), 1024, ["\u00e9", "\u20ac", "\U0001F600", "a", "/", " ", "+"]),
        "\U0001F600" * 256, "\u00e9" * 512, "\u65e5" * 341 + "a",
    ]
    for k in keys:
        assert no_controls(k)
        out.append(S("get_object", {"Bucket": B, "Key": k}, tags=["key"]))
    for k in keys[::3]:
        out.append(S("put_object", {"Bucket": "my.bucket", "Key": k}, addressing="path", region="eu-west-1",
                     tags=["key", "path"]))
    # regions x addressing
    for r in AWS_REGIONS:
        for a in ("virtual", "path", "auto"):
            out.append(S("get_object", {"Bucket": "examplebucket", "Key": "photos/a b.jpg"}, region=r,
                         addressing=a, tags=["region"]))
        out.append(S("get_object", {"Bucket": "examplebucket", "Key": "k"}, region=r, dualstack=True, tags=["dualstack"]))
        if not r.startswith("cn-"):
            out.append(S("get_object", {"Bucket": "examplebucket", "Key": "k"}, region=r, fips=True, tags=["fips"]))
            out.append(S("get_object", {"Bucket": "examplebucket", "Key": "k"}, region=r, fips=True, dualstack=True,
                         addressing="path", tags=["fips"]))
        if partition_of(r, None) == "aws":
            out.append(S("get_object", {"Bucket": "examplebucket", "Key": "k"}, region=r, accelerate=True, tags=["accelerate"]))
            out.append(S("put_object", {"Bucket": "examplebucket", "Key": "k"}, region=r, accelerate=True,
                         dualstack=True, addressing="auto", tags=["accelerate"]))
    # buckets
    for b in BUCKETS_DNS + BUCKETS_DOTTED + BUCKETS_PATH_ONLY:
        for a in ("virtual", "auto"):
            out.append(S("get_object", {"Bucket": b, "Key": "k"}, addressing=a, region="us-west-2", tags=["bucket"]))
        out.append(S("list_objects_v2", {"Bucket": b}, addressing="virtual", tags=["bucket"]))
    # custom endpoints
    for ep in CUSTOM_ENDPOINTS:
        for a in ("virtual", "path", "auto"):
            for b in ("examplebucket", "my.bucket", "MyBucket"):
                out.append(S("get_object", {"Bucket": b, "Key": "dir/a b+c.txt"}, endpoint=ep, addressing=a,
                             tags=["endpoint"]))
        out.append(S("put_object", {"Bucket": "examplebucket", "Key": "k", "ContentType": "text/plain"},
                     endpoint=ep, addressing="path", region="auto", tags=["endpoint"]))
        out.append(S("list_objects_v2", {"Bucket": "examplebucket", "Prefix": "a b/"}, endpoint=ep,
                     addressing="virtual", region="garage", tags=["endpoint"]))
    # operations with (many) parameters
    d = DATES[0]
    out += [
        S("get_object", {"Bucket": B, "Key": "k", "VersionId": "3/L4kqtJl40Nr8X8gdRQBpUMLUo",
                         "ResponseContentType": "text/plain; charset=utf-8",
                         "ResponseContentDisposition": 'attachment; filename="na\u00efve \u20ac.txt"',
                         "ResponseCacheControl": "no-cache", "ResponseContentEncoding": "gzip",
                         "ResponseContentLanguage": "en-US, fr", "ResponseExpires": d, "Range": "bytes=0-99"},
          tags=["op"]),
        S("get_object", {"Bucket": B, "Key": "k", "IfModifiedSince": d, "ChecksumMode": "ENABLED",
                         "RequestPayer": "requester", "ExpectedBucketOwner": "123456789012", "PartNumber": 3},
          tags=["op"]),
        S("get_object", {"Bucket": B, "Key": "k"}, http_method="HEAD", tags=["op", "http_method"]),
        S("get_object", {"Bucket": B, "Key": "k"}, http_method="PUT", tags=["op", "http_method"]),
        S("put_object", {"Bucket": B, "Key": "k", "ContentType": "image/png", "ContentLength": 1234,
                         "ContentMD5": "1B2M2Y8AsgTpgAmY7PhCfg==", "CacheControl": "max-age=0,  no-cache",
                         "ContentDisposition": 'attachment; filename="a b.png"', "Metadata": {"a": "b", "Project-Name": "  x  y  "},
                         "ACL": "public-read", "ServerSideEncryption": "aws:kms",
                         "SSEKMSKeyId": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                         "StorageClass": "STANDARD_IA", "Tagging": "project=x&env=prod",
                         "ChecksumSHA256": "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="}, tags=["op"]),
        S("put_object", {"Bucket": B, "Key": "k", "ChecksumAlgorithm": "CRC32"}, tags=["op", "checksum"]),
        S("put_object", {"Bucket": B, "Key": "k", "ChecksumAlgorithm": "SHA256",
                         "ChecksumSHA256": "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="}, tags=["op", "checksum"]),
        S("put_object", {"Bucket": B, "Key": "k"}, tags=["op", "checksum"]),
        S("put_object", {"Bucket": B, "Key": "k", "Metadata": {"A": "1", "a": "2"}}, tags=["op", "dup-header"]),
        S("put_object", {"Bucket": B, "Key": "k", "Metadata": {"e": ""}, "ContentType": "", "CacheControl": "   "},
          tags=["op", "empty-header"]),
        S("put_object", {"Bucket": B, "Key": "k", "SSECustomerAlgorithm": "AES256", "SSECustomerKey": "k" * 32},
          tags=["op", "sse-c"]),
        S("put_object", {"Bucket": B, "Key": "k", "Expires": d, "ObjectLockMode": "GOVERNANCE",
                         "ObjectLockRetainUntilDate": DATES[1]}, tags=["op"]),
        S("put_object", {"Bucket": B, "Key": "k", "ContentDisposition": 'attachment; filename="caf\u00e9.txt"'},
          tags=["op", "non-ascii-header"]),
        S("head_object", {"Bucket": B, "Key": "k", "VersionId": "v+1/=", "Range": "bytes=0-0", "IfMatch": '"e"'},
          tags=["op"]),
        S("delete_object", {"Bucket": B, "Key": "k", "VersionId": "null", "MFA": "arn:aws:iam::123456789012:mfa/user 123456",
                            "BypassGovernanceRetention": True}, tags=["op"]),
        S("create_multipart_upload", {"Bucket": B, "Key": "k", "ContentType": "video/mp4", "Metadata": {"m": "v"},
                                      "ChecksumAlgorithm": "CRC32C", "StorageClass": "GLACIER_IR"}, tags=["op"]),
        S("upload_part", {"Bucket": B, "Key": "k", "PartNumber": 1, "UploadId": "a/b+c=="}, tags=["op"]),
        S("upload_part", {"Bucket": B, "Key": "k", "PartNumber": 10000, "UploadId": "a/b+c==",
                          "ContentLength": 5242880, "ContentMD5": "1B2M2Y8AsgTpgAmY7PhCfg=="}, tags=["op"]),
        S("upload_part", {"Bucket": B, "Key": "k", "PartNumber": 2, "UploadId": "u", "ChecksumAlgorithm": "CRC32"},
          tags=["op", "checksum"]),
        S("complete_multipart_upload", {"Bucket": B, "Key": "k", "UploadId": "a/b+c=="}, tags=["op"]),
        S("abort_multipart_upload", {"Bucket": B, "Key": "k", "UploadId": "a/b+c=="}, tags=["op"]),
        S("list_parts", {"Bucket": B, "Key": "k", "UploadId": "a/b+c==", "MaxParts": 5, "PartNumberMarker": 3}, tags=["op"]),
        S("list_objects_v2", {"Bucket": B}, tags=["op"]),
        S("list_objects_v2", {"Bucket": B, "Prefix": "\u65e5\u672c/ a+b", "Delimiter": "/", "MaxKeys": 1000,
                              "ContinuationToken": "1/2+3=", "StartAfter": "{x}", "FetchOwner": True}, tags=["op"]),
        S("list_objects_v2", {"Bucket": B, "EncodingType": "url"}, tags=["op"]),
        S("list_objects_v2", {"Bucket": "MyBucket", "Prefix": ""}, addressing="path", tags=["op"]),
    ]
    # credentials, times, expiry
    for i in range(len(creds)):
        out.append(S("get_object", {"Bucket": B, "Key": "k"}, cred=i, tags=["cred"]))
    for t in TIMES:
        out.append(S("get_object", {"Bucket": B, "Key": "k"}, time=t, cred=2, tags=["time"]))
    for e in EXPIRES_FIXED:
        out.append(S("put_object", {"Bucket": B, "Key": "k"}, expires=e, tags=["expires"]))
    # expected drops
    out += [
        S("get_object", {"Bucket": "bad bucket", "Key": "k"}, tags=["drop"]),
        S("get_object", {"Bucket": B, "Key": ""}, tags=["drop"]),
        S("put_object", {"Bucket": B, "Key": "k", "Metadata": {"a": "caf\u00e9"}}, tags=["drop"]),
        S("get_object", {"Bucket": B, "Key": "k"}, region="cn-north-1", fips=True, tags=["drop"]),
        S("get_object", {"Bucket": "my.bucket", "Key": "k"}, accelerate=True, tags=["drop"]),
        S("get_object", {"Bucket": B, "Key": "k"}, accelerate=True, fips=True, tags=["drop"]),
        S("get_object", {"Bucket": B, "Key": "k"}, endpoint="https://r2.example.com", accelerate=True, tags=["drop"]),
        S("complete_multipart_upload", {"Bucket": B, "Key": "k", "UploadId": "u",
                                        "MultipartUpload": {"Parts": [{"PartNumber": 1, "ETag": '"e"'}]}}, tags=["drop"]),
        S("get_object", {"Bucket": B, "Key": "k"}, region="eu-west-1", addressing="auto", fips=True, tags=["drop"]),
        S("get_object", {"Bucket": "my.bucket", "Key": "k"}, endpoint="http://127.0.0.1:9000", tags=["drop"]),
    ]
    return out


def random_specs(rng, creds, n):
    ops = list(OP_METHOD_HINT)
    weights = [25, 25, 8, 7, 7, 10, 4, 4, 4, 8]
    out = []
    for _ in range(n):
        op = rng.choices(ops, weights)[0]
        custom = rng.random() < 0.25
        if custom:
            endpoint = rng.choice(CUSTOM_ENDPOINTS)
            region = rng.choice(CUSTOM_REGIONS)
        else:
            endpoint = None
            region = rng.choice(AWS_REGIONS)
        part = partition_of(region, endpoint)
        x = rng.random()
        if x < 0.6:
            bucket = rng.choice(BUCKETS_DNS)
        elif x < 0.78:
            bucket = rng.choice(BUCKETS_DOTTED)
        elif x < 0.99:
            bucket = rng.choice(BUCKETS_PATH_ONLY)
        else:
            bucket = rng.choice(BUCKETS_INVALID)
        addressing = rng.choice(["virtual", "path", "auto"])
        dualstack = accelerate = fips = False
        if not custom:
            dualstack = rng.random() < 0.2
            if part == "aws" and bucket in BUCKETS_DNS and addressing != "path" and rng.random() < 0.12:
                accelerate = True
            elif part != "aws-cn" and rng.random() < 0.15:
                fips = True
            elif part == "aws-cn" and rng.random() < 0.02:
                fips = True  # botocore raises -> counted as a drop
        key = random_key(rng)
        params = random_params(rng, op, bucket, key)
        cred = rng.randrange(len(creds))
        t = rng.choice(TIMES)
        expires = rng.choice(EXPIRES_FIXED) if rng.random() < 0.4 else rng.randint(1, 604800)
        out.append(spec_of(op, params, region=region, endpoint=endpoint, addressing=addressing,
                           dualstack=dualstack, accelerate=accelerate, fips=fips, cred=cred, time=t,
                           expires=expires, creds=creds, tags=["random"]))
    return out


# ----------------------------------------------------------------------------------------------


def probe_notes(drv, creds):
    """Ask botocore a few questions whose answers go into the notes (computed, not hard-coded)."""
    cred = creds[0]
    t = "2013-05-24T00:00:00Z"

    def url(op="get_object", params=None, **kw):
        params = params or {"Bucket": "examplebucket", "Key": "k"}
        s = spec_of(op, params, creds=creds, **{k: v for k, v in kw.items() if k in (
            "region", "endpoint", "addressing", "dualstack", "accelerate", "fips")})
        cfg = s["cfg"]
        if "legacy" in kw:
            cfg = json.loads(json.dumps(cfg))
            cfg["s3"]["us_east_1_regional_endpoint"] = "legacy"
        try:
            u, cap = drv.presign(cfg, cred, op, params, 3600, t)
        except Exception as e:  # noqa: BLE001
            return "raises %s (%s)" % (type(e).__name__, str(e).splitlines()[0][:100])
        host = [l for l in cap["canonical_request"].split("\n") if l.startswith("host:")][0][5:]
        return "%s (signed host %s, scope region %s)" % (u.split("?")[0], host, cap["region"])

    notes = [
        "Clock frozen by patching botocore.auth.get_current_datetime; signer is S3SigV4QueryAuth "
        "(signature_version='s3v4'); payload hash is always UNSIGNED-PAYLOAD.",
        "input.query = non-X-Amz query params botocore put in the URL, percent-DECODED, in URL order "
        "(botocore puts them first, then X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders, "
        "[-Security-Token], and appends X-Amz-Signature last). Encoding is RFC 3986 (unreserved A-Za-z0-9-._~, "
        "space=%20, +=%2B, UTF-8 bytes), same in URL and canonical query.",
        "input.headers = signed headers other than host with the value botocore SIGNED (trimall: trimmed, "
        "inner whitespace runs collapsed to one space), sorted by name. input.headers_sent = the same headers "
        "as botocore's request carries them (raw values, original name case) = what a client must send.",
        "expected.style = addressing botocore actually used ('virtual' if host starts with '<bucket>.'); "
        "expected.host = signed host header.",
        "Path: '/' + RFC3986(key, '/' kept) (virtual) or '/' + bucket + '/' + that (path); no normalisation of "
        "'//', '.', '..', leading '/', no NFC/NFD normalisation; list_objects_v2 path is '/' (virtual) or "
        "'/<bucket>' (path, no trailing slash).",
        "us-east-1 with us_east_1_regional_endpoint='regional' (all cases): virtual "
        + url(region="us-east-1") + "; path " + url(region="us-east-1", addressing="path")
        + "; with 'legacy' instead: " + url(region="us-east-1", legacy=True) + ".",
        "addressing 'auto' in the aws partition (region != us-east-1 or legacy, no dualstack, DNS-compatible "
        "bucket) presigns against the GLOBAL endpoint but signs with the client region: eu-west-1 -> "
        + url(region="eu-west-1", addressing="auto") + "; ap-south-2 (opt-in region, URL will not work, "
        "cf. boto/boto3#1982) -> " + url(region="ap-south-2", addressing="auto")
        + ". In aws-cn / aws-us-gov 'auto' is regional virtual: " + url(region="cn-north-1", addressing="auto")
        + ". With dualstack 'auto' is regional: " + url(region="eu-west-1", addressing="auto", dualstack=True) + ".",
        "'auto' + FIPS outside us-east-1 gives " + url(region="eu-west-1", addressing="auto", fips=True)
        + " -- a us-east-1 host signed for another region; such cases are DROPPED as odd.",
        "Path style is forced (even with addressing='virtual') for buckets that are not DNS-compatible: uppercase "
        + url(params={"Bucket": "MyBucket", "Key": "k"}) + ", dotted " + url(params={"Bucket": "my.bucket", "Key": "k"})
        + ", underscore, IP-like, '..', trailing '-', <3 chars. FIPS + dotted: "
        + url(params={"Bucket": "my.bucket", "Key": "k"}, fips=True) + ".",
        "Custom endpoints: addressing 'auto' means PATH style (" + url(endpoint="https://r2.example.com", addressing="auto")
        + "); 'virtual' prepends the bucket (" + url(endpoint="https://r2.example.com")
        + ") except for IP-literal endpoints (" + url(endpoint="http://127.0.0.1:9000")
        + ") and non-DNS buckets; dotted buckets stay virtual on http endpoints ("
        + url(params={"Bucket": "my.bucket", "Key": "k"}, endpoint="http://localhost:9000")
        + ") but go path on https (" + url(params={"Bucket": "my.bucket", "Key": "k"}, endpoint="https://r2.example.com")
        + "). Dotted bucket + virtual + IP endpoint gives "
        + url(params={"Bucket": "my.bucket", "Key": "k"}, endpoint="http://127.0.0.1:9000")
        + " -- DROPPED as odd.",
        "Explicit default ports: the URL keeps the port text exactly as given, the signed host drops it: "
        + url(endpoint="http://objects.example.org:80") + "; " + url(endpoint="https://objects.example.org:443", addressing="path")
        + ". Non-default ports are kept in both: " + url(endpoint="https://minio.example.com:8443", addressing="path") + ".",
        "FIPS/dualstack flags are silently ignored with a custom endpoint: "
        + url(endpoint="https://r2.example.com", fips=True) + " / " + url(endpoint="https://r2.example.com", dualstack=True)
        + " (not generated as cases). FIPS in aws-cn: " + url(region="cn-north-1", fips=True) + ".",
        "Accelerate: " + url(accelerate=True) + "; with dualstack " + url(accelerate=True, dualstack=True)
        + "; addressing 'path' is silently overridden: " + url(accelerate=True, addressing="path")
        + "; cn: " + url(region="cn-north-1", accelerate=True) + "; us-gov (not generated, accelerate does not exist "
        "there): " + url(region="us-gov-west-1", accelerate=True) + "; custom endpoint: "
        + url(accelerate=True, endpoint="https://r2.example.com") + ".",
        "Added by botocore on its own: list_objects_v2 always gets query 'encoding-type=url' unless EncodingType is "
        "given (handler set_list_objects_encoding_type_url). No x-id, no Expect, no Content-MD5, no "
        "x-amz-checksum-* / x-amz-sdk-checksum-algorithm are added to presigned put_object/upload_part unless asked; "
        "ChecksumAlgorithm=X only adds the SIGNED header x-amz-sdk-checksum-algorithm: X (no checksum value, no "
        "query param); for create_multipart_upload, ChecksumAlgorithm is the operation's own signed header "
        "x-amz-checksum-algorithm. ChecksumSHA256 etc. become signed x-amz-checksum-* headers. SSECustomerKey is "
        "base64-encoded and x-amz-server-side-encryption-customer-key-md5 is added (both signed; botocore does this "
        "by mutating the Params dict in place, so the generator passes a copy). Timestamps: ResponseExpires (query) "
        "and Expires / If-Modified-Since / If-Unmodified-Since (headers) are RFC 1123 'Wed, 01 Jan 2020 00:00:00 GMT', "
        "but x-amz-object-lock-retain-until-date is ISO 8601 '2016-02-29T23:59:59Z'; booleans are 'true'/'false'; "
        "upload IDs / version IDs / tokens with '/+=' are %2F %2B %3D.",
        "Every parameter that maps to a header becomes a SIGNED header (botocore never hoists headers into the "
        "query). Metadata keys are lower-cased (x-amz-meta-<lower>); two metadata keys differing only by case are "
        "signed as ONE header with the values joined by ',' (see the 'dup-header' case). Empty header values are "
        "signed as 'name:' (see the 'empty-header' case). Non-ASCII metadata values raise (dropped); other "
        "non-ASCII header values (e.g. Content-Disposition) are signed as UTF-8.",
        "complete_multipart_upload with a MultipartUpload body raises (the body cannot be moved to the query): dropped.",
        "HttpMethod=... overrides only the method line (e.g. get_object presigned as HEAD/PUT).",
    ]
    return notes


def generate():
    drv = Driver()
    print("botocore", drv.version)
    rng = random.Random(SEED)
    creds = make_cred_pool(rng)
    specs = handpicked(creds)
    n_hand = len(specs)
    specs += random_specs(rng, creds, N_RANDOM)

    cases, drops = [], collections.Counter()
    for s in specs:
        assert all(no_controls(v) for v in iter_strings(s["params"])), s["params"]
        try:
            url, cap = drv.presign(s["cfg"], s["cred"], s["op"], s["params"], s["expires"], s["time"], s["http_method"])
        except Exception as e:  # noqa: BLE001
            drops[classify_error(e)] += 1
            continue
        try:
            rec = normalize(s, url, cap)
        except Odd as e:
            drops["odd: %s" % e] += 1
            continue
        rec = {"id": "c%04d" % (len(cases) + 1), **rec}
        cases.append(rec)

    notes = probe_notes(drv, creds)
    doc_head = {
        "source": "generated by vectors/gen_botocore_s3.py with botocore %s" % drv.version,
        "botocore_version": drv.version,
        "seed": SEED,
        "notes": notes,
        "stats": {"specs": len(specs), "handpicked_specs": n_hand, "cases": len(cases),
                  "dropped": dict(sorted(drops.items()))},
    }
    head = json.dumps(doc_head, indent=1, ensure_ascii=True)
    assert head.endswith("\n}")
    with open(OUT_JSON, "w", encoding="utf-8", newline="\n") as f:
        f.write(head[:-2] + ',\n "cases": [\n')
        f.write(",\n".join(json.dumps(c, ensure_ascii=True, separators=(",", ":")) for c in cases))
        f.write("\n ]\n}\n")

    # summary ---------------------------------------------------------------------------------
    def table(title, counter):
        print("\n%s" % title)
        for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
            print("  %-70s %5d" % (k, v))

    print("\n%d specs (%d hand-picked), %d cases kept, %d dropped; wrote %s (%.2f MB)" % (
        len(specs), n_hand, len(cases), sum(drops.values()), OUT_JSON, os.path.getsize(OUT_JSON) / 1e6))
    table("cases per operation", collections.Counter(c["botocore"]["client_method"] for c in cases))
    table("cases per partition", collections.Counter(partition_of(c["input"]["region"], c["input"]["endpoint"]) for c in cases))
    table("cases per addressing (requested -> used)", collections.Counter(
        "%s -> %s" % (c["input"]["addressing"], c["expected"]["style"]) for c in cases))
    table("cases per flags", collections.Counter(
        "dualstack=%d accelerate=%d fips=%d" % (c["input"]["dualstack"], c["input"]["accelerate"], c["input"]["fips"]) for c in cases))
    table("cases per method", collections.Counter(c["input"]["method"] for c in cases))
    table("signed header names (count of cases)", collections.Counter(
        h[0] if not h[0].startswith("x-amz-meta-") else "x-amz-meta-*" for c in cases for h in c["input"]["headers"]))
    table("query param names (count)", collections.Counter(q[0] for c in cases for q in c["input"]["query"]))
    table("dropped", drops)
    write_readme(drv.version, notes, len(cases), drops)
    return cases


def write_readme(version, notes, n, drops):
    lines = [
        "# botocore S3 presign vectors",
        "",
        "`vectors/botocore-s3.json` holds %d presigned-URL cases generated by botocore %s with a frozen clock" % (n, version),
        "and a fixed seed (%d). Regenerate with:" % SEED,
        "",
        "```",
        "pip install 'botocore==%s'" % version,
        "python3 vectors/gen_botocore_s3.py          # writes botocore-s3.json + this README, then self-checks",
        "python3 vectors/gen_botocore_s3.py --check  # independent hashlib/hmac SigV4 re-derivation of every case",
        "```",
        "",
        "The script clears `AWS_*` from the environment and points `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`",
        "at `/dev/null`, so local AWS configuration does not leak in.",
        "",
        "## Case format",
        "",
        "* `botocore`: client method, params (timestamps as `{\"$datetime\": ...}`), optional HttpMethod and the",
        "  client config, enough to reproduce the call.",
        "* `input`: the request in library-neutral form: `method`, `bucket`, `key` (null for bucket-level ops),",
        "  `region`, `endpoint`, `addressing` (requested: virtual/path/auto), `dualstack`, `accelerate`, `fips`,",
        "  `credentials`, `time`, `expires_in`, `query` (decoded `[name, value]` pairs, URL order, no `X-Amz-*`),",
        "  `headers` (signed headers except host, lower-case, values as signed, canonical order) and",
        "  `headers_sent` (the same headers with the raw values a client must send).",
        "* `expected`: `url`, `canonical_request`, `string_to_sign`, `signature`, `host` (signed host),",
        "  `style` (addressing actually used: virtual/path).",
        "* `tags` on hand-picked cases say what they exercise (`key`, `region`, `endpoint`, `op`, `dup-header`, ...).",
        "",
        "Rebuilding a case needs only `input` plus `expected.host`, `expected.style` and the URL origin",
        "(scheme://authority); `--check` does exactly that for every case.",
        "",
        "## Dropped (botocore raised or produced an inconsistent URL)",
        "",
    ]
    for k, v in sorted(drops.items()):
        lines.append("* %s: %d" % (k, v))
    lines += ["", "## What botocore %s does (probed by the script)" % version, ""]
    for note in notes:
        lines.append("* " + note)
    lines.append("")
    with open(OUT_README, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))


def main():
    if "--check" in sys.argv[1:]:
        ok, bad = run_check()
        sys.exit(0 if not bad else 1)
    generate()
    ok, bad = run_check()
    sys.exit(0 if not bad else 1)


if __name__ == "__main__":
    main()
