#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The engagements the engine follows, by `engagementId`, across channels, and which records
/// each one offered to the agent.
///
/// Memory is bounded by one rule: at most `capacity` engagements, each forgotten `timeToLive`
/// seconds after the last message about it; what is evicted is counted. The offers are logged
/// in the order they were made (`OfferLog`) and checked against the kept engagements when a
/// selection looks for one: an offer needs no index update, neither when it is made nor when its
/// engagement offers again or is evicted. The log is compacted once its stale offers outnumber
/// the live ones, so it never holds more than `2 × capacity + 64` offers, and no offer is
/// forgotten while its engagement is kept.
///
/// Not thread-safe by itself: the engine keeps it under its lock.
public struct EngagementTracker: Sendable {
    /// Keyed by engagement id, hashed once per message (`PrehashedKey`).
    private var table: BoundedTable<PrehashedKey, EngagementRecord>
    private var sequence: UInt64 = 0
    /// Every offer since the last compaction, newest last.
    private var log = OfferLog()
    /// The records listed in the kept engagements' last offers, summed over the engagements.
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
        table.value(for: PrehashedKey(id), now: now)
    }

    /// Changes (or starts) the record of an engagement and marks it seen at `now`.
    /// - Complexity: amortized O(1) expected.
    mutating func update<R>(_ id: String, now: Date, _ body: (inout EngagementRecord) -> R) -> R {
        update(PrehashedKey(id), now: now, body)
    }

    /// `update(_:now:_:)` by key (hashed once by the caller).
    private mutating func update<R>(_ key: PrehashedKey, now: Date, _ body: (inout EngagementRecord) -> R) -> R {
        // An evicted engagement's offer goes stale in the log: only the count changes.
        var evictedOffers = 0
        let result = table.update(key, now: now, make: { EngagementRecord(id: key.text, now: now) }, evicted: { evictedOffers += $1.offeredItems.count }) { record in
            record.lastSeen = now
            return body(&record)
        }
        offerEntries -= evictedOffers
        return result
    }

    /// Starts loading, without waiting, what `updateOffering` for a new engagement will touch
    /// first (`BoundedTable.prefetchInsertion(of:)`): called before the look-up whose offer it
    /// records, so that those misses overlap with the look-up's.
    func prefetchOffering(_ key: PrehashedKey) {
        table.prefetchInsertion(of: key)
    }

    /// Changes an engagement like `update`, and records that `items` were offered to the agent
    /// for it (its earlier offer goes stale).
    /// - Complexity: amortized O(1) expected, plus O(k) in the records offered now.
    mutating func updateOffering<R>(_ key: PrehashedKey, items: PackedContactItems, now: Date, _ body: (inout EngagementRecord) -> R) -> R {
        sequence &+= 1
        let stamp = sequence
        var previousCount = 0
        let result = update(key, now: now) { record in
            previousCount = record.offeredItems.count
            record.offeredItems = items
            record.offerSequence = stamp
            return body(&record)
        }
        offerEntries += items.count - previousCount
        log.append(engagement: key, stamp: stamp, items: items)
        if log.count > 2 * table.count + 64 {
            let table = table
            log.removeAll(keeping: { engagement, stamp in table.readStoredValue(for: engagement) { $0.offerSequence } == stamp })
        }
        return result
    }

    /// The open engagement (`EngagementState.isOpen`) whose last offer listed `contactID`, the
    /// most recent offer first.
    /// - Complexity: O(f) in the fingerprints of the offers logged after that engagement's (all
    ///   of them, at most `resultLimit × (2 × capacity + 64)`, when none listed the record), plus
    ///   a look-up for each offer whose fingerprints match.
    func mostRecentOpen(offering contactID: String, now: Date) -> String? {
        log.newest(listing: contactID) { engagement, stamp in
            guard let record = table.value(for: engagement, now: now), record.offerSequence == stamp, record.state.isOpen else { return false }
            return record.offeredItems.contains(id: contactID)
        }?.text
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
        var evictedOffers = 0
        table.expire(now: now, evicted: { evictedOffers += $1.offeredItems.count })
        offerEntries -= evictedOffers
    }
}
