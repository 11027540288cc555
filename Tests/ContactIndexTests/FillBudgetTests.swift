import ContactFixtures
@testable import ContactIndex
import Testing

/// The fill budget (`FillBudget`) ends the tiers that only fill the results, and nothing else:
/// on a generated directory, with a budget small enough to end many walks, every query keeps
/// its exact, nickname and prefix matches and those of the first tier that found any (they rank
/// first, in the same order, with the same scores), every match it returns is one the
/// unlimited search also returns, scored the same or (a later pass cut) lower, the
/// budget does cut some fill tiers short, and a query with no exact, nickname or prefix match
/// is never cut.
@Suite struct FillBudgetTests {
    static let people = DirectoryGenerator(seed: 31).people(count: 12_000)
    static let directory = ContactDirectory(people.map(\.contact))

    /// Type-ahead prefixes of the directory's names (the queries with few prefix matches whose
    /// fill tiers the budget is for), and the labeled queries of every class.
    static let queries: [String] = {
        var random = SeededGenerator(seed: 3)
        var texts = (0..<500).map { _ in
            let person = people[Int.random(in: 0..<people.count, using: &random)]
            let given = person.contact.firstName ?? ""
            let family = person.contact.lastName ?? ""
            return "\(given.prefix(3)) \(family.prefix(Int.random(in: 2...4, using: &random)))"
        }
        let generator = NameQueryGenerator(people: people, seed: 8)
        texts += NameQueryClass.allCases.flatMap { generator.queries($0, count: 60).map(\.text) }
        return texts
    }()

    /// Small enough to end walks in a directory of 12,000.
    static let smallLimit = 256

    @Test func theBudgetOnlyCutsFillers() {
        var cut = 0
        var problems: [String] = []
        for text in Self.queries {
            let budgeted = Self.directory.lookup(fuzzyName: text, limit: 10, exhaustive: false, fillLimit: Self.smallLimit)
            let unlimited = Self.directory.lookup(fuzzyName: text, limit: 10, exhaustive: false, fillLimit: nil)
            if budgeted.map(\.contact.id) != unlimited.map(\.contact.id) { cut += 1 }
            // The exact, nickname and prefix matches, and the first tier to find any, ran before
            // any budget: those matches are all there, in order.
            if let first = unlimited.first {
                let leading = unlimited.prefix { $0.reason == first.reason || FillBudget.startsAfter($0.reason) }
                let kept = budgeted.prefix(leading.count)
                if kept.map(\.contact.id) != leading.map(\.contact.id) || kept.map(\.score) != leading.map(\.score) {
                    problems.append("\(text): leading matches \(leading.map(\.contact.id)) became \(kept.map(\.contact.id))")
                }
            }
            // A filler is a true match, scored as the unlimited search scores it, or lower: a
            // query with a particle is searched in passes ("al blackwood", then "blackwood"
            // alone, then "alblackwood"), and the budget may end the pass that scores a contact
            // best, never raise a score.
            let everyMatch = Dictionary(
                Self.directory.lookup(fuzzyName: text, limit: 20_000, exhaustive: false, fillLimit: nil).map { ($0.contact.id, $0) },
                uniquingKeysWith: { first, _ in first })
            for match in budgeted {
                guard let reference = everyMatch[match.contact.id] else {
                    problems.append("\(text): \(match.contact.id) is no match without the budget")
                    continue
                }
                if match.score > reference.score || (match.score == reference.score && match.reason != reference.reason) {
                    problems.append("\(text): \(match.contact.id) scores \(match.score) \(match.reason), not \(reference.score) \(reference.reason)")
                }
            }
            // Ranked as ever: best first.
            if zip(budgeted, budgeted.dropFirst()).contains(where: { $0.score < $1.score }) {
                problems.append("\(text): out of order")
            }
        }
        #expect(Self.queries.count >= 1_000)
        #expect(problems.isEmpty, "\(problems.count) problems: \(problems.prefix(5))")
        // The budget does end fill tiers here (else this test shows nothing).
        #expect(cut >= 10, "the budget changed \(cut) of \(Self.queries.count) results")
    }

    /// A query without an exact, nickname, prefix or one-edit match is never budgeted, even by
    /// an empty budget: its farther typing errors and romanizations are where its answer is.
    @Test func aQueryWithoutPrefixOrOneEditMatchesIsNotBudgeted() {
        let generator = NameQueryGenerator(people: Self.people, seed: 12)
        let texts = [NameQueryClass.typo1, .typo2, .transliterated, .nickname].flatMap { generator.queries($0, count: 150).map(\.text) }
        var compared = 0
        var differing: [String] = []
        for text in texts {
            let unlimited = Self.directory.lookup(fuzzyName: text, limit: 10, exhaustive: false, fillLimit: nil)
            guard let first = unlimited.first, !FillBudget.startsAfter(first.reason), first.reason != .fuzzyOneEdit else { continue }
            compared += 1
            let budgeted = Self.directory.lookup(fuzzyName: text, limit: 10, exhaustive: false, fillLimit: 0)
            if budgeted.map(\.contact.id) != unlimited.map(\.contact.id) { differing.append(text) }
        }
        #expect(compared >= 100)
        #expect(differing.isEmpty, "\(differing.count) differ: \(differing.prefix(5))")
    }

