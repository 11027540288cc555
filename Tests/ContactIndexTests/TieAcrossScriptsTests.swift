import Testing
@testable import ContactIndex

/// Ties that used to go by id alone, found with the initials class of `match-bench`:
/// - a multi-part name written as one word (the joined token) and one of its parts served two
///   query tokens at once: "L. Lima" matched Ravy Lima Rodrigues with "lima" and, for "L", the
///   joined "limarodrigues", as fully as Lunna Lima;
/// - a Latin query matched a name written in Han characters through their readings as fully as
///   a name written in Latin letters: "Z. Yu" matched 玉梅 赵 ("yu mei", "zhao") as Zihui Yu;
/// - an initial typed before a name matched the family name as well as the given name: "R
///   Daniel" matched Daniel Roberts as Rhonda Daniel.
/// In each pair, the contact that answers less well has the earlier id, so only the score can
/// put the better one first.
@Suite struct TieAcrossScriptsTests {
    static let directory = ContactDirectory([
        Contact(id: "a1", firstName: "Ravy", lastName: "Lima Rodrigues"),
        Contact(id: "a2", firstName: "丽燕", lastName: "姜"),
        Contact(id: "a3", firstName: "玉梅", lastName: "赵"),
        Contact(id: "a4", firstName: "春香", lastName: "林"),
        Contact(id: "a5", firstName: "Ivan", lastName: "Petrov"),
        Contact(id: "a6", firstName: "Иван", lastName: "Сидоров"),
        Contact(id: "b1", firstName: "Lunna", lastName: "Lima"),
        Contact(id: "b2", firstName: "Liangming", lastName: "Li"),
        Contact(id: "b3", firstName: "Zihui", lastName: "Yu"),
        Contact(id: "b4", firstName: "Xuemei", lastName: "Lin"),
        Contact(id: "b5", firstName: "Иван", lastName: "Петров"),
        Contact(id: "b6", firstName: "Ivan", lastName: "Sidorov"),
        Contact(id: "c1", firstName: "Ravy", lastName: "Lima Rodrigues", displayName: "Ravy Lima Rodrigues"),
        Contact(id: "c2", firstName: "飞亮", lastName: "李"),
        Contact(id: "d1", firstName: "Daniel", lastName: "Roberts"),
        Contact(id: "d2", firstName: "Suleiman", lastName: "Othman"),
        Contact(id: "e1", firstName: "Rhonda", lastName: "Daniel"),
        Contact(id: "e2", firstName: "Osama", lastName: "Suleiman"),
        Contact(id: "a8", firstName: "Yasuhiro", lastName: "Mori", company: "阿部建設有限会社"),
        Contact(id: "e3", firstName: "Akira", lastName: "Mori"),
        Contact(id: "e4", firstName: "A", lastName: "Moriyama"),
        Contact(id: "a9", firstName: "J.", lastName: "Al-Saeed"),
        Contact(id: "e5", firstName: "John", lastName: "Allen"),
        Contact(id: "e6", firstName: "Al", lastName: "Gore"),
    ])

    private static func ranked(_ text: String) -> [String] {
        directory.lookup(fuzzyName: text).map(\.contact.id)
    }

    @Test(arguments: [("L. Lima", "b1", "a1"), ("L Li", "b2", "a2")])
    func aJoinedNameAndItsPartServeOneQueryToken(_ text: String, better: String, worse: String) throws {
        let ids = Self.ranked(text)
        let first = try #require(ids.firstIndex(of: better), "\(text): \(ids)")
        // The worse one is a partial match now (its one token starting with "l" is taken), or
        // no match at all.
        #expect(ids.firstIndex(of: worse).map { $0 > first } ?? true, "\(text): \(ids)")
        let worseMatch = Self.directory.lookup(fuzzyName: text).first { $0.contact.id == worse }
        #expect(worseMatch.map { $0.reason == .partialName } ?? true, "\(text): \(String(describing: worseMatch))")
    }

    @Test func theDisplayNameHoldsTheSameParts() throws {
        // The joined family name serves "Limarodrigues"; the display name's "lima" is the same
        // part, and does not serve "L" too.
        let match = try #require(Self.directory.lookup(fuzzyName: "Limarodrigues L").first { $0.contact.id == "c1" })
        #expect(match.reason == .partialName, "\(match)")
    }

    @Test func aPartIsATokenOfTheNameThatSpellsTheJoinedOne() throws {
        // "feiliang" (飞亮 as one word) holds the letters of "li" (李, the family name), which is
        // no part of it: both tokens of "Li Feilia" are matched.
        let match = try #require(Self.directory.lookup(fuzzyName: "Li Feilia").first { $0.contact.id == "c2" })
        #expect(match.reason == .tokenPrefix, "\(match)")
    }

