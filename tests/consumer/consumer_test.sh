#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the build into a throwaway prefix and builds programs against it
# the way users do: tests/consumer/project with find_package(closeplan), once
# on the shared library (closeplan::closeplan) and once on the static one
# (closeplan::closeplan_static); tests/packaging/consumer built with exactly
# `g++ main.cpp $(pkg-config --cflags --libs closeplan)`, no -std (g++'s
# default gnu++17: the headers are C++17), on the shared library: a handoff
# pack and a calendar equal to the CLI's goldens, and a health report equal to
# `closeplan check --format json`; the first consumer again with
# `pkg-config --static` and libcloseplan.a; and examples/embed.
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
# Each installed public header compiles on its own as C++17, warning-free, with nothing but the standard library.
for header in "$prefix"/include/closeplan/*.hpp; do
  echo "#include <closeplan/$(basename "$header")>" |
    c++ -std=c++17 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I"$prefix/include" -x c++ - ||
    { echo "FAIL: $(basename "$header") does not compile on its own as C++17" >&2; exit 1; }
done
test -f "$prefix/share/closeplan/templates/buyer-plan.html.mustache"
"$prefix/bin/closeplan" --version

# needs BINARY: the closeplan library file BINARY loads, if any.
needs() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(libcloseplan[^]]*\)\]/\1/p'; }

# 1. find_package(closeplan): closeplan::closeplan and closeplan::closeplan_static
cmake -S "$src/tests/consumer/project" -B "$tmp/find_package" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" >/dev/null
cmake --build "$tmp/find_package" -j 2 | tail -n 20
"$tmp/find_package/consumer" "$plan"
"$tmp/find_package/consumer_static" "$plan"
[[ "$(needs "$tmp/find_package/consumer")" == libcloseplan.so.0 ]] ||
  { echo "FAIL: closeplan::closeplan does not link libcloseplan.so.0" >&2; exit 1; }
[[ -z "$(needs "$tmp/find_package/consumer_static")" ]] ||
  { echo "FAIL: closeplan::closeplan_static loads a shared libcloseplan" >&2; exit 1; }

# 2. pkg-config alone, as its users type it: no --static, no -std in Cflags,
# and none on the command line either (the sanitizer build adds its flags).
pcdir="$(dirname "$(find "$prefix" -name closeplan.pc)")"
export PKG_CONFIG_PATH="$pcdir"
libdir="$(pkg-config --variable=libdir closeplan)"
flags="$(pkg-config --cflags --libs closeplan)"
echo "pkg-config --cflags --libs: $flags"
if grep -q -- '-std=' <<<"$flags"; then echo "FAIL: Cflags sets the C++ standard" >&2; exit 1; fi
std="$(pkg-config --variable=cxx_standard closeplan)"
[[ "$std" == c++17 ]] || { echo "FAIL: the .pc file says the headers need $std, not c++17" >&2; exit 1; }
# The command exactly as a user types it, in a folder holding main.cpp: ./a.out
# ($extra only in the sanitizer build, whose library needs its runtime).
mkdir "$tmp/pc"
cp "$src/tests/packaging/consumer/main.cpp" "$tmp/pc/"
# shellcheck disable=SC2046,SC2086
(cd "$tmp/pc" && set -x && g++ main.cpp $(pkg-config --cflags --libs closeplan) $extra)
[[ "$(needs "$tmp/pc/a.out")" == libcloseplan.so.0 ]] || { echo "FAIL: not linked to libcloseplan.so.0" >&2; exit 1; }
northwind="$src/examples/northwind"
"$prefix/bin/closeplan" check "$northwind/plan.yaml" --format json >"$tmp/northwind-health.json" 2>/dev/null || true
LD_LIBRARY_PATH="$libdir" "$tmp/pc/a.out" "$northwind/plan.yaml" "$northwind/expected/handoff" "$tmp/northwind-health.json"
# A C++23 program includes the headers with the same flags.
# shellcheck disable=SC2086
echo '#include <closeplan/closeplan.hpp>' | g++ -std=c++23 -fsyntax-only -x c++ - $(pkg-config --cflags closeplan)

# 3. pkg-config --static: Libs.private, and the archive named explicitly (with
# libcloseplan.so beside it, -lcloseplan would pick the shared library).
flags="$(pkg-config --cflags --libs --static closeplan | sed "s|-lcloseplan |$libdir/libcloseplan.a |")"
echo "pkg-config --static: $flags"
# shellcheck disable=SC2086
c++ $extra "$src/tests/consumer/project/consumer.cpp" -o "$tmp/consumer_pc_static" $flags
[[ -z "$(needs "$tmp/consumer_pc_static")" ]] || { echo "FAIL: the static consumer loads libcloseplan" >&2; exit 1; }
"$tmp/consumer_pc_static" "$plan"

# 3. examples/embed: PDF and an HTML fragment in memory
cmake -S "$src/examples/embed" -B "$tmp/embed" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" >/dev/null
cmake --build "$tmp/embed" -j 2 | tail -n 20
"$tmp/embed/embed_plan" "$plan" "$tmp/embed-out"
head -c 5 "$tmp/embed-out/plan.pdf" | grep -q '%PDF-'
grep -q '<div class="closeplan-plan' "$tmp/embed-out/plan.fragment.html"
echo "ok: find_package (shared and static), pkg-config (plain and --static) and examples/embed"
