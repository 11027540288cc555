@testable import ContactIndex
import Testing

/// The example of README.md ("The library in a few lines"), line by line: each comment there is
/// checked here, so the README cannot drift from what the library does.
@Suite struct ReadmeExampleTests {
    static let directory = ContactDirectory([
        Contact(id: "0035g00000AbCdE", firstName: "John", lastName: "Smith",
                phones: [ContactPhone("(650) 555-1234", label: "work")],
                emails: [ContactEmail("John.Smith@Example.com")]),
        Contact(id: "51000000037", firstName: "Hans", lastName: "Müller",
                phones: [ContactPhone("030 1234567")], emails: [ContactEmail("hans@müller.de")],
                region: "DE"),
    ], configuration: DirectoryConfiguration(defaultRegion: "US"))

    @Test func everyLineDoesWhatItsCommentSays() throws {
        let directory = Self.directory
        let john = try #require(directory.lookup(phone: "+16505551234").first)
        #expect(john.contact.id == "0035g00000AbCdE" && john.score == 1.0 && john.reason == .exactE164)
        // "011" is the international prefix of the default region (US).
        #expect(directory.lookup(phone: "011 49 30 1234567").first?.contact.id == "51000000037")
        #expect(directory.lookup(email: "hans@xn--mller-kva.de").first?.contact.id == "51000000037")
        let hans = try #require(directory.lookup(name: "MULLER, hans").first)
        #expect(hans.contact.id == "51000000037" && hans.reason == .foldedName)
        let prefix = try #require(directory.lookup(namePrefix: "smi").first)
        #expect(prefix.contact.id == "0035g00000AbCdE" && prefix.reason == .namePrefix)
        let search = try #require(directory.search("hans mul").first)
        #expect(search.contact.id == "51000000037" && search.reason == .tokenPrefix)
        #expect(directory.search("Jonh Smith").first?.reason == .fuzzyOneEdit)
        #expect(directory.problems.isEmpty)
    }
}
