/// The postings of one index key. Most keys (one person's number, one address) have a single
/// posting, which is stored inline without a heap allocation; shared keys (a household phone,
/// an office switchboard) spill into an array.
enum PostingList<Posting: Hashable & Sendable>: Sendable, Hashable {
    case one(Posting)
    case many([Posting])

    /// The postings, in insertion order.
    var postings: [Posting] {
        switch self {
        case .one(let posting): [posting]
        case .many(let postings): postings
        }
    }

    /// Calls `body` on each posting without building an array.
    @inline(__always)
    func forEach(_ body: (Posting) -> Void) {
        switch self {
        case .one(let posting): body(posting)
        case .many(let postings): postings.forEach(body)
        }
    }

    /// The list with `posting` added (no duplicates).
    func adding(_ posting: Posting) -> PostingList {
        switch self {
        case .one(let existing): return existing == posting ? self : .many([existing, posting])
        case .many(var postings):
            if !postings.contains(posting) { postings.append(posting) }
            return .many(postings)
        }
    }

    /// The list without the postings for which `isRemoved` is true; nil when none is left.
    func removing(where isRemoved: (Posting) -> Bool) -> PostingList? {
        switch self {
        case .one(let posting): return isRemoved(posting) ? nil : self
        case .many(var postings):
            postings.removeAll(where: isRemoved)
            if postings.isEmpty { return nil }
            return postings.count == 1 ? .one(postings[0]) : .many(postings)
        }
    }
}

extension Dictionary {
    /// Adds a posting under a key.
    mutating func addPosting<P>(_ posting: P, for key: Key) where Value == PostingList<P> {
        if let list = self[key] { self[key] = list.adding(posting) } else { self[key] = .one(posting) }
    }

    /// Removes the postings of one slot under a key.
    mutating func removePostings<P>(for key: Key, where isRemoved: (P) -> Bool) where Value == PostingList<P> {
        guard let list = self[key] else { return }
        self[key] = list.removing(where: isRemoved)
    }
}
