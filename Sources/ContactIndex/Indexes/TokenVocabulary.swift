#if canImport(Glibc)
import Glibc
#endif

/// The distinct folded name tokens of a directory, each with a dense id, kept in byte order for
/// prefix ranges.
///
/// Layout: token bytes live in one arena with an offsets array (a million contacts share a few
/// hundred thousand distinct tokens at most, so the vocabulary is small next to the postings);
/// a hash table of the tokens' bytes finds an id, and `sorted` lists ids in byte order. Typing
/// errors are found by `TokenDeletionIndex`.
struct TokenVocabulary: Sendable {
    private(set) var arena: [UInt8] = []
    private(set) var offsets: [UInt32] = [0]
    /// Token ids by the hash of their bytes (checked against the arena).
    private var idsByHash = SlotHashTable()
    /// Ids in byte order of their tokens (complete after `sortIfNeeded`).
    private(set) var sorted: [UInt32] = []
    /// The byte lengths of the tokens in `sorted`, position for position (at most 65,535): a
    /// prefix range's lengths are read in order, not one token's offsets at a time.
    private var sortedLengths: [UInt16] = []
    private var sortedIsCurrent = true
    private(set) var maxLength = 0

    /// Makes the arrays own their storage (see `ContactDirectory.independentCopy`).
    mutating func makeStorageUnique() {
        arena.reserveCapacity(arena.count)
        offsets.reserveCapacity(offsets.count)
        idsByHash.makeStorageUnique()
        sorted.reserveCapacity(sorted.count)
        sortedLengths.reserveCapacity(sortedLengths.count)
    }

    /// Approximate heap bytes held.
    var approximateBytes: Int {
        arena.capacity + offsets.capacity * 4 + sorted.capacity * 4 + sortedLengths.capacity * 2 + idsByHash.approximateBytes
    }

    /// The number of distinct tokens.
    var count: Int { offsets.count - 1 }

    /// The id of a token, if it is in the vocabulary.
    /// - Complexity: O(1) expected.
    func id(of token: String) -> UInt32? {
        var token = token
        return token.withUTF8 { id(of: $0) }
    }

    /// The id of a token given as bytes, if it is in the vocabulary.
    /// - Complexity: O(1) expected.
    func id(of token: UnsafeBufferPointer<UInt8>) -> UInt32? {
        id(of: token, hash: SlotHashTable.hash(UnsafeRawBufferPointer(token)))
    }

