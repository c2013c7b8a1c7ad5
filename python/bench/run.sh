#!/usr/bin/env bash
# One command for the Python benchmark: a fresh venv with boto3 and libpresign, the s3presign
# wheels built in release mode (pip picks cp310-abi3 on CPython >= 3.10), then bench.py.
#
#   bash python/bench/run.sh [--rounds N] [--batch N] [--quick]
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
pip() { "$tmp/venv/bin/python" -m pip --disable-pip-version-check -q "$@"; }
pip install "maturin==1.16.0" "boto3==1.43.11" "botocore==1.43.11"
# libpresign ships manylinux x86_64 wheels only: elsewhere the benchmark says it is missing.
pip install "libpresign==1.2.0" || echo "run.sh: libpresign did not install: benchmarking without it"
"$tmp/venv/bin/maturin" build --release --quiet -m python/Cargo.toml -o "$tmp/wheels"
"$tmp/venv/bin/maturin" build --release --quiet -m python/Cargo.toml -o "$tmp/wheels" \
    --no-default-features --features abi3-py310
pip install --no-index --find-links "$tmp/wheels" s3presign
cd "$tmp" && "$tmp/venv/bin/python" "$OLDPWD/python/bench/bench.py" "$@"
