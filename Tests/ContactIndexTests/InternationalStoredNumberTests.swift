import Testing
@testable import ContactIndex

/// Stored numbers written internationally without a plus, in a row whose region dials another
/// international prefix: libphonenumber reads them as national numbers of that region, invalid
/// ("00 44 20 7946 0958" under US is +100442079460958 for Python `phonenumbers` 8.12.57 too),
/// and the caller's number found nothing. Their international reading is indexed when it is
/// valid, as a caller id is read (`PhoneQueryText`).
@Suite struct InternationalStoredNumberTests {
    /// Stored text, the row's region, and the number it is indexed as (valid per the oracle).
    static let readings: [(String, String, String)] = [
        ("00 44 20 7946 0958", "US", "+442079460958"),
        ("0044 7911 123456 (mobile)", "US", "+447911123456"),
        ("00 49 30 1234567", "US", "+49301234567"),
        ("447911123456", "US", "+447911123456"),
        ("011 1 650 555 1235", "DE", "+16505551235"),
    ]

    @Test(arguments: readings)
    func aValidInternationalReadingIsIndexed(text: String, region: String, e164: String) throws {
        let directory = ContactDirectory(
            [Contact(id: "C1", firstName: "Ann", lastName: "Abroad", phones: [ContactPhone(text)], region: region)])
        let stored = try #require(directory.contact(id: "C1")?.phones.first?.normalized)
        #expect(stored.e164 == e164)
        #expect(stored.details?.isValid == true)
        #expect(directory.problems.isEmpty)
        let matches = directory.lookup(phone: e164)
        #expect(matches.map(\.contact.id) == ["C1"])
        #expect(matches.first?.reason == .exactE164)
    }

    /// With an extension after it, the number is read the same way and keeps its extension: a
    /// call from the extension pops its contact, one from the main number finds it too.
    @Test(arguments: [
        ("0044 20 7946 0958 ext. 12", "US", "+442079460958", "12"),
        ("00 44 20 7946 0958 x 7", "US", "+442079460958", "7"),
        ("011 1 650 555 1235 #4401", "DE", "+16505551235", "4401"),
        ("447911123456 Ext 3", "US", "+447911123456", "3"),
    ])
    func anExtensionStaysWithTheInternationalReading(text: String, region: String, e164: String, digits: String) throws {
        let directory = ContactDirectory(
            [Contact(id: "C1", firstName: "Ann", lastName: "Abroad", phones: [ContactPhone(text)], region: region)])
        let stored = try #require(directory.contact(id: "C1")?.phones.first?.normalized)
        #expect(stored.e164 == e164)
        #expect(stored.extension == digits)
        #expect(stored.details?.isValid == true)
        #expect(directory.problems.isEmpty)
        #expect(directory.lookup(phone: "\(e164);ext=\(digits)").first?.contact.id == "C1")
        #expect(directory.lookup(phone: e164).map(\.contact.id) == ["C1"])
    }

    @Test func theExtensionSplit() {
        #expect(PhoneQueryText.splittingExtension("0044 20 7946 0958 ext. 12").map { "\($0.number)|\($0.digits)" } == "0044 20 7946 0958 |12")
        #expect(PhoneQueryText.splittingExtension("0044 20 7946 0958 EXTENSION: 12").map { "\($0.number)|\($0.digits)" } == "0044 20 7946 0958 |12")
        #expect(PhoneQueryText.splittingExtension("0044 20 7946 0958") == nil)
        #expect(PhoneQueryText.splittingExtension("0044 20 7946 0958 x") == nil)
        #expect(PhoneQueryText.splittingExtension("call 0044 20 7946 0958 x 12") == nil)
        #expect(PhoneQueryText.splittingExtension("0044 20 7946 0958 x 12345678") == nil)
    }

    /// An invalid national number whose international reading is no better stays as
    /// libphonenumber read it, flagged; a valid national number is never read otherwise.
    @Test(arguments: [("123 456 7890", "+11234567890", false), ("650 253 0000", "+16502530000", true)])
    func otherNumbersKeepTheirNationalReading(text: String, e164: String, valid: Bool) throws {
        let directory = ContactDirectory([Contact(id: "C1", firstName: "Ann", lastName: "Home", phones: [ContactPhone(text)])])
        let stored = try #require(directory.contact(id: "C1")?.phones.first?.normalized)
        #expect(stored.e164 == e164)
        #expect(directory.problems.contains { $0.kind == .invalidPhone } == !valid)
    }

    /// Without details (`phoneDetails: false`) validity is unknown: nothing is reread.
    @Test func withoutDetailsTheNationalReadingStays() throws {
        let directory = ContactDirectory(
            [Contact(id: "C1", firstName: "Ann", lastName: "Abroad", phones: [ContactPhone("00 44 20 7946 0958")])],
            configuration: DirectoryConfiguration(defaultRegion: "US", phoneDetails: false))
        #expect(directory.contact(id: "C1")?.phones.first?.normalized?.e164 == "+100442079460958")
    }

    /// A CSV row loads the same way.
    @Test func aCSVRowIsReadInternationally() throws {
        let csv = "id,first_name,last_name,phone\nw3,Idd,Zero,00 44 20 7946 0958\nw2,No,Plus,447911123456\n"
        let (directory, report) = try ContactCSVLoader(.init(configuration: .init(defaultRegion: "US"))).load(bytes: Array(csv.utf8))
        #expect(report.problems.isEmpty)
        #expect(directory.lookup(phone: "+442079460958").map(\.contact.id) == ["w3"])
        #expect(directory.lookup(phone: "+447911123456").map(\.contact.id) == ["w2"])
    }
}
