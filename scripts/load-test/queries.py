#!/usr/bin/env python3
"""Builds the load test's requests and their right answers from a contacts CSV.

usage: queries.py CONTACTS.csv OUT.tsv [--count 20000] [--seed 1] [--region US] [--limit 10]

It samples --count rows, takes one of each row's phones, and writes its E.164 form (Python
phonenumbers 8.12.57, the metadata our engine's libphonenumber has) with every record of the file
that has a phone of that E.164 form: the ids a right answer may hold. Numbers are shared in
generated exports, so an answer holds min(limit, records) of them.

Output, one request per line: E164<TAB>expected count<TAB>id,id,...
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


def e164(raw, region):
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
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
        number = e164(rng.choice(phones), region_of(country))
        if number:
            queries.append(number)
    targets = {number: set() for number in queries}
    # Every target's national significant number, by length: a stored phone can only match when
    # its digits end with one (national, international, E.164 and IDD forms all do).
    suffixes = {}
    for number in targets:
        national = str(phonenumbers.parse(number).national_number)
        suffixes.setdefault(len(national), set()).add(national)

    # Pass 2: every record whose phone has a target's E.164 form.
    digits_only = re.compile(r"\D")
    for ident, phones, country in rows(options.contacts):
        for raw in phones:
            digits = digits_only.sub("", raw)
            if any(digits[-length:] in values for length, values in suffixes.items()):
                number = e164(raw, region_of(country))
                if number in targets:
                    targets[number].add(ident)

    rng.shuffle(queries)
    with open(options.out, "w") as out:
        for number in queries:
            ids = sorted(targets[number])
            out.write("%s\t%d\t%s\n" % (number, min(options.limit, len(ids)), ",".join(ids)))
    shared = sum(1 for number in queries if len(targets[number]) > 1)
    print("queries: %d from %d rows with phones; %d numbers shared by several records" % (len(queries), seen, shared), file=sys.stderr)


if __name__ == "__main__":
    main()
