#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension HostMessage {
    /// Builds and checks a command from its name and the text of its fields, as
    /// `screenpop command NAME --field value …` does.
    ///
    /// The command is built as JSON and decoded, so it is checked by exactly the rules that
    /// check a command received as JSON. A builder fills in what the document lets it:
    /// - a random `requestId` when none is given;
    /// - `channelType` of the commands that take one channel only (voice, or chat);
    /// - `transferType` warm for `zcc-add-call` (the decoder's default).
    ///
    /// `mute` and `hold` are read from `true` or `false` (any case). The chat text is given as
    /// `messagePayload.textBody`.
    /// - Parameters:
    ///   - name: the command's `type`, with or without `zcc-` ("send-dtmf", "onclicktoact").
    ///   - fields: field name (as in the JSON: "engagementId") → text.
    /// - Returns: the command as a message.
    /// - Throws: `ScreenPopError` `invalid-input`: naming `type` for a name that is no command,
    ///   `data.<field>` for a field the command does not take, or for a rule a field breaks.
    public static func command(named name: String, fields: [String: String]) throws(ScreenPopError) -> HostMessage {
        guard let command = commandTypes[name] ?? commandTypes["zcc-" + name] else {
            let names = commandTypes.keys.map { $0.hasPrefix("zcc-") ? String($0.dropFirst(4)) : $0 }.sorted().joined(separator: ", ")
            throw ScreenPopError(code: .invalidInput, field: "type", message: "\(name.debugDescription) is not a host command; the commands are \(names)")
        }
        let type = command.type
        for key in fields.keys.sorted() where !command.fields.contains(key) {
            let takes = command.fields.isEmpty ? "no fields" : command.fields.joined(separator: ", ")
            throw ScreenPopError(code: .invalidInput, field: "data.\(key)", messageType: type, message: "\(type) takes \(takes); not \(key)")
        }
        var data: [(key: String, value: JSONValue)] = []
        var payload: [(key: String, value: JSONValue)] = []
        for key in command.fields {
            var text = fields[key]
            if text == nil, key == "requestId" { text = RequestID().description }
            if text == nil, key == "channelType" { text = command.fixedChannel?.rawValue }
            guard let text else { continue }
            let value: JSONValue
            switch (key, text.lowercased()) {
            case ("mute", "true"), ("hold", "true"): value = .bool(true)
            case ("mute", "false"), ("hold", "false"): value = .bool(false)
            default: value = .string(text)
            }
            if key.hasPrefix("messagePayload.") {
                payload.append((String(key.dropFirst("messagePayload.".count)), value))
            } else {
                data.append((key, value))
            }
        }
        if !payload.isEmpty { data.append(("messagePayload", .object(payload))) }
        let message = JSONValue.object([("type", .string(type)), ("data", .object(data))])
        let json: [UInt8]
        do {
            json = Array(try JSONEncoder().encode(message))
        } catch {
            throw ScreenPopError(code: .invalidInput, messageType: type, message: "the fields cannot be written as JSON: \(error)")
        }
        return try decode(json: json)
    }
}
