"""SQLite peer (Python's sqlite3), the choice of a host that embeds SQLite.

Schema, in a database file in the work directory (page cache at its default):
- contacts(rowid, id, folded): one row per record;
- phones(e164, national, cid) with an index on e164 and one on national;
- emails(email, cid) with an index on email (addresses lower-cased at load);
- names: FTS5 table, tokenizer `trigram`, over the folded "first last" (lower-case, accents
  removed in Python: this SQLite has no `remove_diacritics` for trigram);
- digits: FTS5 table, tokenizer `trigram`, over the E.164 and national digits of the record.
Queries: phones by e164 (then the national number when the query was not written with "+"),
emails by address; names by MATCH of the OR of the query's trigrams, ORDER BY bm25 LIMIT 5
(a query under 3 characters scans contacts with instr); fragments by MATCH of the digits as one
substring. A progress handler cancels a statement at the per-query bound.
"""
import os
import sqlite3
import time

from common import fold, name_trigrams


def quoted(term):
    return '"' + term.replace('"', '""') + '"'


class Peer:
    title = "SQLite FTS5"

    def __init__(self, workdir, timeout_ms, dsn, timeout_error):
        self.path = os.path.join(workdir, "peers-sqlite.db")
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(self.path + suffix):
                os.remove(self.path + suffix)
        self.db = sqlite3.connect(self.path)
        self.timeout_s = timeout_ms / 1000.0
        self.timeout_error = timeout_error
        self.deadline = None
        self.db.set_progress_handler(self._progress, 10000)
        self.notes = ["names: trigram FTS5, OR of the query's trigrams, ORDER BY bm25; fragments: trigram MATCH on "
                      "digits; phones/emails: btree columns; memory: size of the database file (page cache at its default 2 MiB)"]

    def _progress(self):
        return 1 if self.deadline is not None and time.perf_counter() > self.deadline else 0

    def version(self):
        return sqlite3.sqlite_version

    def load(self, rows):
        db = self.db
        db.executescript("""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE contacts(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, folded TEXT NOT NULL);
            CREATE TABLE phones(e164 TEXT NOT NULL, national TEXT NOT NULL, cid INTEGER NOT NULL);
            CREATE TABLE emails(email TEXT NOT NULL, cid INTEGER NOT NULL);
            CREATE VIRTUAL TABLE names USING fts5(folded, tokenize = 'trigram');
            CREATE VIRTUAL TABLE phone_digits USING fts5(digits, tokenize = 'trigram');
        """)
        contacts, phones, emails = [], [], []
        with db:
            for rowid, row in enumerate(rows, 1):
                contacts.append((rowid, row["id"], row["folded"], " ".join(row["digits"])))
                phones.extend((e164, national, rowid) for e164, national in zip(row["e164s"], row["nationals"]))
                emails.extend((email, rowid) for email in row["emails"])
                if len(contacts) >= 50000:
                    self._insert(contacts, phones, emails)
                    contacts, phones, emails = [], [], []
            self._insert(contacts, phones, emails)
        db.executescript("""
            CREATE INDEX phones_e164 ON phones(e164);
            CREATE INDEX phones_national ON phones(national);
            CREATE INDEX emails_email ON emails(email);
            INSERT INTO names(names) VALUES('optimize');
            INSERT INTO phone_digits(phone_digits) VALUES('optimize');
            ANALYZE;
        """)

    def _insert(self, contacts, phones, emails):
        db = self.db
        db.executemany("INSERT INTO contacts(rowid, id, folded) VALUES (?, ?, ?)", [c[:3] for c in contacts])
        db.executemany("INSERT INTO names(rowid, folded) VALUES (?, ?)", [(c[0], c[2]) for c in contacts])
        db.executemany("INSERT INTO phone_digits(rowid, digits) VALUES (?, ?)", [(c[0], c[3]) for c in contacts if c[3]])
        db.executemany("INSERT INTO phones VALUES (?, ?, ?)", phones)
        db.executemany("INSERT INTO emails VALUES (?, ?)", emails)

    def _ids(self, sql, parameters):
        self.deadline = time.perf_counter() + self.timeout_s
        try:
            return [row[0] for row in self.db.execute(sql, parameters)]
        except sqlite3.OperationalError as error:
            if "interrupt" in str(error):
                raise self.timeout_error() from None
            raise
        finally:
            self.deadline = None

    def phone(self, e164, national):
        ids = []
        if e164:
            ids = self._ids("SELECT c.id FROM phones p JOIN contacts c ON c.rowid = p.cid WHERE p.e164 = ? LIMIT 5",
                            (e164,))
        if not ids and national:
            ids = self._ids("SELECT c.id FROM phones p JOIN contacts c ON c.rowid = p.cid WHERE p.national = ? "
                            "LIMIT 5", (national,))
        return ids

    def email(self, address):
        return self._ids("SELECT c.id FROM emails e JOIN contacts c ON c.rowid = e.cid WHERE e.email = ? LIMIT 5",
                         (address,))

    def fragment(self, digits):
        return self._ids("SELECT c.id FROM phone_digits d JOIN contacts c ON c.rowid = d.rowid WHERE phone_digits MATCH ? "
                         "LIMIT 5", (quoted(digits),))

    def name(self, text):
        folded = fold(text)
        grams = name_trigrams(folded)
        if not grams:
            return self._ids("SELECT id FROM contacts WHERE instr(folded, ?) > 0 LIMIT 5", (folded,))
        expression = " OR ".join(quoted(gram) for gram in grams)
        return self._ids("SELECT c.id FROM names JOIN contacts c ON c.rowid = names.rowid WHERE names MATCH ? "
                         "ORDER BY bm25(names) LIMIT 5", (expression,))

    def memory(self):
        return os.path.getsize(self.path), "database file"

    def close(self):
        self.db.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(self.path + suffix):
                os.remove(self.path + suffix)
