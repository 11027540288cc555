import Testing
@testable import ScreenPop

/// Packed contact items: the items come back as they went in, and compare as the items do.
@Suite struct PackedContactItemsTests {
    static let items = [
        ContactItem(id: "0035g00000AbCdEfGh", name: "Hans Müller", phone: "030 1234567", email: "hans@müller.de", entity: "contact"),
        ContactItem(id: "L-1"),
        ContactItem(id: "", name: "", phone: nil, email: "", entity: nil),
        ContactItem(id: "C-名前", name: "山田 太郎 👩‍💻", phone: "+81 3-1234-5678", email: nil, entity: "lead"),
    ]

    @Test func itemsRoundTrip() {
        let packed = PackedContactItems(Self.items)
        #expect(packed.count == 4)
        #expect(packed.items == Self.items)
        #expect(PackedContactItems([]).isEmpty)
        #expect(PackedContactItems([]).items.isEmpty)
    }

    @Test(arguments: [("0035g00000AbCdEfGh", true), ("L-1", true), ("", true), ("C-名前", true), ("L-", false), ("Hans Müller", false)])
    func containsFindsIDsOnly(id: String, expected: Bool) {
        #expect(PackedContactItems(Self.items).contains(id: id) == expected)
    }

    @Test func equalityIsTheItemsEquality() {
        // "é" precomposed and decomposed: different bytes, equal strings.
        let composed = PackedContactItems([ContactItem(id: "C-1", name: "Ren\u{E9}")])
        let decomposed = PackedContactItems([ContactItem(id: "C-1", name: "Rene\u{301}")])
        #expect(composed == decomposed)
        #expect(composed.hashValue == decomposed.hashValue)
        #expect(composed != PackedContactItems([ContactItem(id: "C-1", name: "Rene")]))
        #expect(composed != PackedContactItems([ContactItem(id: "C-1", name: nil)]))
    }

    @Test func anEngagementRecordKeepsItsOfferPacked() {
        var record = EngagementRecord(id: "E1", now: .now)
        record.offered = Self.items
        #expect(record.offered == Self.items)
        #expect(record.offeredIDs == Self.items.map(\.id))
        #expect(record.offeredItems.count == 4)
    }
}
