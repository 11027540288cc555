@testable import ContactIndex
import Testing

/// Ranking within a tier: which of several contacts that match every query token the same way
/// comes first. In each case the contact that should lose has the smaller id, so id order alone
/// would get it wrong.
@Suite struct NameRankingTests {
    static let directory = ContactDirectory([
        Contact(id: "a01", firstName: "Michael", lastName: "Hernandez"),
        Contact(id: "a02", firstName: "Michael", lastName: "Michaelson"),
        Contact(id: "b01", firstName: "Vincent", lastName: "Henry"),
        Contact(id: "b02", firstName: "Henry", lastName: "Henry"),
        Contact(id: "c01", firstName: "William", lastName: "White"),
        Contact(id: "c02", firstName: "Dennis", lastName: "Williams"),
        Contact(id: "d01", firstName: "Vijay", lastName: "Khatri"),
        Contact(id: "d02", firstName: "Vijay", lastName: "Dasgupta"),
        Contact(id: "e01", firstName: "Leah", lastName: "Smithfield"),
        Contact(id: "e02", firstName: "Leah", lastName: "Smith"),
        Contact(id: "f01", firstName: "Ana Clara", lastName: "Fogaça", company: "Sampaio Transportes"),
        Contact(id: "f02", firstName: "Ana Luiza", lastName: "Sampaio"),
        Contact(id: "g01", firstName: "Brenda", lastName: "Moura"),
        Contact(id: "g02", firstName: "B.", lastName: "Moura"),
        Contact(id: "h01", firstName: "Allen", lastName: "Phillips"),
        Contact(id: "h02", firstName: "Paula", lastName: "Phillips"),
        Contact(id: "i01", firstName: "Jan", lastName: "Berg"),
        Contact(id: "i02", firstName: "Jan", lastName: "Bergman"),
        Contact(id: "j01", firstName: "Stephen", lastName: "Henry"),
        Contact(id: "j02", firstName: "Stephen", lastName: "Hall"),
        Contact(id: "l01", firstName: "Mark", lastName: "Wall", company: "Kelley Jones Ltd"),
        Contact(id: "l02", firstName: "Kelly", lastName: "Jones"),
        Contact(id: "o01", firstName: "Pilar", lastName: "Cepeda Jaramillo"),
        Contact(id: "o02", firstName: "Perla", lastName: "Jaramillo"),
        Contact(id: "q01", firstName: "John Michael", lastName: "Smithe"),
        Contact(id: "q02", firstName: "John", lastName: "Smithe"),
        Contact(id: "r01", firstName: "Karen", lastName: "Brash"),
        Contact(id: "r02", firstName: "Darren", lastName: "Brash"),
    ])

    func ids(_ text: String) -> [String] { Self.directory.lookup(fuzzyName: text, limit: 10).map(\.contact.id) }

    @Test(arguments: [
        ("Mic Mic", "a02"),  // one "michael" cannot serve both tokens
        ("Hap Henry", "b02"),  // but a name written twice can
        ("den will", "c02"),  // "den" is a prefix here before it is a particle left out
        ("Vijay Das", "d02"),  // a last token is never a particle
        ("Leah Smi", "e02"),  // "smi" is more of "smith" than of "smithfield"
        ("Ana Sampaio", "f02"),  // the person's own name before the company's
        ("B Moura", "g02"),  // an equal token before an initial
        ("Al Phillips", "h01"),  // "al" is Allen's nickname before it is a particle left out
        ("step hal", "j02"),  // "hal" is a start of "hall"; Hal is Henry's nickname, not a family name's
        ("Kelley Jones", "l02"),  // a nickname of the person's name before the words of a company
        ("P. Jaramillo", "o02"),  // the name the query covers more of: Jaramillo is Pilar's second family name
        ("Jon Smithe", "q02"),  // and John Smithe before John Michael Smithe
        ("Daren Brash", "r02"),  // one typing error each: the one that keeps the first letter first
    ])
    func theBetterMatchComesFirst(_ text: String, expected: String) {
        #expect(ids(text).first == expected, "\(text) → \(ids(text))")
    }

