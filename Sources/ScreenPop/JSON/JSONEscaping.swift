/// Which bytes a JSON string cannot hold as they are: `"`, `\` and the control characters
/// below U+0020 (RFC 8259 §7).
enum JSONEscaping {
    /// Whether any byte of `text` must be escaped, read eight bytes at a time: a byte is
    /// flagged when it is below 0x20 or equal to 0x22 or 0x5C (the "has a byte less than n" and
    /// "has a zero byte" word tests, exact for these values).
    /// - Complexity: O(n), about one step per eight bytes.
    static func needed(in text: UnsafeRawBufferPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var offset = 0
        while offset + 8 <= text.count {
            let word = UInt64(littleEndian: text.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let quote = word ^ (0x22 &* ones)
            let backslash = word ^ (0x5C &* ones)
            let control = (word &- 0x20 &* ones) & ~word
            let quoteHit = (quote &- ones) & ~quote
            let backslashHit = (backslash &- ones) & ~backslash
            if (control | quoteHit | backslashHit) & highs != 0 { return true }
            offset += 8
        }
        while offset < text.count {
            let byte = text[offset]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
            offset += 1
        }
        return false
    }
}
