#!/usr/bin/env python3
"""Convert the AWS SigV4 signing test suite (v4 cases) into vectors/aws-sigv4-suite.json.

Usage (from the repository root):

    python3 vectors/convert_aws_suite.py [SUITE_V4_DIR] [OUTPUT_JSON]

SUITE_V4_DIR defaults to ../shared/aws-signing-test-suite/v4 and OUTPUT_JSON to
vectors/aws-sigv4-suite.json (both relative to the current directory). Standard library only.

The suite is awslabs/aws-c-auth tests/aws-signing-test-suite v0.9.0 as shipped in the aws-sigv4 1.6.4
crate package (Apache-2.0). See vectors/README.md for the output format.
"""

import json
import os
import re
import sys

SOURCE = (
    "AWS Common Runtime SigV4 signing test suite: awslabs/aws-c-auth tests/aws-signing-test-suite "
    "v0.9.0 (v4 cases), as shipped in the aws-sigv4 1.6.4 crate package on crates.io "
    "(folder aws-signing-test-suite/), which adds the cases double-encode-path and double-url-encode. "
    "Converted by vectors/convert_aws_suite.py."
)
LICENSE = (
    "Apache-2.0. The test data is Copyright Amazon.com, Inc. or its affiliates, licensed under the "
    "Apache License, Version 2.0 (aws-c-auth and aws-sigv4 are both Apache-2.0)."
)

# The two cases without context.json only check the canonical request; this secret is a placeholder.
HEADER_ONLY_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

# Cases whose request-line target (path + query) in request.txt differs from header-signed-request.txt.
KNOWN_TARGET_ERRATA = {"get-space-normalized"}

EXPECTED_FILES = {
    "canonical_request": "canonical-request.txt",
    "string_to_sign": "string-to-sign.txt",
    "signature": "signature.txt",
    "signed_request": "signed-request.txt",
}

HTTP_VERSION_RE = re.compile(r" HTTP/\d(\.\d)?$")
CREDENTIAL_RE = re.compile(r"Credential=([^/\s,]+)/(\d{8})/([^/\s,]+)/([^/\s,]+)/aws4_request")
AMZ_DATE_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$")


def read_text(path):
    """Read a file as UTF-8 text, byte-exact (no newline translation, no stripping)."""
    with open(path, "rb") as f:
        data = f.read()
    if b"\r" in data:
        raise ValueError(f"{path}: unexpected CR in suite file")
    return data.decode("utf-8")


def read_optional(path):
    return read_text(path) if os.path.exists(path) else None


def parse_request_line(line, where):
    """Split 'METHOD TARGET [HTTP/x.y]' into (method, target). TARGET may contain spaces."""
    method, sep, rest = line.partition(" ")
    if not sep or not method or not rest:
        raise ValueError(f"{where}: bad request line {line!r}")
    target = HTTP_VERSION_RE.sub("", rest)
    return method, target


def percent_decode(s, where):
    """Decode %XX escapes only ('+' stays '+'); the result must be valid UTF-8."""
    out = bytearray()
    i = 0
    raw = s.encode("utf-8")
    while i < len(raw):
        c = raw[i]
        if c == ord("%"):
            hx = raw[i + 1:i + 3]
            if len(hx) != 2 or not all(chr(h) in "0123456789abcdefABCDEF" for h in hx):
                raise ValueError(f"{where}: bad percent escape in {s!r}")
            out.append(int(hx, 16))
            i += 3
        else:
            out.append(c)
            i += 1
    return out.decode("utf-8")


def split_target(target, where):
    """Split a request target into (path, [[name, value], ...]) with decoded query parts."""
    path, sep, qs = target.partition("?")
    query = []
    if sep and qs:
        for part in qs.split("&"):
            if part == "":
                raise ValueError(f"{where}: empty query segment in {target!r}")
            name, _, value = part.partition("=")
            query.append([percent_decode(name, where), percent_decode(value, where)])
    return path, query


def parse_request(text, where):
    """Parse request.txt: request line, headers (obs-fold joined), optional body."""
    head, blank, body = text.partition("\n\n")
    lines = head.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last header line
    method, target = parse_request_line(lines[0], where)
    headers = []
    for line in lines[1:]:
        if line[:1] in (" ", "\t"):
            if not headers:
                raise ValueError(f"{where}: continuation line before any header")
            # obs-fold: the line break becomes one space; the continuation line is kept verbatim.
            headers[-1][1] += " " + line
            continue
        name, colon, value = line.partition(":")
        if not colon or not name:
            raise ValueError(f"{where}: bad header line {line!r}")
        headers.append([name, value])
    return {
        "method": method,
        "target": target,
        "headers": headers,
        "body": body if (blank and body != "") else None,
    }


