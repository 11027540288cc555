import Testing
@testable import ContactIndex

/// A display name written "Family, Given" and the company of a record named by nothing else
/// are whole names (`WholeNameSources`), and a query with an initial does not end at the name
/// stored with that initial.
@Suite struct WholeNameSourcesTests {
    static let people = ContactDirectory([
        Contact(id: "1", firstName: "John", lastName: "Smith"),
        Contact(id: "2", firstName: "John Michael", lastName: "Smith"),
        Contact(id: "3", firstName: "J.", lastName: "Smith", entity: .lead),
        Contact(id: "4", displayName: "Smith, John"),
    ])

    /// "John Smith" and "Smith, John" list the same records: the display name "Smith, John"
    /// was found only by the second.
    @Test func bothOrdersListTheCommaDisplayName() {
        for query in ["John Smith", "Smith, John", "smith john", "JOHN SMITH"] {
            let found = Self.people.search(query)
            let exact = found.filter { $0.reason == .exactName }.map(\.contact.id)
            #expect(Set(exact) == ["1", "4"], "\(query): \(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
            #expect(Set(Self.people.lookup(name: query).filter { $0.reason == .exactName }.map(\.contact.id)) == ["1", "4"], "\(query)")
        }
    }

    /// "J Smith" lists J. Smith first, then the Smiths whose given name starts with J; before,
    /// J. Smith alone (`offerInitialCompletions`).
    @Test(arguments: ["J Smith", "J. Smith", "Smith, J.", "smith j"])
    func anInitialListsTheNamesItStandsFor(query: String) throws {
        let found = Self.people.search(query)
        let first = try #require(found.first, "\(query)")
        #expect(first.contact.id == "3", "\(query): \(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
        #expect(first.reason == .exactName)
        let ids = Set(found.map(\.contact.id))
        #expect(ids.isSuperset(of: ["1", "2"]), "\(query): \(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
        // As initials, or as the start of the whole name "Smith John…" for the family-first forms.
        #expect(found.filter { ["1", "2"].contains($0.contact.id) }.allSatisfy { $0.reason == .initials || $0.reason == .namePrefix })
    }

    /// A title kept in the first-name field ("Dr. John") no longer hides the record behind an
    /// exact namesake: "John Smith" lists it as a folded match below John Smith, and in the
    /// other order too; the title typed finds it exact (and John Smith: `TypedTitleTests`).
    /// Renamed or removed, it leaves the list.
    @Test func aTitleInTheFirstNameDoesNotHideTheRecord() throws {
        let live = LiveDirectory(ContactDirectory([
            Contact(id: "1", firstName: "John", lastName: "Smith"),
            Contact(id: "2", firstName: "Dr. John", lastName: "Smith"),
            Contact(id: "3", firstName: "Prof. Dr. John", lastName: "Smith"),
            Contact(id: "4", firstName: "Dr.", lastName: "Smith"),
        ]))
        func search(_ query: String) -> [Match] { live.withDirectory { $0.search(query) } }
        for query in ["John Smith", "Smith, John"] {
            let found = search(query)
            #expect(found.map(\.contact.id).prefix(3) == ["1", "2", "3"] || found.map(\.contact.id).prefix(3) == ["1", "3", "2"], "\(query): \(found.map { "\($0.contact.id) \($0.reason)" })")
            #expect(found.first?.reason == .exactName)
            #expect(found.filter { ["2", "3"].contains($0.contact.id) }.allSatisfy { $0.reason == .foldedName }, "\(query)")
        }
        #expect(WholeNameSourcesTests.untitled("Dr. John") == "John")
        #expect(WholeNameSourcesTests.untitled("Prof. Dr.  Anna Maria") == "Anna Maria")
        #expect(WholeNameSourcesTests.untitled("Dr.") == nil, "nothing but a title")
        #expect(WholeNameSourcesTests.untitled("John") == nil)
        #expect(WholeNameSourcesTests.untitled("Drake") == nil)
        let titled = try #require(search("Dr John Smith").first { $0.contact.id == "2" })
        #expect(titled.reason == .exactName)
        _ = live.upsert(Contact(id: "2", firstName: "Dr. Jane", lastName: "Smith"))
        _ = live.remove(id: "3")
        #expect(search("John Smith").map(\.contact.id).filter { ["2", "3"].contains($0) }.isEmpty)
        let renamed = try #require(search("Jane Smith").first)
        #expect(renamed.contact.id == "2" && renamed.reason == .foldedName)
    }

