import Foundation
import Hummingbird
import ScreenPop

/// JSON pieces for responses and WebSocket frames.
enum JSONBody {
    /// An encoder with stable output (sorted keys, unescaped slashes, ISO 8601 dates).
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Encodes a value; a value that cannot be encoded (never, for our types) becomes `null`.
    static func encode(_ value: some Encodable) -> [UInt8] {
        (try? Array(encoder().encode(value))) ?? Array("null".utf8)
    }

    /// A JSON string literal.
    static func string(_ text: String) -> [UInt8] {
        encode(text)
    }

    /// The actions as a JSON array (`[]` without the encoder when there are none).
    static func actions(_ actions: [HostAction]) -> [UInt8] {
        actions.isEmpty ? Array("[]".utf8) : encode(actions)
    }

    /// `{"reply":…,"actions":[…]}`, the answer of `POST /v1/messages`.
    static func messageOutcome(_ outcome: JSONOutcome) -> [UInt8] {
        var bytes = Array(#"{"reply":"#.utf8)
        bytes.append(contentsOf: outcome.reply ?? Array("null".utf8))
        bytes.append(contentsOf: #","actions":"#.utf8)
        bytes.append(contentsOf: actions(outcome.actions))
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// A 200 (or `status`) response with a JSON body.
    static func response(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A response with an encodable value as its body.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        response(encode(value), status: status)
    }
}
