extension ContactCSVHeaderMapping {
    /// The words that name a phone's extension at the end of a header ("Phone Ext", "Work Phone
    /// Extension"), or alone ("Ext" right after a phone column), longest first. Not German
    /// "Durchwahl": its cells often hold a whole direct number rather than an extension.
    static let extensionWords = ["extension", "extn", "ext"]

    /// The columns with every guessed extension column mapped to its phone
    /// (`ContactCSVColumn.phoneExtension`).
    ///
    /// A column is a phone's extension when its header is a phone column's header followed by
    /// an extension word ("Phone Ext", "Mobile Phone Ext", "Business Phone Ext", "Work Phone
    /// Extension", also glued: "PhoneExt", "PHONEEXT"), or when it is an extension word alone
    /// right after a phone column ("Phone", "Ext"). The header guess read the first kind as a
    /// phone ("Phone" is one of its words) and the second as an attribute. A header that ends in
    /// the word "ext" or "extension" but names no phone column of the file ("Mobile Ext" without
    /// "Mobile") is an attribute: it is no phone of its own either. Explicit choices stay.
    /// - Parameters:
    ///   - columns: the guessed and explicit columns, one per header.
    ///   - headers: the header fields.
    ///   - explicit: the indices of the columns chosen explicitly.
    /// - Returns: the columns, extension columns remapped.
    /// - Complexity: O(h²) in the headers at worst (each extension column looks for its phone).
    static func pairingPhoneExtensions(_ columns: [ContactCSVColumn], headers: [String], explicit: Set<Int>) -> [ContactCSVColumn] {
        let foldedHeaders = headers.map(folded)
        var paired = columns
        for index in headers.indices where !explicit.contains(index) {
            let key = foldedHeaders[index]
            if extensionWords.contains(key) {
                // "Ext" alone: the extension of the phone column right before it.
                if index > 0, case .phone = columns[index - 1] { paired[index] = .phoneExtension(ofHeader: headers[index - 1]) }
                continue
            }
            guard let word = extensionWords.first(where: { key.count > $0.count && key.hasSuffix($0) }) else { continue }
            let stem = String(key.dropLast(word.count))
            if let phone = phoneColumn(folded: stem, near: index, columns: columns, foldedHeaders: foldedHeaders) {
                paired[index] = .phoneExtension(ofHeader: headers[phone])
            } else if case .phone = columns[index], ContactCSVHeaderWords.words(headers[index]).last.map(extensionWords.contains) == true {
                paired[index] = .attribute(String(Substring(headers[index]).trimmingWhitespace()))
            }
        }
        return paired
    }

    /// The phone column whose folded header is `stem`, nearest before `index` (else the first
    /// after it), or nil when there is none.
    /// - Complexity: O(h) in the headers.
    static func phoneColumn(folded stem: String, near index: Int, columns: [ContactCSVColumn], foldedHeaders: [String]) -> Int? {
        func isPhone(_ candidate: Int) -> Bool {
            guard candidate != index, foldedHeaders[candidate] == stem, case .phone = columns[candidate] else { return false }
            return true
        }
        return columns.indices[..<index].last(where: isPhone) ?? columns.indices[index...].first(where: isPhone)
    }
}
