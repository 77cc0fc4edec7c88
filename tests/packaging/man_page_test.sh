#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# closeplan(1) as the build wrote it (closeplan --help-man): man renders it
# without a single groff or man warning, it names every command --help
# lists and every flag of `render`, and the installed .gz is the same page.
#   man_page_test.sh CLOSEPLAN HELP_DIR
set -euo pipefail
closeplan="$1"
dir="$2"
page="$dir/closeplan.1"
fail=0

# man --warnings passes -ww to groff; lintian checks pages the same way.
warnings="$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null)"
if [[ -n "$warnings" ]]; then
  echo "FAIL: man warns about closeplan.1:" >&2
  echo "$warnings" >&2
  fail=1
fi
text="$(LC_ALL=C.UTF-8 MANWIDTH=80 man -E UTF-8 -l "$page" 2>/dev/null)"
for heading in NAME SYNOPSIS DESCRIPTION COMMANDS "EXIT STATUS"; do
  grep -q "^$heading" <<<"$text" || { echo "FAIL: no $heading section" >&2; fail=1; }
done
# NAME is what apropos and lintian read: "closeplan - <what it does>".
grep -A1 '^NAME' <<<"$text" | grep -Eq '^ +closeplan - [a-z]' || { echo "FAIL: bad NAME line" >&2; fail=1; }

# Every command --help lists, and each of render's flags, are on the page.
commands="$("$closeplan" --help | awk '/^Subcommands:/ {on = 1; next} on && /^  [a-z]/ {print $1}')"
[[ -n "$commands" ]] || { echo "FAIL: no commands in --help" >&2; exit 1; }
for command in $commands; do
  grep -q "^   closeplan $command" <<<"$text" || { echo "FAIL: the page has no section for $command" >&2; fail=1; }
done
for flag in $("$closeplan" render --help | grep -Eo -- '--[a-z][a-z-]+' | sort -u); do
  grep -q -- "$flag" <<<"$text" || { echo "FAIL: the page does not mention render $flag" >&2; fail=1; }
done
# Exit codes from the same text as --help's footer.
for code in 0 2 3 4 5 6 7 8 70; do
  grep -Eq "^ +$code +[a-z]" <<<"$text" || { echo "FAIL: exit status $code is not listed" >&2; fail=1; }
done
cmp -s <(gzip -dc "$dir/closeplan.1.gz") "$page" || { echo "FAIL: closeplan.1.gz is not closeplan.1" >&2; fail=1; }
# Deterministic: written again, the same bytes.
cmp -s <("$closeplan" --help-man) "$page" || { echo "FAIL: --help-man differs from the built page" >&2; fail=1; }

[[ "$fail" == 0 ]] && echo "ok: closeplan.1 renders without warnings and lists $(wc -w <<<"$commands") commands"
exit "$fail"
