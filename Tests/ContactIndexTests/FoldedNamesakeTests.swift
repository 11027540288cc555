@testable import ContactIndex
import Testing

/// The spelling bits kept with whole-name keys (`NameSpelling.bits`) and the namesake walk that
/// trusts them (`offerNamesakes(key:spelling:into:offer:)`): a contact spelled as the query
/// always has the query's bit, and the name search ranks namesakes as a plain model does
/// (exact before folded, folded by the typed words they spell as typed, then entity, then id:
/// `checkRanking`), with hundreds of folded namesakes, after bulk loads and after single
/// updates.
@Suite struct FoldedNamesakeTests {
    typealias Random = CollationKeyIndexTests.Random

    // MARK: Bits

    /// Pieces of names: letters in both cases, accents, apostrophes, punctuation runs, digits
    /// and another script, so that many spellings read alike and many nearly do.
    static let pieces = ["ha", "Ha", "HA", "hà", "Hà", "o'", "O'", "nguyen", "Nguyễn", "-", " ", "  ", ", ", ".", "'", "2", "김", "민수", "x"]

    static func name(_ random: inout Random) -> String? {
        let count = random.next(below: 5)
        if count == 0 { return random.next(below: 2) == 0 ? nil : "" }
        return (0..<count).map { _ in random.pick(pieces) }.joined()
    }

    /// Whenever a record's names read as the query the way the exact-name comparison reads them,
    /// its bits hold the query's bit; and over many unrelated pairs the bit often rules a
    /// record out (else it would save no record read).
    @Test func aRecordSpelledAsTheQueryAlwaysHasItsBit() {
        var random = Random(state: 11)
        var spelledAlike = 0
        var notAlike = 0
        var ruledOut = 0
        for _ in 0..<40_000 {
            let first = Self.name(&random)
            let last = Self.name(&random)
            let display = Self.name(&random)
            let bits = NameSpelling.bits(first: first.map { Array($0.utf8) }, last: last.map { Array($0.utf8) }, display: display.map { Array($0.utf8) })
            // The query: one of the record's forms, re-cased and re-punctuated, or another name.
            let query: String
            switch random.next(below: 4) {
            case 0: query = [first, last].compactMap { $0 }.joined(separator: random.pick([" ", " - ", ",", "  "])).uppercased()
            case 1: query = [last, first].compactMap { $0 }.joined(separator: random.pick([" ", "'", ". "]))
            case 2: query = (display ?? "") + random.pick(["", " ", "'"])
            default: query = Self.name(&random) ?? "x"
            }
            let key = NameSpelling.key(query)
            let exact = NameSpelling.equals(key, display, nil as String?) || NameSpelling.equals(key, first, last) || NameSpelling.equals(key, last, first)
                || NameSpelling.equalsJoined(key, last?.utf8, first?.utf8)
            let has = bits & NameSpelling.bit(ofKey: key) != 0
            if exact {
                spelledAlike += 1
                #expect(has, "\(String(describing: first)) / \(String(describing: last)) / \(String(describing: display)) read as \(query)")
            } else {
                notAlike += 1
                if !has { ruledOut += 1 }
            }
        }
        #expect(spelledAlike > 5_000)
        // A record has at most 4 of the 16 bits: most records not spelled as the query are ruled
        // out without a read.
        #expect(notAlike > 5_000)
        #expect(ruledOut * 10 > notAlike * 6, "\(ruledOut) of \(notAlike)")
    }

    // MARK: Search

    static let givenNames = ["Ha", "HA", "ha", "Hà", "Hạ", "Hả", "HÀ"]
    static let familyNames = ["Nguyen", "NGUYEN", "Nguyễn", "Nguyên", "Ngùyen"]

    /// A contact of the "Ha Nguyen" family of spellings, some with a display name (family name
    /// first, hyphenated, or another name), as a lead or a contact.
    static func contact(_ id: String, _ random: inout Random) -> Contact {
        let first = random.pick(givenNames)
        let last = random.pick(familyNames)
        let display: String? =
            switch random.next(below: 6) {
            case 0: "\(last) \(first)"
            case 1: "\(first)-\(last)"
            case 2: "Ha Nguyen"
            case 3: "Lan Tran"
            default: nil
            }
        return Contact(id: id, firstName: first, lastName: last, displayName: display, entity: random.next(below: 3) == 0 ? .lead : .contact)
    }

    /// A namesake of a query: a contact with a whole-name form equal to it at collation strength.
    struct Namesake {
        var id: String
        /// Whether a form is spelled as the query (case aside).
        var exact: Bool
        var rank: Int
        /// The score a folded namesake must have: `foldedName`'s, plus the step for the share of
        /// the typed words that one of its forms spells the same, word for word.
        var score: Double
    }

