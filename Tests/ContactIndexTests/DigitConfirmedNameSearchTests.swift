import ContactFixtures
@testable import ContactIndex
import Testing

/// A free-text query of name words and fewer digits than a fragment search takes ("john 555")
/// ranks the name matches, each 0.05 higher when one of its numbers holds the digits
/// (`ContactDirectory.nameMatchesConfirmedByDigits`, which checks the numbers on the records and
/// ranks on slots). The answer must be the merge on whole contacts: the name search's best
/// `max(limit × 20, 200)`, decoded, each checked on its numbers' search digits, ranked by
/// `MatchRanking`.
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
            switch Int.random(in: 0..<4, using: &random) {
            case 0: texts.append("\(given) \(cut)")
            case 1: texts.append("\(family) \(cut)")
            case 2: texts.append("\(cut) \(given.prefix(3))")
            default: texts.append("\(given) \(family.prefix(2)) \(cut)")
            }
        }
        return texts
    }()

    /// The merge on whole contacts.
    static func reference(_ query: FreeTextQuery, limit: Int) -> [Match] {
        var top = TopMatches(limit: max(limit * 20, 200), of: directory)
        directory.collectNameMatches(query.nameText, fillLimit: nil, into: &top)
        let names = directory.matches(from: top).map { match in
            var match = match
            if query.phoneDigits.count >= 2, let phone = match.contact.phones.first(where: { phone in
                let digits = PhoneFragmentIndex.searchDigits(of: phone)
                return digits.count >= query.phoneDigits.count
                    && (0...(digits.count - query.phoneDigits.count)).contains { Array(digits[$0..<($0 + query.phoneDigits.count)]) == query.phoneDigits }
            }) {
                match.score = min(0.99, match.score + 0.05)
                match.matchedPhone = phone
            }
            return match
        }
        return directory.configuration.ranking.rank(names, limit: limit)
    }

    @Test func answersAsTheMergeOfWholeContacts() {
        let (compared, confirmed, problems) = MergedAnswerComparison.run(
            Self.queries,
            accepts: { query in
                query.phoneText != nil && query.phoneDigits.count < PhoneFragmentIndex.minimumDigits && query.emailText == nil
                    && !query.nameText.isEmpty
            },
            search: { Self.directory.search($0, limit: $1) }, reference: { Self.reference($1, limit: $2) },
            merged: { $0.matchedPhone != nil })
        #expect(compared >= 200, "\(compared) queries")
        // Names that a number confirmed: the merge is exercised.
        #expect(confirmed >= 100, "\(confirmed) queries with a confirmed name")
        #expect(problems.isEmpty, "\(problems.count) differ: \(problems.prefix(3))")
    }
}
