import ContactIndex
import Foundation
import Hummingbird
import Synchronization

/// A bulk CSV upload: the request body streams into `ContactCSVLoader` on its own thread (at most
/// a few chunks buffered), progress streams back as NDJSON, and the directory changes only when
/// the whole upload was read and parsed.
///
/// - `replace`: the loaded directory replaces the live one in one switch (`LiveDirectory.replace`).
/// - `merge`: each loaded record is merged into the record of its id, the fields of the file's
///   columns that its cells fill replacing the record's, the others kept
///   (`LiveDirectory.merge`); records not in the upload stay.
///
/// Either way, what `PUT` and `DELETE` wrote while the upload was read is kept: the writes since
/// the import began are applied to the replacement, and a merge leaves the records they wrote
/// alone (`WriteMark`; the `done` line counts them in `keptWrites`).
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

    /// A line of the answer, kept typed until the answer's status is known.
    enum Line: Sendable {
        /// A progress line.
        case progress([UInt8])
        /// The report or `done`.
        case line([UInt8])
        /// Why the import failed (the last line).
        case failure(ImportEvent.Failure)
    }

    /// How an import began.
    enum Start: Sendable {
        /// It failed before its answer began: answer this error, with its status.
        case failed(APIError)
        /// Its answer streams: 200, then the lines.
        case streaming(ImportLines)
    }

    /// Starts reading `body` and loading it, and waits until the answer's status is known.
    ///
    /// The answer is held back until the load ends or its second progress line (the upload is
    /// more than one block, 1 MiB): an upload that fails before then (not a CSV file, no header,
    /// no id column, a replace that would load nothing, too large) is answered with its 4xx
    /// status and the usual `{"error":…}` body. A failure found later, once progress streams
    /// with a 200, ends the stream with an `error` line; either way nothing was changed.
    func start(body: RequestBody) async -> Start {
        let started = ContinuousClock.now
        let channel = ByteChunkChannel(capacity: 8)
        let failure = Mutex<ImportEvent.Failure?>(nil)
        let (events, sink) = AsyncStream.makeStream(of: Line.self)
        // The loader's options are those of the start-up load (`--contacts`), so that an upload
        // takes every file the server starts with: a file without an id column (a Google or
        // Outlook export) gets ids made from each row's first email, else phone, else line
        // (the report's `idSynthesis`). Such ids are stable, so `PUT`/`DELETE
        // /v1/contacts/{id}` reach the records by them, percent-encoded ("email%3Aann%40x.com").
        var options = ContactCSVLoader.Options(configuration: directory.configuration)
        options.progress = { rows, bytes in sink.yield(.progress(ImportEvent.line(ImportEvent.Progress(rows: rows, bytes: bytes)))) }
        let loader = ContactCSVLoader(options)
        let (directory, mode, allowsEmpty) = (self.directory, self.mode, self.allowsEmpty)
        // Taken before the first byte is read: every write after it is newer than the file. The
        // load's thread takes it over and lets it go before the stream ends, so that writes are
        // no longer recorded once the answer is complete.
        let heldMark = Mutex<WriteMark?>(directory.markWrites())

        let thread = Thread {
            var mark = heldMark.withLock { $0.take() }
            defer {
                mark = nil
                sink.finish()
            }
            let result = Result { () throws(CSVLoadError) in try loader.load(reading: channel.read(into:)) }
            channel.abandon()
            guard channel.ending == .complete else {
                let reason = failure.withLock { $0 } ?? ImportEvent.Failure(code: "upload-incomplete", message: "the upload ended before its end; nothing was changed")
                sink.yield(.failure(reason))
                return
            }
            switch result {
            case .failure(let error):
                sink.yield(.failure(ImportEvent.Failure(code: Self.code(error), message: error.description)))
            case .success(let (loaded, report)):
                sink.yield(.line(ImportEvent.line(ImportEvent.Report(report))))
                if mode == .replace, let refusal = Self.emptyReplaceRefusal(loaded: loaded.count, report: report, allowsEmpty: allowsEmpty) {
                    sink.yield(.failure(refusal))
                    return
                }
                let keptWrites: Int
                var merged: MergeOutcome? = nil
                switch mode {
                case .replace:
                    keptWrites = directory.replace(with: loaded, keepingWritesSince: mark!)
                case .merge:
                    let fields = ContactFieldSet(columns: report.columns.map(\.column))
                    let outcome = directory.merge(loaded.contacts, fields: fields, keepingWritesSince: mark!)
                    keptWrites = outcome.keptNewer
                    merged = outcome
                }
                let elapsed = ContinuousClock.now - started
                let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
                let done = ImportEvent.Done(mode: mode.rawValue, contacts: directory.count, milliseconds: milliseconds, keptWrites: keptWrites, merged: merged)
                sink.yield(.line(ImportEvent.line(done)))
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
        let lines = ImportLines(events: events, pump: pump)
        var progressLines = 0
        while let line = await lines.next() {
            switch line {
            case .failure(let failure):
                pump.cancel()
                return .failed(failure.apiError)
            case .progress(let bytes):
                lines.held.append(bytes)
                progressLines += 1
                if progressLines == 2 { return .streaming(lines) }
            case .line(let bytes):
                lines.held.append(bytes)
            }
        }
        return .streaming(lines)
    }

    /// Why a replace that loaded `loaded` records must keep the directory, or nil when it may go
    /// ahead (see the type's comment).
    static func emptyReplaceRefusal(loaded: Int, report: CSVLoadReport, allowsEmpty: Bool) -> ImportEvent.Failure? {
        // A header that maps no name, phone, email or id ("color,size") loads its rows with
        // made-up ids that no look-up finds: replacing the directory with them would leave the
        // agents with nobody to find, so the directory is kept.
        if loaded > 0, report.problems.contains(where: { $0.kind == .headerMapsNoContactField }) {
            return ImportEvent.Failure(
                code: "no-contact-columns",
                message: "the header maps no name, phone, email or id column, so no look-up could find its \(loaded) rows; the directory was kept (name the columns, or check the header line)")
        }
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

/// The lines of an import's answer: those held back while its status was not known, then the
/// rest as the load writes them.
///
/// `@unchecked Sendable`: its iterator is used by one task at a time, first the route's (which
/// holds lines back), then the response body's, which runs only after the route returned it.
final class ImportLines: @unchecked Sendable {
    /// The lines read and not written yet.
    var held: [[UInt8]] = []
    private var iterator: AsyncStream<CSVImport.Line>.Iterator
    private let pump: Task<Void, Never>

    init(events: AsyncStream<CSVImport.Line>, pump: Task<Void, Never>) {
        iterator = events.makeAsyncIterator()
        self.pump = pump
    }

    /// The next line from the load.
    func next() async -> CSVImport.Line? {
        await iterator.next()
    }

    /// Writes the held lines, then the others as they come; a failure becomes an `error` line.
    func write(to writer: inout any ResponseBodyWriter) async throws {
        defer { pump.cancel() }
        for bytes in held {
            try await writer.write(ByteBuffer(bytes: bytes))
        }
        held = []
        while let line = await next() {
            switch line {
            case .progress(let bytes), .line(let bytes): try await writer.write(ByteBuffer(bytes: bytes))
            case .failure(let failure): try await writer.write(ByteBuffer(bytes: ImportEvent.line(failure)))
            }
        }
        try await writer.finish(nil)
    }

    deinit {
        pump.cancel()
    }
}
