#!/usr/bin/env python3
"""Write vectors/aws-chunked.json: the AWS S3 documentation's aws-chunked streaming examples.

Usage (from the repository root):  python3 vectors/make_aws_chunked.py [OUTPUT_JSON]

Standard library only. The expected values are typed in from the sources named in SOURCE and
never adjusted to fit an implementation; before writing, this script recomputes every one of them
with its own small implementation (hashlib/hmac) from the inputs, and stops if any differs. The
format is described in vectors/README.md ("aws-chunked.json").
"""

import hashlib
import hmac
import json
import os
import sys

SOURCE = (
    "AWS S3 API Reference 'Signature Calculations for the Authorization Header: Transferring Payload "
    "in Multiple Chunks (Chunked Upload)' (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html) "
    "and 'Including Trailing Headers (Chunked Upload)' "
    "(https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html); the same values are "
    "in s3s (crates/s3s/src/sig_v4/methods.rs example_put_object_multiple_chunks_*, "
    "crates/s3s/src/http/aws_chunked_stream.rs example_put_object_chunked_stream_with_trailers) and "
    "minio-go (pkg/signer/request-signature-streaming_test.go). Collected in the project notes "
    "s3-vectors.md section 4. The trailer example's seed headers (no signed Content-Length) were "
    "recovered by recomputing its published seed signature."
)
LICENSE = (
    "Facts (inputs and expected outputs) from the AWS documentation examples above; s3s (Apache-2.0) and "
    "minio-go (Apache-2.0) carry the same values. No code copied."
)

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
AKID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

CASES = [
    {
        "name": "aws-docs-sigv4-streaming",
        "credentials": {"access_key_id": AKID, "secret_access_key": SECRET, "session_token": None},
        "region": "us-east-1",
        "service": "s3",
        "time": "2013-05-24T00:00:00Z",
        "request": {
            "method": "PUT",
            "host": "s3.amazonaws.com",
            "path": "/examplebucket/chunkObject.txt",
            "headers": [["x-amz-storage-class", "REDUCED_REDUNDANCY"]],
        },
        "streaming": "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
        "decoded_length": 66560,
        "chunk_size": 65536,
        "content_length_signed": True,
        "body_byte": "a",
        "trailer": None,
        "expected": {
            "content_length": 66824,
            "canonical_request_sha256": "cee3fed04b70f867d036f722359b0b1f2f0e5dc0efadbc082b76c4c60e316455",
            "seed_signature": "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9",
            "chunk_signatures": [
                "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
                "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
            ],
            "final_signature": "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9",
            "trailer_signature": None,
        },
    },
    {
        "name": "aws-docs-sigv4-streaming-trailers",
        "credentials": {"access_key_id": AKID, "secret_access_key": SECRET, "session_token": None},
        "region": "us-east-1",
        "service": "s3",
        "time": "2013-05-24T00:00:00Z",
        "request": {
            "method": "PUT",
            "host": "s3.amazonaws.com",
            "path": "/examplebucket/chunkObject.txt",
            "headers": [["x-amz-storage-class", "REDUCED_REDUNDANCY"]],
        },
        "streaming": "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
        "decoded_length": 66560,
        "chunk_size": 65536,
        "content_length_signed": False,
        "body_byte": "a",
        "trailer": {"name": "x-amz-checksum-crc32c", "value": "sOO8/Q=="},
        "expected": {
            "content_length": None,
            "canonical_request_sha256": None,
            "seed_signature": "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e",
            "chunk_signatures": [
                "b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2",
                "1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7",
            ],
            "final_signature": "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992",
            "trailer_signature": "d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435",
        },
    },
]

NOTES = [
    "Each case is one aws-chunked PUT: the request (method, host, path, and the caller's own headers), "
    "the streaming mode (the x-amz-content-sha256 value), decoded_length bytes of body_byte cut in "
    "chunk_size chunks (the last one shorter), and for the -TRAILER modes the trailing checksum header.",
    "The signer adds content-encoding: aws-chunked, x-amz-decoded-content-length, x-amz-trailer (trailer "
    "modes), x-amz-content-sha256, x-amz-date and, when content_length_signed, content-length (the "
    "encoded length); all are signed headers of the seed request.",
    "expected: the seed signature, the signature of every data chunk in order, of the final zero-size "
    "chunk, and of the trailer (null without one); content_length and canonical_request_sha256 where "
    "the source gives them (null otherwise).",
    "Chunk string to sign: AWS4-HMAC-SHA256-PAYLOAD, X-Amz-Date, scope, previous signature, "
    "SHA-256(''), SHA-256(chunk). Trailer: AWS4-HMAC-SHA256-TRAILER, X-Amz-Date, scope, previous "
    "signature, SHA-256('name:value\\n').",
]


