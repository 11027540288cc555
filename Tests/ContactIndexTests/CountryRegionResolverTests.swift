import Testing
@testable import ContactIndex

/// The country column's names: ISO codes, CLDR's names in several languages (through ICU), the
/// ISO 3166-1 short names and the CRM spellings of `CountryRegionResolver.aliases`.
@Suite struct CountryRegionResolverTests {
    let resolver = CountryRegionResolver.shared

    @Test(arguments: [
        ("Russian Federation", "RU"), ("Korea, Republic of", "KR"), ("Korea, Democratic People's Republic of", "KP"),
        ("United States of America", "US"), ("Viet Nam", "VN"), ("Iran, Islamic Republic of", "IR"), ("UK", "GB"), ("USA", "US"),
        ("U.S.A.", "US"), ("Bolivia, Plurinational State of", "BO"), ("Tanzania, United Republic of", "TZ"),
        ("Venezuela, Bolivarian Republic of", "VE"), ("Moldova, Republic of", "MD"), ("Taiwan, Province of China", "TW"),
        ("Congo, The Democratic Republic of the", "CD"), ("Syrian Arab Republic", "SY"), ("Lao People's Democratic Republic", "LA"),
        ("Virgin Islands, British", "VG"), ("Virgin Islands, U.S.", "VI"), ("Micronesia, Federated States of", "FM"),
        ("Palestine, State of", "PS"), ("Falkland Islands (Malvinas)", "FK"), ("Czech Republic", "CZ"), ("Turkey", "TR"),
    ])
    func isoShortNamesAndCRMSpellings(text: String, region: String) {
        #expect(resolver.region(for: text) == region)
    }

    /// ISO writes "and" and "Saint" where CLDR writes "&" and "St.": both read the same.
    @Test(arguments: [
        ("Antigua and Barbuda", "AG"), ("Antigua & Barbuda", "AG"), ("Bosnia and Herzegovina", "BA"), ("Trinidad and Tobago", "TT"),
        ("Saint Kitts and Nevis", "KN"), ("St Kitts & Nevis", "KN"), ("Saint Lucia", "LC"), ("St. Lucia", "LC"),
        ("Saint Vincent and the Grenadines", "VC"), ("Saint Pierre and Miquelon", "PM"), ("Sao Tome and Principe", "ST"),
        ("Turks and Caicos Islands", "TC"), ("Wallis and Futuna", "WF"), ("The Netherlands", "NL"), ("the Bahamas", "BS"),
    ])
    func andSaintAndTheReadTheSame(text: String, region: String) {
        #expect(resolver.region(for: text) == region)
    }

    /// What ICU gives needs no alias: codes, and names in several languages, any case or accents.
    @Test(arguments: [
        ("de", "DE"), ("DEU", "DE"), ("Germany", "DE"), ("Allemagne", "DE"), ("ALEMANIA", "DE"), ("Duitsland", "DE"),
        ("Côte d’Ivoire", "CI"), ("cote d'ivoire", "CI"), ("México", "MX"), ("Mexico", "MX"), ("  Japan ", "JP"), ("Vietnam", "VN"),
        ("South Korea", "KR"), ("Russia", "RU"), ("États-Unis", "US"),
    ])
    func icuNames(text: String, region: String) {
        #expect(resolver.region(for: text) == region)
    }

    @Test(arguments: ["", "   ", "Narnia", "Korea", "Congo Kinshasa Brazzaville", "The", "XX", "12"])
    func unknownOrAmbiguousNamesGiveNil(text: String) {
        #expect(resolver.region(for: text) == nil)
    }

    /// Every alias resolves to its own region: none is shadowed by an ICU name of another region.
    @Test func everyAliasResolvesToItsRegion() {
        for (name, region) in CountryRegionResolver.aliases where LibPhoneNumber.isSupported(region: region) {
            #expect(resolver.region(for: name) == region, "\(name)")
        }
    }

    @Test func keysFoldCasePunctuationAndWords() {
        #expect(CountryRegionResolver.key("St. Kitts & Nevis") == "stkittsandnevis")
        #expect(CountryRegionResolver.key("Saint Kitts and Nevis") == "stkittsandnevis")
        #expect(CountryRegionResolver.key("The Gambia") == "gambia")
        #expect(CountryRegionResolver.key("Côte d’Ivoire") == "cotedivoire")
        #expect(CountryRegionResolver.key("Korea, Republic of") == "korearepublicof")
    }
}
