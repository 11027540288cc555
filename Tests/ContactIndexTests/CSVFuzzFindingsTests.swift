import Foundation
import Testing
import ContactIndex

/// Replays every file in `Tests/ContactIndexTests/CSVFuzz/` through the CSV loader: the seed
/// corpus of `scripts/fuzz-csv.sh` (`seed-*`) and every crash, timeout or broken promise libFuzzer
/// found (`finding-*`; copy one there to keep it). Each input is decoded as the fuzz target
/// decodes it (`Sources/csv-fuzz/CSVFuzzInput.swift`: two bytes of options, then the CSV) and
/// must end in a report, or a typed `CSVLoadError`, whose promises hold, the same in small blocks
/// on two threads as in one block on one thread.
@Suite struct CSVFuzzFindingsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("CSVFuzz")

    static func inputs() throws -> [(name: String, bytes: [UInt8])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    /// The options and CSV bytes of an input, as `CSVFuzzInput` reads them.
    static func decode(_ bytes: [UInt8]) -> (options: ContactCSVLoader.Options, csv: [UInt8]) {
        let selector = bytes.first ?? 0
        let mapping = bytes.count > 1 ? bytes[1] : 0
        let csv = Array(bytes.dropFirst(2))
        let encoding: CSVTextEncoding = switch selector & 3 {
        case 1: .latin1
        case 2: .windows1252
        default: .utf8
        }
        let delimiter = selector & 8 != 0 ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let region: String? = ["US", "GB", "DE", nil][Int((selector >> 4) & 3)]
        var columns: [String: ContactCSVColumn] = [:]
        if mapping != 0 {
            let line = csv.prefix { $0 != 0x0A && $0 != 0x0D }
            let headers = line.split(separator: delimiter, omittingEmptySubsequences: false).map { field in
                var bytes = Array(field)
                if bytes.count >= 2, bytes.first == 0x22, bytes.last == 0x22 { bytes = Array(bytes.dropFirst().dropLast()) }
                return String(decoding: bytes, as: UTF8.self)
            }
            let index = Int(mapping & 0x0F)
            if index < headers.count {
                let kinds: [ContactCSVColumn] = [.id, .phone(label: nil), .email(label: nil), .region, .ignored]
                columns[headers[index]] = kinds[Int(mapping >> 4) % kinds.count]
            }
        }
        let options = ContactCSVLoader.Options(
            configuration: DirectoryConfiguration(defaultRegion: region, phoneDetails: selector & 64 == 0),
            encoding: encoding, delimiter: delimiter, columns: columns, strict: selector & 4 != 0)
        return (options, csv)
    }

    /// Loads and checks the report's promises; returns the outcome as comparable text.
    static func outcome(_ options: ContactCSVLoader.Options, _ csv: [UInt8], _ name: String) -> String {
        do {
            let (directory, report) = try ContactCSVLoader(options).load(bytes: csv)
            checkPromises(report, directory: directory, inputCount: csv.count, name)
            #expect(!options.strict || report.problems.isEmpty, "\(name): strict mode loaded a file with problems")
            return "loaded \(directory.count): " + report.summary(maximumProblems: .max)
        } catch .problemsInStrictMode(let report) {
            #expect(options.strict, "\(name): problemsInStrictMode without strict mode")
            #expect(!report.problems.isEmpty, "\(name): strict mode failed a load without problems")
            return "strict failure: " + report.summary(maximumProblems: .max)
        } catch .missingHeader {
            return "missing header"
        } catch .notCSV(let format) {
            return "not CSV: \(format)"
        } catch .noIDColumn(let headers) {
            #expect(!ContactCSVHeaderMapping.columns(for: headers, overrides: options.columns).contains(.id), "\(name): noIDColumn for \(headers)")
            return "no id column: \(headers)"
        } catch {
            Issue.record("\(name): an error load(bytes:) cannot give: \(error)")
            return "\(error)"
        }
    }

    /// What `CSVLoadReport` and `CSVLoadProblem` promise.
    static func checkPromises(_ report: CSVLoadReport, directory: ContactDirectory, inputCount: Int, _ name: String) {
        #expect(report.rowsRead == report.rowsLoaded + report.rowsUpdated + report.rowsRejected, "\(name): \(report.summary(maximumProblems: 0))")
        #expect(report.rowsLoaded == directory.count, "\(name)")
        #expect(report.rejections.count == report.rowsRejected, "\(name)")
        let duplicates = report.problems.filter { if case .duplicateID = $0.kind { true } else { false } }
        #expect(duplicates.count == report.rowsUpdated, "\(name)")
        #expect(report.bytesRead == inputCount, "\(name)")
        #expect(report.phonesByFastPath <= report.phonesNormalized, "\(name)")
        #expect(zip(report.problems, report.problems.dropFirst()).allSatisfy { $0.line <= $1.line }, "\(name): problems out of line order")
        for problem in report.problems {
            #expect(problem.line >= 1 && problem.line <= inputCount + 1, "\(name): line \(problem.line)")
            if case .duplicateID(let earlier) = problem.kind {
                #expect(earlier >= 1 && earlier < problem.line, "\(name): earlier line \(earlier) of \(problem.line)")
            }
        }
        var ids = Set<String>()
        for contact in directory.contacts {
            #expect(!contact.id.isEmpty, "\(name)")
            #expect(ids.insert(contact.id).inserted, "\(name): two contacts with id \(contact.id)")
            #expect(directory.contact(id: contact.id)?.id == contact.id, "\(name)")
        }
        #expect(ids.count == directory.count, "\(name)")
    }

    @Test func everyInputEndsInAReportWhosePromisesHold() throws {
        for (name, bytes) in try Self.inputs() {
            let (options, csv) = Self.decode(bytes)
            var small = options
            small.blockSize = 4096
            small.threads = 2
            var whole = options
            whole.blockSize = 1 << 20
            whole.threads = 1
            let first = Self.outcome(small, csv, name)
            let second = Self.outcome(whole, csv, name)
            #expect(first == second, "\(name): the outcome depends on the block size or the threads")
        }
    }

    @Test func theSeedCorpusCoversEveryExportStyle() throws {
        let inputs = try Self.inputs()
        let names = Set(inputs.map(\.name))
        for style in ["canonical", "salesforce", "hubspot", "google", "outlook"] {
            #expect(names.contains { $0.hasPrefix("seed-\(style)") }, "no seed of the \(style) export")
        }
        // The seeds load as their names say: a few spot checks that the corpus is what it claims.
        let byName = Dictionary(uniqueKeysWithValues: inputs)
        let (options, csv) = Self.decode(try #require(byName["seed-hubspot-bom.csv"]))
        let (directory, report) = try ContactCSVLoader(options).load(bytes: csv)
        #expect(report.rowsLoaded == 2 && directory.contact(id: "51000000037")?.firstName == "Olga")
        let latin1 = Self.decode(try #require(byName["seed-outlook-latin1.csv"]))
        #expect(latin1.options.encoding == .latin1)
        let strict = Self.decode(try #require(byName["seed-strict-dirty.csv"]))
        #expect(throws: CSVLoadError.self) { try ContactCSVLoader(strict.options).load(bytes: strict.csv) }
    }
}
