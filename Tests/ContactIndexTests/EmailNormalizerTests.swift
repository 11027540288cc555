import Testing
@testable import ContactIndex

@Suite struct EmailNormalizerTests {
    let normalizer = EmailNormalizer()

    @Test(arguments: [
        ("john.smith@example.com", "john.smith@example.com"),
        ("  John.Smith@Example.COM ", "john.smith@example.com"),
        ("mailto:john@example.com", "john@example.com"),
        ("MAILTO:john@example.com?subject=Hi", "john@example.com"),
        ("John Smith <John@Example.com>", "john@example.com"),
        ("\"Smith, John\" <john@example.com>", "john@example.com"),
        ("hans@müller.de", "hans@xn--mller-kva.de"),
        ("Hans@MÜLLER.DE", "hans@xn--mller-kva.de"),
        ("hans@xn--mller-kva.de", "hans@xn--mller-kva.de"),
        ("hans@XN--MLLER-KVA.DE", "hans@xn--mller-kva.de"),
        ("user@bücher.example", "user@xn--bcher-kva.example"),
        ("иван@пример.рф", "иван@xn--e1afmkfd.xn--p1ai"),
        ("a+tag@example.com", "a+tag@example.com"),
        ("trailing@example.com.", "trailing@example.com"),
    ])
    func normalizes(_ input: String, _ expected: String) throws {
        #expect(try normalizer.normalize(input).get().address == expected)
    }

    @Test func punycodeAndUnicodeDomainsAreTheSameAddress() throws {
        let unicode = try normalizer.normalize("Hans@Müller.de").get()
        let ascii = try normalizer.normalize("hans@xn--mller-kva.de").get()
        #expect(unicode.address == ascii.address)
        #expect(unicode.unicodeDomain == "müller.de")
        #expect(ascii.unicodeDomain == "müller.de")
        #expect(ascii.displayAddress == "hans@müller.de")
    }

    @Test(arguments: [
        ("", EmailNormalizationError.empty),
        ("   ", .empty),
        ("john.example.com", .missingAt),
        ("a@b@example.com", .multipleAt),
        ("@example.com", .emptyLocalPart),
        ("john@", .emptyDomain),
        ("john smith@example.com", .invalidLocalPartCharacter(" ")),
        ("john,smith@example.com", .invalidLocalPartCharacter(",")),
        (".john@example.com", .misplacedDot),
        ("john..smith@example.com", .misplacedDot),
        ("john@localhost", .domainWithoutDot),
        (String(repeating: "a", count: 65) + "@example.com", .localPartTooLong),
        ("x@" + String(repeating: "a", count: 260) + ".com", .addressTooLong),
    ])
    func rejectsWithReason(_ input: String, _ expected: EmailNormalizationError) {
        #expect(normalizer.normalize(input) == .failure(expected))
    }

    @Test(arguments: ["john@exa_mple.com", "john@-example.com", "john@example..com", "john@xn--zz.com"])
    func rejectsInvalidDomains(_ input: String) {
        guard case .failure(.invalidDomain) = normalizer.normalize(input) else {
            Issue.record("expected invalidDomain for \(input), got \(normalizer.normalize(input))")
            return
        }
    }

    @Test func providerCanonicalization() throws {
        let gmail = try normalizer.normalize("John.Smith+crm@GoogleMail.com").get()
        #expect(gmail.address == "john.smith+crm@googlemail.com")
        #expect(gmail.canonicalAddress == "johnsmith@gmail.com")
        let tagged = try normalizer.normalize("ann+news@example.org").get()
        #expect(tagged.canonicalAddress == "ann@example.org")
        let plain = try normalizer.normalize("ann@example.org").get()
        #expect(plain.canonicalAddress == nil)
        #expect(plain.canonicalKey == "ann@example.org")
        let off = try EmailNormalizer(options: .init(canonicalizeProviders: false)).normalize("John.Smith+crm@gmail.com").get()
        #expect(off.canonicalAddress == nil)
    }

    @Test func explanationsNameTheProblem() {
        #expect(EmailNormalizationError.missingAt.explanation.contains("@"))
        #expect(EmailNormalizationError.invalidLocalPartCharacter(" ").explanation.contains("\" \""))
    }
}
