import ContactIndex

/// Writes labeled queries for a loaded directory: for each class, queries drawn from the
/// directory's own records (or made up, for the unknown classes), each with every id that is a
/// correct answer.
///
/// Two passes over the contacts. The first samples source contacts per class (reservoir
/// sampling, so any directory size works) and writes the query texts; each query also records
/// the keys that make a contact a correct answer (a phone number, an address, a name key, two
/// name prefixes, a digit run). The second pass finds every contact with one of those keys.
///
/// Labels come from the stored data: phone numbers as libphonenumber reads them at load time,
/// addresses as `EmailNormalizer` reads them, and names by `NameKey` (Foundation's folding, not
/// the engine's). A name query is correct for the contacts with the source's name and for
/// those whose name is what was typed ("Bob Smith" when someone is called that).
public struct LabeledQueryBuilder: Sendable {
    /// The seed of the draws.
    public let seed: UInt64
    /// Queries per class (fewer when the directory has too few candidates).
    public let perClass: Int
    /// The region of national phone queries (the look-up's default region).
    public let region: String

    /// Creates a builder.
    public init(seed: UInt64, perClass: Int, region: String = "US") {
        self.seed = seed
        self.perClass = perClass
        self.region = region.uppercased()
    }

    /// What makes a contact a correct answer.
    enum TruthKey: Hashable {
        case phone(String)
        case email(String)
        case name(String)
        case prefix(first: String, last: String)
        /// The folded given name's first letter and the folded family name.
        case initial(letter: String, last: String)
        case digits(String)
    }

    struct Draft {
        var queryClass: QueryClass
        var query: String
        var keys: [TruthKey]
    }

    /// Builds the queries.
    /// - Complexity: two passes over the contacts, O(n) with a few hash look-ups per contact.
    public func build(from directory: ContactDirectory) -> LabeledQuerySet {
        build(contacts: directory.contacts)
    }

