#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the Debian packages with CPack (closeplan, libcloseplan0,
# libcloseplan-dev), checks what each declares and holds, runs lintian on
# each, asks apt whether they install here (simulated), unpacks them into a
# throwaway root (dpkg -x, no root rights, no network) and runs the unpacked
# binary on the examples: its output must equal the goldens, with no share/
# files needed (templates and styles are compiled in). Also: `man closeplan`
# and bash completion from the unpacked files, every link of the shipped
# guides resolving inside the package, and a program built against the
# unpacked -dev package with plain `g++ main.cpp $(pkg-config --cflags --libs closeplan)`.
#
#   deb_test.sh SOURCE_DIR BUILD_DIR [EXTRA_FLAGS] [USES_MIMALLOC]
# EXTRA_FLAGS: only in the sanitizer build, whose library needs its runtime
# in the program too (-fsanitize=address,undefined), as in consumer_test.sh.
# USES_MIMALLOC: ON when the CLI links mimalloc (CLOSEPLAN_MIMALLOC), which
# its package must then depend on (and the library's must not).
set -euo pipefail
src="$1"
build="$2"
extra="${3:-}"
uses_mimalloc="${4:-OFF}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/closeplan-deb.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/pkg" >/dev/null)
fail=0
deb_of() {
  local found
  found="$(ls "$tmp"/pkg/"$1"_*.deb 2>/dev/null || true)"
  [[ -n "$found" ]] || { echo "FAIL: no $1 package was built" >&2; exit 1; }
  echo "$found"
}
cli="$(deb_of closeplan)"
lib="$(deb_of libcloseplan0)"
dev="$(deb_of libcloseplan-dev)"
for deb in "$cli" "$lib" "$dev"; do echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"; done

field() { dpkg-deb -f "$1" "$2"; }
names() { tr ',' '\n' <<<"$1" | sed 's/(.*)//; s/|.*//; s/ //g' | grep -v '^$' || true; }
expect_depends() {  # DEB PACKAGE...: each PACKAGE is in DEB's Depends
  local deb="$1" depends
  shift
  depends="$(names "$(field "$deb" Depends)")"
  for package in "$@"; do
    grep -qxF "$package" <<<"$depends" || { echo "FAIL: $(basename "$deb") does not depend on $package" >&2; fail=1; }
  done
}
# The CLI: the shared libraries it links (dpkg-shlibdeps) and the font the PDF embeds.
expect_depends "$cli" libyaml-0-2 libyaml-cpp0.7 libhpdf-2.3.0 libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 \
               libharfbuzz-subset0 libdeflate0 libzip4 libstdc++6 libc6 fonts-liberation2
[[ "$uses_mimalloc" == ON ]] && expect_depends "$cli" libmimalloc2.0
# The library: what libcloseplan.so.0 links.
expect_depends "$lib" libyaml-0-2 libyaml-cpp0.7 libhpdf-2.3.0 libharfbuzz-subset0 libdeflate0 libzip4 libstdc++6 libc6
# ... and never the CLI's allocator: a program linking libcloseplan keeps its own.
if names "$(field "$lib" Depends)" | grep -qxF libmimalloc2.0; then
  echo "FAIL: $(basename "$lib") depends on libmimalloc2.0" >&2
  fail=1
fi
# The -dev package: the library at this very version, and what linking libcloseplan.a needs.
expect_depends "$dev" libcloseplan0 libyaml-dev libyaml-cpp-dev libhpdf-dev libcmark-gfm-dev libharfbuzz-dev libdeflate-dev \
               libicu-dev libzip-dev libxml2-dev
[[ "$(field "$dev" Depends)" == *"libcloseplan0 (= $(field "$lib" Version))"* ]] ||
  { echo "FAIL: libcloseplan-dev does not depend on libcloseplan0 (= $(field "$lib" Version))" >&2; fail=1; }
# Every dependency must be a package Debian 12 has: here, one that is installed.
for deb in "$cli" "$lib" "$dev"; do
  for package in $(names "$(field "$deb" Depends)"); do
    [[ "$package" == libcloseplan0 ]] && continue
    dpkg -s "$package" >/dev/null 2>&1 || { echo "FAIL: $package is not a known, installed package" >&2; fail=1; }
  done
