#!/usr/bin/env bash
# Provisions the Chromium the browser runtime tests drive: CHROMIUM_PATH or /usr/bin/chromium if
# present, else Debian's package through apt-get (as root, or passwordless sudo); otherwise it
# fails saying how to get one. `npm test` runs it first; no stdin is needed.
set -euo pipefail
# Where apt's package puts it; the variable exists for test/scripts/install-chromium.test.ts.
DEFAULT_CHROMIUM="${BEDROCK_EDGE_DEFAULT_CHROMIUM:-/usr/bin/chromium}"

report() { echo "chromium present: $1 ($("$1" --version 2>/dev/null || echo unknown version))"; }

if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -x "$CHROMIUM_PATH" ]; then report "$CHROMIUM_PATH"; exit 0; fi
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file; point it at a Chromium or Chrome binary, or unset it." >&2
  exit 1
fi
if [ -x "$DEFAULT_CHROMIUM" ]; then
  # Debian's launcher script prints a harmless shell warning on stderr; keep the log clean.
  report "$DEFAULT_CHROMIUM"
  exit 0
fi

cannot() {
  cat >&2 <<MSG
The browser tests need Chromium, and it is not installed: $1.
Install it yourself, then run npm test again:
  - Debian: sudo apt-get install chromium
  - elsewhere: any Chromium or Chrome, then export CHROMIUM_PATH=/path/to/chromium
MSG
  exit 1
}

command -v apt-get >/dev/null 2>&1 || cannot "there is no apt-get here to install Debian's chromium"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"
  else cannot "installing it needs root (or passwordless sudo), and this is user $(id -un)"; fi
fi
export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-y -q -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

echo "installing Debian's chromium for the browser tests (apt-get)"
$SUDO apt-get update -q </dev/null
$SUDO apt-get install "${APT_OPTS[@]}" chromium </dev/null
[ -x "$DEFAULT_CHROMIUM" ] || cannot "apt-get finished but $DEFAULT_CHROMIUM is still missing"
report "$DEFAULT_CHROMIUM"