def amz_date_to_rfc3339(value, where):
    m = AMZ_DATE_RE.match(value.strip())
    if not m:
        raise ValueError(f"{where}: bad X-Amz-Date {value!r}")
    y, mo, d, h, mi, s = m.groups()
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}Z"


def read_expected(case_dir, prefix):
    return {
        key: read_optional(os.path.join(case_dir, f"{prefix}-{suffix}"))
        for key, suffix in EXPECTED_FILES.items()
    }


def convert_case(case_dir, name, notes_used):
    where = name
    req = parse_request(read_text(os.path.join(case_dir, "request.txt")), f"{where}/request.txt")

    # Request target: from header-signed-request.txt when present (see the get-space-normalized erratum).
    signed_path = os.path.join(case_dir, "header-signed-request.txt")
    target = req["target"]
    if os.path.exists(signed_path):
        first = read_text(signed_path).split("\n", 1)[0]
        s_method, s_target = parse_request_line(first, f"{where}/header-signed-request.txt")
        if s_method != req["method"]:
            raise ValueError(f"{where}: method differs between request.txt and header-signed-request.txt")
        if s_target != target:
            if name not in KNOWN_TARGET_ERRATA:
                raise ValueError(
                    f"{where}: request target {target!r} in request.txt differs from "
                    f"{s_target!r} in header-signed-request.txt (not a known erratum)"
                )
            notes_used.add("erratum:" + name)
            target = s_target
    elif name in KNOWN_TARGET_ERRATA:
        raise ValueError(f"{where}: erratum case lacks header-signed-request.txt")
    path, query = split_target(target, where)

    hosts = [h for h in req["headers"] if h[0].lower() == "host"]
    if len(hosts) != 1:
        raise ValueError(f"{where}: expected exactly one Host header, found {len(hosts)}")
    host = hosts[0][1]
    headers = [h for h in req["headers"] if h[0].lower() != "host"]

    header_creq = read_optional(os.path.join(case_dir, "header-canonical-request.txt"))
    query_creq = read_optional(os.path.join(case_dir, "query-canonical-request.txt"))

    context_path = os.path.join(case_dir, "context.json")
    case = {"name": name}
    if os.path.exists(context_path):
        with open(context_path, "rb") as f:
            ctx = json.loads(f.read().decode("utf-8"))
        creds = ctx["credentials"]
        token = creds.get("token")
        omit = bool(ctx.get("omit_session_token", False))
        sign_body = bool(ctx["sign_body"])
        case["credentials"] = {
            "access_key_id": creds["access_key_id"],
            "secret_access_key": creds["secret_access_key"],
            "session_token": token,
        }
        case["region"] = ctx["region"]
        case["service"] = ctx["service"]
        case["time"] = ctx["timestamp"]
        case["path_rules"] = "generic" if ctx["normalize"] else "s3"
        expires_in = ctx.get("expiration_in_seconds")
        if any(h[0].lower() == "x-amz-date" for h in headers):
            raise ValueError(f"{where}: unexpected X-Amz-Date header in a case with context.json")
    else:
        # Header-only cases added by aws-sigv4 (double-encode-path, double-url-encode).
        if query_creq is not None or header_creq is None:
            raise ValueError(f"{where}: case without context.json must be header-only")
        signed = read_text(signed_path)
        m = CREDENTIAL_RE.search(signed)
        if not m:
            raise ValueError(f"{where}: no Credential= in header-signed-request.txt")
        akid, _scope_date, region, service = m.groups()
        dates = [h[1] for h in headers if h[0].lower() == "x-amz-date"]
        if len(dates) != 1:
            raise ValueError(f"{where}: expected one X-Amz-Date header")
        # The signing time is the x-amz-date the signer put into the expected canonical request.
        # (In double-encode-path the request's own X-amz-date header disagrees with it: the signer
        # overrides that header, and aws-sigv4's own test signs both cases at 20210511T154045Z.)
        creq_dates = [l[len("x-amz-date:"):] for l in header_creq.split("\n") if l.startswith("x-amz-date:")]
        if len(creq_dates) != 1:
            raise ValueError(f"{where}: expected one x-amz-date line in header-canonical-request.txt")
        time = amz_date_to_rfc3339(creq_dates[0], where)
        if amz_date_to_rfc3339(dates[0], where) != time:
            notes_used.add("date-mismatch:" + name)
        token, omit, sign_body, expires_in = None, False, False, None
        case["credentials"] = {
            "access_key_id": akid,
            "secret_access_key": HEADER_ONLY_SECRET,
            "session_token": None,
        }
        case["region"] = region
        case["service"] = service
        case["time"] = time
        case["path_rules"] = "generic"
        case["date_header_in_request"] = True
        notes_used.add("header-only:" + name)

    case["request"] = {
        "method": req["method"],
        "host": host,
        "path": path,
        "query": query,
        "headers": headers,
        "body": req["body"],
    }
    case["payload"] = "body" if sign_body else "empty"
    if sign_body and req["body"] is None:
        raise ValueError(f"{where}: sign_body without a body")

    token_mode = "none" if token is None else ("omit" if omit else "signed")
    if header_creq is not None:
        case["header"] = {
            "session_token": token_mode,
            "content_sha256_header": sign_body,
            "expected": read_expected(case_dir, "header"),
        }
    if query_creq is not None:
        if expires_in is None:
            raise ValueError(f"{where}: query variant without expiration_in_seconds")
        case["query"] = {
            "expires_in": expires_in,
            "session_token": token_mode,
            "expected": read_expected(case_dir, "query"),
        }
    return case


