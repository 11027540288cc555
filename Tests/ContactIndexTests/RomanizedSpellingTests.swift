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
