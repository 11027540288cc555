/// Whether a name's words were written in plain ASCII letters ("Muller", "Jose") or with Latin
/// letters beyond ASCII ("Müller", "José", "Łukasz", "Søren"). The fold makes both the same
/// token ("muller"); this tells them apart, so that among near ties the name written as the
/// agent typed it comes first (`ContactDirectory.score`): "J. Müller" finds Jan Müller before
/// Jan Muller, "E Auger" Emma Auger before Éric Auger, "jose garc" Jose Garcia before José
/// García. A query typed without any accent counts as typed plainly: its agent may have no way
/// to type accents and mean José, but the name written as typed is at least as likely the one
/// meant (an agent who means Jose types "jose" whatever the keyboard).
///
/// A folded token was written plainly when the text has it as a word of ASCII letters and
/// digits, case aside. The words are the runs of characters that `NameSpacingCharacters` keeps
/// (letters, marks, digits, symbols); an apostrophe inside a word is dropped, as the fold's
/// tokens drop it ("O’Brien" and "O'Brien" are the plain word "obrien").
enum WrittenAccents {
    /// How a query token was typed: in plain ASCII letters, with letters beyond them, or unknown
    /// (a token the query's words do not give one for one: a joined form of several, one read
    /// from another script).
    enum Typed: UInt8, Sendable {
        case unknown
        case plain
        case accented
    }

    /// How a contact's token was written: with Latin letters beyond ASCII, and whether its
    /// first letter is one ("Émile": both; "José": accented only).
    struct Written: Hashable, Sendable {
        var accented = false
        var initialAccented = false

        init(accented: Bool = false, initialAccented: Bool = false) {
            self.accented = accented
            self.initialAccented = initialAccented
        }

        /// How a multi-part name written as one word ("vanderberg", `NameTokenRole.joined`) was
        /// written, from its parts in order: accented if any part is, its first letter as the
        /// first part's.
        init(joining parts: some Sequence<Written>) {
            var iterator = parts.makeIterator()
            let first = iterator.next() ?? Written()
            self.init(accented: first.accented, initialAccented: first.initialAccented)
            while !accented, let part = iterator.next() { accented = part.accented }
        }
    }

    /// A word of a name as written: its ASCII letters and digits lower-cased (a byte 0x80 for
    /// each other character), whether it has no other character, whether its first one is.
    struct Word {
        var bytes: [UInt8] = []
        var plain = true
        var initialAccented = false
    }

    /// The words of `text` (see the type's notes).
    /// - Complexity: O(n) in the bytes of `text`.
    static func words(of text: some Collection<UInt8>) -> [Word] {
        var words: [Word] = []
        var word = Word()
        func endWord() {
            if !word.bytes.isEmpty { words.append(word) }
            word = Word()
        }
        scan(text) { byte in
            if let byte {
                word.bytes.append(byte)
            } else {
                if word.bytes.isEmpty { word.initialAccented = true }
                word.plain = false
                word.bytes.append(0x80)
            }
        } invalid: {
            word.plain = false
        } wordEnd: {
            endWord()
            return true
        }
        return words
    }

