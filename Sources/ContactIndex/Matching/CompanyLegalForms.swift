/// Legal forms of companies ("Ltd", "GmbH", "S.A. de C.V.", "有限公司", "ООО"), as the folded
/// tokens they become, so that they can be left out of the name-token index.
///
/// Why: a legal form says nothing about which company a record is, yet it is the most frequent
/// token of a company field, and once folded it looks like names. ICU writes 有限公司 (on every
/// Chinese company) as "you xian gong si" and 株式会社 as "zhu shi hui she": a query "Sav Gonz"
/// met tens of thousands of records through "si" (same consonant skeleton as "sav") and "gong"
/// (one edit from "gonz"), all of them on the legal form, and none of them an answer.
///
/// A company field loses one legal form at its end and one of the forms written in front
/// ("ООО Ромашка") at its start, the longest that matches, and always keeps one token ("Ltd"
/// alone stays). The company as written is kept in the record and in replies; only its tokens
/// change. A form that ICU runs into the next word stays ("株式会社トヨタ" folds to
/// "zhu shi hui shetoyota").
///
/// The list is written for this project from the legal forms in common use (Companies House,
/// the EU's national registers, the Asian and Latin American forms), in their folded spellings.
enum CompanyLegalForms {
    /// Each form as folded tokens. Dotted abbreviations fold into one token per letter
    /// ("S.A." → "s a"), so both spellings are listed where both are written.
    static let forms: [[String]] = [
        // English-speaking countries
        "inc", "incorporated", "llc", "l l c", "ltd", "limited", "plc", "llp", "lp", "corp", "corporation", "co",
        "co ltd", "co inc", "pty ltd", "pty", "pvt ltd", "private limited", "pte ltd", "dac", "cic", "pc", "p c", "pllc",
        "ltee", "enr",
        // Germany, Austria, Switzerland, the Netherlands, Belgium, the Nordic countries
        "gmbh", "ag", "kg", "kgaa", "gmbh co kg", "ug", "e k", "ohg", "bv", "b v", "nv", "n v", "vof", "v o f",
        "ab", "ab publ", "as", "asa", "a s", "aps", "oy", "oyj", "ehf", "hb", "kb", "bvba", "sprl", "cvba", "gbr", "ggmbh",
        // The European company (Societas Europaea): "Allianz SE"
        "se",
        // Romance languages
        "sa", "s a", "sas", "s a s", "sarl", "s a r l", "eurl", "sasu", "sl", "s l", "slu", "srl", "s r l", "spa", "s p a",
        "snc", "s n c", "ltda", "lda", "s a de c v", "sa de cv", "s de r l", "s de r l de c v", "s a c", "eireli",
        "s a b de c v", "sab de cv", "s a p i de c v", "sapi de cv",
        // Brazil's small firms: microempresa, empresa de pequeno porte, microempreendedor individual
        "me", "epp", "mei",
        // Central and Eastern Europe, Turkey, Greece
        "sp z o o", "spzoo", "sp k", "s r o", "sro", "kft", "zrt", "nyrt", "d o o", "doo", "ood", "eood",
        "ooo", "oao", "zao", "pao", "ao", "too", "tov", "prat", "a e", "e p e", "ike", "ltd sti", "sia", "uab", "d d", "ead",
        // Middle East, Africa, South and Southeast Asia
        "fze", "fzco", "fz llc", "wll", "w l l", "sae", "s a e", "sdn bhd", "bhd", "berhad", "plt", "tbk", "pt", "cv", "jsc", "pjsc",
        "pcl", "public company limited",
        // Chinese, Japanese and Korean, as ICU romanizes them
        "you xian gong si", "gu fen you xian gong si", "you xian ze ren gong si", "ji tuan you xian gong si", "gong si",
        "zhu shi hui she", "you xian hui she", "he tong hui she", "jusighoesa", "yuhanhoesa", "ju", "kk", "k k",
    ].map { $0.split(separator: " ").map(String.init) }

    /// The forms written in front of the name ("ООО Ромашка", "PT Maju Jaya", "(주)삼성"); the
    /// others are only dropped at the end ("Limited Brands" keeps its "limited").
    static let leadingForms: [[String]] = [
        "ooo", "oao", "zao", "pao", "ao", "too", "tov", "prat", "pt", "cv", "ju", "jusighoesa", "zhu shi hui she",
        "you xian hui she", "he tong hui she",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Single-token forms that a query may end in and that no one types as a name: a query
    /// drops these, and forms of several tokens, and keeps any other last token.
    static let queryForms: Set<String> = [
        "inc", "incorporated", "llc", "ltd", "limited", "plc", "llp", "corp", "corporation", "gmbh", "kgaa", "sarl", "srl",
        "ltda", "bhd", "berhad", "pty", "oyj", "eurl", "sasu",
    ]

    /// The forms by their last token, each group longest first (for the end of a field), and
    /// by their first token (for its start).
    private static let byLast: [String: [[String]]] = Dictionary(grouping: forms, by: { $0.last! }).mapValues { $0.sorted { $0.count > $1.count } }
    private static let byFirst: [String: [[String]]] = Dictionary(grouping: leadingForms, by: { $0.first! }).mapValues { $0.sorted { $0.count > $1.count } }

    /// The tokens of a company field to index: all but a legal form at its end and a leading
    /// form at its start, and at least one.
    /// - Parameters:
    ///   - count: the field's token count.
    ///   - token: the token at a position, folded.
    /// - Complexity: O(1) hash look-ups and comparisons of a few tokens.
    static func keptRange(count: Int, token: (Int) -> String) -> Range<Int> {
        var end = count
        if count > 1, let candidates = byLast[token(count - 1)] {
            for form in candidates where form.count < count && (0..<form.count).allSatisfy({ token(count - form.count + $0) == form[$0] }) {
                end = count - form.count
                break
            }
        }
        var start = 0
        if end > 1, let candidates = byFirst[token(0)] {
            for form in candidates where form.count < end && (0..<form.count).allSatisfy({ token($0) == form[$0] }) {
                start = form.count
                break
            }
        }
        return start..<end
    }

    /// A query without the legal form written in front of a company's name ("ООО Ромашка",
    /// "PT Bank Mandiri", "株式会社 ホンダ": `leadingForms`, the longest), when a name is left;
    /// nil when it starts with none. The index holds those companies without it.
    static func strippingLeadingForm(_ tokens: [String]) -> [String]? {
        guard tokens.count > 1, let candidates = byFirst[tokens[0]] else { return nil }
        for form in candidates where form.count < tokens.count && Array(tokens.prefix(form.count)) == form {
            return Array(tokens.dropFirst(form.count))
        }
        return nil
    }

    /// A query without a legal form at its end, when a name is left: "Acme Ltd" looks for
    /// "Acme", as the index holds it. Only forms no one types as a name are dropped (several
    /// tokens, or one of `queryForms`): "Anna Ab" stays as typed.
    static func strippingQueryForm(_ tokens: [String]) -> [String] {
        guard tokens.count > 1, let candidates = byLast[tokens[tokens.count - 1]] else { return tokens }
        for form in candidates where form.count < tokens.count && (form.count > 1 || queryForms.contains(form[0])) {
            guard Array(tokens.suffix(form.count)) == form else { continue }
            return Array(tokens.dropLast(form.count))
        }
        return tokens
    }
}
