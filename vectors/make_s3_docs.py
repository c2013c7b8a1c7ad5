#!/usr/bin/env python3
"""Write vectors/s3-docs.json: published SigV4 examples (AWS S3 docs and other projects' tests).

Usage (from the repository root):  python3 vectors/make_s3_docs.py [OUTPUT_JSON]

Standard library only. Same format as vectors/aws-sigv4-suite.json (see vectors/README.md).
Every value below is copied from the sources named in SOURCE; expected values are never adjusted
to fit an implementation. vectors/check_docs.py recomputes them independently.
"""

import copy
import json
import os
import re
import sys

SOURCE = (
    "Published SigV4 examples and other projects' test vectors: "
    "AWS S3 API Reference 'Authenticating Requests: Using Query Parameters' "
    "(https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html) and "
    "'Authenticating Requests: Using the Authorization Header' "
    "(https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html); "
    "rusty-s3 (src/signing/mod.rs aws_example_token, aws_headers_example; src/actions/get_object.rs "
    "aws_example_custom_query); s3s (crates/s3s/src/sig_v4/methods.rs example_put_presigned_url, "
    "example_put_presigned_url_with_content_type, and the header examples); minio-py "
    "(tests/unit/sign_test.py test_presigned_versioned_id); botocore (tests/unit/test_signers.py "
    "test_generate_db_auth_token and the Aurora DSQL token test); aws-sdk-ruby "
    "(gems/aws-sdk-core/spec/aws/sts/client_spec.rb, EKS-style GetCallerIdentity presign); "
    "AWS CRT signing test suite v4/get-vanilla-with-session-token (awslabs/aws-c-auth v0.9.0). "
    "Collected in the project notes s3-vectors.md sections 1, 2, 5 and 6, each recomputed independently."
)
LICENSE = (
    "Facts (inputs and expected outputs) from the sources above: AWS documentation examples; "
    "rusty-s3 (MIT OR Apache-2.0), s3s (Apache-2.0), minio-py (Apache-2.0), botocore (Apache-2.0), "
    "aws-sdk-ruby (Apache-2.0), aws-c-auth test suite (Apache-2.0). No code copied."
)

EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
DOCS_AKID = "AKIAIOSFODNN7EXAMPLE"
DOCS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"  # AWS docs secret: '/bPxR', not '+bPxR'
DOCS_HOST = "examplebucket.s3.amazonaws.com"
DOCS_TIME = "2013-05-24T00:00:00Z"
GMT_DATE = "Fri, 24 May 2013 00:00:00 GMT"


def expected(canonical_request=None, string_to_sign=None, signature=None, signed_request=None, **extra):
    e = {
        "canonical_request": canonical_request,
        "string_to_sign": string_to_sign,
        "signature": signature,
        "signed_request": signed_request,
    }
    e.update(extra)
    return e


def docs_creds(token=None):
    return {"access_key_id": DOCS_AKID, "secret_access_key": DOCS_SECRET, "session_token": token}


def request(method, host, path, query=(), headers=(), body=None):
    return {
        "method": method,
        "host": host,
        "path": path,
        "query": [list(q) for q in query],
        "headers": [list(h) for h in headers],
        "body": body,
    }


# --- section 1: AWS S3 query-string auth example -------------------------------------------------

S1_CREQ = (
    "GET\n"
    "/test.txt\n"
    "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3"
    "%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\n"
    "host:examplebucket.s3.amazonaws.com\n"
    "\n"
    "host\n"
    "UNSIGNED-PAYLOAD"
)
S1_STS = (
    "AWS4-HMAC-SHA256\n"
    "20130524T000000Z\n"
    "20130524/us-east-1/s3/aws4_request\n"
    "3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04"
)
S1_SIG = "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
S1_URL = (
    "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
    "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
    "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
    "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
)


def s1_base(name):
    return {
        "name": name,
        "credentials": docs_creds(),
        "region": "us-east-1",
        "service": "s3",
        "time": DOCS_TIME,
        "path_rules": "s3",
        "request": request("GET", DOCS_HOST, "/test.txt"),
        "payload": "unsigned",
        "query": {"expires_in": 86400, "session_token": "none", "expected": expected()},
    }


def section1():
    c = s1_base("aws-s3-query-example")
    c["query"]["expected"] = expected(S1_CREQ, S1_STS, S1_SIG, url=S1_URL)
    return [c]


# --- section 2: the four S3 header-auth examples ---------------------------------------------------


def header_case(name, method, path, query, headers, payload, creq_sha, sig, body=None):
    return {
        "name": name,
        "credentials": docs_creds(),
        "region": "us-east-1",
        "service": "s3",
        "time": DOCS_TIME,
        "path_rules": "s3",
        "request": request(method, DOCS_HOST, path, query, headers, body),
        "payload": payload,
        "header": {
            "session_token": "none",
            "content_sha256_header": False,
            "expected": expected(signature=sig, canonical_request_sha256=creq_sha),
        },
    }


PUT_BODY = "Welcome to Amazon S3."
PUT_SHA = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"


