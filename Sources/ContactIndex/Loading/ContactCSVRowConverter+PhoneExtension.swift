/// What a row's extension cell does to its phone (`ContactCSVColumn.phoneExtension`).
enum ContactCSVPhoneExtensionUse: Equatable {
    /// The cell is empty: nothing to add.
    case none
    /// The extension's digits are added to the phone.
    case add(digits: [UInt8])
    /// The phone's cell already ends in this very extension: nothing to add, nothing lost.
    case alreadyInPhone
    /// The cell is not added, for this reason: it is kept as an attribute and reported.
    case keep(CSVLoadProblem.PhoneExtensionReason)
}

extension ContactCSVRowConverter {
    /// The most digits an extension cell may hold: what libphonenumber takes after "ext.".
    static let extensionDigitLimit = PhoneExtensionSuffix.explicitDigitLimit

    /// What the extension cell of phone column `phone` does in the current row. Called both for
    /// the phone cell (to add the digits) and for the extension cell (to keep it when they are
    /// not added), so that the two always agree whatever the columns' order.
    /// - Parameters:
    ///   - phone: the phone column.
    ///   - extensionColumn: its extension column.
    ///   - all: the row's decoded cell bytes (`Scratch.cellBytes`).
    ///   - cells: each cell's range of `all`.
    /// - Complexity: O(n) in the two cells' bytes.
    static func extensionUse(phone: Int, extensionColumn: Int, all: UnsafeBufferPointer<UInt8>, cells: [Range<Int>]) -> ContactCSVPhoneExtensionUse {
        guard extensionColumn < cells.count else { return .none }
        let extensionCell = UnsafeBufferPointer(rebasing: all[cells[extensionColumn]])
        let digits = withoutMarker(trimmed(CSVExcelForcedText.unwrapped(extensionCell)))
        guard !digits.isEmpty else { return .none }
        guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return .keep(.notDigits) }
        guard digits.count <= extensionDigitLimit else { return .keep(.tooManyDigits(limit: extensionDigitLimit)) }
        let phoneCell = phone < cells.count
            ? CSVExcelForcedText.unwrapped(UnsafeBufferPointer(rebasing: all[cells[phone]])) : UnsafeBufferPointer(rebasing: all[0..<0])
        var values: [Range<Int>] = []
        forEachValue(in: phoneCell, emailStyle: false) { values.append($0) }
        guard let value = values.first else { return .keep(.noPhone) }
        guard values.count == 1 else { return .keep(.severalPhones) }
        let number = numberPart(of: UnsafeBufferPointer(rebasing: phoneCell[value]))
        if let (_, own) = PhoneExtensionSuffix.split(number) {
            return number[own].elementsEqual(digits) ? .alreadyInPhone : .keep(.phoneHasOtherExtension)
        }
        return .add(digits: Array(digits))
    }

    /// A phone's text with its extension added: "(212) 555-0111" and "4711" give
    /// "(212) 555-0111 ext. 4711", the form of an extension typed in the cell, which the phone
    /// fast path and libphonenumber read alike (`PhoneExtensionSuffix`). A trailing label stays
    /// last ("650 555 5555 ext. 12 (mobile)"), where `PhoneTrailingLabel` finds it.
    /// - Complexity: O(n) in the bytes.
    static func withExtension(_ phone: UnsafeBufferPointer<UInt8>, digits: [UInt8]) -> [UInt8] {
        let numberEnd = PhoneTrailingLabel.split(phone)?.number.upperBound ?? phone.count
        var text = Array(phone[..<numberEnd])
        text.append(contentsOf: " ext. ".utf8)
        text.append(contentsOf: digits)
        text.append(contentsOf: phone[numberEnd...])
        return text
    }

    /// An extension cell's digits without the marker typed before them, as an extension is
    /// typed after its number ("x12", "ext. 12", "Ext 12", "#12" → "12"); the cell as it is
    /// when it has none, or when no digit follows the marker (then it is no extension's digits).
    static func withoutMarker(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
        var start = 0
        for marker in ["extension", "ext", "x", "#"] where cell.count > marker.utf8.count {
            if zip(cell, marker.utf8).allSatisfy({ lower($0) == $1 }) {
                start = marker.utf8.count
                break
            }
        }
        guard start > 0 else { return cell }
        while start < cell.count, cell[start] == UInt8(ascii: ".") || cell[start] == UInt8(ascii: " ") || cell[start] == UInt8(ascii: ":") {
            start += 1
        }
        guard start < cell.count, cell[start] >= UInt8(ascii: "0"), cell[start] <= UInt8(ascii: "9") else { return cell }
        return UnsafeBufferPointer(rebasing: cell[start...])
    }

    /// The number of a phone value, without a trailing label in brackets.
    private static func numberPart(of value: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let (number, _) = PhoneTrailingLabel.split(value) else { return value }
        return UnsafeBufferPointer(rebasing: value[number])
    }
}