    /// Builds the queries from any sequence of loaded contacts (read twice).
    public func build(contacts: some Sequence<Contact>) -> LabeledQuerySet {
        var random = SeededRandom(seed: seed, stream: 7, index: 0)
        // The initials class's own draws (see `QueryClass.nameInitials`).
        var initialsRandom = SeededRandom(seed: seed, stream: 8, index: 0)
        let oversample = perClass * 3
        var reservoirs: [QueryClass: Reservoir<Contact>] = [:]
        for queryClass in QueryClass.allCases where !queryClass.isUnknown { reservoirs[queryClass] = Reservoir(capacity: oversample) }
        var vocabulary = Set<String>()
        var nameTokens: [String] = []
        var regions = Set<String>()
        let nicknames = NicknamePairs()
        let callingCode = PhoneNormalizer.countryCode(forRegion: region)

        // Pass 1: sample sources per class.
        for contact in contacts {
            if let r = contact.region { regions.insert(r) }
            let hasPhone = contact.phones.contains { $0.normalized != nil }
            if hasPhone {
                reservoirs[.phoneE164]!.offer(contact, &random)
                reservoirs[.phoneFragment]!.offer(contact, &random)
                if contact.phones.contains(where: { $0.normalized?.countryCode == callingCode }) { reservoirs[.phoneNational]!.offer(contact, &random) }
            }
            if contact.emails.contains(where: { $0.normalized != nil }) {
                reservoirs[.emailExact]!.offer(contact, &random)
                reservoirs[.emailMixedCase]!.offer(contact, &random)
            }
            guard let first = contact.firstName, let last = contact.lastName, !first.isEmpty, !last.isEmpty else { continue }
            for word in NameKey.words(first) + NameKey.words(last) where vocabulary.insert(word).inserted {
                if word.utf8.allSatisfy({ $0 < 0x80 }) { nameTokens.append(word) }
            }
            let nonLatin = Romanizer.isNonLatin(first + last)
            reservoirs[.nameExact]!.offer(contact, &random)
            reservoirs[.nameSwapped]!.offer(contact, &random)
            if !nonLatin || (first + last).unicodeScalars.allSatisfy({ $0.value < 0x0530 }) {
                if first.count >= 3, last.count >= 3 { reservoirs[.namePrefix]!.offer(contact, &random) }
            }
            if (first + last).unicodeScalars.contains(where: { $0.value > 0x7F }), !nonLatin || (first + last).unicodeScalars.allSatisfy({ $0.value < 0x0400 }) {
                reservoirs[.nameFolded]!.offer(contact, &random)
            }
            if !nonLatin {
                if max(first.count, last.count) >= 4 { reservoirs[.nameTypo1]!.offer(contact, &random) }
                if max(first.count, last.count) >= 8 || (first.count >= 4 && last.count >= 4) { reservoirs[.nameTypo2]!.offer(contact, &random) }
                if let token = NameKey.words(first).first, !nicknames.related(to: token).isEmpty { reservoirs[.nameNickname]!.offer(contact, &random) }
                if NameKey.fold(first).first?.isLetter == true { reservoirs[.nameInitials]!.offer(contact, &initialsRandom) }
            } else {
                reservoirs[.nameTransliterated]!.offer(contact, &random)
            }
        }

        // Query texts.
        var drafts: [Draft] = []
        let typos = TypoMaker()
        for queryClass in QueryClass.allCases {
            var made: [Draft] = []
            if queryClass == .nameInitials {
                made = reservoirs[queryClass]!.items.compactMap { initialsDraft($0, &initialsRandom) }
            } else if queryClass.isUnknown {
                made = unknownDrafts(queryClass, regions: regions.sorted(), tokens: nameTokens, vocabulary: vocabulary, &random)
            } else {
                for contact in reservoirs[queryClass]!.items {
                    if let draft = draft(queryClass, contact, vocabulary: vocabulary, typos: typos, nicknames: nicknames, &random) { made.append(draft) }
                }
            }
            drafts += made
        }

        // Pass 2: every contact that each query is correct for.
        var wanted: [TruthKey: [String]] = [:]
        var wantedDigits: Set<String> = []
        var digitLengths: Set<Int> = []
        var prefixLengths: Set<[Int]> = []
        for draft in drafts {
            for key in draft.keys {
                wanted[key] = []
                if case .digits(let digits) = key { wantedDigits.insert(digits); digitLengths.insert(digits.count) }
                if case .prefix(let first, let last) = key { prefixLengths.insert([first.count, last.count]) }
            }
        }
        for contact in contacts {
            func add(_ key: TruthKey) {
                if wanted[key] != nil, wanted[key]!.last != contact.id { wanted[key]!.append(contact.id) }
            }
            for phone in contact.phones {
                guard let normalized = phone.normalized else { continue }
                add(.phone(normalized.e164))
                let digits = Array(normalized.e164.utf8.dropFirst())
                for length in digitLengths where digits.count >= length {
                    for start in 0...(digits.count - length) {
                        let run = String(decoding: digits[start..<(start + length)], as: UTF8.self)
                        if wantedDigits.contains(run) { add(.digits(run)) }
                    }
                }
            }
            for email in contact.emails {
                if let address = email.normalized?.address { add(.email(address)) }
            }
            if let first = contact.firstName, let last = contact.lastName, !first.isEmpty, !last.isEmpty {
                add(.name(NameKey.key(first: first, last: last)))
                let foldedFirst = NameKey.fold(first)
                let foldedLast = NameKey.fold(last)
                if let letter = foldedFirst.first { add(.initial(letter: String(letter), last: foldedLast)) }
                for lengths in prefixLengths where foldedFirst.count >= lengths[0] && foldedLast.count >= lengths[1] {
                    add(.prefix(first: String(foldedFirst.prefix(lengths[0])), last: String(foldedLast.prefix(lengths[1]))))
                }
            }
        }

        var queries: [LabeledQuery] = []
        var counts: [QueryClass: Int] = [:]
        for draft in drafts {
            var expected: [String] = []
            var seen = Set<String>()
            for key in draft.keys { for id in wanted[key] ?? [] where seen.insert(id).inserted { expected.append(id) } }
            if draft.queryClass.isUnknown {
                guard expected.isEmpty else { continue }
            } else {
                guard !expected.isEmpty else { continue }
                // A digit run is a fair question only when it narrows to a few contacts.
                if draft.queryClass == .phoneFragment, expected.count > 5 { continue }
            }
            guard counts[draft.queryClass, default: 0] < perClass else { continue }
            counts[draft.queryClass, default: 0] += 1
            queries.append(LabeledQuery(draft.queryClass, query: draft.query, expected: expected))
        }
        return LabeledQuerySet(queries)
    }

