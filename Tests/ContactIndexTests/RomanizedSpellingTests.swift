@testable import ContactIndex
import Testing

/// Which tokens of the same consonant skeleton stand for a query token as another romanization
/// of the same name (`NameQueryToken.romanizedQuality`), and in which order they are tried.
@Suite struct RomanizedSpellingTests {
    static func quality(_ query: String, _ token: String) -> Float? {
        Array(query.utf8).withUnsafeBufferPointer { q in
            Array(token.utf8).withUnsafeBufferPointer { t in NameQueryToken.romanizedQuality(q, t) }
        }
    }

    @Test(arguments: [
        ("mohammed", "mhmd"), ("dimitris", "demetres"), ("sofia", "sophia"), ("lee", "li"), ("lee", "le"),
        ("abdullah", "bdallh"), ("ahn", "an"), ("yusuf", "ywsf"),
    ])
    func keepsRomanizationsOfOneName(_ query: String, _ token: String) {
        #expect(Self.quality(query, token) != nil, "\(query) / \(token)")
    }

    @Test(arguments: [("lee", "ali"), ("lee", "ella"), ("lee", "leila"), ("sav", "s"), ("hyeseo", "so"), ("mohammed", "hmd")])
    func dropsTokensThatOnlyShareAShortSkeleton(_ query: String, _ token: String) {
        #expect(Self.quality(query, token) == nil, "\(query) / \(token)")
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
