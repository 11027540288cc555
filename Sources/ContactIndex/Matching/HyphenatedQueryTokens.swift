/// The parts of a hyphenated name typed in a query, joined: "min-jun kim" is also searched as
/// "minjun kim".
///
/// Why: a stored name written as one word is indexed as that word alone. Korean given names
/// come out of Hangul as one word (민준 is ICU's "minjun") and are typed with a hyphen in their
/// Revised Romanization ("Min-jun"); French and English compound names are stored both ways
/// ("Jeanluc", "Jean-Luc"). Stored hyphenated names are found by their joined form already (their
/// parts and the whole are indexed); this is the other direction, the query's hyphen.
enum HyphenatedQueryTokens {
    /// The tokens with every run linked by hyphens joined into one (["min", "jun", "kim"] with a
    /// hyphen after "min" → ["minjun", "kim"]), with per token whether the agent typed it whole:
    /// a joined token is typed whole when its last part is. A hyphen after the last token
    /// ("Mar Al-") links nothing.
    /// - Parameters:
    ///   - beforeHyphen: per token, whether a hyphen follows it (`NameNormalizer.tokensMarkingHyphens`);
    ///     that is also whether it was typed whole.
    static func joining(_ tokens: [String], beforeHyphen: [Bool]) -> (tokens: [String], typedWhole: [Bool]) {
        var out: [String] = []
        var wholes: [Bool] = []
        var pending = ""
        for (index, token) in tokens.enumerated() {
            if beforeHyphen[index], index + 1 < tokens.count {
                pending += token
            } else {
                out.append(pending + token)
                wholes.append(beforeHyphen[index])
                pending = ""
            }
        }
        return (out, wholes)
    }
}