def section2():
    return [
        header_case(
            "aws-s3-header-get-object", "GET", "/test.txt", [],
            [("range", "bytes=0-9"), ("x-amz-content-sha256", EMPTY_SHA256)],
            "empty",
            "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
            "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
        ),
        header_case(
            # Key "test$file.text"; the docs write the URL path as /test%24file.text, which is the
            # canonical URI. '$' is legal raw in a path, and the s3 rule encodes the path once.
            "aws-s3-header-put-object", "PUT", "/test$file.text", [],
            [("date", GMT_DATE), ("x-amz-content-sha256", PUT_SHA),
             ("x-amz-storage-class", "REDUCED_REDUNDANCY")],
            {"sha256": PUT_SHA},
            "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d",
            "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
            body=PUT_BODY,
        ),
        header_case(
            "aws-s3-header-get-bucket-lifecycle", "GET", "/", [("lifecycle", "")],
            [("x-amz-content-sha256", EMPTY_SHA256)],
            "empty",
            "9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca",
            "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543",
        ),
        header_case(
            "aws-s3-header-list-objects", "GET", "/", [("max-keys", "2"), ("prefix", "J")],
            [("x-amz-content-sha256", EMPTY_SHA256)],
            "empty",
            "df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7",
            "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7",
        ),
    ]


# --- section 5: secondary S3 presign vectors ------------------------------------------------------


def section5():
    cases = []

    c = s1_base("rusty-s3-aws-example-token")
    c["credentials"]["session_token"] = "oej5cie4uctureturdtuc5dctd"
    c["query"]["session_token"] = "signed"
    c["query"]["expected"] = expected(
        signature="bf77b83a7135594046c90a7e7e10cf1a4c8f8ecc1d541d0f42bea6b7670870c7")
    cases.append(c)

    c = s1_base("rusty-s3-aws-example-custom-query")
    c["request"]["query"] = [["response-content-type", "text/plain"]]
    c["query"]["expected"] = expected(
        signature="9cee3ba363b3a52fed152d18bb250d52a459d0905600d9b032825a3794ffd2cb")
    cases.append(c)

    c = s1_base("rusty-s3-aws-headers-example")
    c["request"]["headers"] = [
        ["content-type", "application/x-www-form-urlencoded; charset=utf-8"],
        ["x-amz-date", "20150830T123600Z"],
    ]
    c["date_header_in_request"] = True
    c["query"]["expected"] = expected(
        signature="e965ee011ab5dbe8aa2c04a1ff2db8503c0cc117f62ea9274415c0f593ea199f")
    cases.append(c)

    c = s1_base("s3s-example-put-presigned-url")
    c["request"]["method"] = "PUT"
    c["query"]["expected"] = expected(
        signature="f4db56459304dafaa603a99a23c6bea8821890259a65c18ff503a4a72a80efd9")
    cases.append(c)

    c = s1_base("s3s-example-put-presigned-url-with-content-type")
    c["request"]["method"] = "PUT"
    c["request"]["headers"] = [["content-type", "application/octet-stream"]]
    c["query"]["expected"] = expected(
        signature="fd31b71961609f4b313497cb07ab0aedd268863bd547cc198db23cf04b8f663d")
    cases.append(c)

    cases.append({
        "name": "minio-py-presigned-versioned-id",
        "credentials": {"access_key_id": "minio", "secret_access_key": "minio123", "session_token": None},
        "region": "us-east-1",
        "service": "s3",
        "time": "2015-06-20T01:02:03Z",
        "path_rules": "s3",
        "request": request("GET", "localhost:9000", "/bucket-name/objectName", [("versionId", "uuid")]),
        "payload": "unsigned",
        "query": {
            "expires_in": 604800,
            "session_token": "none",
            "expected": expected(
                signature="3ce13e2ca929fafa20581a05730e4e9435f2a5e20ec7c5a082d175692fb0a663"),
        },
    })
    return cases


# --- section 6: non-S3 presigned tokens -----------------------------------------------------------


def token_case(name, creds, region, service, time, host, query, expires_in, sig, headers=(),
               token_mode="none", **extra):
    return {
        "name": name,
        "credentials": creds,
        "region": region,
        "service": service,
        "time": time,
        "path_rules": "generic",
        "request": request("GET", host, "/", query, headers),
        "payload": "empty",
        "query": {
            "expires_in": expires_in,
            "session_token": token_mode,
            "expected": expected(signature=sig, **extra),
        },
    }


