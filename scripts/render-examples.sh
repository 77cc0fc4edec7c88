#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds closeplan (Release, in build/) and renders
# every example into out/<name>/ as HTML, Markdown and PDF, with its Customer
# Success handoff pack in out/<name>/handoff/; then the example CRM export
# (examples/crm/) into out/batch/, one plan per deal.
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
  # The pack warns about what Customer Success still needs; that is not a failure.
  if (cd "$(dirname "$plan")" && "$root/build/closeplan" handoff "$(basename "$plan")" -q -o "$root/out/$name/handoff"); then
    echo "wrote out/$name/handoff/ ($(ls "out/$name/handoff" | tr '\n' ' '))"
  else
    echo "render-examples: the handoff pack of $plan failed" >&2
    status=1
  fi
done

if build/closeplan batch examples/crm/opportunities.csv --playbook examples/playbooks/mid-market.yaml \
    --holidays examples/playbooks/holidays-us-2026.yaml --as-of 2026-07-01 --seller "Acme Analytics" \
    --check -f html,md,pdf -o out/batch; then
  echo "wrote out/batch/ (index.html and $(ls out/batch | grep -c '\.pdf$') deals)"
else
  echo "render-examples: the example batch failed" >&2
  status=1
fi
exit "$status"
