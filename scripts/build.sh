#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Configures and builds one build folder with Ninja and ccache:
#   scripts/build.sh BUILD_DIR [CMAKE_ARGS...]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$1"
shift

# Two cores is the norm here; more is fine when there are more.
jobs="${CLOSEPLAN_JOBS:-$(nproc)}"
cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER_LAUNCHER=ccache "$@" >/dev/null
cmake --build "$build_dir" -j "$jobs"
