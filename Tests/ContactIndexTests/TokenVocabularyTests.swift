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

    @Test func prefixRangeHoldsExactlyTheTokensWithThePrefix() {
        var vocabulary = TokenVocabulary()
        for word in ["smith", "smithers", "smirnov", "sm", "snow", "adams", "smi"] { _ = vocabulary.intern(word, keepSorted: true) }
        let found = vocabulary.prefixRange(Array("smi".utf8)).map { String(decoding: vocabulary.bytes(of: vocabulary.sorted[$0]), as: UTF8.self) }
        #expect(Set(found) == ["smith", "smithers", "smirnov", "smi"])
        #expect(vocabulary.prefixRange(Array("x".utf8)).isEmpty)
    }

    @Test(arguments: [("Dimitris", "demetres"), ("Sofia", "sophia"), ("Mohammed", "mhmd"), ("Mikhail", "mihail"), ("Kuznetsov", "kuznecov"), ("Stavros", "stauros")])
    func skeletonsMeetAcrossRomanizations(_ typed: String, _ icu: String) {
        #expect(ConsonantSkeleton.of(typed.lowercased().utf8) == ConsonantSkeleton.of(icu.utf8))
    }

    @Test func particlesJoin() {
        #expect(NameParticles.joiningParticles(["jan", "van", "der", "berg"]) == ["jan", "vanderberg"])
        #expect(NameParticles.joiningParticles(["de"]) == ["de"])
    }

    @Test func nicknamesGoBothWays() {
        #expect(NicknameTable.shared.related(to: "robert").contains("bob"))
        #expect(NicknameTable.shared.related(to: "bob").contains("robert"))
    }
}
