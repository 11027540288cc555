#!/usr/bin/env python3
"""Cut free-text queries of name words and digits from a canonical contacts CSV.

What an agent types in the softphone's search box to find a caller by name and part of the
number: "john 555" (1 to 3 digits), "john 5551" (4 to 6), "smith +44 20 7946 0018" (a whole
number or its last 7 or 8 digits). The queries come from every n-th row of the export, so that
each names a contact that exists.

Usage:
    scripts/cut-free-text-queries.py CSV KIND COUNT [--seed N] [--messages] > out.jsonl

KIND is one of:
    few-digits   a name and 1-3 digits of the row's number
    digits       a name and 4-6 digits of it
    number       a name and the whole number as written, or its last 7 or 8 digits

Without --messages the lines are `match-bench run --queries` input (class name_prefix, nothing
expected: only the latency is measured). With --messages they are zcc-contact-search-event
messages for `screenpop replay`, whose replies two builds can be compared by.
"""

import argparse
import csv
import json
import random
import sys


def cut(row, kind, rng):
    """One query for a row (id, first_name, last_name, phone, mobile, ...), or None."""
    given, family = row[1], row[2]
    number = row[3] or row[4]
    digits = "".join(c for c in number if c.isdigit())
    if not given or len(digits) < 8:
        return None
    if kind == "number":
        return rng.choice([f"{given} {number}", f"{number} {family}", f"{family} {digits[-7:]}", f"{given} {digits[-8:]}"])
    low, high = (1, 3) if kind == "few-digits" else (4, 6)
    length = rng.randint(low, high)
    start = rng.randint(0, len(digits) - length)
    run = digits[start:start + length]
    return rng.choice([f"{given} {run}", f"{run} {family[:3]}", f"{given} {family} {run}"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv")
    parser.add_argument("kind", choices=["few-digits", "digits", "number"])
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--messages", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.csv, newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        next(rows)
        picked = [row for index, row in enumerate(rows) if index % 997 == args.seed % 997]
    written = 0
    for row in picked:
        if written == args.count:
            break
        text = cut(row, args.kind, rng) if len(row) >= 5 else None
        if text is None:
            continue
        if args.messages:
            line = {"type": "zcc-contact-search-event", "data": {"query": text}}
        else:
            line = {"class": "name_prefix", "kind": "search", "query": text, "expected": []}
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        written += 1
    if written < args.count:
        print(f"only {written} rows gave a query", file=sys.stderr)


if __name__ == "__main__":
    main()
