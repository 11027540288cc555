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

// MARK: Spelling bits

extension NameSpelling {
    /// A 16-bit set of the spellings a contact's name reads as, one bit each
    /// (`bits(first:last:display:)`), kept with its whole-name collation keys
    /// (`CollationKeyIndex.Entry.spellings`).
    ///
    /// Why: a name's namesakes at collation strength are all found by one key, but only those
    /// spelled as the query are exact matches (`exactName`), the others folded ("ha nguyen" for
    /// "Hà Nguyễn"). Telling them apart read each namesake's record, a cache miss each, and a
    /// name with hundreds of folded namesakes and no exact one read them all (30 µs at a million
    /// contacts). A namesake whose bits lack the query's bit is certainly not spelled as the
    /// query: it is offered as folded without its record. One with the bit is read, as before
    /// (about one in six of the others, where the contact's few spellings set other bits).
    typealias Bits = UInt16

    /// The bit of a spelling given as comparison bytes (`key`).
    static func bit(ofKey key: [UInt8]) -> Bits {
        var hash = SpellingHash()
        for byte in key { hash.add(byte) }
        return hash.bit
    }

    /// The bits of every spelling the exact-name comparison of `ContactDirectory` tries on a
    /// record: the display name, given then family name, family then given, and family then
    /// given with nothing between them.
    static func bits<Bytes: Collection<UInt8>>(first: Bytes?, last: Bytes?, display: Bytes?) -> Bits {
        // A missing name reads as empty, as in `reads`.
        var bits = bit(display, separator: nil, nil as Bytes?)
        bits |= bit(first, separator: UInt8(ascii: " "), last)
        bits |= bit(last, separator: UInt8(ascii: " "), first)
        if let first, let last, !first.isEmpty, !last.isEmpty { bits |= bit(last, separator: nil, first) }
        return bits
    }

    /// The bit of what `reads` compares: `first`, `separator` (when `second` is not empty)
    /// and `second`, normalized as `key` does.
    private static func bit<Bytes: Collection<UInt8>>(_ first: Bytes?, separator: UInt8?, _ second: Bytes?) -> Bits {
        var stream = NormalizedStream()
        if let first { for byte in first { stream.feed(byte) } }
        if let second, !second.isEmpty {
            if let separator { stream.feed(separator) }
            for byte in second { stream.feed(byte) }
        }
        return stream.hash.bit
    }

    /// FNV-1a over comparison bytes, reduced to one of 16 bits.
    private struct SpellingHash {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325

        mutating func add(_ byte: UInt8) {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }

        var bit: Bits { 1 << Bits((value &* 0x9E37_79B9_7F4A_7C15) >> 60) }
    }

    /// Raw bytes normalized as `key` does, hashed as they come.
    private struct NormalizedStream {
        var hash = SpellingHash()
        var started = false
        var pendingSpace = false

        mutating func feed(_ byte: UInt8) {
            if byte == UInt8(ascii: "'") { return }
            guard let kept = NameSpelling.classify(byte) else {
                pendingSpace = true
                return
            }
            if pendingSpace, started { hash.add(32) }
            pendingSpace = false
            started = true
            hash.add(kept)
        }
    }
}
