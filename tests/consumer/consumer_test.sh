#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the build into a throwaway prefix and builds three programs against
# it the way users do: tests/consumer/project and examples/embed with
# find_package(closeplan), and the consumer again with pkg-config alone.
#
#   consumer_test.sh SOURCE_DIR BUILD_DIR [COMPILER_FLAGS]
# COMPILER_FLAGS: what the library was built with that its users need too
# (the sanitizer build passes -fsanitize=address,undefined).
set -euo pipefail
src="$1"
build="$2"
extra="${3:-}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/closeplan-consumer.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/prefix"
plan="$src/examples/pilot/plan.yaml"

cmake --install "$build" --prefix "$prefix" >/dev/null
echo "installed into $prefix"
# Nothing of the internals reaches the installed headers.
if grep -rEn '#include *"[^c]|#include *"c[^l]|#include *<(yaml-cpp|nlohmann|hpdf|CLI|cmark|kainjow|csv)' "$prefix/include/closeplan"; then
  echo "FAIL: installed headers include internals or third-party headers" >&2
  exit 1
fi
# Each public header compiles on its own, warning-free, with nothing but the standard library.
for header in "$prefix"/include/closeplan/*.hpp; do
  echo "#include <closeplan/$(basename "$header")>" |
    c++ -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I"$prefix/include" -x c++ - ||
    { echo "FAIL: $(basename "$header") does not compile on its own" >&2; exit 1; }
done
test -f "$prefix/share/closeplan/templates/buyer-plan.html.mustache"
"$prefix/bin/closeplan" --version

# 1. find_package(closeplan)
cmake -S "$src/tests/consumer/project" -B "$tmp/find_package" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" >/dev/null
cmake --build "$tmp/find_package" -j 2 | tail -n 20
"$tmp/find_package/consumer" "$plan"

# 2. pkg-config (static: Libs.private and Requires.private are needed)
libdir="$(dirname "$(find "$prefix" -name closeplan.pc)")"
flags="$(PKG_CONFIG_PATH="$libdir" pkg-config --cflags --libs --static closeplan)"
echo "pkg-config: $flags"
# shellcheck disable=SC2086
c++ $extra "$src/tests/consumer/project/consumer.cpp" -o "$tmp/consumer_pc" $flags
"$tmp/consumer_pc" "$plan"

# 3. examples/embed: PDF and an HTML fragment in memory
cmake -S "$src/examples/embed" -B "$tmp/embed" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" >/dev/null
cmake --build "$tmp/embed" -j 2 | tail -n 20
"$tmp/embed/embed_plan" "$plan" "$tmp/embed-out"
head -c 5 "$tmp/embed-out/plan.pdf" | grep -q '%PDF-'
grep -q '<div class="closeplan-plan' "$tmp/embed-out/plan.fragment.html"
echo "ok: find_package, pkg-config and examples/embed"
