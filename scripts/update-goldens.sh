#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Rebuilds, then rewrites the example goldens (handoff packs included) and the CLI transcripts from what
# the current binary prints. Review the result with `git diff` before committing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build_dir="${1:-build}"

scripts/build.sh "$build_dir" -DCMAKE_BUILD_TYPE=Release
"$build_dir/tests/cli/golden_runner" --closeplan "$build_dir/closeplan" --update examples/*/
"$build_dir/tests/cli/transcript_runner" --closeplan "$build_dir/closeplan" --fixtures tests/cli/fixtures \
  --update tests/cli/transcripts/*.txt
# The editor schemas are generated from the validator's field table (src/validate/plan_fields.cpp).
"$build_dir/closeplan" schema plan -o docs/schemas/plan.schema.json
"$build_dir/closeplan" schema value-map -o docs/schemas/value-map.schema.json
# The handoff packs (examples/*/expected/handoff/) have their own runner.
/usr/bin/python3 tests/handoff/check_pack.py --closeplan "$build_dir/closeplan" --root . --update golden
# The DOCX documents' word/document.xml, pretty-printed (examples/*/expected/plan.docx.xml).
/usr/bin/python3 tests/docx/check_docx.py --closeplan "$build_dir/closeplan" --root . --update golden
git status --short -- examples tests/cli/transcripts docs/schemas
