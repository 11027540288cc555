import Testing
@testable import ContactIndex

/// A name typed in Cyrillic or Greek letters finds the person stored in Latin letters as
/// English texts and passports spell them (`TranscribedQueryTokens`: the BGN/PCGN and UNGEGN
/// spelling of each typed word is an exact spelling of it), as the Latin spelling typed finds
/// the name stored in Cyrillic or Greek. Before, the query read as ICU's scholarly spelling
/// ("sergej", "dmitrij", "maurides") and met those persons one or two typing errors away, or
/// by the family name only.
@Suite struct CyrillicGreekQuerySpellingTests {
    static let directory = ContactDirectory([
        Contact(id: "r1", firstName: "Sergey", lastName: "Ivanov"),
        Contact(id: "r2", firstName: "Dmitriy", lastName: "Sokolov"),
        Contact(id: "r3", firstName: "Oleg", lastName: "Sokolov"),
        Contact(id: "r4", firstName: "Yuliya", lastName: "Tkachenko"),
        Contact(id: "g1", firstName: "Georgia", lastName: "Mavridis"),
        Contact(id: "g2", firstName: "Georgia", lastName: "Mavros"),
        Contact(id: "x1", firstName: "Sergej", lastName: "Ivanovic"),
    ])

    @Test(arguments: [
        ("Сергей Иванов", "r1"), ("Дмитрий Соколов", "r2"), ("Юлия Ткаченко", "r4"), ("Γεωργία Μαυρίδης", "g1"),
        ("Μαυρίδης", "g1"),
    ])
    func theLatinSpellingIsAnExactMatch(_ text: String, _ id: String) throws {
        for found in [Self.directory.search(text), Self.directory.lookup(fuzzyName: text)] {
            let described = found.map { "\($0.contact.id) \($0.reason) \($0.score)" }
            let match = try #require(found.first { $0.contact.id == id }, "\(text): \(described)")
            // Every typed word on the name, spelled as English texts spell it: no typing error.
            #expect(![.fuzzyOneEdit, .fuzzyTwoEdits, .partialName, .romanized].contains(match.reason), "\(text): \(described)")
            #expect(found.first?.contact.id == id, "\(text): \(described)")
        }
    }

    @Test func theSpellingsFollowTheWords() throws {
        let names = try NameNormalizer()
        let text = "Сергей Иванов"
        let spellings = TranscribedQueryTokens(text: text, tokens: names.tokens(text), names: names)
        // "Иванов" is Russian by its first letter (Ukrainian writes "Іванов"); the text as a
        // whole is then not read as Ukrainian (`NameNormalizer.isUkrainian`).
        #expect(names.tokens(text).map { spellings.spellings(of: $0) } == [["sergey", "sergei"], []])
        let possiblyUkrainian = "Сергей Бондаренко"
        let both = TranscribedQueryTokens(text: possiblyUkrainian, tokens: names.tokens(possiblyUkrainian), names: names)
        #expect(names.tokens(possiblyUkrainian).map { both.spellings(of: $0) } == [["sergey", "serhey", "sergei", "serhei"], []])
        let latin = TranscribedQueryTokens(text: "Sergey Ivanov", tokens: ["sergey", "ivanov"], names: names)
        #expect(latin.spellings(of: "sergey").isEmpty && latin.spellings(of: "ivanov").isEmpty)
    }

    /// Persons stored in Latin letters as English texts, passports and CRMs write Russian and
    /// Ukrainian names, beside BGN/PCGN (`CyrillicNameSpellings`), and a Latin namesake of one
    /// word each. Before, "Дмитрий Соколов" found Dmitry Sokolov by the family name only (BGN's
    /// "dmitriy" is one typing error from "dmitry"), after Yevgeny Sokolov; "Максим Зайцев"
    /// found nothing.
    static let englishSpellings = ContactDirectory([
        Contact(id: "e1", firstName: "Dmitry", lastName: "Sokolov"),
        Contact(id: "e2", firstName: "Alexander", lastName: "Fedorov"),
        Contact(id: "e3", firstName: "Yuri", lastName: "Volkov"),
        Contact(id: "e4", firstName: "Evgeny", lastName: "Popov"),
        Contact(id: "e5", firstName: "Xenia", lastName: "Orlova"),
        Contact(id: "e6", firstName: "Natalia", lastName: "Kozlova"),
        Contact(id: "e7", firstName: "Alexey", lastName: "Morozov"),
        Contact(id: "e8", firstName: "Nikolai", lastName: "Lebedev"),
        Contact(id: "e9", firstName: "Fyodor", lastName: "Vasiliev"),
        Contact(id: "e10", firstName: "Maxim", lastName: "Zaitsev"),
        Contact(id: "e11", firstName: "Grigory", lastName: "Belyi"),
        Contact(id: "e12", firstName: "Yuliia", lastName: "Shevchenko"),
        Contact(id: "e13", firstName: "Serhii", lastName: "Tkachenko"),
        Contact(id: "e14", firstName: "Yevgeny", lastName: "Smirnov"),
        Contact(id: "o1", firstName: "Oleg", lastName: "Sokolov"),
        Contact(id: "o2", firstName: "Yevgeny", lastName: "Sokolov"),
        Contact(id: "o3", firstName: "Alexander", lastName: "Popov"),
        Contact(id: "o4", firstName: "Dmitri", lastName: "Morozova"),
    ])

