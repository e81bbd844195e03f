#!/usr/bin/env bash
# Installs Debian's chromium for the browser runtime tests, only when /usr/bin/chromium is missing.
# Non-interactive (no stdin needed); runs as root, or through passwordless sudo otherwise.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  # Debian's launcher script prints a harmless shell warning on stderr; keep the log clean.
  echo "chromium present: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-y -q -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

echo "installing Debian chromium"
$SUDO apt-get update -q </dev/null
$SUDO apt-get install "${APT_OPTS[@]}" chromium </dev/null
echo "chromium installed: $(/usr/bin/chromium --version 2>/dev/null || echo unknown version)"
