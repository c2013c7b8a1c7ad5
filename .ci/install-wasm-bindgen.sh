#!/usr/bin/env bash
# Installs wasm-bindgen-cli (the tool that writes the JS glue of js/) into
# ${PRESIGN_TOOLS:-$HOME/.cache/presign-tools}/bin, unless it is already there, and prints the
# binary's path. Idempotent: a second run only prints the path.
#
#   WASM_BINDGEN="$(bash .ci/install-wasm-bindgen.sh | tail -n 1)"
#
# The version is the one js/Cargo.toml pins for the wasm-bindgen crate: the CLI refuses a
# module made by another version. Without --locked: a crate its lock file pins is no longer in
# the registry (../shared/wasm.md). --debug: a debug build compiles in half the time (5m41s
# against 12m33s here, load 6-8) and writes byte-identical glue and .wasm in under a second.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' js/Cargo.toml)
if [ -z "$VERSION" ]; then
    echo "install-wasm-bindgen.sh: no exact wasm-bindgen version (=x.y.z) in js/Cargo.toml" >&2
    exit 1
fi
ROOT="${PRESIGN_TOOLS:-$HOME/.cache/presign-tools}"
BIN="$ROOT/bin/wasm-bindgen"

installed_version() {
    # `wasm-bindgen --version` prints "wasm-bindgen 0.2.130".
    "$BIN" --version 2>/dev/null | awk '{print $2}'
}

if [ -x "$BIN" ] && [ "$(installed_version)" = "$VERSION" ]; then
    echo "$BIN"
    exit 0
fi

if ! command -v cargo >/dev/null 2>&1; then
    echo "install-wasm-bindgen.sh: cargo is needed to build wasm-bindgen-cli $VERSION" >&2
    exit 1
fi

echo "install-wasm-bindgen.sh: building wasm-bindgen-cli $VERSION into $ROOT (about 6 minutes)" >&2
# --force: replace a binary of another version (or one cargo does not track).
cargo install "wasm-bindgen-cli@$VERSION" --no-default-features --debug --root "$ROOT" --force >&2

if [ "$(installed_version)" != "$VERSION" ]; then
    echo "install-wasm-bindgen.sh: cargo install finished but $BIN is not version $VERSION" >&2
    exit 1
fi
echo "$BIN"