def hm(key, msg):
    return hmac.new(key, msg.encode() if isinstance(msg, str) else msg, hashlib.sha256).digest()


def recompute(case):
    """Our own computation of every expected value, from the inputs."""
    c = case
    date, amz = c["time"][:10].replace("-", ""), c["time"].replace("-", "").replace(":", "")
    scope = f"{date}/{c['region']}/{c['service']}/aws4_request"
    key = hm(hm(hm(hm(("AWS4" + c["credentials"]["secret_access_key"]).encode(), date), c["region"]),
                c["service"]), "aws4_request")
    n, size = c["decoded_length"], c["chunk_size"]
    sizes = [size] * (n // size) + ([n % size] if n % size else [])
    trailer = c["trailer"]
    sig_len = 64

    def frame(k):
        return len(f"{k:x}") + len(";chunk-signature=") + sig_len + 2 + k + 2

    content_length = sum(frame(k) for k in sizes) + frame(0) - 2
    if trailer:
        content_length += len(trailer["name"]) + 1 + len(trailer["value"]) + 2
        content_length += len("x-amz-trailer-signature:") + sig_len + 2
    content_length += 2
    headers = [(k.lower(), v) for k, v in c["request"]["headers"]]
    headers += [("content-encoding", "aws-chunked"), ("host", c["request"]["host"]),
                ("x-amz-content-sha256", c["streaming"]), ("x-amz-date", amz),
                ("x-amz-decoded-content-length", str(n))]
    if trailer:
        headers.append(("x-amz-trailer", trailer["name"]))
    if c["content_length_signed"]:
        headers.append(("content-length", str(content_length)))
    headers.sort()
    creq = "\n".join([
        c["request"]["method"], c["request"]["path"], "",
        "".join(f"{k}:{v}\n" for k, v in headers),
        ";".join(k for k, _ in headers), c["streaming"],
    ])
    creq_hash = hashlib.sha256(creq.encode()).hexdigest()
    prev = hmac.new(key, f"AWS4-HMAC-SHA256\n{amz}\n{scope}\n{creq_hash}".encode(), hashlib.sha256).hexdigest()
    out = {"content_length": content_length, "canonical_request_sha256": creq_hash, "seed_signature": prev}
    chunk_sigs = []
    for k in sizes + [0]:
        data = c["body_byte"].encode() * k
        sts = f"AWS4-HMAC-SHA256-PAYLOAD\n{amz}\n{scope}\n{prev}\n{EMPTY_SHA256}\n{hashlib.sha256(data).hexdigest()}"
        prev = hmac.new(key, sts.encode(), hashlib.sha256).hexdigest()
        chunk_sigs.append(prev)
    out["chunk_signatures"], out["final_signature"] = chunk_sigs[:-1], chunk_sigs[-1]
    out["trailer_signature"] = None
    if trailer:
        canon = f"{trailer['name']}:{trailer['value']}\n".encode()
        sts = f"AWS4-HMAC-SHA256-TRAILER\n{amz}\n{scope}\n{prev}\n{hashlib.sha256(canon).hexdigest()}"
        out["trailer_signature"] = hmac.new(key, sts.encode(), hashlib.sha256).hexdigest()
    return out


def main(argv):
    out_path = argv[1] if len(argv) > 1 else os.path.join("vectors", "aws-chunked.json")
    checked = 0
    for case in CASES:
        ours = recompute(case)
        for k, want in case["expected"].items():
            if want is None:
                continue
            if ours[k] != want:
                raise SystemExit(f"{case['name']}: {k}: published {want!r}, recomputed {ours[k]!r}")
            checked += 1
    doc = {"source": SOURCE, "license": LICENSE, "notes": NOTES, "cases": CASES}
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {out_path}: {len(CASES)} cases, {checked} published values recomputed and matched")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
