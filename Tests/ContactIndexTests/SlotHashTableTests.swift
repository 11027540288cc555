import Testing

@testable import ContactIndex

/// The key-less hash multimap, checked against a dictionary model through random inserts and
/// removals (backward-shift deletion and growth included).
@Suite struct SlotHashTableTests {
    @Test(arguments: [1, 7, 1_000])
    func matchesADictionaryModel(_ distinctHashes: Int) {
        var table = SlotHashTable()
        var model: [UInt32: Set<UInt32>] = [:]
        var random = SplitMix(seed: UInt64(distinctHashes))
        for step in 0..<20_000 {
            // Few distinct hashes force long runs of colliding entries.
            let hash = UInt32(truncatingIfNeeded: random.next() % UInt64(distinctHashes)) &* 2_654_435_761
            let slot = UInt32(random.next() % 500)
            if random.next() % 3 == 0 {
                table.remove(hash: hash, slot: slot)
                model[hash]?.remove(slot)
            } else {
                table.insert(hash: hash, slot: slot)
                model[hash, default: []].insert(slot)
            }
            if step % 997 == 0 || step == 19_999 {
                for (key, slots) in model {
                    var found = Set<UInt32>()
                    var duplicates = 0
                    table.forEach(hash: key) { slot in
                        if !found.insert(slot).inserted { duplicates += 1 }
                        return true
                    }
                    #expect(found == slots, "hash \(key) at step \(step)")
                    #expect(duplicates == 0)
                }
                #expect(table.count == model.values.reduce(0) { $0 + $1.count })
            }
        }
    }

    @Test func forEachStopsWhenAsked() {
        var table = SlotHashTable()
        for slot in 0..<10 { table.insert(hash: 5, slot: UInt32(slot)) }
        var visited = 0
        table.forEach(hash: 5) { _ in visited += 1; return visited < 3 }
        #expect(visited == 3)
    }

    @Test func idsAreComparedByTheirBytes() {
        // "café" composed and decomposed: equal as Swift strings, different ids for a CRM.
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        let directory = ContactDirectory([
            Contact(id: composed, firstName: "Composed"), Contact(id: decomposed, firstName: "Decomposed"),
        ])
        #expect(directory.count == 2)
        #expect(directory.problems.isEmpty)
        #expect(directory.contact(id: composed)?.firstName == "Composed")
        #expect(directory.contact(id: decomposed)?.firstName == "Decomposed")
    }
}
