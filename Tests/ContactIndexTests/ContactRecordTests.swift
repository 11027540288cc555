#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing

@testable import ContactIndex

/// The stored byte form of contacts: every field survives the round trip, and the reader sees
/// what the encoder wrote.
@Suite struct ContactRecordTests {
    static let preparer = ContactPreparer(configuration: .init(defaultRegion: "US"))

    static func roundTrip(_ contact: Contact) -> Contact {
        var bytes: [UInt8] = []
        ContactRecord.encode(contact, into: &bytes)
        return bytes.withUnsafeBytes { ContactRecord.decode($0) }
    }

    static let samples: [Contact] = [
        Contact(id: "0035g00000AbCdE"),
        Contact(id: "", firstName: "", lastName: nil, displayName: ""),
        Contact(
            id: "51000000037", firstName: "Hans", lastName: "Müller", displayName: "Dr. Hans Müller",
            phones: [ContactPhone("030 1234567", label: "work"), ContactPhone("+49 170 1234567 ext. 12"), ContactPhone("not a number")],
            emails: [ContactEmail("Hans.Müller+crm@Gmail.com"), ContactEmail("hans@müller.de", label: "home"), ContactEmail("broken@@x")],
            entity: "partner", company: "Müller & Söhne, GmbH", region: "DE",
            attributes: ["Title": "CEO", "Custom__c": "", "Ünïcödé": "välüe\u{0}nul"],
            createdAt: Date(timeIntervalSince1970: 1_700_000_000.25), updatedAt: Date(timeIntervalSince1970: -12.5)),
        Contact(id: "lead-1", firstName: "王", lastName: "小明", phones: [ContactPhone("+86 138 0013 8000")], entity: .lead),
        Contact(id: String(repeating: "x", count: 300), entity: .account, company: String(repeating: "é", count: 500)),
        Contact(id: "odd", phones: [ContactPhone("+1", normalized: NormalizedPhone(e164: "+1234", countryCode: 99, nationalNumber: "0034"))]),
    ]

    @Test(arguments: samples)
    func rawContactsSurviveTheRoundTrip(_ contact: Contact) {
        #expect(Self.roundTrip(contact) == contact)
    }

    @Test(arguments: samples)
    func preparedContactsSurviveTheRoundTrip(_ contact: Contact) {
        let prepared = Self.preparer.prepare(contact)
        #expect(Self.roundTrip(prepared.contact) == prepared.contact)
        guard prepared.rows.count == 1 else { return }
        #expect(prepared.rows.withRecord(0) { ContactRecord.decode(UnsafeRawBufferPointer($0)) } == prepared.contact)
    }

    @Test func theReaderSeesTheKeysOfEveryNormalizedPhoneAndEmail() throws {
        let prepared = Self.preparer.prepare(Self.samples[2])
        try prepared.rows.withRecord(0) { record in
            let bytes = UnsafeRawBufferPointer(record)
            var reader = ContactRecordReader(bytes)
            let header = reader.header()
            #expect(String(recordBytes: header.id) == "51000000037")
            #expect(header.lastName.map(String.init(recordBytes:)) == "Müller")
            #expect(reader.count() == 3)
            for phone in prepared.contact.phones {
                let stored = reader.phone()
                #expect(stored.e164Key == phone.normalized?.e164Key)
                #expect(stored.nationalKey == phone.normalized?.nationalKey)
                let digits = stored.withSearchDigits { Array($0) }
                #expect(digits == PhoneFragmentIndex.searchDigits(of: phone))
            }
            #expect(reader.count() == 3)
            for email in prepared.contact.emails {
                let stored = reader.email()
                guard let address = email.normalized?.address else {
                    #expect(!stored.isNormalized)
                    continue
                }
                var text = address
                try text.withUTF8 { utf8 in
                    let query = UnsafeRawBufferPointer(utf8)
                    #expect(stored.addressEquals(query))
                    #expect(stored.addressStarts(with: UnsafeRawBufferPointer(rebasing: query.prefix(3))))
                    let joined = try #require(stored.withAddress { Array($0) })
                    #expect(joined == Array(address.utf8))
                }
            }
        }
    }

    /// The byte-level name writer agrees with the `String` versions it replaces on the bulk path.
    @Test func nameIndexDataMatchesTheStringVersions() {
        let names = NameNormalizer.shared
        let contacts = Self.samples + [
            Contact(id: "a", firstName: "Mary Ann", lastName: "Smith-Jones", displayName: "Smith, Mary Ann"),
            Contact(id: "b", firstName: "Seán", lastName: "O'Brien", company: "O'Brien & Søn"),
            Contact(id: "c", firstName: "Иван", lastName: "Иванов"),
            Contact(id: "d", lastName: "van der Berg"),
            Contact(id: "e", displayName: "  --  "),
            Contact(id: "f", firstName: "Wei", lastName: "Gong", company: "上海华信有限公司"),
            Contact(id: "g", company: "ООО Ромашка"),
            Contact(id: "h", company: "Grupo Bimbo, S.A.B. de C.V."),
            Contact(id: "i", company: "Ltd"),
            Contact(id: "j", firstName: "Émile José", lastName: "Müller–Lüdenscheidt", company: "Société Générale SA"),
            Contact(id: "k", firstName: "Jose María", lastName: "D’Angelo", displayName: "Straße Ærø"),
        ]
        for contact in contacts where !contact.id.isEmpty {
            let prepared = Self.preparer.prepare(contact)
            var tokens: [NameToken] = []
            prepared.rows.forEachToken(0) { bytes, role, script, written in
                tokens.append(NameToken(text: String(utf8Bytes: bytes), role: role, romanized: script.isRomanized, written: written))
            }
            #expect(tokens == ContactNameTokens.of(prepared.contact, names: names), "\(contact.id)")
            var expectedKeys: [[UInt8]] = []
            for key in (NameVariants.of(prepared.contact) + NameVariants.transcribed(prepared.contact)).map({ names.collationKey($0) }) where key.count > 1 && !expectedKeys.contains(key) {
                expectedKeys.append(key)
            }
            expectedKeys += LatinNameKey.keys(of: prepared.contact, names: names)
            #expect(prepared.rows.nameKeys(0).map { Array($0) } == expectedKeys, "\(contact.id)")
        }
    }

    @Test func generatedDirectoryRoundTrips() {
        var random = SplitMix(seed: 42)
        for index in 0..<2_000 {
            let contact = Contact(
                id: "id\(index)\(random.next() % 1000)",
                firstName: random.next() % 5 == 0 ? nil : "First\(random.next() % 97)",
                lastName: ["Østergaard", "Иванов", "O'Brien", "de la Cruz", ""][Int(random.next() % 5)],
                phones: (0..<Int(random.next() % 4)).map { _ in ContactPhone("+1 650 555 \(1000 + random.next() % 9000)") },
                emails: (0..<Int(random.next() % 3)).map { position in ContactEmail("p\(index).\(position)@example.com") },
                attributes: random.next() % 2 == 0 ? ["k\(index)": "v"] : [:])
            let prepared = Self.preparer.prepare(contact)
            #expect(prepared.rows.withRecord(0) { ContactRecord.decode(UnsafeRawBufferPointer($0)) } == prepared.contact)
        }
    }
}
