/// Turns a UTF-16 or UTF-32 byte stream into UTF-8, chunk by chunk, for files whose byte-order
/// mark says so (Excel's "Unicode text" and some Outlook exports are UTF-16LE).
///
/// Chunks may end inside a code unit or between the halves of a surrogate pair: those bytes
/// wait for the next chunk. Unpaired surrogates, code points above U+10FFFF and a truncated
/// last code unit become the byte 0xFF, which no UTF-8 holds: the loader's check of each cell
/// then reports them with their line and column (as invalid UTF-8, replaced by U+FFFD), as it
/// does the invalid bytes of a UTF-8 file; replaced here, they were lost without a word.
/// Memory: the output of one chunk, plus three bytes.
struct CSVUnicodeTranscoder: Sendable {
    /// The encoding form and byte order the byte-order mark announced.
    enum Form: String, Sendable {
        case utf16LittleEndian = "UTF-16LE"
        case utf16BigEndian = "UTF-16BE"
        case utf32LittleEndian = "UTF-32LE"
        case utf32BigEndian = "UTF-32BE"

        var unitSize: Int {
            switch self {
            case .utf16LittleEndian, .utf16BigEndian: 2
            case .utf32LittleEndian, .utf32BigEndian: 4
            }
        }

        var isLittleEndian: Bool { self == .utf16LittleEndian || self == .utf32LittleEndian }

        /// The form whose byte-order mark starts `bytes`, and the mark's length; nil for none
        /// (UTF-32LE is checked before UTF-16LE, whose mark it starts with).
        static func detect(_ bytes: some Collection<UInt8>) -> (form: Form, markLength: Int)? {
            if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return (.utf32LittleEndian, 4) }
            if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return (.utf32BigEndian, 4) }
            if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
            if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
            return nil
        }
    }

    let form: Form
    /// Bytes of an incomplete code unit from the previous chunk.
    private var carry: [UInt8] = []
    /// A high surrogate waiting for its low half.
    private var highSurrogate: UInt32?

    init(form: Form) {
        self.form = form
    }

    /// Appends the UTF-8 of `bytes` to `out`; with `isFinal`, also whatever was left waiting.
    /// - Complexity: O(n) in the bytes.
    mutating func transcode(_ bytes: some Collection<UInt8>, isFinal: Bool, into out: inout [UInt8]) {
        var units = carry
        units.append(contentsOf: bytes)
        let size = form.unitSize
        let whole = units.count - units.count % size
        out.reserveCapacity(out.count + whole / size * 3)
        var index = 0
        while index < whole {
            var value: UInt32 = 0
            for offset in 0..<size {
                let byte = UInt32(units[index + (form.isLittleEndian ? size - 1 - offset : offset)])
                value = value << 8 | byte
            }
            index += size
            if size == 2 { value = combiningSurrogates(value, out: &out) ?? 0xFFFF_FFFF }
            if value != 0xFFFF_FFFF { append(value, to: &out) }
        }
        carry = Array(units[whole...])
        if isFinal {
            if highSurrogate != nil { out.append(Self.invalidMark) }
            if !carry.isEmpty { out.append(Self.invalidMark) }
            highSurrogate = nil
            carry = []
        }
    }

    /// The code point of a UTF-16 unit, pairing surrogates; nil while a high surrogate waits.
    private mutating func combiningSurrogates(_ unit: UInt32, out: inout [UInt8]) -> UInt32? {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) { return 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00) }
            out.append(Self.invalidMark)  // the high surrogate had no low half
        }
        if (0xD800...0xDBFF).contains(unit) {
            highSurrogate = unit
            return nil
        }
        return unit
    }

    /// What stands for an invalid code unit in the output: a byte that is never UTF-8.
    static let invalidMark: UInt8 = 0xFF

    /// Appends the UTF-8 of a code point (`invalidMark` for a surrogate or a value above
    /// U+10FFFF).
    private func append(_ value: UInt32, to out: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(value) else {
            out.append(Self.invalidMark)
            return
        }
        out.append(contentsOf: UTF8.encode(scalar)!)
    }
}
