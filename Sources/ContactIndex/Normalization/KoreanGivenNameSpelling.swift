/// Korean given names as the Revised Romanization spells them, the system of South Korean
/// passports and of most Latin spellings agents type: 연숙 "Yeonsuk", 식정 "Sikjeong", 람람
/// "Ramram", 서혁 "Seohyeok".
///
/// ICU's `Any-Latin` romanizes Hangul letter by letter and reversibly: a consonant is written
/// the same at a syllable's start and at its end, and ㄹ is always "l" ("yeonsug", "sigjeong",
/// "lamlam", "seohyeog"). The Revised Romanization writes a final ㄱ, ㄷ, ㅂ (and the consonants
/// that sound as they do at a syllable's end) "k", "t", "p", and ㄹ "r" before a vowel, "l" at a
/// syllable's end and "ll" doubled. An agent who typed "Yeonsuk Kim" for 김연숙 was one typing
/// error away from her given name, below every Latin Kim with a given name one typing error away.
/// The sound changes between syllables are not written in names ("Boknam" for 복남, not
/// "Bongnam"), so neither are they here.
///
/// A Hangul word of a name that is not a family name (`KoreanFamilyNameSpellings.Word`), or the
/// given name of a whole name written without a space (김연숙), is also indexed under this
/// spelling (`NameNormalizer.alternateRomanization`), as one word ("sun-ok" of 순옥 as "sunok").
enum KoreanGivenNameSpelling {
    /// The transform: the syllables decomposed into letters (NFD), the final consonants and ㄹ
    /// spelt as above, then the rest as ICU's `Any-Latin` spells it, in ASCII.
    static let rules = """
        ::NFD ;
        \(consonantRules)
        """

    /// The final consonants and ㄹ as the Revised Romanization spells them, then the rest as
    /// ICU's `Any-Latin` does, in ASCII: the end of `rules` and of `popularRules`.
    static let consonantRules = """
        \\u11A8 > k ; \\u11A9 > k ; \\u11AA > k ; \\u11AB > n ; \\u11AC > n ; \\u11AD > n ; \\u11AE > t ;
        \\u11AF \\u1105 > ll ; \\u11AF > l ;
        \\u11B0 > k ; \\u11B1 > m ; \\u11B2 > l ; \\u11B3 > l ; \\u11B4 > l ; \\u11B5 > p ; \\u11B6 > l ;
        \\u11B7 > m ; \\u11B8 > p ; \\u11B9 > p ; \\u11BA > t ; \\u11BB > t ; \\u11BC > ng ; \\u11BD > t ;
        \\u11BE > t ; \\u11BF > k ; \\u11C0 > t ; \\u11C1 > p ; \\u11C2 > t ;
        \\u1105 > r ;
        ::Any-Latin ; ::Latin-ASCII ; ::[:Lm:] Remove ;
        """

    /// The transform of the popular spelling (`popularSpelling`): the syllables decomposed, ㅓ
    /// and ㅕ before a final consonant spelt "u" and "yu" ("you" without an initial consonant),
    /// ㅜ "oo" ("woo" without an initial consonant), then as `rules`.
    static let popularRules = """
        ::NFD ;
        \\u1165 } [\\u11A8-\\u11C2] > u ;
        \\u110B \\u1167 } [\\u11A8-\\u11C2] > you ; \\u1167 } [\\u11A8-\\u11C2] > yu ;
        \\u110B \\u116E > woo ; \\u116E > oo ;
        \(consonantRules)
        """

    /// The spelling of a given name that Koreans and English texts use most beside the Revised
    /// Romanization, from its `popularRules` transform as one word: ㅓ and ㅕ in a syllable with
    /// a final consonant as "u" and "yu" (현 "hyun", 성 "sung", 정 "jung", 경 "kyung", 영
    /// "young"), ㅜ as "oo" (우 "woo", 수 "soo", 훈 "hoon", 준 "joon"), and an initial ㄱ as "k"
    /// (경수 "kyungsoo", 광수 "kwangsoo"), the habits of McCune–Reischauer without its breves,
    /// which passports followed before 2000 and many keep: 시우 "siwoo", 현우 "hyunwoo", 성민
    /// "sungmin", 지훈 "jihoon", where the Revised Romanization writes "siu", "hyeonu",
    /// "seongmin", "jihun" and typed "Siwoo Ahn" found 시우 안 by the family name only. Open
    /// syllables keep "eo" and "yeo" (서 "seo", 여 "yeo"), as they are mostly written so.
    /// Mixed spellings ("hyunjun", one of each) are not derived.
    static func popularSpelling(transformed: String) -> String {
        guard transformed.utf8.first == UInt8(ascii: "g") else { return transformed }
        return "k" + transformed.dropFirst()
    }
}
