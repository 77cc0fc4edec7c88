#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds closeplan (Release, in build/) and renders
# every example into out/<name>/ as HTML, Markdown and PDF.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scripts/install-deps.sh
scripts/build.sh build -DCMAKE_BUILD_TYPE=Release

status=0
for plan in examples/*/plan.yaml examples/*/plan.json; do
  [[ -e "$plan" ]] || continue
  name="$(basename "$(dirname "$plan")")"
  mkdir -p "out/$name"
  # Render from the example's folder: its value map and files are relative to the plan.
  if (cd "$(dirname "$plan")" && "$root/build/closeplan" render "$(basename "$plan")" -f html,md,pdf -o "$root/out/$name"); then
    stem="$(basename "$plan")"
    stem="${stem%.*}"
    for ext in html md pdf; do
      echo "wrote out/$name/$stem.$ext ($(wc -c <"out/$name/$stem.$ext") bytes)"
    done
  else
    echo "render-examples: $plan failed" >&2
    status=1
  fi
done
exit "$status"
