extension FreeTextQuery {
    /// An email word without the punctuation pasted around it: opening brackets and quotes
    /// before it, and closing ones, commas, semicolons, colons, "!" and "?" after it
    /// ("(john.smith@example.com)", "john.smith@example.com,", "\"john.smith@example.com\"",
    /// "'…'", "[…]", "«…»", "“…”"). Nothing inside the word is touched ("o'brien@example.com"
    /// keeps its apostrophe), nor a trailing "." (an address typed up to a domain's dot is still
    /// its start), nor "<…>" and "mailto:", which the email look-up reads itself
    /// (`EmailNormalizer.writtenAddressRange`): "(<a@b.example>)" loses its round brackets only.
    ///
    /// Why: an address copied out of a sentence, a list or a quoted header came with them, and
    /// was no address and no start of one: "john.smith@example.com," found nothing.
    /// - Complexity: O(n) in the word; only words holding "@" come here.
    static func unwrappedAddress(_ word: Substring) -> Substring {
        var word = word
        while let first = word.unicodeScalars.first, openers.contains(first) {
            word = word.dropFirst()
        }
        while let last = word.unicodeScalars.last, closers.contains(last) {
            word = word.dropLast()
        }
        return word
    }

    /// What opens a wrapped address: brackets and quotes, ASCII and typographic.
    private static let openers: Set<Unicode.Scalar> = ["(", "[", "{", "\"", "'", "`", "«", "‹", "“", "‘", "„", "‚"]

    /// What closes a wrapped address or follows it in a sentence.
    private static let closers: Set<Unicode.Scalar> = [")", "]", "}", "\"", "'", "`", "»", "›", "”", "’", ",", ";", ":", "!", "?"]
}
