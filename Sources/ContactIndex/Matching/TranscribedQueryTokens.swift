/// The other spellings of a query's tokens: the German and Nordic spellings of tokens typed
/// with umlauts or Nordic vowels (`NameNormalizer.umlautTranscription`: "mueller" for
/// "müller", "oedegaard" for "ødegård"), and the spellings English texts and passports give
/// tokens typed in Cyrillic or Greek letters (`NameNormalizer.alternateRomanization`, BGN/PCGN
/// and UNGEGN: "sergey" for "Сергей", "mavridis" for "Μαυρίδης"), with the other spellings
/// of Russian and Ukrainian names in English texts, passports and CRMs
/// (`CyrillicNameSpellings`: "dmitry", "dmitri" and "dmitrii" beside "dmitriy" for "Дмитрий",
/// "alexander" beside "aleksandr" for "Александр").
///
/// Why: a contact whose name has those letters holds their spelling beside its own tokens
/// (`NameIndexWriter`'s alternate tokens), so "mueller" finds Hans Müller as an exact token;
/// the other way round, "müller" folds to "muller" and found Hans Mueller only one typing
/// error away, tied with Miller and Mulder. Likewise a name typed in Cyrillic or Greek folds
/// to ICU's scholarly reading ("sergej", "dmitrij", "maurides"), and the person stored in
/// Latin letters as English texts spell them (Sergey Ivanov, Georgia Mavridis) was one or two
/// typing errors away, or out of reach ("Дмитрий Соколов" matched Dmitry Sokolov by the family
/// name only, 0.20: BGN's "dmitriy" is one typing error from "dmitry"), though "Sergey Ivanov"
/// finds Сергей Иванов as a whole name. A search takes
/// each spelling here as an exact spelling of its token (`NameQueryToken`), when the
/// vocabulary has it.
struct TranscribedQueryTokens: Sendable {
    /// Folded token → its other spellings' folded tokens, for the tokens that have some.
    private var spellings: [String: [String]] = [:]

    /// No spellings (a query without those letters).
    init() {}

    /// The spellings of the tokens of `text`, the query as typed, whose folded tokens are
    /// `own`, folded by `names`: empty unless it has umlauts, Nordic vowels, Cyrillic or Greek
    /// letters (a byte scan otherwise).
    /// - Complexity: O(n); for text in Cyrillic or Greek, one ICU transform by the conventional
    ///   chain, one more for a Ukrainian name or one with ё
    ///   (`NameNormalizer.conventionalTokenSpellings`).
    init(text: String, tokens own: [String], names: NameNormalizer) {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return }
        if NameNormalizer.hasUmlautLetters(text.utf8), let spelled = NameNormalizer.umlautTranscription(text) {
            // The letters spelt out are letters: the words split the same way.
            take(names.tokens(spelled).map { [$0] }, for: own)
        } else if let lists = names.conventionalTokenSpellings(text) {
            // One list per word of the conventional spelling: BGN/PCGN's or UNGEGN's token, then
            // the Ukrainian one, "yo" for ё and the spellings derived from them
            // (`CyrillicNameSpellings`: "dmitry", "dmitri" beside "dmitriy" for "Дмитрий").
            take(lists, for: own)
        }
    }

    /// Takes `others[i]` as the spellings of `own[i]`, those that differ from it, when both
    /// have as many tokens.
    private mutating func take(_ others: [[String]], for own: [String]) {
        guard own.count == others.count else { return }
        for (token, list) in zip(own, others) {
            // A token typed twice ("Анна Анна") has one list.
            for other in list where other != token && !(spellings[token]?.contains(other) ?? false) { spellings[token, default: []].append(other) }
        }
    }

    /// The other spellings of the folded query token `token` (none when it has none).
    func spellings(of token: String) -> [String] {
        spellings.isEmpty ? [] : spellings[token] ?? []
    }
}
