/// How one query token matched one name token, best first. The order is the ranking's:
/// exact, nickname, prefix, initial, then fuzzy by distance.
enum TokenMatchKind: UInt8, Comparable, Sendable {
    case exact = 0
    case nickname = 1
    case prefix = 2
    case initial = 3
    case fuzzyOne = 4
    case romanized = 5
    case fuzzyTwo = 6
    case fuzzyThree = 7

    /// The kind of a fuzzy match at `distance` edits (1...3).
    static func fuzzy(_ distance: Int) -> TokenMatchKind {
        distance <= 1 ? .fuzzyOne : (distance == 2 ? .fuzzyTwo : .fuzzyThree)
    }

    static func < (a: TokenMatchKind, b: TokenMatchKind) -> Bool { a.rawValue < b.rawValue }

    /// The reason of a match whose weakest token matched this way.
    var reason: MatchReason {
        switch self {
        case .exact: .nameTokens
        case .nickname: .nickname
        case .prefix: .tokenPrefix
        case .initial: .initials
        case .fuzzyOne: .fuzzyOneEdit
        case .romanized: .romanized
        case .fuzzyTwo, .fuzzyThree: .fuzzyTwoEdits
        }
    }
}

/// One token of a name query with the vocabulary tokens it stands for: itself, its nicknames
/// (both ways), the tokens it starts (type-ahead on every token; a one-letter token is an
/// initial), and the tokens within its typo budget.
struct NameQueryToken {
    /// The folded token.
    var text: String
    /// Its id when the vocabulary has it.
    var exactID: UInt32?
    /// Whether it is a name particle ("van", "de", "al"), which may go unmatched.
    let isParticle: Bool
    /// Candidate token ids, ascending, with how each matches (`kinds[i]` for `ids[i]`).
    private(set) var ids: [UInt32] = []
    private(set) var kinds: [TokenMatchKind] = []
    /// The sum of the candidates' posting counts: the cost of driving a look-up from this token.
    private(set) var totalPostings = 0

    init(text: String, index: NameTokenIndex, options: NameMatchingOptions, nicknames: NicknameTable) {
        self.text = text
        self.isParticle = NameParticles.isParticle(text)
        let vocabulary = index.vocabulary
        var found: [UInt32: TokenMatchKind] = [:]
        func note(_ id: UInt32, _ kind: TokenMatchKind) {
            if let existing = found[id], existing <= kind { return }
            found[id] = kind
        }
        exactID = vocabulary.id(of: text)
        if let exactID { note(exactID, .exact) }
        let bytes = Array(text.utf8)
        if bytes.count == 1 {
            for position in vocabulary.prefixRange(bytes) { note(vocabulary.sorted[position], .initial) }
        } else {
            for name in nicknames.related(to: text) {
                if let id = vocabulary.id(of: name) { note(id, .nickname) }
            }
            for position in vocabulary.prefixRange(bytes) { note(vocabulary.sorted[position], .prefix) }
            // The budget follows the longer of the two tokens, so a deletion that shortens
            // "alex" to "aex" still finds "alex" (see `TokenDeletionIndex` for why the query
            // makes the deletions of the largest budget that can apply).
            let reach = options.budget(forLength: bytes.count + options.maxEdits)
            if reach > 0 {
                var checked: [UInt32] = []
                bytes.withUnsafeBufferPointer { query in
                    index.deletions.forEachCandidate(query, deletions: reach) { id in
                        guard found[id] == nil, !checked.contains(id) else { return }
                        checked.append(id)
                        vocabulary.bytes(of: id).withUnsafeBufferPointer { token in
                            let allowed = options.budget(forLength: max(token.count, query.count))
                            let distance = TokenDeletionIndex.distance(query, token, limit: allowed)
                            if distance > 0, distance <= allowed { note(id, .fuzzy(distance)) }
                        }
                    }
                }
            }
            let skeleton = ConsonantSkeleton.of(bytes)
            if !skeleton.isEmpty, let ids = index.skeletons[skeleton] {
                for id in ids { note(id, .romanized) }
            }
        }
        let sortedIDs = found.keys.sorted()
        ids = sortedIDs
        kinds = sortedIDs.map { found[$0]! }
        totalPostings = sortedIDs.reduce(0) { $0 + index.postings[Int($1)].count }
    }

    /// The candidate ids that match at `tier` or better, and their postings' total.
    func ids(upTo tier: TokenMatchKind, index: NameTokenIndex) -> (ids: [UInt32], postings: Int) {
        var selected: [UInt32] = []
        var total = 0
        for position in ids.indices where kinds[position] <= tier {
            selected.append(ids[position])
            total += index.postings[Int(ids[position])].count
        }
        return (selected, total)
    }

    /// How a vocabulary token matches this query token, or nil.
    /// - Complexity: O(log c) in the candidates.
    @inline(__always)
    func kind(of id: UInt32) -> TokenMatchKind? {
        if ids.count <= 8 {
            for position in ids.indices where ids[position] == id { return kinds[position] }
            return nil
        }
        var low = 0
        var high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id ? kinds[low] : nil
    }
}
