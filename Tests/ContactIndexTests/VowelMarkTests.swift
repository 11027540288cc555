import Testing
@testable import ContactIndex

/// Names stored with Arabic vowel signs (harakat) or Hebrew points (niqqud) are found word by
/// word by the same names typed without them, as everyone types them (CICU's folding drops the
/// marks): "محمد" found مُحَمَّد عَلِي only as a romanized guess below أحمد إبراهيم, and
/// "כהן" did not find שָׂרָה כֹּהֵן at all.
@Suite struct VowelMarkTests {
    static let directory = ContactDirectory([
        Contact(id: "ahmed", firstName: "أحمد", lastName: "إبراهيم", region: "EG"),
        Contact(id: "marked", firstName: "مُحَمَّد", lastName: "عَلِي", region: "SA"),
        Contact(id: "pointed", firstName: "שָׂרָה", lastName: "כֹּהֵן", region: "IL"),
        Contact(id: "sharon", firstName: "שרון", lastName: "לוי", region: "IL"),
    ])

    @Test(arguments: [("محمد", "marked"), ("علي", "marked"), ("محمد علي", "marked"), ("כהן", "pointed"), ("שרה", "pointed")])
    func aWordTypedWithoutMarksFindsTheMarkedName(query: String, id: String) throws {
        let found = Self.directory.search(query)
        let first = try #require(found.first, "\(query)")
        #expect(first.contact.id == id, "\(query): \(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
        #expect(first.score >= MatchReason.nameTokens.baseScore, "\(query): \(first.reason) \(first.score)")
    }

    @Test func theMarksFoldAway() {
        let names = NameNormalizer.shared
        #expect(names.tokens("مُحَمَّد عَلِي") == names.tokens("محمد علي"))
        #expect(names.tokens("שָׂרָה כֹּהֵן") == names.tokens("שרה כהן"))
        // The alef maqsura rule after the marks still reads "ى" as "a".
        #expect(names.fold("عيسى").hasSuffix("a"))
    }
}