    /// Results led by a one-edit match keep every one-edit match (in order, scored the same),
    /// and the tiers after it are budgeted: with an empty budget, nothing follows them (in a
    /// directory of 12,000, few such queries have anything after them to lose).
    @Test func aQueryLedByAOneEditMatchKeepsThemAndBudgetsTheRest() {
        let generator = NameQueryGenerator(people: Self.people, seed: 12)
        let texts = [NameQueryClass.typo1, .typo2, .transliterated].flatMap { generator.queries($0, count: 150).map(\.text) }
        var compared = 0
        var cut = 0
        var problems: [String] = []
        for text in texts {
            let unlimited = Self.directory.lookup(fuzzyName: text, limit: 10, exhaustive: false, fillLimit: nil)
            guard let first = unlimited.first, first.reason == .fuzzyOneEdit else { continue }
            compared += 1
            let budgeted = Self.directory.lookup(fuzzyName: text, limit: 10, exhaustive: false, fillLimit: 0)
            let oneEdit = unlimited.prefix { $0.reason == .fuzzyOneEdit }
            if budgeted.map(\.contact.id) != oneEdit.map(\.contact.id) || budgeted.map(\.score) != oneEdit.map(\.score) {
                problems.append("\(text): \(budgeted.map(\.contact.id)), not the one-edit matches \(oneEdit.map(\.contact.id))")
            }
            if unlimited.count > oneEdit.count { cut += 1 }
        }
        #expect(compared >= 50, "\(compared) queries led by a one-edit match")
        #expect(cut >= 1, "\(cut) of \(compared) queries lost fillers")
        #expect(problems.isEmpty, "\(problems.count) problems: \(problems.prefix(5))")
        // And on two contacts: "Junung Um" is one edit from Jungung Um, and a romanized spelling
        // of 정웅 엄 ("jeongung eom").
        let directory = ContactDirectory([
            Contact(id: "one-edit", firstName: "Jungung", lastName: "Um"), Contact(id: "romanized", firstName: "정웅", lastName: "엄"),
        ])
        let all = directory.lookup(fuzzyName: "Junung Um", limit: 10, exhaustive: false, fillLimit: nil)
        let budgeted = directory.lookup(fuzzyName: "Junung Um", limit: 10, exhaustive: false, fillLimit: 0)
        #expect(all.map(\.contact.id) == ["one-edit", "romanized"])
        #expect(all.map(\.reason) == [.fuzzyOneEdit, .romanized])
        #expect(budgeted.map(\.contact.id) == ["one-edit"])
    }

    /// A budget started at a multiple of its limit stops at `Int.max` rather than overflowing.
    @Test func aMultipleOfAHugeLimitDoesNotOverflow() {
        var budget = FillBudget(limit: .max)
        budget.start(times: FillBudget.afterOneEditFactor)
        #expect(budget.left == .max)
        var small = FillBudget(limit: 10)
        small.start(times: FillBudget.afterOneEditFactor)
        #expect(small.left == 10 * FillBudget.afterOneEditFactor)
    }

    /// A tier that could only take the places of matches through a company's words runs within
    /// the plain limit: the budget starts there, or what is left is lowered to it; a smaller rest
    /// and an unlimited budget stay as they are.
    @Test func aTierAfterCompanyNameMatchesRunsWithinThePlainLimit() {
        var idle = FillBudget(limit: 100)
        idle.capAtLimit()
        #expect(idle.left == 100)
        var large = FillBudget(limit: 100)
        large.start(times: FillBudget.afterOneEditFactor)
        large.capAtLimit()
        #expect(large.left == 100)
        var small = FillBudget(limit: 100)
        small.start()
        small.spend(70)
        small.capAtLimit()
        #expect(small.left == 30)
        var unlimited = FillBudget(limit: nil)
        unlimited.capAtLimit()
        #expect(unlimited.left == nil)
    }

    /// Results are full "but for company names" when their last places, and only those, fall
    /// below the bound and are matches through a company's words.
    @Test func resultsFullButForCompanyNames() {
        let directory = ContactDirectory((0..<4).map { Contact(id: "c\($0)", firstName: "Ann", lastName: "Lee\($0)") })
        var top = TopMatches(limit: 3, of: directory)
        top.offer(slot: 0, score: 0.61, reason: .fuzzyOneEdit)
        top.offer(slot: 1, score: 0.60, reason: .fuzzyOneEdit)
        #expect(!top.isFull(butCompanyNamesAtLeast: 0.565))
        top.offer(slot: 2, score: 0.53, reason: .companyName)
        #expect(top.isFull(butCompanyNamesAtLeast: 0.565))
        #expect(!top.isFull(atLeast: 0.565))
        #expect(!top.isFull(butCompanyNamesAtLeast: 0.605))
        top.offer(slot: 3, score: 0.55, reason: .romanized)
        #expect(!top.isFull(butCompanyNamesAtLeast: 0.5))
    }

