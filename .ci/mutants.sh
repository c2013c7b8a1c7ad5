#!/usr/bin/env bash
# Mutation testing of the signing core and the verifier with cargo-mutants: every change
# cargo-mutants makes to the code (a `>` for a `>=`, a function returning a default, a `&&` for
# a `||`) must make a test fail, or be listed in .cargo/mutants.toml with the reason it cannot
# (an equivalent mutant: same behaviour; or one no safe test can observe).
#
#   bash .ci/mutants.sh                 # every module below (hours on a 2-core machine)
#   bash .ci/mutants.sh verify          # one group: encoding canonical signing sigv4 s3 verify
#   MUTANTS_FILES='src/verify/redact.rs' bash .ci/mutants.sh    # any files
#   MUTANTS_FILES='src/s3/endpoint.rs' MUTANTS_TESTS_OF=s3 bash .ci/mutants.sh   # with s3's tests
#
# Not part of CI's default run (`.ci/run`): ~1 300 mutants at ~12 s each (an incremental
# debug build and the tests) do not fit its 60 minutes. Two passes keep it affordable:
# 1. every mutant against the fast deterministic tests (unit tests and the integration tests
#    of the module; the property tests skipped);
# 2. the mutants that survive pass 1 again, against the full suites (property tests included).
# Whatever survives pass 2 is printed and the script fails. A mutant that makes the tests hang
# (a loop that no longer ends; 60 s in pass 1) is detected, and listed as such.
#
# Installs cargo-mutants (pinned) from crates.io into ${PRESIGN_TOOLS:-~/.cache/presign-tools}.
# MUTANTS_JOBS (default 2): mutants built and tested at once, each in its own copy of the tree.
# MUTANTS_ARGS: more cargo-mutants options, e.g. --copy-target=true to start each copy from an
# already built target/ (saves building the dependencies again in every copy, every pass).
# Output (the lists of caught, missed, unviable mutants) goes to ${MUTANTS_OUT:-target/mutants}.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
tools=${PRESIGN_TOOLS:-$HOME/.cache/presign-tools}
version=27.1.0
export PATH="$tools/bin:$PATH"
if ! cargo mutants --version 2>/dev/null | grep -q " $version\$"; then
  echo "installing cargo-mutants $version from crates.io into $tools"
  cargo install cargo-mutants --version "$version" --locked --force --root "$tools"
fi
cargo mutants --version
# No debug info: mutants build faster and the tests do not need it.
export CARGO_PROFILE_DEV_DEBUG=0 CARGO_PROFILE_TEST_DEBUG=0
out=${MUTANTS_OUT:-target/mutants}
mkdir -p "$out"

# The modules under test (issue 13.10), and for each the tests that exercise it.
files_of() {
  case "$1" in
    encoding) echo "src/encoding.rs" ;;
    canonical) echo "src/canonical/*.rs" ;;
    signing) echo "src/signing/*.rs" ;;
    sigv4) echo "src/sigv4/*.rs" ;;
    s3) echo "src/s3/presigner.rs src/s3/endpoint.rs src/s3/bucket.rs src/s3/bucket_name.rs src/s3/request.rs src/s3/operations.rs src/s3/method.rs src/s3/key.rs" ;;
    verify) echo "src/verify/*.rs" ;;
    *) echo "mutants.sh: unknown group $1 (encoding canonical signing sigv4 s3 verify)" >&2; exit 2 ;;
  esac
}
tests_of() {
  case "$1" in
    verify) echo "--lib --test verify --test verify_sigv4a --test zero_alloc --test hardening" ;;
    sigv4) echo "--lib --test vectors --test errors --test hardening --test botocore_diff --test s3 --test verify --test warnings" ;;
    s3) echo "--lib --test errors --test s3 --test hardening --test botocore_diff --test zero_alloc --test warnings" ;;
    *) echo "--lib --test vectors --test errors --test hardening --test botocore_diff --test s3 --test verify" ;;
  esac
}
# Features a group's code needs compiled in (Endpoint::from_url is behind `url`).
features_of() {
  case "$1" in
    s3) echo "--features url" ;;
    # The verifier's SigV4a branches (KeyCache's public keys, the ECDSA check) are compiled in.
    verify) echo "--features sigv4a" ;;
    *) echo "" ;;
  esac
}
# As cargo-mutants options: the test targets (and features) apply to its build of each mutant
# too, which otherwise builds every test target of the crate.
cargo_args() { for a in "$@"; do printf -- '-C %s ' "$a"; done; }
# Property tests (proptest), skipped in pass 1.
slow=(--skip presign_then_verify --skip sign_then_verify --skip single_mutation --skip never_panic
  --skip prop_ --skip _properties --skip random_requests)

