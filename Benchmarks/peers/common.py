"""Shared pieces of the peers comparison: reading a CRM export by its header, normalizing phones
(libphonenumber's Python port), emails and names the same way for every peer, reading the labeled
queries, and the per-class figures (recall@1, recall@5, p50/p99 latency) every peer reports.

Every peer gets the same prepared rows (see prepare.py) and the same query routing (`route`), so
the systems differ only in how they index and search.
"""
import csv
import json
import re
import resource
import statistics
import sys
import unicodedata

import phonenumbers
import pycountry
from phonenumbers.geodata.locale import LOCALE_DATA

DEFAULT_REGION = "US"

# Query classes in the order the table shows them.
CLASSES = [
    "phone_e164", "phone_national", "phone_unknown",
    "email_exact", "email_mixed_case", "email_unknown",
    "phone_fragment",
    "name_exact", "name_folded", "name_typo1", "name_typo2", "name_swapped", "name_prefix",
    "name_nickname", "name_transliterated", "name_unknown",
]


class InputError(Exception):
    """Bad input: which file, which line, why."""


# ---------------------------------------------------------------- header detection

def folded_header(header):
    """A header reduced to lower-case letters and digits ("Mailing Country" -> "mailingcountry")."""
    return "".join(ch for ch in header.lower() if ch.isalnum())


ID_KEYS = {"id", "recordid", "contactid", "leadid"}
FIRST_KEYS = {"firstname", "givenname", "first"}
LAST_KEYS = {"lastname", "familyname", "surname", "last"}
NAME_KEYS = {"name", "fullname", "displayname"}
PHONE_KEYS = {"phone", "mobile", "mobilephone", "otherphone", "phonenumber", "mobilephonenumber", "homephone",
              "workphone"}
EMAIL_KEYS = {"email", "additionalemailaddresses", "emailaddress"}
COUNTRY_KEYS = {"country", "countryregion", "mailingcountry", "mailingcountrycode", "countrycode"}


def map_header(header):
    """Column indexes for id, first, last, name, phones, emails and country, from a header row
    (canonical, Salesforce or HubSpot; matched blind to case and punctuation)."""
    keys = [folded_header(h) for h in header]
    columns = {"id": None, "first": None, "last": None, "name": None, "phones": [], "emails": [], "country": None}
    for index, key in enumerate(keys):
        if key in ID_KEYS and columns["id"] is None:
            columns["id"] = index
        elif key in FIRST_KEYS:
            columns["first"] = index
        elif key in LAST_KEYS:
            columns["last"] = index
        elif key in NAME_KEYS:
            columns["name"] = index
        elif key in PHONE_KEYS:
            columns["phones"].append(index)
        elif key in EMAIL_KEYS:
            columns["emails"].append(index)
        elif key in COUNTRY_KEYS and columns["country"] is None:
            columns["country"] = index
    if columns["id"] is None:
        raise InputError(f"no id column in header {header!r}")
    if columns["first"] is None and columns["last"] is None and columns["name"] is None:
        raise InputError(f"no name column in header {header!r}")
    return columns


# ---------------------------------------------------------------- countries

def _country_names():
    table = {}
    for region, names in LOCALE_DATA.items():
        name = names.get("en", "")
        if name.startswith("*"):
            name = names.get(name[1:], "")
        if name:
            table[name.lower()] = region
    # Short forms neither library spells (pycountry knows "USA" as an alpha-3 code).
    for alias, region in {"uk": "GB", "great britain": "GB", "england": "GB", "korea": "KR", "uae": "AE",
                          "holland": "NL"}.items():
        table.setdefault(alias, region)
    return table


COUNTRY_NAMES = _country_names()
SUPPORTED = set(phonenumbers.SUPPORTED_REGIONS)


def region_for(country):
    """The region for phone parsing from a country cell: ISO 3166 alpha-2 or alpha-3 code or an
    English name (pycountry's names, then libphonenumber's), else US."""
    value = country.strip()
    if not value:
        return DEFAULT_REGION
    key = value.lower()
    if key not in _REGION_CACHE:
        region = COUNTRY_NAMES.get(key)
        if region is None:
            try:
                region = pycountry.countries.lookup(value).alpha_2
            except LookupError:
                region = DEFAULT_REGION
        _REGION_CACHE[key] = region if region in SUPPORTED else DEFAULT_REGION
    return _REGION_CACHE[key]


_REGION_CACHE = {}


# ---------------------------------------------------------------- normalization

