#!/usr/bin/env bash
# The Python package (python/, distribution and import name `s3presign`): build the abi3 wheel
# with maturin, install it into a fresh venv with its test tools, and run
#   - the operation table check (python/src/operation_table.rs is what botocore's model gives),
#   - pytest (the AWS documentation example, the botocore differentials, POST policies, the API,
#     real HTTP to s3s-fs), against the installed wheel, not the source tree,
#   - the type stubs: mypy --strict on a user program, the calls it must refuse, stubtest.
# Needs python3 >= 3.9, cargo, and s3s-fs ($S3S_FS or .ci/install-s3s-fs.sh's path).
#
#   bash .ci/python.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
t0=$(date +%s)
lap() { printf 'python.sh: %s (%ss)\n' "$1" "$(( $(date +%s) - t0 ))"; }

PY=${PYTHON:-python3}
"$PY" -c 'import sys; assert sys.version_info >= (3, 9), sys.version' || {
    echo "python.sh: $PY is older than 3.9" >&2
    exit 1
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PY" -m venv "$tmp/venv"
VPY="$tmp/venv/bin/python"
"$VPY" -m pip install --quiet --disable-pip-version-check \
    "maturin==1.16.0" "pytest==9.2.0" "botocore==1.43.11" "requests==2.34.2" "mypy==2.4.1"
lap "venv ready ($("$VPY" --version))"

"$VPY" python/tools/gen_operation_table.py --check

# Two abi3 wheels: cp39-abi3 serves every CPython >= 3.9; cp310-abi3 borrows str arguments
# instead of encoding them (the stable ABI gained that in 3.10), and pip prefers it on 3.10+.
maturin() { "$tmp/venv/bin/maturin" build --release --quiet -m python/Cargo.toml "$@"; }
maturin -o "$tmp/wheels39"
maturin -o "$tmp/wheels310" --no-default-features --features abi3-py310
wheel39=$(ls "$tmp"/wheels39/s3presign-*-cp39-abi3-*.whl)
wheel310=$(ls "$tmp"/wheels310/s3presign-*-cp310-abi3-*.whl)
echo "python.sh: built $(basename "$wheel39") and $(basename "$wheel310")"
lap "wheels built"

# From the repository root, so that python/s3presign (the source, without the extension) is
# not on sys.path: the tests import the installed wheel (S3PRESIGN_EXPECT_INSTALLED checks it).
pytest() { S3PRESIGN_EXPECT_INSTALLED=1 "$VPY" -m pytest -q -p no:cacheprovider python/tests "$@"; }
"$VPY" -m pip install --quiet --disable-pip-version-check "$wheel39"
pytest
lap "pytest passed on the cp39-abi3 wheel"
"$VPY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel310"
pytest -k "not live_botocore"  # the 5900 live botocore cases once are enough: the code is shared
lap "pytest passed on the cp310-abi3 wheel"

mypy() { "$VPY" -m mypy --no-incremental --cache-dir=/dev/null "$@"; }
( cd "$tmp" && mypy --strict "$root/python/tests/typing_example.py" )
want=$(grep -c '# E:' python/tests/typing_errors.py)
got=$( (cd "$tmp" && mypy --strict "$root/python/tests/typing_errors.py" || true) | grep -c ': error:' || true)
if [ "$got" != "$want" ]; then
    echo "python.sh: mypy found $got errors in typing_errors.py, expected $want (one per '# E:' line)" >&2
    (cd "$tmp" && mypy --strict "$root/python/tests/typing_errors.py") || true
    exit 1
fi
echo "python.sh: mypy refuses the $want wrong calls of typing_errors.py"
( cd "$tmp" && "$VPY" -m mypy.stubtest s3presign )
lap "type stubs checked"
