extension CSVLoadProblem {
    /// The most characters (Unicode scalars) of a cell, a header or an id that a problem keeps
    /// and quotes. A problem used to copy its whole cell: a 50 MB phone cell made a 50 MB
    /// report line, and a server import of five 1 MB phones answered 5 MB of NDJSON.
    public static let quotedCellLimit = 200

    /// Whether `value` is only the start of the cell (`valueLength` is the whole length).
    public var valueIsCut: Bool { valueLength > value.unicodeScalars.count }

    /// The cell's text for a sentence: quoted, and when it was cut, followed by "…" and its
    /// whole length (`"1234…" (1000000 characters)`).
    var quotedValue: String { Self.quoted(value, length: valueLength) }

    /// A cell's text as a problem keeps it: the text and its length in Unicode scalars, or its
    /// first `quotedCellLimit` scalars and the whole length when it is longer.
    /// - Complexity: O(1) for a cell of at most `quotedCellLimit` bytes, else O(n) in the cell
    ///   (once, for the count; only for a problem of a long cell).
    static func cellPreview(_ text: String) -> (text: String, length: Int) {
        // A scalar takes at least one byte: a cell of at most the limit's bytes is kept whole.
        guard text.utf8.count > quotedCellLimit else { return (text, text.unicodeScalars.count) }
        let length = text.unicodeScalars.count
        guard length > quotedCellLimit else { return (text, length) }
        var start = String.UnicodeScalarView()
        start.append(contentsOf: text.unicodeScalars.prefix(quotedCellLimit))
        return (String(start), length)
    }

    /// Creates a problem about a cell given as UTF-8 bytes, copying only the start that it keeps
    /// (`cellPreview(_:)`): a 50 MB cell is never made a string.
    init(line: Int, column: String?, contactID: String, cell: UnsafeBufferPointer<UInt8>, kind: Kind) {
        let length = ContactCSVFieldLength.scalarCount(cell)
        let kept = ContactCSVFieldLength.prefix(cell, scalars: Self.quotedCellLimit)
        self.init(line: line, column: column, contactID: contactID, value: String(utf8Bytes: kept), kind: kind)
        valueLength = length
    }
}
