#!/usr/bin/env bash
# Fuzzing step of CI: builds every cargo-fuzz target of fuzz/ and runs each one for a fixed time
# (FUZZ_SECONDS, 30 s by default) from its committed seed corpus. Fails on any crash, panic,
# leak, timeout (an input taking over 10 s) or out-of-memory (over 2 GiB), printing how to
# reproduce it. Prints the executions and time of each target and the totals.
#
# New inputs libFuzzer finds go to a temporary directory: the committed corpus (fuzz/corpus/
# <target>/seed-*) is only read, so a run leaves the work tree clean.
#
# libFuzzer's random seed is fixed (FUZZ_SEED, 1 by default) so that a CI run explores the same
# path every time and a landing cannot fail on a new random find; set FUZZ_SEED=0 (random) and a
# larger FUZZ_SECONDS to explore by hand, and commit what you find as a seed and a test.
#
# Reaching the bounds: the verifiers parse at most a 16 KiB URL and 64 KiB of headers (a POST
# form: 64 KiB, a policy: 20 KiB). fuzz/make_seeds.py writes seeds at each bound and one past it
# (checked here to be what the script makes), max_len leaves room above the largest, and
# -len_control=0 lets libFuzzer mutate them at full length from the first run (by default it
# grows inputs slowly from small ones and a 30 s run never leaves a few KB). Each target's line
# gives the largest seed and the largest input libFuzzer kept.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
seconds=${FUZZ_SECONDS:-30}
seed=${FUZZ_SEED:-1}

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz from crates.io"
  cargo install cargo-fuzz --locked
fi
cargo fuzz --version
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz.sh: the nightly toolchain is needed (libFuzzer and the sanitizers): rustup toolchain install nightly" >&2
  exit 1
fi
cargo +nightly --version

# Per target: the largest input worth trying. The verifiers bound a URL at 16 KiB plus headers
# (or a POST form) at 64 KiB: 96 KiB leaves room past both; the others take requests of a few
# fields.
max_len() {
  case "$1" in
    verify_parsers | presign_verify_roundtrip | post_policy) echo 98304 ;;
    *) echo 4096 ;;
  esac
}
# Per target: libFuzzer's length control. 0 (off) for the bounded parsers, so mutations are at
# full length from the first run; the signers' targets keep the default (inputs grow gradually:
# many more runs on the small requests that make up their input space).
len_control() {
  case "$1" in
    verify_parsers | presign_verify_roundtrip | post_policy) echo 0 ;;
    *) echo 100 ;;
  esac
}

cd fuzz
# The committed seeds are what make_seeds.py writes (inputs found by fuzzing, committed as seeds
# too, are not written by it and are left alone).
seeds=$(mktemp -d)
python3 make_seeds.py "$seeds"
for f in "$seeds"/*/seed-*; do
  committed="corpus/${f#"$seeds"/}"
  if ! cmp -s "$f" "$committed"; then
    echo "fuzz.sh: $committed is not what fuzz/make_seeds.py writes: run it from fuzz/ and commit the result" >&2
    exit 1
  fi
done
echo "seeds: $(find "$seeds" -name 'seed-*' | wc -l) written by make_seeds.py match the committed ones"
rm -rf "$seeds"

# Size in bytes of the largest file in a directory (0 if none).
largest() { find "$1" -type f -printf '%s\n' | sort -n | tail -n 1 | grep . || echo 0; }
build_start=$(date +%s)
cargo +nightly fuzz build
echo "built in $(( $(date +%s) - build_start )) s"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
total_runs=0
total_secs=0
failed=()
for target in $(cargo +nightly fuzz list); do
  mkdir -p "$work/$target"
  log="$work/$target.log"
  status=0
  cargo +nightly fuzz run "$target" "$work/$target" "corpus/$target" -- \
    -max_total_time="$seconds" -seed="$seed" -rss_limit_mb=2048 -timeout=10 -max_len="$(max_len "$target")" \
    -len_control="$(len_control "$target")" -print_final_stats=1 >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
  secs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$log" | tail -n 1)
  if [ "$status" -ne 0 ] || [ -z "$runs" ]; then
    echo "FAIL $target (exit $status): last lines of libFuzzer's output:"
    grep -A1 -E "panicked" "$log" | head -n 4 || true
    grep -E "ERROR|SUMMARY|Test unit written|Base64" "$log" | head -n 20 || true
    tail -n 40 "$log"
    echo "reproduce: cd fuzz && cargo +nightly fuzz run $target <the artifact written above>;"
    echo "then make the input a regression test in tests/hardening.rs"
    failed+=("$target")
    continue
  fi
  printf '%-26s %10s runs in %4s s  (%s exec/s); largest seed %s B, largest new input %s B (max_len %s)\n' \
    "$target" "$runs" "$secs" "$(( runs / (secs > 0 ? secs : 1) ))" \
    "$(largest "corpus/$target")" "$(largest "$work/$target")" "$(max_len "$target")"
  total_runs=$(( total_runs + runs ))
  total_secs=$(( total_secs + secs ))
done
printf 'fuzzing total: %s runs in %s s over %s targets\n' "$total_runs" "$total_secs" "$(cargo +nightly fuzz list | wc -l)"
if [ "${#failed[@]}" -ne 0 ]; then
  echo "fuzz.sh: failing targets: ${failed[*]}" >&2
  exit 1
fi
