/// Contacts ready to be inserted into a directory, in flat arrays: each contact's record, its
/// hash-index keys, its folded name tokens with their roles, the collation keys of its whole-name
/// variants, and the normalized addresses for prefix search.
///
/// Workers fill one `PreparedRows` per block of a bulk load (a handful of large arrays instead
/// of a dozen small heap objects per contact), and `ContactDirectory.Builder` inserts them in
/// order. A `PreparedContact` carries a `PreparedRows` of one contact, so single updates and bulk
/// loads share one insertion path.
struct PreparedRows: Sendable {
    /// The number of contacts.
    private(set) var count = 0
    private var records: [UInt8] = []
    private var recordEnds: [Int] = []
    private(set) var keys: [ContactIndexKeys] = []
    private var tokenBytes: [UInt8] = []
    private var tokenEnds: [Int] = []
    private var tokenRoles: [NameTokenRole] = []
    /// Per token: the script it was written in (`TokenScript`'s raw value, in the low bits) and
    /// how, plainly or with Latin letters beyond ASCII (`WrittenAccents`: `accentedFlag`,
    /// `initialAccentedFlag`). One array: a contact prepared alone (an upsert) allocates each of
    /// these arrays.
    private var tokenForms: [UInt8] = []
    private static let accentedFlag: UInt8 = 0x10
    private static let initialAccentedFlag: UInt8 = 0x20
    /// Per contact: the end of its tokens in `tokenEnds`.
    private var tokenCountEnds: [Int] = []
    private var nameKeyBytes: [UInt8] = []
    private var nameKeyEnds: [Int] = []
    private var nameKeyCountEnds: [Int] = []
    private var emailKeyBytes: [UInt8] = []
    private var emailKeyEnds: [Int] = []
    private var emailKeyCountEnds: [Int] = []
    /// The current contact's addresses, once it has many (see `appendEmailKey`).
    private var currentEmailKeys: Set<[UInt8]>? = nil
    /// Per contact: its entity's priority rank, the first 8 bytes of its id and the next 8
    /// (big-endian, zero-padded: `NameTokenIndex.idBytes`).
    private(set) var entityRanks: [UInt8] = []
    /// Per contact: the bits of the spellings of its whole name (`NameSpelling.Bits`), kept with
    /// each of its collation keys.
    private(set) var nameSpellings: [NameSpelling.Bits] = []
    private(set) var idPrefixes: [UInt64] = []
    private(set) var idTails: [UInt64] = []

    // MARK: Writing

    /// Starts a contact: call the `append…` methods, then `finishContact`.
    mutating func appendRecord(_ record: UnsafeBufferPointer<UInt8>) {
        records.append(contentsOf: record)
        recordEnds.append(records.count)
        let raw = UnsafeRawBufferPointer(record)
        keys.append(ContactIndexKeys(record: raw))
        let id = ContactRecordReader.id(of: raw)
        idPrefixes.append(NameTokenIndex.idBytes(id, from: 0))
        idTails.append(NameTokenIndex.idBytes(id, from: 8))
    }

    /// Adds a name token of the current contact.
    /// - Parameter written: how the token was written, plainly or with Latin letters beyond
    ///   ASCII (`WrittenAccents`).
    mutating func appendToken(
        _ token: UnsafeBufferPointer<UInt8>, role: NameTokenRole, script: TokenScript, written: WrittenAccents.Written = .init()
    ) {
        tokenBytes.append(contentsOf: token)
        tokenEnds.append(tokenBytes.count)
        tokenRoles.append(role)
        tokenForms.append(
            script.rawValue | (written.accented ? Self.accentedFlag : 0) | (written.initialAccented ? Self.initialAccentedFlag : 0))
    }

    /// Adds a collation key of the current contact (skipped when it equals one already added).
    mutating func appendNameKey(_ key: UnsafeBufferPointer<UInt8>) {
        let first = nameKeyCountEnds.last ?? 0
        for index in first..<nameKeyEnds.count where nameKey(at: index).elementsEqual(key) { return }
        nameKeyBytes.append(contentsOf: key)
        nameKeyEnds.append(nameKeyBytes.count)
    }

