import Testing
@testable import ContactIndex

/// A whole name typed as a contact has it still lists the contacts it names by a nickname
/// (`ContactDirectory.collectNicknameWholeNames`): "Bobby Brown" is Bobby Brown first, and
/// Robert Brown after, as when no Bobby Brown were there.
@Suite struct NicknameWholeNameTests {
    static let contacts = [
        Contact(id: "a", firstName: "Bobby", lastName: "Brown"),
        Contact(id: "b", firstName: "Robert", lastName: "Brown"),
        Contact(id: "c", firstName: "Robert", lastName: "Green"),
        Contact(id: "d", firstName: "Roberta", lastName: "Brown"),
        Contact(id: "e", firstName: "Brown", lastName: "Robert"),
    ]
    static let directory = ContactDirectory(contacts)
    /// The same without the Bobby Brown: the token search finds Robert Brown by nickname.
    static let withoutNamesake = ContactDirectory(contacts.filter { $0.id != "a" })

    @Test(arguments: ["Bobby Brown", "bobby brown", "Brown, Bobby", "BROWN BOBBY"])
    func theNicknamesFormalNameFollowsTheWholeName(_ text: String) throws {
        for matches in [Self.directory.lookup(fuzzyName: text), Self.directory.search(text)] {
            let first = try #require(matches.first, "\(text)")
            #expect(first.contact.id == "a" && first.reason == .exactName, "\(text): \(matches)")
            let robert = try #require(matches.first { $0.contact.id == "b" }, "\(text): \(matches)")
            #expect(robert.reason == .nickname && robert.score < MatchReason.confidentScore, "\(text): \(matches)")
            // Neither another family name, nor a name the table does not relate, nor a nickname
            // of a family name (Brown Robert, given name Brown), as in the token search.
            #expect(!matches.contains { ["c", "d", "e"].contains($0.contact.id) }, "\(text): \(matches)")
            // The score the token search gives it, typed in its order, when no whole name ends
            // the search (the order is not told apart here: `collectNicknameWholeNames`).
            let alone = try #require(Self.withoutNamesake.lookup(fuzzyName: "Bobby Brown").first { $0.contact.id == "b" })
            #expect(alone.reason == .nickname && alone.score == robert.score, "\(text): \(alone) vs \(robert)")
        }
    }

    @Test func theOtherWayRoundTheNicknameFollows() throws {
        let matches = Self.directory.lookup(fuzzyName: "Robert Brown")
        #expect(matches.prefix(2).map(\.contact.id).sorted() == ["b", "e"], "\(matches)")
        #expect(matches.first?.contact.id == "b", "\(matches)")
        let bobby = try #require(matches.first { $0.contact.id == "a" }, "\(matches)")
        #expect(bobby.reason == .nickname, "\(matches)")
        #expect(!matches.contains { $0.contact.id == "c" || $0.contact.id == "d" }, "\(matches)")
    }

    @Test func aSingleAnswerStaysTheWholeName() {
        for text in ["Bobby Brown", "Robert Brown"] {
            let matches = Self.directory.lookup(fuzzyName: text, limit: 1)
            #expect(matches.count == 1 && matches.first?.reason == .exactName, "\(text): \(matches)")
        }
    }

    @Test func aNicknameStandsForAGivenNameOnly() {
        let directory = ContactDirectory([
            Contact(id: "s1", firstName: "Stephen", lastName: "Hal"), Contact(id: "s2", firstName: "Stephen", lastName: "Henry"),
            Contact(id: "s3", firstName: "Hal", lastName: "Jones"), Contact(id: "s4", firstName: "Henry", lastName: "Jones"),
        ])
        // Hal is a nickname of Henry: on a family name it names nobody else.
        #expect(directory.lookup(fuzzyName: "Stephen Hal").map(\.contact.id) == ["s1"])
        let matches = directory.lookup(fuzzyName: "Hal Jones")
        #expect(matches.map(\.contact.id) == ["s3", "s4"] && matches.last?.reason == .nickname, "\(matches)")
    }

