import Testing
@testable import ContactIndex

/// A national number written with its country's trunk prefix ("07911 123457") in a row read
/// under another region (US): libphonenumber keeps the prefix as a leading zero of the national
/// number there (`07911123457`, as Python `phonenumbers` 8.12.57 does), so comparing national
/// numbers missed the caller +447911123457, while "7911 123456" was hinted for +447911123456.
@Suite struct TrunkPrefixHintTests {
    /// Stored under US, the caller, and what the stored number reads as there.
    static let cases: [(String, String, String)] = [
        ("07911 123457", "+447911123457", "+107911123457"),
        ("030 1234568", "+49301234568", "+10301234568"),
        ("01 42 68 53 00", "+33142685300", "+10142685300"),
        ("7911 123456", "+447911123456", "+17911123456"),
    ]

    @Test(arguments: cases)
    func aNumberWrittenWithItsTrunkPrefixIsAHint(stored: String, caller: String, storedE164: String) throws {
        let directory = ContactDirectory(
            [Contact(id: "H1", firstName: "Hint", lastName: "Abroad", phones: [ContactPhone(stored)])],
            configuration: DirectoryConfiguration(defaultRegion: "US"))
        #expect(directory.contact(id: "H1")?.phones.first?.normalized?.e164 == storedE164)
        let matches = directory.lookup(phone: caller)
        #expect(matches.map(\.contact.id) == ["H1"])
        #expect(matches.first?.reason == .sameNationalNumber)
    }

    /// Only the caller's own country's prefix counts: Italy has none, and "0" before another
    /// number is no hint for it.
    @Test func anotherPrefixOrAnotherNumberIsNoHint() {
        let directory = ContactDirectory(
            [
                Contact(id: "X1", firstName: "Eight", lastName: "Prefix", phones: [ContactPhone("87911 123457")]),
                Contact(id: "X2", firstName: "Other", lastName: "Number", phones: [ContactPhone("07911 123458")]),
            ],
            configuration: DirectoryConfiguration(defaultRegion: "US"))
        #expect(directory.lookup(phone: "+447911123457").isEmpty)
        #expect(directory.lookup(phone: "+397911123457").isEmpty)
    }

    /// The trunk prefixes come from libphonenumber's metadata.
    @Test func trunkPrefixesAreTheMetadatas() {
        let fastPath = PhoneFastPath.shared
        #expect(fastPath.nationalPrefix(countryCode: 44) == "0")
        #expect(fastPath.nationalPrefix(countryCode: 7) == "8")
        #expect(fastPath.nationalPrefix(countryCode: 36) == "06")
        #expect(fastPath.nationalPrefix(countryCode: 39) == nil)
        #expect(PhoneKey.prefixing("0", to: PhoneKey.digitsKeepingZeros("7911123457".utf8)!) == PhoneKey.digitsKeepingZeros("07911123457".utf8))
        #expect(PhoneKey.prefixing("06", to: PhoneKey.digitsKeepingZeros("012".utf8)!) == PhoneKey.digitsKeepingZeros("06012".utf8))
    }
}
