#!/usr/bin/env bash
# Builds the package's wasm into js/dist/: the presign-js crate for wasm32-unknown-unknown
# (Debian's rustc-web, .ci/wasm-env.sh), its JS glue (wasm-bindgen --target web, the exact
# version js/Cargo.toml pins, cached by .ci/install-wasm-bindgen.sh), then wasm-opt.
#
#   bash js/build.sh        # or, in js/: npm run build
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../.ci/wasm-env.sh
source .ci/wasm-env.sh
WASM_BINDGEN=${WASM_BINDGEN:-$(bash .ci/install-wasm-bindgen.sh | tail -n 1)}

"$WASM_CARGO" build -p presign-js --profile wasm "${WASM_CARGO_FLAGS[@]}"
target=${CARGO_TARGET_DIR:-target}
# wasm-opt runs on rustc's output, before wasm-bindgen: binaryen 108 run after it breaks the
# externref table wasm-bindgen adds ("Table.set(): Argument 1 is invalid for table").
"${WASM_OPT[@]}" -O3 "$target/wasm32-unknown-unknown/wasm/presign_js.wasm" -o "$target/presign_js.opt.wasm"
rm -rf js/dist
"$WASM_BINDGEN" --target web --out-dir js/dist --out-name presign "$target/presign_js.opt.wasm"
# Types come from lib/index.d.ts; the glue's own are for the raw exports only.
rm -f js/dist/presign.d.ts js/dist/presign_bg.wasm.d.ts
raw=$(wc -c < js/dist/presign_bg.wasm)
gz=$(gzip -9 -c js/dist/presign_bg.wasm | wc -c)
echo "js/dist/presign_bg.wasm: $raw bytes, $gz gzipped (gzip -9)"