done
# The shlibs file: what a program built against libcloseplan.so.0 will depend on.
dpkg-deb --ctrl-tarfile "$lib" | tar -xO ./shlibs 2>/dev/null | grep -q '^libcloseplan 0 libcloseplan0 ' ||
  { echo "FAIL: libcloseplan0 has no shlibs entry for libcloseplan.so.0" >&2; fail=1; }

# apt's own resolver on this Debian 12 machine: the three install together with
# nothing more to fetch (simulated: nothing is installed or downloaded).
if command -v apt-get >/dev/null; then
  if sim="$(apt-get install --simulate --no-install-recommends "$cli" "$lib" "$dev" 2>&1)"; then
    inst="$(grep '^Inst ' <<<"$sim" | awk '{print $2}' | sort | tr '\n' ' ')"
    if [[ "$inst" != "closeplan libcloseplan-dev libcloseplan0 " ]]; then
      echo "FAIL: apt would install more than the three packages: $inst" >&2
      fail=1
    fi
  else
    echo "FAIL: apt-get cannot install the packages:" >&2
    echo "$sim" >&2
    fail=1
  fi
fi

# Contents: each file in the package it belongs to, and only there.
contents() { dpkg-deb -c "$1" | awk '{print $6}' | sed 's|^\./||'; }
has() {  # DEB REGEX...
  local deb="$1" list
  shift
  list="$(contents "$deb")"
  for pattern in "$@"; do
    grep -Eq "^$pattern\$" <<<"$list" || { echo "FAIL: $(basename "$deb") has no $pattern" >&2; fail=1; }
  done
}
has "$cli" usr/bin/closeplan usr/share/man/man1/closeplan.1.gz usr/share/bash-completion/completions/closeplan \
    usr/share/zsh/vendor-completions/_closeplan usr/share/fish/vendor_completions.d/closeplan.fish \
    usr/share/closeplan/templates/buyer-plan.html.mustache usr/share/closeplan/styles/default.yaml \
    usr/share/doc/closeplan/README.md
has "$lib" 'usr/lib/[a-z0-9_-]+/libcloseplan\.so\.0' 'usr/lib/[a-z0-9_-]+/libcloseplan\.so\.0\.[0-9.]+'
has "$dev" usr/include/closeplan/closeplan.hpp usr/include/closeplan/diagnostics.hpp \
    'usr/lib/[a-z0-9_-]+/libcloseplan\.so' 'usr/lib/[a-z0-9_-]+/libcloseplan\.a' \
    'usr/lib/[a-z0-9_-]+/pkgconfig/closeplan\.pc' 'usr/lib/[a-z0-9_-]+/cmake/closeplan/closeplanConfig\.cmake'
for deb in "$cli" "$lib" "$dev"; do
  package="$(field "$deb" Package)"
  has "$deb" "usr/share/doc/$package/copyright" "usr/share/doc/$package/changelog.Debian.gz"
done
if contents "$cli" | grep -Eq 'libcloseplan|^usr/include'; then echo "FAIL: closeplan holds library files" >&2; fail=1; fi
if contents "$lib" | grep -Eq '\.so$|\.a$|^usr/include'; then echo "FAIL: libcloseplan0 holds development files" >&2; fail=1; fi
if contents "$dev" | grep -Eq '\.so\.0'; then echo "FAIL: libcloseplan-dev holds the runtime library" >&2; fail=1; fi
if contents "$dev" | grep -Eq '^usr/include/.*(load|render|pipeline)/'; then
  echo "FAIL: internal headers are installed" >&2
  fail=1
fi

