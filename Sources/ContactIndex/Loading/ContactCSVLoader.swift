#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Loads a contact directory from a CRM export in CSV, fast, and reports every problem.
///
/// ```swift
/// let loader = ContactCSVLoader(.init(configuration: .init(defaultRegion: "US")))
/// let (directory, report) = try loader.load(path: "contacts.csv")
/// print(report.summary())
/// ```
///
/// What it does:
/// - Parses RFC 4180 CSV as bytes (`CSVTokenizer`): quoted fields with delimiters, line breaks and
///   doubled quotes; LF, CRLF or CR; a UTF-8 byte-order mark; blank lines; rows with too many or
///   too few fields. UTF-8 is checked cell by cell; Windows-1252 or Latin-1 on request
///   (`Options.encoding`), unless a UTF-8 byte-order mark says otherwise; a UTF-16 or UTF-32
///   byte-order mark makes the reader transcode the stream to UTF-8 as it goes. NUL characters
///   are dropped and reported.
/// - Maps the header to contact fields (`ContactCSVHeaderMapping`: canonical, Salesforce, HubSpot,
///   Google Contacts, Outlook), with `Options.columns` overriding the guess. A country column sets
///   the row's phone region (the best-ranked one that is filled, when there are several:
///   "Mailing Country" before "Other Country"); other columns become attributes.
/// - Streams the input in blocks of whole records; each block is parsed and normalized (phones,
///   emails, name keys: `ContactPreparer`) on its own thread, so the load uses every core. The
///   directory is then built from the prepared contacts in file order.
/// - A file without an id column (Google Contacts, Outlook) gets ids made from each row's first
///   email, else first phone, else line (`Options.synthesizesMissingIDs`, `CSVLoadReport.idSynthesis`).
/// - Never stops on a bad row: rows without id are left out, a later row with the same id
///   replaces the earlier one, bad phones and emails are kept raw; all of it is in the
///   `CSVLoadReport` with line, column and reason. `Options.strict` turns any problem into a
///   failed load.
public struct ContactCSVLoader: Sendable {
    /// Choices for a load.
    public struct Options: Sendable {
        /// How the directory normalizes and ranks (default region for national numbers…).
        public var configuration: DirectoryConfiguration
        /// The encoding of the bytes.
        public var encoding: CSVTextEncoding
        /// The field delimiter (ASCII).
        public var delimiter: UInt8
        /// When the delimiter is a comma and the header line holds none outside quotes but holds
        /// semicolons or tabs, load with the more frequent of those instead (Excel writes ";"
        /// where the decimal separator is a comma). The report's `detectedDelimiter` says so.
        public var detectsDelimiter = true
        /// Explicit column choices by header (compared blind to case and punctuation); they
        /// override the guess.
        public var columns: [String: ContactCSVColumn]
        /// The entity of rows without an entity column.
        public var defaultEntity: ContactEntity
        /// Fail the whole load (`CSVLoadError.problemsInStrictMode`) when any problem is found.
        public var strict: Bool
        /// When no column holds the record id (Google Contacts and Outlook exports), make one
        /// for each row (from its first email, else its first phone, else its line; the report's
        /// `idSynthesis` says so). False fails such a load with `CSVLoadError.noIDColumn`.
        public var synthesizesMissingIDs: Bool
        /// Bytes per block handed to a worker thread.
        public var blockSize: Int
        /// Worker threads; defaults to the number of active cores.
        public var threads: Int
        /// Called after each block with the rows and bytes done so far, from worker threads, one
        /// call at a time, with growing values.
        public var progress: (@Sendable (_ rows: Int, _ bytes: Int) -> Void)?

