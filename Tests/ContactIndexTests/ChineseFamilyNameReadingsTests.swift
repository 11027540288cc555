import Testing
@testable import ContactIndex

/// Chinese family names that ICU reads as another word (曾 "ceng", 查 "cha") are found by their
/// reading as family names (`ChineseFamilyNameReadings`).
@Suite struct ChineseFamilyNameReadingsTests {
    @Test func aFamilyNameOrAWholeNameThatStartsWithOneHasItsReading() {
        #expect(ChineseFamilyNameReadings.readings(of: "曾", leading: false) == ["zeng"])
        #expect(ChineseFamilyNameReadings.readings(of: "單", leading: false) == ["shan"])
        #expect(ChineseFamilyNameReadings.readings(of: "曾伟", leading: true) == ["zeng"])
        #expect(ChineseFamilyNameReadings.readings(of: "尉迟敬德", leading: true) == ["yuchi"])
        // Not a whole name where a word does not begin the name, nor a name ICU reads right.
        #expect(ChineseFamilyNameReadings.readings(of: "曾伟", leading: false).isEmpty)
        #expect(ChineseFamilyNameReadings.readings(of: "王伟", leading: true).isEmpty)
        #expect(ChineseFamilyNameReadings.readings(of: "曾伟明强五", leading: true).isEmpty)
    }

    static let directory = ContactDirectory([
        Contact(id: "a1", firstName: "伟", lastName: "曾"),
        Contact(id: "a2", firstName: "军想", lastName: "查"),
        Contact(id: "a3", displayName: "单丽"),
        Contact(id: "a4", firstName: "乐", lastName: "王"),
        Contact(id: "b1", firstName: "Wei", lastName: "Ceng"),
    ])

    @Test(arguments: [("Zeng Wei", "a1"), ("Wei Zeng", "a1"), ("Zha Junxiang", "a2"), ("Shan Li", "a3")])
    func theFamilyNameIsFoundByItsReading(_ text: String, expected: String) {
        let matches = Self.directory.lookup(fuzzyName: text)
        #expect(matches.first?.contact.id == expected, "\(text): \(matches)")
        #expect(matches.first?.reason == .nameTokens, "\(text): \(matches)")
    }

    @Test func aGivenNameKeepsItsCommonReading() {
        // 乐 as a given name is "le", not the family name's "yue".
        let matches = Self.directory.lookup(fuzzyName: "Yue Wang")
        #expect(!matches.contains { $0.contact.id == "a4" && $0.reason == .nameTokens }, "\(matches)")
        #expect(Self.directory.lookup(fuzzyName: "Le Wang").first?.contact.id == "a4")
    }
}
