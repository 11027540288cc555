import Testing
@testable import ContactIndex

/// ISO 3166-1's official names, and its current style with the article or the form of state in
/// brackets ("Philippines (the)", "Korea (the Republic of)"), named no country: the row's
/// numbers were read in the default region and "names no known country" was reported. The
/// bracketed forms are read generically ("X (the)" as "X", "X (the Y)" as "Y X" and "X, Y").
@Suite struct ISOCountryNameTests {
    @Test(arguments: [
        ("United Kingdom of Great Britain and Northern Ireland", "GB"), ("United Kingdom of Great Britain and Northern Ireland (the)", "GB"),
        ("United States of America (the)", "US"), ("Russian Federation (the)", "RU"), ("Philippines (the)", "PH"),
        ("Bahamas (the)", "BS"), ("Netherlands (Kingdom of the)", "NL"), ("Netherlands (the)", "NL"),
        ("Bolivia (Plurinational State of)", "BO"), ("Iran (Islamic Republic of)", "IR"), ("Moldova (the Republic of)", "MD"),
        ("Tanzania, the United Republic of", "TZ"), ("Tanzania, United Republic of", "TZ"), ("Venezuela (Bolivarian Republic of)", "VE"),
        ("Micronesia (Federated States of)", "FM"), ("Congo (the)", "CG"), ("Gambia (the)", "GM"),
        ("Lao People's Democratic Republic (the)", "LA"), ("Syrian Arab Republic (the)", "SY"), ("Taiwan (Province of China)", "TW"),
    ])
    func isoOfficialAndBracketedNames(text: String, region: String) {
        #expect(CountryRegionResolver.shared.region(for: text) == region)
    }

    /// The pairs that one wrong step would swap.
    @Test(arguments: [
        ("Korea (the Republic of)", "KR"), ("Korea (the Democratic People's Republic of)", "KP"),
        ("Congo (the Democratic Republic of the)", "CD"), ("Congo (the)", "CG"),
        ("Virgin Islands (British)", "VG"), ("Virgin Islands (U.S.)", "VI"),
    ])
    func ambiguousPairsReadApart(text: String, region: String) {
        #expect(CountryRegionResolver.shared.region(for: text) == region)
    }

    @Test func aBracketedNameSetsTheRowsRegion() throws {
        let csv = "id,first_name,phone,country\n1,Ann,020 7946 0958,United Kingdom of Great Britain and Northern Ireland (the)\n2,Bob,(02) 8888 1234,Philippines (the)\n"
        let (directory, report) = try ContactCSVLoader(.init(configuration: .init(defaultRegion: "US"))).load(bytes: Array(csv.utf8))
        #expect(directory.contact(id: "1")?.region == "GB")
        #expect(directory.contact(id: "1")?.phones.first?.normalized?.e164 == "+442079460958")
        #expect(directory.contact(id: "2")?.region == "PH")
        #expect(!report.problems.contains { $0.description.contains("names no known country") })
    }

    /// A name that is no country stays unknown, brackets or not.
    @Test(arguments: ["Narnia (the)", "(the)", "Atlantis (Republic of)", "Korea (the"])
    func bracketsDoNotMakeACountry(text: String) {
        #expect(CountryRegionResolver.shared.region(for: text) == nil)
    }
}
