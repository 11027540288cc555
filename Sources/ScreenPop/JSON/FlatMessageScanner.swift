#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A strict scanner for the one message shape that is on the hot path:
/// `{"type": "<string>", "data": {"<key>": "<string>", …}}` with plain strings (no escapes).
///
/// It recognizes that shape or gives up (returns nil); it never reports errors. Whatever it
/// gives up on goes through `JSONDecoder`, which then gives the precise error, so the fast path
/// changes speed, never answers. It rejects duplicate keys, escapes, control characters, invalid
/// UTF-8, nested values in `data`, and anything after the closing brace but whitespace. It also
/// gives up on more than `maximumFields` members in `data` and on non-ASCII keys there (the
/// slow path takes those).
///
/// Performance: the scan makes no `String` and allocates nothing; it records where each string
/// is in the bytes. A `String` is made only for the values asked for (`string(_:)`), and ASCII
/// text is checked byte by byte in the same pass (only non-ASCII text goes through UTF-8
/// validation).
struct FlatMessageScanner {
    /// The most members of `data` the scanner keeps; a message with more takes the slow path.
    static let maximumFields = 8

    /// Where a string's contents are in the message (between its quotes).
    struct Span {
        private var first: UInt32
        private var past: UInt32
        var start: Int { Int(first) }
        var end: Int { Int(past) }
        var count: Int { Int(past &- first) }

        /// The bytes `start..<end` (`scan` takes messages under 4 GiB: offsets fit in 32 bits).
        init(start: Int, end: Int) {
            first = UInt32(truncatingIfNeeded: start)
            past = UInt32(truncatingIfNeeded: end)
        }
    }

    /// The recognized message: its type and the string members of `data`, as spans of `bytes`.
    struct Message {
        let bytes: [UInt8]
        var type: Span
        var fieldCount = 0
        var keys: InlineArray<8, Span>
        var values: InlineArray<8, Span>

        /// Whether the string at `span` is exactly `text`.
        func equals(_ span: Span, _ text: StaticString) -> Bool {
            guard span.count == text.utf8CodeUnitCount else { return false }
            return bytes.withUnsafeBufferPointer { buffer in
                FlatMessageScanner.same(buffer, span.start, text.utf8Start, span.count)
            }
        }

        /// Whether the type is exactly `text`.
        func typeIs(_ text: StaticString) -> Bool { equals(type, text) }

        /// The span of the value of member `key` of `data`, when present.
        func field(_ key: StaticString) -> Span? {
            for index in 0..<fieldCount where equals(keys[index], key) { return values[index] }
            return nil
        }

        /// Whether the text at `span` is not blank (`CommandRules.isBlank`: empty or only white
        /// space): usually decided by its first byte, an ASCII byte that is not white space.
        /// - Complexity: O(1) for such a text, else O(n).
        func isNotBlank(_ span: Span) -> Bool {
            guard span.count > 0 else { return false }
            if case 0x21..<0x80 = bytes[span.start] { return true }
            return !CommandRules.isBlank(string(span))
        }

