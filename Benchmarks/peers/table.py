#!/usr/bin/env python3
"""Prints the one comparison table from the per-system JSON files, and writes it as Markdown.

usage: table.py [--markdown OUT.md] [--contacts CSV] [--queries Q.jsonl] SYSTEM.json ...

Rows are the query classes, then load time and memory; for each system the columns are recall@1,
recall@5, p50 and p99 latency. Peers' files come from harness.py; our engine's from
`match-bench run --json` (read by `engine_report`).
"""
import argparse
import datetime
import json
import os
import platform
import sys

from common import CLASSES


def engine_report(data):
    """Our engine's figures in the harness's shape, from `match-bench run --json` (BenchReport in
    Sources/match-bench: classes[] with queryClass, queries, samples, p50Micros, p99Micros,
    recallAt1, recallAt5, anyResultRate; loadSeconds; peakResidentBytes)."""
    classes = {}
    for item in data["classes"]:
        labeled = item.get("recallAt1") is not None
        any_result = item.get("anyResultRate")
        classes[item["queryClass"]] = {
            "queries": item["queries"],
            "queries_in_file": item["queries"],
            "labeled": labeled,
            "recall_at_1": item.get("recallAt1"),
            "recall_at_5": item.get("recallAt5"),
            "empty_rate": None if any_result is None else 1.0 - any_result,
            "p50_us": item["p50Micros"],
            "p99_us": item["p99Micros"],
            "timeouts": 0,
        }
    notes = [f"match-bench run ({data.get('buildMode', '?')} build): latency measured in-process around the "
             f"look-up call (HdrHistogram), rounds: {data.get('rounds', 1)}, after a warm-up; load: CSV parse, "
             "normalization and indexes"]
    return {"system": "our engine", "version": "", "load_seconds": data["loadSeconds"], "prep_seconds": 0.0,
            "memory_bytes": data["residentBytesAfterLoad"] - data["residentBytesBeforeLoad"],
            "memory_kind": "RSS growth over the load", "peak_rss_bytes": data["peakResidentBytes"], "per_class_sample": 0,
            "stopped_by_budget": False, "notes": notes, "classes": classes, "rows": data.get("contactsLoaded")}


