@testable import ContactIndex
import Synchronization
import Testing

/// What the tests of free-text queries that merge two sides ("james.m", "john 5551") share: the
/// reference merge on whole contacts, and the comparison of a search with it, query by query,
/// at limits 3 and 10.
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

    /// The merge on whole contacts, as `search` defines it: each contact's best identity match
    /// (the first of equals); a name match that is one too scores 0.05 above the better of the
    /// two (at most 0.99), with the better one's fields; else, with `confirmingDigits` (a run
    /// of digits a fragment search takes), a name match whose number holds them is a fragment
    /// match too, and scores 0.05 above the better of the two, with that number; an identity
    /// match left that the name words match on its own (`ownNameMatch`: the search of a
    /// directory of that contact alone) at a score of at least `nameFloor` scores 0.05 above
    /// the better of the two as well; the others come as they are; all ranked by `ranking`.
    static func merge(
        identity: [Match], names: [Match], confirmingDigits digits: [UInt8]? = nil, nameText: String, nameFloor: Double,
        ranking: MatchRanking, limit: Int
    ) -> [Match] {
        var bestIdentity: [String: Match] = [:]
        for match in identity where (bestIdentity[match.contact.id]?.score ?? -1) < match.score { bestIdentity[match.contact.id] = match }
        var combined: [Match] = []
        for var match in names {
            if let other = bestIdentity.removeValue(forKey: match.contact.id) {
                var both = other.score >= match.score ? other : match
                both.score = min(0.99, max(other.score, match.score) + 0.05)
                combined.append(both)
            } else if let digits, let phone = DigitConfirmedNameSearchTests.confirmingPhone(of: match.contact, digits) {
                let fragment = MatchReason.phoneFragment.baseScore
                if fragment >= match.score { match.reason = .phoneFragment }
                match.score = min(0.99, max(fragment, match.score) + 0.05)
                match.matchedPhone = phone
                combined.append(match)
            } else {
                combined.append(match)
            }
        }
        for other in bestIdentity.values {
            guard let own = ownNameMatch(of: other.contact, names: nameText), own.score >= nameFloor else {
                combined.append(other)
                continue
            }
            var both = other.score >= own.score ? other : own
            both.score = min(0.99, max(other.score, own.score) + 0.05)
            combined.append(both)
        }
        return ranking.rank(combined, limit: limit)
    }

    /// The name match that the search of the name words `text` gives `contact` in a directory of
    /// that contact alone, without a fill budget, unless it is a partial one; or nil (what
    /// `ownNameMatches` must give it in any directory). The one-contact directories are kept by contact (whole: suites share
    /// ids).
    static func ownNameMatch(of contact: Contact, names text: String) -> Match? {
        let directory = alone.withLock { directories in
            if let kept = directories[contact] { return kept }
            let made = ContactDirectory([contact], configuration: DirectoryConfiguration(defaultRegion: "US"))
            directories[contact] = made
            return made
        }
        guard let match = directory.lookup(fuzzyName: text, limit: 1, exhaustive: true, fillLimit: nil).first else { return nil }
        // A partial match (some words of the query) confirms nothing. Its score (half a full
        // token match's, times the share of words matched) stays below the 0.41 of a match
        // without the query's particles, which has the reason `partialName` too and confirms.
        return match.reason == .partialName && match.score < 0.41 ? nil : match
    }

    /// One-contact directories by contact (`ownNameMatch`).
    private static let alone = Mutex<[Contact: ContactDirectory]>([:])

    /// Compares `search` with `reference` for the queries of `texts` that `accepts` (their
    /// kind of query), and expects: at least `minimumCompared` compared, at least
    /// `minimumMerged` of them answering at limit 10 with a match that `merged` recognizes as
    /// both sides' (so that the merge is exercised), and no query whose answers differ.
    static func expectSameAnswers(
        _ texts: [String], accepts: (FreeTextQuery) -> Bool, search: (String, Int) -> [Match],
        reference: (String, FreeTextQuery, Int) -> [Match], merged: (Match) -> Bool, minimumCompared: Int, minimumMerged: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
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
        #expect(compared >= minimumCompared, "\(compared) queries", sourceLocation: sourceLocation)
        #expect(confirmed >= minimumMerged, "\(confirmed) queries with a contact matched both ways", sourceLocation: sourceLocation)
        #expect(problems.isEmpty, "\(problems.count) differ: \(problems.prefix(3))", sourceLocation: sourceLocation)
    }
}
