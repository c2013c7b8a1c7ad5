#!/usr/bin/env python3
"""Record S3 Express One Zone signing by botocore, offline, into vectors/botocore-s3express.json.

Usage (from the repository root):  python3 vectors/gen_botocore_express.py [OUTPUT_JSON]

botocore (pinned in .ci/run) runs its whole directory-bucket flow with no network:

* the clock is frozen (``botocore.auth.get_current_datetime`` is patched);
* a ``before-send`` handler catches every request botocore would send and answers it itself:
  ``CreateSession`` (``GET /?session`` on the zonal endpoint, signed with the account's
  credentials) gets a fixed CreateSession XML body, which botocore parses into the session
  credentials it then signs the object requests with (its S3 Express identity cache);
* presigned ``get_object``/``put_object`` URLs come from ``generate_presigned_url``; header-signed
  ``get_object``/``head_object`` requests are caught before they are sent.

Recorded per case: what was asked of botocore, and what it produced (method, URL, the signed
headers with their values, the Authorization header, the canonical request it signed). The
session credentials' Expiration is far in the future because botocore's credential refresh reads
the real clock; it is not part of any signature.
"""

import os
import sys

for _k in list(os.environ):
    if _k.startswith("AWS_"):
        del os.environ[_k]
os.environ["AWS_CONFIG_FILE"] = "/dev/null"
os.environ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
os.environ["AWS_EC2_METADATA_DISABLED"] = "true"

import datetime  # noqa: E402
import json  # noqa: E402

import botocore  # noqa: E402
import botocore.auth  # noqa: E402
import botocore.session  # noqa: E402
from botocore.awsrequest import AWSResponse  # noqa: E402

NOW = datetime.datetime(2026, 11, 23, 12, 0, 0)
NOW_RFC3339 = "2026-11-23T12:00:00Z"
ACCOUNT = {"access_key_id": "AKIAIOSFODNN7EXAMPLE", "secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
ACCOUNT_STS = {
    "access_key_id": "ASIAIOSFODNN7EXAMPLE",
    "secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "session_token": "IQoJb3JpZ2luX2VjEXAMPLETOKEN//////////+abc=",
}
SESSION_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<CreateSessionResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
    "<Credentials>"
    "<SessionToken>AgAAAEXAMPLESESSIONTOKEN+/=/x&amp;y</SessionToken>"
    "<SecretAccessKey>sEsSiOnSeCrEt/EXAMPLE+KEY0123456789abcd</SecretAccessKey>"
    "<AccessKeyId>ASIASESSIONEXAMPLE01</AccessKeyId>"
    "<Expiration>2099-01-01T00:00:00Z</Expiration>"
    "</Credentials>"
    "</CreateSessionResult>"
)

botocore.auth.get_current_datetime = lambda *a, **k: NOW


class _Raw:
    def __init__(self, body):
        self._body = body

    def stream(self, **_kw):
        yield self._body


class Recorder:
    """Catches requests instead of sending them, and the canonical requests botocore signs."""

    def __init__(self):
        self.sent = []
        self.canonical = []
        original = botocore.auth.SigV4Auth.canonical_request

        def canonical_request(auth_self, request):
            cr = original(auth_self, request)
            self.canonical.append(cr)
            return cr

        botocore.auth.SigV4Auth.canonical_request = canonical_request

    def before_send(self, request, **_kw):
        headers = {k.lower(): (v.decode() if isinstance(v, bytes) else v) for k, v in request.headers.items()}
        self.sent.append({"method": request.method, "url": request.url, "headers": headers,
                          "canonical_request": self.canonical[-1] if self.canonical else None})
        if request.url.endswith("?session"):
            return AWSResponse(request.url, 200, {"content-type": "application/xml"}, _Raw(SESSION_XML.encode()))
        return AWSResponse(request.url, 200, {"content-length": "0"}, _Raw(b""))


def client(region, creds):
    s = botocore.session.get_session()
    c = s.create_client(
        "s3", region_name=region,
        aws_access_key_id=creds["access_key_id"], aws_secret_access_key=creds["secret_access_key"],
        aws_session_token=creds.get("session_token"),
    )
    rec = Recorder()
    c.meta.events.register("before-send.s3", rec.before_send)
    return c, rec


def signed_headers(entry):
    auth = entry["headers"]["authorization"]
    names = auth.split("SignedHeaders=")[1].split(",")[0].split(";")
    return [[n, entry["headers"][n]] for n in names if n != "host"]


