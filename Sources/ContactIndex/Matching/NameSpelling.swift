/// Compares whole names "case aside" without ICU and without building strings: both sides are
/// read as bytes with letters lower-cased, apostrophes dropped and every run of other ASCII
/// (spaces, commas, hyphens, periods) read as one space, trimmed. A letter beyond ASCII is
/// lower-cased by the Unicode data of the standard library (`Unicode.Scalar.Properties`), so
/// "MÜLLER" typed for a stored "Müller" (or a CRM's "DURAND, ÉLODIE" for "élodie durand") is
/// an `exactName` match, as "SMITH" is for "Smith"; before, it was `foldedName`, tied with
/// "Muller". Both sides are NFC by the time they get here (`CanonicalComposition`: names are
/// composed when a contact is prepared and when a query is read), so a name stored decomposed
/// ("e" and a combining accent) compares as one typed composed. Other differences beyond ASCII
/// stay differences.
enum NameSpelling {
    /// The comparison bytes of a text.
    static func key(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        _ = normalize(text.utf8, separator: nil, nil as String.UTF8View?) { byte in
            out.append(byte)
            return true
        }
        return out
    }

    /// Whether `first`, a space and `second` (either may be nil or empty) read as `key`.
    static func equals(_ key: [UInt8], _ first: String?, _ second: String?) -> Bool {
        equals(key, first?.utf8, second?.utf8)
    }

    /// Whether the bytes `first`, a space and `second` (either may be nil or empty) read as
    /// `key` (record fields, without building strings).
    static func equals<Bytes: Collection<UInt8>>(_ key: [UInt8], _ first: Bytes?, _ second: Bytes?) -> Bool {
        reads(key, first, separator: UInt8(ascii: " "), second)
    }

    /// Whether the bytes `first` then `second`, with nothing between them, read as `key`: a name
    /// in a script written without spaces, family name first ("김" and "민수" as "김민수").
    static func equalsJoined<Bytes: Collection<UInt8>>(_ key: [UInt8], _ first: Bytes?, _ second: Bytes?) -> Bool {
        guard let first, let second, !first.isEmpty, !second.isEmpty else { return false }
        return reads(key, first, separator: nil, second)
    }

    /// Whether `first`, `separator` (when `second` is not empty) and `second` read as `key`.
    private static func reads<Bytes: Collection<UInt8>>(_ key: [UInt8], _ first: Bytes?, separator: UInt8?, _ second: Bytes?) -> Bool {
        key.withUnsafeBufferPointer { key in
            var position = 0
            let matched = normalize(first, separator: separator, second) { byte in
                guard position < key.count, key[position] == byte else { return false }
                position += 1
                return true
            }
            return matched && position == key.count
        }
    }

    /// Normalizes `first`, `separator` (when `second` is not empty) and `second` as one text,
    /// handing each comparison byte to `emit` as it comes.
    /// - Returns: false as soon as `emit` does.
    @inline(__always)
    static func normalize<Bytes: Collection<UInt8>>(
        _ first: Bytes?, separator: UInt8?, _ second: Bytes?, _ emit: (UInt8) -> Bool
    ) -> Bool {
        var normalization = Normalization()
        if let first { for byte in first where !normalization.feed(byte, emit) { return false } }
        if let second, !second.isEmpty {
            if let separator, !normalization.feed(separator, emit) { return false }
            for byte in second where !normalization.feed(byte, emit) { return false }
        }
        return normalization.finish(emit)
    }

    /// Punctuation beyond ASCII that names are written with where agents type ASCII.
    enum TypographicPunctuation {
        /// ’ ‘ ʼ ′: dropped, as "'" is.
        case apostrophe
        /// ‐ ‑ ‒ – — ―: a space, as "-" is.
        case dash
    }

