/// How a name written in Arabic script (Arabic, Persian, Urdu) meets the Latin spelling people
/// type for it.
///
/// ICU romanizes the script letter by letter, as the folded tokens hold it: "mhmd" for محمد,
/// "hsyny" for حسینی, "rda" for رضا. Short vowels are not written; long ones are the letters
/// ا, و and ی ("a", "w", "y"); a doubled consonant is written once; and several letters are
/// read differently in the languages that use the script: ض is "d" in Arabic and "z" in
/// Persian ("Reza"), ذ "dh", "z" or "d" ("Zaki"), ث "th", "s" or "t" ("Osman", "Sabet"), ق
/// "q", "k", "g" or "gh" ("Ghasemi"), ج "j" or "g" (Egyptian "Gamal"). People type the vowels,
/// double the consonants and write each letter as their language reads it, so the plain edit
/// distance of `NameQueryToken.romanizedQuality` misses most such names: "hosseini" is 5 edits
/// from "hsyny", "reza" shares no skeleton with "rda".
///
/// So the two are aligned letter by letter (`alignment`): a typed vowel against nothing, a
/// doubled typed consonant against its one letter, a long vowel's letter against the vowels
/// that write it ("ou" for و, "ei" for ی) or against nothing, the article "al" against "el",
/// "ul", a vowel or nothing, and every other letter against its spellings in these languages.
/// The alignment counts *hard* edits (a consonant missing, added or replaced) apart from *soft*
/// ones (a vowel typed or left out, the article left out). A token stands for the typed one
/// when their consonants agree (no hard edit: a romanized match ranks above two typing errors,
/// and with one allowed, "gossellong" met "qysylan", قيس عيلان) and the soft edits are at most
/// a third of the letters typed (one, for a token of one consonant: "mahmoud" is محمود, "mhmwd",
/// not محمد, "mhmd"); its quality falls with them (`quality`).
///
/// The candidates come from the consonant skeletons (`ConsonantSkeleton`), where a token of
/// Arabic script is also filed under the skeletons of its letters read the other ways
/// (`alternateSkeletons`): "rda" under "rz" too, where "reza" looks.
enum ArabicScriptSpelling {
    /// The most letters either side may have: longer tokens are not compared.
    static let maximumLength = 32

    /// How well ICU's romanization `token` of a name in Arabic script stands for `typed` (both
    /// folded: lower-case ASCII), as a romanized spelling; nil when it does not (see the type's
    /// description).
    /// - Parameter typedLetters: `letterMask(typed)`, made once by a caller that compares one
    ///   typed token with many.
    /// - Complexity: O(t · u) for t typed letters and u letters of the token.
    static func quality(typed: UnsafeBufferPointer<UInt8>, token: UnsafeBufferPointer<UInt8>, typedLetters: UInt32? = nil) -> Float? {
        guard let edits = alignment(typed: typed, token: token, typedLetters: typedLetters ?? letterMask(typed)) else { return nil }
        let share = min(1, 0.25 * edits.soft / Float(max(edits.letters, 2)))
        // One consonant is little to go by: "ly" (علي, whose ع the folding drops) is "lee" too.
        let evidence: Float = edits.consonants >= 2 ? 1 : 0.75
        return TokenMatchKind.romanized.quality * (1 - 0.5 * share) * evidence
    }

    /// The typed token without the article it ends with, when it may carry the article of the
    /// next word: a compound name's second word takes the article in the script (عبد الناصر,
    /// "abd al-nasir"; نور الإسلام, "nur al-islam"), and its romanizations often join it to the
    /// first ("Abdel Nasser", "Abdul Aziz", "Nurul Islam", "Saiful Islam"). The token ends with a
    /// consonant, a vowel and "l", and what is left holds two consonants at least ("abd", "nur",
    /// "saif"), so that "adel" ("ad") or "amal" ("am") are not read so, nor "daniel". The next
    /// word matches without its article already (`Letter.Kind.article`).
    static func detachedArticleHead(of typed: [UInt8]) -> [UInt8]? {
        let n = typed.count
        guard n >= 5, n <= maximumLength, typed[n - 1] == UInt8(ascii: "l"), isVowel(typed[n - 2]), !isVowel(typed[n - 3]) else { return nil }
        let head = Array(typed[0..<(n - 2)])
        guard head.reduce(0, { $0 + (isVowel($1) ? 0 : 1) }) >= 2 else { return nil }
        return head
    }

