/// How much work the tiers that only fill the results may still do, in postings: the tiers
/// after the prefix tier (initials, typing errors, romanizations), once the results hold an
/// exact, nickname or prefix match, which every later match ranks below. One budget serves a
/// whole name search (its pass without particles and its joined form included).
///
/// Those tiers can cost far more than the matches the agent is after. A type-ahead query
/// with six prefix matches ("dav sno": "David Snow") leaves four places, and the romanized
/// spellings of a three-letter token share a skeleton of one or two consonants ("d", "sn")
/// with thousands of short tokens of long posting lists, in every script: the walk read
/// tens of thousands of postings and contacts to fill them with weak guesses ("千代 松本",
/// which ICU reads "qian dai song ben"). Within the budget, a fill tier's walk keeps its order
/// (best bound first, best spelling first), so the fillers it finds are the likeliest; past
/// it, the walk stops and the results keep what they have. A contact that two passes of a
/// search find ("al blackwood", then "alblackwood") keeps the better score of the passes that
/// ran: the budget may end the one that would have scored it higher.
///
/// What those tiers may add is narrower too: after an exact, nickname or prefix match, no two-edit
/// typing error and no Latin token that only shares a query token's consonants, only the
/// readings of the query's whole words in a script written without vowels (Arabic script's,
/// Hebrew's: `NameQueryToken.addDistantSpellings(otherScriptsOnly:)`).
///
/// A search whose results hold only romanizations or farther typing errors, or nothing, before
/// a tier has no budget there: that tier may hold its answer. Results led by a one-edit match
/// fill the tiers after it within `afterOneEditFactor` times the budget: the answer of such a
/// query is mostly that match, and when it is not ("Moon Seongsu" has two one-edit matches,
/// and its answer, 문 성수, is romanized), its closest spellings are walked first (no labeled
/// query lost its answer to it: `afterOneEditFactor`). Nor has the initial tier of a query with a
/// letter typed for a name ("C. Jacobs"): that tier is where its answers are, and a prefix
/// match before it ("C. Jacobson") does not make it a filler's tier. At a million contacts,
/// with that tier budgeted, a budget of half this size had lost 7 of 1,000 labeled initials
/// queries from the first five.
///
/// Counted: each driving list started (`listCost`) and each of its postings walked (paid by
/// chunk), each posting of a union built or extended for the other tokens,
/// `NameTokenCheck.probeCost` for each contact whose token list is read (checked or scored),
/// and `skeletonCandidateCost` for each token compared for a query token's romanized spellings
/// (a query token whose skeleton more tokens share than what is left pays for gets none). A union
/// that does not fit is not built: its token is checked on the contacts' token lists instead, each
/// paid for. A chunk is paid for when done, so the budget may be overdrawn by one chunk (512) and
/// its token-list reads.
///
/// A free-text search that also holds a number or an address (`search`) looks for its name
/// matches without a budget: a weak one that the number confirms may rank first.
struct FillBudget {
    /// The work a search's fill tiers may do at most, by default, in postings.
    /// At 1M contacts (the labeled prefix queries, `match-bench run`), 8,192 took the p99 of
    /// prefix queries from about 410 µs to 290 µs and their p90 from 260 µs to 165 µs; recall
    /// at 5 lost one transliterated query of 1,000 ("Chand Rav" for चण्ड राव, past two prefix
    /// matches). Twice as much kept that one and gained less.
    static let standard = 8_192

    /// What comparing a token that shares a query token's consonant skeleton costs, in
    /// postings (`NameQueryToken.addDistantSpellings`): its bytes, a cache miss or two in the
    /// vocabulary, prefetched, then a bounded edit distance; an eighth of a token-list read
    /// (`NameTokenCheck.probeCost`). At 1M contacts (the 1,000 labeled prefix queries, each
    /// query's fastest of 5 rounds, four interleaved runs), the romanized spellings of a short
    /// token (1,400 tokens of skeleton "n") had cost up to 70 µs outside the budget; charged
    /// at 8, the queries summed 66.2 ms against 70.0, p90 91.6 µs against 98.8. At 4, at 16,
    /// and with no romanized spelling at all while the budget runs, the differences from 8 were
    /// within the noise. Recall at 1 and 5 of every name class did not change.
    static let skeletonCandidateCost = 8

