import ContactIndex

/// The one place where the engine asks the directory, and what each message may match.
///
/// - Incoming phone and email requests get identity matches only: the same number (also with an
///   extension on one side, or the same national number under another country code, which is a
///   hint that is never popped on its own), or the same address (also provider-canonical). Never
///   a name, a phone fragment or an address prefix: a caller is not "someone whose number
///   contains these digits".
/// - The contact search gets the free-text search (`ContactDirectory.search`): numbers and their
///   fragments, addresses and their prefixes, names (fuzzy), mixed queries, plus the record whose
///   id is the query.
enum DirectoryQueries {
    /// The reasons an incoming phone request may match.
    static let phoneReasons: Set<MatchReason> = [.exactE164, .phoneExtensionDiffers, .otherExtension, .sameNationalNumber]
    /// The reasons an incoming email request may match.
    static let emailReasons: Set<MatchReason> = [.exactEmail, .canonicalEmail]

    /// Records with this number, ranked (identity matches only), as packed summaries.
    /// - Complexity: O(1) expected hash look-ups plus O(m log m) for m matches.
    static func phone(_ directory: ContactDirectory, _ number: String, region: String?, limit: Int) -> PackedSummaries {
        let matches = directory.lookupPackedSummaries(phone: number, region: region, limit: limit)
        // Usually all pass: then the value is returned as it is, with no copy.
        guard matches.rankings.contains(where: { !isPhoneReason($0.reason) }) else { return matches }
        return matches.filter { isPhoneReason($0.reason) }
    }

    /// Whether `reason` is in `phoneReasons` (a switch: no hashing per match).
    static func isPhoneReason(_ reason: MatchReason) -> Bool {
        switch reason {
        case .exactE164, .phoneExtensionDiffers, .otherExtension, .sameNationalNumber: true
        default: false
        }
    }

    /// Whether `reason` is in `emailReasons`.
    static func isEmailReason(_ reason: MatchReason) -> Bool {
        switch reason {
        case .exactEmail, .canonicalEmail: true
        default: false
        }
    }

    /// Records with this address, ranked (identity matches only), as packed summaries.
    /// - Complexity: O(1) expected hash look-ups plus O(m log m) for m matches.
    static func email(_ directory: ContactDirectory, _ address: String, limit: Int) -> PackedSummaries {
        let matches = directory.lookupPackedSummaries(email: address, limit: limit)
        guard matches.rankings.contains(where: { !isEmailReason($0.reason) }) else { return matches }
        return matches.filter { isEmailReason($0.reason) }
    }

    /// Records for a free-text query, as `zcc-contact-search-event` asks: the free-text search,
    /// and the record whose id is the query (ranked first, score 1).
    /// - Complexity: what `ContactDirectory.search` costs, plus one id look-up.
    static func search(_ directory: ContactDirectory, _ query: String, limit: Int) -> [Match] {
        let matches = directory.search(query, limit: limit)
        guard let byID = directory.lookup(id: query.trimmingSpaces) else { return matches }
        return directory.configuration.ranking.rank([byID] + matches, limit: limit)
    }

    /// `search` as summaries, what a `zcc-contact-search-response` lists: read from the records
    /// without rebuilding the contacts (`ContactDirectory.searchSummaries`), unless the query
    /// is a record's id (then through `search`, which ranks that record first).
    /// - Complexity: what `ContactDirectory.searchSummaries` costs, plus one id look-up.
    static func searchSummaries(_ directory: ContactDirectory, _ query: String, limit: Int) -> [MatchSummary] {
        guard !directory.contains(id: query.trimmingSpaces) else { return search(directory, query, limit: limit).map(MatchSummary.init) }
        return directory.searchSummaries(query, limit: limit)
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
