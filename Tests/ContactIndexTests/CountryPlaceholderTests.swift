import Testing
@testable import ContactIndex

/// A country cell that says there is no country ("N/A", "-", "unknown") was read blind to
/// punctuation: "N/A" became "NA", Namibia, and the row's national numbers got +264. Such a cell
/// now names no country: the default region reads the row's phones, and no problem is reported.
/// Only "NA" written plainly, or a name of Namibia, is Namibia.
@Suite struct CountryPlaceholderTests {
    @Test(arguments: ["N/A", "n/a", "N.A.", "n.a.", "n.a", "N / A", "-", "--", "none", "None", "unknown", "Unknown", "TBD", "tbd", "null", "?", "not applicable"])
    func aPlaceholderNamesNoCountry(text: String) throws {
        #expect(CountryRegionResolver.shared.region(for: text) == nil)
        let csv = "id,first_name,phone,country\n1,Ann,(212) 555-0111,\(text)\n"
        let (directory, report) = try ContactCSVLoader(.init(configuration: .init(defaultRegion: "US"))).load(bytes: Array(csv.utf8))
        let ann = try #require(directory.contact(id: "1"))
        #expect(ann.phones.first?.normalized?.e164 == "+12125550111")
        #expect(ann.region == nil)
        #expect(report.problems.isEmpty)
    }

    @Test(arguments: ["NA", "na", "Namibia", "NAM", " NA "])
    func namibiaWrittenPlainlyIsNamibia(text: String) {
        #expect(CountryRegionResolver.shared.region(for: text) == "NA")
    }

    /// Other punctuated codes still read blind to punctuation.
    @Test(arguments: [("U.K.", "GB"), ("U.S.", "US"), ("D.E.", "DE")])
    func otherPunctuatedCodesStillRead(text: String, region: String) {
        #expect(CountryRegionResolver.shared.region(for: text) == region)
    }
}
