/// The bench's command line.
struct BenchOptions {
    var contactCount = 1_000_000
    var csvPath: String?
    var region = "US"
    var requestCount = 200_000
    var warmupCount: Int?
    var missRate = 0.1
    var seed: UInt64 = 42
    var codableOnly = false

    static let usage = """
        usage: screenpop-bench [--csv FILE [--region US] | --contacts N] [--requests N] [--warmup N]
                               [--miss-rate R] [--seed S] [--codable]
        """

    /// The options, or nil when an argument is unknown or out of range.
    static func parse(_ arguments: [String]) -> Resolved? {
        var options = BenchOptions()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--codable" {
                options.codableOnly = true
                continue
            }
            guard index < arguments.count else { return nil }
            let value = arguments[index]
            index += 1
            switch argument {
            case "--contacts": guard let number = Int(value) else { return nil }; options.contactCount = number
            case "--csv": options.csvPath = value
            case "--region": options.region = value
            case "--requests": guard let number = Int(value) else { return nil }; options.requestCount = number
            case "--warmup": guard let number = Int(value) else { return nil }; options.warmupCount = number
            case "--miss-rate": guard let number = Double(value) else { return nil }; options.missRate = number
            case "--seed": guard let number = UInt64(value) else { return nil }; options.seed = number
            default: return nil
            }
        }
        guard options.contactCount > 0, options.requestCount > 0, (0...1).contains(options.missRate), (options.warmupCount ?? 0) >= 0 else { return nil }
        return Resolved(
            contactCount: options.contactCount, csvPath: options.csvPath, region: options.region, requestCount: options.requestCount,
            warmupCount: options.warmupCount ?? max(20_000, options.requestCount / 10), missRate: options.missRate, seed: options.seed,
            codableOnly: options.codableOnly)
    }

    /// The options with their defaults filled in.
    struct Resolved {
        var contactCount: Int
        var csvPath: String?
        var region: String
        var requestCount: Int
        var warmupCount: Int
        var missRate: Double
        var seed: UInt64
        var codableOnly: Bool
    }
}
