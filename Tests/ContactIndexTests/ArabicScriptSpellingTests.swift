@testable import ContactIndex
import Testing

/// Names written in Arabic script (Arabic, Persian) found by the Latin spellings people type
/// for them (`ArabicScriptSpelling`), and Latin names that only look alike left alone.
@Suite struct ArabicScriptSpellingTests {
    static func quality(_ typed: String, _ token: String) -> Float? {
        Array(typed.utf8).withUnsafeBufferPointer { t in
            Array(token.utf8).withUnsafeBufferPointer { ArabicScriptSpelling.quality(typed: t, token: $0) }
        }
    }

    /// ICU's romanization (as the index folds it) and a spelling people type: vowels typed,
    /// consonants doubled, letters read the Persian or Egyptian way, the article left out.
    @Test(arguments: [
        ("reza", "rda"), ("rezaei", "rdayy"), ("rezai", "rdayy"), ("hosseini", "hsyny"), ("hussein", "hsyn"), ("ghasemi", "qasmy"),
        ("gholamreza", "ghlamrda"), ("osman", "thman"), ("zahrani", "alzhrany"), ("alzahrani", "alzhrany"), ("zia", "dya"),
        ("eldin", "aldyn"), ("uddin", "aldyn"), ("zaki", "dhky"), ("sabet", "thabt"), ("mostafa", "mstfa"), ("morteza", "mrtdy"),
        ("mousavi", "mwswy"), ("fatemeh", "fatmh"), ("fatima", "fatmt"), ("abdelrahman", "bdalrhmn"), ("gamal", "jmal"),
        ("nasser", "alnasr"), ("ibrahim", "abrahym"), ("soleimani", "slymany"), ("jaleh", "zhalh"), ("abdullah", "bdallh"),
        ("ayesha", "aysht"), ("mohammed", "mhmd"), ("mahmoud", "mhmwd"), ("omar", "mr"), ("mutairi", "almtyry"),
    ])
    func keepsSpellingsOfOneName(_ typed: String, _ token: String) throws {
        let quality = try #require(Self.quality(typed, token), "\(typed) / \(token)")
        #expect(quality <= TokenMatchKind.romanized.quality)
        #expect(quality > TokenMatchKind.fuzzyTwo.quality)
    }

    /// A consonant missing, added or read another way is another name ("mahmoud" is محمود, not
    /// محمد), and so are typing errors of Latin names that merely share the letters.
    @Test(arguments: [
        ("mahmoud", "mhmd"), ("ahmed", "mhmd"), ("hamid", "mhmd"), ("abdel", "bd"), ("iemeie", "maya"), ("lehinger", "alnjar"),
        ("atircia", "tarq"), ("gossellong", "qysylan"), ("patricia", "bdalrhmn"), ("amri", "abwamr"),
    ])
    func dropsOtherNames(_ typed: String, _ token: String) {
        #expect(Self.quality(typed, token) == nil, "\(typed) / \(token)")
    }

    /// The spelling that needs fewer vowels guessed comes first: "mahmoud" is محمود before
    /// anything else, and "najjar" is نجار before النجار (article left out).
    @Test func closerSpellingsComeFirst() throws {
        let mahmoud = try #require(Self.quality("mahmoud", "mhmwd"))
        let mohammed = try #require(Self.quality("mohammed", "mhmd"))
        #expect(mahmoud > mohammed)
        let withoutArticle = try #require(Self.quality("najjar", "njar"))
        let withArticle = try #require(Self.quality("najjar", "alnjar"))
        #expect(withoutArticle > withArticle)
    }

    /// A token is filed under the skeletons of its letters read the other ways, so that the
    /// typed name's skeleton finds it.
    @Test(arguments: [
        ("rda", "reza"), ("qasmy", "ghasemi"), ("thman", "osman"), ("dhky", "zaki"), ("jmal", "gamal"), ("zhalh", "jaleh"),
        ("aldyn", "eldin"), ("mrtdy", "morteza"), ("aysht", "aisha"),
    ])
    func alternateSkeletonsMeetTheTypedOnes(_ token: String, _ typed: String) {
        let typedSkeleton = ConsonantSkeleton.of(Array(typed.utf8))
        #expect(ConsonantSkeleton.of(Array(token.utf8)) != typedSkeleton)
        #expect(ArabicScriptSpelling.alternateSkeletons(of: Array(token.utf8)).contains(typedSkeleton), "\(token) / \(typed)")
    }

