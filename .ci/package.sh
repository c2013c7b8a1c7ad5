#!/usr/bin/env bash
# What crates.io and docs.rs get: the package holds the library, its docs and licenses only (no
# test vectors, tests or scripts it cannot run), `cargo publish --dry-run` builds it, and the
# docs build as docs.rs builds them (nightly, all features, --cfg docsrs: each feature-gated
# item says which feature it needs) without a warning.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
list=$(cargo package -p presign --list --allow-dirty 2>/dev/null)
echo "$list" | grep -E '^(LICENSE-MIT|LICENSE-APACHE|README.md|src/lib.rs)$' | wc -l | grep -qx 4 \
  || { echo "package.sh: the package lacks a license, the README or src/lib.rs" >&2; exit 1; }
if echo "$list" | grep -Ev '^(\.cargo_vcs_info\.json|Cargo\.lock|Cargo\.toml|Cargo\.toml\.orig|LICENSE-MIT|LICENSE-APACHE|README\.md|SECURITY\.md|src/.*\.rs)$'; then
  echo "package.sh: files above should not be in the package" >&2
  exit 1
fi
cargo publish -p presign --dry-run --allow-dirty 2>&1 | grep -E '^ *(Packaged|Verifying|Finished|error)'
if cargo +nightly --version >/dev/null 2>&1; then
  RUSTDOCFLAGS="--cfg docsrs -D warnings" cargo +nightly doc -p presign --all-features --no-deps
  grep -q 'Available on <strong>crate feature <code>http</code></strong> only' \
    target/doc/presign/sigv4/fn.sign_http_request.html \
    || { echo "package.sh: docs do not show the feature an item needs" >&2; exit 1; }
else
  echo "package.sh: no nightly toolchain: skipping the docs.rs build" >&2
fi
