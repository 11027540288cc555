/// Compares whole names "case aside" without ICU and without building strings: both sides are
/// read as bytes with ASCII letters lower-cased, apostrophes dropped and every run of other
/// ASCII (spaces, commas, hyphens, periods) read as one space, trimmed. Non-ASCII bytes compare
/// as they are, so "MÜLLER" and "Müller" differ here: their match is `foldedName`, not
/// `exactName`.
enum NameSpelling {
    /// The comparison bytes of a text.
    static func key(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 { append(byte, to: &out, pendingSpace: &pendingSpace) }
        return out
    }

    /// Whether `first`, a space and `second` (either may be nil or empty) read as `key`.
    static func equals(_ key: [UInt8], _ first: String?, _ second: String?) -> Bool {
        equals(key, first?.utf8, second?.utf8)
    }

    /// Whether the bytes `first`, a space and `second` (either may be nil or empty) read as
    /// `key` (record fields, without building strings).
    static func equals<Bytes: Collection<UInt8>>(_ key: [UInt8], _ first: Bytes?, _ second: Bytes?) -> Bool {
        reads(key, first, separator: UInt8(ascii: " "), second)
    }

    /// Whether the bytes `first` then `second`, with nothing between them, read as `key`: a name
    /// in a script written without spaces, family name first ("김" and "민수" as "김민수").
    static func equalsJoined<Bytes: Collection<UInt8>>(_ key: [UInt8], _ first: Bytes?, _ second: Bytes?) -> Bool {
        guard let first, let second, !first.isEmpty, !second.isEmpty else { return false }
        return reads(key, first, separator: nil, second)
    }

    /// Whether `first`, `separator` (when `second` is not empty) and `second` read as `key`.
    private static func reads<Bytes: Collection<UInt8>>(_ key: [UInt8], _ first: Bytes?, separator: UInt8?, _ second: Bytes?) -> Bool {
        var cursor = Cursor(key: key)
        if let first { for byte in first where !cursor.feed(byte) { return false } }
        if let second, !second.isEmpty {
            if let separator, !cursor.feed(separator) { return false }
            for byte in second where !cursor.feed(byte) { return false }
        }
        return cursor.position == key.count
    }

    @inline(__always)
    private static func classify(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 65...90: byte + 32
        case 97...122, 48...57, 0x80...: byte
        default: nil
        }
    }

    @inline(__always)
    private static func append(_ byte: UInt8, to out: inout [UInt8], pendingSpace: inout Bool) {
        if byte == UInt8(ascii: "'") { return }
        if let kept = classify(byte) {
            if pendingSpace, !out.isEmpty { out.append(32) }
            pendingSpace = false
            out.append(kept)
        } else {
            pendingSpace = true
        }
    }

    /// Streams normalized bytes against a key.
    private struct Cursor {
        let key: [UInt8]
        var position = 0
        var pendingSpace = false

        init(key: [UInt8]) { self.key = key }

        /// Feeds one raw byte; false as soon as the stream differs from the key.
        mutating func feed(_ byte: UInt8) -> Bool {
            if byte == UInt8(ascii: "'") { return true }
            guard let kept = NameSpelling.classify(byte) else {
                pendingSpace = true
                return true
            }
            if pendingSpace, position > 0 {
                guard position < key.count, key[position] == 32 else { return false }
                position += 1
            }
            pendingSpace = false
            guard position < key.count, key[position] == kept else { return false }
            position += 1
            return true
        }
    }
}
