#!/usr/bin/env bash
# Every test: the normal build, then the AddressSanitizer + UBSan build, each with ctest, then
# a bounded libFuzzer run over the chip parsers.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
scripts/setup.sh
ctest --test-dir build --output-on-failure --timeout 300
scripts/setup.sh --asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp \
  ctest --test-dir build-asan --output-on-failure --timeout 600
# The chip parsers under libFuzzer (clang, ASan), a bounded run each: a crash fails the run.
scripts/fuzz.sh 10
echo "test: all tests passed (build/, build-asan/, and 10 s of fuzzing per parser)"