    static let directory = ContactDirectory([
        Contact(id: "a1", firstName: "محمد", lastName: "حسين"),
        Contact(id: "a2", firstName: "عثمان", lastName: "الزهراني"),
        Contact(id: "a3", firstName: "ضياء", lastName: "الدين"),
        Contact(id: "a4", firstName: "طارق", lastName: "ذكي"),
        Contact(id: "a5", firstName: "قاسم", lastName: "سليماني"),
        Contact(id: "a6", firstName: "مصطفى", lastName: "ثابت"),
        Contact(id: "p1", firstName: "رضا", lastName: "رضایی"),
        Contact(id: "p2", firstName: "غلامرضا", lastName: "قاسمی"),
        Contact(id: "p3", firstName: "فاطمه", lastName: "حسینی"),
        Contact(id: "p4", firstName: "مرتضی", lastName: "موسوی"),
        Contact(id: "latin", firstName: "Timo", lastName: "Niemeier"),
        Contact(id: "maya", firstName: "مايا", lastName: "تيمو"),
        Contact(id: "c1", firstName: "عبد الناصر", lastName: "حسين"),
        Contact(id: "c2", firstName: "عبد الرحمن", lastName: "الشمري"),
        Contact(id: "c3", firstName: "عبد العزيز", lastName: "القحطاني"),
        Contact(id: "c4", firstName: "نور", lastName: "الإسلام"),
    ])

    /// Before, each of these found nothing or only one of its words: the typed spellings were
    /// too far from ICU's by edit distance, or shared no skeleton with it.
    @Test(arguments: [
        ("Mohamed Hussein", "a1"), ("Osman Alzahrani", "a2"), ("Diaa Eldin", "a3"), ("Zia Uddin", "a3"), ("Tarek Zaki", "a4"),
        ("Ghasem Soleimani", "a5"), ("Mostafa Sabet", "a6"), ("Reza Rezaei", "p1"), ("Gholamreza Ghasemi", "p2"),
        ("Fatemeh Hosseini", "p3"), ("Morteza Mousavi", "p4"),
    ])
    func namesTypedInLatinLetters(text: String, id: String) {
        let found = Self.directory.search(text)
        #expect(found.first?.contact.id == id, "\(text): \(found.map(\.contact.id))")
        #expect(found.first?.reason == .romanized, "\(text)")
    }

    /// A compound name's article typed with its first word ("Abdel Nasser" for عبد الناصر, "abd
    /// al-nasir"): before, only the second word and the family name matched, a partial match.
    @Test(arguments: [
        ("Abdel Nasser Hussein", "c1"), ("Abdul Nasser Hussein", "c1"), ("Abdel-Nasser Hussein", "c1"),
        ("Abdul Rahman Al-Shammari", "c2"), ("Abdel Rahman Shammari", "c2"), ("Abdul Aziz Al Qahtani", "c3"), ("Nurul Islam", "c4"),
    ])
    func articlesTypedWithTheFirstWord(text: String, id: String) {
        let found = Self.directory.search(text)
        #expect(found.first?.contact.id == id, "\(text): \(found.map(\.contact.id))")
        #expect(found.first?.reason == .romanized, "\(text)")
    }

    /// Which typed tokens may end with the next word's article: a consonant, a vowel and "l"
    /// after two consonants at least.
    @Test(arguments: [
        ("abdel", "abd"), ("abdul", "abd"), ("abdol", "abd"), ("nurul", "nur"), ("saiful", "saif"), ("adel", nil), ("amal", nil),
        ("daniel", nil), ("samuel", nil), ("abul", nil), ("nasser", nil),
    ] as [(String, String?)])
    func detachedArticleHeads(typed: String, head: String?) {
        let found = ArabicScriptSpelling.detachedArticleHead(of: Array(typed.utf8)).map { String(decoding: $0, as: UTF8.self) }
        #expect(found == head, "\(typed)")
    }

    /// Two typing errors of a Latin name stay its match: "iemeie" is not مايا.
    @Test func typingErrorsOfALatinNameKeepIt() {
        let found = Self.directory.search("Timo Iemeie")
        #expect(found.first?.contact.id == "latin", "\(found.map(\.contact.id))")
    }
}
