import Testing
@testable import ContactIndex

/// The short forms callers give beyond the English dataset (`CommonDiminutives`) find the
/// formal names, both ways, as nicknames: "Katie Bennett" is Katherine Bennett, "Dima Sokolov"
/// Дмитрий Соколов, "Francisco Soares" Paco Soares. Before, such a query matched the family
/// name only (`partialName`, 0.20), among every other contact of that family name.
@Suite struct CommonDiminutivesTests {
    static let directory = ContactDirectory([
        Contact(id: "kb", firstName: "Katherine", lastName: "Bennett"),
        Contact(id: "xb", firstName: "Xavier", lastName: "Bennett"),
        Contact(id: "jb", firstName: "Johannes", lastName: "Brandt"),
        Contact(id: "gf", firstName: "Giuseppe", lastName: "Ferretti"),
        Contact(id: "ps", firstName: "Paco", lastName: "Soares"),
        Contact(id: "ds", firstName: "Дмитрий", lastName: "Соколов"),
        Contact(id: "av", firstName: "Alexander", lastName: "Vorobyov"),
        Contact(id: "gp", firstName: "Georgios", lastName: "Papadopoulos"),
        Contact(id: "wt", firstName: "William", lastName: "Turner"),
    ])

    @Test(arguments: [
        ("katie bennett", "kb"), ("Hans Brandt", "jb"), ("beppe ferretti", "gf"), ("Francisco Soares", "ps"),
        ("Dima Sokolov", "ds"), ("sasha vorobyov", "av"), ("Giorgos Papadopoulos", "gp"), ("Liam Turner", "wt"),
    ])
    func aShortFormFindsTheFormalNameAndBack(_ text: String, _ id: String) throws {
        for matches in [Self.directory.lookup(fuzzyName: text), Self.directory.search(text)] {
            let first = try #require(matches.first, "\(text)")
            #expect(first.contact.id == id && first.reason == .nickname, "\(text): \(matches)")
        }
    }

    @Test func theDatasetPairsStay() {
        let table = NicknameTable.shared
        #expect(table.related(to: "robert").contains("bob"))
        #expect(table.related(to: "katie").contains("katherine") && table.related(to: "katherine").contains("katie"))
        #expect(table.related(to: "dima").contains("dmitriy") && table.related(to: "paco").contains("francisco"))
    }

    @Test func theShortFormsAreFoldedWords() {
        // Lower-case ASCII letters of at least three, as the fold gives a query token.
        for (formal, short) in CommonDiminutives.pairs {
            for name in [formal, short] {
                #expect(name.count >= 3 && name.utf8.allSatisfy { $0 >= 97 && $0 <= 122 }, "\(name)")
            }
        }
    }
}
