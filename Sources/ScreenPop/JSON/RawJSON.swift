#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A JSON text exactly as it was received: the bytes, never re-serialized, so key order,
/// number spelling and large integers (`12345678901234567890`) survive. The payload of message
/// types the engine does not know.
///
/// `ScreenPopEngine.decode(json:)` and `handle(json:)` keep the received bytes. A message
/// decoded by a bare `JSONDecoder` that does not set `CodingUserInfoKey.rawJSON` cannot reach
/// its input; its `RawJSON` is then the decoded value written back by `JSONEncoder` (keys
/// sorted, numbers as doubles), and `isVerbatim` is false.
public struct RawJSON: Sendable, Hashable, CustomStringConvertible {
    /// The UTF-8 bytes.
    public let bytes: [UInt8]
    /// Whether `bytes` are the input itself (false when they were written back from a value).
    public let isVerbatim: Bool

    /// Wraps received bytes.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.isVerbatim = true
    }

    /// Wraps a received text.
    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    private init(rewritten bytes: [UInt8]) {
        self.bytes = bytes
        self.isVerbatim = false
    }

    /// The text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The text.
    public var description: String { text }

    /// The parsed value (numbers become doubles).
    /// - Throws: `ScreenPopError` `.malformed` when the bytes are not JSON.
    public func value() throws(ScreenPopError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw ScreenPopError(code: .malformed, message: "not valid JSON: \(error)")
        }
    }

    /// Two raw texts are equal when their bytes are.
    public static func == (lhs: RawJSON, rhs: RawJSON) -> Bool { lhs.bytes == rhs.bytes }

    /// Hashes the bytes.
    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }

    /// The raw text of the value `decoder` is at: the input given in `userInfo[.rawJSON]` when
    /// there is one, else the value decoded and written back.
    static func reading(_ decoder: any Decoder) throws -> RawJSON {
        if let raw = decoder.userInfo[.rawJSON] as? RawJSON, decoder.codingPath.isEmpty { return raw }
        let value = try JSONValue(from: decoder)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return RawJSON(rewritten: Array(try encoder.encode(value)))
    }

    /// Encodes the text's value (an `Encoder` cannot take raw text; `ScreenPopEngine.encode`
    /// writes the bytes themselves).
    func encode(to encoder: any Encoder) throws {
        try (try value()).encode(to: encoder)
    }
}

extension CodingUserInfoKey {
    /// The input bytes (`RawJSON`) of a top-level message, so that `.unknown` keeps them.
    public static let rawJSON = CodingUserInfoKey(rawValue: "ScreenPop.rawJSON")!
}