        /// The text at `span` (already checked to be valid UTF-8).
        func string(_ span: Span) -> String {
            bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[span.start..<span.end]), as: UTF8.self) }
        }
    }

    /// Scans `bytes`.
    /// - Complexity: O(n), one pass, plus O(k²) byte comparisons of the k ≤ 8 keys of `data`.
    static func scan(_ bytes: [UInt8]) -> Message? {
        guard bytes.count < Int(UInt32.max) else { return nil }
        // Filled in place: the spans (128 bytes) are not copied from value to value.
        let empty = Span(start: 0, end: 0)
        var message = Message(bytes: bytes, type: empty, keys: .init(repeating: empty), values: .init(repeating: empty))
        let found = bytes.withUnsafeBufferPointer { buffer in
            var scanner = Cursor(buffer: buffer)
            return scanner.message(into: &message)
        }
        return found ? message : nil
    }

    /// Whether the `count` bytes of `buffer` from `start` are those at `expected`.
    @inline(__always)
    fileprivate static func same(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ expected: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard let base = buffer.baseAddress, start >= 0, count >= 0, start + count <= buffer.count else { return false }
        return memcmp(base + start, expected, count) == 0
    }

    private struct Cursor {
        let buffer: UnsafeBufferPointer<UInt8>
        var index = 0
        /// Whether the last string read was all ASCII.
        var lastWasASCII = true

        mutating func skipSpace() {
            while index < buffer.count {
                switch buffer[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func consume(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < buffer.count, buffer[index] == byte else { return false }
            index += 1
            return true
        }

        /// A plain string: no escapes, no control characters, valid UTF-8.
        /// Eight bytes at a time up to the first byte that is a quote, a backslash or a control
        /// character (`JSONEscaping.stops(in:)`), then byte by byte.
        mutating func string() -> Span? {
            guard consume(0x22) else { return nil }
            let start = index
            var high: UInt8 = 0
            let highs = JSONEscaping.highBits
            var highWords: UInt64 = 0
            if let base = buffer.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index + 8 <= buffer.count {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    // A string stops where JSON would escape: a quote, a backslash, a control byte.
                    let stops = JSONEscaping.stops(in: word)
                    if stops != 0 {
                        let passed = stops.trailingZeroBitCount / 8
                        // The high bits of the bytes before the stop (none when it is the first).
                        if passed > 0 { highWords |= word & (highs >> (8 * (8 - passed))) }
                        index += passed
                        break
                    }
                    highWords |= word
                    index += 8
                }
            }
            if highWords & highs != 0 { high = 0x80 }
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0x22 {
                    let span = Span(start: start, end: index)
                    index += 1
                    lastWasASCII = high < 0x80
                    if !lastWasASCII, String(validating: UnsafeBufferPointer(rebasing: buffer[span.start..<span.end]), as: UTF8.self) == nil { return nil }
                    return span
                }
                if byte == 0x5C || byte < 0x20 { return nil }
                high |= byte
                index += 1
            }
            return nil
        }

        func equals(_ span: Span, _ text: StaticString) -> Bool {
            span.count == text.utf8CodeUnitCount && FlatMessageScanner.same(buffer, span.start, text.utf8Start, span.count)
        }

        func equals(_ a: Span, _ b: Span) -> Bool {
            guard a.count == b.count, let base = buffer.baseAddress, b.end <= buffer.count else { return false }
            return FlatMessageScanner.same(buffer, a.start, base + b.start, a.count)
        }

        /// Reads the message into `message` (its type and `data`'s members); false when it is
        /// not of the shape.
        mutating func message(into message: inout Message) -> Bool {
            guard consume(0x7B) else { return false }
            var sawType = false
            var sawData = false
            repeat {
                guard let key = string(), consume(0x3A) else { return false }
                if equals(key, "type") {
                    guard !sawType, let value = string() else { return false }
                    message.type = value
                    sawType = true
                } else if equals(key, "data") {
                    guard !sawData, object(into: &message) else { return false }
                    sawData = true
                } else {
                    return false
                }
            } while consume(0x2C)
            guard consume(0x7D) else { return false }
            skipSpace()
            return index == buffer.count && sawType && sawData
        }

        /// Reads `data`'s members into `message`; false when it is not a flat object of strings.
        mutating func object(into message: inout Message) -> Bool {
            guard consume(0x7B) else { return false }
            message.fieldCount = 0
            if consume(0x7D) { return true }
            repeat {
                // Keys are compared byte by byte: a non-ASCII key (which `String` would compare
                // by canonical equivalence) takes the slow path.
                guard let key = string(), lastWasASCII, consume(0x3A), let value = string() else { return false }
                for index in 0..<message.fieldCount where equals(message.keys[index], key) { return false }
                guard message.fieldCount < FlatMessageScanner.maximumFields else { return false }
                message.keys[message.fieldCount] = key
                message.values[message.fieldCount] = value
                message.fieldCount += 1
            } while consume(0x2C)
            return consume(0x7D)
        }
    }
}
