import ContactIndex
import Foundation
import Hummingbird
import Synchronization

/// A bulk CSV upload: the request body streams into `ContactCSVLoader` on its own thread (at most
/// a few chunks buffered), progress streams back as NDJSON, and the directory changes only when
/// the whole upload was read and parsed.
///
/// - `replace`: the loaded directory replaces the live one in one switch (`LiveDirectory.replace`).
/// - `merge`: each loaded record is upserted; records not in the upload stay.
///
/// An upload that breaks off (the client goes away) or grows past the limit changes nothing.
///
/// A replace never empties the directory by accident: when no record was loaded, the directory
/// is kept and the import fails, `nothing-loaded` when the file had rows (every one rejected:
/// a broken export, not an intent) and `empty-file` when it had none. A file of a header and no
/// rows empties the directory only when the request says so (`allowEmpty`).
struct CSVImport: Sendable {
    let directory: LiveDirectory
    let mode: ImportMode
    let maximumBytes: Int
    /// Whether a replace with a file of a header and no rows may empty the directory.
    var allowsEmpty = false

    /// Reads `body`, loads it, applies it, and writes the NDJSON lines to `writer`.
    func run(body: RequestBody, writer: inout any ResponseBodyWriter) async throws {
        let started = ContinuousClock.now
        let channel = ByteChunkChannel(capacity: 8)
        let failure = Mutex<ImportEvent.Failure?>(nil)
        let (events, sink) = AsyncStream.makeStream(of: [UInt8].self)
        var options = ContactCSVLoader.Options(configuration: directory.configuration)
        // The sidecar's records are the host's, kept current by their ids (`PUT`/`DELETE
        // /v1/contacts/{id}`): a file without an id column is refused, not given made-up ids.
        options.synthesizesMissingIDs = false
        options.progress = { rows, bytes in sink.yield(ImportEvent.line(ImportEvent.Progress(rows: rows, bytes: bytes))) }
        let loader = ContactCSVLoader(options)
        let (directory, mode, allowsEmpty) = (self.directory, self.mode, self.allowsEmpty)

        let thread = Thread {
            defer { sink.finish() }
            let result = Result { () throws(CSVLoadError) in try loader.load(reading: channel.read(into:)) }
            channel.abandon()
            guard channel.ending == .complete else {
                let reason = failure.withLock { $0 } ?? ImportEvent.Failure(code: "upload-incomplete", message: "the upload ended before its end; nothing was changed")
                sink.yield(ImportEvent.line(reason))
                return
            }
            switch result {
            case .failure(let error):
                sink.yield(ImportEvent.line(ImportEvent.Failure(code: Self.code(error), message: error.description)))
            case .success(let (loaded, report)):
                sink.yield(ImportEvent.line(ImportEvent.Report(report)))
                if mode == .replace, let refusal = Self.emptyReplaceRefusal(loaded: loaded.count, report: report, allowsEmpty: allowsEmpty) {
                    sink.yield(ImportEvent.line(refusal))
                    return
                }
                switch mode {
                case .replace:
                    directory.replace(with: loaded)
                case .merge:
                    for contact in loaded.contacts { directory.upsert(contact) }
                }
                let elapsed = ContinuousClock.now - started
                let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
                sink.yield(ImportEvent.line(ImportEvent.Done(mode: mode.rawValue, contacts: directory.count, milliseconds: milliseconds)))
            }
        }
        thread.name = "screenpop-import"
        thread.start()

        let limit = maximumBytes
        let pump = Task {
            var total = 0
            do {
                for try await buffer in body {
                    total += buffer.readableBytes
                    guard total <= limit else {
                        failure.withLock { $0 = ImportEvent.Failure(code: "body-too-large", message: "the upload is larger than \(limit) bytes; nothing was changed") }
                        channel.finish(.failed)
                        return
                    }
                    await channel.send(Array(buffer.readableBytesView))
                }
                channel.finish(.complete)
            } catch {
                channel.finish(.failed)
            }
        }
        for await line in events {
            try await writer.write(ByteBuffer(bytes: line))
        }
        pump.cancel()
        try await writer.finish(nil)
    }

    /// Why a replace that loaded `loaded` records must keep the directory, or nil when it may go
    /// ahead (see the type's comment).
    static func emptyReplaceRefusal(loaded: Int, report: CSVLoadReport, allowsEmpty: Bool) -> ImportEvent.Failure? {
        guard loaded == 0 else { return nil }
        if report.rowsRead > 0 {
            let first = report.rejections.first.map { "; the first: \($0.description)" } ?? ""
            return ImportEvent.Failure(
                code: "nothing-loaded",
                message: "none of the file's \(report.rowsRead) rows could be loaded\(first); the directory was kept")
        }
        guard !allowsEmpty else { return nil }
        return ImportEvent.Failure(
            code: "empty-file",
            message: "the file has no rows; the directory was kept (to empty it, replace with allowEmpty=true)")
    }

    private static func code(_ error: CSVLoadError) -> String {
        switch error {
        case .unreadable: "unreadable"
        case .missingHeader: "missing-header"
        case .noIDColumn: "no-id-column"
        case .problemsInStrictMode: "strict-mode-problems"
        case .notCSV: "not-csv"
        }
    }
}
