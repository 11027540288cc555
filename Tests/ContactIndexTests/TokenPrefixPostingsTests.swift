import ContactFixtures
@testable import ContactIndex
import Testing

/// The prefix lists of name search (`TokenPrefixPostings`): which prefixes a token has, that a
/// list holds exactly the contacts whose tokens start with its prefix after a bulk load and at
/// least those after live updates, and that searches answer the same with and without them.
@Suite struct TokenPrefixPostingsTests {
    /// The prefixes of a token, as strings, from `prefixByteCounts`.
    static func prefixes(_ token: String) -> [String] {
        var token = token
        return token.withUTF8 { bytes in
            var counts = (0, 0, 0)
            let found = TokenPrefixPostings.prefixByteCounts(bytes, into: &counts)
            return [counts.0, counts.1, counts.2].prefix(found).map { String(decoding: bytes[0..<$0], as: UTF8.self) }
        }
    }

    @Test func aTokenHasItsPrefixesOfTwoToFourCharacters() {
        #expect(Self.prefixes("maria") == ["ma", "mar", "mari"])
        #expect(Self.prefixes("mar") == ["ma", "mar"])
        #expect(Self.prefixes("li") == ["li"])
        #expect(Self.prefixes("j").isEmpty)
        // Characters, not bytes: two bytes a Cyrillic letter, three a CJK one, four an emoji-range one.
        #expect(Self.prefixes("иванов") == ["ив", "ива", "иван"])
        #expect(Self.prefixes("王小明") == ["王小", "王小明"])
        #expect(Self.prefixes("𠀋𠀌𠀍𠀎𠀏") == ["𠀋𠀌", "𠀋𠀌𠀍", "𠀋𠀌𠀍𠀎"])
        #expect(Self.prefixes("ñandú") == ["ña", "ñan", "ñand"])
    }

    static let givenNames = [
        "Mara", "Marc", "Marco", "Marcus", "Maria", "Marian", "Mariana", "Marie", "Mario", "Marion", "Mark", "Marta",
        "Martin", "Marty", "Mary", "Jose", "Josef", "Josefa", "Joseph", "Josephine", "Josie", "Joss", "Josh", "Joshua",
        "Иван", "Ивана", "Иванна", "Ивановна", "Иваныч", "Иванко", "Иванка", "Иваня", "Иванчо",
    ]
    static let familyNames = [
        "Martinez", "Marsh", "Marley", "Marlow", "Marquez", "Smith", "Smyth", "Jones", "Lee", "Иванов", "Иваненко", "Ивашов",
    ]

    /// A contact of the lists above, drawn by `next`.
    static func contact(id: String, next: () -> Int) -> Contact {
        Contact(id: id, firstName: givenNames[next() % givenNames.count], lastName: familyNames[next() % familyNames.count])
    }

    /// The slots whose tokens start with `prefix`, from their token lists.
    static func slots(startingWith prefix: String, in index: NameTokenIndex) -> [UInt32] {
        let wanted = Array(prefix.utf8)
        return (0..<UInt32(index.entityRanks.count)).filter { slot in
            index.tokens(of: slot).contains { Array(index.vocabulary.bytes(of: $0 & NameTokenIndex.idMask)).starts(with: wanted) }
        }
    }

    /// Prefixes that at least `minimumSpellings` tokens of the names above share (the Cyrillic
    /// names are indexed romanized: "ivan…").
    static let listed = ["ma", "mar", "jo", "jos", "iv", "iva", "ivan"]

    /// The list of `prefix`, or nil when it is not listed.
    static func list(_ prefix: String, in index: NameTokenIndex) -> [UInt32]? {
        var bytes = prefix
        // Both parts, merged (`TokenPostingLists`).
        return bytes.withUTF8 { index.prefixes.list(startingWith: $0) }.map { TokenPostingLists.union($0.main, $0.recent) }
    }

