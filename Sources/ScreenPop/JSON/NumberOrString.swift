/// The JSON kinds a loose scalar (`Timestamp`, `NumberOrText`) accepts: a number or a string,
/// read and written once here for both. Its name is the type of their `DecodingError.typeMismatch`,
/// so that the error says "must be a number or a string" rather than only one of the two.
enum NumberOrString {
    case number(Double)
    case text(String)

    /// Decodes a number or a string; anything else is a type mismatch (`mismatch(in:)`).
    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let number = try? single.decode(Double.self) {
            self = .number(number)
        } else if let text = try? single.decode(String.self) {
            self = .text(text)
        } else {
            throw Self.mismatch(in: single)
        }
    }

    /// Encodes the value as given (whole numbers without a fraction).
    func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        switch self {
        case .number(let value):
            if value.rounded() == value, abs(value) < 9e15 { try single.encode(Int64(value)) } else { try single.encode(value) }
        case .text(let value): try single.encode(value)
        }
    }

    /// The mismatch for a value of another kind (a Boolean, an object, an array, or a number
    /// beyond `Double`) at `container`'s path.
    static func mismatch(in container: any SingleValueDecodingContainer) -> DecodingError {
        DecodingError.typeMismatch(
            NumberOrString.self, DecodingError.Context(codingPath: container.codingPath, debugDescription: "expected a number or a string"))
    }
}
