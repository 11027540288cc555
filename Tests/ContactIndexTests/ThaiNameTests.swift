import Testing
@testable import ContactIndex

/// Names in Thai letters are folded a word at a time into one Latin word each, not into the
/// syllables ICU's transliteration spaces apart.
@Suite struct ThaiNameTests {
    static let directory = ContactDirectory([
        Contact(id: "t1", firstName: "ชัฎชา", lastName: "นาฏคายี"),
        Contact(id: "t2", firstName: "สมชาย", lastName: "ใจดี", company: "บริษัท ดาบเงิน จำกัด"),
        Contact(id: "n1", firstName: "Nathan", lastName: "Charlton"),
        Contact(id: "n2", firstName: "Chai", lastName: "Wong"),
    ])

    /// A Thai word folds to one token; words apart stay apart.
    @Test func aThaiWordIsOneToken() {
        let names = NameNormalizer.shared
        #expect(names.tokens("ชัฎชา") == ["chadcha"])
        #expect(names.tokens("ชัฎชา นาฏคายี") == ["chadcha", "natkhayi"])
        #expect(names.tokens("Mr. ชัฎชา").count == 2)
        #expect(names.tokens("Nathan Charlton") == ["nathan", "charlton"])
    }

    /// The Thai block is told by its UTF-8 bytes: every character of it, and none of the
    /// blocks around it (Tamil, Telugu, … Lao, Tibetan) nor of other scripts.
    @Test func theThaiBlockIsToldByItsBytes() {
        for value in UInt32(0x80)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            #expect(NameNormalizer.hasThaiLetters(text.utf8) == (0xE00...0xE7F).contains(value), "\(String(value, radix: 16))")
        }
        #expect(!NameNormalizer.hasThaiLetters("Nathan".utf8))
    }

    /// A syllable of a Thai name is no name token: "nat" is Nathan's nickname before it is a
    /// start of นาฏคายี, and "Nat Cha" starts Nathan Charlton's names as well as the Thai ones.
    @Test func aSyllableIsNotAnExactToken() {
        let nat = Self.directory.search("nat")
        #expect(nat.first?.contact.id == "n1")
        #expect(nat.first(where: { $0.contact.id == "t1" }).map { $0.reason != .nameTokens } ?? true)
        let chai = Self.directory.search("Chai")
        #expect(chai.first?.contact.id == "n2")
        #expect(chai.first?.reason == .nameTokens)
        let typed = Self.directory.search("Nat Cha")
        #expect(typed.first(where: { $0.contact.id == "t1" }).map { $0.reason != .nameTokens } ?? true)
        #expect(typed.contains { $0.contact.id == "n1" })
    }

    /// The Thai name is still found by its words, in Thai letters or in ICU's Latin.
    @Test(arguments: [("ชัฎชา นาฏคายี", "t1"), ("chadcha natkhayi", "t1"), ("นาฏคายี", "t1"), ("สมชาย ใจดี", "t2"), ("smchay cidi", "t2")])
    func theThaiNameIsFoundByItsWords(_ query: String, _ id: String) {
        #expect(Self.directory.search(query).first?.contact.id == id, "\(query)")
    }
}
