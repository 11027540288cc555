import Testing
@testable import ContactIndex

/// Caller ids as trunks and softphones send them: a SIP URI is looked up by its user part, and
/// E.164 digits without their plus, or after another region's international prefix, find the
/// contact when no national number does.
@Suite struct PhoneQueryTextTests {
    static let directory = ContactDirectory(
        [
            Contact(id: "uk", firstName: "Ronald", lastName: "McDonald", phones: [ContactPhone("+44 20 7946 0018")]),
            Contact(id: "us", firstName: "Mary", lastName: "Kate", phones: [ContactPhone("(212) 555-0101")]),
        ],
        configuration: DirectoryConfiguration(defaultRegion: "US"))

    @Test(arguments: [
        ("sip:+442079460018@pbx.example.com", "uk"),
        ("SIPS:442079460018@pbx.example.com;user=phone", "uk"),
        ("sip:2125550101@trunk.example.net", "us"),
        ("tel:+44-20-7946-0018", "uk"),
        ("442079460018", "uk"),
        ("44 20 7946 0018", "uk"),
        ("2125550101", "us"),
        ("12125550101", "us"),
        // Another region's international prefix: 00 under the US default (whose own is 011).
        ("0044 20 7946 0018", "uk"),
        ("00442079460018", "uk"),
        ("00 1 212 555 0101", "us"),
        ("011 44 20 7946 0018", "uk"),
    ])
    func callerIDsFindTheirContact(text: String, id: String) {
        #expect(Self.directory.lookup(phone: text).map(\.contact.id) == [id], "\(text)")
        #expect(Self.directory.lookupSummaries(phone: text).map(\.id) == [id], "\(text)")
    }

    /// No guess past the digits: a number no contact has, a SIP URI without a number, a local
    /// number too short to carry a calling code, and digits led by a trunk or international
    /// prefix stay unmatched.
    @Test(arguments: [
        "442079460019", "sip:alice@example.com", "sip:", "7946001", "02079460018", "not a number", "0044 20 7946 0019", "000442079460018",
        "0044 1234",
    ])
    func otherTextFindsNothing(text: String) {
        #expect(Self.directory.lookup(phone: text).isEmpty, "\(text)")
    }

    @Test func theSIPUserPartAndThePlusReading() {
        #expect(PhoneQueryText.sipUserPart(of: " sip:+15551234567@host;transport=tcp ") == "+15551234567")
        #expect(PhoneQueryText.sipUserPart(of: "+15551234567") == nil)
        #expect(PhoneQueryText.withPlusAdded("44 (20) 7946-0018") == "+442079460018")
        #expect(PhoneQueryText.withPlusAdded("+442079460018") == nil)
        #expect(PhoneQueryText.withPlusAdded("0044 20 7946 0018") == nil)
        #expect(PhoneQueryText.withPlusAdded("1234567") == nil)
        #expect(PhoneQueryText.withPlusAdded("1234567890123456") == nil)
        #expect(PhoneQueryText.withInternationalPrefixReplaced("0044 (20) 7946-0018") == "+442079460018")
        #expect(PhoneQueryText.withInternationalPrefixReplaced("011 44 20 7946 0018") == "+442079460018")
        #expect(PhoneQueryText.withInternationalPrefixReplaced("000442079460018") == nil)
        #expect(PhoneQueryText.withInternationalPrefixReplaced("0044 1234") == nil)
        #expect(PhoneQueryText.withInternationalPrefixReplaced("442079460018") == nil)
        #expect(PhoneQueryText.withInternationalPrefixReplaced("00x442079460018") == nil)
    }

    /// Under a region whose international prefix is 00, a caller id dialled from North America
    /// ("011 …") finds its contact too, and the region's own prefix still reads as libphonenumber
    /// reads it.
    @Test func aNorthAmericanPrefixUnderAnotherRegion() {
        let british = ContactDirectory(
            [
                Contact(id: "us", firstName: "Mary", lastName: "Kate", phones: [ContactPhone("+1 212 555 0101")]),
                Contact(id: "uk", firstName: "Ronald", lastName: "McDonald", phones: [ContactPhone("020 7946 0018")]),
            ],
            configuration: DirectoryConfiguration(defaultRegion: "GB"))
        #expect(british.lookup(phone: "011 1 212 555 0101").map(\.contact.id) == ["us"])
        #expect(british.lookup(phone: "001 212 555 0101").map(\.contact.id) == ["us"])
        #expect(british.lookup(phone: "020 7946 0018").map(\.contact.id) == ["uk"])
        #expect(british.lookup(phone: "011 1 212 555 0102").isEmpty)
    }
}

/// Free text holding a number as it is dialled in another country than the directory's default
/// region: its leading zeros (a trunk or international prefix) are no digits of the stored E.164
/// number, and once nothing matches with them, the digits after them are searched.
@Suite struct ForeignNationalNumberSearchTests {
    static let directory = ContactDirectory(
        [
            Contact(id: "uk", firstName: "Ronald", lastName: "McDonald", phones: [ContactPhone("+44 20 7946 0018")]),
            Contact(id: "fr", firstName: "Jean", lastName: "Dupont", phones: [ContactPhone("+33 6 12 34 56 78")]),
            Contact(id: "it", firstName: "Lucia", lastName: "Rossi", phones: [ContactPhone("+39 06 6982 1234")]),
        ],
        configuration: DirectoryConfiguration(defaultRegion: "US"))

    @Test(arguments: [
        ("020 7946 0018", "uk"),
        ("06 12 34 56 78", "fr"),
        // Italian numbers keep their 0 in E.164: found with it, before any is dropped.
        ("06 6982 1234", "it"),
    ])
    func foundByTheDigitsAfterItsZeros(text: String, id: String) {
        let matches = Self.directory.search(text)
        #expect(matches.map(\.contact.id) == [id], "\(text)")
        #expect(matches.first?.reason == .phoneFragment)
    }

    /// With an international prefix, the whole number is read (`PhoneQueryText`): an exact
    /// match rather than a fragment.
    @Test func aNumberAfterAnInternationalPrefixIsTheWholeNumber() {
        let matches = Self.directory.search("0044 20 7946 0018")
        #expect(matches.map(\.contact.id) == ["uk"])
        #expect(matches.first?.reason == .exactE164)
    }

    @Test func nothingIsFoundWhereNoDigitsMatch() {
        #expect(Self.directory.search("020 7946 0019").isEmpty)
        #expect(Self.directory.search("0000").isEmpty)
        #expect(PhoneQueryText.withoutLeadingZeros(Array("000123".utf8)) == nil)
        #expect(PhoneQueryText.withoutLeadingZeros(Array("0012345".utf8)) == Array("12345".utf8))
    }
}
