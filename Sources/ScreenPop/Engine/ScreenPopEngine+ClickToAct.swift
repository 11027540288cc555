import ContactIndex

extension ScreenPopEngine {
    /// The `onclicktoact` message that dials a record of the directory (click to call).
    /// - Parameters:
    ///   - id: the record's id.
    ///   - channel: what the agent starts; a voice call or an SMS needs a number.
    /// - Returns: the message to post to the softphone (encode it with `encode(_:)`).
    /// - Throws: `ScreenPopError` `.unknownContact` naming `data.id` when no record has the id,
    ///   `.cannotDial` naming `data.phone` when it has no number to dial.
    public func clickToAct(id: String, channel: EngagementChannel = .voice) throws(ScreenPopError) -> HostMessage {
        guard let contact = directory.withDirectory({ $0.contact(id: id) }) else {
            throw ScreenPopError(code: .unknownContact, field: "data.id", messageType: "onclicktoact", message: "no record has the id \(id.debugDescription)")
        }
        return .clickToAct(try ClickToAct(contact: contact, channel: channel))
    }
}
