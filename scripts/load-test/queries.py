#!/usr/bin/env python3
"""Builds the load test's requests and their right answers from a contacts CSV.

usage: queries.py CONTACTS.csv OUT.tsv [--count 20000] [--seed 1] [--region US] [--limit 10]

It samples --count rows, takes one of each row's phones that is a valid number (what a softphone
sends as caller id), and writes its E.164 form (Python phonenumbers 8.12.57, the metadata our
engine's libphonenumber has) with every record of the file that has a phone of that E.164 form:
the ids a right answer leads with. Numbers are shared in generated exports, so an answer starts
with min(limit, records) of them; below them the engine may add records whose number has the
same national number in another country (a lower score), up to the limit.

Output, one request per line: E164<TAB>expected count<TAB>national number<TAB>id,id,...
"""
import argparse
import csv
import importlib.util
import os
import random
import re
import sys

import phonenumbers

HERE = os.path.dirname(os.path.abspath(__file__))


def country_names():
    """English country names of the Salesforce generator, to ISO codes."""
    spec = importlib.util.spec_from_file_location("generator", os.path.join(HERE, "..", "generate-salesforce-csv.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {name.lower(): code for code, name in module.NAMES.items()}


ID_COLUMNS = ("id", "record id", "contact id")
PHONE_WORDS = ("phone", "mobile")
COUNTRY_COLUMNS = ("mailingcountry", "country", "region")


def columns(header):
    lower = [h.strip().lower() for h in header]
    ident = next(i for i, h in enumerate(lower) if h in ID_COLUMNS)
    phones = [i for i, h in enumerate(lower) if any(w in h for w in PHONE_WORDS)]
    country = next((i for i, h in enumerate(lower) if h in COUNTRY_COLUMNS), None)
    return ident, phones, country


def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        ident, phones, country = columns(next(reader))
        for row in reader:
            if len(row) <= ident or not row[ident]:
                continue
            yield row[ident], [row[i] for i in phones if i < len(row) and row[i].strip()], row[country].strip() if country is not None and country < len(row) else ""


def e164(raw, region, valid_only=False):
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if valid_only and not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("contacts")
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--region", default="US")
    parser.add_argument("--limit", type=int, default=10)
    options = parser.parse_args()
    names = country_names()

    def region_of(country):
        if len(country) == 2 and country.isalpha():
            return country.upper()
        return names.get(country.lower(), options.region)

    # Pass 1: a reservoir sample of rows with a phone; one phone each, in E.164.
    rng = random.Random(options.seed)
    sample = []
    seen = 0
    for ident, phones, country in rows(options.contacts):
        if not phones:
            continue
        seen += 1
        if len(sample) < options.count:
            sample.append((phones, country))
        else:
            slot = rng.randrange(seen)
            if slot < options.count:
                sample[slot] = (phones, country)
    queries = []
    for phones, country in sample:
        rng.shuffle(phones)
        number = next(filter(None, (e164(raw, region_of(country), valid_only=True) for raw in phones)), None)
        if number:
            queries.append(number)
    targets = {number: set() for number in queries}
    # The last 6 digits of every target: a stored phone can only match when its digits end with
    # them (national forms may differ before that: Argentina's "15" for its mobile "9", trunk
    # prefixes), so only those phones are parsed.
    tails = {str(phonenumbers.parse(number).national_number)[-6:] for number in targets}

    # Pass 2: every record whose phone has a target's E.164 form.
    digits_only = re.compile(r"\D")
    for ident, phones, country in rows(options.contacts):
        for raw in phones:
            if digits_only.sub("", raw)[-6:] in tails:
                number = e164(raw, region_of(country))
                if number in targets:
                    targets[number].add(ident)

    rng.shuffle(queries)
    with open(options.out, "w") as out:
        for number in queries:
            ids = sorted(targets[number])
            national = str(phonenumbers.parse(number).national_number)
            out.write("%s\t%d\t%s\t%s\n" % (number, min(options.limit, len(ids)), national, ",".join(ids)))
    shared = sum(1 for number in queries if len(targets[number]) > 1)
    print("queries: %d from %d rows with phones; %d numbers shared by several records" % (len(queries), seen, shared), file=sys.stderr)


if __name__ == "__main__":
    main()
