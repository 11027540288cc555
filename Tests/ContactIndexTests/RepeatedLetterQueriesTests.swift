import Testing

@testable import ContactIndex

/// Queries of repeated words or of letters alone ("m m m m", "a a a", "j m s"), which a key
/// held down or a type-ahead box sends: the third copy of a word is dropped, and a query of
/// three or more letters alone is walked within `ContactDirectory.initialsOnlyWork`.
@Suite struct RepeatedLetterQueriesTests {
    static let directory = ContactDirectory(
        [
            Contact(id: "1", firstName: "John Michael", lastName: "Smith"),
            Contact(id: "2", firstName: "Mary", lastName: "Moore"),
            Contact(id: "3", firstName: "Ma", lastName: "Ma"),
            Contact(id: "4", firstName: "Anna", lastName: "Adams"),
            Contact(id: "5", firstName: "Jane", lastName: "Smith"),
        ],
        configuration: .init(defaultRegion: "US"))

    @Test func aThirdCopyOfAWordIsDropped() {
        let marked: [(token: String, beforeHyphen: Bool)] = [("m", false), ("m", true), ("x", false), ("m", false), ("m", false), ("x", false), ("x", false)]
        let kept = ContactDirectory.withoutThirdCopies(marked)
        #expect(kept.map(\.token) == ["m", "m", "x", "x"])
        #expect(kept.map(\.beforeHyphen) == [false, true, false, false])
        #expect(ContactDirectory.withoutThirdCopies([("a", false), ("a", false)]).count == 2)
    }

    @Test func repeatedWordsFindWhatTwoCopiesFind() {
        let two = Self.directory.search("m m").map(\.contact.id)
        #expect(two.contains("2"))
        #expect(Self.directory.search("m m m").map(\.contact.id) == two)
        #expect(Self.directory.search("m m m m m m m m m m").map(\.contact.id) == two)
        #expect(Self.directory.search("ma ma ma").first?.contact.id == "3")
    }

    @Test func lettersAloneStillFindTheirNames() {
        let results = Self.directory.search("j m s")
        #expect(results.first?.contact.id == "1")
        #expect(results.first?.reason == .initials)
        #expect(Self.directory.search("J. M. S.").first?.contact.id == "1")
    }
}