    /// The kind of a scalar that is typographic punctuation, else nil.
    @inline(__always)
    static func typographicPunctuation(_ value: UInt32) -> TypographicPunctuation? {
        switch value {
        case 0x2018, 0x2019, 0x02BC, 0x2032: .apostrophe
        case 0x2010...0x2015: .dash
        default: nil
        }
    }

    @inline(__always)
    private static func classify(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 65...90: byte + 32
        case 97...122, 48...57, 0x80...: byte
        default: nil
        }
    }

    /// The normalization of a text, one raw byte at a time (what `key`, the comparisons and the
    /// spelling bits share).
    private struct Normalization {
        private var started = false
        private var pendingSpace = false
        /// The bytes of a multi-byte UTF-8 sequence read so far (first in the low byte), and
        /// how many it has and needs.
        private var sequence: UInt32 = 0
        private var sequenceCount = 0
        private var sequenceLength = 0

        /// Feeds one raw byte: `emit` gets the comparison bytes it stands for (none, one, or a
        /// space and one; a letter beyond ASCII once its sequence is whole, lower-cased).
        /// - Returns: false as soon as `emit` does.
        @inline(__always)
        mutating func feed(_ byte: UInt8, _ emit: (UInt8) -> Bool) -> Bool {
            if sequenceLength > 0 {
                if byte & 0xC0 == 0x80 {
                    sequence |= UInt32(byte) << (8 * UInt32(sequenceCount))
                    sequenceCount += 1
                    return sequenceCount < sequenceLength || emitSequence(emit)
                }
                // Cut short: its bytes compare as they are.
                guard flushSequence(emit) else { return false }
            }
            if byte >= 0x80 {
                let length = byte >= 0xF0 ? 4 : (byte >= 0xE0 ? 3 : (byte >= 0xC0 ? 2 : 1))
                if length > 1 {
                    sequence = UInt32(byte)
                    sequenceCount = 1
                    sequenceLength = length
                    return true
                }
                return emitKept(byte, emit)
            }
            if byte == UInt8(ascii: "'") { return true }
            guard let kept = NameSpelling.classify(byte) else {
                pendingSpace = true
                return true
            }
            return emitKept(kept, emit)
        }

        /// Ends the text: a sequence cut short at its end compares as its bytes.
        mutating func finish(_ emit: (UInt8) -> Bool) -> Bool {
            sequenceLength == 0 || flushSequence(emit)
        }

        /// Hands `emit` a kept byte, after the space a run of other bytes before it stands for.
        @inline(__always)
        private mutating func emitKept(_ kept: UInt8, _ emit: (UInt8) -> Bool) -> Bool {
            if pendingSpace, started, !emit(32) { return false }
            pendingSpace = false
            started = true
            return emit(kept)
        }

        /// Hands `emit` the whole sequence read, as the UTF-8 of its scalar lower-cased when it
        /// changes so, else as it is.
        private mutating func emitSequence(_ emit: (UInt8) -> Bool) -> Bool {
            sequenceLength = 0
            let packed = sequence, count = sequenceCount
            // The lead byte's payload bits, then 6 bits of each continuation byte; an overlong
            // or out-of-range value is no scalar, or one outside its length's range, and
            // compares as its bytes.
            var value = packed & (count == 2 ? 0x1F : (count == 3 ? 0x0F : 0x07))
            for index in 1..<count { value = value << 6 | (packed >> (8 * UInt32(index))) & 0x3F }
            let lowest: UInt32 = count == 2 ? 0x80 : (count == 3 ? 0x800 : 0x10000)
            // Typographic apostrophes and dashes read as the ASCII ones typed for them: a name
            // exported from a word processor ("O’Brien", "Smith–Jones") is spelled as typed.
            if value >= lowest, let kind = NameSpelling.typographicPunctuation(value) {
                if kind == .dash { pendingSpace = true }
                return true
            }
            guard value >= lowest, ScalarFacts.changesWhenLowercased(value), let scalar = Unicode.Scalar(value) else {
                return flush(packed, count: count, emit)
            }
            if let lower = ScalarFacts.twoByteLowercase(value) {
                return emitKept(UInt8(0xC0 | lower >> 6), emit) && emitKept(UInt8(0x80 | lower & 0x3F), emit)
            }
            for byte in scalar.properties.lowercaseMapping.utf8 where !emitKept(byte, emit) { return false }
            return true
        }

        /// Hands `emit` the bytes of the sequence read so far as they are.
        private mutating func flushSequence(_ emit: (UInt8) -> Bool) -> Bool {
            sequenceLength = 0
            return flush(sequence, count: sequenceCount, emit)
        }

        private mutating func flush(_ packed: UInt32, count: Int, _ emit: (UInt8) -> Bool) -> Bool {
            for index in 0..<count where !emitKept(UInt8(truncatingIfNeeded: packed >> (8 * UInt32(index))), emit) { return false }
            return true
        }
    }
}