    // MARK: - Query texts

    private func draft(
        _ queryClass: QueryClass, _ contact: Contact, vocabulary: Set<String>, typos: TypoMaker, nicknames: NicknamePairs,
        _ random: inout SeededRandom
    ) -> Draft? {
        switch queryClass {
        case .phoneE164:
            let phones = contact.phones.compactMap(\.normalized)
            guard !phones.isEmpty else { return nil }
            let phone = random.pick(phones)
            return Draft(queryClass: queryClass, query: phone.e164, keys: [.phone(phone.e164)])
        case .phoneNational:
            let code = PhoneNormalizer.countryCode(forRegion: region)
            guard let phone = contact.phones.compactMap(\.normalized).first(where: { $0.countryCode == code }),
                  var text = PhoneNormalizer.format(e164: phone.e164, national: true)
            else { return nil }
            if random.chance(0.3) { text = String(text.filter(\.isNumber)) } else if random.chance(0.3) {
                text = String(text.map { $0 == " " ? "-" : $0 }.filter { $0 != "(" && $0 != ")" })
            }
            return Draft(queryClass: queryClass, query: text, keys: [.phone(phone.e164)])
        case .phoneFragment:
            let phones = contact.phones.compactMap(\.normalized)
            guard !phones.isEmpty else { return nil }
            let national = Array(random.pick(phones).nationalNumber)
            let length = random.chance(0.5) ? 6 : 7
            guard national.count >= length else { return nil }
            let start = random.chance(0.5) ? national.count - length : Int.random(in: 0...(national.count - length), using: &random)
            let run = String(national[start..<(start + length)])
            return Draft(queryClass: queryClass, query: run, keys: [.digits(run)])
        case .emailExact, .emailMixedCase:
            guard let email = contact.emails.filter({ $0.normalized != nil }).randomElement(using: &random), let normalized = email.normalized else { return nil }
            var text = email.raw.trimmingSpaces
            if queryClass == .emailMixedCase {
                // ASCII letters only: upper-casing "ς" gives "Σ", which folds back to "σ", another domain.
                let mixed = random.chance(0.3) ? asciiUppercased(text) : toggledCase(text, &random)
                guard mixed != text else { return nil }
                text = mixed
            }
            return Draft(queryClass: queryClass, query: text, keys: [.email(normalized.address)])
        default:
            return nameDraft(queryClass, contact, vocabulary: vocabulary, typos: typos, nicknames: nicknames, &random)
        }
    }

