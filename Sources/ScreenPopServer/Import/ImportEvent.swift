import ContactIndex
import Hummingbird

/// One line of the NDJSON stream that answers a CSV upload: progress while the rows are parsed,
/// then the load report, then `done` (or `error`).
enum ImportEvent {
    /// Rows and bytes parsed so far.
    struct Progress: Encodable {
        let event = "progress"
        var rows: Int
        var bytes: Int
    }

    /// The loader's report.
    struct Report: Encodable {
        struct Problem: Encodable {
            var line: Int
            var column: String?
            var contactId: String
            var message: String
        }

        struct Column: Encodable {
            var header: String
            var readAs: String
        }

        let event = "report"
        var rowsRead: Int
        var rowsLoaded: Int
        var rowsUpdated: Int
        var rowsRejected: Int
        var bytesRead: Int
        var phonesNormalized: Int
        var columns: [Column]
        var problemCount: Int
        var problems: [Problem]
        var problemsTruncated: Bool
        /// How ids were made, when the file had no id column (`CSVLoadReport.idSynthesis`).
        var idSynthesis: String?

        init(_ report: CSVLoadReport, maximumProblems: Int = 100) {
            rowsRead = report.rowsRead
            rowsLoaded = report.rowsLoaded
            rowsUpdated = report.rowsUpdated
            rowsRejected = report.rowsRejected
            bytesRead = report.bytesRead
            phonesNormalized = report.phonesNormalized
            columns = report.columns.map { Column(header: $0.header, readAs: $0.column.description) }
            problemCount = report.problems.count
            problems = report.problems.prefix(maximumProblems).map {
                Problem(line: $0.line, column: $0.column, contactId: $0.contactID, message: $0.description)
            }
            problemsTruncated = report.problems.count > maximumProblems
            idSynthesis = report.idSynthesis
        }
    }

    /// The directory after the import.
    struct Done: Encodable {
        let event = "done"
        var mode: String
        var contacts: Int
        var milliseconds: Int
        /// Writes made through the API while the upload was read, kept over the file's rows
        /// (a replace applies them to the new directory; a merge leaves those records alone).
        var keptWrites: Int
        /// A merge's records: added, updated (the file's columns merged in), and left as a
        /// newer write left them (nil for a replace).
        var merged: MergeOutcome?
    }

    /// Why the import failed; the directory is unchanged.
    struct Failure: Encodable, Sendable {
        struct Detail: Encodable {
            var code: String
            var message: String
        }

        let event = "error"
        var error: Detail

        init(code: String, message: String) {
            error = Detail(code: code, message: message)
        }

        /// The failure as the answer's error, when it is known before the answer streams: 415
        /// for a file that is not CSV, 413 for one over the limit, 400 for an upload cut short,
        /// 422 for a CSV file that cannot be loaded (no header, no id column, nothing to load).
        var apiError: APIError {
            let status: HTTPResponse.Status = switch error.code {
            case "not-csv": .unsupportedMediaType
            case "body-too-large": .contentTooLarge
            case "upload-incomplete": .badRequest
            default: .unprocessableContent
            }
            return APIError(status, code: error.code, message: error.message)
        }
    }

    /// One NDJSON line.
    static func line(_ value: some Encodable) -> [UInt8] {
        JSONBody.encode(value) + [0x0A]
    }
}
