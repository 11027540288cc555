import ContactFixtures
@testable import ContactIndex
import Testing

/// What a search box query is read as (`FreeTextQuery`), and what `search` then finds: numbers
/// with extensions however they are written, vanity numbers, one-word user names, and numbers
/// under another country code.
@Suite struct FreeTextQueryTests {
    static let directory = ContactDirectory(
        [
            Contact(id: "p06", firstName: "Paula", lastName: "Extension", phones: [ContactPhone("+1 (617) 555-0000 ext. 123")]),
            Contact(id: "p07", firstName: "Peter", lastName: "Switchboard", phones: [ContactPhone("617 555 0000")]),
            Contact(id: "v01", firstName: "Flora", lastName: "Florist", phones: [ContactPhone("1-800-FLOWERS")]),
            Contact(id: "e01", firstName: "Xavier", lastName: "Sousa", emails: [ContactEmail("xss@example.com")]),
            Contact(id: "e02", firstName: "Jane", lastName: "Doe", emails: [ContactEmail("jsmith2@example.com")]),
            Contact(id: "e03", firstName: "Ali", lastName: "Hassan", emails: [ContactEmail("mohammed.ali@example.com")]),
            Contact(id: "n01", firstName: "Tom", lastName: "Jansen", phones: [ContactPhone("06 12345678")], region: "NL"),
            Contact(id: "w01", firstName: "Wrong", lastName: "Region", phones: [ContactPhone("650 555 0100")], region: "GB"),
        ], configuration: DirectoryConfiguration(defaultRegion: "US"))

    func ids(_ text: String) -> [String] { Self.directory.search(text).map(\.contact.id) }

    @Test(arguments: [
        "617 555 0000 ext 123", "617 555 0000 ext. 123", "617-555-0000 x 123", "617 555 0000 x123", "6175550000x123",
        "+16175550000;ext=123", "(617) 555-0000 extension 123", "617 555 0000 #123", "617.555.0000 Ext: 123",
    ])
    func anExtensionFindsItsOwnLineFirst(_ text: String) throws {
        let matches = Self.directory.search(text)
        #expect(matches.map(\.contact.id).prefix(2) == ["p06", "p07"], "\(text)")
        #expect(matches.first?.reason == .exactE164, "\(text)")
        #expect(matches.dropFirst().first?.reason == .phoneExtensionDiffers, "\(text)")
    }

    /// A `tel:` or SIP URI in the search box is the number it carries, as a caller id is: its
    /// scheme is no name and a SIP URI's "@" no address (they found nothing).
    @Test(arguments: [
        ("tel:+16175550000;ext=123", ["p06", "p07"]),
        ("TEL:+1-617-555-0000;phone-context=example.com;ext=123", ["p06", "p07"]),
        ("tel:+16175550000", ["p07", "p06"]),
        ("sip:+16175550000@pbx.example.com;user=phone", ["p07", "p06"]),
        ("sips:6175550000@pbx.example.com", ["p07", "p06"]),
        ("tel: +1 617 555 0000", ["p07", "p06"]),
    ])
    func aTelOrSIPURIIsItsNumber(text: String, expected: [String]) {
        let query = FreeTextQuery(text)
        #expect(query.emailText == nil)
        #expect(query.nameText.isEmpty)
        #expect(query.phoneDigits.count >= 10)
        let matches = Self.directory.search(text)
        #expect(matches.map(\.contact.id).prefix(2) == expected[...])
        #expect(matches.first?.reason == .exactE164)
        #expect(Self.directory.searchSummaries(text).map(\.id) == matches.map(\.contact.id))
    }

    @Test func theExtensionIsNotSearchedAsDigits() {
        let query = FreeTextQuery("617 555 0000 ext 123")
        #expect(query.phoneText == "617 555 0000 ext. 123")
        #expect(query.phoneDigits == Array("6175550000".utf8))
        #expect(query.nameText.isEmpty)
        // Without a number before it, "x 123" is a name and a number.
        #expect(FreeTextQuery("x 123").nameText == "x")
    }

