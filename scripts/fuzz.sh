#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS]: builds the libFuzzer targets with clang in build-fuzz/ and runs each
# for SECONDS (default 20), seeded from tests/data/emrtd. Exits non-zero if any target crashes
# (the crashing input is left in build-fuzz/crashes/<target>/).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
  echo "usage: scripts/fuzz.sh [SECONDS]" >&2
  exit 2
fi

build=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DDVC_FUZZ=ON -DDVC_BUILD_UI=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=(fuzz_tlv fuzz_mrz fuzz_dg13 fuzz_dg2 fuzz_sod)
nice cmake --build "$build" -j2 --target "${targets[@]}"

samples=tests/data/emrtd
declare -A seeds=(
  [fuzz_tlv]="$samples/nguyen-thi-lan/EF.COM.bin $samples/nguyen-thi-lan/DG1.bin $samples/nguyen-thi-lan/DG13.bin $samples/nguyen-thi-lan/SOD.bin"
  [fuzz_mrz]="$samples/nguyen-thi-lan/DG1.bin $samples/dg1_bad_document_check_digit.bin"
  [fuzz_dg13]="$samples/nguyen-thi-lan/DG13.bin"
  [fuzz_dg2]="$samples/nguyen-thi-lan/DG2.bin"
  [fuzz_sod]="$samples/nguyen-thi-lan/SOD.bin"
)

status=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  crashes="$build/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  # shellcheck disable=SC2086
  cp -n ${seeds[$target]} "$corpus"/ 2>/dev/null || true
  log="$build/$target.log"
  set +e
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    "$build/tests/fuzz/$target" "$corpus" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$crashes/" -print_final_stats=1 \
    >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
  speed=$(grep -Eo 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
  cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+' || echo "?")
  if [ "$rc" -eq 0 ]; then
    echo "$target: ok, $execs execs in ${seconds}s ($speed/s), coverage $cov edges"
  else
    echo "$target: FAILED (exit $rc), see $log and $crashes/"
    grep -E 'ERROR|SUMMARY' "$log" | head -5 || true
    status=1
  fi
done
exit "$status"
