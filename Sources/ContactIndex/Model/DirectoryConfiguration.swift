/// How a `ContactDirectory` normalizes and ranks.
public struct DirectoryConfiguration: Sendable {
    /// The region for national numbers of contacts that have none (ISO 3166 alpha-2).
    public var defaultRegion: String?
    /// Email normalization options (provider canonicalization).
    public var emailOptions: EmailNormalizer.Options
    /// Tie-breaking order of record kinds.
    public var ranking: MatchRanking
    /// Whether to compute validity and type of stored numbers (about 25 µs each through
    /// libphonenumber). Invalid numbers are flagged either way only when this is on.
    public var phoneDetails: Bool
    /// The default number of results of a look-up.
    public var resultLimit: Int
    /// Typo budgets of fuzzy name matching.
    public var nameMatching: NameMatchingOptions = .init()
    /// The score at or above which a single match is confident enough to pop without asking
    /// (see `MatchReason.confidentScore`).
    public var confidentMatchScore: Double = MatchReason.confidentScore

    /// Creates a configuration.
    public init(
        defaultRegion: String? = "US",
        emailOptions: EmailNormalizer.Options = .init(),
        ranking: MatchRanking = .init(),
        phoneDetails: Bool = true,
        resultLimit: Int = 10
    ) {
        self.defaultRegion = defaultRegion
        self.emailOptions = emailOptions
        self.ranking = ranking
        self.phoneDetails = phoneDetails
        self.resultLimit = resultLimit
    }
}
