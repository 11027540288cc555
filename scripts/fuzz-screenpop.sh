#!/usr/bin/env bash
# Fuzzes ScreenPopEngine.handle(json:), and the decoding and validation of messages of either
# direction (MessageValidation, SmartEmbedMessage, HostMessage: host commands by the document's
# rules), with libFuzzer.
#   scripts/fuzz-screenpop.sh [SECONDS]        (default 60; `make fuzz-screenpop FUZZ_SECONDS=N`)
#
# Builds Sources/screenpop-fuzz in release with `-sanitize=fuzzer,address -DFUZZING` into
# .build-fuzz (the toolchain at /opt/swift ships libclang_rt.fuzzer and asan), seeds the corpus
# with Tests/ScreenPopTests/Fuzz/ (the seed corpus and the findings kept as tests) and runs for
# SECONDS in one process (the log is .build-fuzz/fuzz.log). Crashes, timeouts and out-of-memory inputs go to
# .build-fuzz/findings/; the script exits non-zero when there is one. Copy a finding into
# Tests/ScreenPopTests/Fuzz/ to keep it as a regression test: FuzzFindingsTests replays every
# file there.
#
# SwiftPM links an executable's entry point as `screenpop_fuzz_main`, and libFuzzer brings its
# own `main`; FuzzEntry.swift defines `screenpop_fuzz_main` to hand over to libFuzzer's driver,
# and `--allow-multiple-definition` lets the link keep one `main`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
bash scripts/deps.sh
swift build -c release --scratch-path .build-fuzz --product screenpop-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xlinker --allow-multiple-definition -Xswiftc -DFUZZING
corpus=.build-fuzz/corpus
findings=.build-fuzz/findings
mkdir -p "$corpus" "$findings"
cp Tests/ScreenPopTests/Fuzz/* "$corpus"/ 2>/dev/null || true
# A dictionary of the protocol's words, so that mutations reach every message type and field.
dict=.build-fuzz/screenpop.dict
{
    for word in type data requestId engagementId channelType voice video chat sms mute hold digit action pause resume stop \
        transferType direct warm destination method email manual note dispositionId queueId messagePayload textBody \
        conversationId communicationId participantId consultParticipantId reason id name phone userEntity active wrapup \
        codes subDispositionList variables status timestamp errorCode recordingUrl url code message statusCode \
        zcc-accept-engagement zcc-reject-engagement zcc-terminate-engagement zcc-set-engagement-disposition \
        zcc-close-engagement-wrapup zcc-engagement-status-request zcc-engagement-status-response zcc-agent-status-get-request \
        zcc-agent-status-set-request zcc-agent-status-notification zcc-set-mute zcc-set-hold zcc-send-dtmf zcc-set-recording \
        zcc-transfer-engagement zcc-add-call zcc-cancel-consult zcc-complete-transfer zcc-merge-consult zcc-upgrade-to-video \
        zcc-get-disposition-codes zcc-get-disposition-codes-response zcc-send-chat-message zcc-send-chat-message-response \
        zcc-get-variables zcc-get-variables-response zcc-error onclicktoact zcc-incomingPhone-request zcc-call-ringing \
        9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c; do
        printf '"%s"\n' "$word"
    done
    printf '"\\"%s\\":"\n' type data requestId engagementId channelType digit note
} >"$dict"
log=.build-fuzz/fuzz.log
status=0
ASAN_OPTIONS=detect_leaks=0 .build-fuzz/release/screenpop-fuzz "$corpus" -dict="$dict" -max_total_time="$seconds" -max_len=4096 \
    -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1 || status=$?
grep -E "^(stat::|#[0-9]+ +(INITED|DONE)|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" "$log" || tail -20 "$log"
echo "findings in $findings:"; ls -1 "$findings"
exit "$status"