    /// What a spelling read without a detached article (`detachedArticleHead`) keeps of its
    /// quality: less than the same token read whole, so that "jamal" is جمال before جم.
    static let detachedArticleFactor: Float = 0.9

    /// The soft edits of the best alignment of `typed` with `token` (a left-out article counts a
    /// quarter), with the token's letters (`Letter`, the article aside) and consonants among
    /// them, when the token stands for the typed one; else nil.
    ///
    /// ICU writes ز followed by ه "zh", as it writes ژ ("alzhrany" for الزهراني): a token with
    /// such pairs is also read with each letter apart, and the better reading counts.
    static func alignment(
        typed: UnsafeBufferPointer<UInt8>, token: UnsafeBufferPointer<UInt8>, typedLetters: UInt32
    ) -> (soft: Float, letters: Int, consonants: Int)? {
        let n = typed.count
        guard n >= 2, n <= maximumLength, token.count >= 2, token.count <= maximumLength else { return nil }
        guard mayAlign(typedLetters: typedLetters, token: token) else { return nil }
        return withUnsafeTemporaryAllocation(of: Letter.self, capacity: token.count) { letterBuffer in
            var best: (cost: Int, letters: Int, consonants: Int)?
            for splitsDigraphs in [false, true] {
                let m = Letter.split(token, into: letterBuffer, splittingDigraphs: splitsDigraphs)
                let letters = UnsafeBufferPointer(rebasing: letterBuffer[0..<m])
                let consonants = letters.reduce(0) { $0 + ($1.kind == .consonant ? 1 : 0) }
                let article = letters.first?.kind == .article ? 1 : 0
                // One consonant is little to go by: then hardly a vowel may differ ("iemeie", two
                // typing errors of a Latin name, is not "maya", مايا).
                let softLimit = consonants >= 2 ? max(2, (n + 1) / 3) : 1
                if consonants > 0, Self.mayStartAlike(typed, letters),
                    let cost = cheapestAlignment(typed, letters, below: (softLimit + 1) * softEdit),
                    cost < best?.cost ?? .max
                {
                    best = (cost, m - article, consonants)
                }
                // Without a digraph, both readings are one.
                if !splitsDigraphs, !letters.contains(where: { $0.second != 0 && $0.kind != .article }) { break }
            }
            guard let best else { return nil }
            return (Float(best.cost) / Float(softEdit), best.letters, best.consonants)
        }
    }

