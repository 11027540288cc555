extension PhoneQueryText {
    /// The words that mark an extension written after a number, lower-cased, longest first.
    private static let extensionMarkers = ["extension", "extn", "ext", "x", "#"]

    /// A number written with its extension after it ("0044 20 7946 0958 ext. 12", "… x12",
    /// "… #12"): the number part (digits and punctuation alone) and the extension's digits (1 to
    /// 7 of them); nil when `text` is no such pair.
    /// - Complexity: O(n).
    static func splittingExtension(_ text: String) -> (number: Substring, digits: Substring)? {
        // Numbers without letters or "#" leave at once (most stored numbers).
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "#") || ($0 | 0x20) == UInt8(ascii: "x") }) else { return nil }
        let lowered = text.lowercased()
        guard lowered.utf8.count == text.utf8.count else { return nil }
        for marker in extensionMarkers {
            guard let range = lowered.range(of: marker, options: .backwards) else { continue }
            var digits = Substring(lowered[range.upperBound...])
            while let first = digits.first, first == "." || first == ":" || first == " " { digits.removeFirst() }
            let number = Substring(lowered[..<range.lowerBound])
            guard (1...7).contains(digits.utf8.count), digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  Self.digits(of: number) != nil
            else { continue }
            // `lowered` has `text`'s byte offsets (ASCII letters and digits only were changed).
            let numberEnd = text.utf8.index(text.utf8.startIndex, offsetBy: number.utf8.count)
            let digitsStart = text.utf8.index(text.utf8.startIndex, offsetBy: lowered.utf8.count - digits.utf8.count)
            return (text[..<numberEnd], text[digitsStart...])
        }
        return nil
    }
}
