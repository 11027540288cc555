"""RapidFuzz peer: what a host writes with a fuzzy-string library and plain dicts.

- phones: dict from E.164 (phonenumbers, region of the row) to ids; when the query has no E.164
  hit and was not written with "+", a second dict keyed by the national number;
- emails: dict from the lower-cased address to ids;
- names: `rapidfuzz.process.extract(query, names, scorer=fuzz.WRatio, limit=5)` over the folded
  "first last" of every row (WRatio mixes plain, partial and token-sorted ratios, so swapped names
  score high); no score cutoff, so it always returns five names;
- phone fragments: a linear scan of the digit strings with Python's `in`.
The scan is O(rows) per query (about a second at 1M rows), so the runner samples a bounded number
of queries per class for this peer.
"""
import rapidfuzz
from rapidfuzz import fuzz, process

from common import fold


class Peer:
    title = "RapidFuzz"

    def __init__(self, workdir, timeout_ms, dsn, timeout_error):
        self.notes = ["names: process.extract, scorer=WRatio, limit=5, no cutoff; phones/emails: dicts; "
                      "fragments: linear substring scan; not interruptible, a query over the bound counts as a miss"]

    def version(self):
        return rapidfuzz.__version__

    def load(self, rows):
        self.ids, self.names, self.digits = [], [], []
        self.by_e164, self.by_national, self.by_email = {}, {}, {}
        for row in rows:
            index = len(self.ids)
            self.ids.append(row["id"])
            self.names.append(row["folded"])
            self.digits.append(" ".join(row["digits"]))
            for e164 in row["e164s"]:
                self.by_e164.setdefault(e164, []).append(index)
            for national in row["nationals"]:
                self.by_national.setdefault(national, []).append(index)
            for email in row["emails"]:
                self.by_email.setdefault(email, []).append(index)

    def phone(self, e164, national):
        hits = self.by_e164.get(e164, []) if e164 else []
        if not hits and national:
            hits = self.by_national.get(national, [])
        return [self.ids[i] for i in hits[:5]]

    def email(self, address):
        return [self.ids[i] for i in self.by_email.get(address, [])[:5]]

    def fragment(self, digits):
        out = []
        for index, text in enumerate(self.digits):
            if digits in text:
                out.append(self.ids[index])
                if len(out) == 5:
                    break
        return out

    def name(self, text):
        matches = process.extract(fold(text), self.names, scorer=fuzz.WRatio, limit=5, processor=None)
        return [self.ids[index] for _, _, index in matches]

    def memory(self):
        return None, None

    def close(self):
        pass
