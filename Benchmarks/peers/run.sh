#!/usr/bin/env bash
# The peers comparison, one command (`make peers`): installs what it needs, makes (or takes) one
# CRM export and its labeled queries, runs them through PostgreSQL 15, tantivy, SQLite FTS5,
# RapidFuzz and our engine (match-bench run), and prints one table (also written as Markdown).
#
# Settings (environment; `make peers VAR=value` passes them):
#   CONTACTS=100000 SEED=7 STYLE=canonical QUERY_COUNT=1000   what match-bench generate makes
#   CSV=path QUERIES=path        use this export and these queries instead of generating them
#   OUT=Benchmarks/peers/out     work folder: data, per-system JSON, the table (peers-table.md)
#   SYSTEMS="postgresql tantivy sqlite rapidfuzz engine"   which systems to run
#   PER_CLASS=0                  queries per class for every peer (0: all in the file)
#   RAPIDFUZZ_PER_CLASS=         queries per class for RapidFuzz (default 100, 30 above 200k rows)
#   BUDGET=600                   seconds of queries per peer; TIMEOUT_MS=2000 per query
#   PEER_LIMIT=3600              hard bound on one peer's whole run (load included), in seconds
#   SCRATCH=.build               swift build scratch path for match-bench
#   MATCH_BENCH=path             a built match-bench to use instead of building one
#   ENGINE_ARGS="--threads 1 --rounds 1"   extra arguments of match-bench run (latency and recall
#                                only; match-bench's own defaults add 2-thread throughput rounds)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CONTACTS="${CONTACTS:-100000}"
SEED="${SEED:-7}"
STYLE="${STYLE:-canonical}"
QUERY_COUNT="${QUERY_COUNT:-1000}"
OUT="${OUT:-$HERE/out}"
SYSTEMS="${SYSTEMS:-postgresql tantivy sqlite rapidfuzz engine}"
PER_CLASS="${PER_CLASS:-0}"
BUDGET="${BUDGET:-600}"
TIMEOUT_MS="${TIMEOUT_MS:-2000}"
PEER_LIMIT="${PEER_LIMIT:-3600}"
SCRATCH="${SCRATCH:-.build}"
read -r -a ENGINE_ARGS <<<"${ENGINE_ARGS:---threads 1 --rounds 1}"
if [ -z "${RAPIDFUZZ_PER_CLASS:-}" ]; then
    if [ "$CONTACTS" -gt 200000 ]; then RAPIDFUZZ_PER_CLASS=30; else RAPIDFUZZ_PER_CLASS=100; fi
fi
VENV="$HERE/.venv"
PY="$VENV/bin/python"
PGBIN=/usr/lib/postgresql/15/bin

