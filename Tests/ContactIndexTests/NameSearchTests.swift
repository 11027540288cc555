@testable import ContactIndex
import Testing

@Suite struct NameSearchTests {
    static let contacts: [Contact] = [
        Contact(id: "p01", firstName: "John", lastName: "Smith", phones: [ContactPhone("+1 650 555 1234")], emails: [ContactEmail("john.smith@example.com")]),
        Contact(id: "p02", firstName: "Hans", lastName: "Müller"),
        Contact(id: "p03", firstName: "Иван", lastName: "Иванов"),
        Contact(id: "p04", firstName: "Ελένη", lastName: "Παπαδοπούλου"),
        Contact(id: "p05", firstName: "Robert", lastName: "Smith"),
        Contact(id: "p06", firstName: "Bob", lastName: "Jones"),
        Contact(id: "p07", firstName: "Pieter", lastName: "van der Berg"),
        Contact(id: "p08", firstName: "Ana", lastName: "de la Cruz", emails: [ContactEmail("ana.delacruz@example.org")]),
        Contact(id: "p09", firstName: "Mary", lastName: "Smith-Jones"),
        Contact(id: "p10", firstName: "Jonathan", lastName: "Smithers", phones: [ContactPhone("+44 20 7946 0958")]),
        Contact(id: "p11", firstName: "Katherine", lastName: "Whitaker"),
        Contact(id: "p12", firstName: "Joost", lastName: "Vanderberg"),
        Contact(id: "p13", firstName: "王", lastName: "小明", displayName: "王小明"),
        Contact(id: "p14", firstName: "John", lastName: "Smith", entity: .lead),
        Contact(id: "p15", firstName: "محمد", lastName: "عبدالله"),
    ]
    static let directory = ContactDirectory(contacts)

    func top(_ text: String) -> Match? { Self.directory.lookup(fuzzyName: text, limit: 1).first }
    func ids(_ text: String, limit: Int = 10) -> [String] { Self.directory.lookup(fuzzyName: text, limit: limit).map(\.contact.id) }

    @Test(arguments: [
        ("muller", "p02"), ("MÜLLER hans", "p02"), ("Ivanov", "p03"), ("ivan ivanov", "p03"), ("Eleni", "p04"),
        ("Smith John", "p01"), ("Smith, John", "p01"), ("john smith", "p01"), ("Joh Smi", "p01"),
        ("J Smith", "p01"), ("J. Smith", "p01"), ("Bob Smith", "p05"), ("Robert Jones", "p06"),
        ("van der Berg", "p07"), ("Berg", "p07"), ("Pieter Vanderberg", "p07"), ("de la Cruz", "p08"), ("Cruz", "p08"),
        ("Smith-Jones", "p09"), ("Mary Jones", "p09"), ("Mary Smithjones", "p09"), ("Jonh Smith", "p01"),
        ("Katherien Whitaker", "p11"), ("Kathrine Whitakre", "p11"), ("Joost van der Berg", "p12"), ("wang xiaoming", "p13"),
    ])
    func findsTheRightPersonFirst(_ text: String, expected: String) throws {
        let match = try #require(top(text), "\(text)")
        #expect(match.contact.id == expected, "\(text) → \(match.contact.name) \(match.reason)")
        #expect(match.score > 0 && match.score <= 1)
    }

    @Test func reasonsFollowTheRanking() throws {
        #expect(top("John Smith")?.reason == .exactName)
        #expect(top("Hans Muller")?.reason == .foldedName)
        #expect(top("Ivan Ivanov")?.reason == .transliteratedName)
        #expect(top("Smith")?.reason == .nameTokens)
        #expect(top("Bob Smith")?.reason == .nickname)
        #expect(top("Kath Whit")?.reason == .tokenPrefix)
        #expect(top("K Whitaker")?.reason == .initials)
        #expect(top("Katherine Whitakre")?.reason == .fuzzyOneEdit)
        #expect(top("Katherine Whitaxe")?.reason == .fuzzyTwoEdits)
        // ICU writes محمد عبدالله "mhmd bdallh": the usual spelling meets it by its consonants.
        #expect(top("Mohammed Abdullah")?.reason == .romanized)
        #expect(top("Mohammed Abdullah")?.contact.id == "p15")
        // Latin names never match by consonants alone: two transpositions are two edits.
        #expect(top("Katherine Whtiakre")?.reason == .fuzzyTwoEdits)
        #expect(top("Katherine Zzyzxq")?.reason == .partialName)
        let order: [MatchReason] = [.exactName, .foldedName, .transliteratedName, .nameTokens, .nickname, .tokenPrefix, .initials, .fuzzyOneEdit, .romanized, .fuzzyTwoEdits, .partialName]
        #expect(zip(order, order.dropFirst()).allSatisfy { $0.baseScore > $1.baseScore })
        #expect(MatchReason.allCases.allSatisfy { (0...1).contains($0.baseScore) })
        // Identity matches rank above names; the exceptions are two hints that must never reach
        // the confident threshold: the same national number under another country code, and the
        // same number with another extension on both sides (another line).
        let belowThreshold: Set<MatchReason> = [.sameNationalNumber, .otherExtension]
        let identities = MatchReason.allCases.filter { $0.isIdentity && !belowThreshold.contains($0) }
        #expect(identities.allSatisfy { $0.baseScore > MatchReason.exactName.baseScore })
        #expect(belowThreshold.allSatisfy { $0.baseScore < MatchReason.confidentScore })
    }

