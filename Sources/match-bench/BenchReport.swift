/// The figures of one `match-bench run`, as printed and as written to JSON.
struct BenchReport: Codable, Sendable {
    /// Figures of one query class.
    struct ClassFigures: Codable, Sendable {
        var queryClass: String
        var kind: String
        var queries: Int
        var samples: Int
        /// Latency percentiles and maximum in microseconds (HdrHistogram, 3 significant digits).
        var p50Micros: Double
        var p90Micros: Double
        var p99Micros: Double
        var p999Micros: Double
        var maxMicros: Double
        var meanMicros: Double
        /// Of the class's queries with expected ids, the share with one of them first (nil when
        /// none has any: the unknown classes, unlabeled queries).
        var recallAt1: Double?
        /// The same share with one of them in the first five.
        var recallAt5: Double?
        /// Of the class's queries that no record answers (an empty `expected`: the unknown
        /// classes), the share that got any result, and a result at or above the confident
        /// score (a wrong screen pop); nil when it has none.
        var anyResultRate: Double?
        var confidentResultRate: Double?
        /// Queries per second by thread count ("1", "2").
        var throughput: [String: Double]
    }

    var contactsFile: String
    var queriesFile: String?
    var region: String
    var rowsRead: Int
    var contactsLoaded: Int
    var bytesRead: Int
    var loadSeconds: Double
    var loadMBPerSecond: Double
    var loadProblems: [String: Int]
    var residentBytesBeforeLoad: Int
    var residentBytesAfterLoad: Int
    var peakResidentBytes: Int
    var warmupQueries: Int
    var rounds: Int
    var classes: [ClassFigures]
    /// All classes mixed, queries per second by thread count.
    var mixedThroughput: [String: Double]
    var buildMode: String
    var date: String
}
