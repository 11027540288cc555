import Logging
import Synchronization

/// Keeps what a logger logs, for tests of what the server logs, or must not.
final class LogRecorder: Sendable {
    /// One line logged.
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
    }

    private let entries = Mutex<[Entry]>([])

    /// Everything logged so far.
    var logged: [Entry] { entries.withLock { $0 } }

    /// A logger whose lines land here.
    func logger(label: String) -> Logger {
        Logger(label: label) { _ in RecordingLogHandler(recorder: self) }
    }

    fileprivate func record(_ entry: Entry) {
        entries.withLock { $0.append(entry) }
    }
}

/// The `LogHandler` of `LogRecorder.logger(label:)`.
private struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .debug

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        recorder.record(LogRecorder.Entry(level: event.level, message: "\(event.message)"))
    }
}