def build_notes(notes_used):
    notes = [
        "Format: see vectors/README.md. All strings are exact; expected.* values are the suite files "
        "verbatim (not stripped; a few end with a newline, e.g. double-url-encode/header-string-to-sign.txt).",
        "request.host is the Host header of request.txt; it is not repeated in request.headers. "
        "request.headers keeps every other header in file order with names verbatim and the value "
        "verbatim after the first ':' (not trimmed).",
        "Multi-line (obs-fold) header values, as in get-header-value-multiline: the library refuses raw "
        "CR/LF in header values, so each continuation line is appended to the previous header's value "
        "with the line break replaced by ONE space and the continuation line kept verbatim "
        "(\"value1\\n  value2\\n     value3\" becomes \"value1   value2      value3\"); "
        "canonicalisation trims and collapses the spaces to \"value1 value2 value3\" as expected.",
        "request.path is the request-line path verbatim (it can hold raw spaces and raw UTF-8, as the "
        "suite does); request.query is the request-line query split on '&' and the first '=', each part "
        "percent-decoded (%XX only, '+' stays '+'), original order.",
        "path_rules: context.json normalize=true -> \"generic\" (normalize the path, then URI-encode it "
        "again, i.e. double-encode); normalize=false -> \"s3\" (encode once, no normalization).",
        "payload: sign_body=true -> \"body\" (SHA-256 of request.body), otherwise \"empty\" (SHA-256 of "
        "the empty string). header.content_sha256_header is true exactly when sign_body is true: the "
        "signer then adds a signed x-amz-content-sha256 header.",
        "session_token: \"signed\" = X-Amz-Security-Token is part of the canonical request (header or "
        "query); \"omit\" = context omit_session_token (post-sts-header-after): the token is added to "
        "the request after signing and is not signed; \"none\" = no token.",
        "The signer adds x-amz-date (header variant) or the X-Amz-* query parameters (query variant) "
        "itself; suite requests do not carry them, except the two header-only cases (see below).",
    ]
    used = {}
    for key in notes_used:
        kind, name = key.split(":", 1)
        used.setdefault(kind, []).append(name)
    for name in sorted(used.get("erratum", [])):
        notes.append(
            f"Erratum ({name}): in the aws-sigv4 1.6.4 copy, request.txt has the path "
            "/example%20space/, but header-signed-request.txt shows the CRT signer saw "
            "/example space/ (a raw space, like get-space-unnormalized), and the expected "
            "canonical URI /example%20space/ only follows from a raw space with double encoding. "
            "Rule applied to every case: the request-line target (path + query) is taken from the "
            "first line of header-signed-request.txt when that file exists (trailing ' HTTP/1.1' "
            "removed), else from request.txt; the converter asserts the two differ only for this case."
        )
    if used.get("header-only"):
        names = " and ".join(sorted(used["header-only"]))
        notes.append(
            f"{names} have no context.json (cases added by aws-sigv4) and only check the header "
            "canonical request: the access key id, region and service come from the Authorization "
            "line of header-signed-request.txt, the secret key is a placeholder "
            f"({HEADER_ONLY_SECRET}), payload is \"empty\", path_rules \"generic\", and the time is "
            "the x-amz-date of the expected canonical request. Each request carries its own X-Amz-Date "
            "header (date_header_in_request: true), kept in request.headers; the signer replaces it "
            "with its own x-amz-date. Only expected.canonical_request (and expected.string_to_sign "
            "where present) is meaningful; signed_request is the file verbatim and expected.signature "
            "is null (there is no header-signature.txt). For double-url-encode the signature in the "
            "Authorization line of signed_request is nevertheless reproduced with the placeholder "
            "secret (vectors/check_docs.py); for double-encode-path it is not (its scope date is 20150830)."
        )
    for name in sorted(used.get("date-mismatch", [])):
        notes.append(
            f"{name}: the request's X-Amz-Date header (20150830T123600Z) and the Authorization "
            "scope date (20150830) disagree with the expected canonical request, whose x-amz-date "
            "is 20210511T154045Z (aws-sigv4's own test signs this case at 20210511T154045Z). "
            "time is therefore 2021-05-11T15:40:45Z; the request's header value is kept verbatim "
            "and must be replaced by the signer."
        )
    return notes


