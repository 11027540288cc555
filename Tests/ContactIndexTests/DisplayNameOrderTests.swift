import Testing
@testable import ContactIndex

/// A contact known only by its display name is a whole-name match for the name written family
/// name first, as one with given and family names is ("Walla, Turvi" for "Turvi Walla").
@Suite struct DisplayNameOrderTests {
    static let directory = ContactDirectory([
        // Earlier ids, one more token each: they used to come first in the tie.
        Contact(id: "a1", displayName: "Turvi Walla Patel"),
        Contact(id: "a2", displayName: "Xuân Hạnh Vũ"),
        Contact(id: "a3", displayName: "Liam Novais Jesus"),
        Contact(id: "b1", displayName: "Turvi Walla"),
        Contact(id: "b2", displayName: "Hạnh Vũ"),
        Contact(id: "b3", displayName: "Liam Jesus"),
        Contact(id: "b4", displayName: "Mary Ann Smith"),
    ])

    @Test(arguments: [
        ("Walla, Turvi", "b1"), ("Walla Turvi", "b1"), ("Vũ, Hạnh", "b2"), ("vu hanh", "b2"), ("Jesus, Liam", "b3"),
        ("Smith, Mary Ann", "b4"), ("Turvi Walla", "b1"),
    ])
    func theDisplayNameFamilyNameFirstComesFirst(_ text: String, expected: String) {
        let matches = Self.directory.lookup(fuzzyName: text)
        #expect(matches.first?.contact.id == expected, "\(text): \(matches.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
    }

    @Test func otherOrdersAreNotWholeNames() {
        // "Ann Mary Smith" is not a rotation of "Mary Ann Smith": all its tokens match, but not
        // as the whole name.
        let matches = Self.directory.lookup(fuzzyName: "Ann Mary Smith")
        #expect(matches.first?.contact.id == "b4")
        #expect(matches.first?.reason == .nameTokens)
        #expect(Self.directory.lookup(fuzzyName: "Smith Mary Ann").first?.reason == .transliteratedName)
    }
}
