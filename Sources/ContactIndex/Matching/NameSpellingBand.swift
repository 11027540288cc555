/// The spellings of one query token that match it one way (one `TokenMatchKind`) with about one
/// quality, or all of one kind, or, in a merged band, every way up to a tier: the unit that
/// name search combines across the tokens of a query (see `ContactDirectory.collectTier`).
struct NameSpellingBand {
    /// How finely a token's spellings are split into bands: finer bands give tighter bounds
    /// (a contact two edits from a romanization scores less than one a single edit away, a
    /// prefix of a short name more than of a long one) and more combinations to walk.
    enum Grouping {
        /// By kind, then by quality in steps of `qualityStep`.
        case quality
        /// By kind.
        case kind
        /// All in one band.
        case merged
    }

    /// The width of the quality steps of `Grouping.quality`.
    static let qualityStep: Float = 0.05

    /// The best kind among its spellings.
    let lowest: TokenMatchKind
    /// The worst kind among its spellings (`lowest` unless merged).
    let highest: TokenMatchKind
    /// Its spellings' positions among the token's candidates, best quality first.
    let positions: BandPositions
    /// The spellings' vocabulary ids, in the order of `positions`.
    let ids: BandIDs
    /// The postings of its spellings, summed.
    let postings: Int
    /// The quality of its best spelling.
    let bestQuality: Float
    /// The best quality of the token's spellings of a worse kind than `highest` (0 when none):
    /// what the token may claim on a contact whose matching entry is taken by another token.
    let worseQuality: Float
    /// Whether it holds every prefix spelling of the token together with the exact and nickname
    /// ones (a merged band from the prefix tier on): then the contacts of all its prefix
    /// spellings are those of the token's prefix list, when the index has one
    /// (`NameQueryToken.prefixList(covering:)`).
    var coversPrefixes = false

    /// Whether a spelling of this kind belongs here.
    @inline(__always)
    func holds(_ kind: TokenMatchKind) -> Bool { kind >= lowest && kind <= highest }

    /// The most quality a token whose best match on a contact is in this band can score there,
    /// when its spellings in the band are at most `quality`.
    func ceiling(_ quality: Float) -> Float { max(quality, worseQuality) }
}
