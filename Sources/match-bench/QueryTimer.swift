import ContactIndex
import DirectoryGenerator

/// Runs one labeled query against a directory, the way the product answers the softphone: the
/// ranked summaries a reply lists (id, name, phone, email, entity; `MatchSummary`), from
/// `lookupSummaries(phone:)` for an incoming call, `lookupSummaries(email:)`, or
/// `searchSummaries(_:)` for what the agent types.
struct QueryCall: Sendable {
    let directory: ContactDirectory
    let region: String

    /// The look-up's matches.
    @inline(__always)
    func callAsFunction(_ query: LabeledQuery) -> [MatchSummary] {
        switch query.kind {
        case .phone: directory.lookupSummaries(phone: query.query, region: region)
        case .email: directory.lookupSummaries(email: query.query)
        case .search: directory.searchSummaries(query.query)
        }
    }

    /// The call timed alone: nanoseconds around the single look-up, and its matches.
    @inline(__always)
    func timed(_ query: LabeledQuery) -> (nanoseconds: UInt64, matches: [MatchSummary]) {
        let start = monotonicNanoseconds()
        let matches = self(query)
        let end = monotonicNanoseconds()
        return (end - start, matches)
    }
}
