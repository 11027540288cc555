"""tantivy peer (PyPI `tantivy`, the Python binding of the Rust search library), index in RAM.

Fields: id (raw, stored), name (text: simple tokenizer, lower-case, ASCII folding), e164,
national and email (raw: exact terms), digits (ngram tokenizer, 4 to 7 digits, for fragments).
Queries: phones by term on e164 (then national when the query was not written with "+"), emails
by term; a fragment by one term on the digits n-grams; a name by, for each query token, the
disjunction of an exact term (boosted 2x), a fuzzy term (Levenshtein distance 1 for tokens of 3-5
letters, 2 for longer ones, 0 below; transpositions cost one) and a prefix term; top 5 by score.
Search cannot be interrupted from Python: a query over the bound counts as a miss.
"""
import tantivy



def distance(token):
    return 0 if len(token) < 3 else 1 if len(token) <= 5 else 2


class Peer:
    title = "tantivy"

    def __init__(self, workdir, timeout_ms, dsn, timeout_error):
        self.notes = ["names: per token exact^2 OR fuzzy(d<=2, transpositions) OR prefix; fragments: 4-7 digit "
                      "n-gram field; phones/emails: raw term fields; index in RAM; memory: RSS growth over the load"]
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("name", tokenizer_name="fold")
        builder.add_text_field("e164", tokenizer_name="raw")
        builder.add_text_field("national", tokenizer_name="raw")
        builder.add_text_field("email", tokenizer_name="raw")
        builder.add_text_field("digits", tokenizer_name="digits")
        self.schema = builder.build()
        self.index = tantivy.Index(self.schema)
        self.analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                         .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.ascii_fold()).build())
        self.index.register_tokenizer("fold", self.analyzer)
        digits = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.ngram(min_gram=4, max_gram=7, prefix_only=False)).build()
        self.index.register_tokenizer("digits", digits)

    def version(self):
        from importlib.metadata import version
        return version("tantivy")

    def load(self, rows):
        writer = self.index.writer()
        for row in rows:
            document = tantivy.Document()
            document.add_text("id", row["id"])
            document.add_text("name", row["name"])
            for e164 in row["e164s"]:
                document.add_text("e164", e164)
            for national in row["nationals"]:
                document.add_text("national", national)
            for email in row["emails"]:
                document.add_text("email", email)
            for digits in row["digits"]:
                document.add_text("digits", digits)
            writer.add_document(document)
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()

    def _ids(self, query):
        hits = self.searcher.search(query, limit=5).hits
        return [self.searcher.doc(address)["id"][0] for _, address in hits]

    def _term(self, field, value):
        return tantivy.Query.term_query(self.schema, field, value)

    def phone(self, e164, national):
        ids = self._ids(self._term("e164", e164)) if e164 else []
        if not ids and national:
            ids = self._ids(self._term("national", national))
        return ids

    def email(self, address):
        return self._ids(self._term("email", address))

    def fragment(self, digits):
        return self._ids(self._term("digits", digits[:7]))

    def name(self, text):
        clauses = []
        for token in dict.fromkeys(self.analyzer.analyze(text)):
            options = [tantivy.Query.boost_query(self._term("name", token), 2.0),
                       tantivy.Query.fuzzy_term_query(self.schema, "name", token, distance=distance(token),
                                                      transposition_cost_one=True),
                       tantivy.Query.fuzzy_term_query(self.schema, "name", token, distance=0, prefix=True)]
            clauses.append((tantivy.Occur.Should, tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in options])))
        if not clauses:
            return []
        return self._ids(tantivy.Query.boolean_query(clauses))

    def memory(self):
        return None, None

    def close(self):
        pass