    /// The slots whose bits are set in the bitmap of `prefix`'s list, or nil when it has none.
    static func bitmapSlots(_ prefix: String, in index: NameTokenIndex) -> [UInt32]? {
        var bytes = prefix
        guard let bitmap = bytes.withUTF8({ index.prefixes.listed(startingWith: $0) })?.bitmap else { return nil }
        return bitmap.indices.flatMap { word in (0..<64).filter { bitmap[word] & 1 << UInt64($0) != 0 }.map { UInt32(word * 64 + $0) } }
    }

    static func isStrictlyAscending(_ list: [UInt32]) -> Bool {
        zip(list, list.dropFirst()).allSatisfy { $0 < $1 }
    }

    static func answers(_ directory: ContactDirectory, _ query: String) -> [String] {
        directory.lookup(fuzzyName: query, limit: 50).map { "\($0.contact.id) \($0.reason) \($0.score)" }
    }

    /// The answers to `query` (50 at most) with a fill budget of `fillLimit`; with
    /// `aboveFillTiers`, only those that the fill tiers' walks cannot change (exact, nickname
    /// and prefix matches: `FillBudget.startsAfter`).
    static func answers(_ directory: ContactDirectory, _ query: String, fillLimit: Int? = FillBudget.standard, aboveFillTiers: Bool = false) -> [String] {
        directory.lookup(fuzzyName: query, limit: 50, exhaustive: false, fillLimit: fillLimit)
            .filter { !aboveFillTiers || FillBudget.startsAfter($0.reason) }
            .map { "\($0.contact.id) \($0.reason) \($0.score)" }
    }

    static let queries = [
        "mar", "mar mar", "mari mar", "jos", "jos smi", "josh jones", "ма", "ив ив", "иван", "ива мар", "marc lee", "ma",
        "m smith", "j. jones", "m mar", "i ivanov",
    ]