    @Test func aNameOutsideASCIIFindsItsNicknameForms() throws {
        let directory = ContactDirectory([
            Contact(id: "y1", firstName: "Bobby", lastName: "Yılmaz"), Contact(id: "y2", firstName: "Robert", lastName: "Yılmaz"),
            Contact(id: "t1", firstName: "Bobby", lastName: "Þórsson"), Contact(id: "t2", firstName: "Robert", lastName: "Þórsson"),
        ])
        for (text, other) in [("Bobby Yılmaz", "y2"), ("Bobby Þórsson", "t2")] {
            let matches = directory.lookup(fuzzyName: text)
            let found = try #require(matches.first { $0.contact.id == other }, "\(text): \(matches)")
            #expect(found.reason == .nickname && matches.count == 2, "\(text): \(matches)")
        }
    }

    @Test func aWholeNameWithoutNicknamesListsItsNamesakesOnly() {
        let matches = Self.directory.lookup(fuzzyName: "Robert Green")
        #expect(matches.map(\.contact.id) == ["c"], "\(matches)")
    }
}

/// The nickname forms stay found as the directory changes: contacts added one by one (past the
/// first size of `WholeNameTokenFilter`), renamed, and nicknames new to the vocabulary
/// (`TokenNicknames.link`).
@Suite struct NicknameWholeNameUpdateTests {
    /// A family name of letters only, one for each `index`.
    static func familyName(_ index: Int) -> String {
        var letters = ""
        var rest = index
        repeat {
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(rest % 26))))
            rest /= 26
        } while rest > 0
        return "Q" + letters + "son"
    }

    @Test func formsAddedOneByOneAreFound() throws {
        // 4,500 Roberts and 4,500 Bobbys: 9,000 names, past the 8,192 a first filter holds.
        var directory = ContactDirectory([])
        let count = 4_500
        for index in 0..<count {
            _ = directory.upsert(Contact(id: "r\(index)", firstName: "Robert", lastName: Self.familyName(index)))
            _ = directory.upsert(Contact(id: "b\(index)", firstName: "Bobby", lastName: Self.familyName(index)))
        }
        for index in stride(from: 0, to: count, by: 149) {
            let matches = directory.lookup(fuzzyName: "Bobby \(Self.familyName(index))")
            #expect(matches.first?.contact.id == "b\(index)" && matches.first?.reason == .exactName, "\(index): \(matches)")
            let robert = try #require(matches.first { $0.contact.id == "r\(index)" }, "\(index): \(matches)")
            #expect(robert.reason == .nickname, "\(index): \(matches)")
            #expect(matches.count == 2, "\(index): \(matches)")
        }
    }

    /// Carl Brown renamed Robert Brown; and Robert of the company Brown become Robert Brown (the
    /// same tokens, the family name new to his whole name). Then back.
    @Test(arguments: [Contact(id: "b", firstName: "Carl", lastName: "Brown"), Contact(id: "b", firstName: "Robert", company: "Brown")])
    func aRenamedContactIsFoundByItsNewName(_ before: Contact) {
        var directory = ContactDirectory([Contact(id: "a", firstName: "Bobby", lastName: "Brown"), before])
        #expect(directory.lookup(fuzzyName: "Bobby Brown").map(\.contact.id) == ["a"])
        _ = directory.upsert(Contact(id: "b", firstName: "Robert", lastName: "Brown"))
        let matches = directory.lookup(fuzzyName: "Bobby Brown")
        #expect(matches.map(\.contact.id) == ["a", "b"] && matches.last?.reason == .nickname, "\(matches)")
        _ = directory.upsert(before)
        #expect(directory.lookup(fuzzyName: "Bobby Brown").map(\.contact.id) == ["a"])
    }

    @Test(arguments: [["Robert Green", "Bobby Brown", "Robert Brown"], ["Bobby Green", "Robert Brown", "Bobby Brown"]])
    func aNicknameNewToTheVocabularyIsRelated(_ names: [String]) throws {
        var directory = ContactDirectory([])
        for (index, name) in names.enumerated() {
            let words = name.split(separator: " ").map(String.init)
            _ = directory.upsert(Contact(id: "c\(index)", firstName: words[0], lastName: words[1]))
        }
        // The last two: each named by the other's nickname form.
        for (typed, other) in [(names[1], "c2"), (names[2], "c1")] {
            let matches = directory.lookup(fuzzyName: typed)
            #expect(matches.count == 2 && matches.last?.contact.id == other && matches.last?.reason == .nickname, "\(typed): \(matches)")
        }
    }
}
