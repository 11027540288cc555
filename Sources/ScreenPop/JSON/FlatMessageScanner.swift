/// A strict scanner for the one message shape that is on the hot path:
/// `{"type": "<string>", "data": {"<key>": "<string>", …}}` with plain strings (no escapes).
///
/// It recognizes that shape or gives up (returns nil); it never reports errors. Whatever it
/// gives up on goes through `JSONDecoder`, which then gives the precise error, so the fast path
/// changes speed, never answers. It rejects duplicate keys, escapes, control characters, invalid
/// UTF-8, nested values in `data`, and anything after the closing brace but whitespace.
struct FlatMessageScanner {
    /// The recognized message: its type and the string members of `data`.
    struct Message {
        var type: String
        var fields: [(key: String, value: String)]

        func field(_ key: String) -> String? {
            fields.first(where: { $0.key == key })?.value
        }
    }

    /// Scans `bytes`.
    /// - Complexity: O(n), one pass.
    static func scan(_ bytes: [UInt8]) -> Message? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Cursor(buffer: buffer)
            return scanner.message()
        }
    }

    private struct Cursor {
        let buffer: UnsafeBufferPointer<UInt8>
        var index = 0

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
        mutating func string() -> String? {
            guard consume(0x22) else { return nil }
            let start = index
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0x22 {
                    let text = String(validating: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == 0x5C || byte < 0x20 { return nil }
                index += 1
            }
            return nil
        }

        mutating func message() -> Message? {
            guard consume(0x7B) else { return nil }
            var type: String?
            var fields: [(key: String, value: String)]?
            repeat {
                guard let key = string(), consume(0x3A) else { return nil }
                switch key {
                case "type":
                    guard type == nil, let value = string() else { return nil }
                    type = value
                case "data":
                    guard fields == nil, let value = object() else { return nil }
                    fields = value
                default:
                    return nil
                }
            } while consume(0x2C)
            guard consume(0x7D) else { return nil }
            skipSpace()
            guard index == buffer.count, let type, let fields else { return nil }
            return Message(type: type, fields: fields)
        }

        mutating func object() -> [(key: String, value: String)]? {
            guard consume(0x7B) else { return nil }
            var fields: [(key: String, value: String)] = []
            if consume(0x7D) { return fields }
            repeat {
                guard let key = string(), consume(0x3A), let value = string() else { return nil }
                guard !fields.contains(where: { $0.key == key }) else { return nil }
                fields.append((key, value))
            } while consume(0x2C)
            guard consume(0x7D) else { return nil }
            return fields
        }
    }
}
