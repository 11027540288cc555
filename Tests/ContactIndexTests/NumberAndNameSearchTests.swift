import ContactFixtures
@testable import ContactIndex
import Testing

/// A free-text query of name words and a number or 4+ of its digits ("john 5551", "smith +44 20
/// 7946 0018") ranks the contacts with the number or the digits together with the name matches
/// of its words (`ContactDirectory.numberAndNameMatches`, which merges them on slots and decodes
/// only the contacts it answers with). The answer must be the merge on whole contacts: the
/// identity matches decoded (`lookup(phone:)` from 7 digits, `phoneFragmentMatches`), the name
/// search's best `max(limit × 20, 200)` decoded, each checked on its numbers' search digits
/// (one that holds them is a fragment match too), ranked by `MatchRanking`; and the same first
/// matches at every limit.
@Suite struct NumberAndNameSearchTests {
    /// 8,000 generated people of every locale with one to three numbers each, from a few
    /// shared blocks so that runs of digits recur: E.164 ones and some that do not parse.
    static let contacts: [Contact] = {
        var random = SeededGenerator(seed: 23)
        return DirectoryGenerator(seed: 47).people(count: 8_000).enumerated().map { index, person in
            var contact = person.contact
            let prefixes = ["+1 650 555 ", "+44 20 7946 ", "+49 30 1234 ", "+33 1 42 68 ", "(0) 12-"]
            contact.phones = (0..<(1 + index % 3)).map { _ in
                let line = String(Int.random(in: 10_000..<12_000, using: &random)).dropFirst()  // four digits, 0000–1999
                return ContactPhone(prefixes[Int.random(in: 0..<prefixes.count, using: &random)] + line)
            }
            return contact
        }
    }()
    static let directory = ContactDirectory(contacts, configuration: DirectoryConfiguration(defaultRegion: "US"))

    /// Names with 4 to 6 digits cut from the person's own numbers, or with the whole number as
    /// written or as its last 7 or 8 digits.
    static let queries: [String] = {
        var random = SeededGenerator(seed: 8)
        var texts: [String] = []
        for _ in 0..<260 {
            let contact = contacts[Int.random(in: 0..<contacts.count, using: &random)]
            let raw = contact.phones[Int.random(in: 0..<contact.phones.count, using: &random)].raw
            let digits = Array(raw.filter(\.isNumber))
            let count = Int.random(in: 4...6, using: &random)
            let start = Int.random(in: 0...max(0, digits.count - count), using: &random)
            let cut = String(digits[start..<min(digits.count, start + count)])
            let given = contact.firstName?.split(separator: " ").first.map(String.init) ?? "ana"
            let family = contact.lastName?.split(separator: " ").first.map(String.init) ?? "lee"
            switch Int.random(in: 0..<6, using: &random) {
            case 0: texts.append("\(given) \(cut)")
            case 1: texts.append("\(cut) \(family.prefix(3))")
            case 2: texts.append("\(given) \(family) \(cut)")
            case 3: texts.append("\(family) \(raw)")
            case 4: texts.append("\(given.prefix(1)). \(String(digits.suffix(7)))")
            default: texts.append("\(given) \(String(digits.suffix(8)))")
            }
        }
        return texts
    }()

    /// The merge on whole contacts.
    static func reference(_ query: FreeTextQuery, limit: Int) -> [Match] {
        guard let phoneText = query.phoneText else { return [] }
        var identity: [Match] = []
        if query.phoneDigits.count >= 7 { identity += directory.lookup(phone: phoneText, limit: limit * 4) }
        identity += directory.phoneFragmentMatches(query.phoneDigits, limit: max(limit * 4, ContactDirectory.digitHolderCount))
        var top = TopMatches(limit: max(limit * 20, 200), of: directory)
        directory.collectNameMatches(query.nameText, fillLimit: nil, into: &top)
        return MergedAnswerComparison.merge(
            identity: identity, names: directory.matches(from: top), confirmingDigits: query.phoneDigits, nameText: query.nameText,
            nameFloor: top.floor(ofFirst: ContactDirectory.confirmableNameCount),
            ranking: directory.configuration.ranking, limit: limit)
    }

    @Test func answersAsTheMergeOfWholeContacts() {
        var numbers = 0
        MergedAnswerComparison.expectSameAnswers(
            Self.queries,
            accepts: { query in
                guard query.phoneText != nil, query.phoneDigits.count >= PhoneFragmentIndex.minimumDigits, query.emailText == nil,
                      !query.nameText.isEmpty
                else { return false }
                if query.phoneDigits.count >= 7 { numbers += 1 }
                return true
            },
            search: { Self.directory.search($0, limit: $1) }, reference: { Self.reference($1, limit: $2) },
            // Both sides' (0.05 above a fragment's or a number's score) or a name confirmed by
            // its number.
            merged: { $0.matchedPhone != nil && $0.score != MatchReason.phoneFragment.baseScore && $0.score < 0.99 },
            minimumCompared: 240, minimumMerged: 100)
        #expect(numbers >= 60, "\(numbers) queries with 7 digits or more")
    }

