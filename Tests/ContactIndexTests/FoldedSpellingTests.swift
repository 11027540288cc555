import Testing
@testable import ContactIndex

/// Among whole names equal to the query once folded, the ones spelled more as typed come first
/// (`ContactDirectory.foldedScore`): the query's accents, or their absence, say which one the
/// agent means. The other spelling has the earlier id in each pair, so only the score can put
/// the closer one first.
@Suite struct FoldedSpellingTests {
    static let directory = ContactDirectory([
        Contact(id: "a1", firstName: "Eloísa", lastName: "Suárez"),
        Contact(id: "a2", firstName: "Eloisa", lastName: "Suárez"),
        Contact(id: "b1", firstName: "Ánh", lastName: "Nguyễn"),
        Contact(id: "b2", firstName: "Anh", lastName: "Nguyễn"),
        Contact(id: "c1", firstName: "Jose", lastName: "García"),
        Contact(id: "c2", firstName: "José", lastName: "García"),
    ])

    @Test(arguments: [
        ("eloisa suarez", "a2", "a1"), ("Suarez, Eloisa", "a2", "a1"), ("anh nguyen", "b2", "b1"), ("NGUYEN ANH", "b2", "b1"),
        ("José Garcia", "c2", "c1"), ("jose garcia", "c1", "c2"),
    ])
    func theSpellingCloserToTheQueryComesFirst(_ text: String, closer: String, farther: String) throws {
        // The first answer does not depend on the limit asked for.
        for limit in [1, 2] {
            let top = [Self.directory.lookup(fuzzyName: text, limit: limit), Self.directory.search(text, limit: limit), Self.directory.lookup(name: text, limit: limit)]
            #expect(top.allSatisfy { $0.first?.contact.id == closer }, "\(text), limit \(limit): \(top)")
        }
        for matches in [Self.directory.lookup(fuzzyName: text), Self.directory.search(text), Self.directory.lookup(name: text)] {
            #expect(matches.count == 2, "\(text): \(matches)")
            let first = try #require(matches.first, "\(text)")
            let second = try #require(matches.last, "\(text)")
            #expect(first.contact.id == closer && second.contact.id == farther, "\(text): \(matches)")
            #expect(first.reason == .foldedName && second.reason == .foldedName, "\(text): \(matches)")
            // Both stay confident matches, below an exact one.
            #expect(second.score >= MatchReason.confidentScore && first.score > second.score, "\(text): \(matches)")
            #expect(first.score < MatchReason.exactName.baseScore, "\(text): \(matches)")
        }
    }

    @Test(arguments: [
        ("eloisa suarez", "Eloisa", "Suárez", 1), ("eloisa suarez", "Suárez", "Eloisa", 0), ("eloisa suarez", "Eloísa", "Suarez", 1),
        ("anh van nguyen", "Anh Văn", "Nguyen", 2), ("o neil", "O'Neil", nil, 0), ("o neil", "O-Neil", nil, 2), ("a b", "A", "B", 2),
        ("ab", "A", "B", 0), ("a b c", "A", nil, 1),
    ])
    func wordsAreComparedInOrder(_ query: String, first: String?, second: String?, alike: Int) {
        #expect(NameSpelling.wordsAlike(NameSpelling.key(query), first?.utf8, second?.utf8) == alike, "\(query)")
    }
}