def session_request(entry):
    return {
        "method": entry["method"], "url": entry["url"],
        "signed_headers": signed_headers(entry),
        "authorization": entry["headers"]["authorization"],
        "canonical_request": entry["canonical_request"],
    }


BUCKETS = [
    ("us-west-2", "my-data--usw2-az1--x-s3"),
    ("ap-northeast-1", "b1--apne1-az4--x-s3"),
    ("us-west-2", "media--usw2-lax1-az1--x-s3"),
]
KEYS = ["photos/cat.jpg", "a b+c=d&e/ü.txt", "deep/./dir/../x"]


def main(argv):
    out_path = argv[1] if len(argv) > 1 else os.path.join("vectors", "botocore-s3express.json")
    cases = []
    for account_name, account in (("account", ACCOUNT), ("account-sts", ACCOUNT_STS)):
        for region, bucket in BUCKETS:
            for op, key, params, expires in (
                ("get_object", KEYS[0], {}, 300),
                ("get_object", KEYS[1], {"ResponseContentDisposition": "attachment"}, 3600),
                ("put_object", KEYS[2], {"ContentType": "image/png"}, 600),
            ):
                c, rec = client(region, account)
                url = c.generate_presigned_url(op, Params={"Bucket": bucket, "Key": key, **params}, ExpiresIn=expires)
                create = [e for e in rec.sent if e["url"].endswith("?session")]
                assert len(create) == 1, create
                cases.append({
                    "name": f"{account_name}/{bucket}/{op}/{key}",
                    "kind": "presign",
                    "region": region, "bucket": bucket, "operation": op, "key": key,
                    "params": params, "expires_in": expires,
                    "account_credentials": account, "time": NOW_RFC3339,
                    "create_session": session_request(create[0]),
                    "create_session_response": SESSION_XML,
                    "expected": {"url": url, "canonical_request": rec.canonical[-1]},
                })
        # Header-signed object requests with the session credentials.
        for region, bucket in BUCKETS[:1]:
            for op in ("get_object", "head_object"):
                c, rec = client(region, account)
                getattr(c, op)(Bucket=bucket, Key=KEYS[0])
                create = [e for e in rec.sent if e["url"].endswith("?session")]
                obj = [e for e in rec.sent if not e["url"].endswith("?session")]
                assert len(create) == 1 and len(obj) == 1, rec.sent
                cases.append({
                    "name": f"{account_name}/{bucket}/{op}/header",
                    "kind": "header",
                    "region": region, "bucket": bucket, "operation": op, "key": KEYS[0],
                    "params": {}, "expires_in": None,
                    "account_credentials": account, "time": NOW_RFC3339,
                    "create_session": session_request(create[0]),
                    "create_session_response": SESSION_XML,
                    "expected": session_request(obj[0]),
                })
    # CreateSession in ReadOnly mode (the x-amz-create-session-mode header).
    c, rec = client("us-west-2", ACCOUNT)
    c.create_session(Bucket=BUCKETS[0][1], SessionMode="ReadOnly")
    cases.append({
        "name": f"account/{BUCKETS[0][1]}/create_session/ReadOnly",
        "kind": "create_session",
        "region": "us-west-2", "bucket": BUCKETS[0][1], "operation": "create_session", "key": None,
        "params": {"SessionMode": "ReadOnly"}, "expires_in": None,
        "account_credentials": ACCOUNT, "time": NOW_RFC3339,
        "create_session": session_request(rec.sent[0]),
        "create_session_response": SESSION_XML,
        "expected": None,
    })
    doc = {
        "source": f"botocore {botocore.__version__} (Apache-2.0), run offline by vectors/gen_botocore_express.py: "
                  "frozen clock, requests caught before sending, a fixed CreateSession response.",
        "license": "Generated data (botocore's output for the inputs in this file); botocore is Apache-2.0.",
        "notes": [
            "create_session: the CreateSession request botocore signed with account_credentials "
            "(service s3express, X-Amz-Security-Token for temporary account credentials); "
            "create_session_response: the body botocore was answered with and read its session credentials from.",
            "expected.url (kind presign): botocore's presigned URL, signed with the session credentials, the "
            "token in X-Amz-S3session-Token; expected (kind header): the header-signed request, the token in "
            "x-amz-s3session-token. canonical_request: what botocore hashed.",
            "signed_headers lists the headers botocore signed besides host, with their values.",
        ],
        "cases": cases,
    }
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    kinds = {}
    for case in cases:
        kinds[case["kind"]] = kinds.get(case["kind"], 0) + 1
    print(f"wrote {out_path}: {len(cases)} cases {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
