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
        var best: [String: Match] = [:]
        best.reserveCapacity(matches.count)
        for match in matches {
            if let existing = best[match.contact.id], !precedes(match, existing) { continue }
            best[match.contact.id] = match
        }
        let ordered = best.values.sorted(by: precedes)
        guard let limit, limit < ordered.count else { return ordered }
        return Array(ordered.prefix(max(0, limit)))
    }
}
