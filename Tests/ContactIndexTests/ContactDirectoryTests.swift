import Testing
@testable import ContactIndex

@Suite struct ContactDirectoryTests {
    static let household = [
        Contact(id: "0035g00000AbCdE", firstName: "John", lastName: "Smith", phones: [ContactPhone("(650) 555-1234", label: "home")], emails: [ContactEmail("john.smith@example.com")]),
        Contact(id: "0035g00000AbCdF", firstName: "Mary", lastName: "Smith", phones: [ContactPhone("650.555.1234"), ContactPhone("+1 650 555 0142", label: "mobile")], emails: [ContactEmail("Mary.Smith+crm@GoogleMail.com")]),
        Contact(id: "00Q5g00000LeAd1", firstName: "John", lastName: "Smith", phones: [ContactPhone("+1 650-555-1234")], entity: .lead),
        Contact(id: "51000000037", firstName: "Hans", lastName: "Müller", phones: [ContactPhone("030 1234567")], emails: [ContactEmail("hans@müller.de")], region: "DE"),
        Contact(id: "51000000038", firstName: "Anna", lastName: "Mueller", phones: [ContactPhone("0151 23456789 ext. 7")], region: "DE"),
        Contact(id: "acct-1", displayName: "Acme Corp", phones: [ContactPhone("650 555 1234 x200")], entity: .account),
    ]

    let directory = ContactDirectory(household)

    @Test func householdPhoneMatchesEveryoneRankedDeterministically() {
        let matches = directory.lookup(phone: "+16505551234")
        #expect(matches.map(\.contact.id) == ["0035g00000AbCdE", "0035g00000AbCdF", "00Q5g00000LeAd1", "acct-1"])
        #expect(matches.prefix(3).allSatisfy { $0.reason == .exactE164 && $0.score == 1.0 })
        #expect(matches.last?.reason == .phoneExtensionDiffers)
        #expect(matches[1].matchedPhone?.raw == "650.555.1234")
        #expect(directory.lookup(phone: "+16505551234") == matches)
    }

    @Test func storedNumberWithExtensionRanksBelowOneWithout() {
        let matches = directory.lookup(phone: "(650) 555-1234", region: "US")
        let scores = Dictionary(uniqueKeysWithValues: matches.map { ($0.contact.id, $0.score) })
        #expect(scores["acct-1"]! < scores["0035g00000AbCdE"]!)
        let withExtension = directory.lookup(phone: "650 555 1234 x200")
        #expect(withExtension.first?.contact.id == "acct-1")
        #expect(withExtension.first?.reason == .exactE164)
    }

    @Test func nationalFormsFindTheSameNumber() {
        #expect(directory.lookup(phone: "030 1234567", region: "DE").map(\.contact.id) == ["51000000037"])
        #expect(directory.lookup(phone: "0049 30 1234567", region: "FR").map(\.contact.id) == ["51000000037"])
        #expect(directory.lookup(phone: "+49 (0)30 1234567").map(\.contact.id) == ["51000000037"])
        #expect(directory.lookup(phone: "+490301234567").map(\.contact.id) == ["51000000037"])
    }

    @Test func sameNationalNumberUnderAnotherCountryCodeRanksLow() {
        let matches = directory.lookup(phone: "+44 30 1234567")
        #expect(matches.map(\.contact.id) == ["51000000037"])
        #expect(matches.first?.reason == .sameNationalNumber)
        #expect(matches.first.map { $0.score < MatchReason.exactE164.baseScore } == true)
    }

    @Test func unknownNumbersAndGarbageFindNothing() {
        #expect(directory.lookup(phone: "+16505559999").isEmpty)
        #expect(directory.lookup(phone: "not a number").isEmpty)
        #expect(directory.lookup(phone: "").isEmpty)
    }

    @Test func emailLookUps() {
        #expect(directory.lookup(email: "JOHN.SMITH@example.com").map(\.reason) == [.exactEmail])
        #expect(directory.lookup(email: "hans@xn--mller-kva.de").map(\.contact.id) == ["51000000037"])
        #expect(directory.lookup(email: "Hans Müller <HANS@MÜLLER.DE>").map(\.contact.id) == ["51000000037"])
        let canonical = directory.lookup(email: "marysmith@gmail.com")
        #expect(canonical.map(\.contact.id) == ["0035g00000AbCdF"])
        #expect(canonical.first?.reason == .canonicalEmail)
        #expect(directory.lookup(email: "mary.smith+crm@googlemail.com").first?.reason == .exactEmail)
        #expect(directory.lookup(email: "nobody@example.com").isEmpty)
        #expect(directory.lookup(email: "not an address").isEmpty)
    }

    @Test func nameLookUps() {
        let exact = directory.lookup(name: "john smith")
        #expect(exact.map(\.contact.id) == ["0035g00000AbCdE", "00Q5g00000LeAd1"])
        #expect(exact.allSatisfy { $0.reason == .exactName })
        #expect(directory.lookup(name: "Smith, John").map(\.contact.id) == ["0035g00000AbCdE", "00Q5g00000LeAd1"])
        let folded = directory.lookup(name: "HANS MULLER")
        #expect(folded.map(\.contact.id) == ["51000000037"])
        #expect(folded.first?.reason == .foldedName)
        #expect(directory.lookup(name: "Hans Müller").first?.reason == .exactName)
        #expect(directory.lookup(name: "John Smyth").isEmpty)
        #expect(directory.lookup(name: "   ").isEmpty)
    }