    static func untitled(_ first: String) -> String? { NameVariants.untitledGiven(first) }

    @Test func theInitialCheck() {
        func parts(_ text: String) -> String? { TypedNameOrder.initialAndFamily(text).map { "\($0.initial)|\($0.family)" } }
        #expect(parts("J Smith") == "J|Smith")
        #expect(parts("Smith, J.") == "J|Smith")
        #expect(parts("É. Durand") == "É|Durand")
        #expect(parts("John Smith") == nil)
        #expect(parts("John F Kennedy") == nil)
        #expect(parts("O'Brien S") == "S|O'Brien")
        #expect(parts("J") == nil)
        #expect(parts("J K") == nil)
        #expect(parts("王 伟") == nil)
    }

    static let companies = ContactDirectory([
        Contact(id: "A1", entity: .account, company: "Acme"),
        Contact(id: "A2", entity: .account, company: "Acme Plumbing"),
        Contact(id: "P1", firstName: "John", lastName: "Acme"),
        Contact(id: "P2", firstName: "Sarah", lastName: "Connor", company: "Acme Plumbing"),
        Contact(id: "A3", entity: .account, company: "7-Eleven"),
    ])

    /// A record named only by its company is found by that name as an exact match, above a
    /// person with the word in their name (it was a token match at 0.69, below John Acme's
    /// 0.81; "7-Eleven" typed as stored was a `companyName` match at 0.53).
    @Test(arguments: [("Acme", "A1"), ("acme plumbing", "A2"), ("7-Eleven", "A3"), ("7-ELEVEN", "A3")])
    func aCompanyOnlyRecordIsNamedByItsCompany(query: String, id: String) throws {
        let found = Self.companies.search(query)
        let first = try #require(found.first, "\(query)")
        #expect(first.contact.id == id, "\(query): \(found.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
        #expect(first.reason == .exactName, "\(query): \(first.reason)")
    }

    /// A person's company is not their name: "Acme Plumbing" is no exact match of Sarah Connor.
    @Test func aPersonsCompanyIsNotTheirName() {
        let found = Self.companies.search("Acme Plumbing")
        #expect(found.first { $0.contact.id == "P2" }.map { $0.reason != .exactName } ?? true)
    }

    /// The keys stay in step with what `NameVariants` counts (the dead keys of an update), and
    /// updates move them: a renamed account is no longer found by its old name.
    @Test func updatesMoveTheKeys() throws {
        let live = LiveDirectory()
        live.upsert(Contact(id: "A1", entity: .account, company: "Acme"))
        live.upsert(Contact(id: "D1", displayName: "Doe, Jane"))
        #expect(live.withDirectory { $0.search("Acme").first?.reason } == .exactName)
        #expect(live.withDirectory { $0.search("Jane Doe").first?.reason } == .exactName)
        live.upsert(Contact(id: "A1", entity: .account, company: "Globex"))
        live.upsert(Contact(id: "D1", displayName: "Roe, Jane"))
        #expect(live.withDirectory { $0.search("Acme").map(\.contact.id) }.isEmpty)
        #expect(live.withDirectory { $0.search("Globex").first?.reason } == .exactName)
        #expect(live.withDirectory { $0.search("Jane Doe").contains { $0.contact.id == "D1" && $0.reason == .exactName } } == false)
        #expect(live.withDirectory { $0.search("Jane Roe").first?.reason } == .exactName)
        for contact in [Contact(id: "A1", entity: .account, company: "Acme"), Contact(id: "D1", displayName: "Doe, Jane")] {
            let prepared = ContactPreparer().prepare(contact)
            let counted = prepared.rows.withRecord(0) { NameVariants.count(in: UnsafeRawBufferPointer($0)) }
            #expect(counted == NameVariants.of(prepared.contact).count)
        }
    }
}
