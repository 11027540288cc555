/// Why a message was refused or could not be acted on: a code, the field concerned (a path such
/// as `data.engagementId`), the message's type when known, and an explanation.
///
/// The codes are open (`Code` is a struct), so a new one never breaks a client's `switch`.
public struct ScreenPopError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The kind of failure, as the short text written in JSON ("invalid-input").
    public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The code's text.
        public var rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's text.
        public var description: String { rawValue }

        /// The input is not a JSON object with a string `type` (or not JSON at all).
        public static let malformed = Code(rawValue: "malformed")
        /// A field is missing, has the wrong type, or a value outside what the protocol allows
        /// (the softphone's own code for this).
        public static let invalidInput = Code(rawValue: "invalid-input")
        /// The message is larger than the configured maximum.
        public static let messageTooLarge = Code(rawValue: "message-too-large")
        /// A `zcc-screen-pop` named an id the directory does not have.
        public static let unknownContact = Code(rawValue: "unknown-contact")
        /// An answer from the softphone matched no pending request.
        public static let unmatchedAnswer = Code(rawValue: "unmatched-answer")
        /// A request to the softphone was not answered in time.
        public static let timeout = Code(rawValue: "timeout")
        /// An `onclicktoact` was asked for a record that has no number to dial.
        public static let cannotDial = Code(rawValue: "cannot-dial")
        /// The pending-request table is full.
        public static let tooManyPendingRequests = Code(rawValue: "too-many-pending-requests")
        /// The task waiting for an answer was cancelled.
        public static let cancelled = Code(rawValue: "cancelled")

        /// Decodes the code from its text.
        public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
        /// Encodes the code as its text.
        public func encode(to encoder: any Encoder) throws {
            var single = encoder.singleValueContainer()
            try single.encode(rawValue)
        }
    }

    /// The kind of failure.
    public var code: Code
    /// The field concerned, as a path in the message ("data.engagementId"); nil when the
    /// message as a whole is at fault.
    public var field: String?
    /// The message's `type`, when it was read.
    public var messageType: String?
    /// What is wrong, for people.
    public var message: String

    /// Creates an error.
    public init(code: Code, field: String? = nil, messageType: String? = nil, message: String) {
        self.code = code
        self.field = field
        self.messageType = messageType
        self.message = message
    }

    private enum CodingKeys: String, CodingKey {
        case code, field, message
        case messageType = "type"
    }

    /// "invalid-input at data.engagementId (zcc-call-ended): …".
    public var description: String {
        var text = code.rawValue
        if let field { text += " at \(field)" }
        if let messageType { text += " (\(messageType))" }
        return text + ": " + message
    }
}

extension ScreenPopError {
    /// The error for a message of `byteCount` bytes, over `maximum`.
    /// - Parameters:
    ///   - byteCount: the message's size in bytes (without its line break).
    ///   - maximum: the largest message accepted.
    /// - Returns: a `message-too-large` error naming both sizes.
    public static func messageTooLarge(byteCount: Int, maximum: Int) -> ScreenPopError {
        ScreenPopError(code: .messageTooLarge, message: "the message has \(byteCount) bytes; the maximum is \(maximum)")
    }

    /// Turns a decoding failure into an error naming the field: a path of keys and indexes,
    /// with the missing key appended for `keyNotFound`.
    static func from(_ error: any Error, messageType: String?) -> ScreenPopError {
        if var error = error as? ScreenPopError {
            error.messageType = error.messageType ?? messageType
            return error
        }
        guard let decoding = error as? DecodingError else {
            return ScreenPopError(code: .malformed, messageType: messageType, message: "not valid JSON: \(error)")
        }
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue, key.stringValue == String(index) || key.stringValue.hasPrefix("Index ") {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : "." + key.stringValue
                }
            }
            return text
        }
        switch decoding {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return ScreenPopError(code: .invalidInput, field: field, messageType: messageType, message: "\(field) is required")
        case .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            // The message itself is `null`: not an object, like `[]` or `"x"`.
            if field.isEmpty { return ScreenPopError(code: .malformed, messageType: messageType, message: "a message is a JSON object") }
            return ScreenPopError(code: .invalidInput, field: field, messageType: messageType, message: "\(field) must be \(Self.kind(of: type)), not null")
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            if field.isEmpty { return ScreenPopError(code: .malformed, messageType: messageType, message: "a message is a JSON object") }
            return ScreenPopError(code: .invalidInput, field: field, messageType: messageType, message: "\(field) must be \(Self.kind(of: type))")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            if field.isEmpty { return ScreenPopError(code: .malformed, messageType: messageType, message: "not valid JSON") }
            // A decoder that says only what the value must be ("must be inbound or outbound")
            // is named by the field it was read from ("data.objectRecord.callType must be …").
            let rule = context.debugDescription
            return ScreenPopError(code: .invalidInput, field: field, messageType: messageType, message: rule.hasPrefix("must ") ? "\(field) \(rule)" : rule)
        @unknown default:
            return ScreenPopError(code: .malformed, messageType: messageType, message: "\(error)")
        }
    }

    /// The JSON kind a decoder expected, with its article ("a string", "an object").
    private static func kind(of type: Any.Type) -> String {
        switch type {
        case is NumberOrString.Type: "a number or a string"
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Double.Type, is Int.Type, is Int64.Type: "a number"
        default:
            if "\(type)".hasPrefix("Array") { "an array" } else if "\(type)".hasPrefix("Dictionary") { "an object" } else { "a \(type)" }
        }
    }
}
