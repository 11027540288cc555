import Testing
@testable import ContactIndex

/// A letter typed alone before or after a name is an initial: a company's one-letter word (its
/// legal form's letters, an article) serving it makes a `companyName` match, ranked below the
/// persons whose initial and name the query gives, even when the company's words serve every
/// token. The staff have the earlier ids, so only the score can put the persons first.
@Suite struct InitialOnCompanyWordTests {
    static let directory = ContactDirectory([
        Contact(id: "a1", firstName: "Armida", lastName: "Plana", company: "Inversiones Estrada S.C.P"),
        Contact(id: "a2", firstName: "Matthias", lastName: "Berendse", company: "Royal van 't Wel"),
        Contact(id: "a3", firstName: "Tania", lastName: "Ledesma", company: "Arredondo y Santiago S. de R.L. de C.V."),
        Contact(id: "b1", firstName: "Cristina", lastName: "Estrada"),
        Contact(id: "b2", firstName: "Thierry", lastName: "Roy"),
        Contact(id: "b3", firstName: "Valeria", lastName: "Santiago"),
    ])

    @Test(arguments: [
        ("C Estrada", "b1", "a1"), ("C. Estrada", "b1", "a1"), ("Estrada C", "b1", "a1"), ("T. Roy", "b2", "a2"), ("V Santiago", "b3", "a3"),
    ])
    func thePersonWithTheInitialComesFirst(_ text: String, person: String, staff: String) throws {
        let matches = Self.directory.lookup(fuzzyName: text)
        let first = try #require(matches.firstIndex { $0.contact.id == person }, "\(text): \(matches)")
        #expect(first == 0, "\(text): \(matches)")
        #expect(matches[first].reason == .initials, "\(text): \(matches[first])")
        if let second = matches.firstIndex(where: { $0.contact.id == staff }) {
            #expect(matches[second].reason == .companyName, "\(text): \(matches[second])")
        }
    }

    /// A company's words still find its staff when no letter stands alone: "Inversiones
    /// Estrada" is the start of a name, as before.
    @Test func aCompanysWordsStillFindItsStaff() throws {
        let matches = Self.directory.lookup(fuzzyName: "Inversiones Estrada")
        let staff = try #require(matches.first { $0.contact.id == "a1" }, "\(matches)")
        #expect(staff.reason == .tokenPrefix, "\(staff)")
    }
}
