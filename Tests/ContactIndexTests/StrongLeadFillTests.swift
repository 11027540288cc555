import ContactFixtures
import Testing
@testable import ContactIndex

/// Once the results hold an exact, nickname or prefix match, the tiers that fill them add no
/// two-edit typing error and no Latin name that only shares the query's consonants: guesses
/// the agent, whose name is already found, does not need. The name written in another script
/// that the query's whole words read is still added (`NameQueryToken.addFarSpellings`).
@Suite struct StrongLeadFillTests {
    static let directory = ContactDirectory([
        Contact(id: "a1", firstName: "محمد", lastName: "حسين"),
        Contact(id: "a2", firstName: "Mohamed Amin", lastName: "Hussein"),
        Contact(id: "b1", firstName: "Angelica", lastName: "Millholm"),
        Contact(id: "b2", firstName: "Angelica", lastName: "Calholm"),
        Contact(id: "b3", firstName: "Angelica", lastName: "Marlholm"),
    ])

    /// محمد حسين ("mhmd hsyn") reads "Mohamed Hussein", after the Latin Mohamed Amin Hussein,
    /// whose names the query's words are.
    @Test func aNameInAnotherScriptStillFills() throws {
        let matches = Self.directory.lookup(fuzzyName: "Mohamed Hussein")
        #expect(matches.first?.contact.id == "a2", "\(matches)")
        let arabic = try #require(matches.first { $0.contact.id == "a1" }, "\(matches)")
        #expect(arabic.reason == .romanized, "\(arabic)")
    }

    /// "Angelic Marlholm" is the start of Angelica Marlholm's names. Millholm and Calholm are two
    /// typing errors from "marlholm": neither fills the results.
    @Test func weakGuessesDoNotFillAfterAPrefixMatch() {
        let matches = Self.directory.lookup(fuzzyName: "Angelic Marlholm")
        #expect(matches.map(\.contact.id) == ["b3"], "\(matches)")
    }

    /// Without a strong match first, those guesses are the answers: "Angelica Mirlhulm" is two
    /// typing errors from both Marlholm and Millholm, and finds both.
    @Test func withoutAStrongMatchTheGuessesStay() {
        let ids = Set(Self.directory.lookup(fuzzyName: "Angelica Mirlhulm").map(\.contact.id))
        #expect(ids.isSuperset(of: ["b1", "b3"]), "\(ids)")
    }
}

/// After a strong match a query token looks for the tokens one typing error away alone (one
/// deletion of the query, `NameQueryToken.addDistantSpellings(otherScriptsOnly:)`): the same
/// one-edit spellings as the full look-up, which a token of 8 letters or more makes with two.
@Suite struct OneEditSpellingsAfterAStrongMatchTests {
    @Test func theOneEditSpellingsAreTheSame() {
        let people = DirectoryGenerator(seed: 17).people(count: 6_000)
        let directory = ContactDirectory(people.map(\.contact))
        let index = directory.nameTokenIndex
        let options = directory.configuration.nameMatching
        // Family names of 6 letters or more, as typed and with a letter dropped, doubled or
        // swapped: queries with one-edit neighbours in the vocabulary, and of both budgets.
        var texts = Set<String>()
        for person in people.prefix(400) {
            guard let family = person.contact.lastName?.lowercased(), family.count >= 6, family.allSatisfy(\.isLetter) else { continue }
            let letters = Array(family)
            texts.insert(family)
            texts.insert(String(letters.dropLast()))
            texts.insert(String(letters[0..<3] + [letters[3], letters[3]] + letters[4...]))
            texts.insert(String(letters[0..<2] + [letters[3], letters[2]] + letters[4...]))
        }
        var compared = 0
        var withOneEdit = 0
        for text in texts.sorted() {
            func oneEdit(_ afterStrongMatch: Bool) -> [UInt32] {
                var token = NameQueryToken(text: text, index: index, options: options, nicknames: .shared)
                token.addDistantSpellings(index: index, options: options, otherScriptsOnly: afterStrongMatch)
                return token.ids.indices.filter { token.kinds[$0] == .fuzzyOne }.map { token.ids[$0] }.sorted()
            }
            let full = oneEdit(false)
            #expect(oneEdit(true) == full, "\(text)")
            compared += 1
            if !full.isEmpty { withOneEdit += 1 }
        }
        #expect(compared > 300)
        #expect(withOneEdit > 50, "\(withOneEdit) of \(compared)")
    }
}
