/// A name's parts typed apart in a query, joined: "min-jun kim" and "min jun kim" are also
/// searched as "minjun kim", "xiao ming wang" as "xiaoming wang".
///
/// Why: a stored name written as one word is indexed as that word alone. Korean given names
/// come out of Hangul as one word (민준 is ICU's "minjun") and are typed with a hyphen in their
/// Revised Romanization ("Min-jun") or as two words; Chinese given names are one word in pinyin
/// ("Xiaoming") and often typed as two; French compound names are stored both ways ("Jeanluc",
/// "Jean-Luc"); a name with an apostrophe is folded without it (O'Brien is "obrien") and typed
/// with a space ("O Brien", "D Angelo"). Stored hyphenated names are found by their joined form
/// already (their parts and the whole are indexed); this is the other direction, the query's
/// parts.
enum JoinedQueryTokens {
    /// The tokens with every run linked by hyphens joined into one (["min", "jun", "kim"] with a
    /// hyphen after "min" → ["minjun", "kim"]), with per token whether the agent typed it whole:
    /// a joined token is typed whole when its last part is. A hyphen after the last token
    /// ("Mar Al-") links nothing. `joined` lists the joined tokens.
    /// - Parameters:
    ///   - beforeHyphen: per token, whether a hyphen follows it (`NameNormalizer.tokensMarkingHyphens`);
    ///     that is also whether it was typed whole.
    static func joiningHyphenated(_ tokens: [String], beforeHyphen: [Bool]) -> (tokens: [String], typedWhole: [Bool], joined: [String]) {
        joiningRuns(tokens, typedWhole: beforeHyphen) { beforeHyphen[$0] }
    }

    /// The tokens with every token at an index `linksToNext` holds joined to the one after it
    /// (runs of them into one), with per token whether it was typed whole: a joined token is
    /// when its last part is. The last token links nothing. `joined` lists the joined tokens.
    /// Shared by the hyphens' pass and the particles' (`NameParticles.joiningParticles`).
    static func joiningRuns(
        _ tokens: [String], typedWhole: [Bool], linksToNext: (Int) -> Bool
    ) -> (tokens: [String], typedWhole: [Bool], joined: [String]) {
        // Most queries link nothing: their tokens as they are, without new strings and arrays.
        guard tokens.indices.dropLast().contains(where: linksToNext) else { return (tokens, typedWhole, []) }
        var out: [String] = []
        var wholes: [Bool] = []
        var joined: [String] = []
        var pending = ""
        for (index, token) in tokens.enumerated() {
            if index + 1 < tokens.count, linksToNext(index) {
                pending += token
            } else {
                if !pending.isEmpty { joined.append(pending + token) }
                out.append(pending + token)
                wholes.append(typedWhole[index])
                pending = ""
            }
        }
        return (out, wholes, joined)
    }

    /// The most tokens a query may have for its neighbours to be tried joined: a name of two
    /// to four words (a longer query is an address or a company, not a person's split name).
    static let pairedTokenCounts = 2...4

    /// The readings of `tokens` with one pair of neighbours joined, left to right (["min", "jun",
    /// "kim"] → ["minjun", "kim"], ["min", "junkim"]; ["o", "brien"] → ["obrien"]). Only
    /// neighbours that are no particles (those have their own joined pass: `NameParticles`), the
    /// second of two letters or more, in a query of `pairedTokenCounts` tokens. A joined token is
    /// typed whole when its second part is.
    /// Each reading comes with its joined token, which a search looks for only when the
    /// vocabulary has it (see `ContactDirectory.TokenPass.requiredTokens`).
    static func joiningPairs(_ tokens: [String], typedWhole: [Bool]) -> [(tokens: [String], typedWhole: [Bool], joined: String)] {
        guard pairedTokenCounts.contains(tokens.count) else { return [] }
        func joinable(_ token: String, shortest: Int) -> Bool { token.count >= shortest && !NameParticles.isParticle(token) }
        var readings: [(tokens: [String], typedWhole: [Bool], joined: String)] = []
        for first in 0..<(tokens.count - 1) where joinable(tokens[first], shortest: 1) && joinable(tokens[first + 1], shortest: 2) {
            let pair = tokens[first] + tokens[first + 1]
            var joined = tokens
            var wholes = typedWhole
            joined.replaceSubrange(first...(first + 1), with: [pair])
            wholes.replaceSubrange(first...(first + 1), with: [typedWhole[first + 1]])
            readings.append((joined, wholes, pair))
        }
        return readings
    }
}
