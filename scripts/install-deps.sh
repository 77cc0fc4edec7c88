#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what closeplan needs to build and test on Debian 12, as root:
# only the missing Debian packages (one apt-get update), then the browser
# checks' npm packages (npm ci) when tests/browser/node_modules is missing or stale.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libyaml-dev libyaml-cpp-dev nlohmann-json3-dev libhpdf-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libkainjow-mustache-dev libcli11-dev libgtest-dev libgmock-dev libcsv-dev libzip-dev libexpat1-dev libxlsxwriter-dev libharfbuzz-dev libdeflate-dev libicu-dev
  chromium poppler-utils qpdf fonts-liberation2
  # Font fallback for scripts Liberation Sans lacks (docs/fonts.md): fontconfig finds them.
  libfontconfig-dev fonts-noto-core fonts-noto-cjk
  python3 python3-icalendar python3-jsonschema python3-yaml python3-openpyxl pandoc dpkg-dev file
  # DOCX: libzip and libxml2 to write it; python-docx and LibreOffice to check it.
  libzip-dev libxml2-dev python3-docx libreoffice-writer-nogui
  # Tagged and archival PDF checks (tests/tagged/; pdfminer reads a Span's text) and the sRGB output intent of --pdf-standard a-2b.
  python3-pikepdf python3-pdfminer icc-profiles-free
  # `closeplan preview`: cpp-httplib serves the page (src/preview/server.cpp).
  libcpp-httplib-dev
  # The CLI's allocator (CLOSEPLAN_MIMALLOC in CMakeLists.txt): batch allocates thousands of small blocks a deal.
  libmimalloc-dev
  # Packaging checks (tests/consumer/deb_test.sh, tests/packaging/): lintian on the .debs,
  # man for closeplan(1), and zsh and fish to parse their generated completions (no other dependencies).
  lintian man-db zsh fish
  # The fuzz targets (scripts/fuzz.sh): clang's -fsanitize=fuzzer links
  # libclang_rt.fuzzer from libclang-rt-14-dev (no libfuzzer-14-dev needed).
  clang-14 libclang-rt-14-dev
)
# Node may come from elsewhere (nodesource's nodejs already carries npm and
# conflicts with Debian's npm package): install Debian's only when missing.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "install-deps: missing Debian packages: ${missing[*]}" >&2
    echo "install-deps: run this script as root to install them" >&2
    exit 1
  fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "install-deps: all Debian packages present"
fi

# npm ci when node_modules is missing or was installed from another lockfile.
browser="$root/tests/browser"
stamp="$browser/node_modules/.closeplan-lock.sha256"
want="$(sha256sum "$browser/package-lock.json" | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "install-deps: npm ci in tests/browser"
  (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
else
  echo "install-deps: tests/browser/node_modules is up to date"
fi
