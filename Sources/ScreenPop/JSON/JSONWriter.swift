/// A small JSON writer into a byte buffer: the engine's replies are written with it, in a fixed
/// key order (`type` first), without going through an `Encoder`.
struct JSONWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Writes a JSON string: quotes, `\"`, `\\` and control characters escaped, the rest as UTF-8.
    mutating func string(_ text: String) {
        bytes.append(0x22)
        let written = text.utf8.withContiguousStorageIfAvailable { utf8 in
            escaped(utf8)
            return true
        }
        if written == nil {
            var copy = text
            copy.withUTF8 { escaped($0) }
        }
        bytes.append(0x22)
    }

    /// Appends UTF-8 text as the inside of a JSON string, runs without escapes in one copy.
    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    /// Writes a string, or `null`.
    mutating func optionalString(_ text: String?) {
        if let text { string(text) } else { raw("null") }
    }

    /// Writes a contact item `{id, name, phone, email, entity}` (absent fields as null).
    mutating func item(_ item: ContactItem) {
        raw("{\"id\":")
        string(item.id)
        raw(",\"name\":")
        optionalString(item.name)
        raw(",\"phone\":")
        optionalString(item.phone)
        raw(",\"email\":")
        optionalString(item.email)
        raw(",\"entity\":")
        optionalString(item.entity)
        raw("}")
    }

    /// Bytes enough for `items` written without escapes (so the buffer grows at most once
    /// more, for escapes).
    static func estimatedBytes(_ items: [ContactItem]) -> Int {
        var total = 2
        for item in items {
            total += 64 + item.id.utf8.count + (item.name?.utf8.count ?? 0) + (item.phone?.utf8.count ?? 0)
                + (item.email?.utf8.count ?? 0) + (item.entity?.utf8.count ?? 0)
        }
        return total
    }

    /// Writes an array of items.
    mutating func items(_ items: [ContactItem]) {
        raw("[")
        for (index, element) in items.enumerated() {
            if index > 0 { raw(",") }
            item(element)
        }
        raw("]")
    }
}