    @Test func vanityNumbersAreNumbersAndNames() {
        #expect(ids("1-800-FLOWERS").first == "v01")
        #expect(ids("1800flowers").first == "v01")
        let query = FreeTextQuery("1-800-GO-FEDEX")
        #expect(query.phoneText == "1-800-GO-FEDEX")
        #expect(query.phoneDigits == Array("18004633339".utf8))
        #expect(query.nameText == "1-800-GO-FEDEX")
        for name in ["3M", "B2B", "R2D2", "4you"] {
            #expect(FreeTextQuery(name).phoneText == nil, "\(name)")
            #expect(FreeTextQuery(name).nameText == name, "\(name)")
        }
    }

    @Test func oneBareWordAlsoStartsAnAddress() throws {
        let whole = try #require(Self.directory.search("xss").first)
        #expect(whole.contact.id == "e01")
        #expect(whole.reason == .emailPrefix)
        #expect(whole.score == MatchReason.emailPrefix.baseScore)
        #expect(ids("jsmith2").first == "e02")
        let start = try #require(Self.directory.search("moha").first)
        #expect(start.contact.id == "e03")
        #expect(start.score == ContactDirectory.bareEmailPrefixScore)
        // The summaries give the same answer.
        #expect(Self.directory.searchSummaries("xss").map(\.id) == ["e01"])
        #expect(Self.directory.searchSummaries("moha").first?.id == "e03")
        // Two words are a name, not a user name.
        #expect(FreeTextQuery("moha ali").bareEmailWord == nil)
        #expect(FreeTextQuery("Müller").bareEmailWord == nil)
    }

    @Test func aNameStillRanksAboveTheStartOfAnAddress() {
        // "ali" is Ali Hassan's given name: the name match, not the address, gives the score.
        let match = Self.directory.search("ali").first
        #expect(match?.contact.id == "e03")
        #expect(match.map { $0.score > ContactDirectory.bareEmailPrefixScore } == true)
    }

    @Test func twoValidNumbersUnderDifferentCountryCodesAreDifferentLines() {
        // +31 6 12345678 (a Dutch mobile) is not +33 6 12 34 56 78 (a French one).
        #expect(Self.directory.lookup(phone: "+33612345678").isEmpty)
        #expect(Self.directory.lookup(phone: "+31612345678").map(\.contact.id) == ["n01"])
        // A Californian number written in a row of region GB is invalid there: the hint stays.
        let hint = Self.directory.lookup(phone: "+1 650 555 0100")
        #expect(hint.map(\.contact.id) == ["w01"])
        #expect(hint.first?.reason == .sameNationalNumber)
    }
}

/// Names written in Cyrillic or Greek are also found as English texts spell them.
@Suite struct AlternateRomanizationTests {
    static let directory = ContactDirectory([
        Contact(id: "r1", firstName: "Александр", lastName: "Пушкин"),
        Contact(id: "r2", firstName: "Никита", lastName: "Хрущёв"),
        Contact(id: "r3", firstName: "Тарас", lastName: "Шевченко"),
        Contact(id: "r4", firstName: "Юрий", lastName: "Гагарин"),
        Contact(id: "g1", firstName: "Ελένη", lastName: "Παπαδοπούλου"),
        Contact(id: "l1", firstName: "Alexander", lastName: "Pushkin"),
    ])

    @Test(arguments: [
        ("Pushkin", "r1"), ("Aleksandr Pushkin", "r1"), ("Khrushchev", "r2"), ("Nikita Khrushchev", "r2"),
        ("Shevchenko", "r3"), ("Taras Shevchenko", "r3"), ("Yuriy Gagarin", "r4"), ("Eleni Papadopoulou", "g1"),
    ])
    func theEnglishSpellingFindsTheName(_ text: String, expected: String) throws {
        let matches = Self.directory.lookup(fuzzyName: text)
        let match = try #require(matches.first(where: { $0.contact.id == expected }), "\(text): \(matches.map(\.contact.id))")
        // Every token matched exactly: not a typo.
        #expect(match.score >= MatchReason.nameTokens.baseScore, "\(text) → \(match.reason) \(match.score)")
    }