    @Test func tiesGoToEntityPriorityThenID() {
        #expect(ids("John Smith", limit: 2) == ["p01", "p14"])
        var configuration = DirectoryConfiguration()
        configuration.ranking = MatchRanking(entityPriority: [.lead, .contact])
        let leadsFirst = ContactDirectory(Self.contacts, configuration: configuration)
        #expect(leadsFirst.lookup(fuzzyName: "John Smith", limit: 2).map(\.contact.id) == ["p14", "p01"])
        // Same reason: more tokens matched well ranks first.
        let results = Self.directory.lookup(fuzzyName: "Jon Smith")
        #expect(results.first.map { ["p01", "p14"].contains($0.contact.id) } == true)
    }

    @Test func typoBudgetDependsOnLengthAndIsConfigurable() {
        #expect(top("Jhn Smith")?.contact.id == "p01")  // "jhn" is 3 letters but "john" 4: one edit
        #expect(top("Jhn Smith")?.reason == .fuzzyOneEdit)  // a full match, not "smith" alone
        #expect(top("Jhn")?.contact.id == "p01")
        #expect(top("Ana de la Cruz")?.reason == .exactName)
        #expect(ids("Anz").isEmpty)  // 3 letters against 3: no edit allowed
        var configuration = DirectoryConfiguration()
        configuration.nameMatching = NameMatchingOptions(maxEdits: 0)
        let strict = ContactDirectory(Self.contacts, configuration: configuration)
        #expect(strict.lookup(fuzzyName: "Katherine Whitaxer").first?.reason == .partialName)
        #expect(NameMatchingOptions().budget(forLength: 3) == 0)
        #expect(NameMatchingOptions().budget(forLength: 7) == 1)
        #expect(NameMatchingOptions().budget(forLength: 8) == 2)
    }

    /// Two typing errors where a swap and an added or dropped letter meet: "Whiaxtker" for
    /// Whitaker ("ta" swapped, "x" added between) and "Smietrs" for Smithers ("th" … "e": the "h"
    /// dropped from between the swapped "t" and "e"). Two Damerau–Levenshtein edits, within the
    /// budget of a name of eight letters; optimal string alignment counted three
    /// (`PatternDistanceTests`) and found neither.
    @Test func aSwapAcrossAnAddedOrDroppedLetterIsTwoTypingErrors() {
        for (query, expected) in [("Katherine Whiaxtker", "p11"), ("Jonathan Smietrs", "p10")] {
            let found = Self.directory.lookup(fuzzyName: query)
            #expect(found.first?.contact.id == expected, "\(query)")
            #expect(found.first?.reason == .fuzzyTwoEdits, "\(query)")
        }
    }

    @Test func unknownNamesAreNotConfident() {
        let best = Self.directory.lookup(fuzzyName: "Zorvellak Quintaran").first?.score ?? 0
        #expect(best < Self.directory.configuration.confidentMatchScore)
        #expect((top("John Smith")?.score ?? 0) >= MatchReason.confidentScore)
    }

    @Test(arguments: ["", "   ", "\t\n", ",.-"])
    func emptyQueriesGiveNothing(_ text: String) {
        #expect(Self.directory.search(text).isEmpty)
        #expect(Self.directory.lookup(fuzzyName: text).isEmpty)
    }

    @Test func freeTextDetectsPhonesEmailsAndNames() throws {
        #expect(Self.directory.search("+1 650-555-1234").first?.reason == .exactE164)
        #expect(Self.directory.search("(650) 555-1234").first?.contact.id == "p01")
        let suffix = try #require(Self.directory.search("1234").first)
        #expect(suffix.reason == .phoneFragment && suffix.contact.id == "p01")
        #expect(Self.directory.search("5551").first?.contact.id == "p01")  // infix
        #expect(Self.directory.search("7946 0958").first?.contact.id == "p10")
        #expect(Self.directory.search("123").isEmpty)  // 3 digits alone are too few
        #expect(Self.directory.search("john.smith@example.com").first?.reason == .exactEmail)
        let prefix = try #require(Self.directory.search("ana.del").first)
        #expect(prefix.reason == .emailPrefix && prefix.contact.id == "p08")
        #expect(Self.directory.search("ana.delacruz@").first?.contact.id == "p08")
        #expect(Self.directory.search("Hans Müller").first?.contact.id == "p02")
    }

