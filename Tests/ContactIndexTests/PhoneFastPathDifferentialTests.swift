import Testing
@testable import ContactIndex

@Suite struct PhoneFastPathDifferentialTests {
    @Test func everyTerritoryCompiles() {
        let counts = PhoneFastPath.shared.compiledCount
        #expect(counts.total > 240)
        #expect(counts.usable == counts.total)
    }

    /// A slice of the differential run (`make phone-differential` runs 1,000,000).
    @Test func fastPathAgreesWithLibphonenumber() {
        let outcome = PhoneFastPathDifferential().run(count: 20_000, seed: 7)
        for mismatch in outcome.mismatches.prefix(20) {
            Issue.record("\(mismatch.text) in \(mismatch.region): fast \(mismatch.fast) ≠ libphonenumber \(mismatch.library)")
        }
        #expect(outcome.mismatches.isEmpty)
        #expect(outcome.total > 15_000)
        #expect(outcome.decided > outcome.total / 2)
    }

    /// The territories whose national prefix has a transform rule (`NationalPrefixRule`): the
    /// prefix, its groups and the rewrite give what libphonenumber gives, and the fast path
    /// decides most of their national numbers.
    @Test func transformRulesAgreeWithLibphonenumber() {
        let regions = PhoneFastPathDifferential.transformRuleRegions
        #expect(regions.count > 20)
        #expect(regions.contains("AR") && regions.contains("BR") && regions.contains("GD"))
        let outcome = PhoneFastPathDifferential().run(count: 20_000, seed: 11, regions: regions)
        for mismatch in outcome.mismatches.prefix(20) {
            Issue.record("\(mismatch.text) in \(mismatch.region): fast \(mismatch.fast) ≠ libphonenumber \(mismatch.library)")
        }
        #expect(outcome.mismatches.isEmpty)
        let national = outcome.decidedByForm["national"] ?? (0, 0)
        #expect(national.total > 1_500)
        #expect(national.decided * 10 > national.total * 9)
        let local = outcome.decidedByForm["local"] ?? (0, 0)
        #expect(local.decided * 2 > local.total)
    }

    /// Argentina's mobile numbers written nationally ("0 11 15 …" becomes "+54 9 11 …"), a
    /// Brazilian carrier code, a seven-digit number on Grenada (its area code added), and
    /// Japan's "000…" prefix: each through the transform rule, as libphonenumber reads it.
    @Test(arguments: [
        ("011 15 2345-6789", "AR"), ("0341 15 123-4567", "AR"), ("011 2345-6789", "AR"),
        ("0 15 11 96123-4567", "BR"), ("0 21 11 2345-6789", "BR"), ("(11) 96123-4567", "BR"),
        ("555 0123", "GD"), ("1 473 555 0123", "GD"), ("456789", "IM"), ("0 1624 456789", "IM"),
    ])
    func transformRuleExamples(text: String, region: String) throws {
        let fast = try #require(PhoneFastPath.shared.normalize(text, region: region, withDetails: true))
        let library = try LibPhoneNumber.parse(text, defaultRegion: region, withDetails: true).get()
        #expect(fast == library)
    }

    @Test(arguments: [
        ("+44 20 7946 0958", "US", "+442079460958"),
        ("020 7946 0958", "GB", "+442079460958"),
        ("(650) 555-1234", "US", "+16505551234"),
        ("1-650-555-1234", "US", "+16505551234"),
        ("011 44 20 7946 0958", "US", "+442079460958"),
        ("00 49 30 1234567", "FR", "+49301234567"),
        ("06 12 34 56 78", "FR", "+33612345678"),
        ("02 1234 5678", "IT", "+390212345678"),
    ])
    func commonForms(text: String, region: String, e164: String) throws {
        let fast = try #require(PhoneFastPath.shared.normalize(text, region: region, withDetails: true))
        #expect(fast.e164 == e164)
        let library = try LibPhoneNumber.parse(text, defaultRegion: region, withDetails: true).get()
        #expect(fast == library)
    }

    /// Extensions in the forms exports hold: split off as libphonenumber splits them.
    @Test(arguments: [
        ("(650) 555-1234 ext. 359", "US", "359"), ("650.555.1234 x106", "US", "106"), ("(025) 56867 #482", "IE", "482"),
        ("+1 208-438-5028 Ext. 851", "US", "851"), ("020 7946 0958, ext: 12", "GB", "12"), ("06 12 34 56 78 extension 7", "FR", "7"),
        ("+7 301 855-80-97 x790", "RU", "790"), ("2019858185 ext. 359#", "US", "359"),
    ])
    func extensions(text: String, region: String, digits: String) throws {
        let fast = try #require(PhoneFastPath.shared.normalize(text, region: region, withDetails: true))
        #expect(fast.extension == digits)
        let library = try LibPhoneNumber.parse(text, defaultRegion: region, withDetails: true).get()
        #expect(fast == library)
    }

    @Test(arguments: [
        "1-800-FLOWERS", "650 555 1234 anexo 12", "650 555 1234 x1234567890", "650/555/1234 / x12", "650 555 1234 503#",
        "tel:+16505551234", "+1 650 +555", "12", "", "٠٦١٢٣٤٥٦٧٨",
    ])
    func declinesWhatItCannotDecide(text: String) {
        #expect(PhoneFastPath.shared.normalize(text, region: "US", withDetails: true) == nil)
    }
    /// Digits of other scripts (full-width, Arabic-Indic, Persian, Devanagari), as a caller id
    /// or a stored number may carry them: libphonenumber reads them as their ASCII digits, the
    /// fast path leaves them to it or gives the same answer, and so does the normalizer; the
    /// search box's reading of them (`FreeTextQuery.asciiForms`) parses to the same number.
    @Test(arguments: [
        ("６５０５５５１２３４", "US"), ("(６５０) ５５５-１２３４", "US"), ("+４４ ２０ ７９４６ ０９５８", "US"), ("٠٢٠ ٧٩٤٦ ٠٩٥٨", "GB"),
        ("+٩٧١ ٥٠ ١٢٣ ٤٥٦٧", "US"), ("۰۹۱۲ ۳۴۵ ۶۷۸۹", "IR"), ("६५० ५५५ १२३४", "US"), ("６５０ ５５５ 1234", "US"), ("+١٦٥٠٥٥٥١٢٣٤", "US"),
    ])
    func otherScriptsDigitsAgreeWithLibphonenumber(text: String, region: String) throws {
        let library = try LibPhoneNumber.parse(text, defaultRegion: region, withDetails: true).get()
        if let fast = PhoneFastPath.shared.normalize(text, region: region, withDetails: true) {
            #expect(fast == library, "\(text)")
        }
        #expect(try PhoneNormalizer(defaultRegion: region).normalize(text).get() == library, "\(text)")
        let ascii = FreeTextQuery.asciiForms(of: text)
        #expect(ascii.utf8.allSatisfy { $0 < 0x80 }, "\(text)")
        #expect(try PhoneNormalizer(defaultRegion: region).normalize(ascii).get() == library, "\(text)")
    }
}
