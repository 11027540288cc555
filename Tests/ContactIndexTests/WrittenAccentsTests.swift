import Testing
@testable import ContactIndex

/// How names were written, plainly or with Latin letters beyond ASCII (`WrittenAccents`), and
/// the tie-break it gives (`ContactDirectory.accentStep`).
@Suite struct WrittenAccentsTests {
    private static func written(_ text: String) -> [WrittenAccents.Written] {
        WrittenAccents.written(NameNormalizer.shared.tokens(text).map(\.utf8), words: WrittenAccents.words(of: text.utf8))
    }

    private static let plain = WrittenAccents.Written()
    private static let accented = WrittenAccents.Written(accented: true)
    private static let accentedInitial = WrittenAccents.Written(accented: true, initialAccented: true)

    @Test func eachTokenOfAFieldIsToldApart() {
        #expect(Self.written("José María") == [Self.accented, Self.accented])
        #expect(Self.written("Jose María") == [Self.plain, Self.accented])
        #expect(Self.written("Émile Zola") == [Self.accentedInitial, Self.plain])
        #expect(Self.written("ŁUKASZ") == [Self.accentedInitial])
        // Apostrophes of any kind join a word, as the fold's tokens do.
        #expect(Self.written("D’Angelo O'Brien") == [Self.plain, Self.plain])
        // A dash outside ASCII separates, as the fold does.
        #expect(Self.written("Smith–Jones") == [Self.plain, Self.plain])
        #expect(Self.written("Müller–Lüdenscheidt Weg") == [Self.accented, Self.accented, Self.plain])
    }

    @Test func wordsThatDoNotGoOneForOneFallBackOnThePlainOnes() {
        // "ß" folds to "ss" and "Æ" to "ae" within a word: still one for one. A ligature the fold
        // splits is not: then only a plain word says a token is plain.
        #expect(Self.written("Straße Bauer") == [Self.accented, Self.plain])
        let words = WrittenAccents.words(of: "Bauer Xö".utf8)
        #expect(WrittenAccents.written(["bauer", "x", "o"].map(\.utf8), words: words) == [Self.plain, Self.accented, Self.accented])
    }

    /// The one-pass version that bulk loads use gives what the words give, on random names of
    /// ASCII letters, accented letters, apostrophes, dashes, spaces and invalid bytes.
    @Test func theOnePassVersionAgreesWithTheWords() {
        let pieces: [[UInt8]] = ["a", "B", "z", "é", "Ł", "ß", "Æ", "ø", "’", "'", "–", "-", " ", ",", "ǅ", "ﬁ", "7", "Ж"].map { Array($0.utf8) }
            + [[0xC3], [0xFF]]
        var random = SplitMix(seed: 7)
        for _ in 0..<3_000 {
            var field: [UInt8] = []
            for _ in 0..<Int.random(in: 1...12, using: &random) { field += pieces.randomElement(using: &random)! }
            let text = String(decoding: field, as: UTF8.self)
            let tokens = NameNormalizer.shared.tokens(text).map { Array($0.utf8) }
            let expected = WrittenAccents.written(tokens, words: WrittenAccents.words(of: field))
            var out: [WrittenAccents.Written] = [Self.accentedInitial]
            let flat = Array(tokens.joined())
            var ranges: [Range<Int>] = []
            for token in tokens { ranges.append((ranges.last?.upperBound ?? 0)..<((ranges.last?.upperBound ?? 0) + token.count)) }
            flat.withUnsafeBufferPointer { bytes in
                field.withUnsafeBufferPointer { field in
                    WrittenAccents.appendWritten(
                        of: field, count: tokens.count, token: { UnsafeBufferPointer(rebasing: bytes[ranges[$0]]) }, to: &out)
                }
            }
            #expect(out == [Self.accentedInitial] + expected, "\(field)")
        }
    }

