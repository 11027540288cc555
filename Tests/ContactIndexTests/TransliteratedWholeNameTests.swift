@testable import ContactIndex
import Testing

/// A whole name that equals the query once folded to Latin (`transliteratedName`) ends a fuzzy
/// name search with its tier, as a whole name equal at collation strength does: no look-alike
/// spellings are suggested beside it. Without one, the look-alikes still fill the results.
@Suite struct TransliteratedWholeNameTests {
    static let directory = ContactDirectory([
        Contact(id: "t1", firstName: "Hüban", lastName: "Yıldırım"),
        Contact(id: "t2", firstName: "Huban", lastName: "Yildirin"),
        Contact(id: "t3", firstName: "Hubán", lastName: "Yıldız"),
        Contact(id: "r1", firstName: "Иван", lastName: "Иванов"),
        Contact(id: "r2", firstName: "Иван", lastName: "Иваненко"),
        Contact(id: "r3", firstName: "Ivan", lastName: "Ivanova"),
    ])

    @Test func aWholeNameFoldedToLatinEndsTheSearch() {
        // "ı" and "i" differ at primary collation strength, so this is no collation-equal name.
        let turkish = Self.directory.lookup(fuzzyName: "huban yildirim")
        #expect(turkish.map(\.contact.id) == ["t1"])
        #expect(turkish.first?.reason == .transliteratedName)
        let russian = Self.directory.lookup(fuzzyName: "ivanov ivan")
        #expect(russian.first?.contact.id == "r1")
        #expect(!russian.contains { $0.contact.id == "r3" })
    }

    @Test func withoutOneTheLookAlikesStillCome() {
        // One edit from t1's and t2's surnames: both are offered, neither is a whole name.
        let matches = Self.directory.lookup(fuzzyName: "huban yildirix")
        #expect(Set(matches.map(\.contact.id)).isSuperset(of: ["t1", "t2"]))
        #expect(matches.allSatisfy { $0.reason != .transliteratedName })
    }
}
