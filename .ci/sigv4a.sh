#!/usr/bin/env bash
# CI for SigV4a, S3 Express One Zone and aws-chunked streaming (issue #14). Called by .ci/run
# (after the tests step, with ../shared beside the clone and S3S_FS set); runs alone too.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "--- vectors: the scripts reproduce the committed data"
if [ -d ../shared/aws-signing-test-suite/v4a ]; then
  python3 vectors/convert_aws_suite_v4a.py ../shared/aws-signing-test-suite/v4a "$tmp/aws-sigv4a-suite.json"
  cmp "$tmp/aws-sigv4a-suite.json" vectors/aws-sigv4a-suite.json
else
  echo "../shared/aws-signing-test-suite/v4a not found: skipping the v4a suite conversion check"
fi
python3 vectors/make_aws_chunked.py "$tmp/aws-chunked.json"
cmp "$tmp/aws-chunked.json" vectors/aws-chunked.json
python3 vectors/gen_botocore_express.py "$tmp/botocore-s3express.json"
cmp "$tmp/botocore-s3express.json" vectors/botocore-s3express.json

echo "--- the default build has no P-256; the sigv4a feature builds without std"
if cargo tree -p presign -e normal --prefix none | grep -q '^p256 '; then
  echo "p256 is in the default build" >&2
  exit 1
fi
cargo tree -p presign -e normal --prefix none --features sigv4a | grep '^p256 '
cargo build -p presign --no-default-features --features sigv4a

echo "--- tests with the sigv4a feature"
cargo clippy -p presign --all-targets --features sigv4a -- -D warnings
cargo test -p presign --features sigv4a --lib
cargo test -p presign --features sigv4a --doc
cargo test -p presign --features sigv4a --test vectors --test e2e_chunked --test aws_sigv4a_diff --test verify_sigv4a
cargo bench --no-run --bench sigv4a --features sigv4a