    private func nameDraft(
        _ queryClass: QueryClass, _ contact: Contact, vocabulary: Set<String>, typos: TypoMaker, nicknames: NicknamePairs,
        _ random: inout SeededRandom
    ) -> Draft? {
        guard let first = contact.firstName, let last = contact.lastName else { return nil }
        let source = TruthKey.name(NameKey.key(first: first, last: last))
        func typed(_ text: String) -> [TruthKey] { [source, .name(NameKey.key(typed: text))] }
        switch queryClass {
        case .nameExact:
            return Draft(queryClass: queryClass, query: displayName(first: first, last: last, contact: contact), keys: [source])
        case .nameFolded:
            // Latin names as typed on a US keyboard ("muller hans" for "Hans Müller"); Greek
            // names in lower case without accents, as Greeks type them.
            func folded(_ word: String) -> String { Romanizer.isNonLatin(word) ? NameKey.fold(word) : ASCIIFoldingName.strip(word).lowercased() }
            let folded = folded(first) + " " + folded(last)
            // A contact whose name is the typed text is a right answer too: the lead "Duc Ha
            // Hoang" for "duc ha hoang", typed for "Đức Hà Hoàng" (whose key keeps its "đ").
            return Draft(queryClass: queryClass, query: folded, keys: typed(folded))
        case .nameSwapped:
            return Draft(queryClass: queryClass, query: random.chance(0.5) ? "\(last) \(first)" : "\(last), \(first)", keys: [source])
        case .namePrefix:
            let p1 = String(first.prefix(random.chance(0.5) ? 3 : 4))
            let p2 = String(last.prefix(random.chance(0.5) ? 3 : 4))
            guard !p1.contains(" "), !p2.contains(" ") else { return nil }
            var text = p1 + " " + p2
            if random.chance(0.5) { text = text.lowercased() }
            return Draft(queryClass: queryClass, query: text, keys: [.prefix(first: NameKey.fold(p1), last: NameKey.fold(p2))])
        case .nameTypo1, .nameTypo2:
            let edits = queryClass == .nameTypo1 ? 1 : 2
            var words = [first, last]
            let long = [0, 1].filter { words[$0].count >= (edits == 1 ? 4 : 8) }
            if let index = long.isEmpty ? nil : random.pick(long) {
                guard let edited = edits == 1 ? typos.edit(words[index], &random) : twoEdits(words[index], typos: typos, &random) else { return nil }
                words[index] = edited
            } else if edits == 2, first.count >= 4, last.count >= 4 {
                words = [typos.edit(first, &random), typos.edit(last, &random)]
            } else {
                return nil
            }
            let changed = zip(words, [first, last]).filter { $0.0 != $0.1 }
            let total = changed.reduce(0) { $0 + TypoMaker.distance($1.0, $1.1) }
            guard total == edits else { return nil }
            // A typo that spells another name in the directory is that name, not a typo.
            for (word, _) in changed where NameKey.words(word).contains(where: { vocabulary.contains($0) }) { return nil }
            let text = words.joined(separator: " ")
            return Draft(queryClass: queryClass, query: text, keys: typed(text))
        case .nameNickname:
            guard let token = NameKey.words(first).first else { return nil }
            let choices = nicknames.related(to: token)
            guard !choices.isEmpty else { return nil }
            let nickname = random.pick(choices)
            let text = nickname.prefix(1).uppercased() + nickname.dropFirst() + " " + last
            return Draft(queryClass: queryClass, query: text, keys: typed(text))
        case .nameTransliterated:
            let romanizer = Romanizer.shared
            guard let latinFirst = romanizer.romanize(first), let latinLast = romanizer.romanize(last, isFamilyName: true) else { return nil }
            let familyFirst = isEastAsian(first + last)
            let text = (familyFirst && random.chance(0.6)) || random.chance(0.1) ? "\(latinLast) \(latinFirst)" : "\(latinFirst) \(latinLast)"
            return Draft(queryClass: queryClass, query: text, keys: typed(text))
        default:
            return nil
        }
    }

    /// "J Smith" or "J. Smith" for John Smith: correct for every contact whose folded given name
    /// starts with that letter and whose folded family name is the same.
    private func initialsDraft(_ contact: Contact, _ random: inout SeededRandom) -> Draft? {
        guard let first = contact.firstName, let last = contact.lastName, let letter = NameKey.fold(first).first, letter.isLetter else { return nil }
        let text = letter.uppercased() + (random.chance(0.5) ? ". " : " ") + last
        return Draft(queryClass: .nameInitials, query: text, keys: [.initial(letter: String(letter), last: NameKey.fold(last))])
    }

    /// Two edits on one word of 8+ letters, at distance exactly 2.
    private func twoEdits(_ word: String, typos: TypoMaker, _ random: inout SeededRandom) -> String? {
        for _ in 0..<4 {
            let edited = typos.edit(typos.edit(word, &random), &random)
            if TypoMaker.distance(edited, word) == 2 { return edited }
        }
        return nil
    }