    @Test func aLeftOutParticleRanksBelowEveryFullMatch() throws {
        let results = Self.directory.lookup(fuzzyName: "Jan van Berg", limit: 10)
        let berg = try #require(results.first { $0.contact.id == "i01" })
        #expect(berg.reason == .partialName)
        #expect(results.filter { $0.reason != .partialName }.allSatisfy { $0.score > berg.score })
        // The full match that has every token, once there is one, comes first.
        let withParticle = ContactDirectory([
            Contact(id: "x1", firstName: "Jan", lastName: "Berg"),
            Contact(id: "x2", firstName: "Jan", lastName: "van Berg"),
        ])
        #expect(withParticle.lookup(fuzzyName: "J van Berg", limit: 2).map(\.contact.id) == ["x2", "x1"])
    }

    @Test func aNicknameOfAFamilyNameCountsAsThePrefixItIsOrNotAtAll() throws {
        let directory = ContactDirectory([
            Contact(id: "m1", firstName: "Melissa", lastName: "Solomon"),
            Contact(id: "m2", firstName: "Stephen", lastName: "Henry"),
            Contact(id: "m3", firstName: "Henry", lastName: "Stephens"),
        ])
        // "sol" is Solomon's nickname and a start of it: on a family name, a prefix match.
        let solomon = try #require(directory.lookup(fuzzyName: "mel sol", limit: 5).first)
        #expect(solomon.contact.id == "m1" && solomon.reason == .tokenPrefix, "\(solomon)")
        // "hal" is Henry's nickname but no start of it: the family name Henry is no match of it,
        // the given name Henry is.
        let henry = directory.lookup(fuzzyName: "Hal Stephens", limit: 5)
        #expect(henry.first?.contact.id == "m3" && henry.first?.reason == .nickname, "\(henry.map(\.contact.id))")
        #expect(!directory.lookup(fuzzyName: "Stephen Hal", limit: 5).contains { $0.contact.id == "m2" && $0.reason == .nickname })
    }

    @Test func aCompanysWordsStillFindItsStaff() throws {
        let staff = [
            Contact(id: "n2", firstName: "John", lastName: "Smith", company: "Acme"),
            Contact(id: "n3", firstName: "Mary", lastName: "Jones", company: "Acme"),
        ]
        let directory = ContactDirectory([Contact(id: "n1", firstName: "John", lastName: "Acmeson")] + staff)
        // A name and the company's word: found, after the person whose own names match
        // (`MatchReason.companyName`), even as the start of a name.
        let johns = directory.lookup(fuzzyName: "John Acme", limit: 5)
        #expect(johns.map(\.contact.id) == ["n1", "n2"], "\(johns)")
        #expect(johns.map(\.reason) == [.tokenPrefix, .companyName], "\(johns)")
        // Without such a person, the company's staff member comes first.
        let smith = try #require(ContactDirectory(staff).lookup(fuzzyName: "John Acme", limit: 5).first)
        #expect(smith.contact.id == "n2" && smith.reason == .companyName, "\(smith)")
        // The company alone finds all its staff, as the start of a name does.
        let found = directory.lookup(fuzzyName: "acme", limit: 5)
        #expect(Set(found.filter { $0.contact.company == "Acme" }.map(\.contact.id)) == ["n2", "n3"])
        #expect(found.filter { $0.contact.company == "Acme" }.allSatisfy { $0.reason == .tokenPrefix })
    }

    @Test func hanHangulAndKanaNamesAreFoundWrittenWithoutASpace() throws {
        let directory = ContactDirectory([
            Contact(id: "k1", firstName: "혁중", lastName: "장"),
            Contact(id: "k2", firstName: "小明", lastName: "王"),
            Contact(id: "k3", firstName: "John", lastName: "Smith"),
        ])
        for (query, id) in [("장혁중", "k1"), ("王小明", "k2"), ("장 혁중", "k1")] {
            let match = try #require(directory.lookup(fuzzyName: query).first, "\(query)")
            #expect(match.contact.id == id && match.score >= MatchReason.confidentScore, "\(query): \(match.reason)")
        }
        // Latin names get no joined variant: "smithjohn" is not a way to write John Smith.
        #expect(directory.lookup(fuzzyName: "SmithJohn").first.map { $0.score < MatchReason.confidentScore } ?? true)
    }
}
