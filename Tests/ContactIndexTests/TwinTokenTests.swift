@testable import ContactIndex
import Testing

/// Two query tokens typed alike ("mar mar") need two tokens of the contact, or one token twice in
/// one name: name search walks the contacts found in two posting lists of a band, and those the
/// index lists as repeating a token (`ContactDirectory.twinCandidates`), and finds exactly what
/// scoring every candidate finds.
@Suite struct TwinTokenTests {
    @Test func aTokenRepeatsOnlyWithinOneName() {
        func entry(_ id: UInt32, _ role: NameTokenRole) -> UInt32 { id | role.rawValue << 28 }
        func repeats(_ entries: [UInt32]) -> Bool { entries.withUnsafeBufferPointer { NameTokenRole.repeatsToken($0) } }
        #expect(repeats([entry(7, .given), entry(7, .family)]))
        #expect(repeats([entry(3, .company), entry(7, .given), entry(3, .company)]))
        #expect(repeats([entry(5, .joined), entry(5, .alternate)]))
        // Given and company, given and display: two names, one occurrence each.
        #expect(!repeats([entry(7, .given), entry(7, .company)]))
        #expect(!repeats([entry(7, .given), entry(8, .family), entry(7, .display)]))
        #expect(!repeats([entry(7, .given)]))
        #expect(!repeats([]))
    }

    /// Thousands of contacts with one "mar…", "li…" or "jo…" token, so that those prefixes' lists
    /// are crowded and the search leaves them for the finer bands (`walkTier`), then the
    /// contacts the tests look for, after them in the lists.
    static let directory: ContactDirectory = {
        let given = ["Maria", "Mario", "Marc", "Mark", "Marta", "Marek", "Marina", "Marcel", "Lina", "Liam", "John", "Josef"]
        let family = ["Lopez", "Smith", "Chen", "Novak", "Berg", "Kaur", "Silva", "Ito", "Dubois", "Weber", "Okafor", "Haddad"]
        var contacts: [Contact] = []
        for index in 0..<6_000 {
            contacts.append(Contact(id: "filler\(index)", firstName: given[index % given.count], lastName: "\(family[index / given.count % family.count])\(index % 7)"))
        }
        contacts += [
            Contact(id: "two", firstName: "Mara", lastName: "Marquez"),
            Contact(id: "twice", firstName: "Mara", lastName: "Mara"),
            Contact(id: "company", firstName: "Mara", lastName: "Lopez", company: "Mara Holdings"),
            Contact(id: "one", firstName: "Marc", lastName: "Lopez"),
            Contact(id: "short", firstName: "Mark", lastName: "Marsh"),
            Contact(id: "same", firstName: "Marc", lastName: "Mark"),
            Contact(id: "li", firstName: "Li", lastName: "Li"),
            Contact(id: "jo", firstName: "Joanna", lastName: "Jones"),
        ]
        return ContactDirectory(contacts)
    }()

    func ids(_ directory: ContactDirectory, _ text: String, limit: Int = 10, exhaustive: Bool = false) -> [String] {
        directory.lookup(fuzzyName: text, limit: limit, exhaustive: exhaustive, fillLimit: nil).map(\.contact.id)
    }

    @Test func twoTokensTypedAlikeNeedTwoTokensOrOneTwiceInAName() {
        let directory = Self.directory
        let found = ids(directory, "mar mar")
        #expect(Set(found) == ["two", "twice", "short", "same"])
        // The company's "Mara" is the same token in another name: it serves one query token.
        #expect(!found.contains("company"))
        #expect(ids(directory, "li li") == ["li"])
        #expect(ids(directory, "jo jo") == ["jo"])
    }

    /// The twin walk finds what scoring every candidate of every tier finds.
    @Test(arguments: [1, 3, 10])
    func theTwinWalkFindsWhatScoringEveryCandidateFinds(limit: Int) {
        let directory = Self.directory
        for text in ["mar mar", "ma ma", "mari mari", "marc marc", "li li", "jo jo", "j j", "mar mar lo", "lopez lopez"] {
            #expect(ids(directory, text, limit: limit) == ids(directory, text, limit: limit, exhaustive: true), "\(text)")
        }
    }

    @Test func updatesKeepTheRepeatingContactsCurrent() {
        var directory = Self.directory
        // "Mara Mara" and "Li Li".
        #expect(directory.nameTokenIndex.repeatingSlots.count == 2)
        directory.upsert(Contact(id: "one", firstName: "Marc", lastName: "Marc"))
        #expect(ids(directory, "mar mar").contains("one"))
        #expect(directory.nameTokenIndex.repeatingSlots.count == 3)
        directory.upsert(Contact(id: "one", firstName: "Marc", lastName: "Lopez"))
        #expect(!ids(directory, "mar mar").contains("one"))
        #expect(directory.remove(id: "twice") != nil)
        #expect(Set(ids(directory, "mar mar")) == ["two", "short", "same"])
        #expect(directory.remove(id: "li") != nil)
        #expect(directory.nameTokenIndex.repeatingSlots.isEmpty)
    }
}
