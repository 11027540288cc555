#!/usr/bin/env bash
# The end-to-end browser test of the host bridge: installs Chromium, its driver and Selenium when
# missing, builds screenpop-server, and runs tests/browser/test_bridge.py (headless).
# The screenshot of the popped record lands in tests/browser/artifacts/popped-record.png.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/browser-deps.sh
SWIFT="${SWIFT:-swift}"
SCRATCH=(); [ -n "${SCRATCH_PATH:-}" ] && SCRATCH=(--scratch-path "$SCRATCH_PATH")
"$SWIFT" build "${SCRATCH[@]}" --product screenpop-server
BIN="$("$SWIFT" build "${SCRATCH[@]}" --show-bin-path)"
python3 tests/browser/test_bridge.py --server "$BIN/screenpop-server"
