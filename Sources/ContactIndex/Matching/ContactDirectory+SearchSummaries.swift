extension ContactDirectory {
    /// `search(_:limit:)` as summaries (`MatchSummary`: id, name, phone, email, entity, score,
    /// reason, dates): what a `zcc-contact-search-response` lists. The same matches in the same
    /// order, each with the phone or email that matched, else the contact's first ones.
    ///
    /// A name query (no digits to search, no address) reads the summaries straight from the
    /// stored records, without rebuilding the contacts; a query with a number or an address goes
    /// through `search(_:limit:)`, which merges identity and name matches on whole contacts.
    /// - Parameters:
    ///   - text: the query; empty or whitespace-only text gives no results (not an error).
    ///   - limit: at most this many matches; nil uses the configuration's limit.
    /// - Returns: ranked summaries.
    /// - Complexity: as `search(_:limit:)`, less the rebuilding of each contact for a name query.
    public func searchSummaries(_ text: String, limit: Int? = nil) -> [MatchSummary] {
        let limit = limit ?? configuration.resultLimit
        let query = FreeTextQuery(text)
        guard limit > 0, !query.isEmpty else { return [] }
        guard query.phoneText == nil, query.emailText == nil else { return search(text, limit: limit).map(MatchSummary.init) }
        var top = TopMatches(limit: limit, of: self)
        collectNameMatches(query.nameText, into: &top)
        let names = summaries(from: top, positionsArePhones: false)
        // One bare word may also start an address (see `search`): when the names leave room,
        // or when it is an address's whole local part, which ranks above them.
        if let word = query.bareEmailWord,
           names.count < limit || names.contains(where: { $0.score < Self.bareEmailPrefixScore })
            || hasWholeLocalPart(word)
        {
            return search(text, limit: limit).map(MatchSummary.init)
        }
        return names
    }
}
