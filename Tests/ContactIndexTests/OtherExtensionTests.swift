import Testing
@testable import ContactIndex

/// The same number with another extension on both sides is another line of the same
/// switchboard: a hint (`otherExtension`), never the same person. A caller on
/// `+16505551000;ext=102` was a single `phoneExtensionDiffers` match (0.97) of the contact on
/// "x101", and popped.
@Suite struct OtherExtensionTests {
    static let directory = ContactDirectory(
        [
            Contact(id: "X101", firstName: "Alice", lastName: "Ext", phones: [ContactPhone("+1 650 555 1000 x101")]),
            Contact(id: "MAIN", firstName: "Main", lastName: "Desk", phones: [ContactPhone("+1 650 555 1000")]),
        ], configuration: DirectoryConfiguration(defaultRegion: "US"))

    @Test func anotherExtensionIsAHintBelowEveryIdentityMatch() throws {
        let matches = Self.directory.lookup(phone: "+16505551000;ext=102")
        #expect(matches.map(\.contact.id) == ["MAIN", "X101"])
        #expect(matches.map(\.reason) == [.phoneExtensionDiffers, .otherExtension])
        let hint = try #require(matches.last)
        #expect(hint.score < MatchReason.confidentScore)
        #expect(hint.score > MatchReason.sameNationalNumber.baseScore)
    }

    /// One side without an extension, or the same extension, are as before.
    @Test(arguments: [
        ("+16505551000;ext=101", ["X101", "MAIN"], [MatchReason.exactE164, .phoneExtensionDiffers]),
        ("+16505551000", ["MAIN", "X101"], [.exactE164, .phoneExtensionDiffers]),
        ("650 555 1000 x 102", ["MAIN", "X101"], [.phoneExtensionDiffers, .otherExtension]),
    ])
    func extensionsOnOneSideOrEqualAreUnchanged(number: String, ids: [String], reasons: [MatchReason]) {
        let matches = Self.directory.lookup(phone: number)
        #expect(matches.map(\.contact.id) == ids)
        #expect(matches.map(\.reason) == reasons)
    }

    /// A contact with the number both with another extension and without one is listed for
    /// the stronger of the two.
    @Test func theStrongerOfAContactsNumbersCounts() throws {
        let directory = ContactDirectory([
            Contact(id: "BOTH", firstName: "Bo", lastName: "Th", phones: [ContactPhone("+1 650 555 1000 x101"), ContactPhone("+1 650 555 1000")])
        ])
        let match = try #require(directory.lookup(phone: "+16505551000;ext=102").first)
        #expect(match.reason == .phoneExtensionDiffers)
        #expect(match.matchedPhone?.raw == "+1 650 555 1000")
    }
}
