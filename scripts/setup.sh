#!/usr/bin/env bash
# Set up pengampuan in a virtual environment at .venv (idempotent).
#
#   bash scripts/setup.sh          # the library and its command line
#   bash scripts/setup.sh --test   # plus the test tools and Debian's chromium (browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
for arg in "$@"; do
  case "$arg" in
    --test|--dev) with_tests=1 ;;
    *) echo "usage: bash scripts/setup.sh [--test]" >&2; exit 2 ;;
  esac
done

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
  echo "pengampuan needs Python >= 3.10 ($PYTHON is $("$PYTHON" --version 2>&1))" >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv || {
    echo "could not create .venv; on Debian/Ubuntu: sudo apt-get install python3-venv" >&2
    exit 1
  }
fi

extra=""
if [ "$with_tests" = 1 ]; then extra="[test]"; fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".${extra}"

if [ "$with_tests" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's chromium for the browser tests ..." >&2
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
  else
    echo "note: chromium is not installed; the browser tests will be skipped" \
         "(as root: apt-get install chromium)" >&2
  fi
fi
echo "pengampuan is set up in .venv ($(.venv/bin/pengampuan --version))" >&2
