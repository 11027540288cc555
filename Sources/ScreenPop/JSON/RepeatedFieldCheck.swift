#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds a field a message repeats: a member of the message (`type`, `data`…) or of its `data`
/// object written twice, like `{"type":"a","type":"b"}`.
///
/// JSON leaves repeated names undefined: `JSONDecoder` keeps the first, a browser's `JSON.parse`
/// the last, so the page and the engine would read two different messages. The engine refuses
/// them instead (`invalid-input` naming the field; `malformed` for a repeated `type`), whichever path reads the message: the flat
/// scanner already gives up on a repeated key, and the decoders call this first.
///
/// Names are compared after unescaping (`"\u0074ype"` is `type`). Members nested deeper than
/// `data`'s are not checked. Text that is not JSON is left to the decoder (nil).
enum RepeatedFieldCheck {
    /// The path of the first repeated field ("type", "data.id"), or nil.
    /// - Complexity: O(n) in the message's bytes.
    static func firstRepeatedField(in json: [UInt8]) -> String? {
        json.withUnsafeBufferPointer { buffer in
            var walker = Walker(bytes: buffer)
            return walker.message()
        }
    }

    private struct Walker {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
        }

        /// The message's repeated field, reading its members and `data`'s.
        mutating func message() -> String? {
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x7B else { return nil }
            var seen: Set<String> = []
            var found: String?
            _ = members { key, walker in
                if found == nil, !seen.insert(key).inserted { found = key }
                if key == "data", found == nil {
                    walker.skipSpace()
                    if walker.index < walker.bytes.count, walker.bytes[walker.index] == 0x7B {
                        var dataSeen: Set<String> = []
                        _ = walker.members { member, inner in
                            if found == nil, !dataSeen.insert(member).inserted { found = "data.\(member)" }
                            return inner.skipValue()
                        }
                        return true
                    }
                }
                return walker.skipValue()
            }
            return found
        }

        /// Reads an object at `index`, calling `body` with each name and the walker at its value
        /// (which `body` must consume); false when it is not a well-formed object.
        mutating func members(_ body: (String, inout Walker) -> Bool) -> Bool {
            guard index < bytes.count, bytes[index] == 0x7B else { return false }
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == 0x7D {
                index += 1
                return true
            }
            while true {
                skipSpace()
                guard let key = string() else { return false }
                skipSpace()
                guard index < bytes.count, bytes[index] == 0x3A else { return false }
                index += 1
                guard body(key, &self) else { return false }
                skipSpace()
                guard index < bytes.count else { return false }
                if bytes[index] == 0x2C {
                    index += 1
                    continue
                }
                guard bytes[index] == 0x7D else { return false }
                index += 1
                return true
            }
        }

        /// A string at `index`, unescaped; nil when it is not one.
        mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == 0x22 else { return nil }
            let start = index
            var escaped = false
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == 0x5C {
                    escaped = true
                    index += 1
                } else if byte == 0x22 {
                    let raw = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(index - 1)])
                    guard escaped else { return String(decoding: raw, as: UTF8.self) }
                    return try? JSONDecoder().decode(String.self, from: Data(bytes[start..<index]))
                }
            }
            return nil
        }

        /// Skips one value of any kind; false when the text ends first.
        mutating func skipValue() -> Bool {
            skipSpace()
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case 0x22:
                return string() != nil
            case 0x7B, 0x5B:
                var depth = 0
                while index < bytes.count {
                    switch bytes[index] {
                    case 0x22:
                        guard string() != nil else { return false }
                        continue
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D:
                        depth -= 1
                        if depth == 0 {
                            index += 1
                            return true
                        }
                    default: break
                    }
                    index += 1
                }
                return false
            default:
                while index < bytes.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
                return true
            }
        }
    }
}

extension ScreenPopError {
    /// The error for a field a message repeats (`RepeatedFieldCheck`): `invalid-input` naming
    /// it, or `malformed` for `type` (a message with two types has none we can name).
    static func repeatedField(_ field: String, messageType: String?) -> ScreenPopError {
        guard field != "type" else { return ScreenPopError(code: .malformed, message: "type appears more than once; a message has one type") }
        return ScreenPopError(
            code: .invalidInput, field: field, messageType: messageType,
            message: "\(field) appears more than once; a message names each field once (readers disagree on which copy counts)")
    }
}