def main(argv):
    suite_dir = argv[1] if len(argv) > 1 else os.path.join("..", "shared", "aws-signing-test-suite", "v4")
    out_path = argv[2] if len(argv) > 2 else os.path.join("vectors", "aws-sigv4-suite.json")
    names = sorted(n for n in os.listdir(suite_dir) if os.path.isdir(os.path.join(suite_dir, n)))
    notes_used = set()
    cases = [convert_case(os.path.join(suite_dir, n), n, notes_used) for n in names]
    for name in KNOWN_TARGET_ERRATA:
        if name in names and "erratum:" + name not in notes_used:
            print(f"warning: erratum for {name} no longer applies (suite fixed?)", file=sys.stderr)

    doc = {"source": SOURCE, "license": LICENSE, "notes": build_notes(notes_used), "cases": cases}
    os.makedirs(os.path.dirname(out_path) or ".", exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")

    # Read back and sanity-check.
    with open(out_path, encoding="utf-8") as f:
        back = json.load(f)
    cs = back["cases"]
    n_header = sum(1 for c in cs if "header" in c)
    n_query = sum(1 for c in cs if "query" in c)
    print(f"wrote {out_path}: {len(cs)} cases, header variant {n_header}, query variant {n_query}")
    if (len(cs), n_header, n_query) != (40, 40, 38):
        raise SystemExit("unexpected counts (want 40 cases, 40 header, 38 query)")
    by = {c["name"]: c for c in cs}

    c = by["get-header-value-multiline"]
    assert c["request"]["headers"] == [["My-Header1", "value1   value2      value3"]], c["request"]["headers"]
    c = by["get-vanilla-query-order-encoded"]
    assert c["request"]["query"] == [["Param-3", "Value3"], ["Param", "Value2"], ["\u1234", "Value1"]], c["request"]["query"]
    c = by["post-x-www-form-urlencoded"]
    assert c["request"]["body"] == "Param1=value1" and c["payload"] == "body"
    assert c["header"]["content_sha256_header"] is True
    c = by["post-sts-header-after"]
    assert c["header"]["session_token"] == "omit" and c["query"]["session_token"] == "omit"
    assert by["post-sts-header-before"]["header"]["session_token"] == "signed"
    assert by["get-vanilla-with-session-token"]["query"]["session_token"] == "signed"
    assert by["get-space-normalized"]["request"]["path"] == "/example space/"
    assert by["get-vanilla"]["header"]["expected"]["signature"] == \
        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
    for name in ("double-encode-path", "double-url-encode"):
        assert by[name]["date_header_in_request"] is True and "query" not in by[name]
    print("spot checks passed: get-header-value-multiline, get-vanilla-query-order-encoded, "
          "post-x-www-form-urlencoded, post-sts-header-after, get-space-normalized, double-*")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
