/// Undoes the two ways a spreadsheet forces a cell to stay text, which some tools write into
/// CSV: a leading apostrophe (`'007`, `'bob@example.com`) and the formula form `="00123"`
/// (Excel keeps leading zeros and long numbers so). Left on, the email was invalid and the id,
/// the name or the company kept the marks, while a phone parsed only because libphonenumber
/// skips leading punctuation. The loader unwraps every mapped field the same way; attributes
/// keep their text as written.
enum CSVExcelForcedText {
    /// The cell's text without the wrapper; the cell itself when it has none. A Dutch name
    /// part (`'t Hooft`, `'s-Gravesande`) keeps its apostrophe, and so does a formula whose
    /// text holds a quote.
    /// - Complexity: O(n) in the cell's bytes, no copy.
    static func unwrapped(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")
        let count = cell.count
        if count >= 3, cell[0] == UInt8(ascii: "="), cell[1] == quote, cell[count - 1] == quote {
            let inner = UnsafeBufferPointer(rebasing: cell[2..<(count - 1)])
            return inner.contains(quote) ? cell : inner
        }
        if count >= 2, cell[0] == apostrophe {
            let isDutchArticle = (cell[1] == UInt8(ascii: "t") || cell[1] == UInt8(ascii: "s"))
                && (count == 2 || cell[2] == UInt8(ascii: " ") || cell[2] == UInt8(ascii: "-"))
            return isDutchArticle ? cell : UnsafeBufferPointer(rebasing: cell[1...])
        }
        return cell
    }
}
