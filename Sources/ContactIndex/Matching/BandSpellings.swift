/// The positions of a band's spellings among its query token's candidates
/// (`NameQueryToken.ids`), best quality first: a run of the token's band order
/// (`NameSpellingOrder.positions`), read in place.
///
/// Why a view: a band was made for each required token at every tier a search reaches
/// (`NameQueryToken.bands`), and it copied its run into two arrays, positions and ids; a token
/// typed as a prefix ("mar") has 1,700 spellings at a million contacts, copied again at every
/// tier from the prefix tier on.
struct BandPositions: RandomAccessCollection {
    /// The token's band order, or a sorted array of the band's own.
    private let order: [Int32]
    private let start: Int
    let endIndex: Int

    /// The run `range` of `order`.
    init(_ order: [Int32], range: Range<Int>) {
        self.order = order
        start = range.lowerBound
        endIndex = range.count
    }

    /// The one position of the twin candidates' walk (`ContactDirectory.walkTier`): -1.
    static let twinCandidates = BandPositions([-1], range: 0..<1)

    var startIndex: Int { 0 }

    @inline(__always)
    subscript(offset: Int) -> Int { Int(order[start + offset]) }
}

/// The vocabulary ids of a band's spellings, in the order of its positions (`BandPositions`),
/// read through the token's candidates in place.
struct BandIDs: RandomAccessCollection {
    let positions: BandPositions
    /// The token's candidates' vocabulary ids (`NameQueryToken.ids`).
    private let ids: [UInt32]

    init(_ positions: BandPositions, of ids: [UInt32]) {
        self.positions = positions
        self.ids = ids
    }

    var startIndex: Int { 0 }
    var endIndex: Int { positions.endIndex }

    @inline(__always)
    subscript(offset: Int) -> UInt32 { ids[positions[offset]] }
}
