import Testing
@testable import ContactIndex

/// The bulk-load shortcuts for emails give `EmailNormalizer.normalize`'s answers.
@Suite struct EmailPlainPartsTests {
    static let locals = [
        "john.smith", "John.Smith", "a", ".a", "a.", "a..b", "a+b", "a@b", "jo hn", "jö", "x\"y", "a(b)", "o'brien", "a_b-c",
        "UPPER", String(repeating: "x", count: 64), String(repeating: "x", count: 65), "a#b", "a/b", "a~b",
    ]
    static let domains = [
        "example.com", "EXAMPLE.COM", "gmail.com", "GMail.com", "googlemail.com", "xn--mller-kva.de", "müller.de", "localhost",
        "ex-ample.com", "-ex.com", "ex-.com", "ab--cd.com", "example.com.", "a.b.c.d", "1.2.3.4", "", "a..com", "exa_mple.com",
    ]
    static let forms = ["%", " % ", "<%>", "Name <%>", "mailto:%", "MAILTO:%?subject=x", "\u{a0}%\u{a0}", "%>"]

    @Test(arguments: [true, false])
    func plainPartsAgreeWithNormalize(canonicalize: Bool) {
        let normalizer = EmailNormalizer(options: .init(canonicalizeProviders: canonicalize))
        var plain = 0
        for local in Self.locals {
            for domain in Self.domains {
                for form in Self.forms {
                    var text = form.split(separator: "%", omittingEmptySubsequences: false).joined(separator: local + "@" + domain)
                    let parts = text.withUTF8 { normalizer.plainParts(bytes: $0) }
                    guard let parts else { continue }
                    plain += 1
                    let bytes = Array(text.utf8)
                    let lowered = { (range: Range<Int>) in String(decoding: bytes[range].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self) }
                    let localPart = lowered(parts.local)
                    let asciiDomain = lowered(parts.domain)
                    let expected = NormalizedEmail(
                        address: localPart + "@" + asciiDomain, localPart: localPart, asciiDomain: asciiDomain, unicodeDomain: asciiDomain,
                        canonicalAddress: nil)
                    #expect(normalizer.normalize(text) == .success(expected), "\(text)")
                }
            }
        }
        // The common forms are plain: not a vacuous check.
        #expect(plain > 100)
        var common = "  John.Smith@Example.COM "
        #expect(common.withUTF8 { normalizer.plainParts(bytes: $0) } != nil)
    }

    /// A bulk load stores what single preparation stores, address by address.
    @Test func loadedAddressesEqualNormalizedOnes() throws {
        var csv = "id,email\n"
        var texts: [String] = []
        for (index, local) in Self.locals.enumerated() {
            let domain = Self.domains[index % Self.domains.count]
            let text = "\(local)@\(domain)"
            texts.append(text)
            csv += "c\(index),\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"\n"
        }
        let (directory, _) = try ContactCSVLoader().load(bytes: Array(csv.utf8))
        let normalizer = EmailNormalizer()
        for (index, text) in texts.enumerated() {
            let contact = try #require(directory.contact(id: "c\(index)"))
            let stored = contact.emails.first?.normalized
            switch normalizer.normalize(text) {
            case .success(let expected): #expect(stored == expected, "\(text)")
            case .failure: #expect(stored == nil, "\(text)")
            }
        }
    }
}

/// Numbers the phone fast path declines: libphonenumber parses them, and their validity, type
/// and region come from the fast path's compiled metadata; both must equal libphonenumber's.
@Suite struct PhoneLibraryDetailsTests {
    @Test(arguments: [
        ("011 15-2345-6789", "AR"), ("0341 15-234-5678", "AR"), ("+54 9 11 2345-6789", "AR"), ("11 2345-6789", "AR"),
        ("(11) 96123-4567", "BR"), ("0XX11 96123-4567", "BR"), ("011 55 11 96123-1562", "US"), ("1-800-FLOWERS", "US"),
        ("650 555 1234 ext. 12", "US"), ("tel:+16505551234", "US"), ("+1 650 +555", "US"), ("٠٦١٢٣٤٥٦٧٨", "FR"),
        ("0800 123 4567", "GB"), ("+44 (0) 20 7946 0958", "GB"), ("044 668 18 00", "CH"), ("+800 1234 5678", "US"),
    ])
    func detailsMatchLibphonenumber(text: String, region: String) {
        let library = LibPhoneNumber.parse(text, defaultRegion: region, withDetails: true)
        #expect(PhoneNormalizer.libraryParse(text, region: region, withDetails: true) == library)
        #expect(PhoneNormalizer.libraryParse(text, region: region, withDetails: false) == LibPhoneNumber.parse(text, defaultRegion: region, withDetails: false))
    }

    /// The differential run checks every declined number that libphonenumber parses (since
    /// the fast path reads national prefixes with transform rules, about 0.3% of its numbers).
    @Test func differentialChecksDeclinedNumbers() {
        let outcome = PhoneFastPathDifferential().run(count: 20_000, seed: 11)
        for mismatch in outcome.mismatches.prefix(20) {
            Issue.record("\(mismatch.text) in \(mismatch.region): \(mismatch.fast) ≠ libphonenumber \(mismatch.library)")
        }
        #expect(outcome.mismatches.isEmpty)
        #expect(outcome.declinedChecked > 40)
    }
}

