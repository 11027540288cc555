import Foundation
import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing

@testable import ScreenPopServer

/// Hummingbird answers a refused WebSocket upgrade with a bare 400; the handler writes the
/// recorded reason instead.
@Suite("Refused upgrades")
struct UpgradeRefusalTests {
    static func written(_ channel: EmbeddedChannel) throws -> [HTTPResponsePart] {
        var parts: [HTTPResponsePart] = []
        while let part = try channel.readOutbound(as: HTTPResponsePart.self) { parts.append(part) }
        return parts
    }

    static let bare400 = HTTPResponse(status: .badRequest, headerFields: [.connection: "close", .contentLength: "0"])

    @Test("a recorded refusal replaces the bare 400 with its status and JSON body")
    func rewritesRecordedRefusal() throws {
        let refusals = UpgradeRefusals()
        let channel = EmbeddedChannel(handler: UpgradeRefusalHandler(refusals: refusals))
        refusals.record(.originNotAllowed("https://evil.example"), channel: channel)
        try channel.writeOutbound(HTTPResponsePart.head(Self.bare400))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        let parts = try Self.written(channel)
        #expect(parts.count == 3)
        guard case .head(let head) = parts.first, case .body(let body) = parts.dropFirst().first, case .end = parts.last else {
            Issue.record("not head, body, end: \(parts)")
            return
        }
        #expect(head.status == .forbidden)
        #expect(head.headerFields[.contentType] == "application/json; charset=utf-8")
        #expect(head.headerFields[.contentLength] == String(body.readableBytes))
        #expect(head.headerFields[.connection] == "close")
        let object = try jsonObject(body)
        #expect((object["error"] as? [String: Any])?["code"] as? String == "origin-not-allowed")
        // Taken once: the next bare 400 on the connection passes through.
        try channel.writeOutbound(HTTPResponsePart.head(Self.bare400))
        guard case .head(let again) = try Self.written(channel).first else { Issue.record("no head"); return }
        #expect(again.status == .badRequest)
    }

    @Test("without a recorded refusal, responses pass through untouched")
    func passesThrough() throws {
        let channel = EmbeddedChannel(handler: UpgradeRefusalHandler(refusals: UpgradeRefusals()))
        let ok = HTTPResponse(status: .ok, headerFields: [.contentLength: "2"])
        try channel.writeOutbound(HTTPResponsePart.head(ok))
        try channel.writeOutbound(HTTPResponsePart.body(ByteBuffer(string: "{}")))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
        try channel.writeOutbound(HTTPResponsePart.head(Self.bare400))
        let parts = try Self.written(channel)
        #expect(parts.count == 4)
        guard case .head(let head) = parts.first, case .head(let last) = parts.last else { Issue.record("\(parts)"); return }
        #expect(head.status == .ok)
        #expect(last.status == .badRequest)
    }
}
