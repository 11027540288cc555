import ContactFixtures
@testable import ContactIndex
import Testing

/// A one-token query of a common name passes over the contacts that rank after its last result
/// by entity and id without reading them (`ContactDirectory.tieCeiling`), and answers exactly
/// what scoring every candidate answers: on thousands of namesakes of every entity, some on a
/// company, some whole names in another script ("Ли" is "li" token for token, and scores
/// above every namesake: the token search finds it when the whole-name keys are not looked up
/// first), before and after updates that make a contact's name one token or take that away.
@Suite struct OneTokenTieTests {
    static let entities: [ContactEntity] = [.contact, .lead, .account, .user]

    /// 3,000 people named Smith or Li (given names varied), 200 companies named Smith, a few
    /// contacts whose whole name is "li" in Cyrillic or Greek, their typing-error and prefix
    /// neighbours, and the generated directory around them.
    static func contacts() -> [Contact] {
        var contacts = DirectoryGenerator(seed: 13).people(count: 4_000).map(\.contact)
        let given = ["John", "Mary", "Wei", "Ana", "Olu", "Priya", "Jean", "Kim"]
        for index in 0..<3_000 {
            let family = index % 3 == 0 ? "Li" : "Smith"
            contacts.append(Contact(
                id: "t\((index * 7_919) % 3_000)", firstName: given[index % given.count], lastName: family,
                entity: entities[index % entities.count]))
        }
        for index in 0..<200 {
            contacts.append(Contact(id: "c\(index)", firstName: "Dana", lastName: "Park", entity: entities[index % 4], company: "Smith"))
        }
        for (index, name) in ["Ли", "Ли", "Λι"].enumerated() {
            contacts.append(Contact(id: "w\(index)", lastName: name, entity: .user))
        }
        contacts.append(Contact(id: "d0", displayName: "Ли", entity: .user))
        for (index, name) in ["Smyth", "Smiths", "Smithson", "Lie", "Lin"].enumerated() {
            contacts.append(Contact(id: "n\(index)", firstName: "Tom", lastName: name))
        }
        // The staff of companies whose words nobody is named (`isCompanyWordOnly`: the walk
        // passes over them at the company's ceiling), beside people whose names start so.
        for index in 0..<300 {
            contacts.append(Contact(
                id: "g\((index * 101) % 300)", firstName: given[index % given.count], lastName: "Novak", entity: entities[index % 4],
                company: index % 3 == 0 ? "Globex Software" : "Globex"))
        }
        for (index, name) in ["Globexa", "Softwarez", "Globe"].enumerated() {
            contacts.append(Contact(id: "p\(index)", firstName: "Ann", lastName: name, entity: .user))
        }
        return contacts
    }

    /// Whole tokens, and type-ahead prefixes of one to four letters (walked spelling by
    /// spelling rather than as their prefix's list: `walkTier`).
    static let queries = [
        "smith", "Smith", "li", "smyth", "lin", "john", "mary", "park", "dana", "wei", "smi", "sm", "smit", "l", "s", "jo", "pa",
        "globex", "software", "glob", "softw",
    ]

    static func answers(_ directory: ContactDirectory, _ text: String, limit: Int, exhaustive: Bool) -> [String] {
        directory.lookup(fuzzyName: text, limit: limit, exhaustive: exhaustive, latinKeys: false, fillLimit: nil).map { "\($0.contact.id) \($0.score) \($0.reason)" }
    }

    static func differing(_ directory: ContactDirectory, texts: [String]) -> [String] {
        var out: [String] = []
        for text in texts {
            for limit in [1, 3, 10, 40] {
                let bounded = answers(directory, text, limit: limit, exhaustive: false)
                let exhaustive = answers(directory, text, limit: limit, exhaustive: true)
                if bounded != exhaustive { out.append("\(text) (\(limit)): \(bounded.prefix(4)) ≠ \(exhaustive.prefix(4))") }
            }
        }
        return out
    }

    @Test func answersAsScoringEveryNamesake() {
        let directory = ContactDirectory(Self.contacts())
        // The whole names in another script come first, found by the token search: the case the
        // ceiling must not pass over.
        let li = directory.lookup(fuzzyName: "li", limit: 10, exhaustive: false, latinKeys: false, fillLimit: nil)
        #expect(li.prefix(4).allSatisfy { $0.reason == .transliteratedName }, "\(li.prefix(5).map { "\($0.contact.id) \($0.reason)" })")
        #expect(li.count == 10)
        let problems = Self.differing(directory, texts: Self.queries)
        #expect(problems.isEmpty, "\(problems.count) differ: \(problems.prefix(3))")
    }

    @Test func answersAsScoringEveryNamesakeAfterUpdates() {
        var directory = ContactDirectory(Self.contacts())
        // Named by one token now (whole names of "li"), or no longer.
        for index in stride(from: 0, to: 3_000, by: 97) {
            let id = "t\(index)"
            guard var contact = directory.contact(id: id) else { continue }
            contact.lastName = contact.lastName == "Li" ? "Ли" : "Лі"
            contact.firstName = nil
            _ = directory.upsert(contact)
        }
        for id in ["w0", "d0"] {
            guard var contact = directory.contact(id: id) else { continue }
            contact.firstName = "Eve"
            _ = directory.upsert(contact)
        }
        // Somebody named as the company now: its word is a person's too.
        if var contact = directory.contact(id: "g7") {
            contact.lastName = "Globex"
            _ = directory.upsert(contact)
        }
        let li = directory.lookup(fuzzyName: "li", limit: 40, exhaustive: false, latinKeys: false, fillLimit: nil)
        #expect(li.filter { $0.reason == .transliteratedName }.count >= 10)
        #expect(!li.contains { $0.contact.id == "w0" && $0.reason == .transliteratedName })
        let problems = Self.differing(directory, texts: Self.queries)
        #expect(problems.isEmpty, "\(problems.count) differ: \(problems.prefix(3))")
    }

    /// One-word queries of the generated directory's own names: given names, family names.
    @Test func generatedNamesAnswerAsScoringEveryCandidate() {
        let people = DirectoryGenerator(seed: 21).people(count: 12_000)
        let directory = ContactDirectory(people.map(\.contact))
        var random = SeededGenerator(seed: 9)
        let texts = (0..<300).map { index in
            let person = people[Int.random(in: 0..<people.count, using: &random)]
            return (index % 2 == 0 ? person.contact.firstName : person.contact.lastName) ?? "x"
        }
        let problems = Self.differing(directory, texts: texts)
        #expect(problems.isEmpty, "\(problems.count) differ: \(problems.prefix(3))")
    }
}