    /// The skeletons (`ConsonantSkeleton.of`) of a token of Arabic script with its letters read
    /// the other ways, besides its own: "d" and "dh" as "z" ("reza" for "rda"), "th" as "s"
    /// ("osman" for "thman"), "zh" as "j" ("jaleh" for "zhalh"), "q" and "j" as "g" ("ghasemi"
    /// for "qasmy", "gamal" for "jmal"), a last "t" as the vowel of ة ("aisha" for "aysht"),
    /// and the article kept ("eldin" for "aldyn", whose own skeleton leaves "al" out). Each of
    /// the first `maximumReadings` such letters is read either way.
    /// - Returns: the skeletons that differ from the token's own and from each other.
    static func alternateSkeletons(of token: some Collection<UInt8>) -> [String] {
        let bytes = Array(token)
        guard bytes.count <= maximumLength else { return [] }
        var readings: [(at: Int, length: Int, as: UInt8)] = []
        var index = 0
        while index < bytes.count, readings.count < maximumReadings {
            let next: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
            switch (bytes[index], next) {
            case (UInt8(ascii: "d"), UInt8(ascii: "h")): readings.append((index, 2, UInt8(ascii: "z")))
            case (UInt8(ascii: "t"), UInt8(ascii: "h")): readings.append((index, 2, UInt8(ascii: "s")))
            case (UInt8(ascii: "d"), _): readings.append((index, 1, UInt8(ascii: "z")))
            case (UInt8(ascii: "z"), UInt8(ascii: "h")): readings.append((index, 2, UInt8(ascii: "j")))
            case (UInt8(ascii: "q"), _), (UInt8(ascii: "j"), _): readings.append((index, 1, UInt8(ascii: "g")))
            case (UInt8(ascii: "t"), 0) where index > 1: readings.append((index, 1, UInt8(ascii: "a")))
            default: break
            }
            index += next == UInt8(ascii: "h") && isDigraphHead(bytes[index]) ? 2 : 1
        }
        let hasArticle = bytes.count > 4 && bytes[0] == UInt8(ascii: "a") && bytes[1] == UInt8(ascii: "l")
        let own = ConsonantSkeleton.of(bytes)
        var skeletons: [String] = []
        for keepsArticle in hasArticle ? [false, true] : [false] {
            for choice in 0..<(1 << readings.count) {
                guard choice != 0 || keepsArticle else { continue }
                var spelled: [UInt8] = []
                var from = 0
                for (bit, reading) in readings.enumerated() where choice & 1 << bit != 0 {
                    spelled.append(contentsOf: bytes[from..<reading.at])
                    // A vowel in front, which the skeleton drops, keeps the letter apart from
                    // the one before: "mrtdy" read "mrtzy" would fold "tz" into "z" (Hebrew צ),
                    // where "morteza" keeps both.
                    spelled.append(UInt8(ascii: "a"))
                    spelled.append(reading.as)
                    from = reading.at + reading.length
                }
                spelled.append(contentsOf: bytes[from...])
                let skeleton = ConsonantSkeleton.of(spelled, keepsArticle: keepsArticle)
                if !skeleton.isEmpty, skeleton != own, !skeletons.contains(skeleton) { skeletons.append(skeleton) }
            }
        }
        return skeletons
    }

    /// How many letters of a token `alternateSkeletons` reads both ways, at most (so a token is
    /// filed under at most 7 more skeletons, 15 with an article).
    static let maximumReadings = 3

    /// The letters a-z among `bytes`, one bit each (bit 0: "a"); any other byte sets bit 31.
    @inline(__always)
    static func letterMask(_ bytes: some Sequence<UInt8>) -> UInt32 {
        bytes.reduce(0) { $0 | ($1 >= 97 && $1 <= 122 ? 1 << UInt32($1 - 97) : 1 << 31) }
    }

    /// The vowels a, e, i, o, u as a `letterMask`.
    static let vowelMask = letterMask("aeiou".utf8)

    /// Whether the typed letters (`letterMask`) may align with the token's at all, read from the
    /// token's bytes in either reading of its digraphs: each of its consonants has a spelling
    /// whose first letter was typed, and each typed letter is in a spelling of some letter of the
    /// token (or is a vowel, or an "h", which may end the typed name). A quick test before the
    /// letters are split and aligned, which it passes whenever the alignment does: it leaves
    /// about one in eight of the tokens that share a typed name's skeleton at a million contacts.
    private static func mayAlign(typedLetters: UInt32, token: UnsafeBufferPointer<UInt8>) -> Bool {
        let hasArticle = token.count > 4 && token[0] == UInt8(ascii: "a") && token[1] == UInt8(ascii: "l")
        var covered = vowelMask | 1 << 7  // "h"
        for (position, byte) in token.enumerated() {
            guard byte >= 97, byte <= 122 else {
                covered |= 1 << 31
                continue
            }
            let masks = ByteMasks.table[Int(byte - 97)]
            covered |= masks.spelled
            // The article's "l", and a last "t" (ة, spelled with vowels too), need no consonant.
            if hasArticle, position < 2 { continue }
            if byte == UInt8(ascii: "t"), position == token.count - 1 { continue }
            if masks.required != 0, masks.required & typedLetters == 0 { return false }
        }
        return typedLetters & ~covered == 0
    }

