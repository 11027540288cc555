@testable import ContactIndex
import Testing

/// A query token followed by a hyphen was typed whole, as the first part of a hyphenated name
/// ("al" in "Mar Al-", "jean" in "Jean-Pi"): it matches as itself, a nickname or with typing
/// errors, never as the start of a longer token.
@Suite struct HyphenTypedTokenTests {
    let names = NameNormalizer.shared

    @Test func theTokenizerMarksTheTokensAHyphenFollows() {
        func marked(_ text: String) -> [String] {
            names.tokensMarkingHyphens(text).map { $0.beforeHyphen ? $0.token + "-" : $0.token }
        }
        #expect(marked("Mar Al-") == ["mar", "al-"])
        #expect(marked("Al-Gh Fatima") == ["al-", "gh", "fatima"])
        #expect(marked("Jean - Pi") == ["jean-", "pi"])
        #expect(marked("Smith, John") == ["smith", "john"])
        #expect(marked("O'Brien-Smith") == ["obrien-", "smith"])
        #expect(marked("-Jean") == ["jean"])
        #expect(marked("Müller-Lüdenscheidt") == ["muller-", "ludenscheidt"])
        #expect(marked("") == [])
    }

    /// The marked tokens are exactly `tokens`, whatever the text (the two share one loop).
    @Test(arguments: ["Mar Al-", "O'Brien", "van der Berg", "Smith-Jones, Mary", "王小明", "Иван-Иванов", "a--b  c-", "' - '"])
    func theTokensAreThoseOfTokens(_ text: String) {
        #expect(names.tokensMarkingHyphens(text).map(\.token) == names.tokens(text))
    }

    @Test func aJoinedTokenIsTypedWholeAsItsLastPart() {
        let joined = NameParticles.joiningParticles(["fat", "al", "g"], typedWhole: [false, true, false])
        #expect(joined.tokens == ["fat", "alg"])
        #expect(joined.typedWhole == [false, false])
        let whole = NameParticles.joiningParticles(["van", "der", "berg"], typedWhole: [false, false, true])
        #expect(whole.tokens == ["vanderberg"])
        #expect(whole.typedWhole == [true])
    }

    static let directory = ContactDirectory([
        Contact(id: "h1", firstName: "Mariam", lastName: "Al-Ghamdi"),
        Contact(id: "h2", firstName: "Maria", lastName: "Alvarez"),
        Contact(id: "h3", firstName: "Jean-Pierre", lastName: "Martin"),
        Contact(id: "h4", firstName: "Jeanne", lastName: "Dupont"),
        Contact(id: "h5", firstName: "Jean", lastName: "Dupont"),
        Contact(id: "h6", firstName: "Fatima", lastName: "Al-Hassan"),
    ])

    func ids(_ text: String) -> [String] { Self.directory.lookup(fuzzyName: text, limit: 10).map(\.contact.id) }

    @Test func aParticleTypedWithItsHyphenIsNotAPrefix() {
        // "Al-" is the particle of "Al-Ghamdi", not the start of "Alvarez".
        #expect(ids("Mar Al-") == ["h1"])
        // Without the hyphen, both are type-ahead matches.
        #expect(Set(ids("Mar Al")) == ["h1", "h2"])
        // The part after the hyphen is still a prefix.
        #expect(ids("Fat Al-Ha").first == "h6")
    }

    @Test func aFirstNameTypedWithItsHyphenIsNotAPrefix() {
        let whole = ids("Jean-")
        #expect(whole.contains("h3") && whole.contains("h5"))
        #expect(!whole.contains("h4"), "\"Jean-\" is not the start of \"Jeanne\"")
        #expect(ids("Jean").contains("h4"))
        #expect(ids("Jean-Pi").first == "h3")
    }
}

/// The parts of a name typed apart in a query are also searched joined: "Min-jun Kim" and "Min
/// Jun Kim" are 민준 김, whose given name ICU romanizes as the one word "minjun"
/// (`JoinedQueryTokens`).
@Suite struct JoinedQueryTokenTests {
    @Test func partsLinkedByHyphensAreJoined() {
        let joined = JoinedQueryTokens.joiningHyphenated(["min", "jun", "kim"], beforeHyphen: [true, false, false])
        #expect(joined.tokens == ["minjun", "kim"])
        #expect(joined.typedWhole == [false, false])
        let chain = JoinedQueryTokens.joiningHyphenated(["a", "b", "c", "d"], beforeHyphen: [true, true, false, true])
        #expect(chain.tokens == ["abc", "d"])
        #expect(chain.typedWhole == [false, true])
        #expect(JoinedQueryTokens.joiningHyphenated(["mar", "al"], beforeHyphen: [false, true]).tokens == ["mar", "al"])
    }

