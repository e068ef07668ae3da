#!/usr/bin/env bash
# Install what the browser tests need: Debian's chromium (apt) and axe-core (npm, pinned by
# tests/browser/package-lock.json). Playwright for Python comes from requirements-dev.txt; its
# own browser download is not used. Without root (or sudo) a missing chromium is reported and
# the browser tests skip, except in CI, where they fail.
set -euo pipefail
cd "$(dirname "$0")/browser"
packages=()
command -v chromium >/dev/null || packages+=(chromium fonts-dejavu-core)
command -v npm >/dev/null || packages+=(npm)
if [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo -n"
  if $sudo true 2>/dev/null; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  else
    echo "install-browser: cannot install ${packages[*]} without root; the browser tests will be skipped" >&2
  fi
fi
if command -v npm >/dev/null; then
  npm ci --no-audit --no-fund --silent
fi
