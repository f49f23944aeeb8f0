#!/usr/bin/env bash
# System packages the tests need, installed from Debian when missing (these machines run as root):
#   chromium      - browser tests (playwright-core drives /usr/bin/chromium; it cannot download its own)
#   gcc, libc6-dev - the native cross-check compiles tools/native/replay.c against the real glibc
#   python3-numpy - the recorder's NumPy scenarios run on Debian's /usr/bin/python3 with NumPy 1.24
# Idempotent and quick when everything is present.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v gcc >/dev/null 2>&1 || need+=(gcc libc6-dev)
/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1 || need+=(python3-numpy)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing ${need[*]}; install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  echo "setup: installing ${need[*]} from Debian" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
