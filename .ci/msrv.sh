#!/usr/bin/env bash
# MSRV: builds the library with Rust 1.85, the declared rust-version, from Debian bookworm's
# rustc-web/cargo-web 1.85 (no rustup download). The packages are fetched with `apt-get download`
# and unpacked with `dpkg-deb -x` into the tools cache, so the installed toolchain (rustc-web
# 1.96) is not touched and nothing is installed system-wide.
#
# It builds what a user gets from crates.io: the crate as `cargo package` makes it, in a
# directory of its own, with dependencies resolved as Cargo 1.85's MSRV-aware resolver does
# (CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback: the newest versions whose rust-version
# allows 1.85), for the default features, no default features and each optional feature but
# sigv4a, alone and together: these must pass. Feature sigv4a needs Rust 1.87: every
# crypto-bigint 0.7 that p256 0.14 can use and that allows 1.85 is yanked (0.7.6+ and
# ctutils 0.4.3+ declare 1.87), and Debian has no 1.87 to prove it with, so its 1.85 build is
# reported, not required. Last, it says which builds also pass with the workspace's own
# Cargo.lock (newest versions, for this repository's tests), without failing on those.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
tools=${PRESIGN_TOOLS:-$HOME/.cache/presign-tools}
version=1.85.0+dfsg3-1~deb12u3
root="$tools/rust-1.85"

# Besides the toolchain: LLVM 19 (librustc_driver links it) and PCRE 3 (cargo links it), which a
# machine with only rustc-web 1.96 lacks; other libraries (curl, ssh2, ssl) are the same as 1.96's.
if [ ! -x "$root/usr/bin/cargo" ] || [ ! -e "$root/lib/x86_64-linux-gnu/libpcre.so.3" ]; then
  echo "msrv.sh: fetching Debian's rustc-web $version into $root"
  debs=$(mktemp -d)
  chmod 755 "$debs" # apt's _apt user writes there
  trap 'rm -rf "$debs"' EXIT
  pkgs=(rustc-web="$version" cargo-web="$version" libstd-rust-web-dev="$version"
        libstd-rust-web-1.85="$version" libllvm19 libpcre3)
  if ! (cd "$debs" && apt-get download "${pkgs[@]}"); then
    # A fresh machine's package lists may predate these versions.
    if [ "$(id -u)" = 0 ]; then apt-get update -q; else sudo apt-get update -q; fi
    (cd "$debs" && apt-get download "${pkgs[@]}")
  fi
  rm -rf "$root.partial"
  mkdir -p "$root.partial"
  for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$root.partial"; done
  mv "$root.partial" "$root"
fi
# librustc_driver and LLVM 19 are in usr/lib/x86_64-linux-gnu, PCRE in lib/x86_64-linux-gnu.
export LD_LIBRARY_PATH="$root/usr/lib/x86_64-linux-gnu:$root/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
cargo185="$root/usr/bin/cargo"
export RUSTC="$root/usr/bin/rustc" RUSTDOC="$root/usr/bin/rustdoc"
"$RUSTC" --version
"$cargo185" --version
"$RUSTC" --version | grep -q '^rustc 1\.85\.' || { echo "msrv.sh: not Rust 1.85" >&2; exit 1; }
declared=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
[ "$declared" = 1.85 ] || { echo "msrv.sh: Cargo.toml declares rust-version $declared, this checks 1.85" >&2; exit 1; }

# The crate as published, unpacked outside the workspace (its own target directory).
cargo package -p presign --allow-dirty --no-verify -q
work=$(mktemp -d)
trap 'rm -rf "$work" ${debs:+"$debs"}' EXIT
tar -xzf target/package/presign-*.crate -C "$work"
crate=$(echo "$work"/presign-*)
export CARGO_TARGET_DIR="$tools/msrv-target"

builds=("" "--no-default-features" "--no-default-features --features time"
        "--no-default-features --features url" "--features http" "--features time,url,http")
report() { # flags: build with Rust 1.85, print whether it passed and what it needs otherwise
  # shellcheck disable=SC2086
  if "$cargo185" build --lib -q $1 >/dev/null 2>"$work/err"; then
    echo "  ok                ${1:-(default features)}"
  else
    need=$(grep -o '[a-z0-9_-]*@[0-9][^ ]* requires rustc [0-9.]*' "$work/err" | sort -u | tr '\n' ' ')
    echo "  needs newer Rust  ${1:-(default features)}: ${need:-$(head -n 3 "$work/err")}"
  fi
}
(
  cd "$crate"
  rm -f Cargo.lock
  CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback "$cargo185" generate-lockfile -q
  for flags in "${builds[@]}"; do
    echo "--- Rust 1.85, MSRV-aware lock: cargo build --lib ${flags:-(default features)}"
    # shellcheck disable=SC2086
    "$cargo185" build --lib --locked -q $flags
  done
  echo "msrv.sh: the library builds with Rust 1.85 for every feature set above"
  echo "feature sigv4a with Rust 1.85 (declared: 1.87):"
  report "--no-default-features --features sigv4a"
)

# The same with the repository's Cargo.lock: informational (newer dependencies may need newer Rust).
cp Cargo.lock "$crate/Cargo.lock"
(
  cd "$crate"
  echo "with the workspace's Cargo.lock (informational):"
  for flags in "${builds[@]}"; do report "$flags"; done
)
