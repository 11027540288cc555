/// Which sets of tokens are some contact's whole name, as a Bloom filter: each contact's given
/// and family tokens together, and its display name's tokens, hashed without their order
/// (`hash(of:)`), and its given and family tokens by role (`roleHash`), set two bits each, both in one 64-bit word (a probe is one cache miss; two
/// bits anywhere were two, and about as many false answers).
///
/// It answers "may some contact be named exactly these words?" with one or two cache misses,
/// before a whole-name look-up that costs a collation key and a binary search through every
/// whole name (about 2 µs at a million contacts). The nickname forms of a whole-name query
/// (`ContactDirectory.collectNicknameWholeNames`: "Bobby Brown" → "robert brown", "rob
/// brown", …; "chris bert" has 36) are checked here first: most are nobody's name.
///
/// A "no" is certain (every write that changes a contact's tokens or their roles adds its names:
/// `NameTokenIndex.replace`); a "maybe" is wrong about 5% of the time at 24 bits a contact (24
/// to 48 once rounded up to a power of two: 4 bytes a contact at a million). Bits are never
/// cleared: a contact removed or renamed leaves its bits set (a look-up for nothing, never a
/// missed name). The filter doubles, rebuilt from every slot's tokens, once it holds more than
/// a name for each 8 bits; a bulk load sizes it for its rows first.
struct WholeNameTokenFilter: Sendable {
    /// The bits, 64 a word; a power of two of them.
    private var words: [UInt64]
    /// The names added since the filter was last sized.
    private var added = 0

    /// The fewest bits a filter has.
    static let minimumBits = 1 << 16
    /// The bits a filter keeps for each contact it is sized for.
    static let bitsPerContact = 24

    /// An empty filter sized for `contacts` contacts.
    init(contacts: Int = 0) {
        var bits = Self.minimumBits
        while bits < contacts * Self.bitsPerContact { bits <<= 1 }
        words = Array(repeating: 0, count: bits / 64)
    }

    /// The bits the filter has.
    var bitCount: Int { words.count * 64 }

    /// Whether adding one more name should size the filter anew (`init(contacts:)` from the
    /// directory's slots): it holds more than a name for each 8 bits (two for each contact).
    var isCrowded: Bool { added * 8 > bitCount }

    /// The hash of a set of token ids, the same in any order: a sum of the ids mixed, then
    /// mixed with their number.
    static func hash(of ids: some Sequence<UInt32>) -> UInt64 {
        var sum: UInt64 = 0
        var count: UInt64 = 0
        for id in ids {
            sum &+= mix(UInt64(id))
            count += 1
        }
        return hash(sum: sum, count: count)
    }

    /// The hash of a set whose mixed ids (`mix`) add up to `sum`: a caller that replaces one id
    /// of a set subtracts its `mix` and adds the new one's.
    static func hash(sum: UInt64, count: UInt64) -> UInt64 {
        mix(sum &+ count &* 0x9E37_79B9_7F4A_7C15)
    }

    /// The hash of a person's name by role: the mixed ids (`mix`) of its given tokens summed,
    /// and of its family tokens, apart ("Robert Brown" and Brown Robert, given name Brown,
    /// differ). It tells a name whose nickname form takes a family name from one that takes a
    /// given name (`ContactDirectory.collectNicknameWholeNames`).
    static func roleHash(givenSum: UInt64, familySum: UInt64) -> UInt64 {
        mix((givenSum &+ familySum &* 0xD6E8_FEB8_6659_FD93) ^ 0x5851_F42D_4C95_7F2D)
    }

    /// The hash that marks a set of tokens (`hash(of:)`) as the whole name of a contact whose
    /// names hold letters beyond ASCII or another script: the names that have `LatinNameKey`s.
    /// A Latin query's whole-name match looks its Latin key up only when the filter may hold it
    /// (`ContactDirectory.offerWholeNameCompletions`): most names have no such namesake, and the
    /// look-up is a binary search through every whole name.
    static func latinKeyHash(_ hash: UInt64) -> UInt64 {
        mix(hash ^ 0x2545_F491_4F6C_DD1D)
    }

    /// The hash that marks two distinct token ids (in either order) as words of one contact's
    /// own names (not its company's) where it has three or more of them (`insertNames`): a
    /// contact whose name is longer than a two-word query and holds both its words. A whole-name
    /// query's other-order completions (`ContactDirectory.offerWholeNameCompletions`: "maria
    /// garcia" lists María Isabel García) are only such contacts, and most queries have none: the
    /// filter spares them a collation key and a binary search through every whole name.
    static func longerNamePairHash(_ first: UInt32, _ second: UInt32) -> UInt64 {
        mix(hash(sum: mix(UInt64(first)) &+ mix(UInt64(second)), count: 2) ^ 0x6A09_E667_F3BC_C909)
    }

