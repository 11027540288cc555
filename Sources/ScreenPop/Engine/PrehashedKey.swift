/// A `String` key that carries its hash value: equal strings (`String` equality) are equal
/// keys, and the hash is computed once, when the key is made.
///
/// Why: a hash table with open addressing rehashes the keys next to the one it deletes, and
/// the engagement tracker deletes one key per request (the oldest engagement, at capacity).
/// With `String` keys each of those rehashes walked the whole string again; with this key it
/// hashes one integer.
struct PrehashedKey: TableKey {
    /// The key's text.
    let text: String
    /// `text.hashValue`, computed once.
    private let hash: Int

    /// The key for `text`.
    init(_ text: String) {
        self.text = text
        hash = text.hashValue
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.hash == rhs.hash && lhs.text == rhs.text
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    /// The stored hash folded to 32 bits: a `BoundedTable` files the key with no hashing.
    var tableHash: UInt32 { UInt32(truncatingIfNeeded: hash ^ (hash >> 32)) }
}

extension PrehashedKey: ExpressibleByStringLiteral, CustomStringConvertible {
    /// The key for a literal text.
    init(stringLiteral text: String) { self.init(text) }

    /// The key's text.
    var description: String { text }
}
