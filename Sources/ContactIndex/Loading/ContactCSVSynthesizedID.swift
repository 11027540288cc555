/// Record ids for CSV files that have no id column (Google Contacts and Outlook exports).
///
/// A host remembers choices by record id ("this caller is that contact"), so an id should stay
/// the same when the same address book is exported again, rows added, removed or reordered. The
/// line number does not; the contact's own first email or phone mostly does. So a row's id is,
/// in order:
/// 1. `email:` and its first email address that normalizes, as normalized (lower-cased):
///    `email:ann@example.com`;
/// 2. else `phone:` and its first phone number that parses, in E.164: `phone:+16505551000`;
/// 3. else `line:` and the 1-based line of the file where the row starts: `line:12`.
///
/// Ids are unique in a file: a row whose email or phone id an earlier row already took gets its
/// line id instead (the prefixes keep the three kinds apart, and no two rows start on one line).
enum ContactCSVSynthesizedID {
    /// How ids are made, in a sentence for the load report.
    static let scheme = "the file has no id column, so each row's id was made from its first valid email (\"email:\" + the normalized "
        + "address), else its first phone that parses (\"phone:\" + E.164), else its line (\"line:\" + the line number); a row whose "
        + "email or phone id an earlier row took got its line id"

    /// The line id of the row that starts on `line`.
    static func lineID(_ line: Int) -> String { "line:\(line)" }

    /// Whether `id` is a line id (unique by construction).
    static func isLineID(_ id: String) -> Bool {
        id.hasPrefix("line:")
    }

    /// The stable id of a normalized draft (`email:` or `phone:`), or nil when it has no valid
    /// email and no phone that parses.
    /// - Complexity: O(size of the first valid email or phone).
    static func stableID(of draft: RecordDraft) -> String? {
        if let address = draft.emails.lazy.compactMap(\.address).first {
            if let whole = address.address { return "email:" + draft.string(whole) }
            return "email:" + draft.string(address.localPart) + "@" + draft.string(address.asciiDomain)
        }
        if let number = draft.phones.lazy.compactMap(\.number).first {
            if let digits = number.compactDigits { return "phone:+\(digits)" }
            if let e164 = number.e164 { return "phone:" + draft.string(e164) }
        }
        return nil
    }
}
