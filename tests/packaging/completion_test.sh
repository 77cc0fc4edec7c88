#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The shell completions the build wrote (closeplan --completion SHELL):
# bash completes commands, flags and flag values the way a user types them;
# zsh and fish scripts parse (checked when those shells are installed).
#   completion_test.sh CLOSEPLAN HELP_DIR
set -euo pipefail
closeplan="$1"
dir="$2"
fail=0

# complete WORDS... : what bash offers for the last word (empty = a new word).
complete_words() {
  bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _closeplan
    printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$dir/closeplan.bash" "$@"
}
expect() {
  local want="$1"; shift
  local got
  got="$(complete_words "$@" | tr '\n' ' ' | sed 's/ $//')"
  if [[ "$got" != "$want" ]]; then
    echo "FAIL: closeplan ${*:2}<TAB> gave \"$got\", expected \"$want\"" >&2
    fail=1
  fi
}
expect "render" closeplan ren
expect "check" closeplan che
expect "--paper" closeplan render plan.yaml --pa
expect "a4 letter" closeplan render plan.yaml --paper ""
expect "json text" closeplan check --format ""
expect "--version" closeplan --vers
# The command's flags, not another command's.
expect "" closeplan ics --pape
# Every command --help lists is offered on an empty line.
all="$(complete_words closeplan "")"
for command in $("$closeplan" --help | awk '/^Subcommands:/ {on = 1; next} on && /^  [a-z]/ {print $1}'); do
  grep -qx "$command" <<<"$all" || { echo "FAIL: $command is not offered" >&2; fail=1; }
done
# A plan file after the command: file names.
tmp="$(mktemp -d "${TMPDIR:-/tmp}/closeplan-completion.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
touch "$tmp/plan-one.yaml"
expect "$tmp/plan-one.yaml" closeplan render "$tmp/plan-o"

if command -v zsh >/dev/null; then
  zsh -n "$dir/_closeplan" || { echo "FAIL: zsh cannot parse _closeplan" >&2; fail=1; }
  head -n 1 "$dir/_closeplan" | grep -qx '#compdef closeplan' || { echo "FAIL: _closeplan lacks #compdef" >&2; fail=1; }
else
  echo "zsh is not installed: _closeplan not parsed"
fi
if command -v fish >/dev/null; then
  fish --no-execute "$dir/closeplan.fish" || { echo "FAIL: fish cannot parse closeplan.fish" >&2; fail=1; }
  # fish's own completion engine on the script: command, flag, flag value.
  got="$(fish --no-config -c 'source $argv[1]; complete -C "closeplan ren"; complete -C "closeplan render p.yaml --pa";
                              complete -C "closeplan render p.yaml --paper "' "$dir/closeplan.fish" | cut -f1 | tr '\n' ' ')"
  [[ "$got" == "render --paper a4 letter " ]] || { echo "FAIL: fish completes \"$got\"" >&2; fail=1; }
else
  echo "fish is not installed: closeplan.fish not parsed"
fi
for file in closeplan.bash _closeplan closeplan.fish; do
  cmp -s <("$closeplan" --completion "$(case $file in *.bash) echo bash ;; _*) echo zsh ;; *) echo fish ;; esac)") \
    "$dir/$file" || { echo "FAIL: $file differs from what closeplan prints now" >&2; fail=1; }
done
[[ "$fail" == 0 ]] && echo "ok: bash completes commands, flags and values; zsh and fish scripts checked"
exit "$fail"