    @Test func cyrillicAndGreekHaveTheirConventionalRomanization() {
        let names = NameNormalizer.shared
        #expect(names.alternateRomanization("Хрущёв") == "khrushchev")
        // ё also as "o" after щ, as "yo" elsewhere (`CyrillicNameSpellings.yoRules`).
        #expect(names.derivedSpellings("Хрущёв") == "khrushchov")
        #expect(names.alternateRomanization("Ελένη") == "eleni")
        // Latin names have one only for their umlauts and Nordic vowels (`UmlautSpellingTests`).
        #expect(names.alternateRomanization("Müller") == "mueller")
        #expect(names.alternateRomanization("José") == nil)
        // Han characters have one only as Japanese readings (`RomanizationConventionTests`).
        #expect(names.alternateRomanization("刘伟") == nil)
        // And, for a name Ukrainian could write as it is, the Ukrainian system's (`isUkrainian`).
        #expect(names.alternateTokens("Пушкин", besides: ["puskin"]) == ["pushkin", "pushkyn"])
        #expect(names.alternateTokens("Елена", besides: ["elena"]) == ["yelena"])
    }
}

/// A list shows an address as one: without the display name or `mailto:` the CRM wrote around it.
@Suite struct EmailDisplayTests {
    @Test func listsShowTheAddressWithoutWhatSurroundsIt() {
        let directory = ContactDirectory([
            Contact(id: "m1", firstName: "Bravo", emails: [ContactEmail("mailto:Bravo@Example.com?subject=Hi")]),
            Contact(id: "m2", firstName: "John", emails: [ContactEmail(" John Smith <John.Smith@Example.com> ")]),
            Contact(id: "m3", firstName: "Plain", emails: [ContactEmail("Plain.Person@Example.com")]),
            Contact(id: "m4", firstName: "Broken", emails: [ContactEmail("not an address")]),
        ])
        let expected = ["m1": "Bravo@Example.com", "m2": "John.Smith@Example.com", "m3": "Plain.Person@Example.com"]
        for (id, address) in expected {
            let lowered = address.lowercased()
            #expect(directory.lookupSummaries(email: lowered).map(\.email) == [address], "\(id)")
            #expect(directory.lookupPackedSummaries(email: lowered).summaries.map(\.email) == [address], "\(id)")
            #expect(directory.lookup(email: lowered).first?.matchedEmail?.displayText == address, "\(id)")
        }
        #expect(ContactEmail("not an address").displayText == "not an address")
        #expect(ContactEmail("<>").displayText == "<>")
        #expect(directory.searchSummaries("Broken").first?.email == "not an address")
    }