    /// Adds a normalized address of the current contact for prefix search (once each): checked
    /// against the contact's earlier ones in turn while they are few, through a set once they
    /// are many (a cell of thousands of addresses must not cost their square).
    mutating func appendEmailKey(_ address: UnsafeBufferPointer<UInt8>) {
        let first = emailKeyCountEnds.last ?? 0
        if currentEmailKeys == nil {
            if emailKeyEnds.count - first < 16 {
                for index in first..<emailKeyEnds.count where emailKey(at: index).elementsEqual(address) { return }
            } else {
                currentEmailKeys = Set((first..<emailKeyEnds.count).map { Array(emailKey(at: $0)) })
            }
        }
        if currentEmailKeys != nil, !currentEmailKeys!.insert(Array(address)).inserted { return }
        emailKeyBytes.append(contentsOf: address)
        emailKeyEnds.append(emailKeyBytes.count)
    }

    /// Ends the current contact.
    /// - Parameter nameSpellings: the bits of its whole name's spellings (`NameSpelling.bits`);
    ///   all of them by default, which rules no namesake out (each is read).
    mutating func finishContact(entityRank: Int, nameSpellings: NameSpelling.Bits = .max) {
        tokenCountEnds.append(tokenEnds.count)
        nameKeyCountEnds.append(nameKeyEnds.count)
        emailKeyCountEnds.append(emailKeyEnds.count)
        currentEmailKeys = nil
        entityRanks.append(UInt8(clamping: entityRank))
        self.nameSpellings.append(nameSpellings)
        count += 1
    }

    // MARK: Reading

    /// Calls `body` with the record of contact `index`.
    func withRecord<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = index == 0 ? 0 : recordEnds[index - 1]
        return try records.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<recordEnds[index]])) }
    }

    /// The range of contact `index`'s entries in a per-entry array whose per-contact ends are
    /// `countEnds`.
    private func entries(_ index: Int, _ countEnds: [Int]) -> Range<Int> {
        (index == 0 ? 0 : countEnds[index - 1])..<countEnds[index]
    }

    /// Calls `body` with each token of contact `index`, its role, the script it was written in
    /// (`TokenScript`: Latin, or the script ICU romanized), and how it was written, plainly or
    /// with Latin letters beyond ASCII (`WrittenAccents`).
    func forEachToken(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>, NameTokenRole, TokenScript, WrittenAccents.Written) -> Void) {
        tokenBytes.withUnsafeBufferPointer { bytes in
            for entry in entries(index, tokenCountEnds) {
                let start = entry == 0 ? 0 : tokenEnds[entry - 1]
                let form = tokenForms[entry]
                let written = WrittenAccents.Written(
                    accented: form & Self.accentedFlag != 0, initialAccented: form & Self.initialAccentedFlag != 0)
                body(UnsafeBufferPointer(rebasing: bytes[start..<tokenEnds[entry]]), tokenRoles[entry], TokenScript(rawValue: form & 0x0F) ?? .other, written)
            }
        }
    }

    /// The number of tokens of contact `index`.
    func tokenCount(_ index: Int) -> Int { entries(index, tokenCountEnds).count }

    /// The collation keys of contact `index`.
    func nameKeys(_ index: Int) -> [ArraySlice<UInt8>] {
        entries(index, nameKeyCountEnds).map(nameKey(at:))
    }

    /// Calls `body` with each collation key of contact `index` (no array of keys is made).
    func forEachNameKey(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        nameKeyBytes.withUnsafeBufferPointer { bytes in
            for entry in entries(index, nameKeyCountEnds) {
                body(UnsafeBufferPointer(rebasing: bytes[(entry == 0 ? 0 : nameKeyEnds[entry - 1])..<nameKeyEnds[entry]]))
            }
        }
    }

    /// Calls `body` with each normalized address of contact `index` (no array is made).
    func forEachEmailKey(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        emailKeyBytes.withUnsafeBufferPointer { bytes in
            for entry in entries(index, emailKeyCountEnds) {
                body(UnsafeBufferPointer(rebasing: bytes[(entry == 0 ? 0 : emailKeyEnds[entry - 1])..<emailKeyEnds[entry]]))
            }
        }
    }

    /// The normalized addresses of contact `index`.
    func emailKeys(_ index: Int) -> [ArraySlice<UInt8>] {
        entries(index, emailKeyCountEnds).map(emailKey(at:))
    }

    private func nameKey(at entry: Int) -> ArraySlice<UInt8> {
        nameKeyBytes[(entry == 0 ? 0 : nameKeyEnds[entry - 1])..<nameKeyEnds[entry]]
    }

    private func emailKey(at entry: Int) -> ArraySlice<UInt8> {
        emailKeyBytes[(entry == 0 ? 0 : emailKeyEnds[entry - 1])..<emailKeyEnds[entry]]
    }
}
