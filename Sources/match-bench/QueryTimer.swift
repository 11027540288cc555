import ContactIndex
import DirectoryGenerator

/// Runs one labeled query against a directory, the way the product does: `lookup(phone:)` for
/// an incoming call, `lookup(email:)`, or `search(_:)` for what the agent types.
struct QueryCall: Sendable {
    let directory: ContactDirectory
    let region: String

    /// The look-up's matches.
    @inline(__always)
    func callAsFunction(_ query: LabeledQuery) -> [Match] {
        switch query.kind {
        case .phone: directory.lookup(phone: query.query, region: region)
        case .email: directory.lookup(email: query.query)
        case .search: directory.search(query.query)
        }
    }

    /// The call timed alone: nanoseconds around the single look-up, and its matches.
    @inline(__always)
    func timed(_ query: LabeledQuery) -> (nanoseconds: UInt64, matches: [Match]) {
        let start = monotonicNanoseconds()
        let matches = self(query)
        let end = monotonicNanoseconds()
        return (end - start, matches)
    }
}
