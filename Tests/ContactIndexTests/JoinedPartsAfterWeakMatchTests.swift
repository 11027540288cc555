import Testing
@testable import ContactIndex

/// A query whose given name is typed in hyphenated parts ("Jong-su") is also searched with the
/// parts joined ("jongsu", as a name written in Hangul romanizes), unless the passes before found
/// a match on a person's own names: a match through a company's words, a romanized guess or a
/// two-edit one does not stop it, nor a one-edit one when the joined word is a name's own
/// (`ContactDirectory.answersBeforeJoining`).
@Suite struct JoinedPartsAfterWeakMatchTests {
    static let directory = ContactDirectory([
        // Every token of "Hwang Jong-su" matches Su-bin Hwang, "jong" through the company.
        Contact(id: "a1", firstName: "수빈", lastName: "황", company: "Jong Trading"),
        Contact(id: "b1", firstName: "종수", lastName: "황"),
        Contact(id: "c1", firstName: "Mary", lastName: "Ann", company: "Ellis Co"),
        Contact(id: "c2", firstName: "Maryann", lastName: "Ellis"),
        // Every token of "Kang Gyeong-su" matches Seon-yeong Kang: "gyeong" one edit from her
        // name's part "yeong", "su" the start of its popular spelling "sunyoung".
        Contact(id: "d1", firstName: "선영", lastName: "강"),
        Contact(id: "d2", firstName: "경수", lastName: "강"),
        // And "Mary-Jo Smith" matches Mary Jo Smyth, a typing error in the family name.
        Contact(id: "e1", firstName: "Mary Jo", lastName: "Smyth"),
        Contact(id: "e2", firstName: "Maryjo", lastName: "Smith"),
    ])

    @Test(arguments: [
        ("Hwang Jong-su", "b1"), ("Jong-su Hwang", "b1"), ("Mary-Ann Ellis", "c2"), ("Kang Gyeong-su", "d2"), ("Mary-Jo Smith", "e2"),
    ])
    func theJoinedPartsAreSearchedAfterAWeakMatch(_ text: String, expected: String) throws {
        let matches = Self.directory.lookup(fuzzyName: text)
        let first = try #require(matches.first, "\(text)")
        #expect(first.contact.id == expected, "\(text): \(matches)")
        #expect(first.reason != .companyName && first.reason != .partialName, "\(text): \(first)")
    }
}
