#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The fuzzing step of CI (called by scripts/test.sh after the two test
# suites): builds build-fuzz/, replays every committed corpus and regression
# input of every target, then fuzzes each target briefly. Exits non-zero on
# any finding (crash, sanitizer report, leak, 10 s timeout, 2 GB memory).
#   FUZZ_CI_SECONDS   seconds of fuzzing per target (default 20; 0 = replay only)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${FUZZ_CI_SECONDS:-20}"
# CI machines are shared: a slow but finite input must not read as a hang.
# libFuzzer's timeout is wall-clock time, so CI allows a minute per input.
export FUZZ_TIMEOUT="${FUZZ_TIMEOUT:-60}"
started=$SECONDS

echo "== fuzz: build build-fuzz/ (clang, libFuzzer, ASan + UBSan)"
"$root/scripts/fuzz.sh" build
echo "== fuzz: replay the corpora and regressions"
"$root/scripts/fuzz.sh" replay
if ((seconds > 0)); then
  echo "== fuzz: ${seconds}s per target"
  # A fresh folder for new inputs: a corpus grown by earlier local runs would
  # make each target's start (every input run once) take longer than its slot.
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  FUZZ_CORPUS_DIR="$work" "$root/scripts/fuzz.sh" all "$seconds"
fi
echo "== fuzz: passed in $((SECONDS - started))s"
