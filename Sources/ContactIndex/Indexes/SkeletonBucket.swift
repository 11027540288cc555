/// The romanized tokens filed under one consonant skeleton (`NameTokenIndex.skeletons`), with
/// their letters kept beside their ids.
///
/// Why the letters here as well as in the vocabulary: a query token's romanized spellings are
/// found by comparing it with every token of its skeleton (`NameQueryToken.addFarSpellings`),
/// and a short skeleton is shared by hundreds of tokens ("n": "juan", "wang", "hana", "yuna",
/// 1,400 at a million contacts). Read through the vocabulary, each was a load from where the
/// token starts and one from its bytes, far apart in memory; here a bucket is read from start
/// to end. The letters cost the vocabulary's bytes once more for the romanized tokens only.
struct SkeletonBucket: Sendable {
    /// The tokens' vocabulary ids, in filing order; an id may carry
    /// `NameTokenIndex.arabicScriptBit`.
    private(set) var entries: [UInt32] = []
    /// Where each token's letters end in `letters` (they start where the one before ends).
    private var ends: [UInt32] = []
    /// The tokens' letters, one after another.
    private var letters: [UInt8] = []

    /// How many tokens the bucket holds.
    var count: Int { entries.count }

    /// Files a token.
    mutating func append(_ entry: UInt32, token: some Collection<UInt8>) {
        entries.append(entry)
        letters.append(contentsOf: token)
        ends.append(UInt32(letters.count))
    }

    /// Calls `body` with each entry and its token's letters, in filing order.
    @inline(__always)
    func forEach(_ body: (_ entry: UInt32, _ token: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try entries.withUnsafeBufferPointer { entries in
            try ends.withUnsafeBufferPointer { ends in
                try letters.withUnsafeBufferPointer { letters in
                    var start = 0
                    for index in entries.indices {
                        let end = Int(ends[index])
                        try body(entries[index], UnsafeBufferPointer(rebasing: letters[start..<end]))
                        start = end
                    }
                }
            }
        }
    }

    /// Approximate heap bytes held (the arrays' storage and headers).
    var approximateBytes: Int {
        entries.capacity * 4 + ends.capacity * 4 + letters.capacity + 3 * 32
    }
}
