extension FreeTextQuery {
    /// `text` with the decimal digits of every script read as ASCII digits ("٦٥٠" and "۶۵۰",
    /// Arabic-Indic and Persian, "６５０", full-width, "६५०", Devanagari: "650"), and the
    /// full-width forms of ASCII (U+FF01–U+FF5E: "ｊｏｈｎ．ｓｍｉｔｈ＠ｅｘａｍｐｌｅ．ｃｏｍ")
    /// as the ASCII characters they are (what NFKC makes of that block); ASCII text as it is.
    ///
    /// Why: a search box fed by an Arabic or Persian keyboard, or by a Japanese or Chinese input
    /// method left in full-width mode, sends these. They were no digits and no "@" to the
    /// reading of the query, so a number was searched as a name ("６５０５５５１２３４" found
    /// nothing, "6505551234" its contact) and a full-width address as a partial name.
    /// libphonenumber reads such digits, and the caller-id look-up (`lookup(phone:)`) found the
    /// number already. Read before the query's kind is told, so that every part of a query is
    /// read the same way.
    ///
    /// Only these two mappings, not NFKC as a whole: NFKC also rewrites letters of names
    /// (ligatures, half-width katakana, "ǅ"), which the name search folds its own way.
    /// - Complexity: O(n); one check of the UTF-8 bytes for ASCII text, which is returned as it
    ///   is (no copy): a plain name or number pays nothing more. Other text is copied only when
    ///   it holds such a character ("Müller" is checked scalar by scalar, and returned as it is).
    static func asciiForms(of text: String) -> String {
        // Every decimal digit beyond ASCII is at U+0660 or above, and so is the full-width
        // block: their UTF-8 lead bytes are 0xD9 or more. Latin, Greek, Cyrillic and Hebrew
        // names ("Müller", "Иванов") leave here without a Unicode property look-up.
        guard text.utf8.contains(where: { $0 >= 0xD9 }), text.unicodeScalars.contains(where: { asciiForm(of: $0) != nil }) else {
            return text
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(asciiForm(of: scalar) ?? scalar) }
        return String(scalars)
    }

    /// The ASCII character a non-ASCII scalar stands for here (a decimal digit of any script, or
    /// a full-width form of ASCII), or nil.
    private static func asciiForm(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        guard value >= 0x660 else { return nil }
        // The full-width block mirrors ASCII from "!" to "~", 0xFEE0 above it.
        if (0xFF01...0xFF5E).contains(value) { return Unicode.Scalar(value - 0xFEE0) }
        // Numeric_Type=Decimal is exactly the decimal digits (Nd) of every script, each with
        // its value 0–9 (read from ICU's trie: `ICUCharacterProperties`).
        guard let digit = ICUCharacterProperties.decimalDigitValue(scalar) else { return nil }
        return Unicode.Scalar(UInt8(48 + digit))
    }
}
