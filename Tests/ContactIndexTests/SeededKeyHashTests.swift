@testable import ContactIndex
import Testing

/// The indexes' key hash (`SeededKeyHash`): the same bytes always hash alike, every byte of a
/// key counts, and keys as the tables hold them (numbered ids, phone keys, tokens and the
/// strings their deletions leave) spread evenly over a table's buckets, which linear probing
/// needs (`SlotHashTable` takes a hash's low bits for its bucket).
@Suite struct SeededKeyHashTests {
    func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { SeededKeyHash.hash(UnsafeRawBufferPointer($0)) }
    }

    @Test func equalBytesHashAlikeAndEveryByteCounts() {
        let base = Array("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH".utf8)
        for length in 0...base.count {
            let key = Array(base.prefix(length))
            let hashed = key.withUnsafeBytes { SeededKeyHash.hash($0) }
            #expect(hashed == key.withUnsafeBytes { SeededKeyHash.hash($0) })
            for position in 0..<length {
                for flip: UInt8 in [0x01, 0x20, 0x80] {
                    var changed = key
                    changed[position] ^= flip
                    #expect(changed.withUnsafeBytes { SeededKeyHash.hash($0) } != hashed, "length \(length), byte \(position)")
                }
            }
        }
        // The length counts too: a key and the same key with a zero byte added differ.
        #expect(SeededKeyHash.hash(UnsafeRawBufferPointer(start: nil, count: 0)) != [UInt8(0)].withUnsafeBytes { SeededKeyHash.hash($0) })
        #expect([UInt8](repeating: 0, count: 4).withUnsafeBytes { SeededKeyHash.hash($0) }
            != [UInt8](repeating: 0, count: 5).withUnsafeBytes { SeededKeyHash.hash($0) })
    }

    /// The largest bucket of `keys` hashed into 2^`bits` buckets by their 32-bit fold's low
    /// bits (as `SlotHashTable` places them), and the chi-square statistic of the counts.
    func spread(_ hashes: [UInt64], bits: Int) -> (largest: Int, chiSquare: Double) {
        var buckets = [Int](repeating: 0, count: 1 << bits)
        for value in hashes {
            let folded = UInt32(truncatingIfNeeded: value ^ (value >> 32))
            buckets[Int(folded) & (buckets.count - 1)] += 1
        }
        let expected = Double(hashes.count) / Double(buckets.count)
        let chiSquare = buckets.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        return (buckets.max() ?? 0, chiSquare)
    }

    @Test func tableKeysSpreadEvenlyOverTheBuckets() {
        // Numbered ids, national numbers, and every deletion string of numbered tokens: keys
        // that differ in one or two bytes.
        let ids = (0..<65_536).map { hash("C\(String(1_000_000 + $0))") }
        let phones = (0..<65_536).map { hash("20255\(String(10_000 + $0))") }
        var deletions: [UInt64] = []
        for number in 0..<3_000 {
            let token = Array("smith\(number)".utf8)
            token.withUnsafeBufferPointer { token in
                TokenDeletionIndex.forEachDeletion(of: token, upTo: 1) { deletions.append(SeededKeyHash.hash(UnsafeRawBufferPointer($0))) }
            }
        }
        deletions = Array(Set(deletions))
        for (name, hashes) in [("ids", ids), ("phones", phones), ("deletions", deletions)] {
            let bits = 12
            let (largest, chiSquare) = spread(hashes, bits: bits)
            let expected = Double(hashes.count) / Double(1 << bits)
            // Chi-square of 4,095 degrees of freedom: mean 4,095, standard deviation about 90;
            // five deviations above it would be a hash that crowds buckets.
            #expect(chiSquare < 4_095 + 5 * 90, "\(name): chi-square \(chiSquare)")
            #expect(Double(largest) < expected * 2 + 10, "\(name): largest bucket \(largest), expected \(expected)")
        }
    }

    @Test func integerKeysSpreadEvenlyToo() {
        let keys = (0..<65_536).map { SeededKeyHash.hash(UInt64($0) << 20) }
        let (_, chiSquare) = spread(keys, bits: 12)
        #expect(chiSquare < 4_095 + 5 * 90)
        #expect(Set(keys).count == keys.count)
    }
}