    /// What `mayAlign` knows of each byte a-z of a token, in any of its readings.
    private enum ByteMasks {
        /// `required`: the first letters of its spellings as a consonant, one of which the typed
        /// name must have (0: not a consonant, as a vowel, "y", "w" and "h" are not); `spelled`:
        /// every letter of its spellings (`letterMask`).
        static let table: [(required: UInt32, spelled: UInt32)] = (UInt8(97)...UInt8(122)).map { byte in
            if isVowel(byte) { return (0, vowelMask) }
            var readings: [Letter] = []
            for isLast in [false, true] {
                let kind: Letter.Kind = switch byte {
                case UInt8(ascii: "y"), UInt8(ascii: "w"): .longVowel
                case UInt8(ascii: "h"): .h
                case UInt8(ascii: "t") where isLast: .finalT
                default: .consonant
                }
                var letter = Letter(first: byte, second: 0, kind: kind)
                letter.spellings = Spellings.List(of: letter, isLast: isLast)
                readings.append(letter)
            }
            if isDigraphHead(byte) {
                var digraph = Letter(first: byte, second: UInt8(ascii: "h"), kind: .consonant)
                digraph.spellings = Spellings.List(of: digraph, isLast: false)
                readings.append(digraph)
            }
            var required: UInt32 = 0
            var spelled: UInt32 = 0
            for reading in readings {
                let spellings = reading.spellings.map(\.spellings) ?? [String(UnicodeScalar(byte))]
                spelled |= spellings.reduce(0) { $0 | letterMask($1.utf8) }
                if reading.kind == .consonant { required |= spellings.reduce(0) { $0 | letterMask($1.utf8.prefix(1)) } }
            }
            return (required, spelled)
        }
    }

    /// Whether the token's first consonant (`Letter.Kind.consonant`) may be spelled where the
    /// typed consonants start: no typed letter before it but vowels and the letters that the
    /// token's letters before it may be spelled with (h, l, y, j, w, v). A quick test before
    /// the alignment, which it passes whenever the alignment does: most tokens sharing a
    /// query token's skeleton differ there ("amri" and "abwamr", أبو عمرو).
    private static func mayStartAlike(_ typed: UnsafeBufferPointer<UInt8>, _ letters: UnsafeBufferPointer<Letter>) -> Bool {
        guard let first = letters.firstIndex(where: { $0.kind == .consonant }) else { return true }
        let letter = letters[first]
        for position in typed.indices {
            let byte = typed[position]
            if isVowel(byte) { continue }
            if letter.startsSpelling(in: typed, at: position) { return true }
            switch byte {
            case UInt8(ascii: "h"), UInt8(ascii: "l"), UInt8(ascii: "y"), UInt8(ascii: "j"), UInt8(ascii: "w"), UInt8(ascii: "v"): continue
            default: return false
            }
        }
        return false
    }

    /// One edit of a consonant, in the alignment's cost (none is allowed).
    private static let hardEdit = 1 << 12
    /// One soft edit, in the alignment's cost; leaving the article out costs 1.
    private static let softEdit = 4

