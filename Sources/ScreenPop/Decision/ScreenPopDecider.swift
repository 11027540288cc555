#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ContactIndex

/// The screen-pop decision for one set of ranked matches: pop one record, let the agent choose,
/// or offer a new record. A pure function of its inputs.
///
/// A match is confident when it scores at least `confidentScore` and is not a hint: a
/// `sameNationalNumber` match (or a phone fragment or email prefix, which incoming requests
/// never produce) is listed for the agent but never popped on its own, whatever the threshold.
/// One confident match pops; several go to the policy; none (but some hints) asks.
struct ScreenPopDecider: Sendable {
    /// The outcome, before it becomes a `HostAction`.
    enum Decision: Equatable {
        /// Pop the match at this index of the matches.
        case pop(Int, PopReason, ConflictResolution?)
        case choose
        case offerNew
    }

    var policy: ChoicePolicy
    /// A match scoring at least this is confident (unless it is a hint).
    var confidentScore: Double

    /// Reasons that suggest a record but never prove it.
    static let hints: Set<MatchReason> = [.otherExtension, .sameNationalNumber, .phoneFragment, .emailPrefix]

    /// Whether `reason` is one of `hints` (a switch: no hashing on the hot path).
    static func isHint(_ reason: MatchReason) -> Bool {
        switch reason {
        case .otherExtension, .sameNationalNumber, .phoneFragment, .emailPrefix: true
        default: false
        }
    }

    /// Whether `match` may be popped without asking.
    func isConfident(_ match: MatchSummary) -> Bool {
        isConfident(score: match.score, reason: match.reason)
    }

    /// Whether a match so ranked may be popped without asking.
    func isConfident(_ ranking: PackedSummaries.Ranking) -> Bool {
        isConfident(score: ranking.score, reason: ranking.reason)
    }

    private func isConfident(score: Double, reason: MatchReason) -> Bool {
        score >= confidentScore && !Self.isHint(reason)
    }

    /// Decides.
    /// - Parameters:
    ///   - matches: the ranked matches.
    ///   - remembered: the id of the record remembered for this number or address, already
    ///     checked to be among `matches` and unchanged.
    ///   - lastChosen: when a record was last chosen, for any key.
    func decide(_ matches: PackedSummaries, remembered: String?, lastChosen: (String) -> Date?) -> Decision {
        guard !matches.isEmpty else { return .offerNew }
        let rankings = matches.rankings
        var confidentCount = 0
        var firstConfident = 0
        for (index, ranking) in rankings.enumerated() where isConfident(ranking) {
            if confidentCount == 0 { firstConfident = index }
            confidentCount += 1
        }
        if confidentCount == 1 { return .pop(firstConfident, .singleMatch, nil) }
        guard confidentCount > 1 else { return .choose }
        switch policy {
        case .ask:
            return .choose
        case .remember:
            if let remembered, let index = rankings.indices.first(where: { isConfident(rankings[$0]) && matches.hasID(remembered, at: $0) }) {
                return .pop(index, .remembered, nil)
            }
            return .choose
        case .automatic(let rule):
            let confident = rankings.indices.filter { isConfident(rankings[$0]) }
            let pick: Int?
            switch rule {
            case .mostRecentlyChosen: pick = unique(confident, by: { lastChosen(matches.id(at: $0)) }, latest: true, missingAsks: false)
            case .mostRecentlyUpdated: pick = unique(confident, by: { rankings[$0].updatedAt }, latest: true, missingAsks: true)
            case .earliestCreated: pick = unique(confident, by: { rankings[$0].createdAt }, latest: false, missingAsks: true)
            }
            return pick.map { .pop($0, .automatic, rule) } ?? .choose
        }
    }

    /// The one match (an index) with the latest (or earliest) date; nil when the best date is
    /// shared, when no match has a date, or (`missingAsks`) when any match lacks one: a
    /// candidate without a date cannot be compared, so the agent decides.
    private func unique(_ indices: [Int], by date: (Int) -> Date?, latest: Bool, missingAsks: Bool) -> Int? {
        var best: (index: Int, date: Date)?
        var tie = false
        for index in indices {
            guard let value = date(index) else {
                if missingAsks { return nil }
                continue
            }
            if let current = best {
                if value == current.date {
                    tie = true
                } else if latest ? value > current.date : value < current.date {
                    best = (index, value)
                    tie = false
                }
            } else {
                best = (index, value)
            }
        }
        return tie ? nil : best?.index
    }
}