    @Test func theQueryTellsHowEachTokenWasTyped() {
        let typing = WrittenAccents.QueryTyping(text: "J. Müller", foldedTokens: ["j", "muller"], otherScript: false)
        #expect(typing.typing(of: "j") == .plain)
        #expect(typing.typing(of: "muller") == .accented)
        // A query without accents is typed plainly, its joined forms too.
        let ascii = WrittenAccents.QueryTyping(text: "van der berg", foldedTokens: ["van", "der", "berg"], otherScript: false)
        #expect(ascii.typing(of: "berg") == .plain)
        #expect(ascii.typing(of: "vanderberg") == .plain)
        // A joined form of words typed with accents is not one of them.
        let joined = WrittenAccents.QueryTyping(text: "van der Bërg", foldedTokens: ["van", "der", "berg"], otherScript: false)
        #expect(joined.typing(of: "vanderberg") == .unknown)
        #expect(joined.typing(of: "berg") == .accented)
        let cyrillic = WrittenAccents.QueryTyping(text: "Иван Petrov", foldedTokens: ["ivan", "petrov"], otherScript: true)
        #expect(cyrillic.typing(of: "petrov") == .unknown)
    }

    /// In each pair, the contact written otherwise than typed has the earlier id, so only the
    /// score can put the other one first.
    static let directory = ContactDirectory([
        Contact(id: "a1", firstName: "Jan", lastName: "Muller"),
        Contact(id: "a2", firstName: "Jan", lastName: "Müller"),
        Contact(id: "b1", firstName: "Éric", lastName: "Augé"),
        Contact(id: "b2", firstName: "Emma", lastName: "Augé"),
        Contact(id: "c1", firstName: "Jose", lastName: "Garcia"),
        Contact(id: "c2", firstName: "José", lastName: "García"),
        Contact(id: "d1", firstName: "Sara", lastName: "Horváth"),
        Contact(id: "d2", firstName: "Štěpán", lastName: "Horváth"),
        Contact(id: "e1", firstName: "Ána", lastName: "Ruíz"),
        Contact(id: "e2", firstName: "Ana", lastName: "Ruíz"),
        Contact(id: "f1", firstName: "José", lastName: "Ortíz"),
        Contact(id: "f2", firstName: "Juan", lastName: "Ortíz"),
        Contact(id: "g1", firstName: "Ida", lastName: "Bär"),
        Contact(id: "g2", firstName: "Ida", lastName: "Bar"),
        Contact(id: "h1", firstName: "Éva", lastName: "Kis"),
        Contact(id: "h2", firstName: "Eva", lastName: "Kis"),
    ])

    @Test(arguments: [
        ("J. Müller", "a2", "a1"),
        ("E Augé", "b2", "b1"),
        ("josé garc", "c2", "c1"),
        ("Š. Horváth", "d2", "d1"),
        ("A Ruíz", "e2", "e1"),
        // Typed without any accent: plainly.
        ("I. Bar", "g2", "g1"),
        ("E Kis", "h2", "h1"),
    ])
    func theNameWrittenAsTypedComesFirst(_ text: String, first: String, second: String) {
        let matches = Self.directory.lookup(fuzzyName: text)
        let ids = matches.map(\.contact.id)
        #expect(Array(ids.prefix(2)) == [first, second], "\(text): \(matches)")
        // A tie-break within the reason: both keep it.
        #expect(Set(matches.prefix(2).map(\.reason)).count == 1, "\(text): \(matches)")
    }

    @Test func anAccentPastTheInitialSaysNothingOfIt() {
        // "J" for José: his first letter is plain, so the tie goes by id.
        let matches = Self.directory.lookup(fuzzyName: "J Ortíz")
        #expect(Array(matches.map(\.contact.id).prefix(2)) == ["f1", "f2"], "\(matches)")
    }

    @Test func anUpdateRewritesHowTheNameIsWritten() {
        var directory = ContactDirectory([
            Contact(id: "a1", firstName: "Jan", lastName: "Muller"),
            Contact(id: "a2", firstName: "Jan", lastName: "Müller"),
        ])
        directory.prepareForUpdates()
        #expect(directory.lookup(fuzzyName: "J. Müller").first?.contact.id == "a2")
        // The two swap their spellings: the tie follows.
        _ = directory.upsert(Contact(id: "a1", firstName: "Jan", lastName: "Müller"))
        _ = directory.upsert(Contact(id: "a2", firstName: "Jan", lastName: "Muller"))
        #expect(directory.lookup(fuzzyName: "J. Müller").first?.contact.id == "a1")
        _ = directory.upsert(Contact(id: "a1", firstName: "Jan", lastName: "Muller"))
        #expect(directory.lookup(fuzzyName: "J. Müller").first?.contact.id == "a1")
        _ = directory.upsert(Contact(id: "a2", firstName: "Jan", lastName: "Müller"))
        #expect(directory.lookup(fuzzyName: "J. Müller").first?.contact.id == "a2")
    }
}