    /// The cost of the cheapest alignment (hard edits times `hardEdit`, soft ones times
    /// `softEdit`, plus one for an article left out), when it is below `limit` (at most
    /// `hardEdit`: no hard edit); else nil.
    ///
    /// A dynamic program over typed letters and token letters; each typed position's next one to
    /// three letters are packed once (`Spellings.code`), so that a letter's spellings are matched
    /// by comparing integers, and a cell that already costs `limit` goes no further (most
    /// tokens compared fail within their first letters).
    private static func cheapestAlignment(_ typed: UnsafeBufferPointer<UInt8>, _ letters: UnsafeBufferPointer<Letter>, below limit: Int) -> Int? {
        let n = typed.count
        let m = letters.count
        let width = m + 1
        let unreached = Int32(min(limit, hardEdit))
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 4 * n) { packed in
            for i in 0..<n {
                var code: UInt32 = 0
                for length in 1...3 {
                    if i + length <= n { code |= UInt32(typed[i + length - 1]) << UInt32(8 * (length - 1)) }
                    packed[4 * i + length - 1] = i + length <= n ? (code | UInt32(length) << 24) : 0
                }
                packed[4 * i + 3] = UInt32(typedSkipCost(typed, at: i))
            }
            return Spellings.codes.withUnsafeBufferPointer { codes in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: (n + 1) * width) { table in
                    table.initialize(repeating: unreached)
                    table[0] = 0
                    // The last row a cell below the limit was reached in: past it, none is.
                    var furthest = 0
                    @inline(__always) func relax(_ index: Int, _ cost: Int32) {
                        if cost < table[index] {
                            table[index] = cost
                            furthest = max(furthest, index / width)
                        }
                    }
                    for i in 0...n {
                        guard i <= furthest else { break }
                        for j in 0...m {
                            let here = i * width + j
                            let cost = table[here]
                            guard cost < unreached else { continue }
                            if i < n { relax(here + width, cost + Int32(bitPattern: packed[4 * i + 3])) }
                            guard j < m else { continue }
                            let letter = letters[j]
                            relax(here + 1, cost + letter.skipCost)
                            guard i < n else { continue }
                            let lengths = letter.spelledLengths(typed: typed, at: i, packed: packed, codes: codes)
                            if lengths & 1 != 0 { relax(here + width + 1, cost) } else { relax(here + width + 1, cost + Int32(hardEdit)) }
                            if lengths & 2 != 0 { relax(here + 2 * width + 1, cost) }
                            if lengths & 4 != 0 { relax(here + 3 * width + 1, cost) }
                        }
                    }
                    let cost = table[n * width + m]
                    return cost < unreached ? Int(cost) : nil
                }
            }
        }
    }

    /// What a typed letter aligned with nothing costs: a vowel is soft, so is a doubled
    /// consonant (free: the script writes it once) and a last "h" after a vowel ("Abdallah");
    /// any other consonant is a hard edit.
    @inline(__always)
    private static func typedSkipCost(_ typed: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let byte = typed[i]
        if isVowel(byte) { return softEdit }
        if i > 0, typed[i - 1] == byte { return 0 }
        if byte == UInt8(ascii: "h"), i == typed.count - 1, i > 0, isVowel(typed[i - 1]) { return 2 * softEdit }
        return hardEdit
    }

    @inline(__always)
    static func isVowel(_ byte: UInt8) -> Bool { ConsonantSkeleton.isVowel(byte) }

    /// Whether a byte followed by "h" is one of ICU's digraphs: "kh", "gh", "sh", "th", "dh",
    /// "zh", "ch".
    @inline(__always)
    static func isDigraphHead(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "k"), UInt8(ascii: "g"), UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "d"), UInt8(ascii: "z"), UInt8(ascii: "c"): true
        default: false
        }
    }

    /// One letter of ICU's folded romanization of Arabic script: a digraph ("kh" خ, "gh" غ, "sh"
    /// ش, "th" ث, "dh" ذ, "zh" ژ, "ch" چ) or a byte, with how it aligns.
    struct Letter {
        enum Kind {
            /// "a" (ا), or another vowel ICU wrote: any one or two typed vowels.
            case vowel
            /// "y" (ی) or "w" (و): a consonant or a long vowel.
            case longVowel
            /// "h" (ه, ح): silent at the end of a Persian name ("Fatema" for فاطمه).
            case h
            /// A last "t" after another letter: ة, typed "a", "ah", "e" or "eh" as often as "t".
            case finalT
            /// The article "al" at the start of a long token: "el", "ul", a vowel, or nothing.
            case article
            case consonant
        }

        var first: UInt8
        /// The digraph's second byte, or 0.
        var second: UInt8
        var kind: Kind
        /// Where its spellings are (`Spellings.List`), or nil: spelled as written only.
        var spellings: Spellings.List?
        /// What leaving it out of the typed spelling costs (see `split`).
        var skipCost: Int32 = 0

        /// Splits a folded token into letters; returns how many there are.
        /// - Parameter splittingDigraphs: read "kh", "sh", … as two letters each.
        static func split(
            _ token: UnsafeBufferPointer<UInt8>, into letters: UnsafeMutableBufferPointer<Letter>, splittingDigraphs: Bool
        ) -> Int {
            var count = 0
            var index = 0
            if token.count > 4, token[0] == UInt8(ascii: "a"), token[1] == UInt8(ascii: "l") {
                letters[0] = Letter(first: UInt8(ascii: "a"), second: UInt8(ascii: "l"), kind: .article, spellings: .article)
                letters[0].skipCost = Int32(letters[0].skipCost(after: nil, isLast: false))
                count = 1
                index = 2
            }
            while index < token.count {
                let byte = token[index]
                let next: UInt8 = index + 1 < token.count ? token[index + 1] : 0
                let digraph = !splittingDigraphs && next == UInt8(ascii: "h") && ArabicScriptSpelling.isDigraphHead(byte)
                let isLast = index + (digraph ? 2 : 1) == token.count
                let kind: Kind = if digraph { .consonant }
                    else if isVowel(byte) { .vowel }
                    else if byte == UInt8(ascii: "y") || byte == UInt8(ascii: "w") { .longVowel }
                    else if byte == UInt8(ascii: "h") { .h }
                    else if byte == UInt8(ascii: "t"), isLast, count > 1 { .finalT }
                    else { .consonant }
                var letter = Letter(first: byte, second: digraph ? next : 0, kind: kind)
                letter.spellings = Spellings.List(of: letter, isLast: isLast)
                letter.skipCost = Int32(letter.skipCost(after: count > 0 ? letters[count - 1] : nil, isLast: isLast))
                letters[count] = letter
                count += 1
                index += digraph ? 2 : 1
            }
            return count
        }

        /// What leaving the letter out of the typed spelling costs.
        private func skipCost(after previous: Letter?, isLast: Bool) -> Int {
            switch kind {
            // Typed without it as often as with it, but a token without it comes first
            // ("najjar": نجار before النجار).
            case .article: 1
            case .vowel, .finalT: softEdit
            // The same letter twice ("rdayy"): typed once ("Rezai").
            case .longVowel: previous.map { $0.first == first } == true ? softEdit : 2 * softEdit
            case .h: isLast ? softEdit : hardEdit
            case .consonant:
                // The same letter twice ("allh"): typed once.
                previous.map { $0.first == first && $0.second == second } == true ? softEdit : hardEdit
            }
        }

        /// Whether a spelling of the letter starts at `typed[i]`.
        func startsSpelling(in typed: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
            guard let spellings else { return second == 0 && typed[i] == first }
            return Spellings.codes[spellings.range].contains { code in
                let length = Int(code >> 24)
                guard i + length <= typed.count else { return false }
                return (0..<length).allSatisfy { typed[i + $0] == UInt8(truncatingIfNeeded: code >> UInt32(8 * $0)) }
            }
        }

        /// The lengths (bit 0: one letter, bit 1: two, bit 2: three) of the spellings of the
        /// letter that `typed` has at `i`, whose next letters `packed` holds (see
        /// `cheapestAlignment`).
        @inline(__always)
        func spelledLengths(
            typed: UnsafeBufferPointer<UInt8>, at i: Int, packed: UnsafeMutableBufferPointer<UInt32>, codes: UnsafeBufferPointer<UInt32>
        ) -> UInt8 {
            if kind == .vowel {
                guard isVowel(typed[i]) else { return 0 }
                return i + 1 < typed.count && isVowel(typed[i + 1]) ? 3 : 1
            }
            guard let spellings else { return second == 0 && typed[i] == first ? 1 : 0 }
            var lengths: UInt8 = 0
            for code in codes[spellings.range] {
                let length = Int(code >> 24)
                if packed[4 * i + length - 1] == code { lengths |= 1 << UInt8(length - 1) }
            }
            return lengths
        }
    }

    /// The Latin spellings of the letters that people write in more than one way.
    enum Spellings {
        /// The letters with spellings of their own.
        enum List: Int, CaseIterable {
            case article, kh, gh, sh, th, dh, zh, ch, q, k, j, g, d, z, t, finalT, s, b, p, f, h, finalH, y, finalY, w

            /// The list of a letter, if it has one.
            init?(of letter: Letter, isLast: Bool) {
                switch (letter.first, letter.second) {
                case (UInt8(ascii: "k"), UInt8(ascii: "h")): self = .kh
                case (UInt8(ascii: "g"), UInt8(ascii: "h")): self = .gh
                case (UInt8(ascii: "s"), UInt8(ascii: "h")): self = .sh
                case (UInt8(ascii: "t"), UInt8(ascii: "h")): self = .th
                case (UInt8(ascii: "d"), UInt8(ascii: "h")): self = .dh
                case (UInt8(ascii: "z"), UInt8(ascii: "h")): self = .zh
                case (UInt8(ascii: "c"), UInt8(ascii: "h")): self = .ch
                case (_, 0):
                    switch letter.first {
                    case UInt8(ascii: "q"): self = .q
                    case UInt8(ascii: "k"): self = .k
                    case UInt8(ascii: "j"): self = .j
                    case UInt8(ascii: "g"): self = .g
                    case UInt8(ascii: "d"): self = .d
                    case UInt8(ascii: "z"): self = .z
                    case UInt8(ascii: "t"): self = letter.kind == .finalT ? .finalT : .t
                    case UInt8(ascii: "s"): self = .s
                    case UInt8(ascii: "b"): self = .b
                    case UInt8(ascii: "p"): self = .p
                    case UInt8(ascii: "f"): self = .f
                    case UInt8(ascii: "h"): self = isLast ? .finalH : .h
                    case UInt8(ascii: "y"): self = isLast ? .finalY : .y
                    case UInt8(ascii: "w"): self = .w
                    default: return nil
                    }
                default: return nil
                }
            }

            /// Where its spellings are in `codes`.
            var range: Range<Int> { Spellings.ranges[rawValue] }

            /// Its spellings.
            var spellings: [String] {
                switch self {
                case .article: ["al", "el", "ul", "il", "ol", "a", "e", "u", "i", "o"]
                case .kh: ["kh", "h", "k", "ch", "x"]
                case .gh: ["gh", "g", "q"]
                case .sh: ["sh", "ch", "sch", "s"]
                case .th: ["th", "s", "t"]
                case .dh: ["dh", "z", "d", "th"]
                case .zh: ["zh", "j", "z"]
                case .ch: ["ch", "tch", "c"]
                case .q: ["q", "k", "g", "gh"]
                case .k: ["k", "c", "ck", "q"]
                case .j: ["j", "g", "dj", "zh"]
                case .g: ["g", "gh", "j"]
                case .d: ["d", "z", "dh"]
                case .z: ["z", "dh", "d"]
                case .t: ["t", "th"]
                // ة: "Fatima", "Fatimah", "Fatemeh" as often as "Fatimat".
                case .finalT: ["t", "th", "h", "a", "e", "ah", "eh"]
                case .s: ["s", "c"]
                case .b: ["b", "p"]
                case .p: ["p", "b"]
                case .f: ["f", "ph"]
                case .h: ["h"]
                // A last ه of Persian is typed as the vowel it ends on.
                case .finalH: ["h", "a", "e", "ah", "eh"]
                case .y: ["y", "i", "ee", "ie", "ei", "ey", "e", "j"]
                // A last ی or ى may be read "a" (alef maksura: "Mostafa", "Morteza").
                case .finalY: ["y", "i", "ee", "ie", "ei", "ey", "e", "a"]
                case .w: ["w", "v", "o", "u", "oo", "ou", "ow", "au", "aw", "uw"]
                }
            }
        }

        /// Every list's spellings, packed (`code`), list after list.
        static let codes: [UInt32] = List.allCases.flatMap { $0.spellings.map(code) }
        /// Each list's place in `codes`.
        static let ranges: [Range<Int>] = {
            var start = 0
            return List.allCases.map { list in
                defer { start += list.spellings.count }
                return start..<(start + list.spellings.count)
            }
        }()

        /// A spelling of one to three ASCII letters as one integer: its bytes, first lowest, and
        /// its length in the top byte.
        static func code(_ spelling: String) -> UInt32 {
            let bytes = Array(spelling.utf8)
            precondition((1...3).contains(bytes.count), "a spelling has one to three letters")
            return bytes.enumerated().reduce(UInt32(bytes.count) << 24) { $0 | UInt32($1.element) << UInt32(8 * $1.offset) }
        }
    }
}
