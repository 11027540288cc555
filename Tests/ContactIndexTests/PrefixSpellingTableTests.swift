import ContactFixtures
@testable import ContactIndex
import Testing

/// The spelling tables of the listed prefixes (`PrefixSpellingTable`): a query token typed as a
/// listed prefix takes its spellings from the table, and gets the same spellings, kinds,
/// qualities and bands as one that notes the vocabulary's tokens one by one, after a bulk load
/// and after live updates that add tokens to the vocabulary.
@Suite struct PrefixSpellingTableTests {
    /// A query token's spellings as (id, kind, quality) triples, sorted by id.
    static func spellings(_ token: NameQueryToken) -> [String] {
        token.ids.indices.map { "\(token.ids[$0]) \(token.kinds[$0]) \(token.qualities[$0])" }.sorted()
    }

    /// A query token's bands up to `tier`, each as its kinds, best quality, postings and ids
    /// (as a set: spellings of one quality come in the order they were noted).
    static func bands(_ token: NameQueryToken, upTo tier: TokenMatchKind, grouping: NameSpellingBand.Grouping) -> [String] {
        token.bands(upTo: tier, grouping: grouping).map { band in
            "\(band.lowest)…\(band.highest) q\(band.bestQuality) w\(band.worseQuality) p\(band.postings) \(band.ids.sorted())"
        }
    }

    /// Every listed prefix of the vocabulary's tokens, and a few of them as longer query tokens.
    static func listedPrefixes(of index: NameTokenIndex) -> [String] {
        var found: Set<String> = []
        for id in 0..<UInt32(index.vocabulary.count) {
            var token = String(decoding: index.vocabulary.bytes(of: id), as: UTF8.self)
            let prefixes = token.withUTF8 { bytes in
                var counts = (0, 0, 0)
                let count = TokenPrefixPostings.prefixByteCounts(bytes, into: &counts)
                return [counts.0, counts.1, counts.2].prefix(count).map { String(decoding: bytes[0..<$0], as: UTF8.self) }
            }
            for prefix in prefixes where !found.contains(prefix) {
                var bytes = prefix
                if bytes.withUTF8({ index.prefixes.listed(startingWith: $0) }) != nil { found.insert(prefix) }
            }
        }
        return found.sorted()
    }

    /// Compares the tokens built both ways for every listed prefix; returns the differences.
    static func differences(in directory: ContactDirectory) -> (prefixes: Int, differing: [String]) {
        let index = directory.nameTokenIndex
        let options = directory.configuration.nameMatching
        var differing: [String] = []
        let prefixes = listedPrefixes(of: index)
        for prefix in prefixes {
            var fromTable = NameQueryToken(text: prefix, index: index, options: options, nicknames: .shared)
            var noted = NameQueryToken(text: prefix, index: index, options: options, nicknames: .shared, usesPrefixTables: false)
            if spellings(fromTable) != spellings(noted) { differing.append("\(prefix): spellings") }
            for tier in ContactDirectory.tiers.prefix(3) {
                for grouping in [NameSpellingBand.Grouping.quality, .kind, .merged]
                where bands(fromTable, upTo: tier, grouping: grouping) != bands(noted, upTo: tier, grouping: grouping) {
                    differing.append("\(prefix): bands up to \(tier), \(grouping)")
                }
            }
            // Typing errors and romanizations come after the table's spellings, in band order.
            fromTable.addDistantSpellings(index: index, options: options, throughRomanized: true)
            noted.addDistantSpellings(index: index, options: options, throughRomanized: true)
            if spellings(fromTable) != spellings(noted) { differing.append("\(prefix): distant spellings") }
            if bands(fromTable, upTo: .fuzzyThree, grouping: .quality) != bands(noted, upTo: .fuzzyThree, grouping: .quality) {
                differing.append("\(prefix): bands with distant spellings")
            }
            if fromTable.totalPostings != noted.totalPostings { differing.append("\(prefix): postings") }
        }
        return (prefixes.count, differing)
    }

    @Test func aListedPrefixGetsTheSameSpellingsFromItsTable() {
        let people = DirectoryGenerator(seed: 17).people(count: 8_000)
        let directory = ContactDirectory(people.map(\.contact))
        let (count, differing) = Self.differences(in: directory)
        #expect(count > 50)
        #expect(differing.isEmpty, "\(differing.count) differ: \(differing.prefix(8))")
    }

