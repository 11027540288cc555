/// Titles and generational suffixes that agents type around a name ("Mr William Thompson",
/// "Dr. Thompson", "William Thompson Jr") and that CRMs keep apart from it (Salesforce's
/// `Salutation`, HubSpot's `Salutation`), so that a stored name rarely has them.
///
/// A name query that is no whole name as typed is looked for as a whole name without them, as
/// long as another word is left: "Mr William Thompson" is then the whole name William Thompson,
/// where the title, which no token of his name matched, had made him a partial match. The token
/// search keeps them: a title's letters may be a name's own, read from another script
/// ("mr alnjar" is عمر النجار in Latin letters).
enum NameTitles {
    /// The titles and suffixes, lower-case, without their dot.
    static let all = ["mr", "mrs", "ms", "mx", "miss", "dr", "prof", "sir", "jr", "sr", "esq", "phd"]

    /// Each of `all` packed as `key(of:)` packs a word: a name query compares a word with them
    /// on its hot path, without making a string.
    static let keys: [UInt32] = all.map { title in Array(title.utf8).withUnsafeBufferPointer { key(of: $0) } ?? 0 }

    /// The letters of a word of 2 to 4 ASCII letters, lower-cased, one byte each; nil for any
    /// other word.
    static func key(of word: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard (2...4).contains(word.count) else { return nil }
        var key: UInt32 = 0
        for byte in word {
            let lower = byte | 0x20
            guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { return nil }
            key = key << 8 | UInt32(lower)
        }
        return key
    }

    /// `text` without its words that are titles (any case, with or without a trailing dot or
    /// comma), or nil when it has none, or nothing but them. Words are cut at ASCII white space.
    /// - Complexity: O(n); no allocation when no word is a title.
    static func stripping(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            var titles: [Range<Int>] = []
            var others = false
            var start = -1
            for offset in 0...bytes.count {
                let separates = offset == bytes.count || bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "\t")
                    || bytes[offset] == UInt8(ascii: "\n") || bytes[offset] == UInt8(ascii: "\r")
                if !separates {
                    if start < 0 { start = offset }
                    continue
                }
                guard start >= 0 else { continue }
                if isTitle(UnsafeBufferPointer(rebasing: bytes[start..<offset])) { titles.append(start..<offset) } else { others = true }
                start = -1
            }
            guard !titles.isEmpty, others else { return nil }
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var from = 0
            for title in titles {
                kept += bytes[from..<title.lowerBound]
                from = title.upperBound
            }
            kept += bytes[from...]
            return String(Substring(String(decoding: kept, as: UTF8.self)).trimmingWhitespace())
        }
    }

    /// Whether a word (no white space in it) is a title, with its dot or comma.
    static func isTitle(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = word.count
        while end > 0, word[end - 1] == UInt8(ascii: ".") || word[end - 1] == UInt8(ascii: ",") { end -= 1 }
        guard let key = key(of: UnsafeBufferPointer(rebasing: word[..<end])) else { return false }
        return keys.contains(key)
    }
}
