#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Any JSON value, kept as decoded: the fields the
/// protocol leaves open (disposition trees, channel-upgrade information, `relateTo`).
///
/// Object keys keep their order of appearance when built by hand; decoded objects are stored
/// sorted by key (JSONDecoder does not expose the order), which is also how they encode.
public enum JSONValue: Sendable, Hashable, Codable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, as ordered key-value pairs.
    case object([(key: String, value: JSONValue)])

    /// The deepest a decoded value may lie in its document (`decoder.codingPath.count`): the
    /// open fields of real messages are a few levels deep. Without a bound, a 1 KB array
    /// nested 500 deep took a second to decode (every level first tried as an object, and
    /// the failure's coding path is as long as the depth), and a 61 KB message of such
    /// arrays, within the message size limit, 47 s of a server's CPU.
    public static let maximumDepth = 64

    /// Decodes any JSON value.
    /// - Throws: `DecodingError.dataCorrupted` for a value nested deeper than `maximumDepth`.
    public init(from decoder: any Decoder) throws {
        guard decoder.codingPath.count <= Self.maximumDepth else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "a value nested more than \(Self.maximumDepth) levels deep"))
        }
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            var pairs: [(key: String, value: JSONValue)] = []
            for key in keyed.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                pairs.append((key.stringValue, try keyed.decode(JSONValue.self, forKey: key)))
            }
            self = .object(pairs)
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !unkeyed.isAtEnd { items.append(try unkeyed.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Double.self) {
            self = .number(value)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    /// Encodes the value as it is.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let value):
            var single = encoder.singleValueContainer()
            try single.encode(value)
        case .number(let value):
            var single = encoder.singleValueContainer()
            try single.encode(value)
        case .string(let value):
            var single = encoder.singleValueContainer()
            try single.encode(value)
        case .array(let items):
            var unkeyed = encoder.unkeyedContainer()
            for item in items { try unkeyed.encode(item) }
        case .object(let pairs):
            var keyed = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in pairs { try keyed.encode(value, forKey: AnyKey(key)) }
        }
    }

    /// The member `key` of an object; nil for other values or a missing key.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first(where: { $0.key == key })?.value
    }

    /// The string, when the value is one.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Values are equal when they have the same kind and content; objects compare as key sets.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && a.allSatisfy { pair in b.contains { $0.key == pair.key && $0.value == pair.value } }
        default: false
        }
    }

    /// Hashes the value; objects hash independently of key order.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let items): hasher.combine(items)
        case .object(let pairs):
            hasher.combine(pairs.count)
            var combined = 0
            for pair in pairs {
                var inner = Hasher()
                inner.combine(pair.key)
                inner.combine(pair.value)
                combined ^= inner.finalize()
            }
            hasher.combine(combined)
        }
    }
}

/// A coding key made from any string.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
