#!/usr/bin/env python3
"""Presigned URLs per second from Python: boto3 (client made once), libpresign (C++/OpenSSL,
if installed) and s3presign, single URL and batch, side by side in one run.

    bash python/bench/run.sh            # makes a venv, builds the wheel, installs the peers, runs this
    python python/bench/bench.py        # in an environment that has them

Every contender's URL is checked once, byte for byte, against s3presign's for the same request
and signing time before it is timed. Each round times every contender once, for about 2 ms
(a short chunk is less likely to be preempted on a shared machine); figures are the medians
over the rounds, so load drifts hit all contenders alike, and ratios are of the medians.
Not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import statistics
import subprocess
import sys
import time

import s3presign
from s3presign import _native

AKID = "AKIAIOSFODNN7EXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
REGION = "eu-west-1"
BUCKET = "examplebucket"
KEY = "photos/2026/IMG 0001.jpg"
UTC = datetime.timezone.utc


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "uptime unavailable"


def amz_date(url: str) -> datetime.datetime:
    m = re.search(r"X-Amz-Date=(\d{8}T\d{6}Z)", url)
    assert m, url
    return datetime.datetime.strptime(m.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def per_call(fn, n: int) -> float:
    """Seconds per call of fn, over n calls."""
    t = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t) / n


def calls_per_chunk(fn, target: float = 0.002) -> int:
    """How many calls of fn take about `target` seconds (at least 1)."""
    fn()
    n = 1
    while True:
        took = per_call(fn, n) * n
        if took >= target / 4 or n >= 1 << 20:
            return max(1, int(n * target / max(took, 1e-9)))
        n *= 4


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=60)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--quick", action="store_true", help="fewer calls (a smoke run)")
    args = ap.parse_args()
    scale = 0.1 if args.quick else 1.0

    print("presign Python benchmark")
    print("  python %s on %s, s3presign %s (%s)" % (platform.python_version(), platform.machine(),
                                                     s3presign.__version__, os.path.basename(_native.__file__)))
    print("  load before: %s" % uptime())

    # s3presign, both layers. boto3_compatible: the same URL as boto3 and libpresign (botocore's
    # global host for eu-west-1 under "auto"), so that all of them sign the same request.
    ours = s3presign.client("s3", region_name=REGION, aws_access_key_id=AKID, aws_secret_access_key=SECRET,
                            boto3_compatible=True)
    native = s3presign.Presigner(AKID, SECRET, region=REGION)
    params = {"Bucket": BUCKET, "Key": KEY}
    put_params = {"Bucket": BUCKET, "Key": KEY, "ContentType": "image/jpeg", "Metadata": {"owner": "alice"}}
    keys = ["photos/2026/IMG %04d.jpg" % i for i in range(args.batch)]

    contenders = {}  # name -> single-call fn
    batches = {}  # name -> fn signing the whole batch

    # boto3 -----------------------------------------------------------------------------------
    try:
        import boto3
        import botocore.auth
        from botocore.config import Config

        b3 = boto3.client("s3", region_name=REGION, aws_access_key_id=AKID, aws_secret_access_key=SECRET,
                          config=Config(signature_version="s3v4"))
        frozen = datetime.datetime(2026, 11, 23, 12, 0, 0)
        real_clock = botocore.auth.get_current_datetime
        botocore.auth.get_current_datetime = lambda *a, **k: frozen
        try:
            for op, p in (("get_object", params), ("put_object", put_params)):
                want = b3.generate_presigned_url(op, Params=dict(p), ExpiresIn=3600)
                got = ours.generate_presigned_url(op, Params=p, ExpiresIn=3600, now=frozen.replace(tzinfo=UTC))
                assert got == want, (op, got, want)
        finally:
            botocore.auth.get_current_datetime = real_clock
        print("  boto3 %s: URLs checked equal (GET, PUT with Content-Type and metadata)" % boto3.__version__)
        contenders["boto3 generate_presigned_url"] = (
            lambda: b3.generate_presigned_url("get_object", Params=params, ExpiresIn=3600))
        contenders["boto3 generate_presigned_url (PUT)"] = (
            lambda: b3.generate_presigned_url("put_object", Params=put_params, ExpiresIn=3600))
        batches["boto3, a loop"] = lambda: [
            b3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": k}, ExpiresIn=3600)
            for k in keys[:20]]  # 20 keys a round: boto3 takes ~0.5 ms a URL
    except ImportError as e:
        print("  boto3: not installed (%s): skipped" % e)

    # libpresign ------------------------------------------------------------------------------
    try:
        import libpresign

        url = libpresign.get(AKID, SECRET, REGION, BUCKET, KEY, 3600)
        got = ours.generate_presigned_url("get_object", Params=params, ExpiresIn=3600, now=amz_date(url))
        assert got == url, (got, url)
        print("  libpresign %s: URL checked equal (GET)" % getattr(libpresign, "__version__", "?"))
        contenders["libpresign.get"] = lambda: libpresign.get(AKID, SECRET, REGION, BUCKET, KEY, 3600)
        batches["libpresign, a loop"] = lambda: [libpresign.get(AKID, SECRET, REGION, BUCKET, k, 3600) for k in keys]
    except ImportError as e:
        print("  libpresign: not installed (%s): skipped" % e)

    # s3presign -------------------------------------------------------------------------------
    t = datetime.datetime(2026, 11, 23, 12, 0, 0, tzinfo=UTC)
    regional = s3presign.client("s3", region_name=REGION, aws_access_key_id=AKID, aws_secret_access_key=SECRET)
    assert native.get_object(BUCKET, KEY, now=t).url == regional.generate_presigned_url("get_object", Params=params, now=t)
    assert native.presign_many(BUCKET, [KEY], now=t) == [native.get_object(BUCKET, KEY, now=t).url]
    contenders["s3presign S3Client.generate_presigned_url"] = (
        lambda: ours.generate_presigned_url("get_object", Params=params, ExpiresIn=3600))
    contenders["s3presign S3Client.generate_presigned_url (PUT)"] = (
        lambda: ours.generate_presigned_url("put_object", Params=put_params, ExpiresIn=3600))
    contenders["s3presign Presigner.get_object(...).url"] = lambda: native.get_object(BUCKET, KEY).url
    batches["s3presign S3Client, a loop"] = lambda: [
        ours.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": k}) for k in keys]
    batches["s3presign Presigner.presign_many"] = lambda: native.presign_many(BUCKET, keys)

    # rounds ----------------------------------------------------------------------------------
    chunk = {name: calls_per_chunk(fn) for name, fn in contenders.items()}
    sizes = {name: 20 if name.startswith("boto3") else len(keys) for name in batches}
    single = {name: [] for name in contenders}
    batch = {name: [] for name in batches}
    rounds = max(3, int(args.rounds * scale))
    for _ in range(rounds):
        for name, fn in contenders.items():
            single[name].append(per_call(fn, chunk[name]))
        for name, fn in batches.items():
            batch[name].append(per_call(fn, 1) / sizes[name])

    def report(title, results, reference_prefix):
        med = {k: statistics.median(v) for k, v in results.items()}
        ref = next((v for k, v in med.items() if k.startswith(reference_prefix)), None)
        print("\n%s (median of %d rounds; best in brackets)" % (title, rounds))
        width = max(len(k) for k in med)
        for k, v in med.items():
            rate = 1 / v
            extra = ""
            if ref is not None and k.startswith("s3presign"):
                extra = "  %5.1fx libpresign" % (ref / v)
            print("  %-*s %9.2f us/URL [%8.2f] %10.0f URL/s%s" % (width, k, v * 1e6, min(results[k]) * 1e6, rate, extra))
        return med

    s = report("single URL", single, "libpresign")
    b = report("batch of %d keys, per URL" % len(keys), batch, "libpresign")
    best_s = {k: min(v) for k, v in single.items()}
    best_b = {k: min(v) for k, v in batch.items()}

    def ratio(a, bkey, med):
        if a not in med or bkey not in med:
            return "n/a"
        best = best_s if med is s else best_b
        return "%6.1fx (best vs best %.1fx)" % (med[a] / med[bkey], best[a] / best[bkey])

    print("\nratios of the medians (how many times faster s3presign is)")
    for base in ("boto3 generate_presigned_url", "libpresign.get"):
        for mine in ("s3presign S3Client.generate_presigned_url", "s3presign Presigner.get_object(...).url"):
            print("  %-45s vs %-30s %s" % (mine, base, ratio(base, mine, s)))
    print("  %-45s vs %-30s %s" % ("s3presign S3Client.generate_presigned_url (PUT)", "boto3 (PUT)",
                                    ratio("boto3 generate_presigned_url (PUT)", "s3presign S3Client.generate_presigned_url (PUT)", s)))
    for base in ("boto3, a loop", "libpresign, a loop"):
        print("  %-45s vs %-30s %s" % ("s3presign Presigner.presign_many", base, ratio(base, "s3presign Presigner.presign_many", b)))

    # presign_many signs without the GIL: other Python threads run meanwhile (and sign too).
    import threading

    def threaded(threads: int, calls: int) -> float:
        def work() -> None:
            for _ in range(calls):
                native.presign_many(BUCKET, keys)

        ts = [threading.Thread(target=work) for _ in range(threads)]
        t0 = time.perf_counter()
        for t_ in ts:
            t_.start()
        for t_ in ts:
            t_.join()
        return threads * calls * len(keys) / (time.perf_counter() - t0)

    calls = max(2, int(50 * scale))
    pairs = [(threaded(1, calls), threaded(2, calls)) for _ in range(5)]
    one = statistics.median(a for a, _ in pairs)
    two = statistics.median(b for _, b in pairs)
    print("\npresign_many from Python threads (median of 5 alternating runs; %d CPUs)" % (os.cpu_count() or 0))
    print("  1 thread  %10.0f URL/s" % one)
    print("  2 threads %10.0f URL/s  (%.2fx; needs an idle second core)" % (two, two / one))

    print("\nwhere s3presign's time goes (measured inside the extension, ns per operation)")
    for name, ns in _native._cost_breakdown(native, BUCKET, KEY, int(100_000 * scale)):
        print("  %-28s %8.0f ns" % (name, ns))
    empty: dict = {}
    call = min(per_call(lambda: len(empty), 2000) for _ in range(50))
    print("  %-28s %8.0f ns" % ("a Python call of len()", call * 1e9))
    print("  (the rest of a call: argument parsing and conversion, the lock, the Presigned object)")
    print("\n  load after: %s" % uptime())


if __name__ == "__main__":
    sys.exit(main())
