#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A one-line progress bar on standard error, drawn only when it is a terminal.
final class ProgressBar: Sendable {
    private let label: String
    private let total: Int
    private let unit: String
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let lastDrawn = Mutex<Int>(-1)

    init(label: String, total: Int, unit: String) {
        self.label = label
        self.total = max(total, 1)
        self.unit = unit
    }

    /// Shows `done` of the total (redrawn at each whole percent).
    func update(_ done: Int, detail: String = "") {
        guard isTerminal else { return }
        let percent = min(100, done * 100 / total)
        let shouldDraw = lastDrawn.withLock { last -> Bool in
            guard percent != last else { return false }
            last = percent
            return true
        }
        guard shouldDraw else { return }
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        writeToStandardError("\r\(label) [\(bar)] \(percent)% \(done) \(unit)\(detail.isEmpty ? "" : ", " + detail)   ")
    }

    /// Replaces the line with a short status (nothing when not a terminal); "" clears it.
    func status(_ text: String) {
        guard isTerminal else { return }
        writeToStandardError("\r" + text.padding(toLength: 60) + (text.isEmpty ? "\r" : ""))
    }

    /// Ends the line.
    func finish() {
        if isTerminal { writeToStandardError("\n") }
    }
}

/// Writes text to standard error, unbuffered.
func writeToStandardError(_ text: String) {
    var copy = text
    copy.withUTF8 { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
}

extension String {
    /// The text padded with spaces to `length` characters.
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