    private func id(of token: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UInt32? {
        var found: UInt32? = nil
        arena.withUnsafeBufferPointer { bytes in
            idsByHash.forEach(hash: hash) { candidate in
                let start = Int(offsets[Int(candidate)])
                let end = Int(offsets[Int(candidate) + 1])
                if end - start == token.count, token.count == 0 || memcmp(bytes.baseAddress! + start, token.baseAddress!, token.count) == 0 {
                    found = candidate
                    return false
                }
                return true
            }
        }
        return found
    }

    /// The length of a token in bytes.
    func length(of id: UInt32) -> Int {
        Int(offsets[Int(id) + 1] - offsets[Int(id)])
    }

    /// The length in bytes of the token at `position` in `sorted` (at most 65,535).
    @inline(__always)
    func length(atSortedPosition position: Int) -> Int { Int(sortedLengths[position]) }

    /// The bytes of a token.
    func bytes(of id: UInt32) -> ArraySlice<UInt8> {
        arena[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])]
    }

    /// Calls `body` with a reader of the tokens' bytes in place (`TokenBytesReader`).
    func withBytesReader<R>(_ body: (TokenBytesReader) throws -> R) rethrows -> R {
        try arena.withUnsafeBufferPointer { arena in
            try offsets.withUnsafeBufferPointer { offsets in try body(TokenBytesReader(arena: arena, offsets: offsets)) }
        }
    }

    /// The id of `token`, adding it when new. With `keepSorted` false (bulk loading), call
    /// `sortIfNeeded()` before searching.
    /// - Complexity: O(1) expected, plus O(V) to keep `sorted` in order when a token is new.
    mutating func intern(_ token: String, keepSorted: Bool) -> UInt32 {
        var token = token
        return token.withUTF8 { intern($0, keepSorted: keepSorted) }
    }

    /// `intern` for a token given as bytes.
    mutating func intern(_ token: UnsafeBufferPointer<UInt8>, keepSorted: Bool) -> UInt32 {
        let hash = SlotHashTable.hash(UnsafeRawBufferPointer(token))
        if let id = id(of: token, hash: hash) { return id }
        let id = UInt32(count)
        arena.append(contentsOf: token)
        offsets.append(UInt32(arena.count))
        maxLength = max(maxLength, token.count)
        idsByHash.insert(hash: hash, slot: id)
        if keepSorted && sortedIsCurrent {
            let position = lowerBound(Array(token))
            sorted.insert(id, at: position)
            sortedLengths.insert(UInt16(clamping: token.count), at: position)
        } else {
            sorted.append(id)
            sortedLengths.append(UInt16(clamping: token.count))
            sortedIsCurrent = false
        }
        return id
    }

    /// Restores byte order of `sorted` after bulk loading.
    /// - Complexity: O(V log V).
    mutating func sortIfNeeded() {
        guard !sortedIsCurrent else { return }
        arena.withUnsafeBufferPointer { bytes in
            let offsets = self.offsets
            sorted.sort { a, b in
                Self.compare(bytes, offsets, a, b) < 0
            }
        }
        sortedLengths = sorted.map { UInt16(clamping: length(of: $0)) }
        sortedIsCurrent = true
    }

    /// The positions in `sorted` of the tokens that start with `prefix`.
    /// - Complexity: O(log V).
    func prefixRange(_ prefix: [UInt8]) -> Range<Int> {
        let start = lowerBound(prefix)
        var low = start
        var high = sorted.count
        arena.withUnsafeBufferPointer { bytes in
            while low < high {
                let middle = (low + high) / 2
                if hasPrefix(bytes, sorted[middle], prefix[...]) { low = middle + 1 } else { high = middle }
            }
        }
        return start..<low
    }

    private func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ id: UInt32, _ prefix: some Collection<UInt8>) -> Bool {
        let start = Int(offsets[Int(id)])
        let length = Int(offsets[Int(id) + 1]) - start
        guard length >= prefix.count else { return false }
        var position = start
        for byte in prefix {
            if bytes[position] != byte { return false }
            position += 1
        }
        return true
    }

    private func lowerBound(_ key: [UInt8]) -> Int {
        arena.withUnsafeBufferPointer { bytes in
            key.withUnsafeBufferPointer { k in
                var low = 0
                var high = sorted.count
                while low < high {
                    let middle = (low + high) / 2
                    let id = sorted[middle]
                    let start = Int(offsets[Int(id)])
                    let length = Int(offsets[Int(id) + 1]) - start
                    if Self.compareBytes(bytes.baseAddress! + start, length, k.baseAddress, k.count) < 0 { low = middle + 1 } else { high = middle }
                }
                return low
            }
        }
    }

    private static func compare(_ bytes: UnsafeBufferPointer<UInt8>, _ offsets: [UInt32], _ a: UInt32, _ b: UInt32) -> Int {
        let aStart = Int(offsets[Int(a)])
        let bStart = Int(offsets[Int(b)])
        return compareBytes(bytes.baseAddress! + aStart, Int(offsets[Int(a) + 1]) - aStart, bytes.baseAddress! + bStart, Int(offsets[Int(b) + 1]) - bStart)
    }

    @inline(__always)
    private static func compareBytes(_ a: UnsafePointer<UInt8>, _ aCount: Int, _ b: UnsafePointer<UInt8>?, _ bCount: Int) -> Int {
        let common = min(aCount, bCount)
        if common > 0, let b {
            for index in 0..<common where a[index] != b[index] {
                return a[index] < b[index] ? -1 : 1
            }
        }
        return aCount == bCount ? 0 : (aCount < bCount ? -1 : 1)
    }
}
