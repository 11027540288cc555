import ArgumentParser
import Foundation

/// One line read by `LineReader`.
enum ReadLine: Equatable {
    /// The line's bytes, without its line break.
    case line([UInt8])
    /// A line longer than the reader's limit: only its size (without the line break) was kept.
    case tooLong(byteCount: Int)
}

/// Lines of bytes from a file descriptor, as they are (no UTF-8 repair): split at LF, a CR
/// before the LF dropped. A last line without LF is a line; nothing after the last LF is not.
///
/// A line longer than `maximumLineBytes` is not kept: past the limit its bytes are counted and
/// dropped up to its line break, and it comes back as `.tooLong` with its size.
/// - Complexity: O(n) in the input's bytes (each byte is looked at once), in memory bounded by
///   `maximumLineBytes` plus one 64 KiB read.
struct LineReader {
    private let descriptor: Int32
    private let maximumLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next line break resumes: the bytes from `start` up to it hold none.
    private var scanned = 0
    /// The bytes of the current line dropped so far (it is over the limit), or nil.
    private var dropped: Int?
    private var atEnd = false
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

    /// A reader of `descriptor` keeping lines of at most `maximumLineBytes` bytes.
    init(descriptor: Int32, maximumLineBytes: Int = Int.max) {
        self.descriptor = descriptor
        self.maximumLineBytes = maximumLineBytes
    }

    /// The next line, or nil at the end of the input.
    mutating func next() -> ReadLine? {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                defer {
                    start = newline + 1
                    scanned = start
                    dropped = nil
                }
                if let dropped {
                    // A CR dropped before this buffer is part of the count: rare enough.
                    return .tooLong(byteCount: dropped + (end - start))
                }
                return .line(Array(buffer[start..<end]))
            }
            scanned = buffer.count
            if atEnd {
                guard start < buffer.count || dropped != nil else { return nil }
                var end = buffer.count
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                defer {
                    start = buffer.count
                    scanned = start
                    dropped = nil
                }
                if let dropped { return .tooLong(byteCount: dropped + (end - start)) }
                return .line(Array(buffer[start..<end]))
            }
            // Past the limit (and room for a CR), the line is only counted from now on.
            if buffer.count - start - 1 > maximumLineBytes {
                dropped = (dropped ?? 0) + (buffer.count - start)
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
            }
            fill()
        }
    }

    private mutating func fill() {
        if start > 0 {
            buffer.removeFirst(start)
            scanned -= start
            start = 0
        }
        var count = -1
        repeat {
            count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        } while count < 0 && errno == EINTR
        if count <= 0 {
            atEnd = true
        } else {
            buffer.append(contentsOf: chunk[0..<count])
        }
    }
}

/// Buffered line output to a file handle.
///
/// Lines are kept until 64 KiB are buffered or `flush()` is called; a writer that a host reads
/// line by line (a pipe, a terminal) must be flushed after each line (`flushesEachLine`).
struct LineWriter {
    let handle: FileHandle
    var buffer: [UInt8] = []

    init(handle: FileHandle) { self.handle = handle }

    /// Creates (or empties) the file at `path` and writes to it.
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("cannot write \(path)")
        }
        self.handle = handle
    }

    mutating func write(_ line: [UInt8]) {
        buffer.append(contentsOf: line)
        buffer.append(0x0A)
        if buffer.count > 1 << 16 { flush() }
    }

    /// Whether `descriptor` is a regular file (not a pipe, socket or terminal): output to one
    /// is read after the process ends, so it may stay buffered.
    static func isRegularFile(_ descriptor: Int32) -> Bool {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return false }
        return status.st_mode & S_IFMT == S_IFREG
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
