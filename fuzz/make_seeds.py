#!/usr/bin/env python3
"""Writes the committed seed corpora (fuzz/corpus/<target>/seed-*): run from fuzz/.

`python3 make_seeds.py [DIR]` writes into DIR (default `corpus`); `.ci/fuzz.sh` writes into a
temporary directory and fails if the committed seeds differ from what this script makes.

Besides small requests, the seeds sit at the bounds of the verifiers' parsers and one past them
(`verify::MAX_URL_LEN`, `MAX_QUERY_PARAMS`, `MAX_HEADERS`, `MAX_HEADER_BYTES`,
`MAX_SIGNED_HEADERS`; `post_policy::MAX_POLICY_LEN`, `MAX_FORM_FIELDS`, `MAX_FORM_BYTES`): valid
signed requests of the largest size accepted, and the same grown by one byte or one item. With
`-len_control=0` libFuzzer mutates them at full size from the first run, so a 30 s CI run
exercises inputs at the limits instead of growing from a few hundred bytes.

An input is 32 bytes of knobs (decoded with `arbitrary`, in field order: ints little-endian,
bool = 1 byte, Option = 1 byte flag then the value, enum = u32 index scaled as
(u32 * variants) >> 32) then text sections split by 0xFE, fields split by 0xFF.
"""
import os
import struct
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "corpus"

KNOB_LEN = 32