        /// Creates options.
        /// - Parameters:
        ///   - configuration: normalization and ranking of the directory.
        ///   - encoding: the encoding of the bytes (a UTF-8, UTF-16 or UTF-32 byte-order mark overrides it).
        ///   - delimiter: the field delimiter.
        ///   - columns: explicit column choices by header.
        ///   - defaultEntity: the entity of rows without an entity column.
        ///   - strict: fail the load on any problem.
        ///   - synthesizesMissingIDs: make ids when no column holds them.
        ///   - blockSize: bytes per block (at least 4096).
        ///   - threads: worker threads (nil: the active cores).
        ///   - progress: called after each block.
        public init(
            configuration: DirectoryConfiguration = .init(),
            encoding: CSVTextEncoding = .utf8,
            delimiter: UInt8 = UInt8(ascii: ","),
            columns: [String: ContactCSVColumn] = [:],
            defaultEntity: ContactEntity = .contact,
            strict: Bool = false,
            synthesizesMissingIDs: Bool = true,
            blockSize: Int = 1 << 20,
            threads: Int? = nil,
            progress: (@Sendable (_ rows: Int, _ bytes: Int) -> Void)? = nil
        ) {
            self.configuration = configuration
            self.encoding = encoding
            self.delimiter = delimiter
            self.columns = columns
            self.defaultEntity = defaultEntity
            self.strict = strict
            self.synthesizesMissingIDs = synthesizesMissingIDs
            self.blockSize = max(blockSize, 4096)
            self.threads = max(1, threads ?? Self.activeCores)
            self.progress = progress
        }

        static var activeCores: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
    }

    /// The options in force.
    public var options: Options

    /// Creates a loader.
    public init(_ options: Options = Options()) {
        self.options = options
    }

