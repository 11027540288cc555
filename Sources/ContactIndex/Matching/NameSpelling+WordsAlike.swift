/// The words of a whole name spelled as typed, in a match that is not (`foldedName`).
///
/// Why: namesakes at collation strength differ in their accents, and the query's own accents
/// (or their absence) say which one the agent means. "eloisa suarez" is Eloisa Suárez before
/// Eloísa Suárez, "anh nguyen" Anh Nguyễn before Ánh Nguyễn: the one that spells more of the
/// typed words as typed. Before, all of them tied at the folded score and their ids decided.
extension NameSpelling {
    /// How many words of `key` (comparison bytes, `key(_:)`) the text `first`, a space and
    /// `second` spells the same, word for word in order, both read as `key` reads them (ASCII
    /// case aside, apostrophes dropped, other ASCII marks as spaces).
    static func wordsAlike<Bytes: Collection<UInt8>>(_ key: [UInt8], _ first: Bytes?, _ second: Bytes?) -> Int {
        // A value mutated through the closure, not variables a local function captures: those
        // were checked for exclusive access at run time on every byte (a thread-local look-up
        // each), most of the cost of a folded namesake's read.
        var count = WordsAlikeCount()
        key.withUnsafeBufferPointer { key in
            _ = normalize(first, separator: UInt8(ascii: " "), second) { byte in
                count.feed(byte, key)
                return true
            }
            count.endWord(key)
        }
        return count.alike
    }

    /// The running count of `wordsAlike`: the record's bytes are fed one at a time against the
    /// key's word at the same place.
    private struct WordsAlikeCount {
        var alike = 0
        /// Where the record's word being read stands in the key.
        var position = 0
        /// Whether the record's word has matched the key's so far.
        var same = true

        @inline(__always)
        mutating func feed(_ byte: UInt8, _ key: UnsafeBufferPointer<UInt8>) {
            if byte == UInt8(ascii: " ") {
                endWord(key)
            } else if same, position < key.count, key[position] == byte {
                position += 1
            } else {
                same = false
            }
        }

        /// Ends the record's word: it counts when the key's word ended at the same byte; the key
        /// moves on to its next word.
        @inline(__always)
        mutating func endWord(_ key: UnsafeBufferPointer<UInt8>) {
            let space = UInt8(ascii: " ")
            if same, position == key.count || key[position] == space { alike += 1 }
            while position < key.count, key[position] != space { position += 1 }
            if position < key.count { position += 1 }
            same = true
        }
    }

    /// The number of words of `key` (comparison bytes: single spaces between words).
    static func wordCount(ofKey key: [UInt8]) -> Int {
        key.isEmpty ? 0 : key.reduce(1) { $1 == UInt8(ascii: " ") ? $0 + 1 : $0 }
    }
}
