extension CSVLoadProblem {
    /// Why an extension column's cell was not added to its row's phone
    /// (`Kind.phoneExtensionNotUsed`). The cell is then kept as an attribute, so nothing is lost,
    /// and the problem says why the phone has no extension from it.
    public enum PhoneExtensionReason: Sendable, Hashable {
        /// The cell holds more than digits ("n/a", "x12", "12-34"): the loader adds only digits,
        /// since anything else would be read as part of the number or as another number.
        case notDigits
        /// The cell has more digits than libphonenumber takes after an "ext." label.
        case tooManyDigits(limit: Int)
        /// The row's phone cell is empty: there is no number to add the extension to.
        case noPhone
        /// The row's phone cell holds several numbers (" ::: "): which one the extension
        /// belongs to is not known.
        case severalPhones
        /// The row's phone cell has an extension of its own ("… x12") that differs: the cell's
        /// own extension is kept.
        case phoneHasOtherExtension

        /// Why, for a sentence of a load report.
        public var explanation: String {
            switch self {
            case .notDigits: "an extension holds only digits"
            case .tooManyDigits(let limit): "more than \(limit) digits"
            case .noPhone: "the row's phone is empty"
            case .severalPhones: "the row's phone cell holds several numbers"
            case .phoneHasOtherExtension: "the phone has another extension written in its cell"
            }
        }
    }
}
