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

    @Test(arguments: ["1-800-FLOWERS", "650 555 1234 ext. 12", "tel:+16505551234", "+1 650 +555", "12", "", "٠٦١٢٣٤٥٦٧٨"])
    func declinesWhatItCannotDecide(text: String) {
        #expect(PhoneFastPath.shared.normalize(text, region: "US", withDetails: true) == nil)
    }
}