def section6():
    return [
        token_case(
            "botocore-rds-db-auth-token",
            {"access_key_id": "akid", "secret_access_key": "skid", "session_token": None},
            "us-east-1", "rds-db", "2016-11-07T17:39:33Z",
            "prod-instance.us-east-1.rds.amazonaws.com:3306",
            [("Action", "connect"), ("DBUser", "someusername")], 900,
            "d1138cdbc0ca63eec012ec0fc6c2267e03642168f5884a7795320d4c18374c61",
        ),
        token_case(
            "botocore-dsql-auth-token",
            {"access_key_id": "ACCESS_KEY", "secret_access_key": "SECRET_KEY",
             "session_token": "SESSION_TOKEN"},
            "us-east-1", "dsql", "2024-11-07T17:39:33Z",
            "test.dsql.us-east-1.on.aws",
            [("Action", "DbConnect")], 900,
            "57fe03e060348aaa21405c239bf02572bbc911076e94dcd65c12ae569dd8fcf4",
            token_mode="signed",
        ),
        token_case(
            "aws-sdk-ruby-eks-get-caller-identity",
            {"access_key_id": "akid", "secret_access_key": "secret", "session_token": None},
            "us-west-2", "sts", "2018-08-05T00:00:00Z",
            "sts.amazonaws.com",
            [("Action", "GetCallerIdentity"), ("Version", "2011-06-15")], 59,
            "d1f6551aafc0f5c57971fe161a12cbe0539fc1681698ea4a4c0fde5abc51e32e",
            headers=[("x-k8s-aws-id", "my-eks-cluster")],
        ),
        token_case(
            "crt-get-vanilla-with-session-token-query",
            {"access_key_id": "AKIDEXAMPLE", "secret_access_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
             "session_token": "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"},
            "us-east-1", "service", "2015-08-30T12:36:00Z",
            "example.amazonaws.com",
            [], 3600,
            "7ff2b50b376cb4d151970630573d6291dc128cc5c2a12ffb237f73cc53f67b6c",
            token_mode="signed",
            canonical_request_sha256="cb30434103085aa9e73780fc60dc9a9df818fd2a7b1de12a9f6f4d791f898761",
        ),
    ]


NOTES = [
    "Format: see vectors/README.md (same as aws-sigv4-suite.json). expected values are copied from "
    "the sources; null means the source gives no value. Extra expected keys: "
    "\"canonical_request_sha256\" (hex SHA-256 of the canonical request, as published) and \"url\" "
    "(the documented presigned URL).",
    "The AWS S3 documentation examples use the key pair AKIAIOSFODNN7EXAMPLE / "
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY ('/bPxR'), not the CRT suite's "
    "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY ('+bPxR').",
    "S3 header examples (aws-s3-header-*): the request carries x-amz-content-sha256 itself "
    "(content_sha256_header false) and the signer adds x-amz-date from time, giving the "
    "documented SignedHeaders. payload is \"empty\" or the published {\"sha256\": ...}.",
    "aws-s3-header-put-object: object key \"test$file.text\"; the AWS docs write the URL as "
    "/test%24file.text, which is the canonical URI. request.path holds \"/test$file.text\" ('$' is "
    "legal raw in a path) so that the \"s3\" rule (encode once, no normalization) yields "
    "/test%24file.text, as for the suite's raw-space path in get-space-unnormalized.",
    "rusty-s3-aws-headers-example: the request carries a plain x-amz-date header "
    "(20150830T123600Z, date_header_in_request: true); in a presigned (query) request it is an "
    "ordinary signed header kept verbatim, while the signing time (X-Amz-Date query parameter) "
    "stays 2013-05-24T00:00:00Z. SignedHeaders content-type;host;x-amz-date.",
    "S3 presigned cases use payload \"unsigned\" (UNSIGNED-PAYLOAD); the non-S3 tokens (RDS, DSQL, "
    "EKS, CRT) hash the empty payload (\"empty\") and use path_rules \"generic\".",
    "Ports: minio-py signs host localhost:9000 and RDS signs "
    "prod-instance.us-east-1.rds.amazonaws.com:3306; the port is part of the signed host value.",
    "botocore-rds-db-auth-token: the token botocore returns is the presigned URL without the "
    "leading https://.",
    "crt-get-vanilla-with-session-token-query repeats the suite case's query variant with only the "
    "signature and the SHA-256 of its canonical request.",
]


def check(doc):
    names = [c["name"] for c in doc["cases"]]
    assert len(names) == len(set(names)), "duplicate case names"
    hexre = re.compile(r"^[0-9a-f]{64}$")
    for c in doc["cases"]:
        for variant in ("header", "query"):
            if variant not in c:
                continue
            e = c[variant]["expected"]
            for key in ("signature", "canonical_request_sha256"):
                if e.get(key) is not None:
                    assert hexre.match(e[key]), f"{c['name']}: {key} is not 64 lowercase hex chars"
        if isinstance(c["payload"], dict):
            assert hexre.match(c["payload"]["sha256"]), c["name"]


def main(argv):
    out_path = argv[1] if len(argv) > 1 else os.path.join("vectors", "s3-docs.json")
    cases = section1() + section2() + section5() + section6()
    doc = {"source": SOURCE, "license": LICENSE, "notes": NOTES, "cases": copy.deepcopy(cases)}
    check(doc)
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    n_header = sum(1 for c in cases if "header" in c)
    n_query = sum(1 for c in cases if "query" in c)
    print(f"wrote {out_path}: {len(cases)} cases, header variant {n_header}, query variant {n_query}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
