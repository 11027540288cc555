/// The one ordering of matches that every look-up returns.
///
/// Matches sort by score (higher first), then by the entity priority (a configurable order of
/// record kinds, contacts before leads by default), then by id in byte order. The order is total,
/// so results are deterministic. Each contact appears once, with its best match.
public struct MatchRanking: Sendable, Hashable {
    /// Record kinds in order of preference when scores tie; kinds not listed come after them.
    public var entityPriority: [ContactEntity]

    /// The default order: contact, lead, user, account.
    public init(entityPriority: [ContactEntity] = [.contact, .lead, .user, .account]) {
        self.entityPriority = entityPriority
    }

    /// The priority rank of an entity (lower comes first).
    public func rank(of entity: ContactEntity) -> Int {
        entityPriority.firstIndex(of: entity) ?? entityPriority.count
    }

    /// Whether `a` ranks before `b`.
    public func precedes(_ a: Match, _ b: Match) -> Bool {
        if a.score != b.score { return a.score > b.score }
        let rankA = rank(of: a.contact.entity)
        let rankB = rank(of: b.contact.entity)
        if rankA != rankB { return rankA < rankB }
        return a.contact.id.utf8.lexicographicallyPrecedes(b.contact.id.utf8)
    }

    /// Keeps each contact's best match, orders them and cuts to `limit`.
    /// - Complexity: O(n log n) in the number of candidate matches.
    public func rank(_ matches: [Match], limit: Int? = nil) -> [Match] {
        if matches.count <= 1 { return limit == 0 ? [] : matches }
        if matches.count <= 16 {
            // A phone or email look-up: a few matches, deduplicated without hashing.
            var best: [Match] = []
            best.reserveCapacity(matches.count)
            for match in matches {
                if let existing = best.firstIndex(where: { $0.contact.id.utf8.elementsEqual(match.contact.id.utf8) }) {
                    if precedes(match, best[existing]) { best[existing] = match }
                } else {
                    best.append(match)
                }
            }
            best.sort(by: precedes)
            guard let limit, limit < best.count else { return best }
            return Array(best.prefix(max(0, limit)))
        }
        var best: [RecordID: Match] = [:]
        best.reserveCapacity(matches.count)
        for match in matches {
            let key = RecordID(match.contact.id)
            if let existing = best[key], !precedes(match, existing) { continue }
            best[key] = match
        }
        let ordered = best.values.sorted(by: precedes)
        guard let limit, limit < ordered.count else { return ordered }
        return Array(ordered.prefix(max(0, limit)))
    }
}

/// A record id as a dictionary key compared byte for byte (`String`'s own equality would merge
/// ids that differ only in Unicode normalization).
struct RecordID: Hashable, Sendable {
    let id: String

    init(_ id: String) { self.id = id }

    static func == (a: RecordID, b: RecordID) -> Bool { a.id.utf8.elementsEqual(b.id.utf8) }

    func hash(into hasher: inout Hasher) {
        var id = id
        id.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
