#!/usr/bin/env python3
"""Expected values for the phone normalization table test, from Python `phonenumbers`.

The pinned version (8.12.57) carries the same metadata as Debian's C++ libphonenumber 8.12.57,
which the package links. The Swift test (PhoneNormalizerTests) reads the JSON this writes.

    python3 scripts/phone_table.py           # rewrite Tests/ContactIndexTests/Fixtures/phone-cases.json
    python3 scripts/phone_table.py --check   # fail if the JSON differs from what phonenumbers says
"""
import json
import subprocess
import sys
from pathlib import Path

PINNED = "8.12.57"
try:
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneNumberType
except ImportError:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", f"phonenumbers=={PINNED}"])
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneNumberType

if phonenumbers.__version__ != PINNED:
    sys.exit(f"phonenumbers {phonenumbers.__version__} installed; the table needs {PINNED}")

# (input text, default region)
CASES = [
    # United States and Canada: national, punctuated, with country code, IDD from elsewhere, extensions, vanity
    ("(650) 555-1234", "US"), ("650.555.1234 x12", "US"), ("650-253-0000 ext. 4567", "US"),
    ("+1 650 253 0000", "US"), ("1 (650) 253-0000", "US"), ("011 1 650 253 0000", "GB"),
    ("1-800-FLOWERS", "US"), ("800 GOT JUNK", "US"), ("+1 416 555 0123", "CA"), ("(604) 555-0199", "CA"),
    ("555-1234", "US"), ("+1 212 555 0100;ext=9", "US"),
    # United Kingdom: trunk 0, IDD 00 and 011
    ("020 7946 0958", "GB"), ("07700 900123", "GB"), ("+44 20 7946 0958", "US"), ("00 44 20 7946 0958", "DE"),
    ("011 44 20 7946 0958", "US"), ("+44 (0)20 7946 0958", "US"), ("0800 123 4567", "GB"),
    # Germany
    ("030 1234567", "DE"), ("0151 23456789", "DE"), ("+49 30 7654321", "US"), ("0049 89 12345678", "AT"),
    ("089 12345678-22", "DE"),
    # France
    ("01 42 68 53 00", "FR"), ("06 12 34 56 78", "FR"), ("+33 1 42 68 53 00", "US"), ("00 33 6 12 34 56 78", "BE"),
    # Italy: the leading zero is part of the number
    ("06 6982 1234", "IT"), ("347 123 4567", "IT"), ("+39 06 6982 1234", "US"), ("0039 02 1234 5678", "CH"),
    # Argentina: mobile 9 and the 15 prefix
    ("011 4321-1234", "AR"), ("011 15-2345-6789", "AR"), ("+54 9 11 2345 6789", "US"), ("+54 11 4321 1234", "US"),
    # Mexico
    ("55 1234 5678", "MX"), ("+52 1 55 1234 5678", "US"), ("+52 55 1234 5678", "US"),
    # Brazil: the ninth digit
    ("(11) 3456-7890", "BR"), ("(11) 98765-4321", "BR"), ("+55 11 98765 4321", "US"), ("0 21 11 98765-4321", "BR"),
    # India
    ("011 2345 6789", "IN"), ("098765 43210", "IN"), ("+91 98765 43210", "US"),
    # Japan
    ("03-1234-5678", "JP"), ("090-1234-5678", "JP"), ("+81 3 1234 5678", "US"), ("010 81 90 1234 5678", "JP"),
    # Australia
    ("(02) 9876 5432", "AU"), ("0412 345 678", "AU"), ("+61 412 345 678", "US"), ("0011 61 2 9876 5432", "AU"),
    # Russia: trunk 8, IDD 810
    ("+7 495 123-45-67", "US"), ("8 (912) 345-67-89", "RU"), ("8 10 44 20 7946 0958", "RU"),
    # China
    ("010 1234 5678", "CN"), ("138 0013 8000", "CN"), ("+86 10 1234 5678", "US"), ("00 86 138 0013 8000", "HK"),
    # Spain
    ("912 345 678", "ES"), ("612 345 678", "ES"), ("+34 912 345 678", "US"), ("00 34 612 34 56 78", "FR"),
    # Ireland, Saudi Arabia, Greece, South Africa, Netherlands
    ("+353 1 234 5678", "US"), ("050 123 4567", "SA"), ("210 123 4567", "GR"), ("082 123 4567", "ZA"),
    ("020 123 4567", "NL"),
    # Invalid and empty input
    ("", "US"), ("   ", "US"), ("abc", "US"), ("call me maybe", "US"), ("+999 1234 5678", "US"),
    ("12", "US"), ("+1 650 253 0000 0000 0000 0000", "US"), ("00 1", "DE"), ("+44 20 7946 095", "US"),
    ("+1 123 456 7890", "US"), ("1234567", None),
]

TYPES = {
    PhoneNumberType.FIXED_LINE: "fixed_line", PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile", PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate", PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip", PhoneNumberType.PERSONAL_NUMBER: "personal_number",
    PhoneNumberType.PAGER: "pager", PhoneNumberType.UAN: "uan", PhoneNumberType.VOICEMAIL: "voicemail",
    PhoneNumberType.UNKNOWN: "unknown",
}
ERRORS = {
    NumberParseException.INVALID_COUNTRY_CODE: "invalid_country_code",
    NumberParseException.NOT_A_NUMBER: "not_a_number",
    NumberParseException.TOO_SHORT_AFTER_IDD: "too_short_after_idd",
    NumberParseException.TOO_SHORT_NSN: "too_short",
    NumberParseException.TOO_LONG: "too_long",
}


def expected(text, region):
    case = {"input": text, "region": region}
    if text.strip() == "":
        case["error"] = "empty"  # the normalizer answers before parsing
        return case
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException as error:
        case["error"] = ERRORS[error.error_type]
        return case
    case["e164"] = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    case["countryCode"] = number.country_code
    case["nationalNumber"] = phonenumbers.national_significant_number(number)
    case["extension"] = number.extension
    case["valid"] = phonenumbers.is_valid_number(number)
    case["type"] = TYPES[phonenumbers.number_type(number)]
    case["numberRegion"] = phonenumbers.region_code_for_number(number)
    return case


def main():
    path = Path(__file__).resolve().parent.parent / "Tests/ContactIndexTests/Fixtures/phone-cases.json"
    table = [expected(text, region) for text, region in CASES]
    text = json.dumps(table, ensure_ascii=False, indent=1) + "\n"
    if "--check" in sys.argv:
        if path.read_text(encoding="utf-8") != text:
            sys.exit(f"{path} differs from phonenumbers {PINNED}: rerun without --check")
        print(f"{len(table)} cases agree with phonenumbers {PINNED}")
        return
    path.write_text(text, encoding="utf-8")
    regions = {c["region"] for c in table if c["region"]}
    print(f"wrote {len(table)} cases, {len(regions)} default regions, to {path}")


if __name__ == "__main__":
    main()
