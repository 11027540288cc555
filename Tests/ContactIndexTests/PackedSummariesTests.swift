#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
@testable import ContactIndex

/// `PackedSummaries` as a value: it unpacks to what was packed, and its id look-ups, filter
/// and reordering agree with the same operations on the unpacked array.
@Suite struct PackedSummariesTests {
    static let summaries = [
        MatchSummary(id: "003A", name: "Ann Lee", phone: "+16505551234", email: "ann@example.com", entity: .contact, score: 1, reason: .exactE164,
                     createdAt: Date(timeIntervalSince1970: 10), updatedAt: Date(timeIntervalSince1970: 20)),
        MatchSummary(id: "00QB", name: "Émile Zola 文", phone: "+33142685300;ext=12", email: nil, entity: .lead, score: 0.9, reason: .phoneExtensionDiffers),
        MatchSummary(id: "", name: "", phone: nil, email: "", entity: "patient", score: 0.8, reason: .sameNationalNumber, updatedAt: Date(timeIntervalSince1970: 5)),
        // An id written decomposed: equal, as a String, to its precomposed form.
        MatchSummary(id: "C-Rene\u{301}", name: "René 👩‍💻", phone: "not a phone", email: "rené@example.com", entity: .account, score: 0.5, reason: .exactE164),
    ]

    @Test func summariesRoundTrip() {
        let packed = PackedSummaries(Self.summaries)
        #expect(packed.count == 4)
        #expect(packed.summaries == Self.summaries)
        #expect(packed.rankings.map(\.score) == Self.summaries.map(\.score))
        #expect(PackedSummaries([]).isEmpty)
        #expect(PackedSummaries([]).summaries.isEmpty)
    }

    @Test func idsAreReadAndComparedAsStrings() {
        let packed = PackedSummaries(Self.summaries)
        for (index, summary) in Self.summaries.enumerated() {
            #expect(packed.id(at: index) == summary.id)
            #expect(packed.hasID(summary.id, at: index))
        }
        #expect(packed.hasID("C-Ren\u{E9}", at: 3))
        #expect(!packed.hasID("C-Rene", at: 3))
        #expect(!packed.hasID("003", at: 0))
        #expect(packed.firstIndex(ofID: "00QB") == 1)
        #expect(packed.firstIndex(ofID: "C-Ren\u{E9}") == 3)
        #expect(packed.firstIndex(ofID: "missing") == nil)
    }

    @Test func filterAndMovingToFrontAreTheArrayOperations() {
        let packed = PackedSummaries(Self.summaries)
        #expect(packed.filter { $0.reason == .exactE164 }.summaries == Self.summaries.filter { $0.reason == .exactE164 })
        #expect(packed.filter { _ in false }.isEmpty)
        #expect(packed.filter { _ in true } == packed)
        for index in Self.summaries.indices {
            var expected = Self.summaries
            expected.insert(expected.remove(at: index), at: 0)
            #expect(packed.movingToFront(index).summaries == expected, "\(index)")
        }
    }
}