# lintian: no error, and none of the warnings the packages once had. What it
# still says is listed, with reasons, in docs/embedding.md.
if command -v lintian >/dev/null; then
  for deb in "$cli" "$lib" "$dev"; do
    report="$(lintian --no-cfg --display-level '>=warning' "$deb" 2>&1 || true)"
    [[ -n "$report" ]] && echo "$report"
    if grep -E '^E: ' <<<"$report" >/dev/null; then
      echo "FAIL: lintian reports errors for $(basename "$deb")" >&2
      fail=1
    fi
    for tag in no-manual-page extended-description-line-too-long pkg-config-unavailable-for-cross-compilation \
               no-copyright-file no-changelog; do
      if grep -E "^[EW]: .*: $tag( |$)" <<<"$report" >/dev/null; then
        echo "FAIL: lintian says $tag for $(basename "$deb")" >&2
        fail=1
      fi
    done
  done
else
  echo "lintian is not installed: packages not linted"
fi

root="$tmp/root"
for deb in "$cli" "$lib" "$dev"; do dpkg -x "$deb" "$root"; done

# The shipped guides: every relative link leads to a file of the same package.
while read -r doc; do
  dir="$(dirname "$doc")"
  while read -r target; do
    target="${target%%#*}"
    [[ -z "$target" || "$target" =~ ^[a-z]+: ]] && continue
    [[ -e "$dir/$target" ]] || { echo "FAIL: ${doc#"$root"/} links to $target, which is not shipped" >&2; fail=1; }
  done < <(grep -oE '\]\([^) ]+\)' "$doc" | sed -E 's/^\]\((.*)\)$/\1/')
done < <(find "$root/usr/share/doc" -name '*.md')

# man closeplan, from the unpacked page, as after installing the package.
man_text="$(MANPATH="$root/usr/share/man" MANWIDTH=80 man -E UTF-8 closeplan 2>&1)" ||
  { echo "FAIL: man closeplan: $man_text" >&2; fail=1; }
grep -q 'closeplan - ' <<<"$man_text" || { echo "FAIL: man closeplan shows no NAME line" >&2; fail=1; }
# bash completion, as bash-completion loads it: closeplan ren<TAB> -> render.
completed="$(bash --norc --noprofile -c 'source "$1"; COMP_WORDS=(closeplan ren); COMP_CWORD=1; _closeplan; echo "${COMPREPLY[*]}"' \
             _ "$root/usr/share/bash-completion/completions/closeplan")"
[[ "$completed" == render ]] || { echo "FAIL: closeplan ren<TAB> completes \"$completed\"" >&2; fail=1; }

bin="$root/usr/bin/closeplan"
"$bin" --version
# Hide the unpacked share/ folder: the binary must not need it.
mv "$root/usr/share/closeplan" "$tmp/share-hidden"
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

# A program built against the unpacked libcloseplan-dev with exactly the
# command its users type, no -std (g++'s default, gnu++17) and nothing added:
# the .pc file finds its prefix from its own place. It makes a handoff pack, a
# calendar and a health report, checked against the goldens and this package's
# `closeplan check --format json`.
PKG_CONFIG_PATH="$(dirname "$(find "$root" -name closeplan.pc)")"
export PKG_CONFIG_PATH
mkdir "$tmp/pc"
cp "$src/tests/packaging/consumer/main.cpp" "$tmp/pc/"
# shellcheck disable=SC2046,SC2086
if (cd "$tmp/pc" && set -x && g++ main.cpp $(pkg-config --cflags --libs closeplan) $extra); then
  northwind="$src/examples/northwind"
  "$bin" check "$northwind/plan.yaml" --format json >"$tmp/northwind-health.json" 2>/dev/null || true
  LD_LIBRARY_PATH="$(pkg-config --variable=libdir closeplan)" \
    "$tmp/pc/a.out" "$northwind/plan.yaml" "$northwind/expected/handoff" "$tmp/northwind-health.json" ||
    { echo "FAIL: the program built against libcloseplan-dev did not make what the CLI makes" >&2; fail=1; }
else
  echo "FAIL: g++ main.cpp \$(pkg-config --cflags --libs closeplan) does not build against libcloseplan-dev" >&2
  fail=1
fi

[ "$fail" = 0 ] && echo "ok: three packages built, declared, linted and unpacked; man, completion, the examples and a pkg-config consumer work"
exit "$fail"
