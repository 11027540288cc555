import ContactFixtures
@testable import ContactIndex
import Testing

/// The vocabulary, its deletion index for typing errors (against a brute-force distance), and
/// the smaller tables of name matching.
@Suite struct TokenVocabularyTests {
    /// Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions).
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    /// Symmetric deletion finds exactly the tokens within each budget, checked against the
    /// brute-force distance on every token.
    @Test(arguments: [1, 2])
    func deletionIndexEqualsBruteForce(_ maxDistance: Int) {
        var random = SeededGenerator(seed: UInt64(maxDistance))
        let letters = Array("abcdeilmnorst".utf8)
        var vocabulary = TokenVocabulary()
        var deletions = TokenDeletionIndex()
        var words: [String] = []
        for _ in 0..<1500 {
            let word = String(decoding: (0..<Int.random(in: 1...10, using: &random)).map { _ in letters.randomElement(using: &random)! }, as: UTF8.self)
            words.append(word)
            let before = vocabulary.count
            let id = vocabulary.intern(word, keepSorted: false)
            if vocabulary.count > before {
                Array(word.utf8).withUnsafeBufferPointer { deletions.add($0, id: id, deletions: maxDistance) }
            }
        }
        let distinct = Array(Set(words))
        // Short strings are shared by hundreds of tokens: both of the index's stores are checked.
        if maxDistance == 2 { #expect(deletions.crowdedStringCount > 0) }
        for _ in 0..<150 {
            let query = Array(String(decoding: (0..<Int.random(in: 1...10, using: &random)).map { _ in letters.randomElement(using: &random)! }, as: UTF8.self).utf8)
            var found: [String: Int] = [:]
            query.withUnsafeBufferPointer { buffer in
                deletions.forEachCandidate(buffer, deletions: maxDistance) { id in
                    Array(vocabulary.bytes(of: id)).withUnsafeBufferPointer { token in
                        let distance = TokenDeletionIndex.distance(buffer, token, limit: maxDistance)
                        if distance <= maxDistance { found[String(decoding: token, as: UTF8.self)] = distance }
                    }
                }
            }
            var expected: [String: Int] = [:]
            for word in distinct {
                let d = Self.distance(query, Array(word.utf8))
                if d <= maxDistance { expected[word] = d }
            }
            #expect(found == expected, "\(String(decoding: query, as: UTF8.self))")
        }
    }

    /// With budgets that grow with length, as name search uses them: each token stores the
    /// deletions of its own budget and the query makes only `queryDeletions` of its length, yet
    /// every token within the budget of the longer of the two (by the typing distance,
    /// Damerau–Levenshtein) is found (brute force on every token), for the default budgets and
    /// others.
    @Test(arguments: [
        NameMatchingOptions(), NameMatchingOptions(oneEditFromLength: 2, twoEditsFromLength: 5),
        NameMatchingOptions(oneEditFromLength: 3, twoEditsFromLength: 6, maxEdits: 1),
        NameMatchingOptions(oneEditFromLength: 1, twoEditsFromLength: 3), NameMatchingOptions(oneEditFromLength: 5, twoEditsFromLength: 11),
    ])
    func lengthBudgetsFindEveryTokenWithinThem(_ options: NameMatchingOptions) {
        var random = SeededGenerator(seed: UInt64(options.oneEditFromLength * 100 + options.twoEditsFromLength))
        let letters = Array("aeilnrst".utf8)
        var vocabulary = TokenVocabulary()
        var deletions = TokenDeletionIndex()
        var words: Set<String> = []
        for _ in 0..<2000 {
            let word = String(decoding: (0..<Int.random(in: 1...12, using: &random)).map { _ in letters.randomElement(using: &random)! }, as: UTF8.self)
            guard words.insert(word).inserted else { continue }
            let id = vocabulary.intern(word, keepSorted: false)
            Array(word.utf8).withUnsafeBufferPointer { deletions.add($0, id: id, deletions: options.budget(forLength: $0.count)) }
        }
        var checked = 0
        for _ in 0..<200 {
            // Queries near stored words (1 or 2 random edits, swaps among them, so that a swap
            // across an added or dropped letter occurs) as well as random ones.
            var query = Array(words.randomElement(using: &random)!.utf8)
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let position = Int.random(in: 0...query.count, using: &random)
                switch Int.random(in: 0...3, using: &random) {
                case 0: query.insert(letters.randomElement(using: &random)!, at: position)
                case 1 where position < query.count: query.remove(at: position)
                case 2 where position + 1 < query.count: query.swapAt(position, position + 1)
                default: if position < query.count { query[position] = letters.randomElement(using: &random)! }
                }
            }
            guard !query.isEmpty else { continue }
            var found: Set<String> = []
            query.withUnsafeBufferPointer { buffer in
                deletions.forEachCandidate(buffer, deletions: options.queryDeletions(forLength: buffer.count)) { id in
                    Array(vocabulary.bytes(of: id)).withUnsafeBufferPointer { token in
                        let allowed = options.budget(forLength: max(token.count, buffer.count))
                        if PatternDistance(query).typingDistance(to: token, limit: allowed) <= allowed { found.insert(String(decoding: token, as: UTF8.self)) }
                    }
                }
            }
            let expected = Set(words.filter { word in
                let allowed = options.budget(forLength: max(word.utf8.count, query.count))
                return query.withUnsafeBufferPointer { x in
                    Array(word.utf8).withUnsafeBufferPointer { DamerauLevenshtein.distance(x, $0, limit: allowed) <= allowed }
                }
            })
            #expect(found == expected, "\(String(decoding: query, as: UTF8.self))")
            checked += expected.count
        }
        #expect(checked >= 150)
    }