def fold(text):
    """Lower-case, accents removed (NFKD, combining marks dropped), spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def national_key(digits):
    """The key of the national-number fallback: national digits without leading zeros."""
    return digits.lstrip("0")


def normalize_phone(raw, region):
    """(E.164, national key, digit strings for fragment search) of a phone cell, or None when
    libphonenumber cannot parse it. A number that is not possible in the row's region is tried
    once more in the default region (a US-dialled "011 44 ..." in a British row)."""
    number = None
    for candidate in dict.fromkeys((region, DEFAULT_REGION)):
        try:
            parsed = phonenumbers.parse(raw, candidate)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(parsed):
            number = parsed
            break
    if number is None:
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    nsn = phonenumbers.national_significant_number(number)
    national = re.sub(r"\D", "", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
    digits = sorted({e164[1:], national})
    return e164, national_key(nsn), digits


def split_emails(cell):
    """The addresses of an email cell (HubSpot's additional addresses are split at ';' or ',')."""
    return [part.strip().lower() for part in re.split(r"[;,]", cell) if "@" in part]


def read_contacts(path):
    """Yields (line, id, display name, region, phone cells, emails) for each row of a CSV export."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            raise InputError(f"{path}: empty file") from None
        columns = map_header(header)
        for row in reader:
            line = reader.line_num
            if not row or all(not cell.strip() for cell in row):
                continue

            def cell(index):
                return row[index].strip() if index is not None and index < len(row) else ""

            ident = cell(columns["id"])
            if not ident:
                print(f"{path}:{line}: row without id skipped", file=sys.stderr)
                continue
            name = " ".join(part for part in (cell(columns["first"]), cell(columns["last"])) if part)
            if not name:
                name = cell(columns["name"])
            phones = [cell(index) for index in columns["phones"] if cell(index)]
            emails = [email for index in columns["emails"] for email in split_emails(cell(index))]
            yield line, ident, name, region_for(cell(columns["country"])), phones, emails


# ---------------------------------------------------------------- prepared rows

def read_prepared(path):
    """The rows prepare.py wrote: dicts with id, name, folded, e164s, nationals, digits, emails."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


# ---------------------------------------------------------------- queries

def read_queries(path):
    """The labeled queries, one JSON object a line: class, kind, query, expected."""
    queries = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                queries.append({"class": str(item["class"]), "kind": str(item["kind"]), "query": str(item["query"]),
                                "expected": [str(x) for x in item.get("expected", [])]})
            except (ValueError, KeyError, TypeError) as error:
                raise InputError(f"{path}:{number}: not a labeled query ({error})") from None
            if queries[-1]["kind"] not in ("phone", "email", "search"):
                raise InputError(f"{path}:{number}: unknown kind {queries[-1]['kind']!r}")
    return queries


FRAGMENT = re.compile(r"[\d\s().+\-]+")


def route(kind, text):
    """What a peer is asked to do with a query, decided from the kind and the text alone (never
    the class label): ("phone", e164 or None, national key), ("email", address),
    ("fragment", digits) or ("name", text)."""
    if kind == "phone":
        try:
            number = phonenumbers.parse(text, DEFAULT_REGION)
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        except phonenumbers.NumberParseException:
            e164 = None
        if text.strip().startswith("+"):
            return ("phone", e164, None)
        digits = re.sub(r"\D", "", re.split(r"[^\d\s().\-/]", text.strip(), maxsplit=1)[0])
        return ("phone", e164, national_key(digits) or None)
    if kind == "email":
        return ("email", text.strip().lower())
    digits = re.sub(r"\D", "", text)
    if FRAGMENT.fullmatch(text.strip()) and len(digits) >= 4:
        return ("fragment", digits)
    return ("name", text)


def name_trigrams(text):
    """The distinct trigrams of a folded text (spaces included, as SQLite's trigram tokenizer
    sees them)."""
    return sorted({text[i:i + 3] for i in range(len(text) - 2)})


# ---------------------------------------------------------------- figures

def percentile(values, fraction):
    """The inclusive quantile of a list of latencies (statistics.quantiles, 1000 cut points)."""
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    cuts = statistics.quantiles(values, n=1000, method="inclusive")
    return cuts[max(0, min(len(cuts) - 1, round(fraction * 1000) - 1))]


def rss_bytes():
    """Current resident set size of this process (VmRSS in /proc/self/status)."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def peak_rss_bytes():
    """Peak resident set size of this process (Linux reports kibibytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
