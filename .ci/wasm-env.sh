# Sourced by the wasm32 builds (.ci/wasm.sh, js/build.sh): installs Debian's wasm toolchain if
# missing, then exports what cargo needs to use it. rustup cannot add the wasm32 target here;
# Debian's rustc-web + rust-web-src can, through -Zbuild-std (../shared/wasm.md).
#
# After sourcing: $WASM_CARGO (call it instead of cargo), $WASM_CARGO_FLAGS, $WASM_OPT.

wasm_packages_missing() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
    done
}

ci_apt_install() {
    local missing
    missing=$(wasm_packages_missing "$@")
    [ -z "$missing" ] && return 0
    echo "wasm-env: apt-get install $missing" >&2
    # Only one apt/dpkg runs at a time on a machine: wait for the lock rather than fail.
    apt-get -o DPkg::Lock::Timeout=900 update -qq >&2
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq \
        --no-install-recommends $missing >&2
}

ci_apt_install rustc-web cargo-web rust-web-src binaryen

WASM_RUSTC=/usr/bin/rustc
WASM_CARGO=/usr/bin/cargo
llvm_major=$("$WASM_RUSTC" -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
ci_apt_install "lld-$llvm_major"

# build-std compiles the std sources of rust-web-src: they must be rustc's own version.
rustc_pkg=$(dpkg-query -W -f='${Version}' rustc-web)
src_pkg=$(dpkg-query -W -f='${Version}' rust-web-src)
if [ "$rustc_pkg" != "$src_pkg" ]; then
    echo "wasm-env: rustc-web $rustc_pkg and rust-web-src $src_pkg differ; install the same version" >&2
    return 1 2>/dev/null || exit 1
fi

# ~/.cargo/bin (rustup) comes first on PATH: point cargo at Debian's rustc explicitly.
export RUSTC="$WASM_RUSTC"
export RUSTC_BOOTSTRAP=1 # -Zbuild-std is unstable; rustc-web and its std sources are one version
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="/usr/bin/wasm-ld-$llvm_major"
WASM_CARGO_FLAGS=(--target wasm32-unknown-unknown -Zbuild-std=core,alloc)
# The wasm features rustc 1.96 emits, which binaryen 108 must be told about.
WASM_OPT=(wasm-opt --enable-sign-ext --enable-bulk-memory --enable-mutable-globals
    --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue)
echo "wasm-env: $("$WASM_RUSTC" --version), rust-web-src $src_pkg, wasm-ld-$llvm_major, $(wasm-opt --version)" >&2
