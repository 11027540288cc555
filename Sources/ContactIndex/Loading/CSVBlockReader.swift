/// A block of whole CSV records, cut from the input, with the line it starts on.
struct CSVBlock: Sendable {
    /// The bytes: whole records only.
    var bytes: [UInt8]
    /// The 1-based line of the file where the block starts.
    var firstLine: Int
}

/// Reads a byte stream into blocks of whole records (`CSVRecordSplitter`), so that each block can
/// be parsed on its own thread. Skips a UTF-8 byte-order mark (the input is then UTF-8, whatever
/// encoding the caller asked for); after a UTF-16 or UTF-32 one, the
/// stream is transcoded to UTF-8 as it is read (`CSVUnicodeTranscoder`), so blocks always hold
/// UTF-8 (or the single-byte encoding the caller chose). A record longer than a block makes the
/// block grow until it holds the whole record.
struct CSVBlockReader {
    private let read: (UnsafeMutableRawBufferPointer) -> Int
    private let blockSize: Int
    private var splitter: CSVRecordSplitter
    private var pending: [UInt8] = []
    private var atEnd = false
    private var nextLine = 1
    private var checkedBOM = false
    /// Set when a UTF-16 or UTF-32 byte-order mark started the stream.
    private var transcoder: CSVUnicodeTranscoder?
    /// Bytes read from the stream so far (before any transcoding).
    private(set) var bytesRead = 0
    /// The encoding form the stream was transcoded from, when its byte-order mark named UTF-16
    /// or UTF-32.
    var transcodedForm: CSVUnicodeTranscoder.Form? { transcoder?.form }
    /// Whether a UTF-8 byte-order mark started the stream (and was skipped).
    private(set) var startedWithUTF8Mark = false

    init(read: @escaping (UnsafeMutableRawBufferPointer) -> Int, blockSize: Int, delimiter: UInt8) {
        self.read = read
        self.blockSize = blockSize
        self.splitter = CSVRecordSplitter(delimiter: delimiter)
    }

    /// Reads about `blockSize` more bytes into `pending`; false at the end of the stream.
    private mutating func fill() -> Bool {
        guard !atEnd else { return false }
        let want = blockSize
        let oldCount = pending.count
        pending.append(contentsOf: repeatElement(0, count: want))
        var total = 0
        while total < want {
            let count = pending.withUnsafeMutableBytes { buffer in
                read(UnsafeMutableRawBufferPointer(rebasing: buffer[(oldCount + total)..<(oldCount + want)]))
            }
            if count <= 0 { atEnd = true; break }
            total += count
        }
        pending.removeLast(want - total)
        bytesRead += total
        if transcoder != nil {
            let raw = pending[oldCount...]
            var utf8: [UInt8] = []
            transcoder!.transcode(raw, isFinal: atEnd, into: &utf8)
            pending.replaceSubrange(oldCount..., with: utf8)
        } else if !checkedBOM, pending.count >= 4 || atEnd {
            checkedBOM = true
            if pending.starts(with: [0xEF, 0xBB, 0xBF]) {
                pending.removeFirst(3)
                startedWithUTF8Mark = true
            } else if let (form, markLength) = CSVUnicodeTranscoder.Form.detect(pending) {
                var transcoder = CSVUnicodeTranscoder(form: form)
                var utf8: [UInt8] = []
                transcoder.transcode(pending[markLength...], isFinal: atEnd, into: &utf8)
                pending = utf8
                self.transcoder = transcoder
            }
        }
        return total > 0
    }

    /// The next block of whole records, or nil at the end.
    /// - Complexity: O(n) in the block's bytes.
    mutating func nextBlock() -> CSVBlock? {
        while true {
            if pending.count >= blockSize || atEnd, let block = cut() { return block }
            if !fill(), atEnd {
                return cut()
            }
        }
    }

    /// The field delimiter the records are split at.
    var delimiter: UInt8 { splitter.delimiter }

    /// Reads the header line and, when it holds no comma outside quotes but holds semicolons or
    /// tabs, makes the more frequent of those the delimiter: Excel writes ";" where the decimal
    /// separator is a comma (German, French, Italian, Spanish, Dutch exports), and "Unicode text"
    /// and many tools write tabs. Only a comma delimiter is replaced.
    /// - Returns: the delimiter chosen, or nil when it stays.
    /// - Complexity: O(n) in the header line's bytes (at most a few blocks are read for it).
    mutating func detectDelimiter() -> UInt8? {
        guard splitter.delimiter == UInt8(ascii: ",") else { return nil }
        var counts: (commas: Int, semicolons: Int, tabs: Int) = (0, 0, 0)
        while true {
            // From the start each time: the first reads may still drop a byte-order mark or
            // transcode what they read.
            counts = (0, 0, 0)
            var inQuotes = false
            var lineEnded = false
            for byte in pending {
                if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
                if inQuotes { continue }
                switch byte {
                case UInt8(ascii: ","): counts.commas += 1
                case UInt8(ascii: ";"): counts.semicolons += 1
                case UInt8(ascii: "\t"): counts.tabs += 1
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"): lineEnded = true
                default: break
                }
                if lineEnded { break }
            }
            // A header line longer than four blocks is left as it is.
            if lineEnded || atEnd || pending.count > 4 * blockSize { break }
            _ = fill()
        }
        guard counts.commas == 0, counts.semicolons + counts.tabs > 0 else { return nil }
        let chosen = counts.semicolons >= counts.tabs ? UInt8(ascii: ";") : UInt8(ascii: "\t")
        splitter = CSVRecordSplitter(delimiter: chosen)
        return chosen
    }

