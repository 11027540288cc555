import Testing

@testable import ContactIndex

/// Writes made while an import reads its export survive the import: a replacement carries them
/// over, a merge leaves their records alone, and a merge changes only the file's fields.
@Suite struct WriteMarkTests {
    static func directory(_ contacts: [Contact]) -> ContactDirectory {
        ContactDirectory(contacts, configuration: .init(defaultRegion: "US"))
    }

    static let ann = Contact(
        id: "A1", firstName: "Ann", lastName: "Lee",
        phones: [ContactPhone("650 555 0101", label: "work"), ContactPhone("650 555 0102", label: "mobile")],
        emails: [ContactEmail("ann@example.com")], company: "Acme", attributes: ["tier": "gold"])
    static let bob = Contact(id: "B1", firstName: "Bob", lastName: "Ray", phones: [ContactPhone("650 555 0201")])

    @Test func aReplacementCarriesTheWritesMadeSinceTheMark() {
        let live = LiveDirectory(Self.directory([Self.ann, Self.bob]))
        live.upsert(Contact(id: "BEFORE", firstName: "Early", lastName: "Write"))
        let mark = live.markWrites()
        // While the export is read: Ann renamed, Bob deleted, a new record added.
        live.upsert(Contact(id: "A1", firstName: "Anna", lastName: "Lee", phones: [ContactPhone("650 555 0101")]))
        live.remove(id: "B1")
        live.upsert(Contact(id: "N1", firstName: "Nina", lastName: "Park"))
        // The export caught Ann and Bob as they were, and has a record of its own.
        let export = Self.directory([Self.ann, Self.bob, Contact(id: "F1", firstName: "Fay", lastName: "Ono")])
        let carried = live.replace(with: export, keepingWritesSince: mark)
        #expect(carried == 3)
        live.withDirectory { directory in
            #expect(directory.contact(id: "A1")?.firstName == "Anna")
            #expect(directory.contact(id: "B1") == nil)
            #expect(directory.contact(id: "N1")?.firstName == "Nina")
            #expect(directory.contact(id: "F1")?.firstName == "Fay")
            // A write before the mark is not carried: the export is the directory from then on.
            #expect(directory.contact(id: "BEFORE") == nil)
            #expect(directory.lookup(name: "Anna Lee").map(\.contact.id) == ["A1"])
            #expect(directory.lookup(name: "Ann Lee").isEmpty)
        }
        // Both copies hold the carried writes.
        #expect(live.waitForReplay())
        live.withBothCopies { active, standby, _ in
            #expect(active.contact(id: "A1")?.firstName == "Anna")
            #expect(standby.contact(id: "A1")?.firstName == "Anna")
            #expect(standby.contact(id: "B1") == nil)
        }
    }

    @Test func aReplacementWithoutAMarkCarriesNothing() {
        let live = LiveDirectory(Self.directory([Self.ann]))
        live.upsert(Contact(id: "N1", firstName: "Nina", lastName: "Park"))
        live.replace(with: Self.directory([Self.bob]))
        live.withDirectory { directory in
            #expect(directory.contact(id: "N1") == nil)
            #expect(directory.count == 1)
        }
    }