    /// Loads a CSV file.
    /// - Returns: the directory and the report.
    /// - Throws: `CSVLoadError` when the file cannot be read, has no header or no id column, or
    ///   (strict mode) has any problem.
    /// - Complexity: O(n) parsing and normalizing, spread over `Options.threads`, plus the
    ///   O(n log n) directory build.
    public func load(path: String) throws(CSVLoadError) -> (ContactDirectory, CSVLoadReport) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(path: path, errno: errno) }
        defer { close(descriptor) }
        var failure: Int32 = 0
        let result: (ContactDirectory, CSVLoadReport)
        do {
            result = try load { buffer in
                let count = read(descriptor, buffer.baseAddress, buffer.count)
                if count < 0 { failure = errno }
                return count
            }
        } catch {
            // A read that failed (a directory: EISDIR) ends the input: that is the cause, not
            // the missing header that follows from it.
            if failure != 0 { throw .unreadable(path: path, errno: failure) }
            throw error
        }
        if failure != 0 { throw .unreadable(path: path, errno: failure) }
        return result
    }

    /// Loads CSV bytes held in memory.
    /// - Complexity: as `load(path:)`.
    public func load(bytes: [UInt8]) throws(CSVLoadError) -> (ContactDirectory, CSVLoadReport) {
        var offset = 0
        return try load { buffer in
            let count = min(buffer.count, bytes.count - offset)
            bytes.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
            }
            offset += count
            return count
        }
    }

    /// Loads CSV from any byte stream: `read` fills the buffer it is given and returns how many
    /// bytes it wrote, 0 at the end, or a negative number on error (which ends the input).
    /// - Complexity: as `load(path:)`; memory holds a few blocks of input at a time.
    public func load(reading read: (UnsafeMutableRawBufferPointer) -> Int) throws(CSVLoadError) -> (ContactDirectory, CSVLoadReport) {
        let result = withoutActuallyEscaping(read) { read in
            Result { () throws(CSVLoadError) in try load(input: CSVBlockReader(read: read, blockSize: options.blockSize, delimiter: options.delimiter)) }
        }
        return try result.get()
    }

    private func load(input: consuming CSVBlockReader) throws(CSVLoadError) -> (ContactDirectory, CSVLoadReport) {
        var input = input
        if let format = input.foreignFormat() { throw .notCSV(format) }
        let hintedDelimiter = input.skipSeparatorLine()
        let detectedDelimiter = options.detectsDelimiter && hintedDelimiter == nil ? input.detectDelimiter() : nil
        guard let first = input.headerBlock() else { throw .missingHeader }
        // A byte-order mark wins over the encoding asked for: the reader transcodes a UTF-16 or
        // UTF-32 stream to UTF-8, and a UTF-8 one is UTF-8 (Excel's "CSV UTF-8" starts with
        // one: read as Windows-1252, "Müller" became "MÃ¼ller").
        var options = self.options
        var markOverrodeEncoding = false
        if input.transcodedForm != nil || input.startedWithUTF8Mark {
            markOverrodeEncoding = input.startedWithUTF8Mark && options.encoding != .utf8
            options.encoding = .utf8
        }
        if let delimiter = hintedDelimiter ?? detectedDelimiter { options.delimiter = delimiter }
        let search = ContactCSVHeaderSearch.locate(first: first, in: &input, options: options)
        let layout = try ContactCSVRowLayout(headerBytes: search.header, options: options, mapped: search.mapped)
        var report = CSVLoadReport()
        report.columns = zip(layout.headers, layout.columns).map { (header: $0, column: $1) }
        report.fallbackColumns = layout.fallbackColumns
        report.problems = search.problems + layout.headerProblems
        report.delimiterFromSeparatorLine = hintedDelimiter.map { Character(Unicode.Scalar($0)) }
        if layout.synthesizesIDs { report.idSynthesis = ContactCSVSynthesizedID.scheme }
        report.transcodedFrom = input.transcodedForm?.rawValue
        report.byteOrderMarkOverrodeEncoding = markOverrodeEncoding
        report.detectedDelimiter = detectedDelimiter.map { Character(Unicode.Scalar($0)) }

        // Blocks are converted on worker threads; this thread adds each converted block to the
        // directory in file order as soon as it is ready, while later blocks are converted.
        let results = Mutex(CSVLoadProgressState())
        let completed = DispatchSemaphore(value: 0)
        let workers = DispatchQueue(label: "ContactCSVLoader.workers", attributes: .concurrent)
        let group = DispatchGroup()
        let converter = ContactCSVRowConverter(layout: layout, options: options)
        let progress = options.progress
        let maximumInFlight = options.threads * 2
        var assembler = ContactCSVAssembler(configuration: options.configuration, report: report, idSynthesizer: layout.synthesizesIDs ? converter : nil)
        var dispatched = 0
        var consumed = 0
        var inputDone = false
        let concurrency = DispatchSemaphore(value: options.threads)
        while true {
            while let block = results.withLock({ $0.take(consumed) }) {
                assembler.add(block)
                consumed += 1
                // A block's arrays are freed by a worker, not by this thread, which builds.
                workers.async { withExtendedLifetime(block) {} }
            }
            if inputDone, consumed == dispatched { break }
            if !inputDone, dispatched - consumed < maximumInFlight {
                if let block = input.nextBlock() {
                    let index = dispatched
                    dispatched += 1
                    group.enter()
                    workers.async {
                        concurrency.wait()
                        let result = converter.convert(block)
                        concurrency.signal()
                        results.withLock { state in
                            state.store(result, at: index)
                            progress?(state.rowsDone, state.bytesDone)
                        }
                        completed.signal()
                        group.leave()
                    }
                } else {
                    inputDone = true
                }
                continue
            }
            completed.wait()
        }
        group.wait()
        return try assembler.finish(bytesRead: input.bytesRead, strict: options.strict)
    }
}

/// Adds converted blocks to a directory under construction, in file order, and completes the
/// load report: counts, duplicate ids (the later row wins; the report names the earlier line).
struct ContactCSVAssembler {
    private var builder: ContactDirectory.Builder
    private var report: CSVLoadReport
    /// The file line of each slot's row, for duplicate reports.
    private var lineOfSlot: [Int32] = []
    /// When the ids are synthesized: the converter that remakes a row with its line id, and the
    /// email and phone ids taken so far (`ContactCSVSynthesizedID`).
    private let idSynthesizer: ContactCSVRowConverter?
    private var takenIDs: Set<String> = []

    init(configuration: DirectoryConfiguration, report: CSVLoadReport, idSynthesizer: ContactCSVRowConverter? = nil) {
        builder = ContactDirectory.Builder(configuration: configuration, capacity: 0)
        self.report = report
        self.idSynthesizer = idSynthesizer
    }

