#!/usr/bin/env bash
# Load test of screenpop-server on loopback: POST /v1/messages with E.164 zcc-incomingPhone-request
# messages on 2 connections (wrk -t2 -c2), against a directory of CONTACTS generated Salesforce
# records (default 1,000,000). Bounded in time (DURATION seconds, default 30) and in count
# (REQUESTS, default 3,000,000; wrk's throughput is only exact when the time bound ends the run).
# Every answer is checked against the right one (scripts/load-test/queries.py).
#
# usage: scripts/load-test.sh [CONTACTS]     env: DURATION REQUESTS CSV SCRATCH_PATH
set -euo pipefail
cd "$(dirname "$0")/.."
CONTACTS="${1:-1000000}"
DURATION="${DURATION:-30}"
REQUESTS="${REQUESTS:-3000000}"
if [ "$CONTACTS" = 1000000 ]; then CSV="${CSV:-/tmp/sf1m.csv}"; else CSV="${CSV:-/tmp/sf-$CONTACTS.csv}"; fi
SWIFT="${SWIFT:-swift}"
SCRATCH=(); [ -n "${SCRATCH_PATH:-}" ] && SCRATCH=(--scratch-path "$SCRATCH_PATH")

bash scripts/deps.sh
if ! command -v wrk >/dev/null; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi
python3 -c 'import phonenumbers; assert phonenumbers.__version__ == "8.12.57"' 2>/dev/null || python3 -m pip install --quiet phonenumbers==8.12.57

if [ ! -s "$CSV" ]; then
    echo "load-test: generating $CONTACTS records in $CSV" >&2
    python3 scripts/generate-salesforce-csv.py "$CONTACTS" "$CSV" 7
fi
QUERIES="$CSV.queries.tsv"
if [ ! -s "$QUERIES" ] || [ "$QUERIES" -ot "$CSV" ]; then
    echo "load-test: sampling requests and their right answers from $CSV" >&2
    python3 scripts/load-test/queries.py "$CSV" "$QUERIES" --count 20000
fi

"$SWIFT" build -c release "${SCRATCH[@]}" --product screenpop-server
BIN="$("$SWIFT" build -c release "${SCRATCH[@]}" --show-bin-path)/screenpop-server"

WORK="$(mktemp -d)"
TOKEN="$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')"
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

echo "load-test: loading $CSV" >&2
START=$(date +%s)
SCREENPOP_TOKEN="$TOKEN" "$BIN" --contacts "$CSV" --region US --port 0 --rate-limit 1e9 --rate-burst 1e9 \
    >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
URL=""
for _ in $(seq 1 1200); do
    URL="$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$WORK/server.out")"
    [ -n "$URL" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.err" >&2; exit 1; }
    sleep 0.5
done
[ -n "$URL" ] || { echo "load-test: the server did not start" >&2; exit 1; }
LOADED=$(( $(date +%s) - START ))
CONTACT_COUNT="$(curl -s -H "Authorization: Bearer $TOKEN" "$URL/metrics" | sed -n 's/^screenpop_directory_contacts \([0-9]*\).*/\1/p')"
rss() { awk '/VmRSS/ { printf "%.1f GiB", $2 / 1048576 }' "/proc/$SERVER_PID/status"; }
echo "load-test: $CONTACT_COUNT contacts loaded in ${LOADED} s; server RSS $(rss)" >&2

run() {
    RUN="$3" TOKEN="$TOKEN" QUERIES="$QUERIES" REQUESTS="$2" \
        wrk -t2 -c2 -d"$1"s --timeout 10s --latency -s scripts/load-test/messages.lua "$URL/v1/messages"
}
echo "load-test: warm-up (5 s)" >&2
run 5 "$REQUESTS" warmup | grep '^RESULT' >&2
echo "load-test: measured run (${DURATION} s, at most $REQUESTS requests)" >&2
run "$DURATION" "$REQUESTS" measured | tee "$WORK/wrk.out"
echo "server RSS after the run: $(rss)"
RESULT="$(grep '^RESULT' "$WORK/wrk.out")"
wrong="$(sed -n 's/.* wrong=\([0-9]*\).*/\1/p' <<<"$RESULT")"
errors="$(sed -n 's/.* errors=\([0-9]*\).*/\1/p' <<<"$RESULT")"
requests="$(sed -n 's/.*RESULT requests=\([0-9]*\).*/\1/p' <<<"$RESULT")"
checked="$(sed -n 's/.* checked=\([0-9]*\).*/\1/p' <<<"$RESULT")"
if [ "$wrong" != 0 ] || [ "$errors" != 0 ] || [ "$checked" -lt "$requests" ]; then
    echo "load-test: FAILED ($RESULT)" >&2
    exit 1
fi
[ "$requests" -ge "$REQUESTS" ] && echo "load-test: note: the count bound ended the run; the throughput above is a lower bound" >&2
echo "load-test: every one of $requests answers was right"
