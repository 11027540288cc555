import ContactIndex
import Foundation
import Testing
@testable import ScreenPop

/// `zcc-contact-search-event`: the free-text search (`ContactDirectory.search`), as an array or
/// the document's single object.
@Suite struct ContactSearchTests {
    static func ids(_ engine: ScreenPopEngine, _ query: String) throws -> [String] {
        try engine.must(.contactSearch(ContactSearchEvent(query: query))).items.map(\.id)
    }

    /// What only the free-text search finds (the earlier stand-in found none of these).
    @Test(arguments: [
        ("0142", ["C-MARY"]),  // four digits of a number
        ("mary@ex", ["C-MARY"]),  // the start of an address
        ("Mary Smyth", ["C-MARY"]),  // a typo in a name
        ("smith 0142", ["C-MARY"]),  // a mixed query: a name confirmed by digits
        ("Muller", ["C-HANS"]),  // one token of a name, folded
    ])
    func theSearchIsTheFreeTextSearch(query: String, expected: [String]) throws {
        let engine = TestDirectory.engine()
        let found = try Self.ids(engine, query)
        #expect(Array(found.prefix(expected.count)) == expected)
        // Exactly what the directory's search answers, plus nothing but the id look-up.
        let direct = TestDirectory.directory().search(query, limit: 10).map(\.contact.id)
        #expect(found == direct)
    }

    /// The reply reads summaries from the records: every item (id, name, phone, email, entity)
    /// is what the item of the whole matched contact says.
    @Test(arguments: ["0142", "mary@ex", "Mary Smyth", "smith 0142", "Muller", "john", "jo sm", "650 555 1234", "C-HANS", "zzzz"])
    func theItemsAreThoseOfTheMatchedContacts(query: String) throws {
        let engine = TestDirectory.engine()
        let items = try engine.must(.contactSearch(ContactSearchEvent(query: query))).items
        #expect(items == engine.search(query).map(ContactItem.init(match:)))
    }

    /// A `tel:` or SIP URI is searched as its number, as the incoming-phone path reads it.
    @Test(arguments: ["tel:+16505550142", "sip:+16505550142@pbx.example.com"])
    func aTelOrSIPURIFindsItsNumber(query: String) throws {
        #expect(try Self.ids(TestDirectory.engine(), query) == ["C-MARY"])
    }

    @Test func anIDFindsItsRecordFirst() throws {
        let engine = TestDirectory.engine()
        #expect(try Self.ids(engine, " C-HANS ").first == "C-HANS")
    }

    @Test func aNumberRanksItsRecords() throws {
        let engine = TestDirectory.engine()
        #expect(try Self.ids(engine, "650 555 1234") == ["C-JOHN", "C-MARY", "L-JOHN"])
        #expect(try Self.ids(engine, "   ").isEmpty)
    }

    @Test func theSingleObjectFormAnswersTheBestRecordOnly() throws {
        let single = ScreenPopEngine(directory: TestDirectory.directory(), configuration: ScreenPopConfiguration(searchResponseForm: .singleObject))
        let outcome = single.handle(json: #"{"type":"zcc-contact-search-event","data":{"query":"0142"}}"#)
        let json = try Golden.value(outcome.line)
        #expect(json["data"]?["id"] == .string("C-MARY"))
        #expect(json["data"]?["phone"] == .string("+16505550142"))
        let none = single.handle(json: #"{"type":"zcc-contact-search-event","data":{"query":"zzzzzz"}}"#)
        #expect(String(decoding: none.line, as: UTF8.self) == #"{"type":"zcc-contact-search-response","data":{}}"#)
    }

    @Test func theArrayFormIsTheDefault() throws {
        let engine = TestDirectory.engine()
        let outcome = engine.handle(json: #"{"type":"zcc-contact-search-event","data":{"query":"zzzzzz"}}"#)
        #expect(String(decoding: outcome.line, as: UTF8.self) == #"{"type":"zcc-contact-search-response","data":[]}"#)
    }
}
