#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The engagements the engine follows, by `engagementId`, across channels.
///
/// Memory is bounded: at most `capacity` engagements, each forgotten `timeToLive` seconds after
/// the last message about it; what is evicted is counted. Not thread-safe by itself: the engine
/// keeps it under its lock.
public struct EngagementTracker: Sendable {
    private var table: BoundedTable<String, EngagementRecord>
    private var sequence: UInt64 = 0
    /// Engagements offered records and waiting for the agent's choice, most recent last.
    private var awaiting: [String] = []
    /// The latest selections (engagement, contact), most recent last.
    private var selections: [(String, String)] = []

    /// Creates a tracker.
    /// - Parameters:
    ///   - capacity: the most engagements kept.
    ///   - timeToLive: seconds after its last message that an engagement is forgotten.
    public init(capacity: Int = 10_000, timeToLive: TimeInterval = 8 * 3600) {
        table = BoundedTable(capacity: capacity, maximumAge: timeToLive)
    }

    /// The number of engagements kept.
    public var count: Int { table.count }
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
    /// - Complexity: amortized O(1) expected.
    mutating func update<R>(_ id: String, now: Date, _ body: (inout EngagementRecord) -> R) -> R {
        table.update(id, now: now, make: { EngagementRecord(id: id, now: now) }) { record in
            record.lastSeen = now
            return body(&record)
        }
    }

    /// Changes an engagement like `update`, and records that `items` were offered to the agent
    /// for it (awaiting a choice when `awaiting`).
    /// - Complexity: amortized O(1) expected; O(w) in the engagements waiting when this one was.
    mutating func updateOffering<R>(
        _ id: String, items: [ContactItem], awaiting isAwaiting: Bool, now: Date, _ body: (inout EngagementRecord) -> R
    ) -> R {
        sequence &+= 1
        let stamp = sequence
        var wasAwaiting = false
        let result = table.update(id, now: now, make: { EngagementRecord(id: id, now: now) }) { record in
            record.lastSeen = now
            wasAwaiting = record.awaitingSelection
            record.offered = items
            record.offerSequence = stamp
            record.awaitingSelection = isAwaiting
            return body(&record)
        }
        if wasAwaiting { awaiting.removeAll { $0 == id } }
        if isAwaiting {
            awaiting.append(id)
            if awaiting.count > 256 { awaiting.removeFirst(awaiting.count - 256) }
        }
        return result
    }

    /// The most recent engagement that offered `contactID` and still waits for a choice.
    /// - Complexity: O(w) in the engagements waiting (at most 256).
    func mostRecentAwaiting(offering contactID: String, now: Date) -> String? {
        for id in awaiting.reversed() {
            guard let record = table.value(for: id, now: now), record.awaitingSelection, record.offered.contains(where: { $0.id == contactID }) else { continue }
            return id
        }
        return nil
    }

    /// The most recent engagement already linked to `contactID` by a selection (for duplicates).
    /// - Complexity: O(s) in the recent selections (at most 256).
    func mostRecentChosen(_ contactID: String, now: Date) -> String? {
        for (id, chosen) in selections.reversed() where chosen == contactID {
            guard let record = table.value(for: id, now: now), record.chosenContactID == contactID else { continue }
            return id
        }
        return nil
    }

    /// Marks a selection done.
    mutating func noteSelection(_ id: String, contactID: String, now: Date) {
        update(id, now: now) { record in
            record.chosenContactID = contactID
            record.awaitingSelection = false
        }
        awaiting.removeAll { $0 == id }
        selections.append((id, contactID))
        if selections.count > 256 { selections.removeFirst(selections.count - 256) }
    }

    /// The most recently seen engagement that is connected (for notes without an engagement).
    /// - Complexity: O(n) in the engagements kept.
    func mostRecentConnected(now: Date) -> String? {
        var best: EngagementRecord?
        for record in table.values where record.state == .connected && now.timeIntervalSince(record.lastSeen) <= table.maximumAge {
            if best == nil || record.lastSeen > best!.lastSeen { best = record }
        }
        return best?.id
    }

    /// Forgets engagements older than the time to live.
    mutating func expire(now: Date) { table.expire(now: now) }
}