    /// Adds one converted block.
    mutating func add(_ block: ContactCSVBlockResult) {
        report.rowsRead += block.rowsRead
        report.rowsRejected += block.rowsRejected
        report.phonesNormalized += block.phonesNormalized
        report.phonesByFastPath += block.phonesByFastPath
        let blockProblems = report.problems.count
        report.problems.append(contentsOf: block.problems)
        for index in 0..<block.rows.count {
            let line = block.lines[index]
            let outcome: (slot: UInt32, replacedSlot: UInt32?)
            if let remade = uniqueSynthesizedRow(block, index, problemsFrom: blockProblems) {
                outcome = builder.add(remade, 0)
            } else {
                outcome = builder.add(block.rows, index)
            }
            let slot = outcome.slot
            if Int(slot) >= lineOfSlot.count { lineOfSlot.append(contentsOf: repeatElement(0, count: Int(slot) + 1 - lineOfSlot.count)) }
            lineOfSlot[Int(slot)] = line
            if let replaced = outcome.replacedSlot {
                let earlier = Int(replaced) < lineOfSlot.count ? Int(lineOfSlot[Int(replaced)]) : 0
                let id = block.rows.withRecord(index) { String(recordBytes: ContactRecordReader.id(of: UnsafeRawBufferPointer($0))) }
                report.problems.append(CSVLoadProblem(line: Int(line), column: nil, contactID: id, value: id, kind: .duplicateID(earlierLine: earlier)))
                report.rowsUpdated += 1
            }
        }
    }

    /// When ids are synthesized and row `index` of `block` has an email or phone id that an
    /// earlier row took: the row remade with its line id (its problems renamed to it). Nil when
    /// the row can be added as it is.
    private mutating func uniqueSynthesizedRow(_ block: ContactCSVBlockResult, _ index: Int, problemsFrom first: Int) -> PreparedRows? {
        guard let idSynthesizer, let source = block.source else { return nil }
        let id = block.rows.withRecord(index) { String(recordBytes: ContactRecordReader.id(of: UnsafeRawBufferPointer($0))) }
        guard !ContactCSVSynthesizedID.isLineID(id), !takenIDs.insert(id).inserted else { return nil }
        let line = Int(block.lines[index])
        let row = CSVBlock(bytes: Array(source.bytes[block.rowRanges[index]]), firstLine: line)
        let remade = idSynthesizer.convert(row, lineIDsOnly: true)
        let lineID = ContactCSVSynthesizedID.lineID(line)
        for problem in first..<report.problems.count where report.problems[problem].line == line && report.problems[problem].contactID == id {
            report.problems[problem].contactID = lineID
        }
        return remade.rows.count == 1 ? remade.rows : nil
    }

    /// Finishes the directory and the report.
    /// - Throws: `CSVLoadError.problemsInStrictMode` when strict and any problem was found.
    consuming func finish(bytesRead: Int, strict: Bool) throws(CSVLoadError) -> (ContactDirectory, CSVLoadReport) {
        report.bytesRead = bytesRead
        report.problems.sort { $0.line < $1.line }
        if strict, !report.problems.isEmpty {
            // The counts of the load that strict mode refused, so that they add up.
            report.rowsLoaded = report.rowsRead - report.rowsUpdated - report.rowsRejected
            throw .problemsInStrictMode(report)
        }
        let directory = builder.finish()
        report.rowsLoaded = directory.count
        return (directory, report)
    }
}

/// The blocks converted so far, by index, and the progress totals.
struct CSVLoadProgressState: ~Copyable {
    private var blocks: [Int: ContactCSVBlockResult] = [:]
    private(set) var rowsDone = 0
    private(set) var bytesDone = 0

    mutating func store(_ result: ContactCSVBlockResult, at index: Int) {
        rowsDone += result.rowsRead
        bytesDone += result.byteCount
        blocks[index] = result
    }

    /// Takes the block with this index when it is ready.
    mutating func take(_ index: Int) -> ContactCSVBlockResult? {
        blocks.removeValue(forKey: index)
    }
}
