#!/usr/bin/env bash
# Installs Debian's Chromium for the dashboard's browser test (driven by playwright-core, which never
# downloads a browser of its own). Idempotent: does nothing when /usr/bin/chromium is already there.
# Needs root, or sudo without a password.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "chromium already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")" >&2
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-browser.sh: installing chromium needs root (or passwordless sudo)" >&2
  exit 1
fi

echo "installing chromium with apt-get..." >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q >&2
"${as_root[@]}" apt-get install -y -q --no-install-recommends chromium >&2
"$CHROMIUM" --version >&2
