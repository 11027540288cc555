#!/usr/bin/env python3
"""Interim generator of a Salesforce-style contact export for the load benchmark (until
`match-bench generate` exists). Deterministic for a seed.

usage: scripts/generate-salesforce-csv.py ROWS OUT.csv [SEED]

Phones (1-3 per row) come from libphonenumber's example numbers for each region of the phone
table, with the last four digits randomized, written national, international, E.164 or with the
US IDD prefix, punctuated as libphonenumber formats them. Country: ISO code or English name.
"""
import random
import sys
import unicodedata

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

REGIONS = [("US", 40), ("CA", 5), ("GB", 10), ("DE", 8), ("FR", 6), ("IT", 4), ("ES", 4), ("MX", 4), ("BR", 3),
           ("IN", 3), ("AU", 3), ("JP", 3), ("AR", 2), ("CN", 2), ("RU", 2), ("NL", 1)]
NAMES = {"US": "United States", "CA": "Canada", "GB": "United Kingdom", "DE": "Germany", "FR": "France", "IT": "Italy",
         "ES": "Spain", "MX": "Mexico", "BR": "Brazil", "IN": "India", "AU": "Australia", "JP": "Japan", "AR": "Argentina",
         "CN": "China", "RU": "Russia", "NL": "Netherlands"}
FIRST = ["Ana", "John", "Mary", "Hans", "Marie", "Luca", "Sofia", "Wei", "Yuki", "Olga", "Raj", "Emma", "Noah", "Liam",
         "Mia", "Lucas", "Chloé", "José", "Zoë", "Jürgen", "Siobhan", "Priya", "Mateo", "Isabella", "Ethan", "Aarav"]
LAST = ["Smith", "Müller", "García", "Rossi", "Dubois", "Wang", "Sato", "Ivanova", "Patel", "Johnson", "Brown",
        "Silva", "López", "Martin", "Bernard", "Schmidt", "Novak", "O'Brien", "Kowalski", "Nguyen", "Kim", "Costa"]


def templates(region):
    out = []
    for kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE):
        number = phonenumbers.example_number_for_type(region, kind)
        if number is None:
            continue
        out.append(phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL))
        out.append(phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL))
        out.append(phonenumbers.format_number(number, PhoneNumberFormat.E164))
        out.append(phonenumbers.format_out_of_country_calling_number(number, "US"))
    return out


def randomize(template, rng):
    chars = list(template)
    changed = 0
    for i in range(len(chars) - 1, -1, -1):
        if chars[i].isdigit():
            chars[i] = str(rng.randrange(10))
            changed += 1
            if changed == 4:
                break
    return "".join(chars)


def quote(value):
    if any(c in value for c in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def main():
    rows = int(sys.argv[1])
    path = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    pool = {region: templates(region) for region, _ in REGIONS}
    regions = [r for r, _ in REGIONS]
    weights = [w for _, w in REGIONS]
    header = ["Id", "FirstName", "LastName", "Phone", "MobilePhone", "OtherPhone", "Email", "Account.Name",
              "MailingCountry", "Title", "CreatedDate", "LastModifiedDate"]
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(header) + "\r\n")
        for row in range(rows):
            region = rng.choices(regions, weights)[0]
            first, last = rng.choice(FIRST), rng.choice(LAST)
            count = rng.choice((1, 1, 2, 2, 3))
            phones = [randomize(rng.choice(pool[region]), rng) for _ in range(count)] + ["", "", ""]
            ident = "003%015d" % (row * 7919 % 10**15)
            email = f"{first.lower()}.{last.lower()}{row}@example{row % 97}.com".replace("'", "")
            email = unicodedata.normalize("NFKD", email).encode("ascii", "ignore").decode()
            country = region if rng.random() < 0.5 else NAMES[region]
            created = "20%02d-%02d-%02dT%02d:%02d:%02d.000+0000" % (rng.randrange(15, 25), rng.randrange(1, 13), rng.randrange(1, 29), rng.randrange(24), rng.randrange(60), rng.randrange(60))
            fields = [ident, first, last, phones[0], phones[1], phones[2], email, f"{last} & Co, Ltd", country,
                      rng.choice(["VP Sales", "Engineer", "Manager", ""]), created, created]
            out.write(",".join(quote(f) for f in fields) + "\r\n")


if __name__ == "__main__":
    main()
