"""Runs the browser suite: every tests/browser/test_*.py against one World (s3s-fs, the CORS
stand-in, the page server and one headless Chromium), then stops them all.

    cargo build -p presign-cli && python3 tests/browser/run.py [-k PATTERN] [-v]

Needs Debian's chromium and chromium-driver, and s3s-fs (.ci/install-s3s-fs.sh); .ci/browser.sh
installs them.
"""

import argparse
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import harness


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("-k", action="append", dest="patterns", help="only tests matching (repeatable)")
    p.add_argument("-v", action="store_true", help="one line per test")
    a = p.parse_args()
    loader = unittest.TestLoader()
    if a.patterns:
        loader.testNamePatterns = [f"*{k}*" for k in a.patterns]
    suite = loader.discover(os.path.dirname(os.path.abspath(__file__)), pattern="test_*.py")
    started = time.monotonic()
    try:
        result = unittest.TextTestRunner(verbosity=2 if a.v else 1).run(suite)
    finally:
        harness.close_world()
    failed = len(result.failures) + len(result.errors)
    # An error in a setUpClass is counted without a test run.
    passed = max(0, result.testsRun - failed - len(result.skipped))
    print(f"browser suite: {time.monotonic() - started:.1f} s")
    print(
        f"{passed} passed, {failed} failed"
        + (f", {len(result.skipped)} skipped" if result.skipped else "")
    )
    if result.testsRun == 0:
        print("no test ran", file=sys.stderr)
        return 1
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
