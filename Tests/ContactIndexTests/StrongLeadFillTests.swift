import Testing
@testable import ContactIndex

/// Once the results hold an exact, nickname or prefix match, the tiers that fill them add no
/// two-edit typing error and no Latin name that only shares the query's consonants: guesses
/// the agent, whose name is already found, does not need. The name written in another script
/// that the query's whole words read is still added (`NameQueryToken.addFarSpellings`).
@Suite struct StrongLeadFillTests {
    static let directory = ContactDirectory([
        Contact(id: "a1", firstName: "محمد", lastName: "حسين"),
        Contact(id: "a2", firstName: "Mohamed Amin", lastName: "Hussein"),
        Contact(id: "b1", firstName: "Angelica", lastName: "Millholm"),
        Contact(id: "b2", firstName: "Angelica", lastName: "Calholm"),
        Contact(id: "b3", firstName: "Angelica", lastName: "Marlholm"),
    ])

    /// محمد حسين ("mhmd hsyn") reads "Mohamed Hussein", after the Latin Mohamed Amin Hussein,
    /// whose names the query's words are.
    @Test func aNameInAnotherScriptStillFills() throws {
        let matches = Self.directory.lookup(fuzzyName: "Mohamed Hussein")
        #expect(matches.first?.contact.id == "a2", "\(matches)")
        let arabic = try #require(matches.first { $0.contact.id == "a1" }, "\(matches)")
        #expect(arabic.reason == .romanized, "\(arabic)")
    }

    /// "Angelic Marlholm" is the start of Angelica Marlholm's names. Millholm and Calholm are two
    /// typing errors from "marlholm": neither fills the results.
    @Test func weakGuessesDoNotFillAfterAPrefixMatch() {
        let matches = Self.directory.lookup(fuzzyName: "Angelic Marlholm")
        #expect(matches.map(\.contact.id) == ["b3"], "\(matches)")
    }

    /// Without a strong match first, those guesses are the answers: "Angelica Mirlhulm" is two
    /// typing errors from both Marlholm and Millholm, and finds both.
    @Test func withoutAStrongMatchTheGuessesStay() {
        let ids = Set(Self.directory.lookup(fuzzyName: "Angelica Mirlhulm").map(\.contact.id))
        #expect(ids.isSuperset(of: ["b1", "b3"]), "\(ids)")
    }
}
