import Testing
@testable import ContactIndex

/// Names written in Devanagari, Bengali, Gurmukhi or Gujarati letters are also indexed as
/// Indian English spells them (`NameNormalizer.indicRules`), where ICU writes ISO 15919.
@Suite struct IndianNameSpellingTests {
    @Test(arguments: [
        ("राजेश कुमार", "rajesh kumar"), ("आशीष", "ashish"), ("कृष्ण", "krishna"), ("मिश्र", "mishra"),
        ("शुक्ल", "shukla"), ("सुख", "sukh"), ("आनन्द", "anand"), ("पटेल", "patel"), ("અમિત", "amit"),
    ])
    func theSpellingIsIndianEnglish(_ name: String, expected: String) {
        #expect(NameNormalizer.shared.alternateRomanization(name) == expected)
    }

    @Test func otherScriptsAreLeftAlone() {
        #expect(NameNormalizer.shared.alternateRomanization("Rajesh") == nil)
        #expect(NameNormalizer.shared.alternateRomanization("王伟") == nil)
    }

    static let directory = ContactDirectory([
        Contact(id: "a1", firstName: "Rajesh", lastName: "Kumari"),
        Contact(id: "a2", firstName: "Ashish", lastName: "Shahani"),
        Contact(id: "b1", firstName: "राजेश", lastName: "कुमार"),
        Contact(id: "b2", firstName: "आशीष", lastName: "शाह"),
    ])

    @Test(arguments: [("Rajesh Kumar", "b1"), ("Kumar Rajesh", "b1"), ("Ashish Shah", "b2")])
    func aNameTypedAsIndianEnglishFindsItsContactFirst(_ text: String, expected: String) {
        let matches = Self.directory.lookup(fuzzyName: text)
        #expect(matches.first?.contact.id == expected, "\(text): \(matches)")
        #expect(matches.first?.reason == .nameTokens, "\(text): \(matches)")
    }
}