    @Test func mixedQueriesConfirmNamesWithDigits() throws {
        let results = Self.directory.search("john 555")
        let first = try #require(results.first)
        #expect(first.contact.id == "p01")
        #expect(first.matchedPhone != nil)
        #expect(results.contains { $0.contact.id == "p14" })
        let both = try #require(Self.directory.search("smith 1234").first)
        #expect(both.contact.id == "p01" && both.score > MatchReason.phoneFragment.baseScore)
    }

    @Test func updatesKeepTheTokenIndexConsistent() throws {
        var directory = Self.directory
        directory.remove(id: "p11")
        #expect(!directory.lookup(fuzzyName: "Katherine Whitaker").contains { $0.contact.id == "p11" })
        directory.upsert(Contact(id: "p06", firstName: "Roberta", lastName: "Jonesy"))
        #expect(directory.lookup(fuzzyName: "Roberta Jonesy").first?.contact.id == "p06")
        #expect(!directory.lookup(fuzzyName: "Bob Jones").contains { $0.contact.id == "p06" && $0.reason == .nickname })
        directory.upsert(Contact(id: "p99", firstName: "Zbigniew", lastName: "Brzęczyszczykiewicz", phones: [ContactPhone("+48 22 123 4567")]))
        #expect(directory.lookup(fuzzyName: "zbigniew brzeczyszczykiewicz").first?.contact.id == "p99")
        #expect(directory.search("1234567").first?.contact.id == "p99")
        directory.remove(id: "p99")
        #expect(directory.search("1234567").isEmpty)
        #expect(directory.lookup(fuzzyName: "Zbigniew").isEmpty)
        // The original value is an untouched snapshot.
        #expect(Self.directory.lookup(fuzzyName: "Katherine Whitaker").first?.contact.id == "p11")
    }

    @Test func existingLookupsStillWork() {
        #expect(Self.directory.lookup(name: "muller hans").first?.contact.id == "p02")
        #expect(Self.directory.lookup(namePrefix: "Whit").first?.contact.id == "p11")
        #expect(Self.directory.lookup(email: "JOHN.SMITH@example.com").first?.contact.id == "p01")
        #expect(Self.directory.lookup(phone: "+16505551234").first?.contact.id == "p01")
    }
}

/// Titles and suffixes typed around a whole name ("Mr", "Dr.", "Jr") are not part of it
/// (`NameTitles`); the token search keeps them, since a name read from another script may have
/// them as tokens.
@Suite struct NameTitleTests {
    static let directory = ContactDirectory([
        Contact(id: "bill", firstName: "William", lastName: "Thompson"),
        Contact(id: "ann", displayName: "Dr. Ann Lee"),
        Contact(id: "kasia", firstName: "Katarzyna", lastName: "Wiśniewska"),
        Contact(id: "omar", firstName: "عمر", lastName: "النجار"),
        Contact(id: "alnjar", lastName: "Alnjar"),
    ])

    @Test(arguments: [
        ("Mr William Thompson", "bill", MatchReason.exactName),
        ("william thompson jr.", "bill", .exactName),
        ("MRS. Katarzyna Wisniewska", "kasia", .foldedName),
        ("prof,   thompson william", "bill", .exactName),
        ("Dr Ann Lee", "ann", .exactName),
        ("mr alnjar", "omar", .transliteratedName),
    ])
    func aTitleIsNotPartOfAWholeName(query: String, id: String, reason: MatchReason) {
        let first = Self.directory.lookup(fuzzyName: query).first
        #expect(first?.contact.id == id, "\(query)")
        #expect(first?.reason == reason, "\(query)")
    }

    @Test func titlesAloneAreSearchedAsTheyAre() {
        #expect(NameTitles.stripping("Mr.") == nil)
        #expect(NameTitles.stripping("mr jr") == nil)
        #expect(NameTitles.stripping("William") == nil)
        #expect(NameTitles.stripping("Mr William") == "William")
        #expect(NameTitles.stripping("Mrsmith Drake") == nil)
        #expect(Self.directory.lookup(fuzzyName: "Dr.").first?.contact.id == "ann")  // "Dr. Ann Lee" has the token
    }
}
