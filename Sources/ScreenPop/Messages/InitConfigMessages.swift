/// When the host wants the screen pop: when the engagement rings, or when it is connected.
public enum ScreenPopEvent: String, Sendable, Hashable, Codable, CaseIterable {
    /// Pop as soon as the engagement rings (the document's example, and our default).
    case ringing = "RINGING"
    /// Pop when the agent accepts the engagement.
    case connected = "CONNECTED"

    /// Reads the value case-insensitively; throws `dataCorrupted` for anything else.
    public init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        let text = try single.decode(String.self)
        guard let value = ScreenPopEvent(rawValue: text.uppercased()) else {
            throw DecodingError.dataCorruptedError(in: single, debugDescription: "screenPopEvent must be RINGING or CONNECTED, not \(text.debugDescription)")
        }
        self = value
    }
}

/// `zcc-init-config-request`: the softphone has loaded and asks for the host's configuration.
public struct InitConfigRequest: Sendable, Hashable, Codable {
    /// Creates the request.
    public init() {}
}

/// `zcc-init-config-response`: the host's configuration, `{phone: {screenPopEvent}}`.
public struct InitConfigResponse: Sendable, Hashable, Codable {
    /// The phone settings.
    public struct Phone: Sendable, Hashable, Codable {
        /// When to pop.
        public var screenPopEvent: ScreenPopEvent?
        /// Creates the settings.
        public init(screenPopEvent: ScreenPopEvent? = .ringing) { self.screenPopEvent = screenPopEvent }
    }

    /// The phone settings.
    public var phone: Phone?

    /// Creates the response.
    public init(phone: Phone? = Phone()) { self.phone = phone }

    /// The effective screen-pop event (RINGING when none is given).
    public var screenPopEvent: ScreenPopEvent { phone?.screenPopEvent ?? .ringing }
}

/// `zcc-resize`: the agent toggled the softphone's size.
public struct Resize: Sendable, Hashable, Codable {
    /// The new width.
    public var widthInPixels: Double?
    /// The new height.
    public var heightInPixels: Double?

    /// Creates the event.
    public init(widthInPixels: Double?, heightInPixels: Double?) {
        self.widthInPixels = widthInPixels
        self.heightInPixels = heightInPixels
    }
}
