#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a CSV load did: how many rows it read, loaded, updated and rejected, and every problem
/// with its line, column and reason.
///
/// Counts add up: `rowsRead == rowsLoaded + rowsUpdated + rowsRejected`, and `rowsLoaded` is the
/// number of contacts in the directory. A row "updated" replaced an earlier row with the same id
/// (the later row wins).
public struct CSVLoadReport: Sendable {
    /// Data rows read (blank lines and the header not counted).
    public var rowsRead = 0
    /// Rows whose record is in the directory.
    public var rowsLoaded = 0
    /// Rows that replaced an earlier row with the same id.
    public var rowsUpdated = 0
    /// Rows left out (no id, a repeated header row, a title or footer of one cell).
    public var rowsRejected = 0
    /// Bytes read from the input.
    public var bytesRead = 0
    /// Phone fields parsed: every phone of every row with an id, parsed or not, a row that a
    /// later one replaced included (so it may exceed the directory's phones); and how many of
    /// them the fast path answered without libphonenumber.
    public var phonesNormalized = 0
    /// See `phonesNormalized`.
    public var phonesByFastPath = 0
    /// The header row and what each column was read as.
    public var columns: [(header: String, column: ContactCSVColumn)] = []
    /// The indices in `columns` of the columns whose field an earlier column maps too ("FirstName"
    /// after "First Name", "Account Name" after "Company", "Other Country" after "Mailing
    /// Country"): the first filled one wins (for a country: the first that names a known one,
    /// best-ranked first), and the others' values are kept as attributes under their headers.
    public var fallbackColumns: [Int] = []
    /// Every problem, in line order.
    public var problems: [CSVLoadProblem] = []
    /// Nil when a column held the record ids; otherwise how the loader made them (a sentence:
    /// the file had no id column, and ids come from each row's first email, else first phone,
    /// else line number; `ContactCSVLoader.Options.synthesizesMissingIDs`).
    public var idSynthesis: String?
    /// The encoding form ("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE") that the input's
    /// byte-order mark named and the loader transcoded to UTF-8; nil for other input.
    public var transcodedFrom: String?
    /// Whether a UTF-8 byte-order mark made the loader read the input as UTF-8 although another
    /// encoding was asked for (`ContactCSVLoader.Options.encoding`): a file saved as "CSV UTF-8"
    /// by Excel, loaded with a Windows-1252 setting.
    public var byteOrderMarkOverrodeEncoding = false
    /// The delimiter read from the header line when it was not the comma asked for (";" or a
    /// tab: `ContactCSVLoader.Options.detectsDelimiter`); nil otherwise.
    public var detectedDelimiter: Character?
    /// The delimiter that Excel's separator hint, a first line such as `sep=;`, named (the line
    /// was skipped, and the header read from the next one); nil when the file has no such line.
    public var delimiterFromSeparatorLine: Character?

    /// Creates an empty report.
    public init() {}

    /// The problems that left a row out.
    public var rejections: [CSVLoadProblem] { problems.filter(\.rejectsRow) }

    /// A few lines for a person: the counts, then at most `maximumProblems` problems.
    public func summary(maximumProblems: Int = 20) -> String {
        var lines = ["rows read \(rowsRead), loaded \(rowsLoaded), updated \(rowsUpdated), rejected \(rowsRejected); \(problems.count) problems"]
        if let transcodedFrom { lines.append("encoding: \(transcodedFrom) (byte-order mark), read as UTF-8") }
        if let detectedDelimiter { lines.append("delimiter: \(detectedDelimiter == "\t" ? "tab" : "\"\(detectedDelimiter)\"") (the header has no comma)") }
        if let delimiterFromSeparatorLine {
            lines.append("delimiter: \(delimiterFromSeparatorLine == "\t" ? "tab" : "\"\(delimiterFromSeparatorLine)\"") (the file's first line, \"sep=\")")
        }
        if byteOrderMarkOverrodeEncoding { lines.append("encoding: UTF-8 (byte-order mark), not the encoding asked for") }
        if let idSynthesis { lines.append("ids: " + idSynthesis) }
        lines += problems.prefix(maximumProblems).map(\.description)
        if problems.count > maximumProblems { lines.append("… and \(problems.count - maximumProblems) more") }
        return lines.joined(separator: "\n")
    }
}

/// Why a CSV load failed as a whole.
public enum CSVLoadError: Error, Sendable, CustomStringConvertible {
    /// The file could not be opened or read (errno).
    case unreadable(path: String, errno: Int32)
    /// The input has no header row.
    case missingHeader
    /// No column holds the record id, no explicit mapping names one, and
    /// `ContactCSVLoader.Options.synthesizesMissingIDs` is off.
    case noIDColumn(headers: [String])
    /// Strict mode: the load found problems, so nothing was loaded. The report lists them.
    case problemsInStrictMode(CSVLoadReport)
    /// The input is no CSV text: a workbook, a PDF, a binary file (`CSVForeignFormat`).
    case notCSV(CSVForeignFormat)

    /// A sentence for a person.
    public var description: String {
        switch self {
        case .unreadable(let path, let code): "cannot read \(path): \(String(cString: strerror(code))) (errno \(code))"
        case .missingHeader: "the input has no header row"
        case .noIDColumn(let headers): "no column holds the record id (headers: \(headers.joined(separator: ", ")))"
        case .notCSV(let format): format.description
        case .problemsInStrictMode(let report):
            "strict mode: \(report.problems.count) problems, nothing loaded; without strict mode the load would have been:\n" + report.summary()
        }
    }
}
