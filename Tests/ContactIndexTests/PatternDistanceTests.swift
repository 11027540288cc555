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
                for _ in 0..<Int.random(in: 0...3, using: &random) { Self.edit(&b, alphabet: alphabet, using: &random) }
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

    /// Known distances, transpositions among them: optimal string alignment edits no letter
    /// twice ("ca" to "abc" is 3), the typing distance (Damerau–Levenshtein) may ("ca" to "abc"
    /// is 2: "ac", then "b" between).
    @Test func knownDistances() {
        let cases: [(String, String, aligned: Int, typing: Int)] = [
            ("", "", 0, 0), ("", "abc", 3, 3), ("abc", "", 3, 3), ("smith", "smtih", 1, 1), ("jenns", "jenna", 1, 1),
            ("ca", "abc", 3, 2), ("muller", "mueller", 1, 1), ("katherine", "kathryn", 3, 3), ("ab", "ba", 1, 1),
            ("chlaotte", "charlotte", 3, 2), ("whitaker", "whiaxtker", 3, 2), ("smithers", "smietrs", 3, 2),
            ("abcd", "badc", 2, 2), ("ab", "bxya", 4, 3), ("abc", "bxyza", 5, 5),
        ]
        for (a, b, aligned, typing) in cases {
            let prepared = PatternDistance(Array(a.utf8))
            Array(b.utf8).withUnsafeBufferPointer { b in
                #expect(prepared.distance(to: b, limit: 10) == aligned, "\(a) → \(String(decoding: b, as: UTF8.self))")
                #expect(prepared.typingDistance(to: b, limit: 10) == typing, "\(a) → \(String(decoding: b, as: UTF8.self))")
                #expect(prepared.typingDistance(to: b, limit: 2) == min(typing, 3), "\(a) → \(String(decoding: b, as: UTF8.self))")
            }
        }
    }

    /// The typing distance against its definition: the fewest insertions, deletions,
    /// substitutions and swaps of adjacent letters, applied one after another to any letters
    /// (a breadth-first search over the strings they make), for random pairs over small
    /// alphabets, with every limit up to 4.
    @Test func typingDistanceIsTheFewestEditsInAnyOrder() {
        var random = SeededGenerator(seed: 43)
        let alphabet = Array("abc".utf8)
        var differing = 0
        for round in 0..<2_000 {
            let a = (0..<Int.random(in: 0...5, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            var b = a
            // A quarter start with a swap across a letter added (or, from three letters, taken).
            if round % 4 == 0, a.count >= 2 {
                let position = Int.random(in: 0..<(a.count - 1), using: &random)
                b.swapAt(position, position + 1)
                if a.count >= 3, position + 2 < a.count, Bool.random(using: &random) {
                    b = Array(a[..<position]) + [a[position + 2], a[position]] + Array(a[(position + 3)...])
                } else {
                    b.insert(alphabet.randomElement(using: &random)!, at: position + 1)
                }
            }
            for _ in 0..<Int.random(in: round % 4 == 0 ? 0...1 : 1...3, using: &random) { Self.edit(&b, alphabet: alphabet, using: &random) }
            let fewest = Self.fewestEdits(a, b, alphabet: alphabet, atMost: 4)
            let limit = round % 5
            let prepared = PatternDistance(a)
            let typing = b.withUnsafeBufferPointer { prepared.typingDistance(to: $0, limit: limit) }
            let programme = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { DamerauLevenshtein.distance(x, $0, limit: limit) } }
            let expected = fewest.map { min($0, limit + 1) } ?? limit + 1
            #expect(typing == expected, "\(String(decoding: a, as: UTF8.self)) → \(String(decoding: b, as: UTF8.self)), limit \(limit)")
            #expect(programme == expected, "\(String(decoding: a, as: UTF8.self)) → \(String(decoding: b, as: UTF8.self)), limit \(limit)")
            let swapAcross = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { DamerauLevenshtein.isSwapAcrossOneLetter(x, $0) } }
            let aligned = b.withUnsafeBufferPointer { prepared.distance(to: $0, limit: 10) }
            // The shape is within two edits, and every pair whose two distances differ within
            // two edits has it.
            if swapAcross { #expect((fewest ?? 5) <= 2, "\(String(decoding: a, as: UTF8.self)) → \(String(decoding: b, as: UTF8.self))") }
            if fewest == 2, aligned == 3 { #expect(swapAcross, "\(String(decoding: a, as: UTF8.self)) → \(String(decoding: b, as: UTF8.self))") }
            if fewest == 2, aligned == 3 { differing += 1 }
        }
        #expect(differing >= 5, "\(differing) pairs whose two distances differ")
    }

    /// One random edit of `text`: a letter inserted, deleted or substituted, or two neighbours
    /// swapped (none when the position does not allow it).
    static func edit(_ text: inout [UInt8], alphabet: [UInt8], using random: inout SeededGenerator) {
        let position = text.isEmpty ? 0 : Int.random(in: 0..<text.count, using: &random)
        switch Int.random(in: 0...3, using: &random) {
        case 0: text.insert(alphabet.randomElement(using: &random)!, at: position)
        case 1 where !text.isEmpty: text.remove(at: position)
        case 2 where !text.isEmpty: text[position] = alphabet.randomElement(using: &random)!
        case 3 where position + 1 < text.count: text.swapAt(position, position + 1)
        default: break
        }
    }

    /// The fewest edits from `a` to `b` by breadth-first search, or nil beyond `atMost`.
    static func fewestEdits(_ a: [UInt8], _ b: [UInt8], alphabet: [UInt8], atMost: Int) -> Int? {
        var seen: Set<[UInt8]> = [a]
        var frontier = [a]
        for depth in 0...atMost {
            if frontier.contains(b) { return depth }
            var next: [[UInt8]] = []
            for text in frontier {
                var made: [[UInt8]] = []
                for position in 0...text.count {
                    for letter in alphabet {
                        var inserted = text
                        inserted.insert(letter, at: position)
                        made.append(inserted)
                    }
                    guard position < text.count else { continue }
                    var removed = text
                    removed.remove(at: position)
                    made.append(removed)
                    for letter in alphabet where letter != text[position] {
                        var substituted = text
                        substituted[position] = letter
                        made.append(substituted)
                    }
                    if position + 1 < text.count {
                        var swapped = text
                        swapped.swapAt(position, position + 1)
                        made.append(swapped)
                    }
                }
                for candidate in made where candidate.count <= max(a.count, b.count) + 1 && seen.insert(candidate).inserted { next.append(candidate) }
            }
            frontier = next
        }
        return nil
    }
}