    /// An initial typed before a name stands for the given name: "R Daniel" is Rhonda Daniel
    /// before Daniel Roberts, whose family name it would start (and whose id is earlier).
    @Test(arguments: [("R Daniel", "e1", "d1"), ("O. Suleiman", "e2", "d2"), ("Daniel R", "d1", nil), ("Othman S", "d2", nil)])
    func anInitialBeforeANameIsTheGivenName(_ text: String, better: String, worse: String?) throws {
        let ids = Self.ranked(text)
        let first = try #require(ids.firstIndex(of: better), "\(text): \(ids)")
        if let worse {
            let second = try #require(ids.firstIndex(of: worse), "\(text): \(ids)")
            #expect(first < second, "\(text): \(ids)")
        } else {
            // After a name, an initial may start either: the tie goes by id as before.
            #expect(first == 0, "\(text): \(ids)")
        }
    }

    /// A letter typed alone is an initial, but for a name that has it as a word in the script
    /// typed: the "a" that ICU reads 阿 as (阿部建設, "a bu jian she") is not Yasuhiro Mori's
    /// initial, and he no longer comes first for "A Mori" as a whole-token match.
    @Test func aLetterReadAcrossScriptsIsNoWord() throws {
        let matches = Self.directory.lookup(fuzzyName: "A Mori")
        let ids = matches.map(\.contact.id)
        let akira = try #require(ids.firstIndex(of: "e3"), "\(ids)")
        let yasuhiro = try #require(ids.firstIndex(of: "a8"), "\(ids)")
        #expect(akira < yasuhiro, "\(matches.map { "\($0.contact.id) \($0.reason)" })")
        #expect(matches[yasuhiro].reason != .nameTokens, "\(matches[yasuhiro])")
        // A name with the letter as a word of its own in Latin letters keeps the exact match.
        #expect(Self.directory.lookup(fuzzyName: "A Moriyama").first.map { ($0.contact.id, $0.reason) }! == ("e4", .exactName))
    }

    /// A nickname is a given name's: "J. Allen" is not J. Al-Saeed, whose "al" is a particle of
    /// the family name (he came first, at the nickname tier, above John Allen); "Albert Gore"
    /// still finds Al Gore.
    @Test func aParticleIsNoNickname() throws {
        let matches = Self.directory.lookup(fuzzyName: "J. Allen")
        #expect(matches.first?.contact.id == "e5", "\(matches.map { "\($0.contact.id) \($0.reason)" })")
        #expect(matches.first { $0.contact.id == "a9" }.map { $0.reason == .partialName } ?? true)
        let gore = try #require(Self.directory.lookup(fuzzyName: "Albert Gore").first)
        #expect(gore.contact.id == "e6" && gore.reason == .nickname, "\(gore)")
    }

    @Test func theJoinedNameStillServesAloneOrBesideTheOtherName() {
        // "Limarodrigues" is the family name as one word; "Ravy Limarodrigues" and
        // "Ravy Lima Rodrigues" both find her.
        #expect(Self.ranked("Limarodrigues").first == "a1")
        #expect(Self.ranked("Ravy Limarodrigues").first == "a1")
        #expect(Self.ranked("Ravy Lima Rodrigues").first == "a1")
    }

    @Test(arguments: [("Z. Yu", "b3", "a3"), ("X Lin", "b4", "a4"), ("Ivan Sid", "b6", "a6")])
    func latinLettersFindNamesWrittenInThemFirst(_ text: String, better: String, worse: String) throws {
        let ids = Self.ranked(text)
        let first = try #require(ids.firstIndex(of: better), "\(text): \(ids)")
        let second = try #require(ids.firstIndex(of: worse), "\(text): \(ids)")
        #expect(first < second, "\(text): \(ids)")
    }

    @Test func cyrillicLettersFindNamesWrittenInThemFirst() throws {
        // The same tie the other way round: typed in Cyrillic, Иван Петров comes before Ivan
        // Petrov, whose id is earlier; typed in Latin letters, Ivan Petrov first.
        let cyrillic = Self.ranked("Иван Пет")
        #expect(cyrillic.prefix(2) == ["b5", "a5"], "\(cyrillic)")
        let latin = Self.ranked("Ivan Pet")
        #expect(latin.prefix(2) == ["a5", "b5"], "\(latin)")
    }
}
