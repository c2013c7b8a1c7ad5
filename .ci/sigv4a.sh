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

echo "--- the workspace build enables sigv4a, so .ci/run's tests and clippy steps covered it"
# cli depends on presign with the feature: `cargo test --workspace` (the README's test command)
# and `cargo clippy --workspace --all-targets` build the library, its tests (vectors,
# e2e_chunked, aws_sigv4a_diff, verify_sigv4a), doctests and benches with it. Running them
# again here for `-p presign --features sigv4a` rebuilt everything a second time (~8 min).
if ! cargo tree --workspace -e features -i presign --prefix none | grep -q '^presign feature "sigv4a"'; then
  echo "sigv4a.sh: the workspace no longer enables presign/sigv4a: test it here with cargo test -p presign --features sigv4a" >&2
  exit 1
fi
echo "presign feature \"sigv4a\" is on in the workspace build"
