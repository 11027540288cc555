import ContactFixtures
@testable import ContactIndex
import Testing

/// A free-text query of name words and fewer digits than a fragment search takes ("john 555")
/// ranks the name matches, each 0.05 higher when one of its numbers holds the digits
/// (`ContactDirectory.nameMatchesConfirmedByDigits`: the confirmation is part of the ranking,
/// `TopMatches(confirmingDigits:)`, and every bound of the name search is raised by it).
@Suite struct DigitConfirmedNameSearchTests {
    /// 8,000 generated people with one to three numbers each: E.164 ones of a few countries and
    /// some that do not parse (kept raw).
    static let contacts: [Contact] = {
        var random = SeededGenerator(seed: 17)
        return DirectoryGenerator(seed: 43).people(count: 8_000).enumerated().map { index, person in
            var contact = person.contact
            let prefixes = ["+1 650 555 ", "+44 20 7946 ", "+49 30 1234 ", "(0) 12-"]
            contact.phones = (0..<(1 + index % 3)).map { _ in
                let line = String(Int.random(in: 10_000..<20_000, using: &random)).dropFirst()  // four digits
                return ContactPhone(prefixes[Int.random(in: 0..<prefixes.count, using: &random)] + line)
            }
            return contact
        }
    }()
    static let directory = ContactDirectory(contacts, configuration: DirectoryConfiguration(defaultRegion: "US"))

    /// Names with one to three digits cut from the person's own numbers, or from anywhere.
    static let queries: [String] = {
        var random = SeededGenerator(seed: 3)
        var texts: [String] = []
        for _ in 0..<250 {
            let contact = contacts[Int.random(in: 0..<contacts.count, using: &random)]
            let digits = Array((contact.phones.first?.raw ?? "123").filter(\.isNumber))
            let count = Int.random(in: 1...3, using: &random)
            let start = Int.random(in: 0...max(0, digits.count - count), using: &random)
            let cut = String(digits[start..<min(digits.count, start + count)])
            let given = contact.firstName?.split(separator: " ").first.map(String.init) ?? "ana"
            let family = contact.lastName?.split(separator: " ").first.map(String.init) ?? "lee"
            switch Int.random(in: 0..<5, using: &random) {
            case 0: texts.append("\(given) \(cut)")
            case 1: texts.append("\(family) \(cut)")
            case 2: texts.append("\(cut) \(given.prefix(3))")
            case 3: texts.append("\(given) \(family) \(cut)")  // a whole name: its namesakes
            default: texts.append("\(given) \(family.prefix(2)) \(cut)")
            }
        }
        return texts
    }()

    /// The queries `search` answers this way.
    static func isDigitConfirmed(_ query: FreeTextQuery) -> Bool {
        query.phoneText != nil && query.phoneDigits.count < PhoneFragmentIndex.minimumDigits && query.emailText == nil
            && !query.nameText.isEmpty
    }

    /// The first of a whole contact's numbers whose search digits hold `digits`.
    static func confirmingPhone(of contact: Contact, _ digits: [UInt8]) -> ContactPhone? {
        guard digits.count >= 2 else { return nil }
        return contact.phones.first { phone in
            let held = PhoneFragmentIndex.searchDigits(of: phone)
            return held.count >= digits.count && (0...(held.count - digits.count)).contains { Array(held[$0..<($0 + digits.count)]) == digits }
        }
    }

    /// The early stops are sound with the confirmation in the ranking: with every candidate's
    /// numbers checked, the bounded search answers exactly as scoring every candidate of each
    /// tier reached does (the same contacts, order, scores, reasons and numbers).
    @Test func boundedSearchEqualsExhaustiveSearch() {
        var compared = 0
        var confirmed = 0
        var problems: [String] = []
        for text in Self.queries {
            let query = FreeTextQuery(text)
            guard Self.isDigitConfirmed(query) else { continue }
            compared += 1
            for limit in [1, 3, 10] {
                let answers = { (exhaustive: Bool) in
                    Self.directory.nameMatchesConfirmedByDigits(
                        query.phoneDigits, names: query.nameText, limit: limit, exhaustive: exhaustive, confirmationReads: .max
                    ).map(MergedAnswerComparison.Answer.init)
                }
                let bounded = answers(false)
                if bounded != answers(true) { problems.append("\(text), limit \(limit)") }
                if limit == 10, bounded.contains(where: { $0.phone != nil }) { confirmed += 1 }
            }
        }
        #expect(compared >= 200, "\(compared) queries")
        #expect(confirmed >= 100, "\(confirmed) queries with a confirmed name")
        #expect(problems.isEmpty, "\(problems.count) differ: \(problems.prefix(3))")
    }

