/// The nickname relations (`NicknameTable`) between the vocabulary's tokens, by token id: "bob"
/// → the ids of "robert" and "bobby", when the directory has them.
///
/// Why: the nickname forms of a whole-name query (`ContactDirectory.collectNicknameWholeNames`)
/// are checked for every query that names a contact exactly. Looked up by text, each related
/// name cost a string hash and a vocabulary probe ("john" has 14); by id, a query token's
/// relations are one dictionary read.
///
/// Tokens enter as the vocabulary interns them (`link`), or all at once after a bulk load
/// (`init(vocabulary:table:)`). A token stays related once in (tokens never leave the
/// vocabulary).
struct TokenNicknames: Sendable {
    private var related: [UInt32: [UInt32]] = [:]

    /// No relations.
    init() {}

    /// The relations among every token of `vocabulary`.
    /// - Complexity: O(r) vocabulary probes for the r relations of the table.
    init(vocabulary: TokenVocabulary, table: NicknameTable) {
        table.forEachName { name, names in
            guard let id = vocabulary.id(of: name) else { return }
            let ids = names.compactMap { vocabulary.id(of: $0) }
            if !ids.isEmpty { related[id] = ids }
        }
    }

    /// Relates a token the vocabulary has just interned (`id`, spelled `token`) to those of its
    /// related names that the vocabulary has, both ways.
    /// - Complexity: O(r) vocabulary probes for the token's r related names; a string hash
    ///   for a token the table does not have.
    mutating func link(_ id: UInt32, token: some Collection<UInt8>, vocabulary: TokenVocabulary, table: NicknameTable) {
        for name in table.related(to: String(decoding: token, as: UTF8.self)) {
            guard let other = vocabulary.id(of: name), other != id else { continue }
            related[id, default: []].append(other)
            related[other, default: []].append(id)
        }
    }

    /// The ids of the tokens related to token `id` (empty when none).
    func related(to id: UInt32) -> [UInt32] {
        related[id] ?? []
    }

    /// Gives the dictionary its own storage (`NameTokenIndex.makeStorageUnique`).
    mutating func makeStorageUnique() {
        related.reserveCapacity(related.count)
    }

    /// Approximate heap bytes held: the dictionary's slots and each list's storage.
    var approximateBytes: Int {
        related.capacity * 16 + related.values.reduce(0) { $0 + 32 + $1.capacity * 4 }
    }
}
