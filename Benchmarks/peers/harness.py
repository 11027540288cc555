#!/usr/bin/env python3
"""Runs one peer over the prepared contacts and the labeled queries, and writes its figures.

usage: harness.py SYSTEM --prepared ROWS.jsonl --prep-stats PREP.json --queries Q.jsonl --json OUT.json
                  [--per-class N] [--budget SECONDS] [--timeout-ms MS] [--workdir DIR] [--seed S]
                  [--dsn DSN]           (postgresql only)

SYSTEM is postgresql, tantivy, sqlite or rapidfuzz. The harness
  1. loads the rows into the peer (timed: the peer's ingest, indexes included);
  2. warms up on up to 50 queries drawn from the whole file, untimed;
  3. runs the queries class by class in turns (one query of each class, then the next), so that
     when the budget runs out every class has had its share; with --per-class N each class is a
     seeded sample of N of its queries;
  4. times each query with perf_counter_ns around the peer's call, result ids included. A query
     that the peer cancels or that runs past --timeout-ms counts as a miss and as a timeout.
recall@k is the share of labeled queries with any expected id among the first k results. For the
classes without a label (the *_unknown ones) it reports the share of queries that came back empty.
"""
import argparse
import importlib
import json
import random
import sys
import time

import gc

from common import CLASSES, InputError, peak_rss_bytes, percentile, read_prepared, read_queries, route, rss_bytes


class QueryTimeout(Exception):
    """The peer cancelled a query at the per-query time bound."""


def run_query(peer, query):
    """The ids the peer returns for a labeled query, best first."""
    routed = route(query["kind"], query["query"])
    if routed[0] == "phone":
        return peer.phone(routed[1], routed[2])
    if routed[0] == "email":
        return peer.email(routed[1])
    if routed[0] == "fragment":
        return peer.fragment(routed[1])
    return peer.name(routed[1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("system", choices=["postgresql", "tantivy", "sqlite", "rapidfuzz"])
    parser.add_argument("--prepared", required=True)
    parser.add_argument("--prep-stats", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--json", required=True)
    parser.add_argument("--per-class", type=int, default=0, help="sample this many queries per class (0: all)")
    parser.add_argument("--budget", type=float, default=600.0, help="seconds for the query phase")
    parser.add_argument("--timeout-ms", type=float, default=2000.0, help="per-query bound")
    parser.add_argument("--workdir", default="/tmp")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--dsn", default="")
    args = parser.parse_args()

    module = importlib.import_module(f"peer_{args.system}")
    peer = module.Peer(workdir=args.workdir, timeout_ms=args.timeout_ms, dsn=args.dsn, timeout_error=QueryTimeout)
    try:
        return measure(peer, args)
    finally:
        peer.close()


def measure(peer, args):
    with open(args.prep_stats, encoding="utf-8") as handle:
        prep = json.load(handle)
    queries = read_queries(args.queries)
    rng = random.Random(args.seed)

    gc.collect()
    rss_before = rss_bytes()
    started = time.perf_counter()
    peer.load(read_prepared(args.prepared))
    load_seconds = time.perf_counter() - started
    gc.collect()
    rss_after = rss_bytes()
    print(f"{peer.title}: loaded {prep['rows']} rows in {load_seconds:.1f} s", file=sys.stderr)

    by_class = {}
    for query in queries:
        by_class.setdefault(query["class"], []).append(query)
    totals = {name: len(items) for name, items in by_class.items()}
    if args.per_class > 0:
        for name, items in by_class.items():
            if len(items) > args.per_class:
                by_class[name] = rng.sample(items, args.per_class)

    for query in rng.sample(queries, min(50, len(queries))):
        try:
            run_query(peer, query)
        except QueryTimeout:
            pass

    order = [name for name in CLASSES if name in by_class] + sorted(set(by_class) - set(CLASSES))
    results = {name: {"latencies": [], "hit1": 0, "hit5": 0, "empty": 0, "timeouts": 0} for name in order}
    deadline = time.perf_counter() + args.budget
    stopped_by_budget = False
    longest = max(len(items) for items in by_class.values()) if by_class else 0
    timeout_ns = args.timeout_ms * 1e6
    for turn in range(longest):
        if time.perf_counter() > deadline:
            stopped_by_budget = True
            break
        for name in order:
            if turn >= len(by_class[name]):
                continue
            query = by_class[name][turn]
            record = results[name]
            begin = time.perf_counter_ns()
            try:
                ids = run_query(peer, query)
                elapsed = time.perf_counter_ns() - begin
                timed_out = elapsed > timeout_ns
            except QueryTimeout:
                elapsed = time.perf_counter_ns() - begin
                ids, timed_out = [], True
            record["latencies"].append(elapsed / 1000.0)
            if timed_out:
                record["timeouts"] += 1
                ids = []
            expected = set(query["expected"])
            if not ids:
                record["empty"] += 1
            if expected and expected & set(ids[:1]):
                record["hit1"] += 1
            if expected and expected & set(ids[:5]):
                record["hit5"] += 1
        if turn % 250 == 249:
            print(f"{peer.title}: {turn + 1} queries per class", file=sys.stderr)

    classes = {}
    for name in order:
        record = results[name]
        count = len(record["latencies"])
        labeled = any(q["expected"] for q in by_class[name])
        classes[name] = {
            "queries": count,
            "queries_in_file": totals[name],
            "labeled": labeled,
            "recall_at_1": record["hit1"] / count if count and labeled else None,
            "recall_at_5": record["hit5"] / count if count and labeled else None,
            "empty_rate": record["empty"] / count if count else None,
            "p50_us": percentile(record["latencies"], 0.50),
            "p99_us": percentile(record["latencies"], 0.99),
            "max_us": max(record["latencies"]) if count else None,
            "timeouts": record["timeouts"],
        }
    memory_bytes, memory_kind = peer.memory()
    if memory_bytes is None:
        memory_bytes, memory_kind = rss_after - rss_before, "RSS growth over the load"
    report = {
        "system": peer.title,
        "version": peer.version(),
        "rows": prep["rows"],
        "prep_seconds": prep["seconds"],
        "load_seconds": load_seconds,
        "memory_bytes": memory_bytes,
        "memory_kind": memory_kind,
        "peak_rss_bytes": peak_rss_bytes(),
        "rss_before_load_bytes": rss_before,
        "rss_after_load_bytes": rss_after,
        "per_class_sample": args.per_class,
        "stopped_by_budget": stopped_by_budget,
        "timeout_ms": args.timeout_ms,
        "notes": peer.notes,
        "classes": classes,
    }
    with open(args.json, "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=2)
    print(f"{peer.title}: done{' (budget reached)' if stopped_by_budget else ''}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (InputError, OSError) as error:
        print(f"harness: {error}", file=sys.stderr)
        sys.exit(1)
