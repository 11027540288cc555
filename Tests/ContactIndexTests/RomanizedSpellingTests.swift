@testable import ContactIndex
import Testing

/// Which tokens of the same consonant skeleton stand for a query token as another romanization
/// of the same name (`NameQueryToken.romanizedQuality`), and in which order they are tried.
@Suite struct RomanizedSpellingTests {
    static func quality(_ query: String, _ token: String, consonantal: Bool = false) -> Float? {
        Array(query.utf8).withUnsafeBufferPointer { q in
            Array(token.utf8).withUnsafeBufferPointer { t in NameQueryToken.romanizedQuality(q, t, consonantal: consonantal) }
        }
    }

    @Test(arguments: [
        ("mohammed", "mhmd"), ("dimitris", "demetres"), ("sofia", "sophia"), ("lee", "li"), ("lee", "le"),
        ("abdullah", "bdallh"), ("ahn", "an"), ("yusuf", "ywsf"),
    ])
    func keepsRomanizationsOfOneName(_ query: String, _ token: String) {
        #expect(Self.quality(query, token) != nil, "\(query) / \(token)")
    }

    /// ICU writes Hebrew without vowels: the query's consonants meet its letters.
    @Test(arguments: [
        ("cohen", "khn"), ("david", "dwd"), ("levi", "lwy"), ("rachel", "rhl"), ("yosef", "ywsp"), ("yaakov", "yqb"),
        ("avraham", "brhm"), ("peretz", "prz"),
    ])
    func keepsConsonantalRomanizations(_ query: String, _ token: String) {
        #expect(Self.quality(query, token, consonantal: true) != nil, "\(query) / \(token)")
        // A token not known as a romanization of Hebrew is compared as written: too far, but
        // for the two whose vowels are few enough.
        if !["rhl", "prz"].contains(token) { #expect(Self.quality(query, token) == nil, "\(query) / \(token)") }
    }

    @Test(arguments: [("lee", "ali"), ("lee", "ella"), ("lee", "leila"), ("sav", "s"), ("hyeseo", "so"), ("mohammed", "hmd"), ("suwaidi", "sd")])
    func dropsTokensThatOnlyShareAShortSkeleton(_ query: String, _ token: String) {
        #expect(Self.quality(query, token) == nil, "\(query) / \(token)")
        #expect(Self.quality(query, token, consonantal: true) == nil, "\(query) / \(token)")
    }

    /// "mohamed" shares its skeleton "mhmd" with the romanizations of محمد, Мухаммед and
    /// Мухамед: it compares them all (and keeps some as romanized spellings) when the limit
    /// lets it compare all of them, and none below that.
    @Test func aSkeletonSharedByMoreTokensThanTheLimitAddsNoRomanizedSpelling() throws {
        let names = ["محمد", "Мухаммед", "Мухамед", "Jones"]
        let contacts = names.enumerated().map { Contact(id: "m\($0.offset)", firstName: $0.element, lastName: "Ali") }
        let directory = ContactDirectory(contacts)
        let index = directory.nameTokenIndex
        let options = directory.configuration.nameMatching
        let sharing = try #require(index.skeletons[ConsonantSkeleton.of(Array("mohamed".utf8))]?.count)
        #expect(sharing >= 2)
        func romanized(limit: Int?) -> (compared: Int, romanized: Int) {
            var token = NameQueryToken(text: "mohamed", index: index, options: options, nicknames: .shared)
            let compared = token.addDistantSpellings(index: index, options: options, throughRomanized: true, skeletonLimit: limit)
            return (compared, token.kinds.filter { $0 == .romanized }.count)
        }
        let unlimited = romanized(limit: nil)
        #expect(unlimited.compared == sharing)
        #expect(unlimited.romanized > 0)
        #expect(romanized(limit: sharing) == unlimited)
        #expect(romanized(limit: sharing - 1) == (0, 0))
        #expect(romanized(limit: 0) == (0, 0))
    }

    /// A consonantal token compared without the query's vowels ranks below one as close that
    /// holds them: "fouad" is فؤاد ("fwad") before فهد ("fhd").
    @Test func aConsonantalMatchRanksBelowOneWithTheVowels() throws {
        let withVowels = try #require(Self.quality("fouad", "fwad"))
        let consonantal = try #require(Self.quality("fouad", "fhd", consonantal: true))
        #expect(withVowels > consonantal)
        #expect(consonantal > TokenMatchKind.fuzzyTwo.quality)
    }

    /// Hebrew names typed in Latin letters the way people write them find the names written in
    /// Hebrew: ICU's romanization has no vowels ("khn" for כהן), writes כ "kh" and ח "h" where
    /// people type "c", "k" or "ch", and פ "p" where they type "f" (`ConsonantSkeleton.alternates`).
    @Test(arguments: [
        ("Sarah Cohen", "h1"), ("Sara Kohen", "h1"), ("David Levi", "h2"), ("Yaakov Peretz", "h3"), ("Rachel Avraham", "h4"),
        ("Yosef Hadad", "h5"), ("Moshe Mizrahi", "h6"),
    ])
    func hebrewNamesTypedInLatinLetters(text: String, id: String) {
        let directory = ContactDirectory([
            Contact(id: "h1", firstName: "שרה", lastName: "כהן"),
            Contact(id: "h2", firstName: "דוד", lastName: "לוי"),
            Contact(id: "h3", firstName: "יעקב", lastName: "פרץ"),
            Contact(id: "h4", firstName: "רחל", lastName: "אברהם"),
            Contact(id: "h5", firstName: "יוסף", lastName: "חדד"),
            Contact(id: "h6", firstName: "משה", lastName: "מזרחי"),
            Contact(id: "latin", firstName: "Sarah", lastName: "Connor"),
        ])
        let found = directory.search(text)
        #expect(found.first?.contact.id == id, "\(text): \(found.map(\.contact.id))")
        #expect(found.first?.reason == .romanized, "\(text)")
    }

    @Test func consonantalTokensAreFiledUnderTheTypedSkeletons() {
        #expect(ConsonantSkeleton.alternates(of: Array("khn".utf8)).contains(ConsonantSkeleton.of(Array("cohen".utf8))))
        #expect(ConsonantSkeleton.alternates(of: Array("rhl".utf8)).contains(ConsonantSkeleton.of(Array("rachel".utf8))))
        #expect(ConsonantSkeleton.alternates(of: Array("ywsp".utf8)).contains(ConsonantSkeleton.of(Array("yosef".utf8))))
        // A token with vowels has no alternates; the typed "tz" meets ICU's "z" (צ).
        #expect(ConsonantSkeleton.alternates(of: Array("khan".utf8)).isEmpty)
        #expect(ConsonantSkeleton.of(Array("peretz".utf8)) == ConsonantSkeleton.of(Array("prz".utf8)))
    }

    @Test func closerSpellingsComeFirstAndStayBetweenTheNeighbouringKinds() throws {
        let close = try #require(Self.quality("lee", "le"))
        let far = try #require(Self.quality("lee", "li"))
        #expect(close > far)
        for (query, token) in [("lee", "le"), ("lee", "li"), ("mohammed", "mhmd"), ("dimitris", "demetres"), ("sofia", "sophia")] {
            let quality = try #require(Self.quality(query, token))
            #expect(quality <= TokenMatchKind.romanized.quality)
            #expect(quality > TokenMatchKind.fuzzyTwo.quality)
        }
    }
}