log() { echo "peers: $*" >&2; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

# ------------------------------------------------------------------ install (idempotent)
need_apt=()
for pkg in postgresql-15 postgresql-contrib; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
    log "installing ${need_apt[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
# Debian's package starts a cluster on 5432; ours is separate and this script never touches it.
STAMP="$VENV/.requirements.sha256"
WANT="$(sha256sum "$HERE/requirements.txt" | cut -d' ' -f1)"
if [ ! -x "$PY" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
    log "making the Python environment $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check -r "$HERE/requirements.txt"
    echo "$WANT" >"$STAMP"
fi

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

# ------------------------------------------------------------------ cleanup, also on failure
PGROOT=""
AS_PG=()
stop_postgres() {
    if [ -n "$PGROOT" ] && [ -d "$PGROOT" ]; then
        if [ -f "$PGROOT/data/postmaster.pid" ]; then
            "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
                "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
        fi
        rm -rf "$PGROOT"
        PGROOT=""
    fi
}
# Each system runs in the background and is waited for, so that a signal to this script is
# handled at once: the running system is stopped, then the EXIT trap stops the server.
CHILD=""
on_signal() {
    [ -n "$CHILD" ] && kill -TERM "$CHILD" 2>/dev/null && wait "$CHILD" 2>/dev/null
    exit "$1"
}
bounded() {
    timeout -k 30 "$PEER_LIMIT" "$@" &
    CHILD=$!
    local status=0
    wait "$CHILD" || status=$?
    CHILD=""
    return "$status"
}
trap stop_postgres EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

start_postgres() {
    PGROOT="$(mktemp -d /tmp/peers-pg.XXXXXX)"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$PGROOT"
        AS_PG=(runuser -u postgres --)
    fi
    "${AS_PG[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
        >"$PGROOT/initdb.log" 2>&1 || { cat "$PGROOT/initdb.log" >&2; return 1; }
    PGPORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 -o \
        "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$PGROOT -c shared_buffers=1GB -c work_mem=64MB -c max_wal_size=4GB -c jit=off" \
        start >/dev/null || { cat "$PGROOT/server.log" >&2; return 1; }
    log "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT ($PGROOT)"
}

# ------------------------------------------------------------------ data
MB="${MATCH_BENCH:-}"
need_engine=0
case " $SYSTEMS " in *" engine "*) need_engine=1 ;; esac
if [ -z "${CSV:-}" ] || [ -z "${QUERIES:-}" ] || [ "$need_engine" -eq 1 ]; then
    if [ -z "$MB" ]; then
        log "building match-bench (release, scratch path $SCRATCH)"
        (cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --product match-bench >&2)
        MB="$(cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/match-bench"
    fi
fi
if [ -z "${CSV:-}" ] || [ -z "${QUERIES:-}" ]; then
    CSV="$OUT/contacts-$CONTACTS-$STYLE-$SEED.csv"
    QUERIES="$OUT/queries-$CONTACTS-$STYLE-$SEED.jsonl"
    if [ ! -s "$CSV" ] || [ ! -s "$QUERIES" ]; then
        log "generating $CONTACTS contacts ($STYLE, seed $SEED) and $QUERY_COUNT queries per class"
        "$MB" generate --contacts "$CONTACTS" --seed "$SEED" --style "$STYLE" --out "$CSV" \
            --queries "$QUERIES" --query-count "$QUERY_COUNT" >&2
    fi
fi
[ -s "$CSV" ] || { log "no contacts file: $CSV"; exit 1; }
[ -s "$QUERIES" ] || { log "no queries file: $QUERIES"; exit 1; }

PREP="$OUT/prepared.jsonl"
PREP_STATS="$OUT/prepared.json"
PREP_KEY="$(stat -c '%s %Y' "$CSV") $CSV"
if [ ! -s "$PREP" ] || [ "$(cat "$OUT/prepared.key" 2>/dev/null)" != "$PREP_KEY" ]; then
    log "normalizing $CSV with phonenumbers (shared by the peers)"
    (cd "$HERE" && "$PY" prepare.py "$CSV" "$PREP" "$PREP_STATS")
    echo "$PREP_KEY" >"$OUT/prepared.key"
fi

# ------------------------------------------------------------------ runs
results=()
failed=()
for system in $SYSTEMS; do
    json="$OUT/$system.json"
    rm -f "$json"
    case "$system" in
        engine)
            log "match-bench run"
            if bounded "$MB" run --contacts "$CSV" --queries "$QUERIES" --json "$json" \
                    "${ENGINE_ARGS[@]}" >&2; then
                results+=("$json")
            else
                failed+=("$system")
            fi
            ;;
        postgresql|tantivy|sqlite|rapidfuzz)
            per_class="$PER_CLASS"
            [ "$system" = rapidfuzz ] && per_class="$RAPIDFUZZ_PER_CLASS"
            extra=()
            if [ "$system" = postgresql ]; then
                start_postgres
                extra=(--dsn "host=127.0.0.1 port=$PGPORT user=postgres dbname=postgres")
            fi
            log "$system"
            if bounded "$PY" "$HERE/harness.py" "$system" --prepared "$PREP" \
                    --prep-stats "$PREP_STATS" --queries "$QUERIES" --json "$json" --per-class "$per_class" \
                    --budget "$BUDGET" --timeout-ms "$TIMEOUT_MS" --workdir "$OUT" "${extra[@]}"; then
                results+=("$json")
            else
                failed+=("$system")
            fi
            [ "$system" = postgresql ] && stop_postgres
            ;;
        *) log "unknown system $system"; exit 2 ;;
    esac
done

if [ ${#results[@]} -gt 0 ]; then
    (cd "$HERE" && "$PY" table.py --markdown "$OUT/peers-table.md" --contacts "$CSV" --queries "$QUERIES" "${results[@]}")
fi
if [ ${#failed[@]} -gt 0 ]; then
    log "failed or stopped at the time bound: ${failed[*]}"
    exit 1
fi