run() { # run NAME TIMEOUT FILE_ARGS... -- CARGO_TEST_ARGS...
  local name=$1 timeout=$2
  shift 2
  local status=0
  # shellcheck disable=SC2086
  cargo mutants --no-shuffle -j "${MUTANTS_JOBS:-2}" --timeout "$timeout" --baseline skip -o "$out/$name" ${MUTANTS_ARGS:-} "$@" || status=$?
  # cargo-mutants: 0 all caught, 2 some missed, 3 some timed out; anything else is an error.
  case "$status" in 0 | 2 | 3) ;; *) echo "mutants.sh: cargo mutants failed ($status)" >&2; exit "$status" ;; esac
}

groups=("$@")
if [ -n "${MUTANTS_FILES:-}" ]; then
  groups=(custom)
elif [ ${#groups[@]} -eq 0 ]; then
  groups=(encoding canonical signing sigv4 s3 verify)
fi
failed=0
for g in "${groups[@]}"; do
  if [ "$g" = custom ]; then
    files=$MUTANTS_FILES tests=$(tests_of "${MUTANTS_TESTS_OF:-verify}") features=$(features_of "${MUTANTS_TESTS_OF:-verify}")
  else
    files=$(files_of "$g") tests=$(tests_of "$g") features=$(features_of "$g")
  fi
  # shellcheck disable=SC2086
  targets=$(cargo_args $tests)
  fargs=()
  for f in $files; do fargs+=(-f "$f"); done
  # SigV4a's own files and aws-chunked are not part of this run (feature code of their own;
  # the verifier's SigV4a branches are, with feature sigv4a).
  fargs+=(-e src/verify/sigv4a.rs -e 'src/sigv4/chunked/**' -e '**/tests.rs')
  echo "=== $g: pass 1 (fast tests: $tests)"
  # shellcheck disable=SC2086
  # The fast tests take a few seconds: a mutant still running after 60 s hangs (a loop that
  # no longer ends), which the tests detect.
  run "$g-1" 60 "${fargs[@]}" $features $targets -- -- "${slow[@]}"
  if [ -s "$out/$g-1/mutants.out/timeout.txt" ]; then
    echo "=== $g: hung (detected: the tests do not pass):"
    sed 's/ in [0-9.]*s build.*//' "$out/$g-1/mutants.out/timeout.txt"
  fi
  survivors=$(sed 's/ in [0-9.]*s build.*//' "$out/$g-1/mutants.out/missed.txt" 2>/dev/null | sort -u || true)
  if [ -z "$survivors" ]; then
    echo "=== $g: no survivor"
    continue
  fi
  echo "=== $g: pass 2 (full suites) for $(echo "$survivors" | wc -l) survivors of pass 1"
  # Select them again by name (cargo-mutants' --re matches "file:line:col: description").
  re=$(echo "$survivors" | sed 's/[][\.*^$(){}+?|]/\\&/g' | paste -sd '|')
  # shellcheck disable=SC2086
  run "$g-2" 900 "${fargs[@]}" $features $targets --re "^($re)"
  if [ -s "$out/$g-2/mutants.out/missed.txt" ]; then
    echo "=== $g: missed by the full suites:"
    cat "$out/$g-2/mutants.out/missed.txt"
    failed=1
  else
    echo "=== $g: every survivor of pass 1 caught by the full suites"
  fi
done
if [ "$failed" -ne 0 ]; then
  echo "mutants.sh: surviving mutants: give each a test with the input that trips it, or, for an equivalent one, an exclude_re entry with its reason in .cargo/mutants.toml" >&2
  exit 1
fi
echo "mutants.sh: no surviving mutant"
