#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Decoding that tolerates what the Smart Embed document leaves loose: ids written as numbers
/// (`id: ID_NUMBER`, `queueId`) are read as their decimal text.
extension KeyedDecodingContainer {
    /// A string, or a number turned into its decimal text; throws `keyNotFound` or
    /// `valueNotFound` when it is missing or null, and `typeMismatch` for `NumberOrString`
    /// ("must be a number or a string") for anything else.
    func decodeLoose(_ type: String.Type, forKey key: Key) throws -> String {
        if let text = try? decode(String.self, forKey: key) { return text }
        if let integer = try? decode(Int64.self, forKey: key) { return String(integer) }
        if let number = try? decode(Double.self, forKey: key), number.isFinite { return String(number) }
        guard contains(key), !(try decodeNil(forKey: key)) else {
            _ = try decode(String.self, forKey: key)  // throws the precise error (missing key, null)
            return ""
        }
        throw DecodingError.typeMismatch(
            NumberOrString.self, DecodingError.Context(codingPath: codingPath + [key], debugDescription: "expected a string or a number"))
    }

    /// Like `decodeLoose(_:forKey:)`, nil when the key is absent or null.
    func decodeLooseIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard contains(key), !(try decodeNil(forKey: key)) else { return nil }
        return try decodeLoose(String.self, forKey: key)
    }

    /// A Boolean, also accepted as the strings "true" / "false".
    func decodeLooseIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard contains(key), !(try decodeNil(forKey: key)) else { return nil }
        if let text = try? decode(String.self, forKey: key) {
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        return try decode(Bool.self, forKey: key)
    }
}
