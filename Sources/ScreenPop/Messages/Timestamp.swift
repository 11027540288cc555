#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A time as the softphone sends it: a number (epoch milliseconds in practice) or a string
/// (a date text or digits). It is kept as given and encodes back the same way.
public enum Timestamp: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A numeric time.
    case number(Double)
    /// A textual time.
    case text(String)

    /// Decodes a number or a string (`NumberOrString`); anything else is a type mismatch.
    public init(from decoder: any Decoder) throws {
        switch try NumberOrString(from: decoder) {
        case .number(let value): self = .number(value)
        case .text(let value): self = .text(value)
        }
    }

    /// Encodes the time as it was given.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .number(let value): try NumberOrString.number(value).encode(to: encoder)
        case .text(let value): try NumberOrString.text(value).encode(to: encoder)
        }
    }

    /// The time as a date, when it can be read: numbers above 10^11 are epoch milliseconds,
    /// smaller ones epoch seconds; strings are read as such numbers or as ISO 8601.
    public var date: Date? {
        switch self {
        case .number(let value): return Self.date(epoch: value)
        case .text(let text):
            if let value = Double(text.trimmingCharacters(in: .whitespaces)) { return Self.date(epoch: value) }
            return try? Date(text, strategy: .iso8601)
        }
    }

    private static func date(epoch value: Double) -> Date? {
        guard value.isFinite, value >= 0 else { return nil }
        return Date(timeIntervalSince1970: value > 1e11 ? value / 1000 : value)
    }

    /// The time as it was given.
    public var description: String {
        switch self {
        case .number(let value): value.rounded() == value && abs(value) < 9e15 ? String(Int64(value)) : String(value)
        case .text(let value): value
        }
    }
}
