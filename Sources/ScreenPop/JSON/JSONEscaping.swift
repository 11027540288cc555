/// Which bytes a JSON string cannot hold as they are: `"`, `\` and the control characters
/// below U+0020 (RFC 8259 §7).
enum JSONEscaping {
    /// Copies `text` to `target` while checking it, in one pass, eight bytes at a time (a word
    /// is checked as it is copied); false, with part of it copied, when a byte must be escaped.
    /// A byte is flagged as `stops(in:)` says.
    /// - Precondition: `target` has room for `text.count` bytes.
    @inline(__always)
    static func copyIfPlain(_ text: UnsafeRawBufferPointer, to target: UnsafeMutableRawPointer) -> Bool {
        guard let source = text.baseAddress else { return true }
        let count = text.count
        var offset = 0
        while offset + 8 <= count {
            let word = source.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if wordNeedsEscaping(word) { return false }
            target.storeBytes(of: word, toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        guard offset < count else { return true }
        if count >= 8 {
            // The last eight bytes, overlapping what was copied: one more word, no byte loop.
            let last = count - 8
            let word = source.loadUnaligned(fromByteOffset: last, as: UInt64.self)
            if wordNeedsEscaping(word) { return false }
            target.storeBytes(of: word, toByteOffset: last, as: UInt64.self)
            return true
        }
        while offset < count {
            let byte = source.load(fromByteOffset: offset, as: UInt8.self)
            if byteNeedsEscaping(byte) { return false }
            target.storeBytes(of: byte, toByteOffset: offset, as: UInt8.self)
            offset += 1
        }
        return true
    }

    @inline(__always)
    private static func byteNeedsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C
    }

    /// Whether any of the eight bytes of `raw` (in memory order) must be escaped.
    @inline(__always)
    private static func wordNeedsEscaping(_ raw: UInt64) -> Bool {
        stops(in: UInt64(littleEndian: raw)) != 0
    }

    /// The bytes of `word` (little-endian: the first byte lowest) that must be escaped, as the
    /// high bit of each: below 0x20, or 0x22, or 0x5C (the "has a byte less than n" and "has a
    /// zero byte" word tests). The lowest flagged byte is exact; a borrow may also flag bytes
    /// above a true one, never below. Bytes of 0x80 and above are never flagged.
    @inline(__always)
    static func stops(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (0x22 &* ones)
        let backslash = word ^ (0x5C &* ones)
        let control = (word &- 0x20 &* ones) & ~word
        let quoteHit = (quote &- ones) & ~quote
        let backslashHit = (backslash &- ones) & ~backslash
        return (control | quoteHit | backslashHit) & highBits
    }

    /// The high bit of every byte of a word.
    static let highBits: UInt64 = 0x8080_8080_8080_8080
}