    /// A contact with the digits that is not among the best 200 name matches is still confirmed
    /// by the name words (`ownNameMatches`): 300 contacts named Riley rank before the lead Tom
    /// Riley by entity, so the name side never lists him, and his number holds the digits. He
    /// comes first, 0.05 above his fragment match; the contact with the digits and another name
    /// comes next, at the fragment's score; then the 300 name matches. A name match weaker than
    /// the last one listed confirms nothing (`confirmOnTheirOwn`).
    @Test func identityMatchPastTheBestNameMatchesIsConfirmed() {
        var contacts = (0..<300).map { index in
            Contact(id: String(format: "C%04d", index), firstName: "Ann", lastName: "Riley", phones: [ContactPhone(String(format: "+1 650 555 %04d", 2_000 + index))])
        }
        contacts.append(Contact(id: "L0001", firstName: "Tom", lastName: "Riley", phones: [ContactPhone("+1 650 555 8113")], entity: .lead))
        contacts.append(Contact(id: "C9999", firstName: "Momoko", lastName: "Lin", phones: [ContactPhone("+81 90 3555 8113")]))
        let directory = ContactDirectory(contacts, configuration: DirectoryConfiguration(defaultRegion: "US"))
        let found = directory.search("Riley 58113", limit: 5)
        #expect(found.map(\.contact.id) == ["L0001", "C9999", "C0000", "C0001", "C0002"])
        #expect(found.first?.score == min(0.99, MatchReason.phoneFragment.baseScore + 0.05))
        #expect(found.first?.matchedPhone?.raw == "+1 650 555 8113")
        #expect(found.dropFirst().first?.score == MatchReason.phoneFragment.baseScore)
        #expect(found.last?.reason == .nameTokens)

        // A weaker name match than the 200 listed stays unconfirmed, as before: "Rilley" is one
        // typing error from the word, and comes after the contact with the digits and another
        // name (both at the fragment's score; a contact before a lead).
        contacts[300].lastName = "Rilley"
        let typo = ContactDirectory(contacts, configuration: DirectoryConfiguration(defaultRegion: "US"))
        let weaker = typo.search("Riley 58113", limit: 2)
        #expect(weaker.map(\.contact.id) == ["C9999", "L0001"])
        #expect(weaker.map(\.score) == [MatchReason.phoneFragment.baseScore, MatchReason.phoneFragment.baseScore])
    }
    /// A name match whose number holds the digits comes first however many other numbers hold
    /// them: 40 contacts' numbers end in 909-50xx, and the lead Nicholas McGlenn's in 281-9095.
    /// The fragment search lists its first 40 by entity and id (contacts before leads), so at
    /// limit 10 he was confirmed by the name side only, to his name's 0.81 + 0.05, under the
    /// fragment matches' 0.89, and not listed; at limit 30 he came first. Now his number makes
    /// him a fragment match too, at every limit and with 300 such contacts as well.
    @Test(arguments: [40, 300])
    func nameMatchWhoseNumberHoldsTheDigitsComesFirst(fillers: Int) {
        var contacts = (0..<fillers).map { index in
            Contact(id: String(format: "C%04d", index), firstName: "Person", lastName: "Filler", phones: [ContactPhone(String(format: "(212) 909-5%03d", index))])
        }
        contacts.append(Contact(id: "L900", firstName: "Nicholas", lastName: "McGlenn", phones: [ContactPhone("(239) 281-9095")], entity: .lead))
        let directory = ContactDirectory(contacts, configuration: DirectoryConfiguration(defaultRegion: "US"))
        for text in ["Nicholas 9095", "McGlenn 9095"] {
            for limit in [1, 3, 10, 30] {
                let first = directory.search(text, limit: limit).first
                #expect(first?.contact.id == "L900", "\(text), limit \(limit)")
                #expect(first?.score == MatchReason.phoneFragment.baseScore + 0.05, "\(text), limit \(limit)")
                #expect(first?.matchedPhone?.raw == "(239) 281-9095", "\(text), limit \(limit)")
            }
        }
    }

    /// The first matches of a query do not depend on its limit: the first 3 at limits 3, 10
    /// and 30 are the same, and so are the first 10 at limits 10 and 30 ("Mary 1010" found a
    /// "Maria Julia" whose number holds the digits at limit 30 only: the name side listed 600
    /// there, 200 at limit 10, and the fragment side 120, not 40).
    @Test func firstMatchesAreTheSameAtEveryLimit() {
        var differ: [String] = []
        for text in Self.queries {
            let at30 = Self.directory.search(text, limit: 30).map(MergedAnswerComparison.Answer.init)
            let at10 = Self.directory.search(text, limit: 10).map(MergedAnswerComparison.Answer.init)
            let at3 = Self.directory.search(text, limit: 3).map(MergedAnswerComparison.Answer.init)
            if Array(at30.prefix(10)) != at10 || Array(at10.prefix(3)) != at3 { differ.append(text) }
        }
        #expect(differ.isEmpty, "\(differ.count) of \(Self.queries.count) differ: \(differ.prefix(5))")
    }
}
