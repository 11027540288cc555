import ScreenPop

/// The frames the sidecar sends on a page's WebSocket, each one JSON text object with a `kind`:
///
/// - `{"kind":"hello","agent":…,"screenPopEvent":"RINGING","maximumMessageBytes":65536}` once, first;
/// - `{"kind":"outcome","type":…,"reply":{…}|null,"actions":[…]}` for each softphone message, in
///   order: the bridge posts `reply` to the softphone and raises the actions as DOM events;
/// - `{"kind":"command","command":{"type":"onclicktoact",…}}` pushed by the host backend: the
///   bridge posts `command` to the softphone;
/// - `{"kind":"error","error":{"code":…,"message":…[,"field":…]}}` for a message refused
///   (too large, malformed, invalid, rate-limited); the connection stays open.
///
/// What the page sends is the softphone's message itself, unchanged.
enum BridgeFrame {
    /// The first frame.
    static func hello(agent: String?, screenPopEvent: ScreenPopEvent, maximumMessageBytes: Int) -> [UInt8] {
        var bytes = Array(#"{"kind":"hello","agent":"#.utf8)
        bytes += agent.map(JSONBody.string) ?? Array("null".utf8)
        bytes += Array(#","screenPopEvent":"#.utf8) + JSONBody.string(screenPopEvent.rawValue)
        bytes += Array(#","maximumMessageBytes":\#(maximumMessageBytes)}"#.utf8)
        return bytes
    }

    /// The engine's answer to one message.
    static func outcome(_ outcome: JSONOutcome) -> [UInt8] {
        var bytes = Array(#"{"kind":"outcome","type":"#.utf8)
        bytes += outcome.messageType.map(JSONBody.string) ?? Array("null".utf8)
        bytes += Array(#","reply":"#.utf8)
        bytes += outcome.reply ?? Array("null".utf8)
        bytes += Array(#","actions":"#.utf8)
        bytes += JSONBody.actions(outcome.actions)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// A command for the softphone, already validated and encoded.
    static func command(_ encodedCommand: [UInt8]) -> [UInt8] {
        Array(#"{"kind":"command","command":"#.utf8) + encodedCommand + [UInt8(ascii: "}")]
    }

    /// A refused message.
    static func error(code: String, message: String, field: String? = nil, type: String? = nil) -> [UInt8] {
        var object: [String: String] = ["code": code, "message": message]
        if let field { object["field"] = field }
        if let type { object["type"] = type }
        return Array(#"{"kind":"error","error":"#.utf8) + JSONBody.encode(object) + [UInt8(ascii: "}")]
    }
}
