/// The words of a CSV header, for rules that must match whole words ("phone" in "Mobile Phone",
/// "MobilePhone" and "phone_2", never in "Phonetic First Name").
///
/// A header is cut at every character that is not a letter or digit, between a lower-case and
/// an upper-case letter ("MobilePhone"), and between letters and digits ("Phone2"); the words
/// are lower-cased.
enum ContactCSVHeaderWords {
    /// The lower-cased words of `header`.
    /// - Complexity: O(n) in the header's characters.
    static func words(_ header: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Unicode.Scalar? = nil
        func flush() {
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        for scalar in header.unicodeScalars {
            let properties = scalar.properties
            let isLetter = properties.isAlphabetic
            let isDigit = properties.numericType != nil
            guard isLetter || isDigit else {
                flush()
                previous = nil
                continue
            }
            if let previous {
                let previousIsDigit = previous.properties.numericType != nil
                let caseBreak = previous.properties.isLowercase && properties.isUppercase
                if caseBreak || previousIsDigit != isDigit { flush() }
            }
            current.unicodeScalars.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            previous = scalar
        }
        flush()
        return words
    }

    /// Whether a word names a telephone: "phone", "phones", "telephone", "mobile", "cell", "tel",
    /// or a compound ending in "phone" ("homephone", "cellphone"), also glued to "number", "num",
    /// "no" or "nr" ("phonenumber", "mobileno"). Words that merely begin with "phone"
    /// ("phonetic") do not.
    static func namesPhone(_ word: String) -> Bool {
        var stem = Substring(word)
        for suffix in ["number", "num", "nr", "no"] where stem.count > suffix.count && stem.hasSuffix(suffix) {
            stem = stem.dropLast(suffix.count)
            break
        }
        switch stem {
        case "phone", "phones", "telephone", "mobile", "cell", "tel": return true
        default: return stem.hasSuffix("phone")
        }
    }
}
