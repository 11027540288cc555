/// The German and Nordic spellings of a query's tokens typed with umlauts or Nordic vowels
/// (`NameNormalizer.umlautTranscription`: "mueller" for "müller", "oedegaard" for "ødegård").
///
/// Why: a contact whose name has those letters holds their spelling beside its own tokens
/// (`NameIndexWriter`'s alternate tokens), so "mueller" finds Hans Müller as an exact token;
/// the other way round, "müller" folds to "muller" and found Hans Mueller only one typing
/// error away, tied with Miller and Mulder. A search takes each spelling here as an exact
/// spelling of its token (`NameQueryToken`).
struct TranscribedQueryTokens: Sendable {
    /// Folded token → its spelling's folded token, for the tokens whose spelling differs.
    private var spellings: [String: String] = [:]

    /// No spellings (a query without those letters).
    init() {}

    /// The spellings of the tokens of `text`, the query as typed, whose folded tokens are
    /// `own`, folded by `names`: empty unless it has umlauts or Nordic vowels (a byte scan
    /// otherwise).
    init(text: String, tokens own: [String], names: NameNormalizer) {
        guard NameNormalizer.hasUmlautLetters(text.utf8), let spelled = NameNormalizer.umlautTranscription(text) else { return }
        let others = names.tokens(spelled)
        // The letters spelt out are letters: the words split the same way.
        guard own.count == others.count else { return }
        for (token, spelling) in zip(own, others) where token != spelling { spellings[token] = spelling }
    }

    /// The spelling of the folded query token `token`, when it differs.
    func spelling(of token: String) -> String? {
        spellings.isEmpty ? nil : spellings[token]
    }
}