    @Test func queryDeletionsAreThoseATokenWithinTheBudgetNeeds() {
        let defaults = NameMatchingOptions()
        // 0 edits to 3 letters, 1 to 7, 2 from 8: "aex" meets "alex" on the token's deletion.
        #expect((1...12).map(defaults.queryDeletions(forLength:)) == [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2])
        #expect(NameMatchingOptions(maxEdits: 0).queryDeletions(forLength: 9) == 0)
    }

    @Test func boundedDistanceStopsEarlyButIsExactWithin() {
        var random = SeededGenerator(seed: 5)
        let letters = Array("abcxyz".utf8)
        for _ in 0..<2_000 {
            let a = (0..<Int.random(in: 0...9, using: &random)).map { _ in letters.randomElement(using: &random)! }
            let b = (0..<Int.random(in: 0...9, using: &random)).map { _ in letters.randomElement(using: &random)! }
            let exact = Self.distance(a, b)
            let limit = Int.random(in: 0...3, using: &random)
            let bounded = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in TokenDeletionIndex.distance(x, y, limit: limit) } }
            #expect(exact <= limit ? bounded == exact : bounded > limit)
        }
    }

    @Test func bytesReaderReadsEveryTokenAsStored() {
        var vocabulary = TokenVocabulary()
        let words = ["smith", "", "ελένη", "o", "иванов", "smithers"]
        let ids = words.map { vocabulary.intern($0, keepSorted: true) }
        let read = vocabulary.withBytesReader { reader in
            ids.map { id in
                reader.prefetchOffsets(of: id)
                reader.prefetchBytes(of: id)
                return String(decoding: reader[id], as: UTF8.self)
            }
        }
        #expect(read == words)
    }

    @Test func prefixRangeHoldsExactlyTheTokensWithThePrefix() {
        var vocabulary = TokenVocabulary()
        for word in ["smith", "smithers", "smirnov", "sm", "snow", "adams", "smi"] { _ = vocabulary.intern(word, keepSorted: true) }
        let found = vocabulary.prefixRange(Array("smi".utf8)).map { String(decoding: vocabulary.bytes(of: vocabulary.sorted[$0]), as: UTF8.self) }
        #expect(Set(found) == ["smith", "smithers", "smirnov", "smi"])
        #expect(vocabulary.prefixRange(Array("x".utf8)).isEmpty)
    }

    /// Prefix ranges and byte order against brute force, on tokens that share long beginnings
    /// (past the 8 bytes the binary search reads in one array) and hold multi-byte letters,
    /// whether the tokens came one by one in order or in bulk and were sorted once.
    @Test(arguments: [true, false])
    func prefixRangesEqualBruteForce(_ keepSorted: Bool) {
        var random = SeededGenerator(seed: keepSorted ? 5 : 6)
        let pieces = ["a", "b", "n", "é", "ø", "я", "aaaa", "bana", "nanab"]
        var vocabulary = TokenVocabulary()
        var words: [[UInt8]] = []
        for _ in 0..<3000 {
            let word = (0..<Int.random(in: 1...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let before = vocabulary.count
            _ = vocabulary.intern(word, keepSorted: keepSorted)
            if vocabulary.count > before { words.append(Array(word.utf8)) }
        }
        vocabulary.sortIfNeeded()
        let inOrder = vocabulary.sorted.map { Array(vocabulary.bytes(of: $0)) }
        #expect(inOrder == words.sorted { $0.lexicographicallyPrecedes($1) })
        for _ in 0..<400 {
            let word = words.randomElement(using: &random)!
            let prefix = Array(word.prefix(Int.random(in: 1...word.count, using: &random)))
            let found = vocabulary.prefixRange(prefix).map { Array(vocabulary.bytes(of: vocabulary.sorted[$0])) }
            #expect(found == inOrder.filter { $0.starts(with: prefix) }, "\(String(decoding: prefix, as: UTF8.self))")
            // A prefix no token has, just past this one in byte order.
            let absent = prefix + [0xFF]
            #expect(vocabulary.prefixRange(absent).isEmpty)
        }
    }

    @Test(arguments: [("Dimitris", "demetres"), ("Sofia", "sophia"), ("Mohammed", "mhmd"), ("Mikhail", "mihail"), ("Kuznetsov", "kuznecov"), ("Stavros", "stauros")])
    func skeletonsMeetAcrossRomanizations(_ typed: String, _ icu: String) {
        #expect(ConsonantSkeleton.of(typed.lowercased().utf8) == ConsonantSkeleton.of(icu.utf8))
    }

    @Test func particlesJoin() {
        #expect(NameParticles.joiningParticles(["jan", "van", "der", "berg"], typedWhole: [false, false, false, false]).tokens == ["jan", "vanderberg"])
        #expect(NameParticles.joiningParticles(["de"], typedWhole: [false]).tokens == ["de"])
    }

    @Test func nicknamesGoBothWays() {
        #expect(NicknameTable.shared.related(to: "robert").contains("bob"))
        #expect(NicknameTable.shared.related(to: "bob").contains("robert"))
    }

    /// The dataset's initialisms ("k.c." for Casey) are folded tokens like the rest: "KC
    /// Coffey" finds Casey Coffey as a nickname match.
    @Test func initialismNicknamesAreFoldedTokens() {
        #expect(NicknameTable.shared.related(to: "kc").contains("casey"))
        #expect(NicknameTable.shared.related(to: "casey").contains("kc"))
        #expect(NicknameTable.shared.related(to: "leroy").contains("lr"))
        var names: [String] = []
        NicknameTable.shared.forEachName { name, related in names.append(name); names += related }
        #expect(names.allSatisfy { $0.unicodeScalars.allSatisfy { $0.properties.isAlphabetic } })
        let directory = ContactDirectory([
            Contact(id: "c1", firstName: "Casey", lastName: "Coffey"), Contact(id: "c2", firstName: "Kevin", lastName: "Coffey"),
        ])
        let found = directory.search("KC Coffey")
        #expect(found.first?.contact.id == "c1")
        #expect(found.first?.reason == .nickname)
    }
}
