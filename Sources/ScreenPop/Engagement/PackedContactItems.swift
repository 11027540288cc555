import ContactIndex

/// Contact items packed in one byte buffer (`PackedText`, five texts per item: `id`, `name`,
/// `phone`, `email`, `entity`): how a lookup reply lists its records, how a choice offers them,
/// and how an engagement keeps what it offered.
///
/// Why: an incoming reply lists up to ten records, offered to the agent, kept on the engagement
/// for thousands of requests, then evicted. As `[ContactItem]` each listing is an array plus a
/// heap string for every long id, name or address, made, copied, encoded and released one by
/// one, and cold by the time the engagement is evicted. Packed, the directory writes the texts
/// straight from its records (`PackedSummaries`), and the same buffer is the reply's items, the
/// choice's candidates and the engagement's offer, written into the reply with `memcpy`s and
/// freed without reading it. The items are rebuilt only when asked for.
///
/// Equality and hashing are those of the items (`String` equality, canonical equivalence), so
/// a value holding them compares as it did when it held the array.
struct PackedContactItems: Sendable, Hashable {
    private(set) var bytes: [UInt8] = []
    /// The number of items.
    private(set) var count = 0

    /// No items.
    init() {}

    /// Packs `items`, in order.
    /// - Complexity: O(b) in the items' UTF-8 bytes.
    init(_ items: [ContactItem]) {
        guard !items.isEmpty else { return }
        var size = 0
        for item in items {
            size += 20 + item.id.utf8.count + (item.name?.utf8.count ?? 0) + (item.phone?.utf8.count ?? 0)
            size += (item.email?.utf8.count ?? 0) + (item.entity?.utf8.count ?? 0)
        }
        bytes.reserveCapacity(size)
        // Fields are read in place: iterating the array would copy each item (a retain and a
        // release of each of its strings).
        items.withUnsafeBufferPointer { items in
            for index in items.indices {
                PackedText.append(items[index].id, to: &bytes)
                PackedText.append(items[index].name, to: &bytes)
                PackedText.append(items[index].phone, to: &bytes)
                PackedText.append(items[index].email, to: &bytes)
                PackedText.append(items[index].entity, to: &bytes)
            }
        }
        count = items.count
    }

    /// The items of packed summaries, their texts shared (no copy): the entity is its raw value,
    /// as `ContactItem(summary:)` gives it.
    init(_ summaries: PackedSummaries) {
        bytes = summaries.texts
        count = summaries.count
    }

    /// The first `limit` items of packed summaries (all of them when there are no more): what a
    /// reply lists when the decision looked at more matches than the reply may show.
    /// - Complexity: O(b) in the kept items' bytes.
    init(_ summaries: PackedSummaries, first limit: Int) {
        guard summaries.count > limit else {
            self.init(summaries)
            return
        }
        let kept = max(0, limit)
        let prefix = summaries.texts.withUnsafeBytes { buffer in
            var reader = PackedText.Reader(buffer)
            for _ in 0..<(kept * PackedSummaries.textsPerMatch) { reader.skip() }
            return Array(buffer[0..<reader.offset])
        }
        self.init()
        bytes = prefix
        count = kept
    }

    var isEmpty: Bool { count == 0 }

    /// The items, rebuilt.
    /// - Complexity: O(b) in the packed bytes.
    var items: [ContactItem] {
        var items: [ContactItem] = []
        items.reserveCapacity(count)
        bytes.withUnsafeBytes { buffer in
            var reader = PackedText.Reader(buffer)
            for _ in 0..<count {
                let id = reader.nextString() ?? ""
                items.append(ContactItem(id: id, name: reader.nextString(), phone: reader.nextString(), email: reader.nextString(), entity: reader.nextString()))
            }
        }
        return items
    }

    /// Calls `body` with each item's id bytes, in order.
    func forEachID(_ body: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { buffer in
            var reader = PackedText.Reader(buffer)
            for _ in 0..<count {
                body(reader.next() ?? UnsafeRawBufferPointer(start: nil, count: 0))
                for _ in 1..<PackedSummaries.textsPerMatch { reader.skip() }
            }
        }
    }

    /// Whether an item has this id (compared as `String`s, like `items.contains { $0.id == id }`).
    /// - Complexity: O(b) in the packed bytes.
    func contains(id: String) -> Bool {
        var found = false
        forEachID { bytes in
            if !found, String(decoding: bytes, as: UTF8.self) == id { found = true }
        }
        return found
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.bytes == rhs.bytes || (lhs.count == rhs.count && lhs.items == rhs.items)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(items)
    }
}
