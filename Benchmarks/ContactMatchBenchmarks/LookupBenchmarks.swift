import Benchmark
import ContactIndex
import DirectoryGenerator

/// Each look-up kind on a prebuilt directory of 20,000 generated contacts, one query per
/// iteration, cycling through labeled queries of the class.
func registerLookupBenchmarks() {
    func lookup(_ name: String, _ queryClass: QueryClass, _ call: @escaping @Sendable (ContactDirectory, String) -> [Match]) {
        Benchmark("lookup-\(name)") { benchmark, texts in
            let directory = Fixtures.directory
            var cycle = Cycle(texts)
            for _ in benchmark.scaledIterations { blackHole(call(directory, cycle.next())) }
        } setup: {
            _ = Fixtures.directory
            return Fixtures.texts(queryClass)
        }
    }
    lookup("phone-e164", .phoneE164) { $0.lookup(phone: $1) }
    lookup("phone-national", .phoneNational) { $0.lookup(phone: $1, region: "US") }
    lookup("phone-unknown", .phoneUnknown) { $0.lookup(phone: $1) }
    lookup("email", .emailExact) { $0.lookup(email: $1) }
    lookup("name-exact", .nameExact) { $0.lookup(name: $1) }
    lookup("name-prefix", .namePrefix) { $0.lookup(namePrefix: $1) }
    lookup("fuzzy-name-1-edit", .nameTypo1) { $0.lookup(fuzzyName: $1) }
    lookup("fuzzy-name-2-edits", .nameTypo2) { $0.lookup(fuzzyName: $1) }
    lookup("search-name", .nameExact) { $0.search($1) }
    lookup("search-phone-fragment", .phoneFragment) { $0.search($1) }
}
