#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The engagements the engine follows, by `engagementId`, across channels, and which records
/// each one offered to the agent.
///
/// Memory is bounded by one rule: at most `capacity` engagements, each forgotten `timeToLive`
/// seconds after the last message about it; what is evicted is counted. The index of offers
/// (record id → the engagements whose last offer listed it) holds entries of kept engagements
/// only: an engagement's entries leave the index when it offers again or is evicted, so the
/// index never holds more than `capacity` engagements' offers, and no offer is forgotten while
/// its engagement is kept.
///
/// Not thread-safe by itself: the engine keeps it under its lock.
public struct EngagementTracker: Sendable {
    private var table: BoundedTable<String, EngagementRecord>
    private var sequence: UInt64 = 0
    /// Record id → the engagements whose last offer listed it, each with the sequence number of
    /// that offer.
    private var offers: [String: Offerers] = [:]
    /// Entries in `offers`, summed over the record ids.
    private(set) var offerEntries = 0

    /// Creates a tracker.
    /// - Parameters:
    ///   - capacity: the most engagements kept.
    ///   - timeToLive: seconds after its last message that an engagement is forgotten.
    public init(capacity: Int = 10_000, timeToLive: TimeInterval = 8 * 3600) {
        table = BoundedTable(capacity: capacity, maximumAge: timeToLive)
    }

    /// The number of engagements kept.
    public var count: Int { table.count }
    /// The most engagements kept.
    public var capacity: Int { table.capacity }
    /// Engagements evicted because the tracker was full.
    public var evictedForCapacity: Int { table.evictedForCapacity }
    /// Engagements evicted because no message named them for `timeToLive`.
    public var evictedForAge: Int { table.evictedForAge }

    /// The engagement with this id, when it is kept.
    /// - Complexity: O(1) expected.
    public func engagement(_ id: String, now: Date) -> EngagementRecord? {
        table.value(for: id, now: now)
    }

    /// Changes (or starts) the record of an engagement and marks it seen at `now`.
    /// - Complexity: amortized O(1) expected, plus O(k) for the records offered by each
    ///   engagement it evicts.
    mutating func update<R>(_ id: String, now: Date, _ body: (inout EngagementRecord) -> R) -> R {
        // What an eviction leaves to unindex: the id and the offer, not a copy of the record.
        var evicted: [(id: String, offered: [ContactItem])] = []
        let result = table.update(id, now: now, make: { EngagementRecord(id: id, now: now) }, evicted: { evicted.append(($1.id, $1.offered)) }) { record in
            record.lastSeen = now
            return body(&record)
        }
        for record in evicted { unindex(record.id, record.offered) }
        return result
    }

    /// Changes an engagement like `update`, and records that `items` were offered to the agent
    /// for it (replacing its earlier offer in the index).
    /// - Complexity: amortized O(1) expected, plus O(k) in the records offered now and before.
    mutating func updateOffering<R>(_ id: String, items: [ContactItem], now: Date, _ body: (inout EngagementRecord) -> R) -> R {
        sequence &+= 1
        let stamp = sequence
        var previous: [ContactItem] = []
        let result = update(id, now: now) { record in
            previous = record.offered
            record.offered = items
            record.offerSequence = stamp
            return body(&record)
        }
        if !previous.isEmpty { unindex(id, previous) }
        for item in items {
            func add(_ offerers: inout Offerers?) -> Bool {
                guard offerers != nil else {
                    offerers = .one(id, stamp)
                    return true
                }
                return offerers!.set(id, stamp)
            }
            if add(&offers[item.id]) { offerEntries += 1 }
        }
        return result
    }

    private mutating func unindex(_ id: String, _ items: [ContactItem]) {
        for item in items {
            func remove(_ offerers: inout Offerers?) -> Bool {
                guard offerers != nil, offerers!.remove(id) else { return false }
                if offerers!.isEmpty { offerers = nil }
                return true
            }
            if remove(&offers[item.id]) { offerEntries -= 1 }
        }
    }

    /// The open engagement (`EngagementState.isOpen`) whose last offer listed `contactID`, the
    /// most recent offer first.
    /// - Complexity: O(e) in the kept engagements whose last offer listed the record.
    func mostRecentOpen(offering contactID: String, now: Date) -> String? {
        var best: (id: String, stamp: UInt64)?
        for (id, stamp) in offers[contactID]?.entries ?? [] where stamp > (best?.stamp ?? 0) {
            guard let record = table.value(for: id, now: now), record.state.isOpen else { continue }
            best = (id, stamp)
        }
        return best?.id
    }

    /// The most recently seen engagement that is connected (for notes without an engagement).
    /// - Complexity: O(n) in the engagements kept.
    func mostRecentConnected(now: Date) -> String? {
        var best: EngagementRecord?
        for record in table.values where record.state.isConnected && now.timeIntervalSince(record.lastSeen) <= table.maximumAge {
            if best == nil || record.lastSeen > best!.lastSeen { best = record }
        }
        return best?.id
    }

    /// Forgets engagements older than the time to live.
    mutating func expire(now: Date) {
        var evicted: [EngagementRecord] = []
        table.expire(now: now, evicted: { evicted.append($1) })
        for record in evicted { unindex(record.id, record.offered) }
    }
}

/// The engagements whose last offer listed one record: most records are listed by one
/// engagement at a time, kept inline; a record on several (a shared number called often) gets
/// a dictionary.
enum Offerers: Sendable {
    case one(String, UInt64)
    case many([String: UInt64])
    /// No engagement (only between a removal and the entry's deletion).
    case none

    var isEmpty: Bool {
        if case .none = self { return true }
        return false
    }

    /// The engagements and their offers' sequence numbers.
    var entries: [(key: String, value: UInt64)] {
        switch self {
        case .one(let id, let stamp): [(id, stamp)]
        case .many(let all): Array(all)
        case .none: []
        }
    }

    /// Sets the sequence number of `id`'s offer.
    /// - Returns: whether `id` is new here.
    mutating func set(_ id: String, _ stamp: UInt64) -> Bool {
        switch self {
        case .one(let current, let old):
            if current == id {
                self = .one(id, stamp)
                return false
            }
            self = .many([current: old, id: stamp])
            return true
        case .many(var all):
            self = .none  // lets `all` be changed in place, without a copy
            let isNew = all.updateValue(stamp, forKey: id) == nil
            self = .many(all)
            return isNew
        case .none:
            self = .one(id, stamp)
            return true
        }
    }

    /// Removes `id`.
    /// - Returns: whether it was here.
    mutating func remove(_ id: String) -> Bool {
        switch self {
        case .one(let current, _):
            guard current == id else { return false }
            self = .none
            return true
        case .many(var all):
            self = .none
            let removed = all.removeValue(forKey: id) != nil
            if all.count == 1, let (other, stamp) = all.first {
                self = .one(other, stamp)
            } else {
                self = all.isEmpty ? .none : .many(all)
            }
            return removed
        case .none:
            return false
        }
    }
}