    /// What `search` answers, checked on whole contacts: a match is 0.05 above its name score
    /// (at most 0.99), with the first number holding the digits, exactly when it has one; the
    /// matches come in `MatchRanking` order.
    @Test func answersAreTheNameMatchesConfirmedOnWholeContacts() {
        var compared = 0
        var problems: [String] = []
        for text in Self.queries {
            let query = FreeTextQuery(text)
            guard Self.isDigitConfirmed(query) else { continue }
            compared += 1
            let found = Self.directory.search(text, limit: 10)
            let names = Self.directory.lookup(fuzzyName: query.nameText, limit: 10_000, exhaustive: true, fillLimit: nil)
            let nameScores = Dictionary(names.map { ($0.contact.id, $0.score) }, uniquingKeysWith: max)
            for match in found {
                let phone = Self.confirmingPhone(of: match.contact, query.phoneDigits)
                guard let name = nameScores[match.contact.id] else {
                    problems.append("\(text): \(match.contact.id) is no name match")
                    continue
                }
                let expected = phone == nil ? name : min(0.99, name + 0.05)
                if match.matchedPhone != phone || match.score != expected {
                    problems.append("\(text): \(match.contact.id) \(match.score) \(String(describing: match.matchedPhone)), expected \(expected)")
                }
            }
            if Self.directory.configuration.ranking.rank(found, limit: 10).map(\.contact.id) != found.map(\.contact.id) {
                problems.append("\(text): not in ranking order")
            }
        }
        #expect(compared >= 200, "\(compared) queries")
        #expect(problems.isEmpty, "\(problems.count): \(problems.prefix(3))")
    }

    /// 400 namesakes, one of them (among the last by id) with the number whose digits are
    /// typed: it comes first, by its given name, its family name and its whole name. Ranking
    /// the best 200 name matches by name alone, as the search did before, lost it.
    @Test func aConfirmedNamesakeFarDownTheNameRankingComesFirst() {
        // No other number holds "778": 1 212 330 0000 to 0399.
        var contacts = (0..<400).map { index in
            Contact(id: String(format: "N%04d", index), firstName: "Tobias", lastName: "Quennell", phones: [ContactPhone(String(format: "+1 212 330 %04d", index))])
        }
        contacts[390].phones = [ContactPhone("+1 212 330 7788")]
        let directory = ContactDirectory(contacts, configuration: DirectoryConfiguration(defaultRegion: "US"))
        for text in ["tobias 778", "quennell 778", "Tobias Quennell 778", "778 quen"] {
            let found = directory.search(text, limit: 5)
            #expect(found.first?.contact.id == "N0390", "\(text): \(found.map(\.contact.id))")
            #expect(found.first?.matchedPhone?.raw == "+1 212 330 7788", "\(text)")
            #expect(found.count == 5 && found.dropFirst().allSatisfy { $0.matchedPhone == nil && $0.score < found[0].score }, "\(text)")
        }
    }

    /// Past `TopMatches.maximumConfirmationReads` candidates, no more are checked: a confirmed
    /// contact that the search reaches later ranks by its name alone, and the answer stays in
    /// ranking order.
    @Test func confirmationsStopAfterTheirReads() {
        let count = TopMatches.maximumConfirmationReads + 300
        var contacts = (0..<count).map { index in
            Contact(id: String(format: "M%05d", index), firstName: "Odalys", lastName: "Brennick", phones: [ContactPhone(String(format: "+1 212 330 %04d", index % 400))])
        }
        contacts[count - 1].phones = [ContactPhone("+1 212 330 7788")]
        contacts[5].phones = [ContactPhone("+1 212 330 7789")]
        let directory = ContactDirectory(contacts, configuration: DirectoryConfiguration(defaultRegion: "US"))
        let found = directory.search("odalys 778", limit: 3)
        #expect(found.map(\.contact.id) == ["M00005", "M00000", "M00001"])
        #expect(found.first?.matchedPhone?.raw == "+1 212 330 7789")
        let unlimited = directory.nameMatchesConfirmedByDigits(Array("778".utf8), names: "odalys", limit: 3, confirmationReads: .max)
        #expect(unlimited.map(\.contact.id) == ["M00005", String(format: "M%05d", count - 1), "M00000"])
    }
}