    /// The name as an agent types it: given then family, or family first without a space for
    /// Chinese and Korean names, with a space for Japanese ones.
    private func displayName(first: String, last: String, contact: Contact) -> String {
        guard isEastAsian(first + last) else { return "\(first) \(last)" }
        let japanese = contact.region == "JP" || (first + last).unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) }
        return japanese ? "\(last) \(first)" : last + first
    }

    private func isEastAsian(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) || (0xAC00...0xD7A3).contains($0.value) }
    }

    private func asciiUppercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }, as: UTF8.self)
    }

    private func toggledCase(_ text: String, _ random: inout SeededRandom) -> String {
        var out = ""
        var startOfWord = true
        for character in text {
            let flip = character.isASCII && (startOfWord || random.chance(0.1))
            out += flip ? (character.isUppercase ? character.lowercased() : character.uppercased()) : String(character)
            startOfWord = character == "." || character == "@" || character == "_"
        }
        return out
    }

    // MARK: - Unknown classes

    private func unknownDrafts(
        _ queryClass: QueryClass, regions: [String], tokens: [String], vocabulary: Set<String>, _ random: inout SeededRandom
    ) -> [Draft] {
        var drafts: [Draft] = []
        switch queryClass {
        case .phoneUnknown:
            let factory = PhoneNumberFactory(regions: regions.isEmpty ? [region] : regions)
            for _ in 0..<(perClass * 2) {
                let target = random.chance(0.5) ? region : random.pick(regions.isEmpty ? [region] : regions)
                guard let e164 = factory.number(region: target, line: random.chance(0.5) ? .fixed : .mobile, &random) else { continue }
                drafts.append(Draft(queryClass: queryClass, query: e164, keys: [.phone(e164)]))
            }
        case .emailUnknown:
            let domains = ["gmail.com", "outlook.com", "yahoo.com", "example.org", "web.de", "mail.ru", "qq.com", "acme-widgets.com"]
            for _ in 0..<(perClass * 2) {
                let local = pseudoWord(&random) + random.pick([".", "_", ""]) + pseudoWord(&random) + String(Int.random(in: 1...99, using: &random))
                let address = local + "@" + random.pick(domains)
                drafts.append(Draft(queryClass: queryClass, query: address, keys: [.email(address)]))
            }
        case .nameUnknown:
            for _ in 0..<(perClass * 2) {
                let first = pseudoWord(&random)
                let last = pseudoWord(&random)
                guard !vocabulary.contains(first), !vocabulary.contains(last) else { continue }
                let text = first.prefix(1).uppercased() + first.dropFirst() + " " + last.prefix(1).uppercased() + last.dropFirst()
                drafts.append(Draft(queryClass: queryClass, query: text, keys: [.name(NameKey.key(typed: text))]))
            }
        default: break
        }
        return drafts
    }

    /// A pronounceable word that is no name: consonant-vowel syllables with rare letters.
    private func pseudoWord(_ random: inout SeededRandom) -> String {
        let onsets = ["zv", "qu", "xr", "kl", "vr", "zh", "pf", "gw", "dj", "tz", "sk", "br", "x", "z", "q", "v", "k"]
        let vowels = ["a", "e", "i", "o", "u", "y", "ao", "ei", "ui"]
        let codas = ["x", "q", "zk", "rv", "lz", "", "n", "th"]
        var word = ""
        for _ in 0..<Int.random(in: 2...3, using: &random) { word += random.pick(onsets) + random.pick(vowels) }
        return word + random.pick(codas)
    }
}

/// A uniform sample of fixed size from a stream (Algorithm R).
struct Reservoir<Item> {
    let capacity: Int
    private(set) var items: [Item] = []
    private var seen = 0

    init(capacity: Int) { self.capacity = capacity }

    mutating func offer(_ item: Item, _ random: inout SeededRandom) {
        seen += 1
        if items.count < capacity { items.append(item); return }
        let slot = Int.random(in: 0..<seen, using: &random)
        if slot < capacity { items[slot] = item }
    }
}
