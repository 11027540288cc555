/// Something wrong with one row (or one cell) of a CSV load, with where it is and why.
public struct CSVLoadProblem: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Sendable, Hashable {
        /// The row has no id: it was skipped.
        case missingID
        /// A later row has the same id: this row's record was replaced by the later one (the
        /// problem is reported on the later row, `earlierLine` is the replaced row).
        case duplicateID(earlierLine: Int)
        /// A phone could not be parsed: kept raw, not indexed.
        case unparseablePhone(PhoneParseFailure)
        /// A phone parsed, but the metadata calls it invalid: indexed and flagged.
        case invalidPhone
        /// An email is not an address: kept raw, not indexed.
        case invalidEmail(EmailNormalizationError)
        /// The cell is not valid UTF-8 at this byte of the cell; read with U+FFFD in its place.
        case invalidUTF8(byteOffset: Int)
        /// The cell holds a NUL character (U+0000), the first at this byte of the cell. Every NUL
        /// of the cell was dropped: no contact field holds one, and NULs end C strings and break
        /// the JSON a host sends on. A file full of them is usually UTF-16 without a byte-order
        /// mark.
        case nulCharacter(byteOffset: Int)
        /// The row has more fields than the header; the extra ones are kept as attributes
        /// named "column N".
        case tooManyFields(expected: Int, found: Int)
        /// The row has fewer fields than the header; the missing ones are empty.
        case tooFewFields(expected: Int, found: Int)
        /// A quoted field was never closed; it ran to the end of the file.
        case unterminatedQuote
        /// Text follows a closing quote (`"ab"c`); kept as part of the field.
        case textAfterClosingQuote
        /// A date column is not ISO 8601; the date was left out (the text stays an attribute).
        case invalidDate
        /// The country column names no region that libphonenumber knows; the default region
        /// was used.
        case unknownRegion
        /// The records on `lines` came before the header (on `headerLine`) and mapped no name,
        /// phone, email or id column: a preamble (LinkedIn's notes), left out. Reported once,
        /// on the first of them, with its text.
        case preambleSkipped(lines: [Int], headerLine: Int)
        /// The header maps no column to a name, a phone, an email or the id, and no record of
        /// the next few does: every row loads, but no look-up can find any of them.
        case headerMapsNoContactField
    }

    /// The 1-based line of the file where the row starts.
    public var line: Int
    /// The column's header, when the problem is in one cell.
    public var column: String?
    /// The row's id ("" when it has none).
    public var contactID: String
    /// The cell's text (or "" for row-level problems).
    public var value: String
    /// What is wrong.
    public var kind: Kind

    /// Creates a problem.
    public init(line: Int, column: String?, contactID: String, value: String, kind: Kind) {
        self.line = line
        self.column = column
        self.contactID = contactID
        self.value = value
        self.kind = kind
    }

    /// Whether the row was left out of the directory because of this problem.
    public var rejectsRow: Bool { kind == .missingID }

    /// A sentence for a load report: "line 12, column \"Phone\": …".
    public var description: String {
        let reason: String = switch kind {
        case .missingID: "the row has no id, so it was skipped"
        case .duplicateID(let earlier): "the id \(contactID.debugDescription) was already on line \(earlier); this later row replaced it"
        case .unparseablePhone(let failure): "phone \(value.debugDescription) kept raw and not indexed: \(failure.explanation)"
        case .invalidPhone: "phone \(value.debugDescription) indexed, but libphonenumber's metadata calls it invalid"
        case .invalidEmail(let error): "email \(value.debugDescription) kept raw and not indexed: \(error.explanation)"
        case .invalidUTF8(let offset): "not valid UTF-8 at byte \(offset) of the cell; replaced by U+FFFD"
        case .nulCharacter(let offset): "a NUL character at byte \(offset) of the cell was dropped (with any others in the cell)"
        case .tooManyFields(let expected, let found): "\(found) fields where the header has \(expected); extra fields kept as attributes"
        case .tooFewFields(let expected, let found): "\(found) fields where the header has \(expected); missing fields are empty"
        case .unterminatedQuote: "a quoted field is never closed; it runs to the end of the file"
        case .textAfterClosingQuote: "text after a closing quote was kept in the field"
        case .invalidDate: "\(value.debugDescription) is not an ISO 8601 date; left out"
        case .unknownRegion: "\(value.debugDescription) names no known country; the default region was used"
        case .preambleSkipped(let lines, let headerLine):
            "\(lines.count == 1 ? "line" : "lines") \(lines.map(String.init).joined(separator: ", ")) before the header on line \(headerLine) "
                + "\(lines.count == 1 ? "maps" : "map") no name, phone, email or id column: skipped as a preamble"
        case .headerMapsNoContactField:
            "the header maps no name, phone, email or id column: the rows load, but no look-up can find them "
                + "(name the columns explicitly, or check that this line is the header)"
        }
        if let column { return "line \(line), column \(column.debugDescription): \(reason)" }
        return "line \(line): \(reason)"
    }
}
