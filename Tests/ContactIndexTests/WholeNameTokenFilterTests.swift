import Testing
@testable import ContactIndex

/// `WholeNameTokenFilter` never says no to a name it holds, tells most others apart, and hashes
/// a set of tokens alike in any order.
@Suite struct WholeNameTokenFilterTests {
    /// Random token-id sets of 2 to 4 ids, from a fixed seed.
    static func sets(count: Int, seed: UInt64) -> [[UInt32]] {
        var generator = SplitMix(seed: seed)
        return (0..<count).map { _ in (0..<Int.random(in: 2...4, using: &generator)).map { _ in UInt32.random(in: 0..<200_000, using: &generator) } }
    }

    @Test func aSetHashesAlikeInAnyOrderAndApartFromOthers() {
        #expect(WholeNameTokenFilter.hash(of: [3, 17, 5]) == WholeNameTokenFilter.hash(of: [5, 3, 17]))
        #expect(WholeNameTokenFilter.hash(of: [3, 17]) != WholeNameTokenFilter.hash(of: [3, 18]))
        #expect(WholeNameTokenFilter.hash(of: [3, 3]) != WholeNameTokenFilter.hash(of: [3]))
        // One id replaced, by the sum of mixed ids, as the nickname forms are hashed.
        let sum = [3, 17, 5].reduce(UInt64(0)) { $0 &+ WholeNameTokenFilter.mix(UInt64($1)) }
        let replaced = sum &- WholeNameTokenFilter.mix(17) &+ WholeNameTokenFilter.mix(40)
        #expect(WholeNameTokenFilter.hash(sum: replaced, count: 3) == WholeNameTokenFilter.hash(of: [40, 5, 3]))
    }

    @Test func theHashByRoleTellsGivenFromFamilyNames() {
        let robert = WholeNameTokenFilter.mix(7), brown = WholeNameTokenFilter.mix(9)
        #expect(WholeNameTokenFilter.roleHash(givenSum: robert, familySum: brown) != WholeNameTokenFilter.roleHash(givenSum: brown, familySum: robert))
        #expect(WholeNameTokenFilter.roleHash(givenSum: robert &+ brown, familySum: 0) != WholeNameTokenFilter.roleHash(givenSum: 0, familySum: robert &+ brown))
        // A contact's names by role are in the filter: given Robert, family Brown.
        var filter = WholeNameTokenFilter()
        let entries: [UInt32] = [7 | NameTokenRole.given.rawValue << 28, 9 | NameTokenRole.family.rawValue << 28]
        entries.withUnsafeBufferPointer { filter.insertNames(of: $0) }
        #expect(filter.mayContain(WholeNameTokenFilter.roleHash(givenSum: robert, familySum: brown)))
        #expect(filter.mayContain(WholeNameTokenFilter.hash(of: [9, 7])))
    }

    /// A contact of three or more own-name words has each pair of them marked, in either
    /// order; a two-word name and its company's words have none.
    @Test func theWordsOfALongerNameArePaired() {
        let given = NameTokenRole.given.rawValue << 28, family = NameTokenRole.family.rawValue << 28
        let company = NameTokenRole.company.rawValue << 28
        var filter = WholeNameTokenFilter()
        // María Isabel García of Acme; John Smith of Initech.
        let longer: [UInt32] = [11 | given, 12 | given, 13 | family, 14 | company]
        let twoWords: [UInt32] = [21 | given, 22 | family, 23 | company, 24 | company]
        longer.withUnsafeBufferPointer { filter.insertNames(of: $0) }
        twoWords.withUnsafeBufferPointer { filter.insertNames(of: $0) }
        for (first, second) in [(11, 12), (11, 13), (12, 13), (13, 11)] as [(UInt32, UInt32)] {
            #expect(filter.mayContain(WholeNameTokenFilter.longerNamePairHash(first, second)))
        }
        #expect(WholeNameTokenFilter.longerNamePairHash(11, 13) != WholeNameTokenFilter.hash(of: [11, 13]))
        for (first, second) in [(11, 14), (21, 22), (21, 23), (23, 24)] as [(UInt32, UInt32)] {
            #expect(!filter.mayContain(WholeNameTokenFilter.longerNamePairHash(first, second)))
        }
    }

    @Test func everyNameAddedIsFoundAndFewOthersAre() {
        let contacts = 20_000
        var filter = WholeNameTokenFilter(contacts: contacts)
        let held = Self.sets(count: 2 * contacts, seed: 7)
        for set in held { filter.insert(WholeNameTokenFilter.hash(of: set)) }
        #expect(held.allSatisfy { filter.mayContain(WholeNameTokenFilter.hash(of: $0)) })
        #expect(!filter.isCrowded)
        let others = Self.sets(count: 20_000, seed: 8)
        let falseAnswers = others.filter { filter.mayContain(WholeNameTokenFilter.hash(of: $0)) }.count
        // About 5% at two names for each 16 bits; well under a tenth.
        #expect(falseAnswers < others.count / 10, "\(falseAnswers)")
        #expect(filter.bitCount >= contacts * WholeNameTokenFilter.bitsPerContact)
    }

    @Test func aFilterIsCrowdedPastANameForEach8Bits() {
        var filter = WholeNameTokenFilter()
        for set in Self.sets(count: filter.bitCount / 8, seed: 9) { filter.insert(WholeNameTokenFilter.hash(of: set)) }
        #expect(!filter.isCrowded)
        filter.insert(WholeNameTokenFilter.hash(of: [1, 2]))
        #expect(filter.isCrowded)
    }
}