    /// The namesakes of `query`, in ranking order (entity rank, then id), with the scores the
    /// search must give them, counted here from the forms' comparison keys word by word.
    static func namesakes(_ query: String, in contacts: [String: Contact], directory: ContactDirectory) -> [Namesake] {
        let names = directory.preparer.names
        let key = names.collationKey(query)
        let spelling = NameSpelling.key(query)
        let typedWords = spelling.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        var found: [Namesake] = []
        for contact in contacts.values {
            let forms: [String?] = [contact.displayName, [contact.firstName, contact.lastName].compactMap { $0 }.joined(separator: " "),
                         [contact.lastName, contact.firstName].compactMap { $0 }.joined(separator: " ")]
            guard forms.contains(where: { $0.map { !$0.isEmpty && names.collationKey($0) == key } ?? false }) else { continue }
            let exact = NameSpelling.equals(spelling, contact.displayName, nil as String?) || NameSpelling.equals(spelling, contact.firstName, contact.lastName)
                || NameSpelling.equals(spelling, contact.lastName, contact.firstName)
                || NameSpelling.equalsJoined(spelling, contact.lastName?.utf8, contact.firstName?.utf8)
            let alike = forms.compactMap { $0 }.map { form in
                let words = NameSpelling.key(form).split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
                return zip(words, typedWords).filter { Array($0.0) == Array($0.1) }.count
            }.max() ?? 0
            // Exact in the order typed (a display name is), or in the other order.
            let given = NameSpelling.equals(spelling, contact.firstName, contact.lastName)
            let family = NameSpelling.equals(spelling, contact.lastName, contact.firstName)
                || NameSpelling.equalsJoined(spelling, contact.lastName?.utf8, contact.firstName?.utf8)
            let inOrder =
                NameSpelling.equals(spelling, contact.displayName, nil as String?)
                || (TypedNameOrder.of(query) == .givenFirst ? given : family)
            let score = exact ? MatchReason.exactName.baseScore - (inOrder ? 0 : ContactDirectory.otherOrderStep)
                : MatchReason.foldedName.baseScore + ContactDirectory.foldedSpellingStep * Double(min(alike, typedWords.count - 1)) / Double(typedWords.count)
            found.append(Namesake(id: contact.id, exact: exact, rank: directory.configuration.ranking.rank(of: contact.entity), score: score))
        }
        found.sort { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        return found
    }

    static let queries = ["ha nguyen", "HA NGUYEN", "nguyen ha", "Hà Nguyễn", "ha-nguyen", "Hạ Nguyên", "Ha Nguyễn", "hà nguyen", "Nguyen, Ha"]

    /// The ranking the search must give `query` at `limit`: the namesakes spelled as the query
    /// first, the first `limit` of them in ranking order, those in the order typed before the
    /// others (`wholeNameMatch`); then the folded ones: when the name has two to `limit` of them
    /// (at least `FoldedNamesakes.minimumCapacity`), best score first and in ranking order within
    /// a score, each with its score; when it has one or more, in ranking order at `foldedName`'s
    /// score (see `offerNamesakes`).
    func checkRanking(_ query: String, limit: Int, _ directory: ContactDirectory, _ contacts: [String: Contact], _ context: String) {
        let got = directory.lookup(fuzzyName: query, limit: limit)
        let model = Self.namesakes(query, in: contacts, directory: directory)
        let label = "\(context): \(query), limit \(limit)"
        var folded = model.filter { !$0.exact }
        if folded.count <= max(limit, FoldedNamesakes.minimumCapacity), folded.count >= 2 {
            folded.sort { a, b in a.score > b.score + 1e-9 || (abs(a.score - b.score) < 1e-9 && model.firstIndex { $0.id == a.id }! < model.firstIndex { $0.id == b.id }!) }
        } else {
            folded = folded.map { Namesake(id: $0.id, exact: false, rank: $0.rank, score: MatchReason.foldedName.baseScore) }
        }
        // The walk reads the first `limit` exact namesakes in ranking order, then ranks them by
        // score (the order typed first).
        let exact = model.filter(\.exact).prefix(limit).enumerated().sorted { a, b in
            a.element.score > b.element.score + 1e-9 || (abs(a.element.score - b.element.score) < 1e-9 && a.offset < b.offset)
        }.map(\.element)
        let want = Array((exact + folded).prefix(limit))
        #expect(got.map(\.contact.id) == want.map(\.id), "\(label)")
        #expect(got.map(\.reason) == want.map { $0.exact ? MatchReason.exactName : .foldedName }, "\(label)")
        for (match, namesake) in zip(got, want) {
            #expect(abs(match.score - namesake.score) < 1e-9, "\(label): \(match.contact.id) \(match.score), \(namesake.score)")
        }
    }

    func check(
        _ directory: ContactDirectory, _ contacts: [String: Contact], _ context: String, queries: [String] = Self.queries, entryCount: Int = 100
    ) {
        // Every namesake's entry carries its contact's spelling bits (a load or an update that
        // left them out would read every record, and still rank right).
        var entries = 0
        directory.nameKeyIndex.forEachEqual(directory.preparer.names.collationKey("ha nguyen"), isLive: directory.liveness) { slot, _, spellings in
            let contact = directory.storedContact(slot: slot)
            let bytes = { (text: String?) in text.map { Array($0.utf8) } }
            let bits = NameSpelling.bits(
                first: bytes(contact?.firstName), last: bytes(contact?.lastName), display: bytes(contact?.displayName),
                company: bytes(contact?.company))
            #expect(spellings == bits, "\(context): \(contact?.id ?? "?")")
            entries += 1
            return true
        }
        #expect(entries > entryCount, "\(context)")
        for query in queries {
            for limit in [1, 3, 10, 40] { checkRanking(query, limit: limit, directory, contacts, context) }
        }
    }

    /// 600 namesakes, most of them folded for any one query: bulk loaded, then changed one by
    /// one (renamed, re-spelled, removed, added) and checked again.
    @Test func namesakesRankAsThePlainModelAfterLoadsAndUpdates() {
        var random = Random(state: 5)
        var contacts: [String: Contact] = [:]
        for number in 0..<600 {
            let id = "N\(String(random.next(below: 100_000)))-\(number)"
            contacts[id] = Self.contact(id, &random)
        }
        var directory = ContactDirectory(Array(contacts.values))
        check(directory, contacts, "bulk")
        for step in 0..<300 {
            let ids = Array(contacts.keys).sorted()
            switch random.next(below: 3) {
            case 0:
                let id = random.pick(ids)
                contacts[id] = nil
                directory.remove(id: id)
            case 1:
                let id = random.pick(ids)
                let changed = Self.contact(id, &random)
                contacts[id] = changed
                directory.upsert(changed)
            default:
                let id = "U\(step)"
                let added = Self.contact(id, &random)
                contacts[id] = added
                directory.upsert(added)
            }
        }
        check(directory, contacts, "updated")
    }
}

extension FoldedNamesakeTests {
    /// Small families of namesakes (3 to 40), so that the folded ones fit in the results at some
    /// limits and not at others: ranked by their spellings' scores, or in ranking order.
    @Test func fewFoldedNamesakesRankByTheirSpelling() {
        var random = Random(state: 21)
        for round in 0..<24 {
            var contacts: [String: Contact] = [:]
            for number in 0..<(3 + random.next(below: 38)) {
                let id = "S\(String(random.next(below: 1_000)))-\(number)"
                contacts[id] = Self.contact(id, &random)
            }
            let directory = ContactDirectory(Array(contacts.values))
            for query in Self.queries {
                for limit in [1, 3, 10, 40] { checkRanking(query, limit: limit, directory, contacts, "round \(round)") }
            }
        }
    }

