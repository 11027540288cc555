/// The offers of records to the agent, in the order they were made, each as the engagement, the
/// offer's sequence number and a 32-bit fingerprint of every record id it listed: what a
/// selection (`zcc-screen-pop`) needs to find the engagement that offered a record.
///
/// An offer is one append: no hashing of ids into a shared index, and nothing to undo when an
/// engagement offers again or is forgotten. An offer whose engagement offered again since, or was
/// evicted, goes stale; the owner checks each candidate against the engagement it keeps (its
/// current offer's sequence number, the ids themselves), and compacts the log with
/// `removeAll(keeping:)` once stale offers outnumber live ones.
///
/// The fingerprints are packed in one array, so a look-up reads them in order and touches an
/// engagement only when a fingerprint matches. Engagements are kept as the tracker's keys
/// (`PrehashedKey`), so checking an offer against the tracker (and a compaction checks them
/// all) hashes no id again.
struct OfferLog: Sendable {
    /// One offer: its engagement, its sequence number, and where its fingerprints are.
    private struct Offer: Sendable {
        var engagement: PrehashedKey
        var stamp: UInt64
        var start: Int
        var count: Int
    }

    private var offers: [Offer] = []
    private var fingerprints: [UInt32] = []

    /// The offers logged, live and stale.
    var count: Int { offers.count }

    /// Logs that `engagement`'s offer number `stamp` listed `items`.
    /// - Complexity: O(k) in the items, each id hashed once.
    mutating func append(engagement: PrehashedKey, stamp: UInt64, items: PackedContactItems) {
        let start = fingerprints.count
        items.forEachID { fingerprints.append(Self.fingerprint(bytes: $0)) }
        offers.append(Offer(engagement: engagement, stamp: stamp, start: start, count: fingerprints.count - start))
    }

    /// The engagement of the newest offer that lists a record with `id`'s fingerprint and that
    /// `accept` takes (given the engagement and the offer's sequence number).
    /// - Complexity: O(f) in the fingerprints logged after the offer found (all of them when
    ///   none is), plus one `accept` per fingerprint that matches.
    func newest(listing id: String, where accept: (_ engagement: PrehashedKey, _ stamp: UInt64) -> Bool) -> PrehashedKey? {
        let wanted = Self.fingerprint(id)
        return fingerprints.withUnsafeBufferPointer { prints in
            for offer in offers.reversed() {
                let range = offer.start..<(offer.start + offer.count)
                guard prints[range].contains(wanted), accept(offer.engagement, offer.stamp) else { continue }
                return offer.engagement
            }
            return nil
        }
    }

    /// Keeps only the offers that `isLive` takes (given the engagement and the sequence
    /// number), in their order. In place: the arrays keep their storage, so a busy tracker's
    /// compactions allocate nothing (fresh storage each time cost page faults on every one).
    /// - Complexity: O(n + f) in the offers and fingerprints logged.
    mutating func removeAll(keeping isLive: (_ engagement: PrehashedKey, _ stamp: UInt64) -> Bool) {
        var keptOffers = 0
        var keptPrints = 0
        for index in offers.indices {
            let offer = offers[index]
            guard isLive(offer.engagement, offer.stamp) else { continue }
            // Kept offers only move towards the front, so each copy reads what is not yet overwritten.
            for position in 0..<offer.count { fingerprints[keptPrints + position] = fingerprints[offer.start + position] }
            offers[keptOffers] = Offer(engagement: offer.engagement, stamp: offer.stamp, start: keptPrints, count: offer.count)
            keptOffers += 1
            keptPrints += offer.count
        }
        offers.removeLast(offers.count - keptOffers)
        fingerprints.removeLast(fingerprints.count - keptPrints)
    }

    /// The 32-bit FNV-1a hash of the id's UTF-8 bytes: equal ids have equal fingerprints, so a
    /// different fingerprint proves a different id.
    static func fingerprint(_ id: String) -> UInt32 {
        var id = id
        return id.withUTF8 { fingerprint(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The fingerprint of an id's UTF-8 bytes.
    static func fingerprint(bytes: UnsafeRawBufferPointer) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return hash
    }
}
