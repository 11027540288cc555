@testable import ContactIndex

/// What the tests of free-text queries that merge two sides ("james.m", "john 555") compare:
/// a search's answers against a reference merge on whole contacts, query by query, at limits 3
/// and 10.
enum MergedAnswerComparison {
    /// The fields of a match a reply is made of.
    struct Answer: Equatable {
        let id: String
        let score: Double
        let reason: MatchReason
        let phone: ContactPhone?
        let email: ContactEmail?

        init(_ match: Match) {
            id = match.contact.id
            score = match.score
            reason = match.reason
            phone = match.matchedPhone
            email = match.matchedEmail
        }
    }

    /// Compares `search` with `reference` for the queries of `texts` that `accepts` (their
    /// kind of query).
    /// - Returns: how many were compared; how many of those answered, at limit 10, with a match
    ///   that `merged` recognizes as both sides' (so that the merge is exercised); and a line for
    ///   each query and limit whose answers differ.
    static func run(
        _ texts: [String], accepts: (FreeTextQuery) -> Bool, search: (String, Int) -> [Match],
        reference: (String, FreeTextQuery, Int) -> [Match], merged: (Match) -> Bool
    ) -> (compared: Int, confirmed: Int, problems: [String]) {
        var compared = 0
        var confirmed = 0
        var problems: [String] = []
        for text in texts {
            let query = FreeTextQuery(text)
            guard accepts(query) else { continue }
            compared += 1
            for limit in [3, 10] {
                let found = search(text, limit)
                let expected = reference(text, query, limit)
                if found.map(Answer.init) != expected.map(Answer.init) {
                    problems.append("\(text), limit \(limit): \(found.map(\.contact.id)) against \(expected.map(\.contact.id))")
                }
                if limit == 10, found.contains(where: merged) { confirmed += 1 }
            }
        }
        return (compared, confirmed, problems)
    }
}
