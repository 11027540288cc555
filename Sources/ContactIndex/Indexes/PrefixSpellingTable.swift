/// The vocabulary tokens that start with one listed prefix (`TokenPrefixPostings`), kept ready
/// for a query token typed as that prefix (`NameQueryToken`): their ids, their qualities as
/// prefix matches of it, where each id is, and the order by quality that search walks them in.
///
/// Why: a query token stands for every vocabulary token it starts, and a common prefix starts
/// thousands ("mar": 1,700 at a million contacts). Noting each one (a hash insert, its length
/// read from the vocabulary) and sorting them by quality took about 60 µs a query for such a
/// token, a third of a type-ahead query like "mar sch". The prefix's spellings change only when
/// the vocabulary gains a token, so they are noted and sorted once, here, and a query token
/// shares the table's arrays (copying them only when it adds spellings of its own).
///
/// Tokens are appended, never removed (the vocabulary keeps its tokens), so a token's place in
/// `ids` stays put; `qualityOrder` is kept sorted as tokens are added.
///
/// Memory: 28 to 44 bytes a token for each of its listed prefixes (its id, quality and place
/// in the order, and two to four cells of 8 bytes in the map, kept at most half full): 13 bytes
/// a contact on the generated 1M export.
struct PrefixSpellingTable: Sendable {
    /// The prefix's length in bytes: the length of the query token that uses the table.
    let typedLength: Int
    /// The tokens' vocabulary ids, in the order they were added.
    private(set) var ids: [UInt32] = []
    /// Each token's quality as a prefix match (`NameQueryToken.prefixQuality`), by place in `ids`.
    private(set) var qualities: [Float] = []
    /// The place of each id in `ids`.
    private(set) var positions: SmallIDMap
    /// Places in `ids`, best quality (shortest token) first, then by place.
    private(set) var qualityOrder: [Int32] = []

    /// The table of the tokens `ids` of byte lengths `lengths`, for a prefix of `typedLength`
    /// bytes.
    init(typedLength: Int, ids: [UInt32], lengths: [Int]) {
        self.typedLength = typedLength
        self.ids = ids
        qualities = lengths.map { NameQueryToken.prefixQuality(typedLength: typedLength, tokenLength: $0) }
        var positions = SmallIDMap(capacity: ids.count)
        for (position, id) in ids.enumerated() { positions.insert(id, value: Int32(position)) }
        self.positions = positions
        // Quality falls as the token grows: by length, then by place (a stable sort).
        qualityOrder = ids.indices.map { Int32($0) }.sorted { a, b in
            lengths[Int(a)] != lengths[Int(b)] ? lengths[Int(a)] < lengths[Int(b)] : a < b
        }
    }

    /// The number of tokens.
    var count: Int { ids.count }

    /// Adds a token new to the vocabulary, of `length` bytes, after the others of its quality.
    /// - Complexity: O(n) for the n tokens (a move of part of the order).
    mutating func append(_ id: UInt32, length: Int) {
        guard positions.insert(id, value: Int32(ids.count)) else { return }
        let quality = NameQueryToken.prefixQuality(typedLength: typedLength, tokenLength: length)
        let position = Int32(ids.count)
        ids.append(id)
        qualities.append(quality)
        // After every token of its quality or better: the first place of a worse one.
        var low = 0
        var high = qualityOrder.count
        while low < high {
            let middle = (low + high) / 2
            if qualities[Int(qualityOrder[middle])] >= quality { low = middle + 1 } else { high = middle }
        }
        qualityOrder.insert(position, at: low)
    }

    /// Makes room for a few more tokens (an eighth more, at least 8) in each array and in the
    /// map, so that the first tokens a live directory adds move nothing large (a map of 1,700
    /// ids rehashed in the upsert that brought the 1,701st).
    mutating func reserveForUpdates() {
        let room = count + max(8, count / 8)
        ids.reserveCapacity(room)
        qualities.reserveCapacity(room)
        qualityOrder.reserveCapacity(room)
        positions.reserve(room)
    }

    /// Gives each array its own storage (a copy of the directory shares them until one side
    /// writes).
    mutating func makeStorageUnique() {
        ids.reserveCapacity(ids.count + 1)
        qualities.reserveCapacity(qualities.count + 1)
        qualityOrder.reserveCapacity(qualityOrder.count + 1)
        positions.makeStorageUnique()
    }

    /// Approximate heap bytes held.
    var approximateBytes: Int {
        ids.capacity * 4 + qualities.capacity * 4 + qualityOrder.capacity * 4 + positions.approximateBytes
    }
}