    /// The format of the input when its first bytes say it is no CSV text (a ZIP archive, a
    /// PDF, mostly control bytes: `CSVForeignFormat`); nil for text, and for a stream that a
    /// UTF-16 or UTF-32 byte-order mark made the reader transcode.
    /// - Complexity: O(`CSVForeignFormat.sampleSize`).
    mutating func foreignFormat() -> CSVForeignFormat? {
        while pending.count < CSVForeignFormat.sampleSize, !atEnd { _ = fill() }
        guard transcoder == nil else { return nil }
        return CSVForeignFormat.detect(pending[...])
    }

    /// Skips Excel's separator hint, a first line `sep=;` (or `sep=,`, `sep=` and a tab; quoted
    /// or not; any line end), and makes its character the delimiter: Excel writes that line so
    /// that it opens the file with the right delimiter, and the header is the next line. Read as
    /// the header, it mapped nothing and the whole file loaded with no findable contact.
    /// - Returns: the delimiter the line named, or nil when the input does not start with one.
    /// - Complexity: O(1): only the first line's first bytes are read.
    mutating func skipSeparatorLine() -> UInt8? {
        while pending.count < 16, !atEnd { _ = fill() }
        var index = 0
        let quoted = pending.first == UInt8(ascii: "\"")
        if quoted { index += 1 }
        let prefix = Array("sep=".utf8)
        guard pending.count >= index + prefix.count + 1,
              zip(pending[index..<(index + prefix.count)], prefix).allSatisfy({ $0 | 0x20 == $1 }) else { return nil }
        index += prefix.count
        let delimiter = pending[index]
        guard delimiter != UInt8(ascii: "\n"), delimiter != UInt8(ascii: "\r"), delimiter != UInt8(ascii: "\""), delimiter < 0x80 else { return nil }
        index += 1
        if quoted {
            guard index < pending.count, pending[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
        }
        if index < pending.count {
            if pending[index] == UInt8(ascii: "\r") {
                index += 1
                if index < pending.count, pending[index] == UInt8(ascii: "\n") { index += 1 }
            } else if pending[index] == UInt8(ascii: "\n") {
                index += 1
            } else {
                return nil
            }
        }
        pending.removeFirst(index)
        nextLine += 1
        splitter = CSVRecordSplitter(delimiter: delimiter)
        return delimiter
    }

    /// Returns records taken with `headerBlock()` to the front of the input, in their order, as
    /// if they had never been read: the header search reads ahead for a header past a preamble
    /// and gives back what it did not use.
    /// - Parameter blocks: blocks taken one after another, the first one first.
    /// - Complexity: O(n) in the bytes pending.
    mutating func putBack(_ blocks: [CSVBlock]) {
        guard let first = blocks.first else { return }
        pending.insert(contentsOf: blocks.flatMap(\.bytes), at: 0)
        nextLine = first.firstLine
    }

    /// The first record alone (the header), as a block.
    mutating func headerBlock() -> CSVBlock? {
        while true {
            var lineBreaks = 0
            // Find the first record end: split the bytes seen so far, take the first record.
            let end = pending.withUnsafeBufferPointer { bytes -> Int? in
                var position = 0
                var line = 0
                var fields: [CSVFieldSpan] = []
                let tokenizer = CSVTokenizer(delimiter: splitter.delimiter)
                guard tokenizer.nextRecord(in: bytes, position: &position, line: &line, fields: &fields) != nil else { return nil }
                // A record is complete when a terminator follows it, or at the end of the stream.
                guard position < bytes.count || atEnd else { return nil }
                if position > 0, bytes[position - 1] == UInt8(ascii: "\r"), !atEnd, position == bytes.count { return nil }
                lineBreaks = line
                return position
            }
            if let end {
                let block = CSVBlock(bytes: Array(pending[..<end]), firstLine: nextLine)
                pending.removeFirst(end)
                nextLine += lineBreaks
                return block
            }
            if atEnd { return nil }
            _ = fill()
        }
    }

    /// Cuts the whole records at the front of `pending` into a block.
    private mutating func cut() -> CSVBlock? {
        guard !pending.isEmpty else { return nil }
        var lineBreaks = 0
        let end = pending.withUnsafeBufferPointer { splitter.lastRecordEnd(in: $0, isFinal: atEnd, lineBreaks: &lineBreaks) }
        guard let end else { return nil }
        let block = CSVBlock(bytes: Array(pending[..<end]), firstLine: nextLine)
        pending.removeFirst(end)
        nextLine += lineBreaks
        return block
    }
}
