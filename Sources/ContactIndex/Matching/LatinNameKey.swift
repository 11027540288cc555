/// The whole-name key of a name folded to Latin tokens: a zero byte, then the folded tokens
/// (`NameNormalizer.tokens`) joined by spaces ("Satıa Çorlu" → "\0satia corlu", "Иван Иванов"
/// → "\0ivan ivanov").
///
/// Why: root collation at primary strength tells "ı" from "i" (though not "ł" from "l") and
/// every script from Latin, so an agent who types "satia corlu" or "ivan ivanov" misses the
/// whole-name look-up by collation key and would pay for the whole token search to find what is
/// still a whole-name answer (`MatchReason.transliteratedName`). These keys sit in the same
/// index as the collation keys (`ContactDirectory.nameKeyIndex`): a collation key never starts
/// with a zero byte (its only zero ends it, and a key of that byte alone is never stored), so
/// the two never meet, and both keep namesakes in ranking order.
///
/// A contact has them for its given then family tokens, family then given, and its display
/// name's tokens, the orders in which the token search calls a match a whole name; only when one
/// of those names is outside ASCII: for a name in ASCII the collation key already finds what
/// these keys would (punctuation aside, "O'Brien" and "obrien" share one).
enum LatinNameKey {
    /// The byte every such key starts with.
    static let marker: UInt8 = 0

    /// Whether a contact with these name fields (first, last, display) gets Latin keys: one of
    /// them is outside ASCII.
    static func isNeeded<Bytes: Collection<UInt8>>(_ first: Bytes?, _ last: Bytes?, _ display: Bytes?) -> Bool {
        func outsideASCII(_ field: Bytes?) -> Bool { field?.contains { $0 >= 0x80 } ?? false }
        return outsideASCII(first) || outsideASCII(last) || outsideASCII(display)
    }

    /// About how many keys a stored record has (at most one too many, when its display name's
    /// tokens are its given and family ones), to count the dead entries of a removed contact
    /// without folding its names again.
    static func estimatedCount(in record: UnsafeRawBufferPointer) -> Int {
        var reader = ContactRecordReader(record)
        let header = reader.header()
        guard isNeeded(header.firstName, header.lastName, header.displayName) else { return 0 }
        let first = !(header.firstName?.isEmpty ?? true), last = !(header.lastName?.isEmpty ?? true)
        return (header.displayName?.isEmpty ?? true ? 0 : 1) + (first && last ? 2 : (first || last ? 1 : 0))
    }

    /// The key of folded `tokens` (nil when there are none).
    static func key(tokens: [String]) -> [UInt8]? {
        guard !tokens.isEmpty else { return nil }
        var key: [UInt8] = [marker]
        for (index, token) in tokens.enumerated() {
            if index > 0 { key.append(32) }
            key.append(contentsOf: token.utf8)
        }
        return key
    }

    /// The keys of a contact, from its tokens (`ContactNameTokens`), without repeats: what the
    /// bulk writer (`NameIndexWriter`) stores, computed on `String`s for the tests.
    static func keys(of contact: Contact, names: NameNormalizer) -> [[UInt8]] {
        guard isNeeded(contact.firstName?.utf8, contact.lastName?.utf8, contact.displayName?.utf8) else { return [] }
        let given = contact.firstName.map(names.tokens) ?? []
        let family = contact.lastName.map(names.tokens) ?? []
        let display = contact.displayName.map(names.tokens) ?? []
        var keys: [[UInt8]] = []
        for tokens in [display, given + family, family + given] {
            if let key = key(tokens: tokens), !keys.contains(key) { keys.append(key) }
        }
        return keys
    }
}
