@testable import ContactIndex
import Testing

/// A query token may stand for tens of thousands of spellings (an initial in a large, varied
/// directory): scoring a contact whose token comes late among them must work, not overflow.
@Suite struct LargeSpellingSetTests {
    @Test func anInitialWithMoreThan32767SpellingsScoresItsLastOne() {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        func word(_ value: Int) -> String {
            var rest = value
            var out = "q"
            for _ in 0..<4 {
                out.append(letters[rest % 26])
                rest /= 26
            }
            return out
        }
        var contacts = (0..<33_000).map { Contact(id: "c\($0)", firstName: word($0), lastName: "Common") }
        contacts.append(Contact(id: "last", firstName: "Qzzzzz", lastName: "Zyxwvut"))
        let directory = ContactDirectory(contacts, configuration: .init(defaultRegion: "US"))
        let found = directory.search("q zyxwvut")
        #expect(found.first?.contact.id == "last")
        #expect(found.first?.reason == .initials)
    }
}
