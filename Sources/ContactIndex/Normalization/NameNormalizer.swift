/// Turns person and company names into match keys: folded ASCII tokens and ICU collation keys.
///
/// - `fold(_:)` gives lower-case ASCII Latin for any script. Plain ASCII takes a fast path in
///   Swift (a lower-casing copy); anything else goes through ICU (`ScriptFolder`: NFKC case
///   folding, `Any-Latin`, `Latin-ASCII`).
/// - `tokens(_:)` splits the folded text into tokens at anything that is not a letter or digit;
///   apostrophes inside a word join ("O'Brien" → "obrien").
/// - `collationKey(_:)` is the ICU sort key at primary strength (case- and accent-blind), the key
///   for exact and prefix name look-ups by binary search.
public struct NameNormalizer: Sendable {
    private let folder: ScriptFolder
    private let collation: CollationKeyMaker

    /// Opens the ICU folder and collator.
    /// - Parameter collationLocale: the collation locale ("" for the CLDR root order).
    /// - Throws: `ICUError` when ICU cannot open them.
    public init(collationLocale: String = "") throws(ICUError) {
        self.folder = try ScriptFolder()
        self.collation = try CollationKeyMaker(locale: collationLocale, strength: .primary)
    }

    /// The shared normalizer with the root collation order.
    public static let shared: NameNormalizer = {
        do { return try NameNormalizer() } catch { fatalError("ICU could not open the root collator or the Any-Latin transliterator: \(error)") }
    }()

    /// Folds a name to lower-case ASCII Latin ("Müller" → "muller", "Иванов" → "ivanov").
    /// - Complexity: O(n); ASCII input never reaches ICU.
    public func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return EmailNormalizer.asciiLowercased(text)
        }
        return folder.fold(text)
    }

    /// The folded tokens of a name, in order ("Smith-Jones, Mary Ann" → ["smith", "jones", "mary", "ann"]).
    /// - Complexity: O(n).
    public func tokens(_ text: String) -> [String] {
        Self.splitTokens(fold(text))
    }

    /// The primary-strength collation key of a whole name, with spacing and punctuation normalized
    /// (runs of separators become one space) so that "Smith,  John" and "smith john" share a key.
    /// - Complexity: O(n).
    public func collationKey(_ text: String) -> [UInt8] {
        collation.sortKey(Self.normalizedSpacing(text))
    }

    /// The key bounds of every name that starts with `prefix` (see `CollationKeyMaker.prefixBounds`).
    public func collationPrefixBounds(_ prefix: String) -> (lower: [UInt8], upper: [UInt8]) {
        collation.prefixBounds(Self.normalizedSpacing(prefix))
    }

    /// Splits folded text into tokens of letters and digits.
    static func splitTokens(_ folded: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        var previousWasLetter = false
        let bytes = Array(folded.utf8)
        for (index, byte) in bytes.enumerated() {
            let isWordByte = (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || byte >= 0x80
            if isWordByte {
                current.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
                previousWasLetter = true
            } else if byte == UInt8(ascii: "'"), previousWasLetter, index + 1 < bytes.count,
                      bytes[index + 1] >= 97 && bytes[index + 1] <= 122 {
                continue  // "o'brien" joins
            } else {
                if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                previousWasLetter = false
            }
        }
        if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
        return tokens
    }

    /// Collapses whitespace and punctuation runs to one space, and trims.
    static func normalizedSpacing(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiNormalizedSpacing(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isLetter || character.isNumber || character.isSymbol && !character.isASCII {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(character)
            } else if character == "'" || character == "’" {
                continue
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// `normalizedSpacing` for ASCII text, on bytes.
    private static func asciiNormalizedSpacing(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            let isWord = (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
            if isWord {
                if pendingSpace, !out.isEmpty { out.append(32) }
                pendingSpace = false
                out.append(byte)
            } else if byte != UInt8(ascii: "'") {
                pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