    /// What starting a driving posting list costs, in postings, besides its postings: its place
    /// and its first slots, a cache miss or two, about half a token-list read
    /// (`NameTokenCheck.probeCost`). A fill tier walks hundreds of lists of a few postings (243
    /// one-edit spellings for "seoy par", 13 postings each on average), which had cost far
    /// more time than their postings counted. At 1M contacts (the 1,000 labeled prefix queries,
    /// each query's fastest of 5 rounds, both orders of 3 interleaved runs each), the prefix
    /// queries' p99 went from 117.6 and 103.0 µs to 100.9 and 96.3, their sum from 56.3 and 49.1
    /// ms to 51.3 and 47.7. Recall at 1 and 5 did not change in any class; the results of 19 of
    /// the 1,000 prefix queries did, all past their prefix matches (13 fillers fewer of 7,332
    /// results, and 28 fillers replaced or dropped: "Jeffrey Gray" for "jeff gay" among them).
    static let listCost = 32

    /// The work left, or nil while the budget is not running (unlimited).
    private(set) var left: Int?
    /// The work the budget allows once it runs; nil: never limited.
    let limit: Int?

    /// A budget of `limit` (in postings; nil: unlimited), not yet running.
    init(limit: Int?) {
        self.limit = limit
    }

    /// Starts the budget, once: called when a fill tier begins (see the type's description).
    /// - Parameter factor: the budget runs with `factor` times its limit (at most `Int.max`).
    mutating func start(times factor: Int = 1) {
        guard left == nil, let limit else { return }
        let (scaled, overflows) = limit.multipliedReportingOverflow(by: factor)
        left = overflows ? .max : scaled
    }

    /// How many times the limit the tiers after the one-edit tier may do once the results are led
    /// by a one-edit match (see the type's description). Unbudgeted, the romanized spellings of
    /// short tokens ("um", "saa": thousands sharing a skeleton of one consonant) were most of the
    /// slowest one-edit queries at 1M contacts ("Saa Shaw" 470 µs, "Junung Um" 390 µs). With
    /// four times the limit (`match-bench run --contacts c1m.csv --queries q.jsonl`, 17,000
    /// labeled queries, and two exports of 300,000 with 500 a class), recall at 1 and 5 did not
    /// change in any class, and the one-edit queries' p99 (each query's fastest of 10 rounds, two
    /// runs) went from 337.6 and 341.6 µs to 266.9 and 259.7; eight times gained less.
    static let afterOneEditFactor = 4

    /// Whether results led by a match of `reason` make the later tiers fill tiers: an exact,
    /// nickname or prefix match (or a whole name).
    static func startsAfter(_ reason: MatchReason) -> Bool {
        switch reason {
        case .exactName, .foldedName, .namePrefix, .transliteratedName, .nameTokens, .nickname, .tokenPrefix: true
        default: false
        }
    }

    /// Starts the budget with its limit, or lowers what is left to it: for a tier whose matches
    /// could only take the places of matches through a company's words (see
    /// `ContactDirectory.collectTiers`).
    mutating func capAtLimit() {
        guard let limit else { return }
        left = min(left ?? limit, limit)
    }

    /// Whether the budget runs (`start`).
    var isRunning: Bool { left != nil }

    /// Whether it ran out: the fill tiers do nothing more.
    var isSpent: Bool { (left ?? 1) <= 0 }

    /// Whether `postings` more fit in what is left.
    func allows(_ postings: Int) -> Bool { left.map { postings <= $0 } ?? true }

    /// `postings`, or what is left when that is less (none once spent).
    func capped(_ postings: Int) -> Int { left.map { min(postings, max($0, 0)) } ?? postings }

    /// Counts work worth `postings`.
    mutating func spend(_ postings: Int) {
        if let current = left { left = current - postings }
    }
}
