import Testing
@testable import ContactIndex

/// Names in Arabic, Korean and Japanese script are found as people spell them in Latin letters,
/// not only as ICU's transliteration writes them.
@Suite struct RomanizationConventionTests {
    static let directory = ContactDirectory([
        // Korean: family name in `lastName`, as CRMs hold it.
        Contact(id: "k1", firstName: "민지", lastName: "이"),
        Contact(id: "k2", firstName: "도원", lastName: "김"),
        Contact(id: "k3", firstName: "윤아", lastName: "고"),
        Contact(id: "k4", firstName: "서연", lastName: "박"),
        // Latin namesakes of one token each, which used to outrank them.
        Contact(id: "d1", firstName: "Minjae", lastName: "Lee"),
        Contact(id: "d2", firstName: "Doyun", lastName: "Kim"),
        Contact(id: "d3", firstName: "Yuta", lastName: "Kobayashi"),
        Contact(id: "d4", firstName: "Jimin", lastName: "Park"),
        // Arabic: ICU writes the ayn and hamza as modifier letters ("ʿly" for علي).
        Contact(id: "a1", firstName: "علي", lastName: "خوري"),
        Contact(id: "a2", firstName: "وفاء", lastName: "مصطفى"),
        Contact(id: "a3", firstName: "Ali", lastName: "Hassan"),
        Contact(id: "a4", firstName: "Wafa", lastName: "Al-Harbi"),
        Contact(id: "a5", firstName: "رنا", lastName: "عيسى"),
        Contact(id: "a6", firstName: "Rana", lastName: "Haddad"),
        // Japanese: kanji that ICU reads as Mandarin ("cun shang" for 村上).
        Contact(id: "j1", firstName: "あすか", lastName: "村上"),
        Contact(id: "j2", firstName: "美加子", lastName: "山崎"),
        Contact(id: "j3", firstName: "稔", lastName: "遠藤"),
        Contact(id: "e1", firstName: "あすか", lastName: "清水"),
        Contact(id: "e2", firstName: "Kaori", lastName: "Yamazaki"),
        Contact(id: "e3", firstName: "Minoru", lastName: "Kato"),
    ])

    @Test(arguments: [
        ("Lee Minji", "k1"), ("Minji Lee", "k1"), ("Kim Dowon", "k2"), ("Ko Yuna", "k3"), ("Park Seoyeon", "k4"),
        ("Ali Khoury", "a1"), ("Khoury Ali", "a1"), ("Wafa Mustafa", "a2"), ("Rana Issa", "a5"),
        ("Murakami Asuka", "j1"), ("Asuka Murakami", "j1"), ("Yamazaki Mikako", "j2"), ("Minoru Endo", "j3"), ("Endou Minoru", "j3"),
    ])
    func theCommonSpellingFindsTheNameFirst(_ text: String, expected: String) {
        let matches = Self.directory.lookup(fuzzyName: text)
        #expect(matches.first?.contact.id == expected, "\(text): \(matches.map { "\($0.contact.id) \($0.reason) \($0.score)" })")
    }

    @Test func modifierLettersAreFoldedAway() {
        let names = NameNormalizer.shared
        // Ayn and hamza (U+02BF, U+02BE) from Arabic-Latin; the long-vowel mark after kana.
        #expect(names.fold("علي") == "ly")
        #expect(names.fold("دعاء") == "da")
        // The alef maqsura sounds as an alef: "Issa", not "Issy".
        #expect(names.fold("عيسى") == "ysa")
        #expect(!names.fold("ソーラー").contains("ー"))
        // Latin-ASCII writes the okina as an apostrophe, which joins the word's halves.
        #expect(names.tokens("Kawaiʻae") == ["kawaiae"])
        #expect(names.tokens("عائشة الحداد") == ["aysht", "alhdad"])
    }

    @Test func koreanFamilyNamesHaveTheirCustomarySpellings() {
        let names = NameNormalizer.shared
        #expect(names.alternateRomanization("이") == "lee yi rhee")
        #expect(names.alternateTokens("김", besides: ["gim"]) == ["kim"])
        #expect(names.alternateTokens("박", besides: ["bag"]) == ["park", "pak", "bak"])
        // Only a whole word that is a family name: a given name's syllable is not one.
        #expect(names.alternateRomanization("민지") == nil)
        #expect(names.alternateRomanization("이 민지") == "lee yi rhee")
    }

    @Test func kanjiNamesHaveTheirJapaneseReadings() throws {
        let names = NameNormalizer.shared
        try #require(JapaneseReadings.shared.isAvailable, "MeCab and mecab-ipadic-utf8 are installed by scripts/deps.sh")
        #expect(names.alternateRomanization("村上") == "murakami")
        // As written (long vowels and all), then as passports spell it.
        #expect(names.alternateRomanization("遠藤") == "endou endo")
        #expect(names.alternateTokens("佐々木", besides: names.tokens("佐々木")) == ["sasaki"])
        // A simplified Chinese name is not in the Japanese dictionary: no reading.
        #expect(names.alternateRomanization("刘伟") == nil)
    }
}