    /// A letter typed for a name ("C. Jacobs") has its answers in the initial tier, which no
    /// budget cuts, even after a prefix match ("C. Jacobson", whose "C." is a token of its own)
    /// and with an empty budget: Cindy Jacobs is found, while the one-edit tier after it, which
    /// only fills the results, is cut.
    @Test func anInitialsQuerysOwnTierIsNotBudgeted() {
        let contacts = [
            Contact(id: "prefix", firstName: "C.", lastName: "Jacobson"),
            Contact(id: "initial", firstName: "Cindy", lastName: "Jacobs"),
            Contact(id: "typo", firstName: "C.", lastName: "Jacobe"),
        ]
        let directory = ContactDirectory(contacts)
        let unlimited = directory.lookup(fuzzyName: "C. Jacobs", limit: 10, exhaustive: false, fillLimit: nil)
        let budgeted = directory.lookup(fuzzyName: "C. Jacobs", limit: 10, exhaustive: false, fillLimit: 0)
        #expect(unlimited.map(\.contact.id) == ["prefix", "initial", "typo"])
        #expect(budgeted.map(\.contact.id) == ["prefix", "initial"])
        #expect(budgeted.map(\.reason) == [.tokenPrefix, .initials])
    }

    /// A pass without the query's particles ("ter" of "Ter Patt", then "Patt" alone) only adds
    /// contacts that rank below every full match: once the results hold one, that pass fills
    /// them, within the budget, from its first tier on. With a budget too small to start a list
    /// (which the first pass leaves unspent: no fill tier has spellings of "ter" and "patt"
    /// here), the prefix match Terry Patterson stays alone, where the unlimited search adds the
    /// contacts that lack "ter" (Patty Martin, …). Results with no full match are no filler's:
    /// "van der Berg" still finds Anna Berg, who lacks the particles, within that budget.
    @Test func aPassWithoutTheParticlesOnlyFillsResultsThatHoldAFullMatch() {
        var contacts = [Contact(id: "full", firstName: "Terry", lastName: "Patterson")]
        contacts += (0..<6).map { Contact(id: "lacks\($0)", firstName: "Patty", lastName: "Martin\($0 == 0 ? "" : "ez")") }
        contacts.append(Contact(id: "berg", firstName: "Anna", lastName: "Berg"))
        let directory = ContactDirectory(contacts)
        let unlimited = directory.lookup(fuzzyName: "Ter Patt", limit: 10, exhaustive: false, fillLimit: nil)
        let tooSmall = FillBudget.listCost / 2
        let budgeted = directory.lookup(fuzzyName: "Ter Patt", limit: 10, exhaustive: false, fillLimit: tooSmall)
        #expect(unlimited.first?.contact.id == "full")
        #expect(unlimited.count == 7)
        #expect(unlimited.dropFirst().allSatisfy { $0.reason == .partialName && $0.contact.id.hasPrefix("lacks") })
        #expect(budgeted.map(\.contact.id) == ["full"])
        let particles = directory.lookup(fuzzyName: "van der Berg", limit: 10, exhaustive: false, fillLimit: tooSmall)
        #expect(particles.map(\.contact.id) == ["berg"])
    }

    /// Each driving list a fill tier starts costs `FillBudget.listCost` besides its postings: a
    /// query whose fillers each sit in a list of their own ("abel quinc" past one prefix match:
    /// 125 one-edit neighbours of "quinc", one contact each) finds no more of them than the
    /// budget pays list starts and token-list reads for.
    @Test func eachListStartedIsPaidFor() {
        var contacts = [Contact(id: "match", firstName: "Abel", lastName: "Quincey")]
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for place in 0..<5 {
            for letter in letters {
                var token = Array("quinc")
                guard token[place] != letter else { continue }
                token[place] = letter
                contacts.append(Contact(id: "n\(place)\(letter)", firstName: "Abel", lastName: String(token)))
            }
        }
        contacts += (0..<400).map { Contact(id: "s\($0)", firstName: "Abel", lastName: "Smith") }
        let directory = ContactDirectory(contacts)
        let limit = 4_000
        let unlimited = directory.lookup(fuzzyName: "abel quinc", limit: 200, exhaustive: false, fillLimit: nil)
        let budgeted = directory.lookup(fuzzyName: "abel quinc", limit: 200, exhaustive: false, fillLimit: limit)
        #expect(unlimited.first?.contact.id == "match")
        #expect(budgeted.first?.contact.id == "match")
        #expect(unlimited.filter { $0.reason == .fuzzyOneEdit }.count >= 100)
        let fillers = budgeted.filter { $0.reason == .fuzzyOneEdit }.count
        // Each filler: its list started, its posting, its token list read (64 postings'
        // worth, `NameTokenCheck.probeCost`).
        #expect(fillers >= 1)
        #expect(fillers <= limit / (FillBudget.listCost + 1 + 64) + 1, "\(fillers) fillers")
    }
}
