import Testing
@testable import ContactIndex

/// A name typed for one written in Hebrew letters is compared with ICU's consonants read by
/// sound when they are too far as written (`ConsonantSkeleton.bySound`): ק typed "k", ב and ו
/// typed "v", ז typed "s", a final ה typed as a vowel; and a token with ז is also filed under
/// its skeleton with "s" (`ConsonantSkeleton.alternates`). Before, "Rivka Levi", "Tova Cohen"
/// and "Rachel Rosenberg" matched their names written in Hebrew by one word only
/// (`partialName`), and "rosen" found nothing. A typed name that starts with "i", "e", "o" or
/// "u" is also read with that vowel as the י or ו that writes it (`ConsonantSkeleton.initialVowelReading`).
@Suite struct HebrewConsonantSoundTests {
    static let directory = ContactDirectory([
        Contact(id: "h1", firstName: "רבקה", lastName: "לוי"),
        Contact(id: "h2", firstName: "רחל", lastName: "רוזנברג"),
        Contact(id: "h3", firstName: "טובה", lastName: "כהן"),
        Contact(id: "h4", lastName: "רוזן"),
        Contact(id: "l1", firstName: "Rita", lastName: "Levi"),
        Contact(id: "l2", firstName: "Tom", lastName: "Cohen"),
        // Names that start with a vowel, written with a silent א or ע and then י, ו or nothing.
        Contact(id: "v1", firstName: "איתי", lastName: "אזולאי"),
        Contact(id: "v2", firstName: "יצחק", lastName: "פרץ"),
        Contact(id: "v3", firstName: "איתן", lastName: "מזרחי"),
        Contact(id: "v4", firstName: "אופיר", lastName: "ביטון"),
        Contact(id: "l3", firstName: "Itamar", lastName: "Peretz"),
        Contact(id: "l4", firstName: "Ella", lastName: "Mizrahi"),
    ])

    @Test(arguments: [("Rivka Levi", "h1"), ("Rachel Rosenberg", "h2"), ("Tova Cohen", "h3"), ("rosen", "h4"), ("rivka", "h1")])
    func theNameInHebrewComesFirst(_ text: String, _ id: String) throws {
        for found in [Self.directory.search(text), Self.directory.lookup(fuzzyName: text)] {
            let described = found.map { "\($0.contact.id) \($0.reason) \($0.score)" }
            let first = try #require(found.first, "\(text)")
            #expect(first.contact.id == id && first.reason == .romanized, "\(text): \(described)")
        }
    }

    /// "itai", "itzhak", "eitan", "ofir": before, the typed vowel was an edit or two from ICU's
    /// "y" or "w", and the names were found by one word or not at all ("itai", "itzhak",
    /// "eitan" and "ofir" found nothing; "Itzhak Peretz" found Itamar Peretz first).
    @Test(arguments: [
        ("Itai Azoulay", "v1"), ("itai", "v1"), ("Itzhak Peretz", "v2"), ("itzhak", "v2"), ("Eitan Mizrahi", "v3"), ("eitan", "v3"),
        ("Ofir Biton", "v4"), ("ofir", "v4"),
    ])
    func anInitialVowelIsReadAsHebrewWritesIt(_ text: String, _ id: String) throws {
        for found in [Self.directory.search(text), Self.directory.lookup(fuzzyName: text)] {
            let described = found.map { "\($0.contact.id) \($0.reason) \($0.score)" }
            let first = try #require(found.first, "\(text)")
            #expect(first.contact.id == id && first.reason == .romanized, "\(text): \(described)")
        }
    }

    @Test func initialVowelReadings() {
        #expect(ConsonantSkeleton.initialVowelReading(Array("itai".utf8), before: UInt8(ascii: "y")) == Array("ytai".utf8))
        #expect(ConsonantSkeleton.initialVowelReading(Array("eitan".utf8), before: UInt8(ascii: "y")) == Array("ytan".utf8))
        #expect(ConsonantSkeleton.initialVowelReading(Array("ofir".utf8), before: UInt8(ascii: "w")) == Array("wfir".utf8))
        // A vowel that the letter does not write, another letter, no vowel or nothing after it:
        // no reading.
        #expect(ConsonantSkeleton.initialVowelReading(Array("ofir".utf8), before: UInt8(ascii: "y")) == nil)
        #expect(ConsonantSkeleton.initialVowelReading(Array("avi".utf8), before: UInt8(ascii: "b")) == nil)
        #expect(ConsonantSkeleton.initialVowelReading(Array("yael".utf8), before: UInt8(ascii: "y")) == nil)
        #expect(ConsonantSkeleton.initialVowelReading(Array("io".utf8), before: UInt8(ascii: "y")) == nil)
    }

    @Test func readBySound() {
        #expect(ConsonantSkeleton.bySound(Array("rbqh".utf8)) == Array("rbk".utf8))
        #expect(ConsonantSkeleton.bySound(Array("rvk".utf8)) == Array("rbk".utf8))
        #expect(ConsonantSkeleton.bySound(Array("rwznbrg".utf8)) == Array("rbsnbrg".utf8))
        #expect(ConsonantSkeleton.alternates(of: Array("rwzn".utf8)).contains(ConsonantSkeleton.of(Array("rosen".utf8))))
    }
}
