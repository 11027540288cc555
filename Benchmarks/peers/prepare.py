#!/usr/bin/env python3
"""Reads a CRM export once (canonical, Salesforce or HubSpot header) and writes the normalized
rows every peer loads, one JSON object a line:

  {"id", "name" (first last as stored), "folded" (lower-case, accents removed),
   "e164s", "nationals" (national significant number without leading zeros),
   "digits" (E.164 and national digits, for fragment search), "emails" (lower-cased)}

Phones are parsed by `phonenumbers` with the region of the row's country column (ISO code or
English name; US when empty or unknown). The time this takes is reported so that each peer's
load time can include it.

usage: prepare.py CONTACTS.csv OUT.jsonl STATS.json
"""
import json
import sys
import time

from common import InputError, fold, normalize_phone, read_contacts


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    source, out_path, stats_path = sys.argv[1:]
    started = time.perf_counter()
    rows = phones = unparsed = emails = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for line, ident, name, region, phone_cells, email_list in read_contacts(source):
            e164s, nationals, digits = [], [], []
            for raw in phone_cells:
                phones += 1
                normalized = normalize_phone(raw, region)
                if normalized is None:
                    unparsed += 1
                    continue
                e164, national, digit_strings = normalized
                if e164 not in e164s:
                    e164s.append(e164)
                    nationals.append(national)
                    digits.extend(d for d in digit_strings if d not in digits)
            emails += len(email_list)
            out.write(json.dumps({"id": ident, "name": name, "folded": fold(name), "e164s": e164s,
                                  "nationals": nationals, "digits": digits,
                                  "emails": list(dict.fromkeys(email_list))}, ensure_ascii=False))
            out.write("\n")
            rows += 1
    seconds = time.perf_counter() - started
    stats = {"rows": rows, "phones": phones, "phones_unparsed": unparsed, "emails": emails, "seconds": seconds}
    with open(stats_path, "w", encoding="utf-8") as handle:
        json.dump(stats, handle, indent=2)
    print(f"prepare: {rows} rows, {phones} phones ({unparsed} unparsed), {emails} emails in {seconds:.1f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (InputError, OSError, UnicodeDecodeError) as error:
        print(f"prepare: {error}", file=sys.stderr)
        sys.exit(1)
