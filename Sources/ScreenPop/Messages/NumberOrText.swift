/// A scalar the document leaves loose (a duration, a code): a number or a string, kept as given.
public enum NumberOrText: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A number.
    case number(Double)
    /// A string.
    case text(String)

    /// Decodes a number or a string (`NumberOrString`); anything else is a type mismatch.
    public init(from decoder: any Decoder) throws {
        switch try NumberOrString(from: decoder) {
        case .number(let value): self = .number(value)
        case .text(let value): self = .text(value)
        }
    }

    /// Encodes the value as given (whole numbers without a fraction).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .number(let value): try NumberOrString.number(value).encode(to: encoder)
        case .text(let value): try NumberOrString.text(value).encode(to: encoder)
        }
    }

    /// The value as text.
    public var description: String {
        switch self {
        case .number(let value): value.rounded() == value && abs(value) < 9e15 ? String(Int64(value)) : String(value)
        case .text(let value): value
        }
    }

    /// The value as a number of seconds, when it is a number, digits, or "h:mm:ss" / "mm:ss".
    public var seconds: Double? {
        switch self {
        case .number(let value): return value.isFinite ? value : nil
        case .text(let text):
            if let value = Double(text) { return value }
            let parts = text.split(separator: ":")
            guard (2...3).contains(parts.count) else { return nil }
            var total = 0.0
            for part in parts {
                guard let value = Double(part) else { return nil }
                total = total * 60 + value
            }
            return total
        }
    }
}
