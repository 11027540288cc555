import Testing
@testable import ContactIndex

/// The spellings of Russian and Ukrainian names in English texts, passports and CRMs, derived
/// from BGN/PCGN's (`CyrillicNameSpellings`): each rule, and their combinations.
@Suite struct CyrillicNameSpellingsTests {
    @Test(arguments: [
        // A final й: "-ий" as "y", "i", "ii"; "-ый" as "y", "yi"; after a vowel, at the end or
        // before a consonant, as "i".
        ("dmitriy", ["dmitry", "dmitri", "dmitrii"]),
        ("piddubnyy", ["piddubny", "piddubnyi"]),
        ("nikolay", ["nikolai"]), ("sergey", ["sergei"]), ("zaytsev", ["zaitsev"]),
        ("mayskiy", ["maysky", "mayski", "mayskii", "maiskiy", "maisky", "maiski", "maiskii"]),
        // кс as "x", combined with the other rules.
        ("aleksey", ["aleksei", "alexey", "alexei"]),
        ("aleksandr", ["alexandr", "aleksander", "alexander"]),
        ("maksim", ["maxim"]),
        ("kseniya", ["xeniya", "ksenia", "kseniia", "xenia", "xeniia"]),
        // я, ю, е after a consonant or a soft sign.
        ("natalya", ["natalia"]), ("tatyana", ["tatiana"]), ("vasilyev", ["vasiliev"]), ("lyubov", ["liubov"]),
        // An initial е.
        ("yevgeniy", ["yevgeny", "yevgeni", "yevgenii", "evgeniy", "evgeny", "evgeni", "evgenii"]),
        // Nothing to derive.
        ("ivanov", []), ("yaroslav", []), ("mayya", []), ("olga", []),
    ])
    func derivedSpellings(_ token: String, _ expected: [String]) {
        #expect(CyrillicNameSpellings.variants(of: token) == expected)
    }

    @Test func atMostTheLimit() {
        // Every rule applies: the combinations are cut at the limit, BGN's own spelling aside.
        let spellings = CyrillicNameSpellings.variants(of: "yeksyanandr")
        #expect(spellings.count == CyrillicNameSpellings.limit)
        #expect(!spellings.contains("yeksyanandr"))
    }

    @Test func yoIsSpeltYo() throws {
        let names = try NameNormalizer()
        #expect(try #require(names.conventionalTokenSpellings("Фёдор Пётр")) == [["fedor", "fyodor"], ["petr", "pyotr"]])
        #expect(try #require(names.conventionalTokenSpellings("Горбачёв")) == [["gorbachev", "gorbachov"]])
        // A Ukrainian name has its own system's spelling, and the spellings of both.
        let andriy = try #require(names.conventionalTokenSpellings("Андрій"))
        #expect(andriy.count == 1 && andriy[0].starts(with: ["andriy"]) && andriy[0].contains("andrii"))
        #expect(names.conventionalTokenSpellings("Dmitry") == nil)
    }
}
