#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the .deb with CPack, checks its declared dependencies and contents,
# asks apt whether it installs here (simulated), unpacks it into a throwaway
# root (dpkg -x, no root rights, no network) and
# runs the unpacked binary on an example: its output must equal the golden,
# with no share/ files needed (templates and styles are compiled in).
#
#   deb_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src="$1"
build="$2"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/closeplan-deb.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/pkg" >/dev/null)
deb="$(ls "$tmp"/pkg/closeplan_*.deb)"
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

info="$(dpkg-deb -I "$deb")"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
fail=0
# The shared libraries the binary links (found by dpkg-shlibdeps) and the font the PDF embeds.
for package in libyaml-cpp0.7 libhpdf-2.3.0 libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 \
               libstdc++6 libc6 fonts-liberation2; do
  if ! tr ',' '\n' <<<"$depends" | sed 's/(.*)//; s/ //g' | grep -qxF "$package"; then
    echo "FAIL: Depends does not name $package" >&2
    fail=1
  fi
done
grep -q '^ Package: closeplan$' <<<"$info" || { echo "FAIL: package name" >&2; fail=1; }
# Every dependency must be a package Debian 12 has: here, one that is installed.
for package in $(tr ',' '\n' <<<"$depends" | sed 's/(.*)//; s/|.*//; s/ //g'); do
  dpkg -s "$package" >/dev/null 2>&1 || { echo "FAIL: $package is not a known, installed package" >&2; fail=1; }
done

# apt's own resolver on this Debian 12 machine: the package installs with
# nothing more to fetch (simulated: nothing is installed or downloaded).
if command -v apt-get >/dev/null; then
  if sim="$(apt-get install --simulate --no-install-recommends "$deb" 2>&1)"; then
    inst="$(grep '^Inst ' <<<"$sim" || true)"
    if [[ "$inst" != "Inst closeplan "* || "$(wc -l <<<"$inst")" != 1 ]]; then
      echo "FAIL: apt would install more than closeplan:" >&2
      echo "$inst" >&2
      fail=1
    fi
  else
    echo "FAIL: apt-get cannot install the package:" >&2
    echo "$sim" >&2
    fail=1
  fi
fi

contents="$(dpkg-deb -c "$deb" | awk '{print $6}')"
for path in ./usr/bin/closeplan ./usr/include/closeplan/closeplan.hpp ./usr/include/closeplan/diagnostics.hpp \
            ./usr/share/closeplan/templates/buyer-plan.html.mustache ./usr/share/closeplan/styles/default.yaml; do
  grep -qx "$path" <<<"$contents" || { echo "FAIL: the package has no $path" >&2; fail=1; }
done
grep -Eq '^\./usr/lib/.*libcloseplan\.a$' <<<"$contents" || { echo "FAIL: no libcloseplan.a" >&2; fail=1; }
grep -Eq '^\./usr/lib/.*cmake/closeplan/closeplanConfig\.cmake$' <<<"$contents" || { echo "FAIL: no CMake package" >&2; fail=1; }
grep -Eq '^\./usr/lib/.*pkgconfig/closeplan\.pc$' <<<"$contents" || { echo "FAIL: no closeplan.pc" >&2; fail=1; }
if grep -Eq '^\./usr/include/.*(load|render|pipeline)/' <<<"$contents"; then
  echo "FAIL: internal headers are installed" >&2
  fail=1
fi

dpkg -x "$deb" "$tmp/root"
bin="$tmp/root/usr/bin/closeplan"
"$bin" --version
# Hide the unpacked share/ folder: the binary must not need it.
mv "$tmp/root/usr/share/closeplan" "$tmp/share-hidden"
for example in pilot stadtwerke; do
  dir="$src/examples/$example"
  plan=plan.yaml
  [ -f "$dir/$plan" ] || plan=plan.json
  stem="${plan%.*}"
  (cd "$dir" && "$bin" render "$plan" -f html,md,pdf -o "$tmp/out/$example" -q --strict) || {
    # A one-page PDF may be condensed (O510); render the text formats strictly and the PDF alone.
    (cd "$dir" && "$bin" render "$plan" -f html,md -o "$tmp/out/$example" -q --strict)
    (cd "$dir" && "$bin" render "$plan" -f pdf -o "$tmp/out/$example" -q)
  }
  for ext in html md; do
    if ! cmp -s "$tmp/out/$example/$stem.$ext" "$dir/expected/$stem.$ext"; then
      echo "FAIL: the installed binary's $example/$stem.$ext differs from the golden" >&2
      fail=1
    fi
  done
  head -c 5 "$tmp/out/$example/$stem.pdf" | grep -q '%PDF-' || { echo "FAIL: $example: no PDF" >&2; fail=1; }
  if command -v qpdf >/dev/null; then qpdf --check "$tmp/out/$example/$stem.pdf" >/dev/null || fail=1; fi
done
(cd "$src/examples/pilot" && "$bin" render plan.yaml --fragment -f md -o "$tmp/out/fragment" -q)
cmp -s "$tmp/out/fragment/plan.fragment.md" "$src/examples/pilot/expected/fragment.md" ||
  { echo "FAIL: the installed binary's fragment differs from the golden" >&2; fail=1; }

[ "$fail" = 0 ] && echo "ok: package built, dependencies declared, unpacked binary renders the examples"
exit "$fail"
