import Testing
@testable import ContactIndex

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

    /// The differential run checks every declined number that libphonenumber parses.
    @Test func differentialChecksDeclinedNumbers() {
        let outcome = PhoneFastPathDifferential().run(count: 5_000, seed: 11)
        for mismatch in outcome.mismatches.prefix(20) {
            Issue.record("\(mismatch.text) in \(mismatch.region): \(mismatch.fast) ≠ libphonenumber \(mismatch.library)")
        }
        #expect(outcome.mismatches.isEmpty)
        #expect(outcome.declinedChecked > 50)
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
