/// The other spellings of a query's tokens: the German and Nordic spellings of tokens typed
/// with umlauts or Nordic vowels (`NameNormalizer.umlautTranscription`: "mueller" for
/// "müller", "oedegaard" for "ødegård"), and the spellings English texts and passports give
/// tokens typed in Cyrillic or Greek letters (`NameNormalizer.alternateRomanization`, BGN/PCGN
/// and UNGEGN: "sergey" for "Сергей", "mavridis" for "Μαυρίδης").
///
/// Why: a contact whose name has those letters holds their spelling beside its own tokens
/// (`NameIndexWriter`'s alternate tokens), so "mueller" finds Hans Müller as an exact token;
/// the other way round, "müller" folds to "muller" and found Hans Mueller only one typing
/// error away, tied with Miller and Mulder. Likewise a name typed in Cyrillic or Greek folds
/// to ICU's scholarly reading ("sergej", "dmitrij", "maurides"), and the person stored in
/// Latin letters as English texts spell them (Sergey Ivanov, Georgia Mavridis) was one or two
/// typing errors away, or out of reach ("Дмитрий Соколов" matched Dmitry Sokolov by the family
/// name only, 0.20), though "Sergey Ivanov" finds Сергей Иванов as a whole name. A search takes
/// each spelling here as an exact spelling of its token (`NameQueryToken`), when the
/// vocabulary has it.
struct TranscribedQueryTokens: Sendable {
    /// Folded token → its spelling's folded token, for the tokens whose spelling differs.
    private var spellings: [String: String] = [:]

    /// No spellings (a query without those letters).
    init() {}

    /// The spellings of the tokens of `text`, the query as typed, whose folded tokens are
    /// `own`, folded by `names`: empty unless it has umlauts, Nordic vowels, Cyrillic or Greek
    /// letters (a byte scan otherwise).
    /// - Complexity: O(n); for text in Cyrillic or Greek, one ICU transform by the conventional
    ///   chain (`NameNormalizer.alternateRomanization`).
    init(text: String, tokens own: [String], names: NameNormalizer) {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return }
        if NameNormalizer.hasUmlautLetters(text.utf8), let spelled = NameNormalizer.umlautTranscription(text) {
            // The letters spelt out are letters: the words split the same way.
            take(names.tokens(spelled), for: own)
        } else if NameNormalizer.hasCyrillicOrGreek(text.utf8), let conventional = names.alternateRomanization(text) {
            // A Ukrainian name's spelling follows the conventional one (`alternateRomanization`):
            // the first tokens are the conventional spelling's. A Greek name starting with γκ or
            // ντ has a token more (both spellings): the words do not line up, none is taken.
            let others = names.tokens(conventional)
            take(others.count == 2 * own.count && NameNormalizer.isUkrainian(text) ? Array(others.prefix(own.count)) : others, for: own)
        }
    }

    /// Takes `others[i]` as the spelling of `own[i]` where they differ, when both have as many
    /// tokens.
    private mutating func take(_ others: [String], for own: [String]) {
        guard own.count == others.count else { return }
        for (token, spelling) in zip(own, others) where token != spelling { spellings[token] = spelling }
    }

    /// The spelling of the folded query token `token`, when it differs.
    func spelling(of token: String) -> String? {
        spellings.isEmpty ? nil : spellings[token]
    }
}