    @Test func namePrefixLookUps() {
        #expect(Set(directory.lookup(namePrefix: "smi").map(\.contact.id)) == ["0035g00000AbCdE", "0035g00000AbCdF", "00Q5g00000LeAd1"])
        #expect(directory.lookup(namePrefix: "mul").map(\.contact.id) == ["51000000037"])
        #expect(directory.lookup(namePrefix: "Acme").map(\.contact.id) == ["acct-1"])
        #expect(directory.lookup(namePrefix: "zzz").isEmpty)
        #expect(directory.lookup(namePrefix: "smi", limit: 1).count == 1)
    }

    @Test func idsAreKeptByteForByte() {
        #expect(directory.contact(id: "0035g00000AbCdE")?.firstName == "John")
        #expect(directory.contact(id: "0035G00000ABCDE") == nil)
        #expect(directory.contact(id: "51000000037 ") == nil)
        #expect(directory.lookup(id: "51000000037")?.reason == .id)
        #expect(directory.lookup(id: "missing") == nil)
    }

    @Test func problemsAreReportedAndNothingIsDropped() throws {
        let directory = ContactDirectory([
            Contact(id: "a", phones: [ContactPhone("call me maybe"), ContactPhone("+1 650 253 0000")], emails: [ContactEmail("bad address")]),
            Contact(id: "", firstName: "Nobody"),
            Contact(id: "b", firstName: "First"),
            Contact(id: "b", firstName: "Second"),
            Contact(id: "c", phones: [ContactPhone("+1 123 456 7890")]),
        ])
        #expect(directory.count == 3)
        let a = try #require(directory.contact(id: "a"))
        #expect(a.phones[0].problem == .notANumber)
        #expect(a.phones[0].raw == "call me maybe")
        #expect(a.phones[1].normalized?.e164 == "+16502530000")
        #expect(a.emails[0].problem == .missingAt)
        #expect(directory.contact(id: "b")?.firstName == "Second")
        let kinds = directory.problems.map(\.kind)
        #expect(kinds.contains(.unparseablePhone(.notANumber)))
        #expect(kinds.contains(.invalidEmail(.missingAt)))
        #expect(kinds.contains(.missingID))
        #expect(kinds.contains(.duplicateID))
        #expect(kinds.contains(.invalidPhone))
        // An invalid number is still indexed.
        #expect(directory.lookup(phone: "+11234567890").map(\.contact.id) == ["c"])
        #expect(directory.problems.allSatisfy { !$0.description.isEmpty })
    }

    @Test func upsertAndRemoveKeepEveryIndexConsistent() {
        var directory = self.directory
        directory.upsert(Contact(id: "0035g00000AbCdE", firstName: "Johnny", lastName: "Smithers", phones: [ContactPhone("+1 650 555 7777")], emails: [ContactEmail("johnny@example.com")]))
        #expect(directory.count == Self.household.count)
        #expect(!directory.lookup(phone: "+16505551234").map(\.contact.id).contains("0035g00000AbCdE"))
        #expect(directory.lookup(phone: "+16505557777").map(\.contact.id) == ["0035g00000AbCdE"])
        #expect(directory.lookup(email: "john.smith@example.com").isEmpty)
        #expect(directory.lookup(name: "Johnny Smithers").map(\.contact.id) == ["0035g00000AbCdE"])
        #expect(directory.lookup(name: "John Smith").map(\.contact.id) == ["00Q5g00000LeAd1"])
        #expect(directory.lookup(namePrefix: "smithers").map(\.contact.id) == ["0035g00000AbCdE"])

        let removed = directory.remove(id: "51000000037")
        #expect(removed?.lastName == "Müller")
        #expect(directory.remove(id: "51000000037") == nil)
        #expect(directory.lookup(phone: "+49301234567").isEmpty)
        #expect(directory.lookup(name: "Hans Müller").isEmpty)
        #expect(directory.lookup(namePrefix: "mül").isEmpty)
        #expect(directory.count == Self.household.count - 1)
        // The original value is an independent snapshot.
        #expect(self.directory.lookup(name: "Hans Müller").count == 1)
    }

    @Test func manyUpsertsMergeTheNameKeyIndexCorrectly() {
        var directory = ContactDirectory([], configuration: .init(phoneDetails: false))
        for index in 0..<5000 {
            directory.upsert(Contact(id: "c\(index)", firstName: "Person", lastName: "Number\(index)"))
        }
        for index in stride(from: 0, to: 5000, by: 2) {
            directory.upsert(Contact(id: "c\(index)", firstName: "Renamed", lastName: "Number\(index)"))
        }
        #expect(directory.count == 5000)
        #expect(directory.lookup(name: "Person Number3").map(\.contact.id) == ["c3"])
        #expect(directory.lookup(name: "Person Number4").isEmpty)
        #expect(directory.lookup(name: "Renamed Number4").map(\.contact.id) == ["c4"])
        // Even ids starting "49": 490…498 (5) and 4900…4998 (50).
        #expect(directory.lookup(namePrefix: "renamed number49", limit: 100).count == 55)
    }

    @Test func rankingBreaksTiesByEntityThenID() {
        let ranking = MatchRanking(entityPriority: [.lead, .contact])
        let contact = Match(contact: Contact(id: "b"), score: 0.9, reason: .exactName)
        let lead = Match(contact: Contact(id: "c", entity: .lead), score: 0.9, reason: .exactName)
        let other = Match(contact: Contact(id: "a"), score: 0.9, reason: .exactName)
        let better = Match(contact: Contact(id: "z", entity: .account), score: 1.0, reason: .exactE164)
        #expect(ranking.rank([contact, lead, other, better]).map(\.contact.id) == ["z", "c", "a", "b"])
        #expect(ranking.rank([contact, lead, other, better], limit: 2).map(\.contact.id) == ["z", "c"])
        #expect(ranking.rank([contact, Match(contact: Contact(id: "b"), score: 0.5, reason: .namePrefix)]).map(\.score) == [0.9])
    }
}
