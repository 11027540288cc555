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
    /// Each token's first byte, by id: whether a token is an initial match of a one-letter query
    /// token is one byte read (`TokenInitials`).
    private(set) var firstBytes: [UInt8] = []
    /// Token ids by the hash of their bytes (checked against the arena).
    private var idsByHash = SlotHashTable()
    /// Ids in byte order of their tokens (complete after `sortIfNeeded`).
    private(set) var sorted: [UInt32] = []
    /// The byte lengths of the tokens in `sorted`, position for position (at most 65,535): a
    /// prefix range's lengths are read in order, not one token's offsets at a time.
    private var sortedLengths: [UInt16] = []
    /// The first 8 bytes of the tokens in `sorted`, big-endian and zero-padded, position for
    /// position (`head`): in byte order too, since no folded token holds a zero byte. A binary
    /// search reads them in one array instead of three dependent places a step (the id, its
    /// offset, its bytes); a prefix range of up to 8 bytes is found on them alone.
    private var sortedHeads: [UInt64] = []
    private var sortedIsCurrent = true
    private(set) var maxLength = 0

    /// Makes the arrays own their storage (see `ContactDirectory.independentCopy`).
    mutating func makeStorageUnique() {
        arena.reserveCapacity(arena.count)
        offsets.reserveCapacity(offsets.count)
        firstBytes.reserveCapacity(firstBytes.count)
        idsByHash.makeStorageUnique()
        sorted.reserveCapacity(sorted.count)
        sortedLengths.reserveCapacity(sortedLengths.count)
        sortedHeads.reserveCapacity(sortedHeads.count)
    }

    /// Approximate heap bytes held.
    var approximateBytes: Int {
        arena.capacity + offsets.capacity * 4 + firstBytes.capacity + sorted.capacity * 4 + sortedLengths.capacity * 2 + sortedHeads.capacity * 8 + idsByHash.approximateBytes
    }

    /// The number of distinct tokens.
    var count: Int { offsets.count - 1 }

    /// The id of a token, if it is in the vocabulary.
    /// - Complexity: O(1) expected.
    func id(of token: String) -> UInt32? {
        var token = token
        return token.withUTF8 { id(of: $0) }
    }

    /// The ids of `tokens` in order, or nil when one of them is not in the vocabulary.
    /// - Complexity: O(t) expected.
    func ids(of tokens: [String]) -> [UInt32]? {
        var ids: [UInt32] = []
        ids.reserveCapacity(tokens.count)
        for token in tokens {
            guard let id = id(of: token) else { return nil }
            ids.append(id)
        }
        return ids
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
        firstBytes.append(token.first ?? 0)
        maxLength = max(maxLength, token.count)
        idsByHash.insert(hash: hash, slot: id)
        if keepSorted && sortedIsCurrent {
            let position = lowerBound(token)
            sorted.insert(id, at: position)
            sortedLengths.insert(UInt16(clamping: token.count), at: position)
            sortedHeads.insert(Self.head(token, padding: 0), at: position)
        } else {
            sorted.append(id)
            sortedLengths.append(UInt16(clamping: token.count))
            sortedHeads.append(Self.head(token, padding: 0))
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
        sortedHeads = arena.withUnsafeBufferPointer { bytes in
            sorted.map { id in
                let start = Int(offsets[Int(id)])
                return Self.head(UnsafeBufferPointer(rebasing: bytes[start..<Int(offsets[Int(id) + 1])]), padding: 0)
            }
        }
        sortedIsCurrent = true
    }

    /// The positions in `sorted` of the tokens that start with `prefix`.
    /// - Complexity: O(log V), on `sortedHeads` alone for a prefix of up to 8 bytes.
    func prefixRange(_ prefix: [UInt8]) -> Range<Int> {
        prefix.withUnsafeBufferPointer { prefix in
            // The tokens that start with the prefix's first 8 bytes: their heads lie between the
            // prefix padded with zeros and the prefix padded with 0xFF.
            let head = prefix.prefix(8)
            let low = firstHead(atLeast: Self.head(UnsafeBufferPointer(rebasing: head), padding: 0), from: 0)
            let upper = Self.head(UnsafeBufferPointer(rebasing: head), padding: 0xFF)
            let high = firstHead(atLeast: upper &+ 1, from: low, wraps: upper == .max)
            guard prefix.count > 8 else { return low..<high }
            // A longer prefix: its first 8 bytes are the heads' own; the rest is compared on
            // the bytes, within that run.
            let first = partitionPoint(in: low..<high) { id, bytes in Self.compareTail(bytes, offsets, id, prefix, hasPrefixOnly: false) < 0 }
            let last = partitionPoint(in: first..<high) { id, bytes in Self.compareTail(bytes, offsets, id, prefix, hasPrefixOnly: true) == 0 }
            return first..<last
        }
    }

    /// The big-endian number of the first 8 bytes of `bytes`, padded with `padding`.
    @inline(__always)
    private static func head(_ bytes: UnsafeBufferPointer<UInt8>, padding: UInt8) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 { value = value << 8 | UInt64(index < bytes.count ? bytes[index] : padding) }
        return value
    }

    /// The first position at or after `start` whose head is at least `value` (the end when
    /// `wraps`: `value` overflowed past every head).
    @inline(__always)
    private func firstHead(atLeast value: UInt64, from start: Int, wraps: Bool = false) -> Int {
        guard !wraps else { return sortedHeads.count }
        return sortedHeads.withUnsafeBufferPointer { heads in
            var low = start
            var high = heads.count
            while low < high {
                let middle = (low + high) / 2
                if heads[middle] < value { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// The position in `sorted` of the first token not below `key` in byte order.
    private func lowerBound(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let head = Self.head(key, padding: 0)
        let low = firstHead(atLeast: head, from: 0)
        guard key.count > 8 else { return low }
        // Tokens with the key's 8-byte head: compared on their bytes.
        let high = firstHead(atLeast: head &+ 1, from: low, wraps: head == .max)
        return partitionPoint(in: low..<high) { id, bytes in Self.compareTail(bytes, offsets, id, key, hasPrefixOnly: false) < 0 }
    }

    /// The first position in `range` of `sorted` whose token fails `isBefore` (which holds for
    /// a leading run of the range), given the token's id and the arena.
    private func partitionPoint(in range: Range<Int>, _ isBefore: (UInt32, UnsafeBufferPointer<UInt8>) -> Bool) -> Int {
        arena.withUnsafeBufferPointer { bytes in
            var first = range.lowerBound
            var end = range.upperBound
            while first < end {
                let middle = (first + end) / 2
                if isBefore(sorted[middle], bytes) { first = middle + 1 } else { end = middle }
            }
            return first
        }
    }

    /// Compares token `id` with `key` in byte order (-1, 0, 1); with `hasPrefixOnly`, 0 when
    /// the token starts with `key`.
    @inline(__always)
    private static func compareTail(
        _ bytes: UnsafeBufferPointer<UInt8>, _ offsets: [UInt32], _ id: UInt32, _ key: UnsafeBufferPointer<UInt8>, hasPrefixOnly: Bool
    ) -> Int {
        let start = Int(offsets[Int(id)])
        var length = Int(offsets[Int(id) + 1]) - start
        if hasPrefixOnly, length > key.count { length = key.count }
        return compareBytes(bytes.baseAddress! + start, length, key.baseAddress, key.count)
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
