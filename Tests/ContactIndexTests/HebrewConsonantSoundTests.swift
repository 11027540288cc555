import Testing
@testable import ContactIndex

/// A name typed for one written in Hebrew letters is compared with ICU's consonants read by
/// sound when they are too far as written (`ConsonantSkeleton.bySound`): ק typed "k", ב and ו
/// typed "v", ז typed "s", a final ה typed as a vowel; and a token with ז is also filed under
/// its skeleton with "s" (`ConsonantSkeleton.alternates`). Before, "Rivka Levi", "Tova Cohen"
/// and "Rachel Rosenberg" matched their names written in Hebrew by one word only
/// (`partialName`), and "rosen" found nothing.
@Suite struct HebrewConsonantSoundTests {
    static let directory = ContactDirectory([
        Contact(id: "h1", firstName: "רבקה", lastName: "לוי"),
        Contact(id: "h2", firstName: "רחל", lastName: "רוזנברג"),
        Contact(id: "h3", firstName: "טובה", lastName: "כהן"),
        Contact(id: "h4", lastName: "רוזן"),
        Contact(id: "l1", firstName: "Rita", lastName: "Levi"),
        Contact(id: "l2", firstName: "Tom", lastName: "Cohen"),
    ])

    @Test(arguments: [("Rivka Levi", "h1"), ("Rachel Rosenberg", "h2"), ("Tova Cohen", "h3"), ("rosen", "h4"), ("rivka", "h1")])
    func theNameInHebrewComesFirst(_ text: String, _ id: String) throws {
        for found in [Self.directory.search(text), Self.directory.lookup(fuzzyName: text)] {
            let described = found.map { "\($0.contact.id) \($0.reason) \($0.score)" }
            let first = try #require(found.first, "\(text)")
            #expect(first.contact.id == id && first.reason == .romanized, "\(text): \(described)")
        }
    }

    @Test func readBySound() {
        #expect(ConsonantSkeleton.bySound(Array("rbqh".utf8)) == Array("rbk".utf8))
        #expect(ConsonantSkeleton.bySound(Array("rvk".utf8)) == Array("rbk".utf8))
        #expect(ConsonantSkeleton.bySound(Array("rwznbrg".utf8)) == Array("rbsnbrg".utf8))
        #expect(ConsonantSkeleton.alternates(of: Array("rwzn".utf8)).contains(ConsonantSkeleton.of(Array("rosen".utf8))))
    }
}
