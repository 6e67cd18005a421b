#!/usr/bin/env bash
# The whole test suite, as the README and CI run it: installs the system libraries Qt and the PDF
# checks need (when missing and root), the package with its test extra (non-editable), then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen PIP_DISABLE_PIP_VERSION_CHECK=1

packages=(poppler-utils libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "missing system packages (install them as root): ${missing[*]}" >&2
  fi
fi

# pyside6-pdf (PySide6 6.12's split-out QtPdf) would shadow QtPdf of the pinned PySide6-Addons.
if python -m pip show -q pyside6-pdf >/dev/null 2>&1; then python -m pip uninstall -y -q pyside6-pdf; fi
python -m pip install -q ".[test]"
exec pytest -n 2 -p no:cacheprovider "$@"
