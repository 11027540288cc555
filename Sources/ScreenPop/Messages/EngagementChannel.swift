/// The channel of an engagement. The document allows exactly these four for `channelType`;
/// `incomingPhone` requests use voice or SMS and `incomingEmail` requests chat or video.
public enum EngagementChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// A phone call.
    case voice
    /// A video engagement.
    case video
    /// A web chat.
    case chat
    /// An SMS conversation.
    case sms

    /// Reads a channel case-insensitively ("Voice", "SMS"); nil when it is none of the four.
    public init?(loose text: String) {
        self.init(rawValue: text.lowercased())
    }
}
