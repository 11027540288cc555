import Testing
@testable import ContactIndex

@Suite struct NameNormalizerTests {
    let names = NameNormalizer.shared

    @Test(arguments: [
        ("Müller", "muller"),
        ("MÜLLER", "muller"),
        ("Straße", "strasse"),
        ("Æsir", "aesir"),
        ("Øster", "oster"),
        ("Élodie Lefèvre", "elodie lefevre"),
        ("Иванов", "ivanov"),
        ("Ελένη", "elene"),
        ("王小明", "wang xiao ming"),
        ("Łukasz Żółć", "lukasz zolc"),
        ("Ｊｏｈｎ", "john"),
        ("John", "john"),
        ("", ""),
        // Longer than the shim's stack buffer: the text must survive the buffer's growth.
        ("José María Fernández de la Torre y Gómez-Ortiz", "jose maria fernandez de la torre y gomez-ortiz"),
        ("Александр Сергеевич Пушкин-Иванов Петрович", "aleksandr sergeevic puskin-ivanov petrovic"),
    ])
    func folds(_ input: String, _ expected: String) {
        #expect(names.fold(input) == expected)
    }

    @Test func foldsEveryScriptToASCII() {
        for name in ["山田太郎", "मोहन", "محمد", "김민준", "Nguyễn Văn An", "Þór"] {
            let folded = names.fold(name)
            #expect(!folded.isEmpty, "\(name) folded to nothing")
            #expect(folded.unicodeScalars.allSatisfy { $0.isASCII }, "\(name) folded to \(folded)")
        }
    }

    @Test(arguments: [
        ("Smith-Jones, Mary Ann", ["smith", "jones", "mary", "ann"]),
        ("O'Brien", ["obrien"]),
        ("  de la   Cruz ", ["de", "la", "cruz"]),
        ("Иван Иванов", ["ivan", "ivanov"]),
        ("", []),
        ("---", []),
    ])
    func tokenizes(_ input: String, _ expected: [String]) {
        #expect(names.tokens(input) == expected)
    }

    @Test func collationKeysAreCaseAndAccentBlind() {
        #expect(names.collationKey("Müller") == names.collationKey("muller"))
        #expect(names.collationKey("MULLER") == names.collationKey("müller"))
        #expect(names.collationKey("Smith,  John") == names.collationKey("smith john"))
        #expect(names.collationKey("Straße") == names.collationKey("strasse"))
        #expect(names.collationKey("Müller") != names.collationKey("Miller"))
        #expect(names.collationKey("Ελένη") == names.collationKey("ΕΛΕΝΗ"))
        #expect(names.collationKey("Иванов") == names.collationKey("иванов"))
        #expect(names.collationKey("Ærø") == names.collationKey("ÆRØ"))
        #expect(names.collationKey("Øster") == names.collationKey("oster"), "Ø differs from O only at secondary strength in the root order")
    }

    @Test func longNamesFoldWhole() {
        let long = String(repeating: "Müller-Lüdenscheidt ", count: 20)
        let folded = names.fold(long)
        #expect(folded == String(repeating: "muller-ludenscheidt ", count: 20))
    }

    @Test func collationKeysOrderLikeTheCollator() {
        let sorted = ["Ängström", "Abel", "Zoë", "émile", "Bob"].sorted { names.collationKey($0).lexicographicallyPrecedes(names.collationKey($1)) }
        #expect(sorted == ["Abel", "Ängström", "Bob", "émile", "Zoë"])
    }

    @Test func emptyNameHasOnlyTheTerminator() {
        #expect(names.collationKey("") == [0])
        #expect(names.collationKey("  ,, ") == [0])
    }

    /// Prefix bounds rely on the primary weights of a prefix being a byte prefix of the whole's.
    @Test(arguments: [("Ива", "Иванов"), ("Ελ", "Ελένη"), ("王", "王小明"), ("mü", "Müller"), ("Ø", "Østergaard"),
                      ("मो", "मोहन"), ("مح", "محمد"), ("de la", "de la Cruz"), ("O'B", "O'Brien"), ("smi", "Smith John")])
    func prefixBoundsContainTheWhole(_ prefix: String, _ whole: String) {
        let bounds = names.collationPrefixBounds(prefix)
        let key = names.collationKey(whole)
        #expect(!key.lexicographicallyPrecedes(bounds.lower))
        #expect(key.lexicographicallyPrecedes(bounds.upper))
    }

    @Test func prefixBoundsExcludeOtherNames() {
        let bounds = names.collationPrefixBounds("smi")
        #expect(names.collationKey("Smyth").lexicographicallyPrecedes(bounds.upper) == false)
        #expect(names.collationKey("Sma").lexicographicallyPrecedes(bounds.lower))
    }

    @Test func idnaRoundTrips() throws {
        #expect(try IDNA.toASCII("müller.de") == "xn--mller-kva.de")
        #expect(try IDNA.toUnicode("xn--mller-kva.de") == "müller.de")
        #expect(throws: ICUError.self) { try IDNA.toASCII("exa_mple.com") }
        #expect(!IDNA.icuVersion.isEmpty)
    }

    @Test func foldingIsSafeFromManyThreads() async {
        let inputs = ["Müller", "Иванов", "Ελένη", "王小明", "Straße"]
        let shared = self.names
        let expected = inputs.map { shared.fold($0) }
        let results = await withTaskGroup(of: Bool.self) { group in
            for round in 0..<64 {
                group.addTask {
                    let index = round % inputs.count
                    return shared.fold(inputs[index]) == expected[index]
                        && shared.collationKey(inputs[index]) == shared.collationKey(inputs[index].uppercased())
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 })
    }
}
