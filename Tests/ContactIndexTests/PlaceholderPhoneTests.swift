import Testing
@testable import ContactIndex

/// Numbers with no digit but zeros after their country code ("000-000-0000"), which CRMs hold
/// as placeholders, and caller ids longer than any number: neither is an identity.
///
/// libphonenumber (and Python `phonenumbers` 8.12.57, the oracle) parses a placeholder to a
/// national number of 0, and writes it "in E.164" as the raw input. Indexed under that, every
/// placeholder of every country and every over-long caller id shared the key 0, and
/// `+4420794600180000000` popped a contact stored as `000-000-0000` at score 1.
@Suite struct PlaceholderPhoneTests {
    /// Placeholders and the region they are read in.
    static let placeholders: [(String, String)] = [
        ("000-000-0000", "US"), ("(000) 000-0000", "US"), ("0000000000", "US"), ("00000", "US"),
        ("+44 0000", "US"), ("00000", "GB"), ("0000", "DE"),
    ]

    @Test(arguments: placeholders)
    func aPlaceholderIsNoNumber(text: String, region: String) {
        let result = PhoneNormalizer(defaultRegion: region).normalize(text)
        #expect(result == .failure(.noSignificantDigits))
        #expect(PhoneNormalizer(defaultRegion: region).normalizeQuery(text) == .failure(.noSignificantDigits))
    }

    /// A directory of placeholders (one per region), a London number and a stored over-long one.
    static func directory() -> ContactDirectory {
        var contacts = placeholders.enumerated().map { index, placeholder in
            Contact(id: "Z\(index)", firstName: "Zero", lastName: "Number\(index)", phones: [ContactPhone(placeholder.0)], region: placeholder.1)
        }
        contacts.append(Contact(id: "GB", firstName: "Grace", lastName: "Bell", phones: [ContactPhone("+44 20 7946 0018")]))
        contacts.append(Contact(id: "LONG", firstName: "Long", lastName: "Number", phones: [ContactPhone("+44 2079 4600 1811 11111")]))
        return ContactDirectory(contacts, configuration: DirectoryConfiguration(defaultRegion: "US"))
    }

    @Test func placeholdersAreKeptRawAndReported() throws {
        let directory = Self.directory()
        for index in Self.placeholders.indices {
            let contact = try #require(directory.contact(id: "Z\(index)"))
            #expect(contact.phones.first?.normalized == nil)
            #expect(contact.phones.first?.problem == .noSignificantDigits)
            let reported = directory.problems.contains { $0.contactID == "Z\(index)" && $0.kind == .unparseablePhone(.noSignificantDigits) }
            #expect(reported, "Z\(index)")
        }
    }

    /// Over-long caller ids, garbage ones and placeholders find neither the placeholders nor the
    /// number they start with.
    @Test(arguments: [
        "+4420794600180000000", "+4411111111111111111", "+35311111111111111", "+971111111111111111",
        "+88011111111111111111", "00000", "000-000-0000", "+44 0000", "+440000",
    ])
    func aCallerIDWithoutALineMatchesNothing(callerID: String) {
        let directory = Self.directory()
        #expect(directory.lookup(phone: callerID).isEmpty)
        #expect(directory.search(callerID).allSatisfy { $0.reason != .exactE164 && $0.reason != .phoneExtensionDiffers })
    }

    /// An over-long number still has a key of its own: the same digits find it, others do not.
    @Test func anOverlongNumberHasAKeyOfItsOwn() throws {
        let directory = Self.directory()
        #expect(directory.lookup(phone: "+4420794600180000000").map(\.contact.id) == [])
        #expect(directory.lookup(phone: "+4420794600181111111").map(\.contact.id) == ["LONG"])
        #expect(directory.lookup(phone: "+442079460018").map(\.contact.id) == ["GB"])
        let keys = ["+4420794600180000000", "+4411111111111111111", "+35311111111111111"].map {
            PhoneNormalizer(defaultRegion: "US").normalizeQuery($0).map(\.e164Key)
        }
        #expect(Set(keys.compactMap { try? $0.get() }).count == 3)
        #expect(!keys.contains(.success(0)))
    }
}
