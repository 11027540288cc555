import Testing
@testable import ContactIndex

/// A whole name equal to the query comes first, and the places left go to the names that
/// extend it and to the same name in another script (`offerWholeNameCompletions`).
@Suite struct WholeNameCompletionTests {
    static let directory = ContactDirectory([
        Contact(id: "j1", firstName: "Jean", lastName: "Luc"),
        Contact(id: "j2", firstName: "Jean-Luc", lastName: "Picard"),
        Contact(id: "w3", firstName: "Henry", lastName: "Ford"),
        Contact(id: "w4", firstName: "Henry", lastName: "Ford III"),
        Contact(id: "k1", firstName: "Wei", lastName: "Zhang", region: "CN"),
        Contact(id: "k2", firstName: "伟", lastName: "张", region: "CN"),
        Contact(id: "p1", firstName: "Ivan", lastName: "Petrov", region: "RU"),
        Contact(id: "p2", firstName: "Иван", lastName: "Петров", region: "RU"),
        Contact(id: "a5", firstName: "Michael", lastName: "Jordan"),
        Contact(id: "a6", firstName: "Jordan", lastName: "Michaels"),
        Contact(id: "x1", firstName: "Ann", lastName: "Lee"),
    ])

    @Test(arguments: [
        ("jean luc", ["j1", "j2"]),
        ("jean-luc", ["j1", "j2"]),
        ("henry ford", ["w3", "w4"]),
        // The names that start with the words in the other order than typed: Henry Ford III.
        ("Ford, Henry", ["w3", "w4"]),
        ("wei zhang", ["k1", "k2"]),
        ("张伟", ["k2", "k1"]),
        ("ivan petrov", ["p1", "p2"]),
        ("Иван Петров", ["p2", "p1"]),
        ("jordan michael", ["a5", "a6"]),
        ("ann lee", ["x1"]),
    ])
    func theExactMatchComesFirstAndTheOthersFollow(query: String, expected: [String]) {
        let found = Self.directory.search(query)
        #expect(found.map(\.contact.id) == expected, "\(query): \(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
        #expect(found.first?.reason == .exactName || found.first?.reason == .foldedName)
        for match in found.dropFirst() { #expect(match.score < found[0].score) }
    }

    /// A contact named by every typed word, with a middle name or a second family name, is
    /// listed below its namesake whose whole name the query is: the names that start with the
    /// words in the other order (`rotatedText`). Before, the namesake's exact match hid it
    /// from every list, though without the namesake the token search finds it (`nameTokens`).
    /// Never listed: Johanna Garcia, and García Mariana in the other order than typed ("maria"
    /// is no word of hers; typed "garcia maria", her name extends the query as typed).
    @Test(arguments: [
        ("maria garcia", "m1", ["m3"], ["o1", "o2"]),
        ("María García", "m1", ["m2", "m3"], ["o1", "o2"]),
        ("garcia maria", "m1", ["m2", "m3"], ["o1"]),
        ("john smith", "s1", ["s2", "s3"], ["o1", "o2"]),
        ("Smith, John", "s1", ["s2", "s3"], ["o1", "o2"]),
    ])
    func aLongerNameOfTheSameWordsFollowsTheNamesake(query: String, first: String, followers: [String], absent: [String]) throws {
        let directory = ContactDirectory([
            Contact(id: "m1", firstName: "María", lastName: "García"),
            Contact(id: "m2", firstName: "María", lastName: "García López"),
            Contact(id: "m3", firstName: "María Isabel", lastName: "García"),
            Contact(id: "s1", firstName: "John", lastName: "Smith"),
            Contact(id: "s2", firstName: "John Michael", lastName: "Smith"),
            Contact(id: "s3", displayName: "Smith, John A."),
            Contact(id: "o1", firstName: "Johanna", lastName: "Garcia"),
            Contact(id: "o2", firstName: "Mariana", lastName: "García"),
        ])
        for found in [directory.search(query), directory.lookup(fuzzyName: query)] {
            let described = found.map { "\($0.contact.id) \($0.reason) \($0.score)" }
            #expect(found.first?.contact.id == first, "\(query): \(described)")
            for id in followers {
                let follower = try #require(found.first { $0.contact.id == id }, "\(query): \(described)")
                #expect(follower.reason == .namePrefix && follower.score < found[0].score, "\(query): \(described)")
            }
            #expect(!found.contains { absent.contains($0.contact.id) }, "\(query): \(described)")
        }
    }

    /// The other order's completions are looked up only when the whole-name filter may hold a
    /// longer name with the query's words (`mayHaveLongerName`): a longer name that an update
    /// adds is listed at once, and a query whose words no longer name holds is told so.
    @Test func aLongerNameAddedByAnUpdateIsListed() throws {
        var directory = ContactDirectory([
            Contact(id: "m1", firstName: "María", lastName: "García"),
            Contact(id: "l1", firstName: "Lisa", lastName: "Sanchez"),
            Contact(id: "l2", firstName: "Lisa", lastName: "Sanchez Ruiz"),
        ])
        let index = directory.nameTokenIndex
        func ids(_ words: [String]) throws -> [UInt32] { try words.map { try #require(directory.nameTokenIndex.vocabulary.id(of: $0)) } }
        #expect(ContactDirectory.mayHaveLongerName(holding: try ids(["lisa", "sanchez"]), in: index.wholeNames))
        #expect(!ContactDirectory.mayHaveLongerName(holding: try ids(["maria", "garcia"]), in: index.wholeNames))
        #expect(directory.search("maria garcia").map(\.contact.id) == ["m1"])
        #expect(directory.upsert(Contact(id: "m3", firstName: "María Isabel", lastName: "García")).isEmpty)
        #expect(ContactDirectory.mayHaveLongerName(holding: try ids(["maria", "garcia"]), in: directory.nameTokenIndex.wholeNames))
        let found = directory.search("maria garcia")
        #expect(found.map(\.contact.id) == ["m1", "m3"], "\(found.map { "\($0.contact.id) \($0.reason)" })")
        #expect(found.last?.reason == .namePrefix)
    }

    /// Completions never push a namesake out: with the results full of exact namesakes, the
    /// list is the namesakes.
    @Test func namesakesKeepTheirPlaces() {
        var contacts = (0..<12).map { Contact(id: String(format: "n%02d", $0), firstName: "Henry", lastName: "Ford") }
        contacts.append(Contact(id: "z", firstName: "Henry", lastName: "Fordham"))
        let found = ContactDirectory(contacts).search("henry ford")
        #expect(found.count == 10)
        #expect(found.allSatisfy { $0.reason == .exactName })
    }
}

/// The filter that spares a Latin query's look-up of its Latin key (`WholeNameTokenFilter
/// .latinKeyHash`) learns the contacts added later.
@Suite struct WholeNameCompletionUpdateTests {
    @Test func aContactAddedLaterIsListedToo() {
        var directory = ContactDirectory([Contact(id: "k1", firstName: "Wei", lastName: "Zhang"), Contact(id: "x", firstName: "Ann", lastName: "Lee")])
        #expect(directory.search("wei zhang").map(\.contact.id) == ["k1"])
        _ = directory.upsert(Contact(id: "k2", firstName: "伟", lastName: "张"))
        _ = directory.upsert(Contact(id: "p2", firstName: "Иван", lastName: "Петров"))
        _ = directory.upsert(Contact(id: "p1", firstName: "Ivan", lastName: "Petrov"))
        #expect(directory.search("wei zhang").map(\.contact.id) == ["k1", "k2"])
        #expect(directory.search("ivan petrov").map(\.contact.id) == ["p1", "p2"])
    }
}
