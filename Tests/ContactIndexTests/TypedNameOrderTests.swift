import Testing
@testable import ContactIndex

/// Among matches of one kind, the one with the query's names in the order typed comes first
/// (`TypedNameOrder`, `ContactDirectory.otherOrderShare`): given name first, or family name
/// first when a comma follows it. Andre Garcia and Sarah Williams have the later ids and the
/// worse prefix qualities ("and gar": 3/5 and 3/6 against Gary Andrade's 3/4 and 3/7), so only
/// the order puts them first; the mirrored queries check that the other order wins when typed
/// so.
@Suite struct TypedNameOrderTests {
    static let directory = ContactDirectory([
        Contact(id: "a1", firstName: "Gary", lastName: "Andrade"),
        Contact(id: "a2", firstName: "Andre", lastName: "Garcia"),
        Contact(id: "b1", firstName: "William", lastName: "Saraf"),
        Contact(id: "b2", firstName: "Sarah", lastName: "Williams"),
        Contact(id: "c1", firstName: "Wanda", lastName: "Wei"),
        Contact(id: "c2", firstName: "伟", lastName: "王"),
    ])

    @Test(arguments: [
        ("and gar", "a2", "a1"), ("gar and", "a1", "a2"), ("sar wil", "b2", "b1"), ("wil sar", "b1", "b2"),
        ("Gar, And", "a2", "a1"), ("Gar, Andr", "a2", "a1"), ("And, Gar", "a1", "a2"), ("Willi, Sar", "b2", "b1"),
    ])
    func theOrderTypedComesFirst(_ text: String, first: String, second: String) throws {
        let matches = Self.directory.lookup(fuzzyName: text)
        let firstPlace = try #require(matches.firstIndex { $0.contact.id == first }, "\(text): \(matches)")
        let secondPlace = try #require(matches.firstIndex { $0.contact.id == second }, "\(text): \(matches)")
        #expect(firstPlace < secondPlace, "\(text): \(matches)")
        #expect(matches[firstPlace].reason == matches[secondPlace].reason, "\(text): \(matches)")
    }

    /// A name written in another script keeps the whole order share in either order: "Wang Wei"
    /// is how 王伟 is said, family name first. Its better prefix quality ("wan" of "wang" against
    /// "wanda") puts it before Wanda Wei, as without any order.
    @Test func aNameAcrossScriptsHasNoOrderTyped() throws {
        let matches = Self.directory.lookup(fuzzyName: "wan wei")
        let han = try #require(matches.firstIndex { $0.contact.id == "c2" }, "\(matches)")
        let latin = try #require(matches.firstIndex { $0.contact.id == "c1" }, "\(matches)")
        #expect(han < latin, "\(matches)")
    }

    /// A whole name spelled as typed comes first in the order typed too (`wholeNameMatch`):
    /// Lee Thomas (given name Lee) has the earlier id, so only the order puts Thomas Lee first
    /// for "Thomas Lee"; a comma after the first word turns the order round. Both stay exact,
    /// the other order `otherOrderStep` lower.
    @Test(arguments: [("Thomas Lee", "w2"), ("Lee Thomas", "w1"), ("Lee, Thomas", "w2"), ("Thomas, Lee", "w1"), ("THOMAS LEE", "w2")])
    func aWholeNameInTheOrderTypedComesFirst(_ text: String, first: String) throws {
        let directory = ContactDirectory([
            Contact(id: "w1", firstName: "Lee", lastName: "Thomas"),
            Contact(id: "w2", firstName: "Thomas", lastName: "Lee"),
        ])
        for matches in [directory.lookup(fuzzyName: text), directory.search(text)] {
            #expect(matches.count == 2, "\(text): \(matches)")
            let top = try #require(matches.first, "\(text)")
            #expect(top.contact.id == first, "\(text): \(matches)")
            #expect(matches.allSatisfy { $0.reason == .exactName }, "\(text): \(matches)")
            #expect(top.score == MatchReason.exactName.baseScore, "\(text): \(matches)")
            #expect(abs(matches[1].score - (MatchReason.exactName.baseScore - ContactDirectory.otherOrderStep)) < 1e-9, "\(text): \(matches)")
        }
    }

    /// Both orders still find the same contacts: the other order only ranks lower.
    @Test func bothOrdersFindTheSameContacts() {
        let given = Set(Self.directory.lookup(fuzzyName: "and gar").map(\.contact.id))
        let family = Set(Self.directory.lookup(fuzzyName: "gar and").map(\.contact.id))
        #expect(given == family)
        #expect(given.isSuperset(of: ["a1", "a2"]))
    }

    @Test(arguments: [
        ("Smith, John", TypedNameOrder.familyFirst), ("García López, Ana", .familyFirst), ("Smith,John", .familyFirst),
        ("John Smith", .givenFirst), (", John", .givenFirst), ("Smith,", .givenFirst), ("a b c d, e", .givenFirst),
        ("Smith， John", .familyFirst), ("", .givenFirst),
    ])
    func aCommaAfterTheFirstWordsMeansFamilyFirst(_ text: String, order: TypedNameOrder) {
        #expect(TypedNameOrder.of(text) == order, "\(text)")
    }
}
