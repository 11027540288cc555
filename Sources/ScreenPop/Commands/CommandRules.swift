/// The document's rules for the fields of host commands, shared by the Swift builders and the
/// JSON decoders so that a command is refused the same way however it was made. Every failure
/// is a `ScreenPopError` with the code `invalid-input` (the softphone's own) and the field's path.
enum CommandRules {
    /// The most UTF-16 code units in a close-wrap-up note ("note: string, // maximum 2000").
    static let maximumNoteLength = 2000

    /// An `invalid-input` error for `field` of a `messageType` command.
    static func invalid(_ messageType: String, _ field: String, _ message: String) -> ScreenPopError {
        ScreenPopError(code: .invalidInput, field: field, messageType: messageType, message: message)
    }

    /// Whether a text holds something besides white space.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// A required identifier (`engagementId`, `destination`…): a text that is not blank.
    static func present(_ text: String, field: String, in messageType: String) throws(ScreenPopError) -> String {
        guard !isBlank(text) else { throw invalid(messageType, "data.\(field)", "data.\(field) must not be empty") }
        return text
    }

    /// An optional identifier: nil stays nil, a blank text is refused.
    static func presentIfGiven(_ text: String?, field: String, in messageType: String) throws(ScreenPopError) -> String? {
        guard let text else { return nil }
        return try present(text, field: field, in: messageType)
    }

    /// A `channelType`: one of voice, video, chat, sms, written in lower case, and one of
    /// `allowed` for commands that name their channel ("voice only", "chat only").
    static func channel(_ text: String, allowed: [EngagementChannel], in messageType: String) throws(ScreenPopError) -> EngagementChannel {
        guard let channel = EngagementChannel(rawValue: text) else {
            throw invalid(messageType, "data.channelType", "data.channelType must be one of voice, video, chat, sms, not \(text.debugDescription)")
        }
        try check(channel, allowed: allowed, in: messageType)
        return channel
    }

    /// Refuses a channel that the command does not take.
    static func check(_ channel: EngagementChannel, allowed: [EngagementChannel], in messageType: String) throws(ScreenPopError) {
        guard allowed.contains(channel) else {
            let names = allowed.map(\.rawValue).joined(separator: " or ")
            throw invalid(messageType, "data.channelType", "\(messageType) takes channelType \(names) only, not \(channel.rawValue.debugDescription)")
        }
    }

    /// A close-wrap-up note: at most 2,000 characters as the softphone's JavaScript counts them
    /// (UTF-16 code units; an emoji counts two).
    static func note(_ text: String, in messageType: String) throws(ScreenPopError) -> String {
        let length = text.utf16.count
        guard length <= maximumNoteLength else {
            throw invalid(messageType, "data.note", "data.note has \(length) characters (UTF-16 code units); the maximum is \(maximumNoteLength)")
        }
        return text
    }
}
