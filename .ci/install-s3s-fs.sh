#!/usr/bin/env bash
# Installs s3s-fs 0.14.1 (the S3-compatible server the e2e tests run against) into
# ${PRESIGN_TOOLS:-$HOME/.cache/presign-tools}/bin, unless it is already there, and prints the
# binary's path. Idempotent: a second run only prints the path.
#
#   .ci/install-s3s-fs.sh                 # install if missing, print the path
#   S3S_FS="$(.ci/install-s3s-fs.sh)"     # what tests/e2e_s3s.rs reads (default: the same path)
#
# Pinned to 0.14.1 with --locked: newer releases need a newer Rust toolchain.
set -euo pipefail

VERSION="0.14.1"
ROOT="${PRESIGN_TOOLS:-$HOME/.cache/presign-tools}"
BIN="$ROOT/bin/s3s-fs"

installed_version() {
    # `s3s-fs --version` prints "s3s-fs 0.14.1".
    "$BIN" --version 2>/dev/null | awk '{print $2}'
}

if [ -x "$BIN" ] && [ "$(installed_version)" = "$VERSION" ]; then
    echo "$BIN"
    exit 0
fi

if ! command -v cargo >/dev/null 2>&1; then
    echo "install-s3s-fs.sh: cargo is needed to build s3s-fs $VERSION" >&2
    exit 1
fi

echo "install-s3s-fs.sh: building s3s-fs $VERSION into $ROOT (takes a few minutes)" >&2
# --force: replace a binary of another version (or one cargo does not track).
cargo install "s3s-fs@$VERSION" --locked --features binary --root "$ROOT" --force >&2

if [ ! -x "$BIN" ]; then
    echo "install-s3s-fs.sh: cargo install finished but $BIN is missing" >&2
    exit 1
fi
echo "$BIN"
