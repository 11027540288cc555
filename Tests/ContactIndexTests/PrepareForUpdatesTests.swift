import Testing

@testable import ContactIndex

/// Readying a directory for single-contact updates (`ContactDirectory.prepareForUpdates`, done by
/// `LiveDirectory` on both of its copies) gives the written lists their own storage and changes
/// no answer.
@Suite struct PrepareForUpdatesTests {
    @Test func aSharedListGetsItsOwnStorageWithRoom() {
        let original = (0..<UInt32(1_000)).map { $0 }
        var list = original
        list.reserveRoomForUpdates()
        #expect(list == original)
        #expect(list.capacity >= 1_125)
        let apart = original.withUnsafeBufferPointer { a in list.withUnsafeBufferPointer { b in a.baseAddress != b.baseAddress } }
        #expect(apart, "the readied list still shares the original's storage")

        let small = [UInt32](arrayLiteral: 1, 2, 3)
        var smallCopy = small
        smallCopy.reserveRoomForUpdates()
        let together = small.withUnsafeBufferPointer { a in smallCopy.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        #expect(together, "a small list is left to copy-on-write")
    }

    @Test func aReadiedDirectoryAnswersAsBeforeAndAfterUpdates() {
        // Common tokens, a common area code and a common domain: lists long enough to be readied.
        let contacts = (0..<600).map { index in
            Contact(
                id: "P\(index)", firstName: ["Ana", "John", "Mary"][index % 3], lastName: "Smith\(index % 7)",
                phones: [ContactPhone("+1 650 555 \(String(1000 + index))")],
                emails: [ContactEmail("person\(index)@example.com")])
        }
        let plain = ContactDirectory(contacts, configuration: .init(defaultRegion: "US"))
        var readied = plain
        readied.prepareForUpdates()
        var updated = plain
        for index in stride(from: 0, to: 600, by: 37) {
            let changed = Contact(
                id: "P\(index)", firstName: "Mary", lastName: "Jones",
                phones: [ContactPhone("+1 650 555 \(String(3000 + index))")], emails: [ContactEmail("moved\(index)@example.com")])
            updated.upsert(changed)
            readied.upsert(changed)
        }
        updated.remove(id: "P5")
        readied.remove(id: "P5")
        for (label, expected, directory) in [("before", plain, { () -> ContactDirectory in var d = plain; d.prepareForUpdates(); return d }()), ("after", updated, readied)] {
            for query in ["5551", "6505553", "Mary Jones", "John Smith3", "Jo Smi", "person4", "moved37@example.com"] {
                // Every match, not the first ten: a list that lost an entry would show.
                let all = expected.search(query, limit: 1_000).map(\.contact.id)
                #expect(directory.search(query, limit: 1_000).map(\.contact.id) == all, "\(label): \(query)")
            }
            #expect(directory.lookup(name: "Ana Smith0", limit: 1_000).map(\.contact.id) == expected.lookup(name: "Ana Smith0", limit: 1_000).map(\.contact.id), "\(label)")
            #expect(directory.count == expected.count)
        }
        #expect(readied.search("Mary Jones", limit: 1_000).count == 17)
        #expect(readied.search("6505551", limit: 1_000).count == 600 - 17 - 1)  // changed: 17, removed: 1
        #expect(readied.contact(id: "P5") == nil)
    }
}
