#!/usr/bin/env python3
"""Convert the AWS SigV4a signing test suite (v4a cases) into vectors/aws-sigv4a-suite.json.

Usage (from the repository root):

    python3 vectors/convert_aws_suite_v4a.py [SUITE_V4A_DIR] [OUTPUT_JSON]

SUITE_V4A_DIR defaults to ../shared/aws-signing-test-suite/v4a and OUTPUT_JSON to
vectors/aws-sigv4a-suite.json (both relative to the current directory). Standard library only.

The request, context and expected-text handling is the v4 converter's (convert_aws_suite.py, imported
from beside this file): the two suites share their request files. What SigV4a adds per case:

- "algorithm": "AWS4-ECDSA-P256-SHA256";
- "region_set": the context region, which a SigV4a signature carries in X-Amz-Region-Set (its
  credential scope has no region);
- "public_key": the P-256 public key (affine X and Y, hex) that the secret derives to;
- per variant, expected.signatures: every signature the suite gives for that variant (the
  *-signature.txt file and the one inside *-signed-request.txt). ECDSA signatures are randomized, so
  a runner verifies them under public_key over the expected string to sign, and verifies its own
  signature the same way, instead of comparing bytes.
"""

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import convert_aws_suite as v4  # noqa: E402  (the v4 converter: request and context parsing)

ALGORITHM = "AWS4-ECDSA-P256-SHA256"

SOURCE = (
    "AWS Common Runtime SigV4 signing test suite: awslabs/aws-c-auth tests/aws-signing-test-suite "
    "v0.9.0 (v4a cases), as shipped in the aws-sigv4 1.6.4 crate package on crates.io "
    "(folder aws-signing-test-suite/). Converted by vectors/convert_aws_suite_v4a.py."
)
LICENSE = v4.LICENSE

HEX_RE = re.compile(r"^[0-9a-f]+$")
AUTH_SIG_RE = re.compile(r"^Authorization:" + ALGORITHM + r" Credential=[^,]+, SignedHeaders=[^,]+, Signature=([0-9a-f]+)$", re.M)
QUERY_SIG_RE = re.compile(r"[?&]X-Amz-Signature=([0-9a-f]+)(?:[& ]|$)")
SCOPE_RE = re.compile(r"^\d{8}/[a-z0-9-]+/aws4_request$")


def der_signature(text, where):
    """A hex DER ECDSA signature: SEQUENCE { INTEGER r, INTEGER s }, shape-checked only."""
    sig = text.strip()
    if not HEX_RE.match(sig) or len(sig) % 2:
        raise ValueError(f"{where}: not lower-case hex: {sig!r}")
    raw = bytes.fromhex(sig)
    if raw[0] != 0x30 or raw[1] != len(raw) - 2 or not 8 <= len(raw) <= 72:
        raise ValueError(f"{where}: not a DER SEQUENCE of the right length")
    return sig


def public_key(case_dir, where):
    with open(os.path.join(case_dir, "public-key.json"), "rb") as f:
        pk = json.loads(f.read().decode("utf-8"))
    x, y = pk["X"], pk["Y"]
    for c in (x, y):
        if len(c) != 64 or not HEX_RE.match(c):
            raise ValueError(f"{where}: public key coordinate {c!r} is not 32 bytes of hex")
    return {"x": x, "y": y}


def signatures(case_dir, variant, where):
    """The signatures the suite gives for one variant, in a fixed order."""
    out = []
    sig_path = os.path.join(case_dir, f"{variant}-signature.txt")
    out.append(der_signature(v4.read_text(sig_path), f"{where}/{variant}-signature.txt"))
    signed = v4.read_text(os.path.join(case_dir, f"{variant}-signed-request.txt"))
    found = (AUTH_SIG_RE if variant == "header" else QUERY_SIG_RE).findall(signed)
    if len(found) != 1:
        raise ValueError(f"{where}: expected one signature in {variant}-signed-request.txt, found {len(found)}")
    out.append(der_signature(found[0], f"{where}/{variant}-signed-request.txt"))
    return out


