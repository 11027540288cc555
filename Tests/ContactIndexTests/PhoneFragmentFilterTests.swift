@testable import ContactIndex
import Testing

/// A digit run typed in free text ("5917", "959 1749") reads the smallest bucket of its 4-digit
/// windows and drops, through a second window's bucket, the candidates that cannot hold the run
/// (`PhoneFragmentIndex.candidateBuckets`). These tests hold it to a scan of every contact's
/// numbers: nothing that holds the run is dropped, before and after updates that leave stale
/// entries in the buckets.
@Suite struct PhoneFragmentFilterTests {
    /// Random digits and numbers from a seeded generator (`SplitMix`), so the directory is the
    /// same on every run.
    struct Digits {
        var random: SplitMix
        init(seed: UInt64) { random = SplitMix(seed: seed) }
        mutating func next() -> UInt64 { random.next() }
        mutating func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(next() % 10)) })
        }
        /// A number in one of three regions' shapes, or a raw run of digits that no region parses.
        mutating func phone() -> String {
            switch next() % 4 {
            case 0: "+1 \(2 + next() % 8)\(digits(2)) \(2 + next() % 8)\(digits(2)) \(digits(4))"
            case 1: "+49 30 \(digits(8))"
            case 2: "+33 6 \(digits(8))"
            default: "ext \(digits(9))"
            }
        }
    }

    /// 12,000 contacts of one or two random numbers: buckets of a few slots to a few dozen, where
    /// the filter pays.
    static let contactCount = 12_000

    static func makeDirectory(_ random: inout Digits) -> ContactDirectory {
        var contacts: [Contact] = []
        for index in 0..<Self.contactCount {
            var phones = (0..<(1 + Int(random.next() % 2))).map { _ in ContactPhone(random.phone()) }
            // One contact in ten also has a number of one exchange: runs such as "1201" and
            // "5550" have hundreds of holders, more than the results hold.
            if index % 20 < 2 { phones.append(ContactPhone("+1 201 555 \(random.digits(4))")) }
            contacts.append(Contact(id: "c\(index)", firstName: "Given\(index % 97)", lastName: "Family\(index % 89)", phones: phones))
        }
        return ContactDirectory(contacts, configuration: DirectoryConfiguration(defaultRegion: "US"))
    }

    /// Every contact's searched digits (a number's E.164 digits, or its raw digits), by id.
    static func storedDigits(_ directory: ContactDirectory, ids: [String]) -> [String: [[UInt8]]] {
        var out: [String: [[UInt8]]] = [:]
        for id in ids {
            guard let contact = directory.contact(id: id) else { continue }
            out[id] = contact.phones.map { PhoneFragmentIndex.searchDigits(of: $0) }
        }
        return out
    }

    /// Runs of 4 to 10 digits: most cut from stored numbers (so that some contact holds them),
    /// the rest random.
    static func fragments(of stored: [String: [[UInt8]]], _ random: inout Digits) -> [[UInt8]] {
        let numbers = stored.keys.sorted().flatMap { stored[$0]! }.filter { $0.count >= 10 }
        var out: [[UInt8]] = []
        for _ in 0..<250 {
            let number = numbers[Int(random.next() % UInt64(numbers.count))]
            let length = 4 + Int(random.next() % 7)
            let start = Int(random.next() % UInt64(number.count - length + 1))
            out.append(Array(number[start..<(start + length)]))
        }
        for _ in 0..<60 { out.append(Array(random.digits(4 + Int(random.next() % 4)).utf8)) }
        for common in ["1201", "2015", "0155", "5550", "15550", "201555"] { out.append(Array(common.utf8)) }
        return out
    }

    static func holds(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        outer: for start in 0...(haystack.count - needle.count) {
            for offset in needle.indices where haystack[start + offset] != needle[offset] { continue outer }
            return true
        }
        return false
    }

    /// Checks every fragment against the scan; returns how many were filtered through a second
    /// bucket.
    @discardableResult
    static func check(_ directory: ContactDirectory, stored: [String: [[UInt8]]], fragments: [[UInt8]]) -> Int {
        var filtered = 0
        for fragment in fragments {
            let holders = Set(stored.filter { $0.value.contains { holds($0, fragment) } }.keys)
            let (candidates, filter) = directory.phoneFragmentIndex.candidateBuckets(containing: fragment, slotCount: directory.store.slotCount)
            if filter != nil { filtered += 1 }
            let candidateSet = Set(candidates)
            let filterSet = filter.map(Set.init)
            for id in holders {
                guard let slot = directory.slot(of: id) else {
                    Issue.record("no slot for \(id)")
                    continue
                }
                #expect(candidateSet.contains(slot), "\(String(decoding: fragment, as: UTF8.self)): \(id) not a candidate")
                #expect(filterSet?.contains(slot) ?? true, "\(String(decoding: fragment, as: UTF8.self)): \(id) dropped by the filter")
            }
            // Through the search itself: a run of 4 to 6 digits is looked for as a fragment only.
            guard fragment.count <= 6 else { continue }
            let text = String(decoding: fragment, as: UTF8.self)
            // Digits led by zeros that no number holds are looked for without those zeros.
            var expected = holders
            if holders.isEmpty, let significant = PhoneQueryText.withoutLeadingZeros(fragment) {
                expected = Set(stored.filter { $0.value.contains { holds($0, significant) } }.keys)
            }
            if expected.count <= 30 {
                let found = directory.search(text, limit: 1_000).filter { $0.reason == .phoneFragment }
                #expect(Set(found.map(\.contact.id)) == expected, "\(text)")
            } else {
                // More holders than the results hold: every one scores the same, so the first ones
                // by id (all are contacts) are the answer, though most records were never read.
                let found = directory.search(text, limit: 10).map(\.contact.id)
                #expect(found == Array(expected.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.prefix(10)), "\(text)")
            }
        }
        return filtered
    }

    @Test func theFilterDropsNoContactThatHoldsTheDigits() {
        var random = Digits(seed: 42)
        var directory = Self.makeDirectory(&random)
        let ids = (0..<Self.contactCount).map { "c\($0)" }
        var stored = Self.storedDigits(directory, ids: ids)
        let fragments = Self.fragments(of: stored, &random)
        let filtered = Self.check(directory, stored: stored, fragments: fragments)
        // The filter is used: most runs of 5 digits or more have a second window that pays.
        let long = fragments.filter { $0.count >= 5 }.count
        #expect(filtered * 2 > long, "filtered \(filtered) of \(long)")

        // Updates leave stale entries in the buckets (removal is lazy): new numbers for 1,200
        // contacts, 300 removed, 500 added.
        for index in stride(from: 0, to: Self.contactCount, by: 10) {
            guard var contact = directory.contact(id: "c\(index)") else { continue }
            contact.phones = [ContactPhone(random.phone())]
            directory.upsert(contact)
        }
        for index in stride(from: 5, to: Self.contactCount, by: 40) { directory.remove(id: "c\(index)") }
        var added: [String] = []
        for index in 0..<500 {
            let id = "n\(index)"
            directory.upsert(Contact(id: id, firstName: "New", lastName: "Contact\(index)", phones: [ContactPhone(random.phone())]))
            added.append(id)
        }
        stored = Self.storedDigits(directory, ids: ids + added)
        Self.check(directory, stored: stored, fragments: fragments + Self.fragments(of: stored, &random))
    }
}
