#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# libcloseplan.so exports the public API and nothing of the internals: it
# has the SONAME libcloseplan.so.<N>, every symbol it exports in namespace
# closeplan is either a free function of the public headers or a member of a
# type they declare (closeplan::plan::from_file, typeinfo for closeplan::error),
# never closeplan::render::..., closeplan::layout::... (the modules build with
# hidden visibility; cmake/install.cmake).
#   exported_symbols_test.sh LIBCLOSEPLAN_SO INCLUDE_DIR
set -euo pipefail
lib="$1"
include="$2"
fail=0

soname="$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')"
[[ "$soname" =~ ^libcloseplan\.so\.[0-9]+$ ]] || { echo "FAIL: SONAME is \"$soname\"" >&2; fail=1; }

# The types the public headers declare: the only closeplan::X:: an export may name.
public_types="$(grep -ohE '^\s*(class|struct|enum class|enum|using) [a-z_][a-z_0-9]*' "$include"/*.hpp |
                awk '{print $NF}' | sort -u)"
exports="$(nm -DC --defined-only "$lib" | cut -c20-)"
ours="$(grep -E 'closeplan::' <<<"$exports" || true)"
# A standard library template instantiated over a closeplan type (std::__uninitialized_copy
# returning closeplan::layout::item*) is std's, not ours: an unoptimised build emits such
# weak instances with std's default visibility. Only closeplan's own functions are checked.
ours="$(grep -vE '^closeplan::[a-z_0-9:]+(( const)?[*&]+)*( const)? std::' <<<"$ours" || true)"
# Namespaces the public headers open inside closeplan (an inline ABI namespace
# such as closeplan::v0): their names are public too, so they are read through.
# Twice, so that nested ones (closeplan::v0::api::) are read through whatever their order.
inner_namespaces="$(grep -ohE 'namespace [a-z_][a-z_0-9:]*' "$include"/*.hpp | awk '{print $2}' |
                    sed -E 's/^closeplan(::)?//' | tr ':' '\n' | grep -v '^$' | sort -u)"
for pass in 1 2; do
  for inner in $inner_namespaces; do
    ours="$(sed "s/closeplan::$inner::/closeplan::/g" <<<"$ours")"
  done
done
[[ -n "$ours" ]] || { echo "FAIL: nothing of closeplan is exported" >&2; exit 1; }
grep -q '^closeplan::version()' <<<"$ours" || { echo "FAIL: closeplan::version() is not exported" >&2; fail=1; }
leaked=0
while read -r scope; do
  grep -qx "$scope" <<<"$public_types" && continue
  echo "FAIL: exports closeplan::$scope::..., which the public headers do not declare:" >&2
  grep -E "^(typeinfo for |typeinfo name for |vtable for |)closeplan::$scope::" <<<"$ours" | head -n 3 >&2
  leaked=1
done < <(grep -oE '^(typeinfo for |typeinfo name for |vtable for |non-virtual thunk to |)closeplan::[a-z_][a-z_0-9]*::' <<<"$ours" |
         sed -E 's/.*closeplan::([a-z_0-9]+)::$/\1/' | sort -u)
((leaked)) && fail=1
echo "exported: $(wc -l <<<"$ours") closeplan symbols, $(wc -l <<<"$exports") in all"
[[ "$fail" == 0 ]] && echo "ok: $soname exports the public API only"
exit "$fail"
