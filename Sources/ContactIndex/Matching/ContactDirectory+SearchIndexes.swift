extension ContactDirectory {
    /// Adds a placed contact to the free-text search indexes: name tokens and phone fragments.
    /// (Email prefixes share the generation scheme of the collation keys; the callers add them.)
    mutating func indexSearchKeys(_ prepared: PreparedContact, slot: UInt32) {
        let tokens = prepared.nameTokens.isEmpty ? ContactNameTokens.of(prepared.contact, names: preparer.names) : prepared.nameTokens
        nameTokenIndex.insert(slot: slot, tokens: tokens, entityRank: configuration.ranking.rank(of: prepared.contact.entity), id: prepared.contact.id)
        phoneFragmentIndex.insert(prepared.contact, slot: slot)
    }

    /// The normalized addresses of a contact as prefix-search keys.
    static func emailPrefixKeys(_ contact: Contact) -> [[UInt8]] {
        var keys: [[UInt8]] = []
        for email in contact.emails {
            guard let address = email.normalized?.address else { continue }
            let key = Array(address.utf8)
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }
}
