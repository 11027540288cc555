import ContactIndex

/// Loads one fuzz input twice, in small blocks on two threads and in one block on one thread, and
/// checks what `CSVLoadReport` promises. A broken promise stops the process (a finding).
///
/// The same checks run in `CSVFuzzFindingsTests` over the kept corpus.
enum CSVFuzzCheck {
    static func run(_ bytes: [UInt8]) {
        let input = CSVFuzzInput(bytes)
        var small = input.options
        small.blockSize = 4096
        small.threads = 2
        var whole = input.options
        whole.blockSize = 1 << 20
        whole.threads = 1
        let first = outcome(ContactCSVLoader(small), input)
        let second = outcome(ContactCSVLoader(whole), input)
        precondition(first == second, "the outcome depends on the block size or the threads:\n\(first)\n\(second)")
    }

    /// What a load gave, reduced to comparable values after its checks passed.
    static func outcome(_ loader: ContactCSVLoader, _ input: CSVFuzzInput) -> String {
        do {
            let (directory, report) = try loader.load(bytes: input.csv)
            check(report, directory: directory, inputCount: input.csv.count)
            precondition(!loader.options.strict || report.problems.isEmpty, "strict mode loaded a file with problems")
            return "loaded \(directory.count): " + report.summary(maximumProblems: .max)
        } catch .problemsInStrictMode(let report) {
            precondition(loader.options.strict, "problemsInStrictMode without strict mode")
            precondition(!report.problems.isEmpty, "strict mode failed a load without problems")
            precondition(report.problems.allSatisfy { $0.line >= 1 }, "a problem without a line")
            return "strict failure: " + report.summary(maximumProblems: .max)
        } catch .missingHeader {
            return "missing header"
        } catch .notCSV(let format) {
            return "not CSV: \(format)"
        } catch .noIDColumn(let headers) {
            let columns = ContactCSVHeaderMapping.columns(for: headers, overrides: loader.options.columns)
            precondition(!columns.contains(.id), "noIDColumn, but the headers \(headers) map to an id")
            return "no id column: \(headers)"
        } catch {
            preconditionFailure("an error load(bytes:) cannot give: \(error)")
        }
    }

    /// The report's promises (`CSVLoadReport`, `CSVLoadProblem`).
    static func check(_ report: CSVLoadReport, directory: ContactDirectory, inputCount: Int) {
        precondition(report.rowsRead == report.rowsLoaded + report.rowsUpdated + report.rowsRejected,
            "counts do not add up: \(report.summary(maximumProblems: 0))")
        precondition(report.rowsLoaded == directory.count, "rowsLoaded \(report.rowsLoaded) but \(directory.count) contacts")
        precondition(report.rejections.count == report.rowsRejected, "\(report.rejections.count) rejections for \(report.rowsRejected) rejected rows")
        let duplicates = report.problems.filter { if case .duplicateID = $0.kind { true } else { false } }
        precondition(duplicates.count == report.rowsUpdated, "\(duplicates.count) duplicate-id problems for \(report.rowsUpdated) updated rows")
        precondition(report.bytesRead == inputCount, "bytesRead \(report.bytesRead) of \(inputCount)")
        precondition(report.phonesByFastPath <= report.phonesNormalized, "more phones by the fast path than normalized")
        precondition(zip(report.problems, report.problems.dropFirst()).allSatisfy { $0.line <= $1.line }, "problems out of line order")
        for problem in report.problems {
            precondition(problem.line >= 1 && problem.line <= inputCount + 1, "line \(problem.line) outside the input")
            if case .duplicateID(let earlier) = problem.kind {
                precondition(earlier >= 1 && earlier < problem.line, "a duplicate id's earlier line \(earlier) is not before \(problem.line)")
            }
            precondition(!problem.description.isEmpty, "a problem without a description")
        }
        var ids = Set<String>()
        for contact in directory.contacts {
            precondition(!contact.id.isEmpty, "a contact without id was loaded")
            precondition(ids.insert(contact.id).inserted, "two contacts with id \(contact.id.debugDescription)")
            precondition(directory.contact(id: contact.id)?.id == contact.id, "contact \(contact.id.debugDescription) is not found by its id")
        }
        precondition(ids.count == directory.count, "the directory holds \(ids.count) contacts and counts \(directory.count)")
    }
}