    /// Ids that share more leading bytes than their keys skip (an id of another shape keeps the
    /// skipped lead empty) give a run of equal tie values: more than the walk takes in order, so
    /// it ranks them by whole ids, folded ones included.
    @Test func foldedNamesakesWithEqualTieValuesRankByWholeIDs() {
        var random = Random(state: 9)
        var contacts: [String: Contact] = [:]
        for number in (0..<120).map({ $0 * 37 % 120 }) {  // not in id order
            let id = "ACME-000000\(String(format: "%03d", number))"
            contacts[id] = Contact(id: id, firstName: random.pick(["Hà", "Hạ", "Hả"]), lastName: random.pick(["Nguyễn", "Nguyên"]))
        }
        contacts["ACME-000000500"] = Contact(id: "ACME-000000500", firstName: "Ha", lastName: "Nguyen")
        contacts["Z1"] = Contact(id: "Z1", firstName: "Lan", lastName: "Tran")
        let directory = ContactDirectory(Array(contacts.values))
        check(directory, contacts, "equal ties", queries: ["ha nguyen", "Hà Nguyễn"], entryCount: 100)
    }
}

extension CollationKeyIndexTests.Random {
    /// One of `values`, drawn uniformly.
    mutating func pick<T>(_ values: [T]) -> T { values[next(below: values.count)] }
}
