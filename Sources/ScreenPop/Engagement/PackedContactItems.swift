/// Contact items packed in one byte buffer: how an engagement keeps the records it offered.
///
/// Why: an engagement is kept for thousands of requests after its offer, and then evicted.
/// Kept as `[ContactItem]`, each offer is an array plus a heap string for every long id, name
/// or address, all cold by the time the engagement is evicted, so that every eviction paid a
/// cache miss for each string it released. Packed, an offer is one allocation, freed without
/// reading it; the items are rebuilt only when asked for (a selection, a status query).
///
/// Layout: for each item, its five fields (`id`, `name`, `phone`, `email`, `entity`), each a
/// little-endian `UInt32` byte count (`UInt32.max` for nil) followed by the UTF-8 bytes.
///
/// Equality and hashing are those of the items (`String` equality, canonical equivalence), so
/// an engagement record compares as it did when it held the array.
struct PackedContactItems: Sendable, Hashable {
    private var bytes: [UInt8] = []
    /// The number of items.
    private(set) var count = 0

    private static let absent = UInt32.max

    /// No items.
    init() {}

    /// Packs `items`, in order.
    /// - Complexity: O(b) in the items' UTF-8 bytes, copied once into a buffer sized up front.
    init(_ items: [ContactItem]) {
        guard !items.isEmpty else { return }
        var size = 0
        for item in items {
            size += 20 + item.id.utf8.count + (item.name?.utf8.count ?? 0) + (item.phone?.utf8.count ?? 0)
            size += (item.email?.utf8.count ?? 0) + (item.entity?.utf8.count ?? 0)
        }
        bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var writer = Writer(buffer: UnsafeMutableRawBufferPointer(buffer))
            // Fields are read in place: iterating the array would copy each item (a retain
            // and a release of each of its strings).
            items.withUnsafeBufferPointer { items in
                for index in items.indices {
                    writer.write(items[index].id)
                    writer.write(items[index].name)
                    writer.write(items[index].phone)
                    writer.write(items[index].email)
                    writer.write(items[index].entity)
                }
            }
            initialized = writer.offset
        }
        count = items.count
    }

    var isEmpty: Bool { count == 0 }

    /// The items, rebuilt.
    /// - Complexity: O(b) in the packed bytes.
    var items: [ContactItem] {
        var items: [ContactItem] = []
        items.reserveCapacity(count)
        var reader = Reader(bytes: bytes)
        for _ in 0..<count {
            let id = reader.field() ?? ""
            items.append(ContactItem(id: id, name: reader.field(), phone: reader.field(), email: reader.field(), entity: reader.field()))
        }
        return items
    }

    /// Whether an item has this id (compared as `String`s, like `items.contains { $0.id == id }`).
    /// - Complexity: O(b) in the packed bytes.
    func contains(id: String) -> Bool {
        var reader = Reader(bytes: bytes)
        for _ in 0..<count {
            if reader.field() == id { return true }
            for _ in 0..<4 { reader.skipField() }
        }
        return false
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.bytes == rhs.bytes || (lhs.count == rhs.count && lhs.items == rhs.items)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(items)
    }

    /// Writes fields into a buffer sized for them.
    private struct Writer {
        let buffer: UnsafeMutableRawBufferPointer
        var offset = 0

        mutating func write(_ field: String?) {
            guard let field else {
                writeLength(PackedContactItems.absent)
                return
            }
            // A native string hands its bytes over without a copy; another (bridged) one is
            // made contiguous first.
            let written: Void? = field.utf8.withContiguousStorageIfAvailable { write(bytes: UnsafeRawBufferPointer($0)) }
            if written == nil {
                var contiguous = field
                contiguous.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
            }
        }

        mutating func write(bytes: UnsafeRawBufferPointer) {
            writeLength(UInt32(bytes.count))
            if let source = bytes.baseAddress, let target = buffer.baseAddress, !bytes.isEmpty {
                (target + offset).copyMemory(from: source, byteCount: bytes.count)
            }
            offset += bytes.count
        }

        mutating func writeLength(_ length: UInt32) {
            buffer.storeBytes(of: length.littleEndian, toByteOffset: offset, as: UInt32.self)
            offset += 4
        }
    }

    /// Reads the fields back in order.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func length() -> UInt32 {
            var length: UInt32 = 0
            for shift in 0..<4 { length |= UInt32(bytes[offset + shift]) << (8 * shift) }
            offset += 4
            return length
        }

        mutating func field() -> String? {
            let length = length()
            guard length != PackedContactItems.absent else { return nil }
            let end = offset + Int(length)
            defer { offset = end }
            return String(decoding: bytes[offset..<end], as: UTF8.self)
        }

        mutating func skipField() {
            let length = length()
            if length != PackedContactItems.absent { offset += Int(length) }
        }
    }
}