def load_report(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if "system" in data and "prep_seconds" in data:
        return data
    return engine_report(data)


def latency(value):
    if value is None:
        return "—"
    if value < 1000:
        return f"{value:.0f}µs"
    if value < 10_000:
        return f"{value / 1000:.1f}ms"
    if value < 1_000_000:
        return f"{value / 1000:.0f}ms"
    return f"{value / 1_000_000:.1f}s"


def share(value):
    return "—" if value is None else f"{value:.2f}"


def cells_for(report, name):
    """recall@1, recall@5, p50, p99 of one class, as text."""
    item = report["classes"].get(name)
    if not item or not item.get("queries"):
        return ["—"] * 4
    if item.get("labeled"):
        first_cells = [share(item.get("recall_at_1")), share(item.get("recall_at_5"))]
    else:
        empty = item.get("empty_rate")
        first_cells = ["∅" + share(empty) if empty is not None else "—", ""]
    return first_cells + [latency(item.get("p50_us")), latency(item.get("p99_us"))]


def mib(value):
    return "—" if value is None else f"{value / 2**20:,.0f} MiB"


def build(reports):
    header = ["class"]
    for report in reports:
        header += [f"{report['system']} r@1", "r@5", "p50", "p99"]
    rows = []
    names = [n for n in CLASSES if any(n in r["classes"] for r in reports)]
    names += sorted({n for r in reports for n in r["classes"]} - set(CLASSES))
    for name in names:
        row = [name]
        for report in reports:
            row += cells_for(report, name)
        rows.append(row)
    load_row, memory_row = ["load (prep + ingest)"], ["memory"]
    for report in reports:
        load = report.get("load_seconds")
        prep = report.get("prep_seconds") or 0.0
        if load is None:
            text = "—"
        elif prep:
            text = f"{prep:.0f}+{load:.0f} s"
        else:
            text = f"{load:.1f} s"
        load_row += [text, "", "", ""]
        kind = report.get("memory_kind") or ""
        kind = "rel+idx" if "relation" in kind else "file" if "file" in kind else "RSS"
        memory_row += [f"{mib(report.get('memory_bytes'))} {kind}", "", "", ""]
    rows += [load_row, memory_row]
    return header, rows


def notes(reports, contacts, queries):
    lines = []
    for report in reports:
        sample = report.get("per_class_sample") or 0
        counts = [item.get("queries") for item in report["classes"].values() if item.get("queries")]
        span = f"{min(counts)}–{max(counts)}" if counts and min(counts) != max(counts) else (str(counts[0]) if counts else "0")
        what = f"{span} queries per class" + (f" (seeded sample of at most {sample})" if sample else "")
        if report.get("stopped_by_budget"):
            what += ", stopped by the time budget"
        timeouts = sum(item.get("timeouts") or 0 for item in report["classes"].values())
        if timeouts:
            what += f", {timeouts} over the per-query bound (counted as misses)"
        if report.get("peak_rss_bytes"):
            what += f", peak RSS {report['peak_rss_bytes'] / 2**20:,.0f} MiB"
        version = f" {report['version']}" if report.get("version") else ""
        lines.append(f"- {report['system']}{version}: {what}. " + "; ".join(report.get("notes") or []) + ".")
    return lines


def render_text(header, rows):
    systems = (len(header) - 1) // 4
    second = [header[0]] + ["r@1", "r@5", "p50", "p99"] * systems
    widths = [max(len(str(r[i])) for r in [second] + rows) for i in range(len(header))]
    top = " " * widths[0]
    for s in range(systems):
        span = sum(widths[1 + 4 * s:5 + 4 * s]) + 3 * 2
        title = header[1 + 4 * s].rsplit(" ", 1)[0]
        top += " | " + title.center(span)
    lines = [top]
    def line(cells):
        parts = [str(cells[0]).ljust(widths[0])]
        for s in range(systems):
            block = [str(c).rjust(widths[1 + 4 * s + k]) for k, c in enumerate(cells[1 + 4 * s:5 + 4 * s])]
            parts.append("  ".join(block))
        return " | ".join(parts)
    lines.append(line(second))
    lines.append("-" * len(lines[-1]))
    lines += [line(r) for r in rows]
    return "\n".join(lines)


def render_markdown(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join([":---"] + ["---:"] * (len(header) - 1)) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def machine():
    cores = os.cpu_count()
    memory = ""
    try:
        with open("/proc/meminfo") as handle:
            kib = int(handle.readline().split()[1])
            memory = f", {kib / 2**20:.0f} GiB"
    except OSError:
        pass
    distro = ""
    try:
        with open("/etc/os-release") as handle:
            for line in handle:
                if line.startswith("PRETTY_NAME="):
                    distro = ", " + line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    load = os.getloadavg()[0]
    return f"{cores} cores{memory}{distro}, {platform.machine()}, load average {load:.1f} at the end"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--markdown")
    parser.add_argument("--contacts", default="")
    parser.add_argument("--queries", default="")
    parser.add_argument("reports", nargs="+")
    args = parser.parse_args()
    reports = [load_report(path) for path in args.reports]
    header, rows = build(reports)
    rows_count = next((r.get("rows") for r in reports if r.get("rows")), None)
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    legend = ("r@1/r@5: share of labeled queries with an expected id in the first 1/5 results; "
              "∅: for the *_unknown classes, the share of queries answered with no result (higher is better); "
              "p50/p99: latency per query measured by the caller; load: peers' shared phonenumbers "
              "normalization in Python + the system's own ingest and index build; memory: growth of the "
              "process's resident memory over the load (RSS), the database file (SQLite), or the relations "
              "with their indexes (PostgreSQL); every system's peak RSS is in the notes.")
    context = (f"{rows_count:,} contacts" if rows_count else "") + \
              (f" from {os.path.basename(args.contacts)}" if args.contacts else "") + \
              (f", queries {os.path.basename(args.queries)}" if args.queries else "")
    print(render_text(header, rows))
    print()
    print(f"{context}; {when}; {machine()}")
    for line in notes(reports, args.contacts, args.queries):
        print(line)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write(f"{context}; {when}; {machine()}.\n\n")
            handle.write(render_markdown(header, rows) + "\n\n")
            handle.write(legend + "\n\n")
            handle.write("\n".join(notes(reports, args.contacts, args.queries)) + "\n")
        print(f"\nwrote {args.markdown}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
