/// Where a record's whole names come from besides "given family" and "family given": a display
/// name written family name first with a comma, the company of a record named by nothing
/// else, and the given name without the titles written in front of it. Each is found by the
/// one whole-name look-up (their collation keys sit with the record's others, `NameVariants`)
/// and is an exact match when spelled as typed (`wholeNameMatch`).
///
/// Why: "John Smith" listed John Smith but not the record whose display name is "Smith, John"
/// (as Outlook's "File As" and many CRMs' "Full Name" columns write it), which "Smith, John"
/// found: the query's word order changed the answer. And an account named exactly "Acme" was
/// a token match at 0.69 for "Acme", below a person whose family name is Acme (0.81): a record
/// with only a company is named by it, as the results show it.
enum WholeNameSources {
    /// The family part (before the comma) and the given part (after it) of a display name
    /// written "Family, Given", trimmed of spaces; nil when it has no comma, more than one, or
    /// no letter or digit on one side.
    /// - Complexity: O(n).
    static func commaParts<Bytes: RandomAccessCollection<UInt8>>(of display: Bytes) -> (family: Range<Int>, given: Range<Int>)?
    where Bytes.Index == Int {
        var comma: Int? = nil
        for index in display.indices where display[index] == UInt8(ascii: ",") {
            guard comma == nil else { return nil }
            comma = index
        }
        guard let comma else { return nil }
        let family = trimmed(display, display.startIndex..<comma)
        let given = trimmed(display, (comma + 1)..<display.endIndex)
        guard hasWordByte(display, family), hasWordByte(display, given) else { return nil }
        return (family, given)
    }

    /// The company a record is named by when it has no given, family or display name (an
    /// account: "Acme"); nil otherwise.
    static func namingCompany<Bytes: Collection<UInt8>>(first: Bytes?, last: Bytes?, display: Bytes?, company: Bytes?) -> Bytes? {
        guard first?.isEmpty ?? true, last?.isEmpty ?? true, display?.isEmpty ?? true,
              let company, !company.isEmpty
        else { return nil }
        return company
    }

    /// The given name without the titles written in front of it (`NameTitles`: "Dr. John" →
    /// "John", "Prof. Dr. Anna Maria" → "Anna Maria"), as a range of `first`; nil when it
    /// starts with no title, or holds nothing else.
    ///
    /// Why: CRMs keep titles in the first-name field. "John Smith" found the record whose
    /// first name is "Dr. John" only when no John Smith was in the directory: with one, the
    /// whole-name match ended the search. Its whole names without the title sit with its
    /// others, a folded match (`wholeNameMatch`: not spelled as typed) below the exact one.
    static func untitledGiven(_ first: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = 0
        var afterTitle: Int? = nil
        while true {
            while start < first.count, first[start] == 32 || first[start] == 9 { start += 1 }
            var end = start
            while end < first.count, first[end] != 32, first[end] != 9 { end += 1 }
            guard end > start, end < first.count, NameTitles.isTitle(UnsafeBufferPointer(rebasing: first[start..<end])) else { break }
            start = end
            afterTitle = end
        }
        guard let afterTitle else { return nil }
        let rest = trimmed(first, afterTitle..<first.count)
        return hasWordByte(first, rest) ? rest : nil
    }

    private static func trimmed<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ range: Range<Int>) -> Range<Int>
    where Bytes.Index == Int {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, bytes[lower] == 32 || bytes[lower] == 9 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 32 || bytes[upper - 1] == 9 { upper -= 1 }
        return lower..<upper
    }

    /// Whether the range holds a letter or digit (any byte beyond ASCII counts).
    private static func hasWordByte<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ range: Range<Int>) -> Bool
    where Bytes.Index == Int {
        range.contains { index in
            let byte = bytes[index]
            return byte >= 0x80 || (byte | 0x20 >= 97 && byte | 0x20 <= 122) || (byte >= 48 && byte <= 57)
        }
    }
}
