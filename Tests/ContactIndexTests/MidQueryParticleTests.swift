@testable import ContactIndex
import Testing

/// A particle between two words of a query ("de" in "Ana de Garza", "van" and "der" in "Jan van
/// der Berg") is typed whole: it is the particle of the name, not the start of another word. A
/// particle that starts the query may be the start of a first name ("De Gar": Deborah Garza),
/// and one that ends it the start of the next name being typed ("Ana de": Ana Delgado).
@Suite struct MidQueryParticleTests {
    @Test func onlyAParticleBetweenTwoWordsIsTypedWhole() {
        func whole(_ tokens: [String]) -> [Bool] {
            ContactDirectory.tokenPasses(tokens.map { (token: $0, beforeHyphen: false) })[0].typedWhole
        }
        #expect(whole(["ana", "de", "garza"]) == [false, true, false])
        #expect(whole(["jan", "van", "der", "berg"]) == [false, true, true, false])
        #expect(whole(["de", "gar"]) == [false, false])
        #expect(whole(["ana", "de"]) == [false, false])
        // A word that is no particle stays a possible prefix wherever it stands.
        #expect(whole(["ana", "mar", "garza"]) == [false, false, false])
    }

    static let directory = ContactDirectory([
        Contact(id: "p1", firstName: "Ana", lastName: "de Garza"),
        Contact(id: "p2", firstName: "Ana", lastName: "Delgado Garza"),
        Contact(id: "p3", firstName: "Deborah", lastName: "Garza"),
        Contact(id: "p4", firstName: "Ana", lastName: "Delgado"),
    ])

    func matches(_ text: String) -> [Match] { Self.directory.lookup(fuzzyName: text, limit: 10) }

    @Test func aParticleBetweenTwoWordsIsNotAPrefix() throws {
        let found = matches("ana de garz")
        #expect(found.first?.contact.id == "p1")
        // Delgado is no "de": Ana Delgado Garza lacks the particle typed, and is still found, as
        // a partial match, not as a full one with "de" for the start of "Delgado".
        let delgado = try #require(found.first { $0.contact.id == "p2" })
        #expect(delgado.reason == .partialName)
    }

    @Test func aParticleAtEitherEndIsStillAPrefix() {
        #expect(matches("de gar").contains { $0.contact.id == "p3" }, "\"de\" may start a first name")
        #expect(matches("ana de").contains { $0.contact.id == "p4" }, "\"de\" may start the name being typed")
    }
}