    /// The most own-name entries of a contact whose pairs `insertNames` adds
    /// (`longerNamePairHash`): a name of more words has its first ones' pairs only.
    static let maximumPairedEntries = 8

    /// A 64-bit finalizer (the one of SplitMix64): every bit of the input moves about half of
    /// the output's.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Adds a name by its hash (`hash(of:)`).
    mutating func insert(_ hash: UInt64) {
        words[word(of: hash)] |= Self.bits(of: hash)
        added += 1
    }

    /// Whether some contact may be named by a set with this hash; false is certain.
    func mayContain(_ hash: UInt64) -> Bool {
        let bits = Self.bits(of: hash)
        return words.withUnsafeBufferPointer { $0[word(of: hash)] & bits == bits }
    }

    /// The word of a hash: its low bits.
    @inline(__always)
    private func word(of hash: UInt64) -> Int { Int(hash & UInt64(words.count - 1)) }

    /// The two bits of a hash in its word: from its top bits, apart from those of the word.
    @inline(__always)
    private static func bits(of hash: UInt64) -> UInt64 {
        1 << ((hash >> 52) & 63) | 1 << ((hash >> 58) & 63)
    }

    /// Adds the whole names of a contact's token entries (`NameTokenIndex`: id | role << 28):
    /// its given and family tokens together (`hash(sum:count:)`) and by role (`roleHash`), and
    /// its display tokens (none: nothing added); for a contact whose names were written beyond
    /// ASCII (a token with `otherScriptBit` or a written-accent bit), both sets' `latinKeyHash`
    /// too; for a contact with three or more entries of its own names (every role but the
    /// company's), each pair of distinct ids among the first `maximumPairedEntries` of them
    /// (`longerNamePairHash`).
    mutating func insertNames(of entries: UnsafeBufferPointer<UInt32>) {
        insertOwnNamePairs(of: entries)
        var person = (sum: UInt64(0), count: UInt64(0))
        var display = (sum: UInt64(0), count: UInt64(0))
        var givenSum: UInt64 = 0
        var familySum: UInt64 = 0
        // Whether a name was written beyond ASCII: then it has Latin keys (`latinKeyHash`).
        var beyondASCII = false
        for entry in entries {
            let role = NameTokenIndex.role(ofEntry: entry)
            if role != NameTokenRole.company.rawValue, entry & (NameTokenIndex.otherScriptBit | NameTokenIndex.writtenBits) != 0 {
                beyondASCII = true
            }
            let mixed = Self.mix(UInt64(entry & NameTokenIndex.idMask))
            switch role {
            case NameTokenRole.given.rawValue:
                person.sum &+= mixed
                person.count += 1
                givenSum &+= mixed
            case NameTokenRole.family.rawValue:
                person.sum &+= mixed
                person.count += 1
                familySum &+= mixed
            case NameTokenRole.display.rawValue:
                display.sum &+= mixed
                display.count += 1
            default:
                break
            }
        }
        if person.count > 0 {
            insert(Self.hash(sum: person.sum, count: person.count))
            insert(Self.roleHash(givenSum: givenSum, familySum: familySum))
            if beyondASCII { insert(Self.latinKeyHash(Self.hash(sum: person.sum, count: person.count))) }
        }
        if display.count > 0 {
            insert(Self.hash(sum: display.sum, count: display.count))
            if beyondASCII { insert(Self.latinKeyHash(Self.hash(sum: display.sum, count: display.count))) }
        }
    }

    /// The `longerNamePairHash`es of a contact's own-name entries, when it has three or more.
    private mutating func insertOwnNamePairs(of entries: UnsafeBufferPointer<UInt32>) {
        guard entries.count >= 3 else { return }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Self.maximumPairedEntries) { own in
            var count = 0
            for entry in entries where NameTokenIndex.role(ofEntry: entry) != NameTokenRole.company.rawValue {
                own[count] = entry & NameTokenIndex.idMask
                count += 1
                if count == Self.maximumPairedEntries { break }
            }
            guard count >= 3 else { return }
            for later in 1..<count {
                for earlier in 0..<later where own[earlier] != own[later] {
                    insert(Self.longerNamePairHash(own[earlier], own[later]))
                }
            }
        }
    }

    /// Gives the words their own storage (`NameTokenIndex.makeStorageUnique`).
    mutating func makeStorageUnique() {
        words.reserveCapacity(words.count)
    }

    /// Approximate heap bytes held.
    var approximateBytes: Int { words.capacity * 8 }
}
