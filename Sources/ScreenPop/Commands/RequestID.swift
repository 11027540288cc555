#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The `requestId` of a host command: "a unique, 128-bit UUID for tracking", such as
/// `9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c`.
///
/// A builder that is given none makes a random one (`RequestID()`). The text is read in either
/// case and always written in lower case, so `9B7F…` and `9b7f…` are the same request; a text
/// that is not five groups of 8-4-4-4-12 hexadecimal digits is refused.
public struct RequestID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 128 bits.
    public let uuid: UUID

    /// A new random identifier (UUID version 4).
    public init() { uuid = UUID() }

    /// The identifier with these bits.
    public init(_ uuid: UUID) { self.uuid = uuid }

    /// Reads an identifier, nil when `text` is not a UUID.
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.uuid = uuid
    }

    /// Reads an identifier given to a command.
    /// - Parameters:
    ///   - text: the UUID's text.
    ///   - messageType: the command's `type`, for the error.
    /// - Throws: `ScreenPopError` `.invalidInput` naming `data.requestId` when `text` is not a UUID.
    public init(validating text: String, messageType: String? = nil) throws(ScreenPopError) {
        guard let uuid = UUID(uuidString: text) else {
            throw ScreenPopError(
                code: .invalidInput, field: "data.requestId", messageType: messageType,
                message: "data.requestId must be a 128-bit UUID such as 9b7f2c1a-3e4d-4f8a-9b2c-5d6e7f8a9b0c, not \(text.debugDescription)")
        }
        self.uuid = uuid
    }

    /// The identifier in lower case, as it is written.
    public var description: String { uuid.uuidString.lowercased() }

    /// Decodes the identifier from its text; a text that is not a UUID is `dataCorrupted`.
    public init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        let text = try single.decode(String.self)
        guard let uuid = UUID(uuidString: text) else {
            throw DecodingError.dataCorruptedError(in: single, debugDescription: "requestId must be a 128-bit UUID, not \(text.debugDescription)")
        }
        self.uuid = uuid
    }

    /// Encodes the identifier in lower case.
    public func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode(description)
    }
}