    /// New tokens under listed prefixes ("marzq…", "jo…"), added by upserts, join the tables:
    /// the tokens built both ways agree, the tables hold what a rebuild lists, and searches
    /// answer as a directory built fresh.
    @Test func tokensNewToTheVocabularyJoinTheirPrefixesTables() {
        let people = DirectoryGenerator(seed: 23).people(count: 6_000)
        var directory = ContactDirectory(people.map(\.contact))
        var contacts = Dictionary(uniqueKeysWithValues: people.map { ($0.contact.id, $0.contact) })
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        let stems = ["mar", "jo", "ma", "li", "an", "ch", "sa", "el", "da"]
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let vocabularyBefore = directory.nameTokenIndex.vocabulary.count
        var newNames: [String] = []
        for number in 0..<300 {
            let stem = stems[next(stems.count)]
            let name = stem + String((0..<(1 + next(6))).map { _ in letters[next(letters.count)] })
            newNames.append(name)
            let id = next(3) == 0 ? "new\(number)" : people[next(people.count)].contact.id
            let contact = Contact(id: id, firstName: name.prefix(1).uppercased() + name.dropFirst(), lastName: people[next(people.count)].contact.lastName)
            directory.upsert(contact)
            contacts[id] = contact
        }
        #expect(directory.nameTokenIndex.vocabulary.count > vocabularyBefore + 200)
        let (count, differing) = Self.differences(in: directory)
        #expect(count > 40)
        #expect(differing.isEmpty, "\(differing.count) differ: \(differing.prefix(8))")

        // The tables of the prefixes listed at the bulk load hold what listing the prefixes anew
        // puts in them (a rebuild may list more).
        var rebuilt = directory.nameTokenIndex
        rebuilt.rebuildPrefixes()
        let updatedIndex = directory.nameTokenIndex
        func tableSpellings(_ index: NameTokenIndex, _ prefix: String) -> [String] {
            var bytes = prefix
            guard let table = bytes.withUTF8({ index.prefixes.listed(startingWith: $0) })?.spellings else { return [] }
            return table.ids.indices.map { "\(table.ids[$0]) \(table.qualities[$0])" }.sorted()
        }
        var joined = 0
        for prefix in Self.listedPrefixes(of: updatedIndex) {
            let table = tableSpellings(updatedIndex, prefix)
            #expect(table == tableSpellings(rebuilt, prefix), "\(prefix)")
            joined += table.filter { Int($0.prefix { $0 != " " })! >= vocabularyBefore }.count
        }
        // The new tokens joined "ma", "mar", "jo", … (each has up to three listed prefixes).
        #expect(joined > 200)

        // Partial matches (no contact matches every token, or some lacks a particle of the
        // query: "de ab") are gathered within a bound, in list order, which a fresh directory's
        // lists need not share: those queries are left out, and so are the partial matches after
        // full ones (the fill budget ends their pass: `collectTiers`).
        let fresh = ContactDirectory(Array(contacts.values))
        var compared = 0
        for name in newNames.prefix(60) {
            for query in [String(name.prefix(3)), String(name.prefix(2)) + " " + String(name.dropFirst(2).prefix(2)), name] {
                let wanted = fresh.lookup(fuzzyName: query, limit: 30)
                guard let first = wanted.first, first.reason != .partialName else { continue }
                compared += 1
                let full = { (matches: [Match]) in matches.prefix { $0.reason != .partialName }.map { "\($0.contact.id) \($0.reason) \($0.score)" } }
                #expect(full(directory.lookup(fuzzyName: query, limit: 30)) == full(wanted), "\(query)")
            }
        }
        #expect(compared > 100)
    }

    @Test func aTableKeepsItsQualityOrderAsTokensArrive() {
        var table = PrefixSpellingTable(typedLength: 3, ids: [10, 11, 12], lengths: [6, 4, 5])
        #expect(table.qualityOrder == [1, 2, 0])
        table.append(13, length: 4)
        // Room for more (a live directory's tables): the map rehashed, every id still found.
        table.reserveForUpdates()
        #expect((10...13).allSatisfy { table.positions.value(of: UInt32($0)) == Int32($0 - 10) })
        table.append(14, length: 9)
        table.append(15, length: 3)
        table.append(11, length: 4)  // already there: no change
        #expect(table.count == 6)
        #expect(table.qualityOrder == [5, 1, 3, 2, 0, 4])
        #expect(table.positions.value(of: 14) == 4)
        #expect(table.qualities[5] == NameQueryToken.prefixQuality(typedLength: 3, tokenLength: 3))
    }
}