def enum(i, n):
    # arbitrary picks variant (u32 * n) >> 32: the smallest u32 that maps to i.
    return struct.pack("<I", -(-(i << 32) // n))


def u8(v): return struct.pack("<B", v)
def u16(v): return struct.pack("<H", v)
def u32(v): return struct.pack("<I", v)
def u64(v): return struct.pack("<Q", v)
def opt(v): return u8(0) if v is None else u8(1) + v


def sections(*secs):
    return b"\xfe".join(b"\xff".join(f.encode() if isinstance(f, str) else f for f in s) for s in secs)


def write(target, name, knobs, *secs):
    assert len(knobs) <= KNOB_LEN, (target, name)
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(knobs.ljust(KNOB_LEN, b"\0") + sections(*secs))


T_DOC = 1369353600  # 2013-05-24T00:00:00Z, the S3 documentation examples
T_SUITE = 1440938160  # 2015-08-30T12:36:00Z, the AWS SigV4 test suite

# canonicalize: time u64, expires u32, token Option<bool>, http, content_sha256_header, clamp,
# credentials_expire_in Option<u16>, payload enum of 4 (Empty, Unsigned, Hash, Bytes).
def canon(time, expires, token=None, http=0, sha=0, clamp=0, cred=None, payload=0):
    return (u64(time) + u32(expires) + opt(None if token is None else u8(token)) + u8(http) + u8(sha)
            + u8(clamp) + opt(None if cred is None else u16(cred)) + enum(payload, 4))

C = "canonicalize"
write(C, "aws-doc-get-object", canon(T_DOC, 86400, payload=1),
      ["GET", "examplebucket.s3.amazonaws.com", "/test.txt", "us-east-1", "s3"])
write(C, "suite-get-vanilla-query-order-key-case", canon(T_SUITE, 3600),
      ["GET", "example.amazonaws.com", "/", "us-east-1", "service"], ["Param2", "value2", "Param1", "value1"])
write(C, "suite-get-header-key-duplicate", canon(T_SUITE, 3600),
      ["GET", "example.amazonaws.com", "/", "us-east-1", "service"], [""],
      ["My-Header1", "value2", "My-Header1", "value2", "My-Header1", "value1"])
write(C, "suite-get-header-value-multiline-trim", canon(T_SUITE, 60),
      ["GET", "example.amazonaws.com", "/", "us-east-1", "service"], [""],
      ["My-Header1", "  value1  ", "My-Header2", "\t a   b \t c "])
write(C, "suite-get-relative-relative", canon(T_SUITE, 60),
      ["GET", "example.amazonaws.com", "/example1/example2/../..", "us-east-1", "service"])
write(C, "suite-get-utf8-and-space", canon(T_SUITE, 60, token=0),
      ["GET", "example.amazonaws.com", "/\u1234/a b/%2F/JBD%3D", "us-east-1", "service"],
      ["\u1234", "+ /=&", "k", ""])
write(C, "suite-post-x-www-form-urlencoded", canon(T_SUITE, 60, sha=1, payload=3),
      ["POST", "example.amazonaws.com:8443", "/", "us-east-1", "service"], [""],
      ["Content-Type", "application/x-www-form-urlencoded"], ["Param1=value1"])
write(C, "streaming-hash-temp-credentials", canon(T_SUITE, 7200, token=1, http=1, clamp=1, cred=3600, payload=2),
      ["PUT", "bucket.s3.eu-west-1.amazonaws.com", "/key", "eu-west-1", "s3"], [""],
      ["x-amz-decoded-content-length", "66560"], ["STREAMING-AWS4-HMAC-SHA256-PAYLOAD"])
write(C, "header-injection-refused", canon(T_SUITE, 60),
      ["GET", "example.amazonaws.com", "/", "us-east-1", "s3"], [""], ["x-amz-meta-a", "1\r\nx-amz-acl: public-read"])

# s3_key_bucket: custom, dualstack, fips, accelerate, legacy_global, style enum of 3,
# op enum of 8 (UploadPart carries a u16), token, time u32, expires u32.
def s3(custom=0, ds=0, fips=0, acc=0, legacy=0, style=0, op=0, part=None, token=0, time=T_DOC, expires=86400):
    return (u8(custom) + u8(ds) + u8(fips) + u8(acc) + u8(legacy) + enum(style, 3) + enum(op, 8)
            + (u16(part) if part is not None else b"") + u8(token) + u32(time) + u32(expires))

S = "s3_key_bucket"
write(S, "aws-doc-get-object", s3(legacy=1), ["", "us-east-1", "examplebucket", "test.txt"])
write(S, "custom-endpoint-unicode-key", s3(custom=1, token=1, expires=900),
      ["http://127.0.0.1:9000", "us-east-1", "bkt", "dir/\u1234 a+b%20?#.txt"])
write(S, "dot-segments-kept", s3(style=2, expires=60), ["", "eu-west-1", "my-bucket", "a/../b//c/./d /.."])
write(S, "dotted-bucket-path-style", s3(ds=1, expires=60), ["", "us-west-2", "my.bucket.example", "/leading/slash"])
write(S, "put-with-headers-and-query", s3(op=1, fips=1, expires=3600),
      ["", "us-gov-west-1", "uploads-1", "photos/cat 1.png"],
      ["response-content-disposition", "attachment; filename=\"r.pdf\""],
      ["Content-Type", "image/png", "x-amz-meta-owner", "al ice"])
write(S, "upload-part", s3(op=5, part=7, acc=1), ["", "us-east-1", "fast-bucket", "big.bin"])
write(S, "list-objects-custom-virtual-host", s3(custom=1, style=1, op=6, expires=60),
      ["https://minio.example.com:8443", "auto", "bkt"], ["prefix", "a/b", "delimiter", "/"])

# presign_verify_roundtrip: custom, path_style, put, token, time u32, expires u32, at u16.
def rt(custom=0, path=0, put=0, token=0, time=T_DOC, expires=86400, at=0x8000):
    return u8(custom) + u8(path) + u8(put) + u8(token) + u32(time) + u32(expires) + u16(at)

R = "presign_verify_roundtrip"
write(R, "aws-doc-get-object", rt(), ["examplebucket", "test.txt", "us-east-1"])
write(R, "put-unicode-key-headers-token", rt(put=1, token=1, expires=900),
      ["my-bucket", "photos/\u1234 a+b/../%20.png", "eu-west-1"],
      ["x-id", "PutObject"], ["Content-Type", "image/png", "x-amz-meta-Owner", "  al   ice "])
write(R, "custom-path-style-query", rt(custom=1, path=1, expires=60, at=0xffff),
      ["bkt", "a//b/./c", "us-east-1"], ["response-content-disposition", "attachment; filename=\"a b.txt\"", "versionId", ""])

# verify_parsers: now u32, max_skew u16, region, service, credentials, token.
import hashlib
import hmac
from urllib.parse import quote

AKID = "AKIDEXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"


def q(s):
    return quote(s, safe="-_.~")


def sigv4_key(date, region, service):
    k = ("AWS4" + SECRET).encode()
    for part in (date, region, service, "aws4_request"):
        k = hmac.new(k, part.encode(), hashlib.sha256).digest()
    return k


def sign(amz, scope, creq):
    sts = "\n".join(["AWS4-HMAC-SHA256", amz, scope, hashlib.sha256(creq.encode()).hexdigest()])
    date, region, service, _ = scope.split("/")
    return hmac.new(sigv4_key(date, region, service), sts.encode(), hashlib.sha256).hexdigest()


def amz_date(t):
    import time as _t
    return _t.strftime("%Y%m%dT%H%M%SZ", _t.gmtime(t))


def presigned_url(method, host, path, t, expires, headers=(), region="us-east-1", query=()):
    """A presigned URL; `query` holds the caller's (name, value) pairs, sent before X-Amz-*.
    Header values must be canonical already (no leading, trailing or repeated spaces)."""
    amz = amz_date(t)
    scope = f"{amz[:8]}/{region}/s3/aws4_request"
    hdrs = sorted([("host", host)] + [(n.lower(), v) for n, v in headers])
    signed = ";".join(n for n, _ in hdrs)
    params = [("X-Amz-Algorithm", "AWS4-HMAC-SHA256"), ("X-Amz-Credential", f"{AKID}/{scope}"),
              ("X-Amz-Date", amz), ("X-Amz-Expires", str(expires)), ("X-Amz-SignedHeaders", signed)]
    cq = "&".join(f"{q(n)}={q(v)}" for n, v in sorted(list(query) + params))
    creq = "\n".join([method, path, cq, "".join(f"{n}:{v}\n" for n, v in hdrs), signed, "UNSIGNED-PAYLOAD"])
    url_query = "&".join(f"{q(n)}={q(v)}" for n, v in list(query) + params)
    return f"https://{host}{path}?{url_query}&X-Amz-Signature={sign(amz, scope, creq)}"


def auth_header(method, host, path, t, region="us-east-1"):
    amz = amz_date(t)
    scope = f"{amz[:8]}/{region}/s3/aws4_request"
    hdrs = [("host", host), ("x-amz-content-sha256", "UNSIGNED-PAYLOAD"), ("x-amz-date", amz)]
    signed = ";".join(n for n, _ in hdrs)
    creq = "\n".join([method, path, "", "".join(f"{n}:{v}\n" for n, v in hdrs), signed, "UNSIGNED-PAYLOAD"])
    auth = f"AWS4-HMAC-SHA256 Credential={AKID}/{scope}, SignedHeaders={signed}, Signature={sign(amz, scope, creq)}"
    return [h for kv in hdrs[1:] for h in kv] + ["Authorization", auth]


def vp(now, skew=900, region=1, service=1, creds=0, token=0):
    return u32(now) + u16(skew) + u8(region) + u8(service) + u8(creds) + u8(token)

V = "verify_parsers"
H = "examplebucket.s3.amazonaws.com"
write(V, "valid-presigned-get", vp(T_DOC + 60), ["GET", presigned_url("GET", H, "/test.txt", T_DOC, 86400)])
write(V, "valid-presigned-put-content-type", vp(T_DOC + 1, creds=1),
      ["PUT", presigned_url("PUT", H, "/a%20b/c.png", T_DOC, 900, [("Content-Type", "image/png")])],
      ["Content-Type", "image/png"])
write(V, "valid-authorization-header", vp(T_DOC),
      ["GET", f"https://{H}/test.txt"], auth_header("GET", H, "/test.txt", T_DOC))
write(V, "aws-doc-url-expired", vp(T_DOC + 86400),
      ["GET", "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"])
write(V, "both-auth-duplicate-params", vp(T_DOC),
      ["GET", "/k?X-Amz-Date=20130524T000000Z&x-amz-date=20130524T000000Z&X-Amz-Algorithm=AWS4-HMAC-SHA256"],
      ["Host", H, "Authorization", "AWS4-HMAC-SHA256 Credential=A/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-date,Signature=00"],
      ["<Error><Code>SignatureDoesNotMatch</Code><CanonicalRequest>GET\n/k\n\nhost:h\n\nhost\nUNSIGNED-PAYLOAD</CanonicalRequest><StringToSign>AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n00</StringToSign><AWSAccessKeyId>A</AWSAccessKeyId>&amp;&lt;&#x41;&#65;</Error>"])

# At the verifier's bounds (src verify: MAX_URL_LEN counts the whole URL given to
# Request::from_url), valid, then one byte or item over.
MAX_URL_LEN, MAX_QUERY_PARAMS, MAX_HEADERS, MAX_HEADER_BYTES, MAX_SIGNED_HEADERS = 16384, 200, 200, 65536, 100


def padded_url(total, n_params):
    """A valid presigned GET with `n_params` caller parameters (plus the 6 X-Amz-* ones) whose
    URL is exactly `total` bytes, the last caller value padded to fit."""
    def url(pad):
        query = [(f"p{i:03}", "v") for i in range(n_params - 1)] + [("pad", "a" * pad)]
        return presigned_url("GET", H, "/test.txt", T_DOC, 86400, query=query)
    pad = total - len(url(0))
    assert pad >= 0, (total, n_params)
    out = url(pad)
    assert len(out) == total
    return out


def header_set(n_signed, total_bytes, n_unsigned=0):
    """`n_signed - 1` metadata headers (signed with host) and `n_unsigned` other headers, names and
    values adding up to `total_bytes`, the last signed value padded to fit."""
    signed = [[f"x-amz-meta-h{i:02}", "v" * 8] for i in range(n_signed - 1)]
    unsigned = [[f"x-other-{i:03}", "u"] for i in range(n_unsigned)]
    size = sum(len(n) + len(v) for n, v in signed + unsigned)
    signed[-1][1] += "v" * (total_bytes - size)
    assert sum(len(n) + len(v) for n, v in signed + unsigned) == total_bytes
    return [tuple(h) for h in signed], [tuple(h) for h in unsigned]


def flat(headers):
    return [x for h in headers for x in h]


def write_headers_case(name, n_signed, total_bytes, n_unsigned=0, listed=None):
    signed, unsigned = header_set(n_signed, total_bytes, n_unsigned)
    url = presigned_url("PUT", H, "/upload.bin", T_DOC, 900, signed)
    if listed is not None:
        url = url.replace("X-Amz-SignedHeaders=host", f"X-Amz-SignedHeaders={listed}host", 1)
    write(V, name, vp(T_DOC + 60), ["PUT", url], flat(signed + unsigned))


write(V, "limit-url-16k-200-params", vp(T_DOC + 60), ["GET", padded_url(MAX_URL_LEN, MAX_QUERY_PARAMS - 6)])
write(V, "over-url-16k", vp(T_DOC + 60), ["GET", padded_url(MAX_URL_LEN + 1, 1)])
write(V, "over-query-params", vp(T_DOC + 60), ["GET", padded_url(4096, MAX_QUERY_PARAMS - 5)])
write_headers_case("limit-headers-64k-100-signed", MAX_SIGNED_HEADERS, MAX_HEADER_BYTES)
write_headers_case("over-header-bytes", MAX_SIGNED_HEADERS, MAX_HEADER_BYTES + 1)
write_headers_case("limit-200-headers", MAX_SIGNED_HEADERS, 16384, MAX_HEADERS - (MAX_SIGNED_HEADERS - 1))
write_headers_case("over-header-count", MAX_SIGNED_HEADERS, 16384, MAX_HEADERS - (MAX_SIGNED_HEADERS - 1) + 1)
# SignedHeaders naming one more (sorted, before "host") than the bound: refused before any work.
write_headers_case("over-signed-headers", MAX_SIGNED_HEADERS, 8192, listed="a-extra%3B")

# presign_verify_roundtrip at the verifier's bounds: the presigned URL exactly MAX_URL_LEN bytes (a 1024-byte key) and one
# byte over; 99 headers (100 signed with host) of 64 KiB and one byte over. The harness expects
# TooLarge for what is over a bound (the header-signed variant signs 102 headers: over too).
RT_HOST = "my-bucket.s3.us-east-1.amazonaws.com"
RT_KEY = "k" * 1024


def rt_url_query(total):
    def query(pad):
        return [(f"q{i:02}", "v" * 100) for i in range(100)] + [("pad", "a" * pad)]
    def url(pad):
        return presigned_url("GET", RT_HOST, "/" + RT_KEY, T_DOC, 86400 + 1, query=query(pad))
    pad = total - len(url(0))
    assert len(url(pad)) == total
    return flat(query(pad))


write(R, "limit-url-16k", rt(), ["my-bucket", RT_KEY, "us-east-1"], rt_url_query(16384))
write(R, "over-url-16k", rt(), ["my-bucket", RT_KEY, "us-east-1"], rt_url_query(16385))
write(R, "limit-headers-64k", rt(put=1), ["my-bucket", "k", "us-east-1"], [""], flat(header_set(100, 65536)[0]))
write(R, "over-header-bytes", rt(put=1), ["my-bucket", "k", "us-east-1"], [""], flat(header_set(100, 65537)[0]))

# post_policy: token, time u32, expires u32, min u16, span u16, range, starts_with_key, file_size u32.
def pp(token=0, time=1451390400, expires=3600, mn=0, span=0, rng=0, sw=0, size=10):
    return u8(token) + u32(time) + u32(expires) + u16(mn) + u16(span) + u8(rng) + u8(sw) + u32(size)

P = "post_policy"
write(P, "aws-doc-post-example", pp(time=1451347200, expires=86400),
      ["sigv4examplebucket", "user/user1/${filename}"],
      ["acl", "", "public-read", "redirect", "", "http://sigv4examplebucket.s3.amazonaws.com/successful_upload.html",
       "content-type-starts-with", "", "image/", "meta", "uuid", "14365123651274", "sse", "", "AES256",
       "meta-starts-with", "tag", ""])
write(P, "range-and-starts-with-key", pp(token=1, mn=1, span=1000, rng=1, sw=1),
      ["uploads", "in/\u1234/"], ["checksum", "sha256", "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=", "field", "X-Amz-Meta-Color", "blue"],
      ['{"expiration": "2015-12-30T12:00:00.000Z", "conditions": [{"bucket": "b"}, ["starts-with", "$key", "user/\\u00e9\\$"], ["content-length-range", 1, 1024], ["eq", "$acl", "private"]]}'],
      ["eyJleHBpcmF0aW9uIjogIjIwMTUtMTItMzBUMTI6MDA6MDBaIiwgImNvbmRpdGlvbnMiOiBbXX0="],
      ["key", "in/a.txt", "policy", "eyJ9", "x-amz-algorithm", "AWS4-HMAC-SHA256", "x-amz-credential", "AKIDEXAMPLE/20151229/us-east-1/s3/aws4_request", "x-amz-date", "20151229T000000Z", "x-amz-signature", "00"])

# post_policy at the bounds: a policy of exactly MAX_POLICY_LEN bytes of JSON (and its base64)
# and one byte over; a signed form of exactly MAX_FORM_FIELDS fields and MAX_FORM_BYTES bytes
# that verifies, and the same with one field or one byte more.
import base64
import json

MAX_POLICY_LEN, MAX_FORM_FIELDS, MAX_FORM_BYTES = 20 * 1024, 256, 64 * 1024


def policy_json(total):
    def doc(pad):
        return json.dumps({"expiration": "2015-12-30T12:00:00.000Z",
                           "conditions": [{"bucket": "my-bucket"}, ["starts-with", "$key", "u" * pad]]})
    pad = total - len(doc(0))
    assert len(doc(pad)) == total
    return doc(pad)


def signed_form(n_fields, total_bytes):
    metas = [f"x-amz-meta-f{i:03}" for i in range(n_fields - 6)]
    conditions = [{"bucket": "my-bucket"}, ["starts-with", "$key", "user/"],
                  {"x-amz-algorithm": "AWS4-HMAC-SHA256"},
                  {"x-amz-credential": f"{AKID}/20151229/us-east-1/s3/aws4_request"},
                  {"x-amz-date": "20151229T000000Z"}] + [["starts-with", "$" + m, ""] for m in metas]
    policy = base64.b64encode(json.dumps({"expiration": "2015-12-30T12:00:00.000Z",
                                          "conditions": conditions}).encode()).decode()
    signature = hmac.new(sigv4_key("20151229", "us-east-1", "s3"), policy.encode(), hashlib.sha256).hexdigest()
    fields = [["key", "user/a.txt"], ["policy", policy], ["x-amz-algorithm", "AWS4-HMAC-SHA256"],
              ["x-amz-credential", f"{AKID}/20151229/us-east-1/s3/aws4_request"],
              ["x-amz-date", "20151229T000000Z"], ["x-amz-signature", signature]] + [[m, "m"] for m in metas]
    fields[-1][1] += "m" * (total_bytes - sum(len(n) + len(v) for n, v in fields))
    assert len(fields) == n_fields and sum(len(n) + len(v) for n, v in fields) == total_bytes
    return [x for f in fields for x in f]


big_policy = policy_json(MAX_POLICY_LEN)
write(P, "limit-policy-20k", pp(), ["my-bucket", "k"], [""], [big_policy], [base64.b64encode(big_policy.encode()).decode()])
over_policy = policy_json(MAX_POLICY_LEN + 1)
write(P, "over-policy-20k", pp(), ["my-bucket", "k"], [""], [over_policy], [base64.b64encode(over_policy.encode()).decode()])
write(P, "limit-form-256-fields-64k", pp(), ["my-bucket", "k"], [""], [""], [""], signed_form(MAX_FORM_FIELDS, MAX_FORM_BYTES))
write(P, "over-form-fields", pp(), ["my-bucket", "k"], [""], [""], [""], signed_form(MAX_FORM_FIELDS + 1, 32768))
write(P, "over-form-bytes", pp(), ["my-bucket", "k"], [""], [""], [""], signed_form(MAX_FORM_FIELDS, MAX_FORM_BYTES + 1))
