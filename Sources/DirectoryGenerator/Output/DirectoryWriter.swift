#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization

/// Writes a generated directory as a CSV export, streaming: units are made in batches on every
/// core (`RecordFactory` units depend only on the seed and their number), then numbered and
/// written in order, so memory holds one batch and the output is the same for a seed whatever
/// the number of threads.
public struct DirectoryWriter: Sendable {
    /// The factory of units.
    public let factory: RecordFactory
    /// The export's column layout.
    public let style: CRMStyle
    /// Threads that make units.
    public let threads: Int

    /// Creates a writer.
    public init(factory: RecordFactory, style: CRMStyle, threads: Int = 2) {
        self.factory = factory
        self.style = style
        self.threads = max(1, threads)
    }

    /// Errors of writing.
    public enum WriteError: Error, CustomStringConvertible {
        /// The file could not be opened or written.
        case io(path: String, errno: Int32)
        /// Why, for people.
        public var description: String {
            switch self {
            case .io(let path, let code): "cannot write \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    /// Writes `count` rows to `path`.
    /// - Parameter progress: called after each batch with the rows written so far.
    public func write(count: Int, to path: String, progress: ((Int) -> Void)? = nil) throws(WriteError) -> DirectoryGenerationReport {
        guard let file = fopen(path, "w") else { throw .io(path: path, errno: errno) }
        defer { fclose(file) }
        var failed = false
        let report = generate(count: count) { bytes, rows in
            let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
            if written != bytes.count { failed = true }
            progress?(rows)
        }
        if failed || fflush(file) != 0 { throw .io(path: path, errno: errno) }
        return report
    }

    /// Makes `count` rows and hands the CSV bytes to `sink` batch by batch (with the rows so far).
    public func generate(count: Int, sink: ([UInt8], Int) -> Void) -> DirectoryGenerationReport {
        let start = monotonicSeconds()
        var report = DirectoryGenerationReport()
        let lists = factory.listVocabulary
        report.listGivenNames = lists.given
        report.listFamilyNames = lists.family
        var given = Set<String>()
        var family: [String: Int] = [:]
        var tokens = Set<String>()
        var out: [UInt8] = []
        CSVLineWriter.append(style.header, to: &out)
        var nextUnit = 0
        let chunksPerBatch = threads * 4
        // Small directories make small batches; the units are the same either way.
        let unitsPerChunk = min(1024, max(16, count / chunksPerBatch + 1))
        let factory = self.factory
        while report.rows < count {
            let firstUnit = nextUnit
            let results = Mutex<[Int: ([[DirectoryRecord]], PhoneTextWriter.Tally)]>([:])
            DispatchQueue.concurrentPerform(iterations: chunksPerBatch) { chunk in
                var tally = PhoneTextWriter.Tally()
                var units: [[DirectoryRecord]] = []
                units.reserveCapacity(unitsPerChunk)
                for offset in 0..<unitsPerChunk {
                    units.append(factory.unit(firstUnit + chunk * unitsPerChunk + offset, tally: &tally))
                }
                results.withLock { $0[chunk] = (units, tally) }
            }
            nextUnit += chunksPerBatch * unitsPerChunk
            let batch = results.withLock { $0 }
            for chunk in 0..<chunksPerBatch {
                guard let (units, tally) = batch[chunk] else { continue }
                report.phoneTexts.checked += tally.checked
                report.phoneTexts.replaced += tally.replaced
                if report.phoneTexts.samples.count < 40 { report.phoneTexts.samples += tally.samples.prefix(40 - report.phoneTexts.samples.count) }
                for unit in units {
                    guard report.rows < count else { break }
                    if unit.count > 1 {
                        if unit.allSatisfy({ $0.phoneIsHome }) { report.households += 1 } else { report.duplicates += 1 }
                    }
                    for var record in unit where report.rows < count {
                        record.id = style.id(row: report.rows, entity: record.entity)
                        report.rows += 1
                        report.entities[record.entity.rawValue, default: 0] += 1
                        if !record.firstName.isEmpty { given.insert(record.firstName) }
                        if !record.lastName.isEmpty { family[record.lastName, default: 0] += 1 }
                        for word in (record.firstName + " " + record.lastName).split(whereSeparator: { $0 == " " || $0 == "-" }) {
                            tokens.insert(word.lowercased())
                        }
                        CSVLineWriter.append(style.fields(record), to: &out)
                    }
                }
            }
            report.bytes += out.count
            sink(out, report.rows)
            out.removeAll(keepingCapacity: true)
        }
        report.distinctGivenNames = given.count
        report.distinctFamilyNames = family.count
        report.distinctNameTokens = tokens.count
        report.topFamilyNames = family.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(8).map { ($0.key, $0.value) }
        report.seconds = monotonicSeconds() - start
        return report
    }
}

/// Monotonic time in seconds.
func monotonicSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
