import Foundation  // String.folding

/// The key that decides which contacts a name query is correct for: the name's words, lower
/// case, without accents, sorted ("Müller, Hans" and "hans muller" are one key). Built with
/// Foundation's folding, independently of the engine's normalizer, so that the labels do not
/// share the engine's mistakes.
enum NameKey {
    /// One word or field folded (lower case, no accents).
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The words of a name, folded.
    static func words(_ text: String) -> [String] {
        fold(text).split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," || $0 == "." }).map(String.init)
    }

    /// The key of a first and last name.
    static func key(first: String, last: String) -> String {
        (words(first) + words(last)).sorted().joined(separator: " ")
    }

    /// The key of typed text, words in any order.
    static func key(typed: String) -> String {
        words(typed).sorted().joined(separator: " ")
    }
}
