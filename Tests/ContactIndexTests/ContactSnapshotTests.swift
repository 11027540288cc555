#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
@testable import ContactIndex

/// A snapshot rebuilds the contact the directory held when it was taken.
@Suite struct ContactSnapshotTests {
    static let contact = Contact(
        id: "003-ä", firstName: "Jörg", lastName: "Bücher", displayName: "Dr. Jörg Bücher",
        phones: [ContactPhone("+49 30 1234567 ext. 12", label: "work"), ContactPhone("not a phone")],
        emails: [ContactEmail("Jörg@Bücher.de"), ContactEmail("broken@@example")], entity: "patient", company: "Bücher GmbH",
        region: "DE", attributes: ["Tier__c": "gold", "Owner": "x"], createdAt: Date(timeIntervalSince1970: 1_000),
        updatedAt: Date(timeIntervalSince1970: 2_000))

    @Test func aStoredSnapshotIsTheStoredContact() throws {
        var directory = ContactDirectory([Self.contact])
        let snapshot = try #require(directory.snapshot(id: "003-ä"))
        #expect(snapshot.id == "003-ä")
        #expect(snapshot.contact == directory.contact(id: "003-ä"))
        #expect(snapshot.contact.phones.first?.normalized?.extension == "12")
        #expect(snapshot.revision == directory.revision(id: "003-ä"))
        // Taken before a change, it keeps the contact as it was.
        var changed = Self.contact
        changed.lastName = "Buecher"
        directory.upsert(changed)
        #expect(snapshot.contact.lastName == "Bücher")
        #expect(directory.snapshot(id: "003-ä") != snapshot)
        #expect(directory.snapshot(id: "missing") == nil)
    }

    @Test func aSnapshotOfAnyContactRebuildsIt() {
        let snapshot = ContactSnapshot(Self.contact)
        #expect(snapshot.contact == Self.contact)
        #expect(snapshot.id == Self.contact.id)
        #expect(ContactSnapshot(Self.contact) == snapshot)
    }
}
