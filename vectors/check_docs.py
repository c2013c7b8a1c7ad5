#!/usr/bin/env python3
"""Independent check of the vector files with a tiny SigV4 implementation (hashlib/hmac only).

Usage (from the repository root):

    python3 vectors/check_docs.py [JSON ...]

Defaults to vectors/s3-docs.json and vectors/aws-sigv4-suite.json. For every case and variant it
builds the canonical request, string to sign and signature from the case inputs and compares them
with every non-null expected value (canonical_request, string_to_sign, signature, and the extra keys
canonical_request_sha256 and url). signed_request is not compared. A mismatch means an input in the
JSON is wrong (or this checker's model is), never the expected value. Exit status 1 on any mismatch.
"""

import hashlib
import hmac
import json
import re
import sys

UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")


def uri_encode(s, keep_slash):
    out = []
    for b in s.encode("utf-8"):
        if b in UNRESERVED or (keep_slash and b == ord("/")):
            out.append(chr(b))
        else:
            out.append("%%%02X" % b)
    return "".join(out)


def normalize_path(path):
    """Remove '.'/'..' segments and empty segments (CRT normalization); keep a trailing slash."""
    segs = []
    for seg in path.split("/"):
        if seg in ("", "."):
            continue
        if seg == "..":
            if segs:
                segs.pop()
            continue
        segs.append(seg)
    out = "/" + "/".join(segs)
    if segs and path.endswith("/"):
        out += "/"
    return out


def canonical_uri(path, rules):
    if rules == "generic":
        return uri_encode(normalize_path(path), keep_slash=True)
    if rules == "s3":
        return uri_encode(path or "/", keep_slash=True)
    raise ValueError(rules)


def canonical_query(pairs):
    enc = sorted((uri_encode(k, False), uri_encode(v, False)) for k, v in pairs)
    return "&".join(f"{k}={v}" for k, v in enc)


def trim_value(v):
    return " ".join(p for p in v.strip(" ").split(" ") if p != "") if v.strip(" ") else ""


def canonical_headers(headers):
    merged = {}
    for name, value in headers:
        merged.setdefault(name.lower(), []).append(trim_value(value))
    names = sorted(merged)
    text = "".join(f"{n}:{','.join(merged[n])}\n" for n in names)
    return text, ";".join(names)


def sha256_hex(data):
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def payload_hash(case):
    p = case["payload"]
    if p == "empty":
        return sha256_hex("")
    if p == "body":
        return sha256_hex(case["request"]["body"])
    if p == "unsigned":
        return "UNSIGNED-PAYLOAD"
    return p["sha256"]


def amz_date(rfc3339):
    # 2015-08-30T12:36:00Z -> 20150830T123600Z
    return rfc3339.replace("-", "").replace(":", "")


def signing_key(secret, date, region, service):
    k = ("AWS4" + secret).encode("utf-8")
    for part in (date, region, service, "aws4_request"):
        k = hmac.new(k, part.encode("utf-8"), hashlib.sha256).digest()
    return k


def sign(case, variant):
    req = case["request"]
    creds = case["credentials"]
    v = case[variant]
    t = amz_date(case["time"])
    date = t[:8]
    scope = f"{date}/{case['region']}/{case['service']}/aws4_request"
    phash = payload_hash(case)
    headers = [["host", req["host"]]] + [list(h) for h in req["headers"]]
    query = [list(q) for q in req["query"]]
    token = creds.get("session_token")
    mode = v["session_token"]
    assert (mode == "none") == (token is None), f"{case['name']}: session_token mode vs credentials"

    if variant == "header":
        if case.get("date_header_in_request"):
            headers = [h for h in headers if h[0].lower() != "x-amz-date"]  # the signer sets its own
        headers.append(["x-amz-date", t])
        if mode == "signed":
            headers.append(["x-amz-security-token", token])
        if v["content_sha256_header"]:
            headers.append(["x-amz-content-sha256", phash])
        ch, sh = canonical_headers(headers)
    else:
        ch, sh = canonical_headers(headers)
        query += [
            ["X-Amz-Algorithm", "AWS4-HMAC-SHA256"],
            ["X-Amz-Credential", f"{creds['access_key_id']}/{scope}"],
            ["X-Amz-Date", t],
            ["X-Amz-Expires", str(v["expires_in"])],
            ["X-Amz-SignedHeaders", sh],
        ]
        if mode == "signed":
            query.append(["X-Amz-Security-Token", token])

    cq = canonical_query(query)
    creq = "\n".join([req["method"], canonical_uri(req["path"], case["path_rules"]), cq, ch, sh, phash])
    sts = "\n".join(["AWS4-HMAC-SHA256", t, scope, sha256_hex(creq)])
    key = signing_key(creds["secret_access_key"], date, case["region"], case["service"])
    sig = hmac.new(key, sts.encode("utf-8"), hashlib.sha256).hexdigest()
    got = {
        "canonical_request": creq,
        "string_to_sign": sts,
        "signature": sig,
        "canonical_request_sha256": sha256_hex(creq),
    }
    if variant == "query":
        got["url"] = (f"https://{req['host']}{canonical_uri(req['path'], case['path_rules'])}"
                      f"?{cq}&X-Amz-Signature={sig}")
    return got


def check_file(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    failures = 0
    print(f"== {path}: {len(doc['cases'])} cases")
    for case in doc["cases"]:
        for variant in ("header", "query"):
            if variant not in case:
                continue
            exp = case[variant]["expected"]
            got = sign(case, variant)
            checked, bad = [], []
            for key in ("canonical_request", "string_to_sign", "signature",
                        "canonical_request_sha256", "url"):
                want = exp.get(key)
                if want is None:
                    continue
                # Suite files are verbatim; a few end with a newline that is not part of the value.
                if got[key] == want or got[key] == want.rstrip("\n"):
                    checked.append(key)
                else:
                    bad.append(key)
            # Informational: when no signature file exists, compare with the Authorization line of
            # signed_request (double-url-encode's is reproducible; double-encode-path's scope date is not).
            info = ""
            if exp.get("signature") is None and exp.get("signed_request"):
                m = re.search(r"Signature=([0-9a-f]{64})", exp["signed_request"])
                if m:
                    same = m.group(1) == got["signature"]
                    info = f"  (info: Authorization-line signature {'matches' if same else 'differs'})"
            status = "FAIL" if bad else ("ok" if checked else "nothing to check")
            print(f"  {status:4} {case['name']} [{variant}] verified: {','.join(checked) or '-'}"
                  + (f"  MISMATCH: {','.join(bad)}" if bad else "") + info)
            for key in bad:
                print(f"       want {key}: {exp[key]!r}\n       got  {key}: {got[key]!r}")
            failures += bool(bad)
    return failures


def main(argv):
    paths = argv[1:] or ["vectors/s3-docs.json", "vectors/aws-sigv4-suite.json"]
    failures = sum(check_file(p) for p in paths)
    print(f"{failures} failing variant(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
