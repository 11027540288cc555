import Testing
@testable import ContactIndex

/// One word that is a whole address's local part ranks its owner first at any limit, also when
/// the owner's given name is the word and others share it.
@Suite struct WholeLocalPartTests {
    @Test(arguments: [1, 2, 3, 4, 10])
    func theOwnerComesFirstAtAnyLimit(limit: Int) {
        let directory = ContactDirectory([
            Contact(id: "t1", firstName: "Tony", lastName: "Anderson", emails: [ContactEmail("tanderson@example.com")]),
            Contact(id: "t2", firstName: "Tony", lastName: "Lewis", emails: [ContactEmail("tlewis@example.com")]),
            Contact(id: "t3", firstName: "Tony", lastName: "Baker", emails: [ContactEmail("tb@example.com")]),
            Contact(id: "t9", firstName: "Tony", lastName: "Stark", emails: [ContactEmail("tony@stark.com")]),
        ])
        let found = directory.search("tony", limit: limit)
        #expect(found.first?.contact.id == "t9")
        #expect(found.first?.reason == .emailPrefix)
        #expect(found.count == min(limit, 4))
        #expect(directory.searchSummaries("tony", limit: limit).first?.id == "t9")
    }
}
