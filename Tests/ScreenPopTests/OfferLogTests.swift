import Testing
@testable import ScreenPop

/// The offer log: newest offer first, candidates checked by the owner, compaction keeps order.
@Suite struct OfferLogTests {
    /// Offered items with these ids.
    static func items(_ ids: [String]) -> PackedContactItems {
        PackedContactItems(ids.map { ContactItem(id: $0, name: "Name of \($0)") })
    }

    static func log() -> OfferLog {
        var log = OfferLog()
        log.append(engagement: "E1", stamp: 1, items: items(["C-JOHN", "C-MARY"]))
        log.append(engagement: "E2", stamp: 2, items: items(["C-MARY"]))
        log.append(engagement: "E3", stamp: 3, items: items(["C-HANS"]))
        return log
    }

    @Test func theNewestOfferListingTheRecordComesFirst() {
        let log = Self.log()
        #expect(log.newest(listing: "C-MARY") { _, _ in true } == "E2")
        #expect(log.newest(listing: "C-JOHN") { _, _ in true } == "E1")
        #expect(log.newest(listing: "C-NONE") { _, _ in true } == nil)
    }

    @Test func anOfferTheOwnerRejectsIsPassedOver() {
        let log = Self.log()
        var asked: [String] = []
        let found = log.newest(listing: "C-MARY") { engagement, stamp in
            asked.append("\(engagement)#\(stamp)")
            return engagement != "E2"
        }
        #expect(found == "E1")
        #expect(asked == ["E2#2", "E1#1"])
    }

    @Test func compactionKeepsTheLiveOffersInOrder() {
        var log = Self.log()
        log.removeAll { engagement, _ in engagement != "E2" }
        #expect(log.count == 2)
        #expect(log.newest(listing: "C-MARY") { _, _ in true } == "E1")
        #expect(log.newest(listing: "C-HANS") { _, _ in true } == "E3")
        log.append(engagement: "E2", stamp: 4, items: Self.items(["C-MARY"]))
        #expect(log.newest(listing: "C-MARY") { _, _ in true } == "E2")
    }

    /// FNV-1a's published 32-bit test vectors, and a non-ASCII id read as UTF-8.
    @Test(arguments: [("", 0x811C_9DC5 as UInt32), ("a", 0xE40C_292C), ("foobar", 0xBF9C_F968)])
    func fingerprintsAreFNV1aOfTheUTF8Bytes(id: String, expected: UInt32) {
        #expect(OfferLog.fingerprint(id) == expected)
    }

    @Test func aBridgedOrSlicedIDHasTheSameFingerprint() {
        let id = "Müller-0035g00000AbCdEfGh"
        let rebuilt = String(id.dropFirst(0))
        #expect(OfferLog.fingerprint(rebuilt) == OfferLog.fingerprint(id))
        #expect(OfferLog.fingerprint("C-MARY") != OfferLog.fingerprint("C-JOHN"))
    }
}
