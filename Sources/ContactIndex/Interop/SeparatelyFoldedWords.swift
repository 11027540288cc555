/// Which texts ICU folds to the same answer word by word as whole, so that a name's folding can
/// be put together from its words' foldings, remembered, instead of asking ICU for each new
/// name.
///
/// Why: a transliteration of a Cyrillic or Greek word not seen before costs about 10 µs here,
/// and a company name of three words about 16 µs, for the main folding and as much again for
/// the conventional romanization (`NameNormalizer.alternateRomanization`). The words of names
/// repeat far more than the names ("ООО «Калинин Снаб»", "Калинин Алексей"), so an update of a
/// Russian contact with a company paid 30–40 µs in ICU for names whose every word it had folded
/// before.
///
/// When splitting gives ICU's answer: the chains are NFKC case folding, then transliterators.
/// - NFKC does not reach across a space (U+0020) unless a combining mark follows it; texts with
///   combining marks are not split.
/// - `Any-Latin` cuts the text into runs of one script and transliterates each run; characters
///   of no script (punctuation, digits, spaces) join the runs beside them, and how depends on
///   what is around them: the Greek "·" becomes ":" after a Greek word and stays "·" alone, or
///   at the start of a text. So a text is split only when each of its characters of no script
///   is one that none of the scripts' transforms changes ("inert": ASCII punctuation other than
///   ";", ":", "?" and a few others, digits, the quotation marks, dashes and spaces of General
///   Punctuation, Latin-1 signs but "·", currency signs): such a character comes out the same
///   whichever run it joins. Characters NFKC makes a space and a combining mark ("¨") are not
///   inert. NFKC and `Latin-ASCII` may still change it ("«" → "<<"), but they read every
///   character alike.
/// - Letters that NFKC turns into a letter and a character of no script ("ŀ": "l·") are not
///   split on.
/// - The rules of the scripts' transforms (and of Russian BGN/PCGN and Greek UNGEGN) read
///   neighbours inside a word (word starts, vowels before) but none across a space: the tests
///   check that against ICU on random texts of each script's letters, and on generated names.
/// Only the letters of the scripts in `Script` are split on (the base letters alone of Arabic,
/// Hebrew, Armenian, Georgian, Hangul and kana); texts with any other letter or mark are folded
/// whole, as before.
enum SeparatelyFoldedWords {
    /// The words of `text` between single spaces (empty words where spaces repeat, at the
    /// start or at the end), when folding them one by one and joining the foldings with spaces
    /// gives ICU's folding of the whole text; nil when it might not, or when the text has no space.
    ///
    /// The words are cut at the spaces' scalars, found in the one pass that reads every scalar's
    /// kind (a split of the `Character`s walked the text again, grapheme by grapheme: half of
    /// this function's time). The two differ only where a space begins a grapheme cluster with
    /// what follows it, and no character this rule splits beside does that (the joiners
    /// U+200C and U+200D are not taken as inert).
    static func split(_ text: String) -> [Substring]? {
        guard text.utf8.contains(UInt8(ascii: " ")) else { return nil }
        var otherScript: Script? = nil
        var words: [Substring] = []
        let scalars = text.unicodeScalars
        var wordStart = scalars.startIndex
        var position = scalars.startIndex
        while position < scalars.endIndex {
            let scalar = scalars[position]
            if scalar == " " {
                words.append(Substring(scalars[wordStart..<position]))
                position = scalars.index(after: position)
                wordStart = position
                continue
            }
            guard let kind = Kind(scalar) else { return nil }
            if case .letter(let script) = kind, script != .latin {
                if let seen = otherScript, seen != script { return nil }
                otherScript = script
            }
            position = scalars.index(after: position)
        }
        words.append(Substring(scalars[wordStart..<scalars.endIndex]))
        return words
    }

    /// The scripts whose letters a text may be split between.
    enum Script: Equatable {
        case latin, cyrillic, greek, arabic, hebrew, armenian, georgian, hangul, hiragana, katakana
    }

    /// What a character is to the splitting rule.
    private enum Kind {
        case letter(Script)
        /// Of no script, and changed by none of the scripts' transforms.
        case inert

        /// Nil for characters the rule does not know: letters of other scripts, combining
        /// marks, and characters of other scripts' blocks.
        init?(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            if value < 0x80 {
                let lowered = value | 0x20
                if lowered >= 0x61 && lowered <= 0x7A {
                    self = .letter(.latin)
                } else if Self.isInert(UInt8(value)) {
                    self = .inert
                } else {
                    return nil
                }
                return
            }
            switch value {
            case 0x13F, 0x140, 0x149, 0x1E9A:
                return nil  // letters NFKC turns into a letter and a character of no script ("ŀ": "l·")
            case 0xC0...0x24F where value != 0xD7 && value != 0xF7, 0x1E00...0x1EFF:
                self = .letter(.latin)
            case 0x483...0x489, 0x374, 0x37A:
                // Cyrillic combining marks; the Greek numeral sign, of no script; the Greek
                // ypogegrammeni, which NFKC makes a space and a combining mark.
                return nil
            case 0x400...0x52F where ICUCharacterProperties.isAlphabetic(scalar):
                self = .letter(.cyrillic)
            case 0x370...0x3FF where ICUCharacterProperties.isAlphabetic(scalar),
                 0x1F00...0x1FFF where ICUCharacterProperties.isAlphabetic(scalar):
                self = .letter(.greek)
            // The base letters alone of these scripts (no marks, no modifier letters).
            case 0x621...0x63A, 0x641...0x64A:
                self = .letter(.arabic)
            case 0x5D0...0x5EA:
                self = .letter(.hebrew)
            case 0x531...0x556, 0x561...0x587:
                self = .letter(.armenian)
            case 0x10D0...0x10FA:
                self = .letter(.georgian)
            case 0xAC00...0xD7A3:
                self = .letter(.hangul)
            case 0x3041...0x3096:
                self = .letter(.hiragana)
            case 0x30A1...0x30FA:
                self = .letter(.katakana)
            case 0xB7:
                return nil  // the middle dot, Greek's ano teleia after NFC: ":" after Greek
            case 0xA8, 0xAF, 0xB4, 0xB8, 0x2017, 0x203E:
                return nil  // spacing accents: NFKC makes them a space and a combining mark
            case 0x200C, 0x200D:
                return nil  // the joiners: after a space, one grapheme cluster with it
            case 0x203C, 0x2047...0x2049:
                return nil  // "‼", "⁇", "⁈", "⁉": NFKC makes them "!" and "?", not taken as inert
            case 0xA0...0xBF, 0xD7, 0xF7, 0x2000...0x206F, 0x20A0...0x20CF:
                // Spaces, punctuation, quotation marks and currency signs (not the Latin-1
                // characters that are letters: "ª", "µ", "º").
                guard !ICUCharacterProperties.isAlphabetic(scalar) else { return nil }
                self = .inert
            default:
                return nil
            }
        }

        /// The ASCII punctuation and digits taken as inert (not ";" and "?", Greek's question
        /// mark and its Latin form, nor ":", nor controls, nor others no name needs).
        static func isInert(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "&"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ","),
                 UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "+"),
                 UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "_"):
                true
            default:
                false
            }
        }
    }
}
