#!/usr/bin/env bash
# The browser suite: headless Chromium (Debian's chromium + chromium-driver) drives a page on
# 127.0.0.1 against s3s-fs behind a CORS stand-in (tests/browser/). Installs the Debian
# packages when they are missing, builds the command line, runs the suite, prints its time.
#
#   bash .ci/browser.sh              # S3S_FS=path/to/s3s-fs, else .ci/install-s3s-fs.sh's
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)

if ! dpkg -s chromium chromium-driver >/dev/null 2>&1; then
    echo "browser.sh: installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    # One dpkg operation at a time on the machine: wait for another to finish.
    for _ in $(seq 1 60); do
        if apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium chromium-driver; then
            break
        fi
        echo "browser.sh: apt busy or failed; retrying in 10 s" >&2
        sleep 10
    done
    dpkg -s chromium chromium-driver >/dev/null
fi
chromium --version 2>/dev/null  # Debian's wrapper script complains on stderr about nothing
chromedriver --version

S3S_FS=${S3S_FS:-$(bash .ci/install-s3s-fs.sh | tail -n 1)}
export S3S_FS
cargo build -q -p presign-cli
export PRESIGN="${CARGO_TARGET_DIR:-$PWD/target}/debug/presign"

# The suite's Python is linted and formatted like the rest of the project's Python.
python3 -m pip install --quiet --disable-pip-version-check "ruff==0.17.6"
python3 -m ruff check --line-length 100 tests/browser
python3 -m ruff format --line-length 100 --check tests/browser

python3 tests/browser/run.py -v
echo "browser.sh: $(( $(date +%s) - t0 )) s"