def convert_case(case_dir, name, notes_used):
    case = v4.convert_case(case_dir, name, notes_used)
    where = name
    if "credentials" not in case or "header" not in case or "query" not in case:
        raise ValueError(f"{where}: every v4a case has a context and both variants")
    # The v4 converter also reads *-signature.txt into expected.signature; for ECDSA that value is
    # one random signature among many, so it moves to expected.signatures with the signed request's.
    for variant in ("header", "query"):
        exp = case[variant]["expected"]
        exp.pop("signature", None)
        exp["signatures"] = signatures(case_dir, variant, where)
        sts = exp["string_to_sign"]
        lines = sts.rstrip("\n").split("\n")
        if len(lines) != 4 or lines[0] != ALGORITHM or not SCOPE_RE.match(lines[2]):
            raise ValueError(f"{where}: {variant} string to sign is not a SigV4a one: {sts!r}")
    # Key order: name first, then what SigV4a adds, then the rest as the v4 converter wrote it.
    out = {"name": case.pop("name"), "algorithm": ALGORITHM, "region_set": case["region"]}
    out["public_key"] = public_key(case_dir, where)
    out.update(case)
    return out


def build_notes(notes_used):
    notes = [
        "Format: vectors/README.md (the v4 suite's format, plus algorithm, region_set, public_key and "
        "expected.signatures). All strings are exact; expected.* texts are the suite files verbatim.",
        "region is the context region; a SigV4a signer puts it in region_set (X-Amz-Region-Set: a "
        "signed header in the header variant, a query parameter in the query variant), not in the "
        "credential scope, which is YYYYMMDD/service/aws4_request.",
        "public_key is the suite's public-key.json: the P-256 point (affine x, y; hex) of the private "
        "key derived from the secret (the same for every case, since the key depends only on the "
        "access key id and the secret).",
        "expected.signatures: the hex DER ECDSA signatures the suite gives for the variant: first "
        "*-signature.txt, then the one in *-signed-request.txt. Both are randomized (random nonces): "
        "each must verify under public_key over SHA-256 of expected.string_to_sign.",
    ]
    notes.extend(
        n for n in v4.build_notes(notes_used)
        if not n.startswith("Format:") and not n.startswith("The signer adds x-amz-date")
    )
    notes.append(
        "The signer adds x-amz-date and x-amz-region-set (header variant) or the X-Amz-* query "
        "parameters, X-Amz-Region-Set among them (query variant), itself; suite requests do not "
        "carry them."
    )
    return notes


def main(argv):
    suite_dir = argv[1] if len(argv) > 1 else os.path.join("..", "shared", "aws-signing-test-suite", "v4a")
    out_path = argv[2] if len(argv) > 2 else os.path.join("vectors", "aws-sigv4a-suite.json")
    names = sorted(n for n in os.listdir(suite_dir) if os.path.isdir(os.path.join(suite_dir, n)))
    notes_used = set()
    cases = [convert_case(os.path.join(suite_dir, n), n, notes_used) for n in names]

    doc = {"source": SOURCE, "license": LICENSE, "notes": build_notes(notes_used), "cases": cases}
    os.makedirs(os.path.dirname(out_path) or ".", exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")

    with open(out_path, encoding="utf-8") as f:
        back = json.load(f)
    cs = back["cases"]
    n_header = sum(1 for c in cs if "header" in c)
    n_query = sum(1 for c in cs if "query" in c)
    print(f"wrote {out_path}: {len(cs)} cases, header variant {n_header}, query variant {n_query}")
    if (len(cs), n_header, n_query) != (38, 38, 38):
        raise SystemExit("unexpected counts (want 38 cases, 38 header, 38 query)")
    by = {c["name"]: c for c in cs}
    c = by["get-vanilla"]
    assert c["public_key"] == {
        "x": "b6618f6a65740a99e650b33b6b4b5bd0d43b176d721a3edfea7e7d2d56d936b1",
        "y": "865ed22a7eadc9c5cb9d2cbaca1b3699139fedc5043dc6661864218330c8e518",
    }, c["public_key"]
    assert c["header"]["expected"]["signatures"][0].startswith("3045022018b4e277"), c["header"]
    assert c["region_set"] == "us-east-1"
    assert by["post-sts-header-after"]["query"]["session_token"] == "omit"
    assert by["get-vanilla-with-session-token"]["header"]["session_token"] == "signed"
    assert by["post-x-www-form-urlencoded"]["header"]["content_sha256_header"] is True
    assert by["get-space-normalized"]["request"]["path"] == "/example space/"
    assert all(len(c[v]["expected"]["signatures"]) == 2 for c in cs for v in ("header", "query"))
    print("spot checks passed: get-vanilla (public key, signature), post-sts-header-after, "
          "get-vanilla-with-session-token, post-x-www-form-urlencoded, get-space-normalized")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
