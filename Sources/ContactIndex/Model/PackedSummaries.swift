#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Ranked `MatchSummary` values packed for a reply: what weighs in a decision (score, reason,
/// dates) as plain values, and the five texts a list shows (`id`, `name`, `phone`, `email`,
/// `entity`, in that order for each match) as `PackedText` in one buffer, copied from the
/// records with no `String` made (`ContactDirectory.lookupPackedSummaries`).
///
/// The texts are the UTF-8 of the summary's strings (the entity as its raw value), so
/// `summaries` rebuilds exactly what `lookupSummaries` gives.
public struct PackedSummaries: Sendable, Hashable {
    /// What ranks and decides one match.
    public struct Ranking: Sendable, Hashable {
        /// The score in [0, 1].
        public var score: Double
        /// Why it matched.
        public var reason: MatchReason
        /// When the record was created in the host, when known.
        public var createdAt: Date?
        /// When the record was last updated in the host, when known.
        public var updatedAt: Date?

        /// Creates a ranking.
        public init(score: Double, reason: MatchReason, createdAt: Date? = nil, updatedAt: Date? = nil) {
            self.score = score
            self.reason = reason
            self.createdAt = createdAt
            self.updatedAt = updatedAt
        }
    }

    /// The matches' rankings, best first.
    public private(set) var rankings: [Ranking] = []
    /// Each match's five texts, in ranking order (`PackedText`: `id`, `name`, `phone`, `email`,
    /// `entity`).
    public private(set) var texts: [UInt8] = []

    /// The texts per match.
    public static let textsPerMatch = 5

    /// No matches.
    public init() {}

    /// Packs `summaries`, in order.
    /// - Complexity: O(b) in their texts' bytes.
    public init(_ summaries: [MatchSummary]) {
        for summary in summaries {
            append(Ranking(score: summary.score, reason: summary.reason, createdAt: summary.createdAt, updatedAt: summary.updatedAt)) { texts in
                PackedText.append(summary.id, to: &texts)
                PackedText.append(summary.name, to: &texts)
                PackedText.append(summary.phone, to: &texts)
                PackedText.append(summary.email, to: &texts)
                PackedText.append(summary.entity.rawValue, to: &texts)
            }
        }
    }

    /// Matches already packed: `texts` holds `rankings.count` × `textsPerMatch` texts.
    init(rankings: [Ranking], texts: [UInt8]) {
        self.rankings = rankings
        self.texts = texts
    }

    /// The number of matches.
    public var count: Int { rankings.count }
    /// Whether there is none.
    public var isEmpty: Bool { rankings.isEmpty }

    /// Appends a match: its ranking, and its five texts written by `writeTexts`.
    mutating func append(_ ranking: Ranking, writeTexts: (inout [UInt8]) -> Void) {
        rankings.append(ranking)
        writeTexts(&texts)
    }

    /// Makes room for `count` matches of about `textBytes` bytes of texts each.
    private mutating func reserveCapacity(_ count: Int, textBytes: Int) {
        rankings.reserveCapacity(count)
        texts.reserveCapacity(count * textBytes)
    }

    /// The summaries, rebuilt.
    /// - Complexity: O(b) in the texts' bytes.
    public var summaries: [MatchSummary] {
        texts.withUnsafeBytes { bytes in
            var reader = PackedText.Reader(bytes)
            return rankings.map { ranking in
                let id = reader.nextString() ?? ""
                let name = reader.nextString() ?? ""
                let phone = reader.nextString()
                let email = reader.nextString()
                let entity = reader.nextString().map(ContactEntity.init(rawValue:)) ?? .contact
                return MatchSummary(
                    id: id, name: name, phone: phone, email: email, entity: entity, score: ranking.score, reason: ranking.reason,
                    createdAt: ranking.createdAt, updatedAt: ranking.updatedAt)
            }
        }
    }

    /// The id of match `index`.
    /// - Complexity: O(index).
    public func id(at index: Int) -> String {
        withTexts(of: index) { reader in reader.nextString() ?? "" }
    }

    /// Whether match `index` has the id `id` (compared as `String`s).
    /// - Complexity: O(index) plus the comparison.
    public func hasID(_ id: String, at index: Int) -> Bool {
        withTexts(of: index) { reader in
            guard let bytes = reader.next() else { return false }
            // Equal bytes are equal strings; other bytes may still be canonically equivalent,
            // unless both are ASCII.
            if bytes.elementsEqual(id.utf8) { return true }
            if Self.isASCII(bytes) && id.utf8.allSatisfy({ $0 < 0x80 }) { return false }
            return String(decoding: bytes, as: UTF8.self) == id
        }
    }

    /// The index of the first match with the id `id`.
    /// - Complexity: O(b) in the texts' bytes.
    public func firstIndex(ofID id: String) -> Int? {
        (0..<count).first { hasID(id, at: $0) }
    }

    /// The same matches with match `index` moved to the front, the others in their order.
    /// - Complexity: O(b) in the texts' bytes.
    public func movingToFront(_ index: Int) -> PackedSummaries {
        guard index > 0, index < count else { return self }
        var moved = PackedSummaries()
        moved.reserveCapacity(count, textBytes: texts.count / count + 1)
        texts.withUnsafeBytes { bytes in
            var ranges: [Range<Int>] = []
            var reader = PackedText.Reader(bytes)
            for _ in 0..<count {
                let start = reader.offset
                for _ in 0..<Self.textsPerMatch { reader.skip() }
                ranges.append(start..<reader.offset)
            }
            for position in [index] + Array(0..<index) + Array((index + 1)..<count) {
                moved.append(rankings[position]) { $0.append(contentsOf: bytes[ranges[position]]) }
            }
        }
        return moved
    }

    /// A reader at the texts of match `index`.
    private func withTexts<R>(of index: Int, _ body: (inout PackedText.Reader) -> R) -> R {
        precondition(index >= 0 && index < count, "match index out of range")
        return texts.withUnsafeBytes { bytes in
            var reader = PackedText.Reader(bytes)
            for _ in 0..<(index * Self.textsPerMatch) { reader.skip() }
            return body(&reader)
        }
    }

    private static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    /// The matches whose ranking `isIncluded` takes, in order.
    /// - Complexity: O(b) in the texts' bytes.
    public func filter(_ isIncluded: (Ranking) -> Bool) -> PackedSummaries {
        var kept = PackedSummaries()
        texts.withUnsafeBytes { bytes in
            var reader = PackedText.Reader(bytes)
            for ranking in rankings {
                let start = reader.offset
                for _ in 0..<Self.textsPerMatch { reader.skip() }
                guard isIncluded(ranking) else { continue }
                kept.append(ranking) { $0.append(contentsOf: bytes[start..<reader.offset]) }
            }
        }
        return kept
    }
}
