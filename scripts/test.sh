#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, then builds and runs the whole test suite twice:
# a Release build in build/, and an AddressSanitizer + UndefinedBehaviorSanitizer
# build in build-asan/; then the fuzz targets (scripts/fuzz-ci.sh: build-fuzz/,
# every corpus replayed, each target fuzzed briefly). Exits non-zero when anything fails.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scripts/install-deps.sh

jobs="${CLOSEPLAN_JOBS:-$(nproc)}"
status=0
passed_total=0
failed_total=0

run_suite() {
  local label="$1" build_dir="$2" log
  log="$build_dir/ctest-summary.log"
  echo "== $label: ctest in $build_dir"
  if (cd "$build_dir" && ctest --output-on-failure -j "$jobs") 2>&1 | tee "$log"; then
    echo "== $label: passed"
  else
    echo "== $label: FAILED"
    status=1
  fi
  # "100% tests passed, 0 tests failed out of 57"
  local line total failed
  line="$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)"
  if [[ -z "$line" ]]; then
    echo "== $label: ctest printed no summary"
    status=1
    return
  fi
  failed="$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")"
  total="$(sed -E 's/.* failed out of ([0-9]+).*/\1/' <<<"$line")"
  if ((total == 0)); then
    echo "== $label: ctest ran no test"
    status=1
  fi
  passed_total=$((passed_total + total - failed))
  failed_total=$((failed_total + failed))
}

echo "== build: Release in build/"
scripts/build.sh build -DCMAKE_BUILD_TYPE=Release
run_suite "release" build

echo "== build: AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/"
scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DCLOSEPLAN_SANITIZE=ON
export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run_suite "asan+ubsan" build-asan

echo "== fuzz: corpora replayed and every target fuzzed briefly (scripts/fuzz-ci.sh)"
# Counted as one test in the closing line.
if scripts/fuzz-ci.sh; then
  echo "== fuzz: passed"
  passed_total=$((passed_total + 1))
else
  echo "== fuzz: FAILED (inputs in build-fuzz/findings/)"
  failed_total=$((failed_total + 1))
  status=1
fi

if ((status == 0)); then echo "== both test suites and the fuzz step passed"; else echo "== some tests FAILED"; fi
# One closing line over both runs, in the plain "N passed, N failed" form.
echo "${passed_total} passed, ${failed_total} failed"
exit "$status"