    @Test(arguments: [
        ("Дмитрий Соколов", "e1"), ("Александр Федоров", "e2"), ("Юрий Волков", "e3"), ("Евгений Попов", "e4"),
        ("Ксения Орлова", "e5"), ("Наталья Козлова", "e6"), ("Алексей Морозов", "e7"), ("Николай Лебедев", "e8"),
        ("Фёдор Васильев", "e9"), ("Максим Зайцев", "e10"), ("Григорий Белый", "e11"), ("Юлія Шевченко", "e12"),
        ("Сергій Ткаченко", "e13"), ("Евгений Смирнов", "e14"),
    ])
    func theEnglishSpellingIsAnExactMatch(_ text: String, _ id: String) throws {
        for found in [Self.englishSpellings.search(text), Self.englishSpellings.lookup(fuzzyName: text)] {
            let described = found.map { "\($0.contact.id) \($0.reason) \($0.score)" }
            let match = try #require(found.first { $0.contact.id == id }, "\(text): \(described)")
            #expect(![.fuzzyOneEdit, .fuzzyTwoEdits, .partialName, .romanized].contains(match.reason), "\(text): \(described)")
            #expect(found.first?.contact.id == id, "\(text): \(described)")
        }
    }

    /// The other way round: the same spellings typed in Latin letters find the names written in
    /// Cyrillic, which are indexed under them (`NameNormalizer.alternateRomanization`), before a
    /// Latin name one typing error away. Before, "Dmitry Sokolov" found Дмитрий Соколов as a
    /// typing error (fuzzy_1 0.61), "Alexander Fedorov" and "Maxim Zaitsev" as romanized spellings.
    static let cyrillicNames = ContactDirectory([
        Contact(id: "c1", firstName: "Дмитрий", lastName: "Соколов"),
        Contact(id: "c2", firstName: "Александр", lastName: "Фёдоров"),
        Contact(id: "c3", firstName: "Юрий", lastName: "Волков"),
        Contact(id: "c4", firstName: "Евгений", lastName: "Попов"),
        Contact(id: "c5", firstName: "Ксения", lastName: "Орлова"),
        Contact(id: "c6", firstName: "Наталья", lastName: "Козлова"),
        Contact(id: "c7", firstName: "Алексей", lastName: "Морозов"),
        Contact(id: "c8", firstName: "Фёдор", lastName: "Васильев"),
        Contact(id: "c9", firstName: "Максим", lastName: "Зайцев"),
        Contact(id: "c10", firstName: "Андрій", lastName: "Зеленський"),
        Contact(id: "l1", firstName: "Dmitri", lastName: "Sokolova"),
        Contact(id: "l2", firstName: "Alexandra", lastName: "Fedorova"),
        Contact(id: "l3", firstName: "Maxime", lastName: "Zaitseva"),
    ])

    @Test(arguments: [
        ("Dmitry Sokolov", "c1"), ("Dmitri Sokolov", "c1"), ("Alexander Fedorov", "c2"), ("Yuri Volkov", "c3"),
        ("Evgeny Popov", "c4"), ("Xenia Orlova", "c5"), ("Natalia Kozlova", "c6"), ("Alexei Morozov", "c7"),
        ("Fyodor Vasiliev", "c8"), ("Maxim Zaitsev", "c9"), ("Andrii Zelenskyi", "c10"),
    ])
    func theCyrillicNameIsAnExactMatchOfTheEnglishSpelling(_ text: String, _ id: String) throws {
        for found in [Self.cyrillicNames.search(text), Self.cyrillicNames.lookup(fuzzyName: text)] {
            let described = found.map { "\($0.contact.id) \($0.reason) \($0.score)" }
            let match = try #require(found.first { $0.contact.id == id }, "\(text): \(described)")
            #expect(![.fuzzyOneEdit, .fuzzyTwoEdits, .partialName, .romanized].contains(match.reason), "\(text): \(described)")
            #expect(found.first?.contact.id == id, "\(text): \(described)")
        }
    }
}

/// A derived spelling (`CyrillicNameSpellings`) is an alternate token, which counts half for
/// the bonus: it takes a query token from the name as written only when that raises the score
/// (`ContactDirectory.alternateQualityHandicap`). Before, "vitaly", shorter than "vitalij", was
/// the better prefix of "vit" and put Vitaliy Isakov before Виталий Исаков for "Вит Исак".
@Suite struct DerivedSpellingChoiceTests {
    static let directory = ContactDirectory([
        Contact(id: "c1", firstName: "Виталий", lastName: "Исаков"),
        Contact(id: "l1", firstName: "Vitaliy", lastName: "Isakov"),
    ])

    @Test(arguments: [("Вит Исак", "c1"), ("Вита Исаков", "c1"), ("vit isak", "l1"), ("vitaliy isak", "l1")])
    func theNameWrittenAsTypedComesFirst(_ text: String, _ id: String) {
        for found in [Self.directory.search(text), Self.directory.lookup(fuzzyName: text)] {
            let described = found.map { "\($0.contact.id) \($0.reason) \($0.score)" }
            #expect(found.count == 2 && found.first?.contact.id == id, "\(text): \(described)")
        }
    }
}
