@testable import ContactIndex
import Testing

/// A name search makes the passes that join a query's parts (hyphens, neighbours, particles
/// typed apart, a legal form in front, initialisms spelled out) only when the passes that always
/// run leave no answer (`ContactDirectory.leadingTokenPasses`). That holds only if those
/// leading passes are the whole list's first ones and every later pass waits for no answer:
/// checked here on queries of every shape the list has.
@Suite struct LeadingTokenPassTests {
    static let queries = [
        "John Smith", "joh smi", "Ana de Garza", "Jan van der Berg", "van der berg", "Jean-Luc Picard",
        "min jun kim", "Kim Min-jun", "o brien", "J.R. Smith", "JL Picard", "J. Smith", "PT Bank Mandiri",
        "ООО Ромашка", "Acme Ltd", "Mr. William Thompson", "Dr Emily Watson", "Smith, John", "m m m m",
        "ma ma ma", "Иван Иванов", "张伟", "Hüban Yıldırım", "de", "a b c d e f g h i j",
    ]

    @Test func leadingPassesAreTheWholeListsFirstAndTheOnlyOnesThatAlwaysRun() throws {
        let names = try NameNormalizer()
        var compared = 0
        for text in Self.queries where NameTitles.stripping(text) == nil {
            let marked = names.tokensMarkingHyphens(text)
            let all = ContactDirectory.tokenPasses(marked, untitled: nil, typed: text)
            let split = ContactDirectory.SplitTokenPasses(marked, typed: text)
            let later = split.later()
            compared += 1
            #expect(split.leading.count + later.count == all.count, "\(text)")
            for (pass, expected) in zip(split.leading + later, all) {
                #expect(pass.tokens == expected.tokens && pass.typedWhole == expected.typedWhole, "\(text)")
                #expect(pass.onlyWithoutFullMatch == expected.onlyWithoutFullMatch, "\(text)")
                #expect(pass.requiredTokens == expected.requiredTokens && pass.joinsTypedHyphens == expected.joinsTypedHyphens, "\(text)")
            }
            let leadingAlwaysRun = split.leading.allSatisfy { !$0.onlyWithoutFullMatch }
            let laterWait = later.allSatisfy { $0.onlyWithoutFullMatch }
            #expect(leadingAlwaysRun && laterWait, "\(text): \(all.map(\.tokens))")
        }
        // Most of the shapes have no title: the comparison ran on them.
        #expect(compared >= Self.queries.count - 3)
    }

    /// The answers do not depend on whether the joining passes were made: a query whose answer
    /// needs one ("min jun kim" for Minjun Kim) still finds it, and one answered by the leading
    /// passes keeps its answer.
    @Test func queriesThatNeedAJoiningPassStillFindTheirAnswer() {
        let directory = ContactDirectory([
            Contact(id: "k1", firstName: "Minjun", lastName: "Kim"),
            Contact(id: "o1", firstName: "Sean", lastName: "OBrien"),
            Contact(id: "s1", firstName: "John", lastName: "Smith"),
        ])
        #expect(directory.lookup(fuzzyName: "min jun kim", limit: 5).first?.contact.id == "k1")
        #expect(directory.lookup(fuzzyName: "sean o brien", limit: 5).first?.contact.id == "o1")
        #expect(directory.lookup(fuzzyName: "joh smi", limit: 5).first?.contact.id == "s1")
    }
}
