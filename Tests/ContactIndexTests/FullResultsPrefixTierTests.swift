@testable import ContactIndex
import Testing

/// A prefix tier that begins with the results already full, their last places held by matches
/// through companies' words, which score below every prefix match ("kris long": Christina Long
/// by nickname, then Christinas working at Long Construction): the tier is walked as one merged
/// walk (`ContactDirectory.collectTier`), and finds every prefix match, ranked as scoring every
/// candidate ranks them.
@Suite struct FullResultsPrefixTierTests {
    /// Nickname matches, matches through a company's words, prefix matches, and contacts with a
    /// "kris…" or "long…" token but not both, enough that the tokens' lists are long.
    static let directory: ContactDirectory = {
        var contacts: [Contact] = []
        for index in 0..<4 { contacts.append(Contact(id: "nick\(index)", firstName: "Christina", lastName: "Long")) }
        for index in 0..<8 {
            contacts.append(Contact(id: "firm\(index)", firstName: "Christina", lastName: "Alvarez\(index)", company: "Long Construction"))
        }
        contacts += [
            Contact(id: "krista", firstName: "Krista", lastName: "Long"),
            Contact(id: "kristin", firstName: "Kristin", lastName: "Longo"),
            Contact(id: "kristoffer", firstName: "Kristoffer", lastName: "Longworth"),
        ]
        let given = ["Kristian", "Kristina", "Kristof", "Krisztina", "Longinus", "Maria", "John"]
        let family = ["Smith", "Berg", "Novak", "Longley", "Longhurst", "Chen"]
        for index in 0..<3_000 {
            let first = given[index % given.count]
            let last = family[index / given.count % family.count]
            // No filler holds both a "kris…" and a "long…" token.
            if first.hasPrefix("Kris"), last.hasPrefix("Long") { continue }
            contacts.append(Contact(id: "filler\(index)", firstName: first, lastName: last))
        }
        return ContactDirectory(contacts)
    }()

    static func answers(_ text: String, limit: Int, exhaustive: Bool) -> [String] {
        directory.lookup(fuzzyName: text, limit: limit, exhaustive: exhaustive, fillLimit: nil).map {
            "\($0.contact.id) \($0.reason) \($0.score)"
        }
    }

    @Test func prefixMatchesTakeThePlacesOfCompanyMatches() {
        let found = Self.directory.lookup(fuzzyName: "kris long", limit: 10, exhaustive: false, fillLimit: nil)
        let ids = found.map(\.contact.id)
        #expect(Set(ids.prefix(4)) == ["nick0", "nick1", "nick2", "nick3"])
        #expect(found.prefix(4).allSatisfy { $0.reason == .nickname })
        #expect(Set(ids.dropFirst(4).prefix(3)) == ["krista", "kristin", "kristoffer"])
        #expect(found.dropFirst(4).prefix(3).allSatisfy { $0.reason == .tokenPrefix })
        // Krista Long has the one whole token typed ("long"): she comes first of the three.
        #expect(ids[4] == "krista")
        // The last places go to matches through a company's words.
        #expect(found.count == 10)
        #expect(found.dropFirst(7).allSatisfy { $0.reason == .companyName })
    }

    @Test(arguments: [1, 5, 7, 10, 12])
    func theMergedWalkFindsWhatScoringEveryCandidateFinds(limit: Int) {
        for text in ["kris long", "long kris", "chris lon", "kri lo"] {
            #expect(Self.answers(text, limit: limit, exhaustive: false) == Self.answers(text, limit: limit, exhaustive: true), "\(text)")
        }
    }
}
