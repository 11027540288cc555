import Testing
@testable import ContactIndex

/// Two or three capitals typed together ("JL Picard") are also read as initials; letters typed
/// with points ("J.R. Smith") also as one word.
@Suite struct TypedInitialismsTests {
    static let directory = ContactDirectory([
        Contact(id: "jl", firstName: "Jean-Luc", lastName: "Picard"),
        Contact(id: "ap", firstName: "Anne", lastName: "Picard"),
        Contact(id: "jp", firstName: "Jules", lastName: "Picard"),
        Contact(id: "mk", firstName: "Mary-Kate", lastName: "Olsen"),
        Contact(id: "ao", firstName: "Ashley", lastName: "Olsen"),
        Contact(id: "kc", firstName: "Casey", lastName: "Coffey"),
        Contact(id: "kv", firstName: "Kevin", lastName: "Coffey"),
        Contact(id: "ed", firstName: "Ed", lastName: "Smith"),
        Contact(id: "es", firstName: "Emily Dawn", lastName: "Smith"),
        Contact(id: "jr", firstName: "JR", lastName: "Smith"),
        Contact(id: "jrs", firstName: "John Robert", lastName: "Smith"),
        Contact(id: "tj", firstName: "TJ", lastName: "Miller"),
    ])

    @Test func theWordsAreCapitalsAlone() {
        #expect(TypedInitialisms.words(in: "JL Picard") == ["jl"])
        #expect(TypedInitialisms.words(in: "Picard, JL.") == ["jl"])
        #expect(TypedInitialisms.words(in: "TJM Miller") == ["tjm"])
        #expect(TypedInitialisms.words(in: "Jl Picard").isEmpty)
        #expect(TypedInitialisms.words(in: "J.L. Picard").isEmpty)
        #expect(TypedInitialisms.words(in: "JEAN Picard").isEmpty)
        #expect(TypedInitialisms.words(in: "J Picard").isEmpty)
    }

    /// The person whose given names start with the letters comes first, as an initials match.
    @Test(arguments: [("JL Picard", "jl"), ("Picard JL", "jl"), ("MK Olsen", "mk")])
    func theLettersAreInitials(_ query: String, _ id: String) {
        let found = Self.directory.search(query)
        #expect(found.first?.contact.id == id, "\(query)")
        #expect(found.first?.reason == .initials, "\(query)")
    }

    /// A full match of the word as typed comes first, and the letters are not read: "KC" is a
    /// nickname of Casey, "ED" typed in capitals is Ed.
    @Test func aWordThatMatchesIsReadAsAWord() {
        let casey = Self.directory.search("KC Coffey")
        #expect(casey.first?.contact.id == "kc")
        #expect(casey.first?.reason == .nickname)
        let ed = Self.directory.search("ED Smith")
        #expect(ed.first?.contact.id == "ed")
        #expect(ed.first?.reason == .exactName || ed.first?.reason == .foldedName)
        #expect(!ed.contains { $0.contact.id == "es" && $0.reason == .initials })
    }

    @Test func dottedWordsAreLettersEachWithAPoint() {
        #expect(TypedInitialisms.dottedWords(in: "J.R. Smith") == [["j", "r"]])
        #expect(TypedInitialisms.dottedWords(in: "Miller, t.j") == [["t", "j"]])
        #expect(TypedInitialisms.dottedWords(in: "A.B.C. Jones") == [["a", "b", "c"]])
        #expect(TypedInitialisms.dottedWords(in: "J. R. Smith").isEmpty)
        #expect(TypedInitialisms.dottedWords(in: "Dr. Smith").isEmpty)
        #expect(TypedInitialisms.dottedWords(in: "a.b.c.d. Jones").isEmpty)
        #expect(TypedInitialisms.dottedWords(in: "john.smith@example.com").isEmpty)
        #expect(TypedInitialisms.dottedWords(in: "JR Smith").isEmpty)
    }

    /// "J.R. Smith" finds the person whose given name is written "JR" first, and John Robert
    /// Smith by his initials after; "K.C. Coffey" finds Casey by the nickname "kc".
    @Test func lettersWithPointsAreAWordToo() {
        let jr = Self.directory.search("J.R. Smith")
        #expect(jr.first?.contact.id == "jr")
        #expect(jr.contains { $0.contact.id == "jrs" && $0.reason == .initials })
        #expect(Self.directory.search("T.J. Miller").first?.contact.id == "tj")
        let casey = Self.directory.search("K.C. Coffey")
        #expect(casey.first?.contact.id == "kc")
        #expect(casey.first?.reason == .nickname)
    }
}
