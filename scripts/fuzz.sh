#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The libFuzzer targets of fuzz/ (docs/fuzzing.md), built in build-fuzz/ with
# clang, ASan and UBSan. Every run is under `nice -n 19` (FUZZ_NICE sets another
# niceness), one target at a time.
#
#   scripts/fuzz.sh TARGET SECONDS   fuzz one target (see fuzz/targets.txt)
#   scripts/fuzz.sh all SECONDS      fuzz every target in turn, SECONDS each
#   scripts/fuzz.sh replay [TARGET]  run every corpus and regression input once
#   scripts/fuzz.sh merge TARGET     add the new inputs that raise coverage to fuzz/corpus/TARGET
#   scripts/fuzz.sh seed             rebuild fuzz/corpus/ from examples/ and tests/ (fuzz/gather_seeds.sh), minimised
#   scripts/fuzz.sh build            configure and build build-fuzz/ only
#
# New inputs go to build-fuzz/corpus/TARGET/ (not committed; FUZZ_CORPUS_DIR
# names another folder for them); a crash, leak,
# timeout (10 s) or out-of-memory (2 GB) input to build-fuzz/findings/TARGET/,
# and the command exits non-zero. FUZZ_BUILD_DIR overrides build-fuzz/;
# FUZZ_TIMEOUT the 10 s (libFuzzer's timeout is wall-clock time: on a machine
# whose cores are all busy a niced run can be starved past it).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
jobs="${CLOSEPLAN_JOBS:-$(nproc)}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# The flags of every run: a hang is an input that takes over 10 s, a blow-up one that needs over 2 GB.
niceness="${FUZZ_NICE:-19}"
limits=(-timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 -malloc_limit_mb=2048)

usage() {
  sed -n '3,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

# fuzz/targets.txt: "target dictionary max_len" lines.
targets() { grep -E '^[a-z]' "$root/fuzz/targets.txt" | awk '{print $1}'; }
field() { grep -E "^$1[[:space:]]" "$root/fuzz/targets.txt" | awk -v n="$2" '{print $n}'; }
known() { targets | grep -qx "$1" || { echo "fuzz.sh: unknown target \`$1\` (fuzz/targets.txt)" >&2; exit 2; }; }

build_targets() {
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Fuzz \
    -DCLOSEPLAN_FUZZ=ON -DCLOSEPLAN_BUILD_TESTS=OFF -DCLOSEPLAN_BUILD_BENCH=OFF \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
  cmake --build "$build" -j "$jobs" --target fuzz_targets
}

binary() {
  local exe="$build/fuzz/fuzz_$1"
  [[ -x "$exe" ]] || build_targets >&2
  echo "$exe"
}

# The committed inputs of a target: its corpus and its regressions.
committed() {
  local dir
  for dir in "$root/fuzz/corpus/$1" "$root/fuzz/regressions/$1"; do
    [[ -d "$dir" ]] && echo "$dir"
  done
  return 0
}

fuzz_one() {  # TARGET SECONDS
  local target="$1" seconds="$2" exe work findings
  known "$target"
  exe="$(binary "$target")"
  work="${FUZZ_CORPUS_DIR:-$build/corpus}/$target"
  findings="$build/findings/$target"
  mkdir -p "$work" "$findings"
  echo "== fuzz $target for ${seconds}s"
  # The work folder comes first: libFuzzer writes new inputs to the first folder only.
  (cd "$findings" && nice -n "$niceness" "$exe" "${limits[@]}" -max_total_time="$seconds" -print_final_stats=1 \
    -max_len="$(field "$target" 3)" -dict="$root/fuzz/dict/$(field "$target" 2)" \
    -artifact_prefix="$findings/" "$work" $(committed "$target"))
}

replay_one() {  # TARGET
  local target="$1" exe
  known "$target"
  exe="$(binary "$target")"
  echo "== replay $target: $(find $(committed "$target") -type f | wc -l) inputs"
  # -runs=0: run every input of the folders once, then stop.
  (cd "$build" && nice -n "$niceness" "$exe" "${limits[@]}" -runs=0 $(committed "$target"))
}

merge_one() {  # TARGET [SOURCE_DIR...]
  local target="$1" exe
  shift
  known "$target"
  exe="$(binary "$target")"
  mkdir -p "$root/fuzz/corpus/$target"
  local sources=("$@")
  ((${#sources[@]} > 0)) || sources=("$build/corpus/$target")
  (cd "$build" && nice -n "$niceness" "$exe" "${limits[@]}" -merge=1 -max_len="$(field "$target" 3)" \
    "$root/fuzz/corpus/$target" "${sources[@]}")
}

case "${1:-}" in
  build) build_targets ;;
  replay)
    if [[ -n "${2:-}" ]]; then replay_one "$2"; else
      failed=()
      for t in $(targets); do replay_one "$t" || failed+=("$t"); done
      if ((${#failed[@]} > 0)); then echo "== replay failed: ${failed[*]}"; exit 1; fi
    fi ;;
  merge) [[ -n "${2:-}" ]] || usage; merge_one "$2" ;;
  seed)
    raw="$(mktemp -d)"
    trap 'rm -rf "$raw"' EXIT
    "$root/fuzz/gather_seeds.sh" "$raw"
    for t in $(targets); do
      rm -rf "$root/fuzz/corpus/$t"
      merge_one "$t" "$raw/$t"
    done ;;
  all)
    [[ "${2:-}" =~ ^[0-9]+$ ]] || usage
    # Every target runs even after a finding; the exit status says whether any had one.
    failed=()
    for t in $(targets); do fuzz_one "$t" "$2" || failed+=("$t"); done
    if ((${#failed[@]} > 0)); then echo "== fuzz: findings in ${failed[*]} (build-fuzz/findings/)"; exit 1; fi ;;
  ""|-h|--help) usage ;;
  *)
    [[ "${2:-}" =~ ^[0-9]+$ ]] || usage
    fuzz_one "$1" "$2" ;;
esac
