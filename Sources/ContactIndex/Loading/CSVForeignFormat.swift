/// A file that is no CSV text at all, passed by mistake: a workbook, a PDF, a binary file.
///
/// Read as CSV, such a file "loaded" no contact with a header of binary garbage, and the
/// command exited 0. The loader looks at the first bytes and refuses it with a sentence that
/// says what the file is (`CSVLoadError.notCSV`).
public enum CSVForeignFormat: Sendable, Hashable, CustomStringConvertible {
    /// A ZIP archive ("PK\u{3}\u{4}"): an .xlsx, .ods or .numbers workbook, most likely.
    case zipArchive
    /// A PDF document ("%PDF-").
    case pdf
    /// An OLE compound document: an old .xls workbook or an Outlook .msg.
    case compoundDocument
    /// A gzip stream.
    case gzip
    /// Mostly NUL and other control bytes, spread as no text encoding spreads them.
    case binary

    /// How many bytes from the start are looked at.
    static let sampleSize = 4096

    /// The format of a file that starts with `bytes`, or nil when it may be text. UTF-16
    /// without a byte-order mark is text: its NULs (and, outside Latin, other low bytes) sit on
    /// one side of each byte pair, and the loader drops them (`nulCharacter`).
    /// - Complexity: O(`sampleSize`).
    static func detect(_ bytes: ArraySlice<UInt8>) -> CSVForeignFormat? {
        let sample = Array(bytes.prefix(sampleSize))
        if sample.starts(with: [0x50, 0x4B, 0x03, 0x04]) || sample.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zipArchive }
        if sample.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if sample.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .compoundDocument }
        if sample.starts(with: [0x1F, 0x8B]) { return .gzip }
        guard sample.count >= 32 else { return nil }
        var even = 0, odd = 0
        for (index, byte) in sample.enumerated() where (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F {
            if index % 2 == 0 { even += 1 } else { odd += 1 }
        }
        let controls = even + odd
        guard controls * 4 >= sample.count else { return nil }
        // UTF-16 without a byte-order mark: the low bytes are on one side of the pairs.
        if max(even, odd) * 10 >= controls * 9 { return nil }
        return .binary
    }

    /// What the file is, and what to do: "this is a ZIP archive (an .xlsx workbook?), not a CSV
    /// file: export it as CSV".
    public var description: String {
        switch self {
        case .zipArchive: "this is a ZIP archive (an .xlsx workbook?), not a CSV file: export it as CSV"
        case .pdf: "this is a PDF document, not a CSV file: export the contacts as CSV"
        case .compoundDocument: "this is an OLE compound document (an .xls workbook or an Outlook .msg?), not a CSV file: export it as CSV"
        case .gzip: "this is a gzip archive, not a CSV file: decompress it first"
        case .binary: "this is a binary file (mostly NUL and control bytes), not CSV text: export the contacts as CSV"
        }
    }
}
