"""PostgreSQL peer: a server that run.sh starts on 127.0.0.1 (Debian's postgresql-15), reached
with psycopg 3 over TCP.

Schema (loaded with COPY, indexes built after, then ANALYZE):
- contacts(cid, id, name, digits) with a pg_trgm GIN index on f_unaccent(lower(name)), where
  f_unaccent is an IMMUTABLE SQL wrapper of unaccent('unaccent', ...) (unaccent itself is only
  STABLE and cannot be indexed), and a pg_trgm GIN index on digits (E.164 and national digits);
- phones(e164, national, cid) with btree indexes on e164 and national;
- emails(email, cid) with a btree index on email (lower-cased at load).
Queries: phones by e164 (then national when the query was not written with "+"), emails by
address; names by `f_unaccent(lower(name)) % f_unaccent(lower(q))` ORDER BY similarity DESC LIMIT
5 (pg_trgm's default similarity threshold 0.3); fragments by `digits LIKE '%1234%'` (the trigram
index serves it). statement_timeout is the per-query bound. Memory: the total size of the three
relations with their indexes (pg_total_relation_size), the server's own RSS is not counted.
"""
import psycopg


class Peer:
    title = "PostgreSQL"

    def __init__(self, workdir, timeout_ms, dsn, timeout_error):
        self.timeout_error = timeout_error
        self.timeout_ms = timeout_ms
        self.db = psycopg.connect(dsn, autocommit=True)
        self.notes = ["names: pg_trgm GIN on f_unaccent(lower(name)), %, ORDER BY similarity; fragments: LIKE on a "
                      "trigram-indexed digits column; phones/emails: btree; memory: relations + indexes"]

    def version(self):
        return self.db.execute("SHOW server_version").fetchone()[0]

    def load(self, rows):
        db = self.db
        db.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        db.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        db.execute("CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
                   "STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$")
        db.execute("DROP TABLE IF EXISTS contacts, phones, emails")
        db.execute("CREATE TABLE contacts(cid integer PRIMARY KEY, id text NOT NULL, name text NOT NULL, digits text)")
        db.execute("CREATE TABLE phones(e164 text NOT NULL, national text NOT NULL, cid integer NOT NULL)")
        db.execute("CREATE TABLE emails(email text NOT NULL, cid integer NOT NULL)")
        phones, emails = [], []
        with db.transaction():
            with db.cursor().copy("COPY contacts(cid, id, name, digits) FROM STDIN") as copy:
                for cid, row in enumerate(rows, 1):
                    copy.write_row((cid, row["id"], row["name"], " ".join(row["digits"])))
                    phones.extend((e164, national, cid) for e164, national in zip(row["e164s"], row["nationals"]))
                    emails.extend((email, cid) for email in row["emails"])
            with db.cursor().copy("COPY phones FROM STDIN") as copy:
                for item in phones:
                    copy.write_row(item)
            with db.cursor().copy("COPY emails FROM STDIN") as copy:
                for item in emails:
                    copy.write_row(item)
        del phones, emails
        db.execute("SET maintenance_work_mem = '1GB'")
        db.execute("CREATE INDEX contacts_name_trgm ON contacts USING gin (f_unaccent(lower(name)) gin_trgm_ops)")
        db.execute("CREATE INDEX contacts_digits_trgm ON contacts USING gin (digits gin_trgm_ops)")
        db.execute("CREATE INDEX phones_e164 ON phones(e164)")
        db.execute("CREATE INDEX phones_national ON phones(national)")
        db.execute("CREATE INDEX emails_email ON emails(email)")
        db.execute("ANALYZE contacts, phones, emails")
        db.execute(f"SET statement_timeout = {int(self.timeout_ms)}")

    def _ids(self, sql, parameters):
        try:
            return [row[0] for row in self.db.execute(sql, parameters, prepare=True)]
        except psycopg.errors.QueryCanceled:
            raise self.timeout_error() from None

    def phone(self, e164, national):
        ids = []
        if e164:
            ids = self._ids("SELECT c.id FROM phones p JOIN contacts c USING (cid) WHERE p.e164 = %s LIMIT 5", (e164,))
        if not ids and national:
            ids = self._ids("SELECT c.id FROM phones p JOIN contacts c USING (cid) WHERE p.national = %s LIMIT 5",
                            (national,))
        return ids

    def email(self, address):
        return self._ids("SELECT c.id FROM emails e JOIN contacts c USING (cid) WHERE e.email = %s LIMIT 5", (address,))

    def fragment(self, digits):
        return self._ids("SELECT id FROM contacts WHERE digits LIKE %s LIMIT 5", (f"%{digits}%",))

    def name(self, text):
        return self._ids("SELECT id FROM contacts WHERE f_unaccent(lower(name)) %% f_unaccent(lower(%s)) "
                         "ORDER BY similarity(f_unaccent(lower(name)), f_unaccent(lower(%s))) DESC LIMIT 5",
                         (text, text))

    def memory(self):
        total = 0
        for table in ("contacts", "phones", "emails"):
            size, = self.db.execute("SELECT pg_total_relation_size(%s::regclass)", (table,)).fetchone()
            total += size
        return total, "relations + indexes (pg_total_relation_size)"

    def close(self):
        self.db.close()
