import ContactIndex

/// A directory loaded from a CSV export with `ContactCSVLoader`, with a progress bar (rows and
/// bytes) on the terminal, the wall time and the load report.
struct DirectoryLoad {
    var directory: ContactDirectory
    var report: CSVLoadReport
    var seconds: Double

    static func load(path: String, region: String, threads: Int?, quiet: Bool = false) throws -> DirectoryLoad {
        let size = fileSize(path)
        let bar = ProgressBar(label: "load", total: max(size, 1), unit: "bytes")
        var options = ContactCSVLoader.Options(configuration: DirectoryConfiguration(defaultRegion: region), threads: threads)
        if !quiet {
            options.progress = { @Sendable (rows: Int, bytes: Int) in bar.update(bytes, detail: "\(rows) rows") }
        }
        let start = monotonicNanoseconds()
        let (directory, report) = try ContactCSVLoader(options).load(path: path)
        let seconds = Double(monotonicNanoseconds() - start) / 1e9
        if !quiet { bar.finish() }
        return DirectoryLoad(directory: directory, report: report, seconds: seconds)
    }
}
