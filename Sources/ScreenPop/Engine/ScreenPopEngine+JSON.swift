#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ContactIndex

extension ScreenPopEngine {
    /// Handles one raw JSON message: decodes it, handles it, encodes the reply.
    ///
    /// Never throws and never traps: a message that is too large, not JSON, or wrong in a field
    /// comes back with `error` set (code and field), and the host relays `line`.
    /// - Parameter json: the message's UTF-8 bytes (one JSON object).
    /// - Returns: the encoded reply, the host actions, or the error.
    public func handle(json: [UInt8]) -> JSONOutcome {
        guard json.count <= configuration.maximumMessageBytes else {
            let error = ScreenPopError.messageTooLarge(byteCount: json.count, maximum: configuration.maximumMessageBytes)
            return JSONOutcome(messageType: nil, reply: nil, actions: [], error: error)
        }
        let message: SoftphoneMessage
        if let fast = Self.fastDecode(json) {
            message = fast
        } else {
            do {
                message = try Self.decode(json: json)
            } catch {
                return JSONOutcome(messageType: error.messageType, reply: nil, actions: [], error: error)
            }
        }
        do {
            let outcome = try handle(message)
            return JSONOutcome(messageType: message.type, reply: outcome.reply.map(Self.encode), actions: outcome.actions, error: nil)
        } catch {
            return JSONOutcome(messageType: message.type, reply: nil, actions: [], error: error)
        }
    }

    /// The hot messages (incoming phone and email requests) in their plain shape, decoded
    /// without `JSONDecoder`; nil for anything else, which then takes the general path.
    static func fastDecode(_ json: [UInt8]) -> SoftphoneMessage? {
        guard let flat = FlatMessageScanner.scan(json) else { return nil }
        if flat.typeIs("zcc-incomingPhone-request") {
            guard let number = flat.field("incomingPhoneNumber"), let engagement = flat.field("engagementId"), flat.isNotBlank(engagement) else { return nil }
            var channel = EngagementChannel.voice
            if let text = flat.field("channel") {
                guard let parsed = readChannel(flat, text), parsed == .voice || parsed == .sms else { return nil }
                channel = parsed
            }
            return .incomingPhoneRequest(IncomingPhoneRequest(incomingPhoneNumber: flat.string(number), engagementId: flat.string(engagement), channel: channel))
        }
        if flat.typeIs("zcc-incomingEmail-request") {
            guard let email = flat.field("email"), let engagement = flat.field("engagementId"), flat.isNotBlank(engagement) else { return nil }
            var channel = EngagementChannel.chat
            if let text = flat.field("channel") {
                guard let parsed = readChannel(flat, text), parsed == .chat || parsed == .video else { return nil }
                channel = parsed
            }
            return .incomingEmailRequest(IncomingEmailRequest(email: flat.string(email), engagementId: flat.string(engagement), channel: channel))
        }
        return nil
    }

    /// The channel named at `span` (`EngagementChannel(loose:)`), its usual spellings read
    /// without making a `String`.
    private static func readChannel(_ flat: FlatMessageScanner.Message, _ span: FlatMessageScanner.Span) -> EngagementChannel? {
        if flat.equals(span, "voice") { return .voice }
        if flat.equals(span, "sms") { return .sms }
        if flat.equals(span, "chat") { return .chat }
        if flat.equals(span, "video") { return .video }
        return EngagementChannel(loose: flat.string(span))
    }

    /// Handles one message given as JSON text.
    public func handle(json text: String) -> JSONOutcome {
        handle(json: Array(text.utf8))
    }

    /// Decodes a softphone message from JSON bytes. A type the engine does not know becomes
    /// `.unknown` with these bytes, as they are.
    /// - Throws: `ScreenPopError` (`malformed`, or `invalid-input` naming the field, also a
    ///   field the message repeats: `RepeatedFieldCheck`).
    public static func decode(json: [UInt8]) throws(ScreenPopError) -> SoftphoneMessage {
        if TrailingCommaCheck.hasTrailingComma(in: json) { throw TrailingCommaCheck.error }
        if let field = RepeatedFieldCheck.firstRepeatedField(in: json) {
            throw ScreenPopError.repeatedField(field, messageType: field == "type" ? nil : Self.peekType(json))
        }
        do {
            let decoder = JSONDecoder()
            decoder.userInfo[.rawJSON] = RawJSON(bytes: json)
            return try decoder.decode(SoftphoneMessage.self, from: Data(json))
        } catch {
            throw ScreenPopError.from(error, messageType: Self.peekType(json))
        }
    }

    /// Encodes a host message, `type` first: the lookup and search responses through the fast
    /// writer, `.unknown` as its raw bytes, the commands with their `data` through `JSONEncoder`
    /// (keys sorted).
    public static func encode(_ reply: HostMessage) -> [UInt8] {
        var writer = JSONWriter(capacity: 0)
        switch reply {
        case .incomingPhoneResponse(let response):
            if let bytes = ItemsReplyWriter.write(prefix: "{\"type\":\"zcc-incomingPhone-response\",\"data\":", response.packedItems, suffix: "}") { return bytes }
            writer.bytes.reserveCapacity(48 + JSONWriter.estimatedBytes(response.items))
            writer.raw("{\"type\":\"zcc-incomingPhone-response\",\"data\":")
            writer.items(response.items)
            writer.raw("}")
        case .incomingEmailResponse(let response):
            if let bytes = ItemsReplyWriter.write(prefix: "{\"type\":\"zcc-incomingEmail-response\",\"data\":", response.packedItems, suffix: "}") { return bytes }
            writer.bytes.reserveCapacity(48 + JSONWriter.estimatedBytes(response.items))
            writer.raw("{\"type\":\"zcc-incomingEmail-response\",\"data\":")
            writer.items(response.items)
            writer.raw("}")
        case .initConfigResponse(let response):
            writer.bytes.reserveCapacity(256)
            // As given: a response without phone settings (or without an event) stays so.
            writer.raw("{\"type\":\"zcc-init-config-response\",\"data\":{")
            if let phone = response.phone {
                writer.raw("\"phone\":{")
                if let event = phone.screenPopEvent {
                    writer.raw("\"screenPopEvent\":")
                    writer.string(event.rawValue)
                }
                writer.raw("}")
            }
            writer.raw("}}")
        case .contactSearchResponse(let response):
            writer.bytes.reserveCapacity(48 + JSONWriter.estimatedBytes(response.items))
            writer.raw("{\"type\":\"zcc-contact-search-response\",\"data\":")
            if !response.singleObject {
                writer.items(response.items)
            } else if let first = response.items.first {
                writer.item(first)
            } else {
                writer.raw("{}")
            }
            writer.raw("}")
        case .unknown(_, let raw):
            return raw.bytes
        default:
            // `type` first, then `data` with its keys sorted (JSONEncoder keeps no order).
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            writer.bytes.reserveCapacity(256)
            guard let command = reply.command, let data = try? encoder.encode(command) else {
                return (try? Array(encoder.encode(reply))) ?? Array("null".utf8)
            }
            writer.raw("{\"type\":")
            writer.string(reply.type)
            if case .agentStatusGetRequest = reply {} else {
                writer.raw(",\"data\":")
                writer.bytes.append(contentsOf: data)
            }
            writer.raw("}")
        }
        return writer.bytes
    }

    /// The `type` of a message that failed to decode, for the error, when it can be read.
    static func peekType(_ json: [UInt8]) -> String? {
        struct Envelope: Decodable { var type: String }
        return try? JSONDecoder().decode(Envelope.self, from: Data(json)).type
    }
}