// MARK: Spelling bits

extension NameSpelling {
    /// A 16-bit set of the spellings a contact's name reads as, one bit each
    /// (`bits(first:last:display:)`), kept with its whole-name collation keys
    /// (`CollationKeyIndex.Entry.spellings`).
    ///
    /// Why: a name's namesakes at collation strength are all found by one key, but only those
    /// spelled as the query are exact matches (`exactName`), the others folded ("ha nguyen" for
    /// "Hà Nguyễn"). Telling them apart read each namesake's record, a cache miss each, and a
    /// name with hundreds of folded namesakes and no exact one read them all (30 µs at a million
    /// contacts). A namesake whose bits lack the query's bit is certainly not spelled as the
    /// query: it is offered as folded without its record. One with the bit is read, as before
    /// (about one in six of the others, where the contact's few spellings set other bits).
    typealias Bits = UInt16

    /// The bit of a spelling given as comparison bytes (`key`).
    static func bit(ofKey key: [UInt8]) -> Bits {
        var hash = SpellingHash()
        for byte in key { hash.add(byte) }
        return hash.bit
    }

    /// The bits of every spelling the exact-name comparison of `ContactDirectory` tries on a
    /// record: the display name (and its parts swapped when it is written "Family, Given"), the
    /// company of a record named by nothing else (`WholeNameSources`), given then family name,
    /// family then given, and family then given with nothing between them.
    static func bits<Bytes: RandomAccessCollection<UInt8>>(first: Bytes?, last: Bytes?, display: Bytes?, company: Bytes? = nil) -> Bits
    where Bytes.Index == Int {
        // A missing name reads as empty, as in `reads`.
        var bits = bit(display, separator: nil, nil as Bytes?)
        if let display, let parts = WholeNameSources.commaParts(of: display) {
            bits |= bit(display[parts.given], separator: UInt8(ascii: " "), display[parts.family])
        }
        if let named = WholeNameSources.namingCompany(first: first, last: last, display: display, company: company) {
            bits |= bit(named, separator: nil, nil as Bytes?)
        }
        bits |= bit(first, separator: UInt8(ascii: " "), last)
        bits |= bit(last, separator: UInt8(ascii: " "), first)
        if let first, let last, !first.isEmpty, !last.isEmpty { bits |= bit(last, separator: nil, first) }
        return bits
    }

    /// The bit of what `reads` compares: `first`, `separator` (when `second` is not empty)
    /// and `second`, normalized as `key` does.
    private static func bit<Bytes: Collection<UInt8>>(_ first: Bytes?, separator: UInt8?, _ second: Bytes?) -> Bits {
        var hash = SpellingHash()
        _ = normalize(first, separator: separator, second) { byte in
            hash.add(byte)
            return true
        }
        return hash.bit
    }

    /// FNV-1a over comparison bytes, reduced to one of 16 bits.
    private struct SpellingHash {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325

        mutating func add(_ byte: UInt8) {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }

        var bit: Bits { 1 << Bits((value &* 0x9E37_79B9_7F4A_7C15) >> 60) }
    }
}
