#!/usr/bin/env bash
# Fuzzes ScreenPopEngine.handle(json:) with libFuzzer.
#   scripts/fuzz-screenpop.sh [SECONDS]   (default 60)
# Builds Sources/screenpop-fuzz with -sanitize=fuzzer,address -Xlinker --allow-multiple-definition into .build-fuzz, seeds the
# corpus from Tests/ScreenPopTests/Fuzz/ (the findings kept as tests) and examples/session.jsonl,
# and writes crashes to .build-fuzz/findings/. Copy a finding into Tests/ScreenPopTests/Fuzz/
# to keep it as a regression test (FuzzFindingsTests replays every file there).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
bash scripts/deps.sh
swift build -c release --build-path .build-fuzz --product screenpop-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xlinker --allow-multiple-definition -Xswiftc -DFUZZING
corpus=.build-fuzz/corpus
mkdir -p "$corpus" .build-fuzz/findings
cp Tests/ScreenPopTests/Fuzz/* "$corpus"/ 2>/dev/null || true
if [ -f examples/session.jsonl ]; then
    n=0
    while IFS= read -r line; do n=$((n + 1)); printf '%s' "$line" > "$corpus/session-$n.json"; done < examples/session.jsonl
fi
.build-fuzz/release/screenpop-fuzz "$corpus" -max_total_time="$seconds" -max_len=4096 \
    -artifact_prefix=.build-fuzz/findings/ -print_final_stats=1