    @Test func neighboursAreJoinedOnePairAtATime() {
        let pairs = JoinedQueryTokens.joiningPairs(["min", "jun", "kim"], typedWhole: [false, true, false])
        #expect(pairs.map(\.tokens) == [["minjun", "kim"], ["min", "junkim"]])
        #expect(pairs.map(\.typedWhole) == [[true, false], [false, false]])
        #expect(pairs.map(\.joined) == ["minjun", "junkim"])
        // A letter joins the word after it (the search runs it only when the vocabulary has the
        // joined word), not the one before; particles are not joined; one word has no
        // neighbour; five are too many.
        #expect(JoinedQueryTokens.joiningPairs(["o", "brien"], typedWhole: [false, false]).map(\.joined) == ["obrien"])
        #expect(JoinedQueryTokens.joiningPairs(["smith", "j"], typedWhole: [false, false]).isEmpty)
        #expect(JoinedQueryTokens.joiningPairs(["van", "dijk"], typedWhole: [false, false]).isEmpty)
        #expect(JoinedQueryTokens.joiningPairs(["kim"], typedWhole: [false]).isEmpty)
        #expect(JoinedQueryTokens.joiningPairs(["a1", "b2", "c3", "d4", "e5"], typedWhole: Array(repeating: false, count: 5)).isEmpty)
    }

    static let directory = ContactDirectory([
        Contact(id: "hangul", firstName: "민준", lastName: "김"),
        Contact(id: "seoyeon", firstName: "서연", lastName: "이"),
        Contact(id: "latin", firstName: "Seo-yeon", lastName: "Park"),
        Contact(id: "joined", firstName: "Jeanluc", lastName: "Picard"),
        Contact(id: "apostrophe", firstName: "Seán", lastName: "O'Brien"),
        Contact(id: "angelo", firstName: "Mary-Kate", lastName: "D'Angelo"),
        Contact(id: "initial", firstName: "Oscar", lastName: "Brien"),
        Contact(id: "other", firstName: "Jun", lastName: "Kimura"),
    ])

    func matches(_ text: String) -> [Match] { Self.directory.search(text) }

    @Test(arguments: [
        ("Min-jun Kim", "hangul"), ("Kim Min-jun", "hangul"), ("Seo-yeon Lee", "seoyeon"), ("Lee Seo-yeon", "seoyeon"),
        ("Jean-Luc Picard", "joined"), ("Min Jun Kim", "hangul"), ("Kim Min Jun", "hangul"), ("Seo Yeon Lee", "seoyeon"),
        ("Jean Luc Picard", "joined"), ("Sean O Brien", "apostrophe"), ("Mary Kate D Angelo", "angelo"),
    ])
    func aJoinedStoredNameIsAFullMatch(text: String, id: String) {
        let found = matches(text)
        #expect(found.first?.contact.id == id, "\(text): \(found.map(\.contact.id))")
        #expect(found.first?.reason != .partialName, "\(text)")
    }

    /// The stored hyphenated name still ranks as it did: its own parts match first.
    @Test func aStoredHyphenatedNameKeepsItsMatch() {
        #expect(matches("Seo-yeon Park").first?.contact.id == "latin")
        #expect(matches("Seo-yeon Park").first?.reason == .exactName)
        #expect(matches("Seo Yeon Park").first?.contact.id == "latin")
    }

    /// A name with a number confirms its contact through a joined pass too: the number finds
    /// the contact, and the name words "Min Jun Kim" match it whole.
    @Test func aJoinedPassConfirmsAnIdentityMatch() throws {
        let directory = ContactDirectory([
            Contact(id: "hangul", firstName: "민준", lastName: "김", phones: [ContactPhone("+82 2 555 1234")]),
            Contact(id: "other", firstName: "Jun", lastName: "Kimura", phones: [ContactPhone("+82 2 555 9234")]),
        ])
        let hangul = try #require(directory.slot(of: "hangul"))
        let other = try #require(directory.slot(of: "other"))
        let own = directory.ownNameMatches("min jun kim", slots: [hangul, other])
        #expect(own[hangul]?.reason == .nameTokens)
        #expect(own[other] == nil)
    }
}