    /// - Parameter smallLimits: the lists take new slots in their recent parts from 8 slots on
    ///   (`TokenPostingLists.Limits`), as those of common prefixes do at a million.
    @Test(arguments: [false, true])
    func listsHoldTheirPrefixesContactsThroughUpdates(smallLimits: Bool) {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var current: [String: Contact] = [:]
        for number in 0..<400 {
            let contact = Self.contact(id: "c\(number)", next: next)
            current[contact.id] = contact
        }
        var directory = ContactDirectory(Array(current.values))
        let index = directory.nameTokenIndex
        // After a bulk load a list is exact: sorted, and the contacts whose tokens start with it.
        // Prefixes of fewer than `minimumSpellings` tokens ("mari": 6, "smy": 1) are not listed.
        #expect(Self.list("mari", in: index) == nil)
        #expect(Self.list("smy", in: index) == nil)
        for prefix in Self.listed {
            let list = Self.list(prefix, in: index)
            #expect(list != nil, "\(prefix)")
            #expect(list == Self.slots(startingWith: prefix, in: index), "\(prefix)")
            // A dense list's bitmap holds the list's slots.
            let count = list?.count ?? 0
            let bitmap = Self.bitmapSlots(prefix, in: index)
            #expect((bitmap != nil) == TokenPrefixPostings.isDense(count: count, slotCount: 400), "\(prefix)")
            if let bitmap { #expect(bitmap == list, "\(prefix)") }
        }
        // "ma", "mar", "jo" and "jos" are dense in 400 contacts; the test covers the bitmaps.
        #expect(Self.listed.filter { Self.bitmapSlots($0, in: index) != nil }.count >= 3)

        if smallLimits { directory.nameTokenIndex.setPostingLimits(TokenPostingLists.Limits(place: 8, recent: 4)) }
        // Renames, new contacts and removals: every list keeps at least its prefix's contacts,
        // in order, and searches answer as a directory built fresh.
        for round in 0..<3_000 {
            let id = "c\(next() % 500)"
            if next() % 4 == 0 {
                directory.remove(id: id)
                current[id] = nil
            } else {
                let contact = Self.contact(id: id, next: next)
                directory.upsert(contact)
                current[id] = contact
            }
            guard round % 500 == 499 else { continue }
            let updated = directory.nameTokenIndex
            for prefix in Self.listed {
                let list = Self.list(prefix, in: updated) ?? []
                #expect(Self.isStrictlyAscending(list), "\(prefix)")
                let missing = Set(Self.slots(startingWith: prefix, in: updated)).subtracting(list)
                #expect(missing.isEmpty, "\(prefix) misses \(missing.count) contacts")
                // A bitmap, while the list keeps one, holds the list's slots (dead ones too).
                if let bitmap = Self.bitmapSlots(prefix, in: updated) { #expect(bitmap == list, "\(prefix)") }
            }
        }
        let fresh = ContactDirectory(Array(current.values))
        // With the small limits, prefix lists hold recent slots now: the searches below read them.
        let lists = directory.nameTokenIndex.prefixes.lists
        #expect(smallLimits == (0..<lists.count).contains { !lists.parts(of: $0).recent.isEmpty })
        for query in Self.queries {
            let want = Self.answers(fresh, query)
            #expect(Self.answers(directory, query) == want, "\(query)")
            #expect(!want.isEmpty, "\(query)")
        }
    }

    /// On a generated directory, queries of every class, type-ahead prefixes and initials answer
    /// the same with the prefix lists and initials' bitmaps (`TokenInitials`) as with each
    /// spelling's postings read one by one: all their results when no fill budget
    /// (`FillBudget`) ends the walks, and with the standard budget the results above the tiers
    /// that only fill (past it, each path finds the fillers its own work pays for: a prefix
    /// list and the spellings it stands for cost the budget differently).
    @Test func searchesAnswerTheSameWithoutPrefixLists() {
        let people = DirectoryGenerator(seed: 31).people(count: 8_000)
        let directory = ContactDirectory(people.map(\.contact))
        var plain = directory
        plain.nameTokenIndex.removePrefixLists()
        #expect(!directory.nameTokenIndex.prefixes.isEmpty)
        #expect(directory.nameTokenIndex.prefixes.bitmaps.contains { !$0.isEmpty })
        #expect(!directory.nameTokenIndex.initials.isEmpty)
        #expect(plain.nameTokenIndex.initials.isEmpty)
        #expect(plain.nameTokenIndex.prefixes.isEmpty)
        let generator = NameQueryGenerator(people: people, seed: 9)
        var queries = NameQueryClass.allCases.flatMap { generator.queries($0, count: 60).map(\.text) }
        for (offset, person) in people.prefix(400).enumerated() {
            let given = person.contact.firstName ?? ""
            let family = person.contact.lastName ?? ""
            switch offset % 6 {
            case 0: queries.append("\(given.prefix(2)) \(family.prefix(2))")
            case 1: queries.append("\(given.prefix(3)) \(family.prefix(3))")
            case 2: queries.append("\(given.prefix(4)) \(given.prefix(3))")
            case 3: queries.append("\(given.prefix(1)) \(family)")
            case 4: queries.append("\(given.prefix(1)). \(family.prefix(3))")
            default: queries.append(String(family.prefix(3)))
            }
        }
        var differing: [String] = []
        var budgetedDiffering: [String] = []
        for query in queries {
            let with = Self.answers(directory, query, fillLimit: nil)
            let without = Self.answers(plain, query, fillLimit: nil)
            if with != without { differing.append("\(query): \(with.prefix(3)) ≠ \(without.prefix(3))") }
            let budgeted = Self.answers(directory, query, aboveFillTiers: true)
            let plainBudgeted = Self.answers(plain, query, aboveFillTiers: true)
            if budgeted != plainBudgeted { budgetedDiffering.append("\(query): \(budgeted.prefix(3)) ≠ \(plainBudgeted.prefix(3))") }
        }
        #expect(queries.count > 900)
        #expect(differing.isEmpty, "\(differing.count) differ: \(differing.prefix(5))")
        #expect(budgetedDiffering.isEmpty, "\(budgetedDiffering.count) differ: \(budgetedDiffering.prefix(5))")
    }
}
