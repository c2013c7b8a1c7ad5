#!/usr/bin/env bash
# Throughput of `presign batch`: the same input answered with --threads 1 (everything on one
# thread) and with the default (one worker per core), side by side, 3 runs each, alternating.
#
#   bash cli/benches/batch.sh [LINES]        # default 2000000 lines
#
# Prints the load (uptime) before and after, each run's wall time and CPU time (user + sys,
# all threads), the median lines per second of each setting and their ratio, and (with GNU
# time) the peak memory for a tenth of the input and for all of it. The input is generated here (a mix of GET,
# PUT with Content-Type and metadata, and GET with a response override, over 8 buckets); the
# answers go to /dev/null for the timed runs, and a first run checks on 100000 lines that both
# settings write the same bytes (answers in input order).
set -euo pipefail

lines=${1:-2000000}
root=$(cd "$(dirname "$0")/../.." && pwd)
cargo build --release -q -p presign-cli --manifest-path "$root/Cargo.toml"
bin="$root/target/release/presign"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

awk -v n="$lines" 'BEGIN {
  for (i = 0; i < n; i++) {
    b = "bucket-" (i % 8)
    k = "uploads/user-" (i % 1000) "/photo " i ".jpg"
    if (i % 4 == 0)
      printf "{\"id\":%d,\"bucket\":\"%s\",\"key\":\"%s\",\"method\":\"PUT\",\"content_type\":\"image/jpeg\",\"metadata\":{\"owner\":\"u%d\"},\"expires_in\":900}\n", i, b, k, i % 97
    else if (i % 4 == 1)
      printf "{\"id\":%d,\"bucket\":\"%s\",\"key\":\"%s\",\"query\":{\"response-content-disposition\":\"attachment\"},\"expires_in\":\"15m\"}\n", i, b, k
    else
      printf "{\"id\":%d,\"bucket\":\"%s\",\"key\":\"%s\"}\n", i, b, k
  }
}' > "$dir/in.jsonl"

export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export HOME="$dir"
args=(batch --region us-east-1 --time 2013-05-24T00:00:00Z)
cores=$(nproc)

# Same bytes, in the same order, whatever the threads.
head -n 100000 "$dir/in.jsonl" > "$dir/check.jsonl"
"$bin" "${args[@]}" --threads 1 < "$dir/check.jsonl" > "$dir/one.out"
"$bin" "${args[@]}" < "$dir/check.jsonl" > "$dir/all.out"
cmp "$dir/one.out" "$dir/all.out"
[ "$(wc -l < "$dir/one.out")" -eq 100000 ]

echo "input: $lines lines, $(wc -c < "$dir/in.jsonl") bytes; $cores cores"
echo "before: $(uptime)"
TIMEFORMAT='%R %U %S'
declare -A walls
for run in 1 2 3; do
  for setting in one all; do
    if [ "$setting" = one ]; then extra=(--threads 1); else extra=(); fi
    t=$( { time "$bin" "${args[@]}" "${extra[@]}" < "$dir/in.jsonl" > /dev/null; } 2>&1 )
    read -r wall user sys <<< "$t"
    walls[$setting]+="$wall "
    printf '%-28s wall %6.2f s  cpu %6.2f s  %9.0f lines/s\n' \
      "run $run, threads ${extra[1]:-$cores (default)}" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$lines / $wall" | bc -l)"
  done
done
echo "after:  $(uptime)"
# Memory stays bounded whatever the input: the peak for a tenth of the input and for all of it.
if [ -x /usr/bin/time ]; then
  head -n $((lines / 10)) "$dir/in.jsonl" > "$dir/tenth.jsonl"
  for f in tenth in; do
    /usr/bin/time -f "max RSS %M KiB for $(wc -l < "$dir/$f.jsonl") lines (default threads)" \
      "$bin" "${args[@]}" < "$dir/$f.jsonl" > /dev/null
  done
fi
median() { tr ' ' '\n' | grep . | sort -n | sed -n 2p; }
one=$(echo "${walls[one]}" | median)
all=$(echo "${walls[all]}" | median)
printf 'median: threads 1 %.0f lines/s, default %.0f lines/s, ratio %.2f\n' \
  "$(echo "$lines / $one" | bc -l)" "$(echo "$lines / $all" | bc -l)" "$(echo "$one / $all" | bc -l)"
