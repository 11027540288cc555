import ContactFixtures
import ContactIndex
import Testing

@Suite struct DirectoryGeneratorTests {
    @Test func sameSeedSameDirectory() {
        let a = DirectoryGenerator(seed: 7).contacts(count: 500)
        let b = DirectoryGenerator(seed: 7).contacts(count: 500)
        let c = DirectoryGenerator(seed: 8).contacts(count: 500)
        #expect(a == b)
        #expect(a != c)
        #expect(Set(a.map(\.id)).count == 500)
    }

    @Test func coversEveryLocale() {
        let people = DirectoryGenerator(seed: 1).people(count: 3000)
        #expect(Set(people.map(\.locale)) == Set(NameCatalog.localeCodes))
        #expect(NameCatalog.shared.locales.allSatisfy { $0.given.count >= 10 && $0.family.count >= 10 })
    }

    @Test(arguments: NameQueryClass.allCases)
    func labeledQueriesPerClass(_ queryClass: NameQueryClass) throws {
        let people = DirectoryGenerator(seed: 3).people(count: 3000)
        let generator = NameQueryGenerator(people: people, seed: 11)
        let queries = generator.queries(queryClass, count: 300)
        #expect(queries.count == 300)
        #expect(queries == NameQueryGenerator(people: people, seed: 11).queries(queryClass, count: 300))
        let ids = Set(people.map(\.contact.id))
        for query in queries {
            #expect(query.queryClass == queryClass)
            #expect(query.expectedIDs.isSubset(of: ids))
            #expect(query.expectedIDs.isEmpty == (queryClass == .unknown), "\(query.text)")
        }
    }
}
