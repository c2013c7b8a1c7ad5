#!/usr/bin/env bash
# The library under each feature set a user can pick: no_std (no default features) builds, its
# doctests run (the README example among them), and every optional feature is tested alone and
# together, so no feature depends on another by accident.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
cargo test -p presign --doc --no-default-features
for features in time url http sigv4a; do
  echo "--- presign --no-default-features --features $features"
  cargo build -p presign --no-default-features --features "$features"
done
cargo test -p presign --all-features --doc
