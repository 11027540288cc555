import Testing
@testable import ContactIndex

/// The early stops of name search (a tier's bounds, the ties of whole names and of nickname
/// forms, the accents' tie-break) never change what comes first: the results of a look-up with
/// a limit are the first ones of the same look-up with a larger limit, scores included. Random
/// directories of namesakes, many tied, before and after live updates.
///
/// Up to the default limit of 10: past `FoldedNamesakes.minimumCapacity`, a name with more
/// folded namesakes than the limit gives them all `foldedName`'s score, by design (see
/// `offerNamesakes`), so a look-up with room for 500 may rank them by spelling where one with
/// room for 10 keeps the ranking order.
@Suite struct LimitedResultsTests {
    static let givenNames = ["Robert", "Rob", "Bob", "Robbie", "Bert", "Bobby", "Roberto", "José", "Jose", "Jan", "Émile", "Emil"]
    static let familyNames = ["Brown", "Müller", "Muller", "Brown-Müller"]
    static let idPrefixes = ["", "0035g00000Ab", "0035g00000AbCdE", "a", "zz"]
    static let entities: [ContactEntity] = [.contact, .lead, .user, .account]
    static let queries = [
        "Bobby Brown", "Robert Brown", "Bob Brown", "J. Müller", "J Muller", "José Müller", "Jose Muller", "Jo Mü", "E Müller",
        "É Muller", "Rob Brown-Müller",
    ]

    private static func contact(_ id: String, using random: inout SplitMix) -> Contact {
        Contact(
            id: id, firstName: givenNames.randomElement(using: &random)!, lastName: familyNames.randomElement(using: &random)!,
            entity: entities.randomElement(using: &random)!)
    }

    @Test(arguments: 0..<24)
    func aLimitedLookupIsTheStartOfAnUnlimitedOne(_ seed: Int) {
        var random = SplitMix(seed: UInt64(seed))
        var contacts: [Contact] = []
        for index in 0..<Int.random(in: 5...80, using: &random) {
            let id = Self.idPrefixes.randomElement(using: &random)! + String(Int.random(in: 0..<1000, using: &random)) + "-\(index)"
            contacts.append(Self.contact(id, using: &random))
        }
        var directory = ContactDirectory(contacts)
        directory.prepareForUpdates()
        for _ in 0..<Int.random(in: 0...20, using: &random) {
            // New contacts, and contacts renamed in place.
            let id = Bool.random(using: &random) ? contacts.randomElement(using: &random)!.id
                : Self.idPrefixes.randomElement(using: &random)! + String(Int.random(in: 0..<1000, using: &random)) + "-u"
            _ = directory.upsert(Self.contact(id, using: &random))
        }
        for query in Self.queries {
            let all = directory.lookup(fuzzyName: query, limit: 10).map { "\($0.contact.id)/\($0.reason)/\($0.score)" }
            for limit in 1...9 {
                let limited = directory.lookup(fuzzyName: query, limit: limit).map { "\($0.contact.id)/\($0.reason)/\($0.score)" }
                #expect(limited == Array(all.prefix(limit)), "seed \(seed), \"\(query)\", limit \(limit)")
            }
        }
    }
}
