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
    /// - Complexity: O(h log h) in the headers.
    static func pairingPhoneExtensions(_ columns: [ContactCSVColumn], headers: [String], explicit: Set<Int>) -> [ContactCSVColumn] {
        let foldedHeaders = headers.map(folded)
        let phones = PhoneColumns(columns, foldedHeaders: foldedHeaders)
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
            if let phone = phones.nearest(folded: stem, to: index) {
                paired[index] = .phoneExtension(ofHeader: headers[phone])
            } else if case .phone = columns[index], ContactCSVHeaderWords.words(headers[index]).last.map(extensionWords.contains) == true {
                paired[index] = .attribute(String(Substring(headers[index]).trimmingWhitespace()))
            }
        }
        return paired
    }

    /// The phone columns of a header by folded header, to find the phone of an extension
    /// column. Built once per header: looking through every column for each extension column
    /// made a header of many "Phone" and "Phone Ext" columns quadratic.
    struct PhoneColumns {
        /// The indices of the phone columns with each folded header, in file order.
        private let indicesByHeader: [String: [Int]]

        /// Indexes the phone columns of `columns`.
        /// - Complexity: O(h) in the headers.
        init(_ columns: [ContactCSVColumn], foldedHeaders: [String]) {
            var indices: [String: [Int]] = [:]
            for (index, column) in columns.enumerated() {
                if case .phone = column { indices[foldedHeaders[index], default: []].append(index) }
            }
            indicesByHeader = indices
        }

        /// The phone column whose folded header is `stem`, nearest before `index` (else the
        /// first after it), never `index` itself; nil when there is none.
        /// - Complexity: O(log p) in the phone columns of that header.
        func nearest(folded stem: String, to index: Int) -> Int? {
            guard let indices = indicesByHeader[stem] else { return nil }
            // The first position whose column is at or after `index`.
            var low = 0
            var high = indices.count
            while low < high {
                let middle = (low + high) / 2
                if indices[middle] < index { low = middle + 1 } else { high = middle }
            }
            if low > 0 { return indices[low - 1] }
            if low < indices.count, indices[low] == index { low += 1 }
            return low < indices.count ? indices[low] : nil
        }
    }
}