/// The record splitter skips eight bytes at a time; it must find what a byte-by-byte scan finds.
@Suite struct CSVSplitterWordScanTests {
    /// The byte-by-byte scan the splitter had before it skipped words (same rules: a quote after
    /// spaces at a field's start opens a quoted field too, and a quoted field over several lines
    /// with text after its closing quote is read again from its opening quote, unquoted, with no
    /// record end before that text).
    static func reference(_ bytes: [UInt8], delimiter: UInt8, isFinal: Bool) -> (end: Int?, breaks: Int) {
        enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
        var lastEnd: Int? = nil, breaksAtLastEnd = 0, breaks = 0, index = 0
        let count = bytes.count
        var state = State.fieldStart
        var fieldStart = 0
        var opening = 0, breaksAtOpening = 0, evidence = -1
        scan: while index < count {
            let byte = bytes[index]
            switch state {
            case .quoted:
                if byte == 34 { state = .quoteInQuoted } else if byte == 10 { breaks += 1 } else if byte == 13 {
                    if index + 1 < count { if bytes[index + 1] != 10 { breaks += 1 } } else if isFinal { breaks += 1 } else { break scan }
                }
                index += 1
                continue
            case .quoteInQuoted:
                if byte == 34 { state = .quoted; index += 1; continue }
                if breaks != breaksAtOpening, byte != delimiter, byte != 10, byte != 13 {
                    let next = bytes[index...].firstIndex { $0 != 32 } ?? count
                    if next == count, !isFinal { break scan }
                    if next < count, bytes[next] != delimiter, bytes[next] != 10, bytes[next] != 13 {
                        evidence = next; index = opening + 1; breaks = breaksAtOpening; state = .unquoted
                        continue
                    }
                }
                state = .unquoted
                fallthrough
            case .fieldStart, .unquoted:
                if byte == delimiter {
                    state = .fieldStart; fieldStart = index + 1
                } else if byte == 10 {
                    breaks += 1; state = .fieldStart; fieldStart = index + 1
                    if index > evidence { lastEnd = index + 1; breaksAtLastEnd = breaks }
                } else if byte == 13 {
                    if index + 1 < count { if bytes[index + 1] == 10 { index += 1 } } else if !isFinal { break scan }
                    breaks += 1; state = .fieldStart; fieldStart = index + 1
                    if index > evidence { lastEnd = index + 1; breaksAtLastEnd = breaks }
                } else if byte == 34, bytes[fieldStart..<index].allSatisfy({ $0 == 32 }) {
                    state = .quoted; opening = index; breaksAtOpening = breaks
                } else {
                    state = .unquoted
                }
            }
            index += 1
        }
        if isFinal, count > 0, lastEnd != count { lastEnd = count; breaksAtLastEnd = breaks }
        return (lastEnd, lastEnd == nil ? 0 : breaksAtLastEnd)
    }

    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";")])
    func wordScanEqualsByteScan(delimiter: UInt8) {
        var state: UInt64 = 0x1234_5678
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let alphabet: [UInt8] = Array("abcdefgh ,;\"\n\r".utf8) + Array("aaaaaaaaaaaaaaaaaaaa".utf8)
        let splitter = CSVRecordSplitter(delimiter: delimiter)
        for round in 0..<3_000 {
            let length = next() % (round < 1_500 ? 40 : 400)
            let bytes = (0..<length).map { _ in alphabet[next() % alphabet.count] }
            for isFinal in [false, true] {
                var breaks = 0
                let end = bytes.withUnsafeBufferPointer { splitter.lastRecordEnd(in: $0, isFinal: isFinal, lineBreaks: &breaks) }
                let expected = Self.reference(bytes, delimiter: delimiter, isFinal: isFinal)
                #expect(end == expected.end, "\(bytes) final \(isFinal)")
                if end != nil { #expect(breaks == expected.breaks, "\(bytes) final \(isFinal)") }
            }
        }
    }
}

/// A national prefix rule with a transform (Argentina's) whose prefix can only match the empty
/// string strips nothing: the fast path decides, and agrees with libphonenumber.
@Suite struct PhoneFastPathEmptyPrefixTests {
    @Test(arguments: ["+54 9 11 2345-6789", "+54 11 2345-6789", "+54 351 423-4567", "+5491123456789", "011 54 9 11 2345 6789"])
    func internationalArgentineNumbersAreDecided(text: String) throws {
        let fast = try #require(PhoneFastPath.shared.normalize(text, region: "US", withDetails: true))
        #expect(.success(fast) == LibPhoneNumber.parse(text, defaultRegion: "US", withDetails: true))
    }

    /// National forms, whose prefix may carry a part to transform, still agree when decided.
    @Test(arguments: ["011 15-2345-6789", "0351 15-423-4567", "11 2345-6789", "15 2345 6789", "9 11 2345 6789", "54 11 2345 6789"])
    func nationalArgentineNumbersAgreeWhenDecided(text: String) {
        guard let fast = PhoneFastPath.shared.normalize(text, region: "AR", withDetails: true) else { return }
        #expect(.success(fast) == LibPhoneNumber.parse(text, defaultRegion: "AR", withDetails: true))
    }
}
