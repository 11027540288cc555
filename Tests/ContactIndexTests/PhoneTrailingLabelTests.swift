import Testing
@testable import ContactIndex

/// A label after a phone number in the same cell ("650 555 5555 (mobile)") is not read as
/// vanity digits; vanity numbers and extensions still parse.
@Suite struct PhoneTrailingLabelTests {
    let normalizer = PhoneNormalizer(defaultRegion: "US")

    @Test(arguments: [
        ("650 555 5555 (mobile)", "+16505555555"),
        ("650 555 5555(Mobile)", "+16505555555"),
        ("+1 650 555 5555 [work] ", "+16505555555"),
        ("+44 20 7946 0958 (Büro Zentrale)", "+442079460958"),
        ("+81 90-1111-2222 (携帯)", "+819011112222"),
        ("(650) 555-5555 (home)", "+16505555555"),
        ("1-800-FLOWERS", "+18003569377"),
        ("(650) 555-1234", "+16505551234"),
    ])
    func trailingLabelIsNotPartOfTheNumber(text: String, e164: String) throws {
        #expect(try normalizer.normalize(text).get().e164 == e164)
        var usedFastPath = false
        #expect(try normalizer.normalize(text, region: nil, withDetails: true, usedFastPath: &usedFastPath).get().e164 == e164)
        var copy = text
        let outcome = copy.withUTF8 { normalizer.normalize(bytes: $0, region: "US", withDetails: true) }
        switch outcome {
        case .fast(let number): #expect(number.normalizedPhone.e164 == e164)
        case .library(let number): #expect(number.e164 == e164)
        case .failure(let failure): Issue.record("\(text): \(failure)")
        }
    }

    @Test(arguments: [("650 555 1234 x12", "12"), ("650 555 1234 ext. 123", "123")])
    func extensionsStayExtensions(text: String, extension: String) throws {
        let number = try normalizer.normalize(text).get()
        #expect(number.e164 == "+16505551234")
        #expect(number.extension == `extension`)
    }

    @Test(arguments: [
        ("650 555 5555 (mobile)", "mobile"),
        ("+1 650 555 5555 [ Work Cell ]", "Work Cell"),
        ("+81 90-1111-2222 (携帯)", "携帯"),
        ("650 555 5555", nil),
        ("650 555 1234 (ext 12)", nil),
        ("(mobile)", nil),
        ("1-800-FLOWERS", nil),
    ] as [(String, String?)])
    func labelIsLettersAndSpacesInBrackets(text: String, label: String?) {
        #expect(PhoneTrailingLabel.label(of: text) == label)
    }

    /// The CSV loader keeps the written label when the column gives none but its header.
    @Test func csvKeepsTheWrittenLabel() throws {
        let csv = "id,phone,Phone 1 - Type,Phone 1 - Value\n1,650 555 5555 (mobile),Work,650 555 1000 (desk)\n"
        let (directory, report) = try ContactCSVLoader().load(bytes: Array(csv.utf8))
        #expect(report.problems.isEmpty)
        let contact = try #require(directory.contact(id: "1"))
        #expect(contact.phones.map(\.raw) == ["650 555 5555 (mobile)", "650 555 1000 (desk)"])
        #expect(contact.phones.map { $0.normalized?.e164 } == ["+16505555555", "+16505551000"])
        #expect(contact.phones.map(\.label) == ["mobile", "Work"])
        #expect(directory.lookup(phone: "+16505555555").first?.contact.id == "1")
    }
}
