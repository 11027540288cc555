#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ContactIndex

/// The screen-pop decision for one set of ranked matches: pop one record, let the agent choose,
/// or offer a new record. A pure function of its inputs.
struct ScreenPopDecider: Sendable {
    /// The outcome, before it becomes a `HostAction`.
    enum Decision: Equatable {
        case pop(Match, PopReason, ConflictResolution?)
        case choose
        case offerNew
    }

    var policy: ChoicePolicy
    /// A match scoring at least this is confident.
    var confidentScore: Double

    /// Decides.
    /// - Parameters:
    ///   - matches: the ranked matches.
    ///   - remembered: the id of the record remembered for this number or address, already
    ///     checked to be among `matches` and unchanged.
    ///   - lastChosen: when a record was last chosen, for any key.
    func decide(_ matches: [Match], remembered: String?, lastChosen: (String) -> Date?) -> Decision {
        guard !matches.isEmpty else { return .offerNew }
        let confident = matches.filter { $0.score >= confidentScore }
        if confident.count == 1 { return .pop(confident[0], .singleMatch, nil) }
        guard confident.count > 1 else { return .choose }
        switch policy {
        case .ask:
            return .choose
        case .remember:
            if let remembered, let match = confident.first(where: { $0.contact.id == remembered }) { return .pop(match, .remembered, nil) }
            return .choose
        case .automatic(let rule):
            let pick: Match?
            switch rule {
            case .mostRecentlyChosen: pick = unique(confident, by: { lastChosen($0.contact.id) }, latest: true)
            case .mostRecentlyUpdated: pick = unique(confident, by: { $0.contact.updatedAt }, latest: true)
            case .earliestCreated: pick = unique(confident, by: { $0.contact.createdAt }, latest: false)
            }
            return pick.map { .pop($0, .automatic, rule) } ?? .choose
        }
    }

    /// The one match with the latest (or earliest) date; nil when the best date is shared or
    /// missing.
    private func unique(_ matches: [Match], by date: (Match) -> Date?, latest: Bool) -> Match? {
        var best: (match: Match, date: Date)?
        var tie = false
        for match in matches {
            guard let value = date(match) else { continue }
            if let current = best {
                if value == current.date {
                    tie = true
                } else if latest ? value > current.date : value < current.date {
                    best = (match, value)
                    tie = false
                }
            } else {
                best = (match, value)
            }
        }
        return tie ? nil : best?.match
    }
}
