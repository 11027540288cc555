/// Lengths of a cell's UTF-8 bytes in characters (Unicode scalars), for the limits of the
/// fields a row's cells fill (`CSVLoadProblem.TooLongField`).
///
/// The loader compares a cell's byte count with the limit first: a scalar takes at least one
/// byte, so a cell of at most `limit` bytes is within it, and only a longer one is counted.
enum ContactCSVFieldLength {
    /// The number of Unicode scalars in valid UTF-8: the bytes that start one.
    /// - Complexity: O(n) in the bytes.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Whether `bytes` hold more than `limit` Unicode scalars.
    /// - Complexity: O(1) when the bytes are at most `limit`, else O(n).
    @inline(__always)
    static func exceeds(_ bytes: UnsafeBufferPointer<UInt8>, _ limit: Int) -> Bool {
        bytes.count > limit && scalarCount(bytes) > limit
    }

    /// The first `scalars` Unicode scalars of `bytes` (all of them when there are fewer), cut
    /// between two scalars.
    /// - Complexity: O(k) in the bytes kept.
    static func prefix(_ bytes: UnsafeBufferPointer<UInt8>, scalars: Int) -> UnsafeBufferPointer<UInt8> {
        var seen = 0
        for index in bytes.indices where bytes[index] & 0xC0 != 0x80 {
            if seen == scalars { return UnsafeBufferPointer(rebasing: bytes[..<index]) }
            seen += 1
        }
        return bytes
    }
}