    @Test func aReleasedMarkStopsRecording() {
        let live = LiveDirectory(Self.directory([Self.ann]))
        var mark: WriteMark? = live.markWrites()
        let second = live.markWrites()
        #expect(live.writeMarksHeld == 2)
        live.upsert(Self.bob)
        mark = nil
        #expect(mark == nil)
        #expect(live.writeMarksHeld == 1)
        // The other mark still has the write.
        #expect(live.replace(with: Self.directory([]), keepingWritesSince: second) == 1)
        live.withDirectory { #expect($0.contact(id: "B1") != nil) }
    }

    @Test func aMergeChangesOnlyTheFieldsTheFileHas() {
        let live = LiveDirectory(Self.directory([Self.ann, Self.bob]))
        let mark = live.markWrites()
        // A file with columns id, mobile and "tier": Ann's row gives a new mobile, an empty tier.
        let row = Contact(id: "A1", phones: [ContactPhone("650 555 0999", label: "Mobile")], attributes: ["tier": ""])
        let newRow = Contact(id: "C1", phones: [ContactPhone("650 555 0301", label: "mobile")])
        let outcome = live.merge([row, newRow, Contact(id: "")], fields: [.phones, .attributes], keepingWritesSince: mark)
        #expect(outcome == MergeOutcome(added: 1, updated: 1, keptNewer: 0, skipped: 1))
        live.withDirectory { directory in
            let ann = directory.contact(id: "A1")
            #expect(ann?.firstName == "Ann")
            #expect(ann?.lastName == "Lee")
            #expect(ann?.company == "Acme")
            #expect(ann?.emails.map(\.raw) == ["ann@example.com"])
            #expect(ann?.attributes["tier"] == "gold", "an empty cell blanked a field")
            // The work number stays first, the mobile one is replaced where it stood.
            #expect(ann?.phones.map(\.raw) == ["650 555 0101", "650 555 0999"])
            #expect(directory.lookup(phone: "+16505550102").isEmpty)
            #expect(directory.lookup(phone: "+16505550999").map(\.contact.id) == ["A1"])
            #expect(directory.lookup(phone: "+16505550301").map(\.contact.id) == ["C1"])
            #expect(directory.lookup(name: "Ann Lee").map(\.contact.id) == ["A1"])
        }
    }

    @Test func aMergeLeavesRecordsWrittenSinceTheMarkAlone() {
        let live = LiveDirectory(Self.directory([Self.ann, Self.bob]))
        let mark = live.markWrites()
        live.upsert(Contact(id: "A1", firstName: "Anna", lastName: "Lee"))
        live.remove(id: "B1")
        let outcome = live.merge(
            [Contact(id: "A1", firstName: "Ann"), Contact(id: "B1", firstName: "Bob", lastName: "Ray")],
            fields: [.firstName, .lastName], keepingWritesSince: mark)
        #expect(outcome == MergeOutcome(added: 0, updated: 0, keptNewer: 2, skipped: 0))
        live.withDirectory { directory in
            #expect(directory.contact(id: "A1")?.firstName == "Anna")
            #expect(directory.contact(id: "B1") == nil)
        }
        // The merge's own writes are not in its mark's log: a replacement with the mark carries
        // only the two writes made by others.
        #expect(live.replace(with: Self.directory([]), keepingWritesSince: mark) == 2)
    }

    @Test func mergingFieldsByLabel() {
        let current = Contact(
            id: "X", firstName: "Ann",
            phones: [ContactPhone("1", label: "work"), ContactPhone("2", label: "Mobile"), ContactPhone("3", label: nil), ContactPhone("4", label: "mobile")],
            emails: [ContactEmail("a@x.com", label: "work")], entity: .lead, region: "GB")
        let update = Contact(
            id: "Y", firstName: "", lastName: "Lee",
            phones: [ContactPhone("5", label: "MOBILE"), ContactPhone("6", label: "home")], entity: .contact)
        let merged = current.merging(update, fields: [.firstName, .lastName, .phones, .emails, .region])
        #expect(merged.id == "X")
        #expect(merged.firstName == "Ann")
        #expect(merged.lastName == "Lee")
        #expect(merged.phones.map(\.raw) == ["1", "5", "3", "6"])
        #expect(merged.emails.map(\.raw) == ["a@x.com"])
        #expect(merged.entity == .lead, "entity is not among the fields")
        #expect(merged.region == "GB", "the update has no region")
        #expect(current.merging(update, fields: .all).entity == .contact)
        #expect(current.merging(update, fields: []) == current)
    }

    @Test func fieldsFromCSVColumns() {
        let fields = ContactFieldSet(columns: [.id, .firstName, .phone(label: nil), .phoneExtension(ofHeader: "Phone"), .attribute("x"), .ignored])
        #expect(fields == [.firstName, .phones, .attributes])
        #expect(ContactFieldSet(columns: [.label(forHeader: "E-mail 1 - Value")]) == [.phones, .emails])
        #expect(ContactFieldSet(columns: [.id]).isEmpty)
    }
}
