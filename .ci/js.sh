#!/usr/bin/env bash
# The wasm32 build and the JS package (#11), called by one line of .ci/run:
#   1. the library for wasm32-unknown-unknown with no default features (Debian's rustc-web
#      toolchain, installed by .ci/wasm-env.sh): fails when the no_std core stops building there;
#   2. js/build.sh: the package's .wasm and glue (wasm-bindgen-cli from .ci/install-wasm-bindgen.sh);
#   3. npm ci, the TypeScript check of js/examples/typed.ts, and `npm test` (node --test: the
#      AWS example, the s3-docs vectors, the differential against the AWS SDK, s3s-fs over
#      HTTP, Deno, workerd, Chromium);
#   4. one short round of the benchmark, for its correctness check of every peer's URL (the
#      timings of so short a run mean nothing: see js/README.md for the command).
# Needs S3S_FS (or .ci/install-s3s-fs.sh's default path) and Chromium (installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
stage() { printf -- '--- js: %s (%ss)\n' "$1" "$(($(date +%s) - start))"; }

stage "Debian wasm toolchain"
# shellcheck source=wasm-env.sh
source .ci/wasm-env.sh

stage "the library for wasm32-unknown-unknown, no default features"
"$WASM_CARGO" build -p presign --no-default-features --release "${WASM_CARGO_FLAGS[@]}"
"$WASM_CARGO" build -p presign --no-default-features --features sigv4a --release "${WASM_CARGO_FLAGS[@]}"

stage "wasm-bindgen-cli"
WASM_BINDGEN=$(bash .ci/install-wasm-bindgen.sh | tail -n 1)
export WASM_BINDGEN

stage "the package's wasm (js/build.sh)"
bash js/build.sh

stage "Chromium"
ci_apt_install chromium
chromium --version

stage "npm ci"
(cd js && npm ci --no-audit --no-fund)

stage "TypeScript check of js/examples/typed.ts"
(cd js && npm run --silent typecheck)

stage "node --test (js/test)"
(cd js && npm test)

stage "benchmark correctness check (one short round)"
(cd js && ROUNDS=1 BATCH_MS=5 node bench/presign.mjs 2>/dev/null | grep -E '^correctness|wasm:')

stage "done"