    /// ASCII queries are split on bytes: the same words as splitting the characters at
    /// whitespace, for every ASCII control and space character, "\r\n" among them.
    @Test func asciiWordsAreTheCharacterSplit() {
        let alphabet: [Character] = ["a", "B", "7", "@", ".", "-", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "\u{00}"]
        var random = SeededGenerator(seed: 29)
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let expected = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            #expect(FreeTextQuery.words(of: text).map(String.init) == expected, "\(Array(text.utf8))")
        }
        #expect(FreeTextQuery.words(of: "José\u{00A0}García  x").map(String.init) == ["José", "García", "x"])
    }

    /// A query of name words alone, written as they are joined, is read without a word's
    /// string made (`FreeTextQuery.plainName`): the same reading as word by word, for random
    /// texts of letters of several scripts, digits, "@", ":", extension words, punctuation and
    /// every kind of space.
    @Test func aPlainNameIsReadAsWordByWord() {
        let pieces = [
            "John", "smith", "José", "Иван", "Ελένη", "王", "Nguyễn", "john.smith", "j_doe", "a+b", "x", "ext", "tel:", "sip:1@x",
            "555", "٥٥٥", "１", "@", "ana@", ":", "#12", "o'brien", "-", ".", " ", "  ", "\t", "\u{A0}", "\u{3000}", "xss", "jsmith2",
        ]
        var random = SeededGenerator(seed: 37)
        var plain = 0, other = 0
        for _ in 0..<4_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...5, using: &random) { text += pieces.randomElement(using: &random)! }
            if Bool.random(using: &random) { text = text.split(separator: " ").joined(separator: " ") }
            let ascii = FreeTextQuery.asciiForms(of: text)
            if FreeTextQuery.plainName(ascii) != nil { plain += 1 } else { other += 1 }
            #expect(FreeTextQuery(text) == FreeTextQuery(reading: ascii), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(plain >= 400 && other >= 400, "\(plain) plain, \(other) other")
        #expect(FreeTextQuery.plainName("John Smith")?.nameText == "John Smith")
        #expect(FreeTextQuery.plainName("john.smith")?.emailText == "john.smith")
        #expect(FreeTextQuery.plainName("Xss")?.bareEmailWord == "xss")
        #expect(FreeTextQuery.plainName("John  Smith") == nil, "two spaces")
        #expect(FreeTextQuery.plainName(" John") == nil, "a space before")
        #expect(FreeTextQuery.plainName("John 555") == nil, "a digit")
    }

    /// The scalar read from a two- or three-byte UTF-8 sequence is the stdlib's, for every
    /// scalar from U+0080 to U+FFFF; a four-byte sequence reads as nil.
    @Test func aScalarIsReadFromItsBytes() {
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(Character(scalar)).utf8)
            let read = bytes.withUnsafeBufferPointer { FreeTextQuery.scalar($0) }
            if read != scalar { Issue.record("U+\(String(value, radix: 16)): \(String(describing: read))") }
        }
        #expect(Array("😀".utf8).withUnsafeBufferPointer { FreeTextQuery.scalar($0) } == nil)
    }

    /// Outside ASCII the words are split on scalars: the same words as the `Character` split
    /// for names in many scripts, joined by every kind of space (no-break, ideographic, thin,
    /// tabs, line separators) and with letters that combine within a word.
    @Test func otherWordsAreTheCharacterSplit() {
        let words = ["José", "García", "Иван", "Ελένη", "王小明", "김민수", "عائشة", "Nguyễn", "e\u{301}lodie", "👩‍💻", "o'brien", "x", "42"]
        let spaces = [" ", "\u{00A0}", "\u{3000}", "\u{2009}", "\t", "\u{2028}", "\u{1680}", "\u{202F}", "\u{0085}", "  ", "\r\n"]
        var random = SeededGenerator(seed: 31)
        for _ in 0..<2_000 {
            var text = Bool.random(using: &random) ? spaces.randomElement(using: &random)! : ""
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                text += words.randomElement(using: &random)! + spaces.randomElement(using: &random)!
            }
            let expected = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            #expect(FreeTextQuery.words(of: text).map(String.init) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(FreeTextQuery.words(of: "王\u{3000}小明").map(String.init) == ["王", "小明"])
    }
    /// John Smith, (650) 555-1234, john.smith@example.com: what the queries below look for.
    static let smith = ContactDirectory(
        [
            Contact(id: "s01", firstName: "John", lastName: "Smith", phones: [ContactPhone("(650) 555-1234")], emails: [ContactEmail("john.smith@example.com")]),
            Contact(id: "s02", firstName: "Ann", lastName: "Other", phones: [ContactPhone("(212) 909-5001")], emails: [ContactEmail("ann@example.org")]),
        ], configuration: DirectoryConfiguration(defaultRegion: "US"))

    /// Digits of other scripts and full-width forms are read as the ASCII they stand for
    /// (`asciiForms(of:)`): a search box fed by an Arabic or Persian keyboard or a full-width
    /// input method found nothing for a number, and a partial name for a full-width address.
    @Test(arguments: [
        ("６５０５５５１２３４", MatchReason.exactE164), ("(６５０) ５５５-１２３４", .exactE164), ("٦٥٠٥٥٥١٢٣٤", .exactE164),
        ("۶۵۰۵۵۵۱۲۳۴", .exactE164), ("+١ ٦٥٠ ٥٥٥ ١٢٣٤", .exactE164), ("६५०५५५१२३४", .exactE164), ("５５５１", .phoneFragment),
        ("٥٥٥١", .phoneFragment), ("ｊｏｈｎ．ｓｍｉｔｈ＠ｅｘａｍｐｌｅ．ｃｏｍ", .exactEmail), ("ｊｏｈｎ．ｓｍ", .emailPrefix),
        ("Ｊｏｈｎ ５５５１", .phoneFragment),
    ])
    func otherScriptsDigitsAndFullWidthFormsAreASCII(text: String, reason: MatchReason) {
        let found = Self.smith.search(text)
        #expect(found.first?.contact.id == "s01", "\(text)")
        #expect(found.first?.reason == reason, "\(text)")
        #expect(Self.smith.searchSummaries(text).first?.id == "s01", "\(text)")
    }

    /// The reading itself: ASCII text is returned as it is, and only digits and the full-width
    /// block change (not other compatibility forms).
    @Test func asciiFormsChangeOnlyDigitsAndFullWidthForms() {
        #expect(FreeTextQuery.asciiForms(of: "John 555") == "John 555")
        #expect(FreeTextQuery.asciiForms(of: "Müller ٦٥٠") == "Müller 650")
        #expect(FreeTextQuery.asciiForms(of: "ｊｏｈｎ＠ｅｘ．ｃｏｍ") == "john@ex.com")
        #expect(FreeTextQuery.asciiForms(of: "ﬁsher ½ ²") == "ﬁsher ½ ²")
        #expect(FreeTextQuery("٦٥٠٥٥٥١٢٣٤").phoneDigits == Array("6505551234".utf8))
        #expect(FreeTextQuery("ｊｏｈｎ．ｓｍｉｔｈ＠ｅｘａｍｐｌｅ．ｃｏｍ").emailText == "john.smith@example.com")
    }

    /// ICU's decimal digits (`ICUCharacterProperties.decimalDigitValue`, which the reading
    /// uses) are the standard library's Numeric_Type=Decimal with its values, for every scalar
    /// of Unicode 15.0 (ICU 72's version; the standard library's is newer, with more digits).
    @Test func icuDecimalDigitsAreTheStandardLibrarys() {
        var differing: [String] = []
        var digits = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), let age = scalar.properties.age, age.major < 15 || (age.major == 15 && age.minor == 0) else {
                continue
            }
            let expected = scalar.properties.numericType == .decimal ? scalar.properties.numericValue.map { Int($0) } : nil
            if expected != nil { digits += 1 }
            if ICUCharacterProperties.decimalDigitValue(scalar) != expected { differing.append(String(value, radix: 16)) }
        }
        #expect(differing.isEmpty, "\(differing.count): \(differing.prefix(20))")
        #expect(digits >= 650, "\(digits) decimal digits")
    }

    /// A caller id in other digits finds the contact too, as libphonenumber reads them
    /// (the phone fast path leaves such text to it).
    @Test(arguments: ["６５０５５５１２３４", "+１６５０５５５１２３４", "٦٥٠٥٥٥١٢٣٤", "+١٦٥٠٥٥٥١٢٣٤", "۶۵۰۵۵۵۱۲۳۴"])
    func aCallerIDInOtherDigitsFindsItsContact(_ text: String) {
        let found = Self.smith.lookup(phone: text)
        #expect(found.map(\.contact.id) == ["s01"], "\(text)")
        #expect(found.first?.reason == .exactE164, "\(text)")
        #expect(Self.smith.lookupPackedSummaries(phone: text).count == 1, "\(text)")
    }

    /// An address pasted with punctuation around it is the address (`unwrappedAddress`): it
    /// found nothing; "<…>", "mailto:" and a trailing "." found it already.
    @Test(arguments: [
        "john.smith@example.com,", "john.smith@example.com;", "(john.smith@example.com)", "\"john.smith@example.com\"",
        "'john.smith@example.com'", "[john.smith@example.com]", "“john.smith@example.com”", "«john.smith@example.com»",
        "(john.smith@example.com),", "<john.smith@example.com>", "mailto:john.smith@example.com", "(<john.smith@example.com>);",
        "john.smith@example.com:", "{john.smith@example.com}",
    ])
    func aPastedAddressLosesThePunctuationAroundIt(_ text: String) {
        let found = Self.smith.search(text)
        #expect(found.first?.contact.id == "s01", "\(text)")
        #expect(found.first?.reason == .exactEmail, "\(text)")
    }

    /// Only the ends of the word: an apostrophe inside a local part stays, and a start of an
    /// address in brackets is still a start.
    @Test func onlyTheEndsOfAnAddressAreUnwrapped() {
        #expect(FreeTextQuery("(o'brien@example.com)").emailText == "o'brien@example.com")
        #expect(FreeTextQuery("\"john.smith@exa").emailText == "john.smith@exa")
        #expect(FreeTextQuery("john.smith@example.").emailText == "john.smith@example.")
        #expect(Self.smith.search("(john.smith@").first?.reason == .emailPrefix)
    }
}
