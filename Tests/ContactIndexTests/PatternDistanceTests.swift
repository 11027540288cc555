import ContactFixtures
@testable import ContactIndex
import Testing

/// The bit-parallel distance against the dynamic programme it replaces on the typo path.
@Suite struct PatternDistanceTests {
    /// Random strings over small alphabets (so that repeats and adjacent swaps are common), of
    /// every length up to past the 64-byte word, with every limit: the same answer, exact within
    /// the limit and `limit + 1` beyond it.
    @Test func equalsTheDynamicProgrammeOnRandomStrings() {
        var random = SeededGenerator(seed: 41)
        for round in 0..<20_000 {
            let alphabet = Array((round % 3 == 0 ? "ab" : (round % 3 == 1 ? "abcd" : "abcdefghxyz")).utf8)
            let maxLength = round % 50 == 0 ? 70 : 12
            let a = (0..<Int.random(in: 0...maxLength, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            // Half of the texts are the pattern with a few edits, so small distances are common.
            var b = (0..<Int.random(in: 0...maxLength, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            if round % 2 == 0 {
                b = a
                for _ in 0..<Int.random(in: 0...3, using: &random) {
                    let position = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &random)
                    switch Int.random(in: 0...3, using: &random) {
                    case 0: b.insert(alphabet.randomElement(using: &random)!, at: position)
                    case 1 where !b.isEmpty: b.remove(at: position)
                    case 2 where !b.isEmpty: b[position] = alphabet.randomElement(using: &random)!
                    case 3 where position + 1 < b.count: b.swapAt(position, position + 1)
                    default: break
                    }
                }
            }
            let limit = Int.random(in: 0...4, using: &random)
            let prepared = PatternDistance(a)
            let fast = b.withUnsafeBufferPointer { prepared.distance(to: $0, limit: limit) }
            let reference = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { TokenDeletionIndex.distance(x, $0, limit: limit) } }
            #expect(fast == reference, "\(String(decoding: a, as: UTF8.self)) → \(String(decoding: b, as: UTF8.self)), limit \(limit)")
            let unbounded = b.withUnsafeBufferPointer { prepared.distance(to: $0, limit: 100) }
            #expect(unbounded == TokenVocabularyTests.distance(a, b))
        }
    }

    /// Known distances, transpositions among them (optimal string alignment, not full
    /// Damerau–Levenshtein: "ca" to "abc" is 3).
    @Test func knownDistances() {
        let cases: [(String, String, Int)] = [
            ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("smith", "smtih", 1), ("jenns", "jenna", 1),
            ("ca", "abc", 3), ("muller", "mueller", 1), ("katherine", "kathryn", 3), ("ab", "ba", 1),
        ]
        for (a, b, expected) in cases {
            let distance = Array(b.utf8).withUnsafeBufferPointer { PatternDistance(Array(a.utf8)).distance(to: $0, limit: 10) }
            #expect(distance == expected, "\(a) → \(b)")
        }
    }
}
