import DirectoryGenerator
import Testing

@Suite("Romanizer")
struct RomanizerTests {
    @Test(arguments: [
        ("Иванов", false, "Ivanov"), ("Дмитрий", false, "Dmitriy"), ("Щербакова", false, "Shcherbakova"),
        ("Олександр", false, "Oleksandr"), ("Παπαδόπουλος", false, "Papadopoulos"), ("Γιώργος", false, "Giorgos"),
        ("Μπακογιάννης", false, "Bakogiannis"), ("राहुल", false, "Rahul"), ("शर्मा", false, "Sharma"), ("अमित", false, "Amit"),
        ("김", true, "Kim"), ("민준", false, "Minjun"), ("王", true, "Wang"), ("小明", false, "Xiaoming"),
        ("محمد", false, "Mohammed"), ("الحسن", true, "Al-Hassan"), ("佐藤", true, "Sato"), ("Müller", false, "Müller"),
    ])
    func typedLatin(name: String, family: Bool, expected: String) {
        #expect(Romanizer.shared.romanize(name, isFamilyName: family) == expected)
    }

    @Test func unknownArabicHasNoRomanization() {
        #expect(Romanizer.shared.romanize("زغلولي") == nil)
    }

    @Test func vietnameseIsLatin() {
        #expect(!Romanizer.isNonLatin("Nguyễn Thị Hương"))
        #expect(Romanizer.isNonLatin("Ольга"))
    }
}
