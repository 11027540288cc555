#!/usr/bin/env bash
# Installs what the browser test needs, when missing: Debian's chromium and chromium-driver, and
# Selenium from PyPI. Idempotent; kept apart from scripts/deps.sh so that `make test` stays lean.
set -euo pipefail

need_apt=()
for pkg in chromium chromium-driver; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "browser-deps: installing ${need_apt[*]}" >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! python3 -c 'import selenium, sys; sys.exit(0 if int(selenium.__version__.split(".")[0]) >= 4 else 1)' 2>/dev/null; then
    echo "browser-deps: installing selenium" >&2
    python3 -m pip install --quiet "selenium==4.27.1"
fi
