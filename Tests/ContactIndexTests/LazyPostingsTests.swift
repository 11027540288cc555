@testable import ContactIndex
import Testing

/// Name postings die in place when a contact is removed or changed (`NameTokenIndex`): after
/// thousands of updates over a few common tokens, name search must answer exactly as a directory
/// built fresh from the contacts that remain.
@Suite struct LazyPostingsTests {
    /// - Parameter smallLimits: the lists take new slots in their recent parts from 8 slots on
    ///   (`TokenPostingLists.Limits`), as those of common names do at a million.
    @Test(arguments: [false, true])
    func aDirectoryAfterManyUpdatesAnswersLikeAFreshOne(smallLimits: Bool) {
        let firsts = ["John", "Jon", "Mary", "Maria", "Ann", "Anne", "Robert", "Bob"]
        let lasts = ["Smith", "Smyth", "Lee", "Li", "van der Berg", "Berg", "Müller"]
        let companies: [String?] = ["Acme Inc", "Beta Inc", "Gamma Ltd", nil]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var directory = ContactDirectory([])
        if smallLimits { directory.nameTokenIndex.setPostingLimits(TokenPostingLists.Limits(place: 8, recent: 4)) }
        var current: [String: Contact] = [:]
        for _ in 0..<4_000 {
            let id = "c\(next() % 250)"
            if next() % 4 == 0 {
                directory.remove(id: id)
                current[id] = nil
            } else {
                let contact = Contact(
                    id: id, firstName: firsts[next() % firsts.count], lastName: lasts[next() % lasts.count],
                    company: companies[next() % companies.count])
                directory.upsert(contact)
                current[id] = contact
            }
        }
        let fresh = ContactDirectory(Array(current.values))
        // With the small limits, lists hold recent slots now: the searches below read them.
        let postings = directory.nameTokenIndex.postings
        #expect(smallLimits == postings.recent.contains { !$0.isEmpty })
        #expect(directory.count == current.count)
        for query in ["john smith", "mary", "smi", "ann lee", "acme", "jon smyth", "maria berg", "bob muller", "van der berg", "beta"] {
            let got = directory.lookup(fuzzyName: query, limit: 400).map { "\($0.contact.id) \($0.reason) \($0.score)" }
            let want = fresh.lookup(fuzzyName: query, limit: 400).map { "\($0.contact.id) \($0.reason) \($0.score)" }
            #expect(got == want, "\(query)")
            #expect(!want.isEmpty, "\(query)")
        }
    }
}
