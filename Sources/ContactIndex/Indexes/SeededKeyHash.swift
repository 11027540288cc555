/// The hash of the keys that the indexes' hash tables hold (`SlotHashTable`): contact ids,
/// phone and email keys, vocabulary tokens and the strings their deletions leave
/// (`TokenDeletionIndex`). A key's bytes are read eight or four at a time and mixed by 64 × 64
/// → 128-bit multiplications folded to 64 bits (the mixing step of the wyhash family), from a
/// seed drawn at random once per process, as the standard library's `Hasher` draws its own: a
/// directory made to crowd one bucket would need the seed.
///
/// Why not `Hasher` (SipHash-1-3): its set-up and finalization cost about 100 instructions a
/// key, more than the rest of a hash for keys of 5 to 24 bytes. A query token's typing errors
/// hash every string its deletions leave (37 for a token of 8 letters with two deletions), a
/// load hashes every id, phone, email, token and deletion string of the export, and an update
/// a contact's; with `Hasher`, the deletion strings' hashes alone were about 2% of the
/// instructions of name look-ups (callgrind, `docs/measurements.md`).
enum SeededKeyHash {
    /// The process's seed.
    static let seed = UInt64.random(in: .min ... .max)

    /// Odd constants with about half their bits set, one for each input of a mix.
    private static let first: UInt64 = 0xA076_1D64_78BD_642F
    private static let second: UInt64 = 0xE703_7ED1_A0B4_28DB
    private static let third: UInt64 = 0x8EBC_6AF0_9C88_C6E3

    /// The 128-bit product of `a` and `b`, its halves xored.
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return high ^ low
    }

    /// The 64-bit hash of a byte string.
    /// - Complexity: O(n), one multiplication for each 16 bytes, two more at the end.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var state = seed ^ first
        var low: UInt64 = 0
        var high: UInt64 = 0
        if count <= 16 {
            if count >= 4 {
                // The first and last 4 bytes, and 4 more from each end when there are 8 or more
                // (they overlap as needed: every byte is read).
                let inner = (count >> 3) << 2
                low = UInt64(word32(bytes, 0)) << 32 | UInt64(word32(bytes, inner))
                high = UInt64(word32(bytes, count - 4)) << 32 | UInt64(word32(bytes, count - 4 - inner))
            } else if count > 0 {
                low = UInt64(bytes[0]) << 16 | UInt64(bytes[count >> 1]) << 8 | UInt64(bytes[count - 1])
            }
        } else {
            var offset = 0
            while count - offset > 16 {
                state = mix(word64(bytes, offset) ^ first, word64(bytes, offset + 8) ^ state)
                offset += 16
            }
            low = word64(bytes, count - 16)
            high = word64(bytes, count - 8)
        }
        return mix(second ^ UInt64(count), mix(low ^ second, high ^ state))
    }

    /// The 64-bit hash of an integer key.
    @inline(__always)
    static func hash(_ key: UInt64) -> UInt64 {
        mix(third ^ 8, mix(key ^ second, seed ^ first))
    }

    @inline(__always)
    private static func word32(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
    }

    @inline(__always)
    private static func word64(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }
}