    /// Reads `text` as a name's words (see the type's notes): calls `letter` with each character
    /// of a word (its ASCII byte lower-cased, or nil for one beyond ASCII), `invalid` at each
    /// invalid UTF-8 sequence, and `wordEnd` at each separator and at the end, which returns
    /// whether to read on. Apostrophes are skipped.
    @inline(__always)
    private static func scan(
        _ text: some Collection<UInt8>, letter: (UInt8?) -> Void, invalid: () -> Void, wordEnd: () -> Bool
    ) {
        var iterator = text.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if isApostrophe(scalar) { continue }
                if !NameSpacingCharacters.isKept(scalar) {
                    if !wordEnd() { return }
                } else if scalar.isASCII {
                    let byte = UInt8(scalar.value)
                    letter(byte >= 65 && byte <= 90 ? byte + 32 : byte)
                } else {
                    letter(nil)
                }
            case .emptyInput:
                _ = wordEnd()
                return
            case .error:
                invalid()
            }
        }
    }

    /// Whether `scalar` is an apostrophe that a name's word may hold ("O'Brien", "D’Angelo").
    @inline(__always)
    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x2018, 0x2019, 0x02BC: true
        default: false
        }
    }

    /// How each folded token of a name field written in Latin letters (`TokenScript.latin`) was
    /// written, from the field's `words`. When the field has as many words as tokens, they go
    /// one for one; otherwise (a character the fold splits at, or joins over) a token is
    /// accented unless the field has it as a plain word, and its first letter is taken as plain.
    /// - Complexity: O(t · w) for t tokens and w words (a name's handful).
    static func written(_ tokens: [some Collection<UInt8>], words: [Word]) -> [Written] {
        if words.count == tokens.count,
            zip(words, tokens).allSatisfy({ word, token in !word.plain || word.bytes.elementsEqual(token) })
        {
            return words.map { Written(accented: !$0.plain, initialAccented: $0.initialAccented) }
        }
        return tokens.map { token in
            Written(accented: !words.contains { $0.plain && $0.bytes.elementsEqual(token) })
        }
    }

    /// Appends `written(tokens, words: words(of: text))` to `out` for the `count` tokens that
    /// `token` gives, in one pass over `text` and without building its words when they go one for
    /// one (the names of a bulk load: `NameIndexWriter`).
    /// - Complexity: O(n) in the bytes of `text`; the fallback as `written`.
    static func appendWritten(
        of text: UnsafeBufferPointer<UInt8>, count: Int, token: (Int) -> UnsafeBufferPointer<UInt8>, to out: inout [Written]
    ) {
        let start = out.count
        var index = 0
        // The current word: its characters so far, whether all are ASCII, whether its first is
        // not, whether it spells the start of token `index`.
        var length = 0
        var plain = true
        var initialAccented = false
        var equal = true
        var current = count > 0 ? token(0) : UnsafeBufferPointer(start: nil, count: 0)
        var oneForOne = true
        func endWord() {
            guard length > 0 else {
                plain = true
                return
            }
            if index < count {
                out.append(Written(accented: !plain, initialAccented: initialAccented))
                if plain, !(equal && length == current.count) { oneForOne = false }
            } else {
                oneForOne = false
            }
            index += 1
            current = index < count ? token(index) : UnsafeBufferPointer(start: nil, count: 0)
            length = 0
            plain = true
            initialAccented = false
            equal = true
        }
        scan(text) { byte in
            if let byte {
                if equal, !(length < current.count && current[length] == byte) { equal = false }
            } else {
                if length == 0 { initialAccented = true }
                plain = false
            }
            length += 1
        } invalid: {
            plain = false
        } wordEnd: {
            endWord()
            return oneForOne
        }
        guard !oneForOne || index != count else { return }
        out.removeSubrange(start...)
        out += written((0..<count).map(token), words: words(of: text))
    }

    /// How each token of a query was typed, from its text.
    struct QueryTyping: Sendable {
        /// The query's words typed plainly (`words`); nil when it has none beyond ASCII.
        private let plainWords: [[UInt8]]?
        /// The text's folded tokens: one that is not a plain word was typed with accents.
        private let foldedTokens: [String]
        /// The text has letters of another script than Latin: no token's typing is known.
        private let otherScript: Bool

        /// - Parameters:
        ///   - text: the query as typed.
        ///   - foldedTokens: its folded tokens (`NameNormalizer.tokens`).
        ///   - otherScript: it has letters of another script than Latin.
        init(text: String, foldedTokens: [String], otherScript: Bool) {
            self.otherScript = otherScript
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                plainWords = nil
                self.foldedTokens = []
            } else {
                plainWords = otherScript ? [] : WrittenAccents.words(of: text.utf8).filter(\.plain).map(\.bytes)
                self.foldedTokens = foldedTokens
            }
        }

        /// How `token`, one of the search's folded tokens, was typed.
        func typing(of token: String) -> Typed {
            if otherScript { return .unknown }
            guard let plainWords else { return .plain }
            if plainWords.contains(where: { $0.elementsEqual(token.utf8) }) { return .plain }
            return foldedTokens.contains(token) ? .accented : .unknown
        }
    }
}
