import Foundation
import Testing
@testable import ScreenPop

/// Golden JSON, both ways, for the messages the host sends (issue 5's set).
@Suite struct HostMessageGoldenTests {
    static let mary = ContactItem(id: "0035g00000AbCdF", name: "Mary Smith", phone: "+16505551234", email: "Mary.Smith+crm@GoogleMail.com", entity: "contact")
    static let john = ContactItem(id: "0035g00000AbCdE", name: "John Smith", phone: "+16505551234", email: "john.smith@example.com", entity: "contact")

    static let cases: [(String, HostMessage)] = [
        ("zcc-init-config-response", .initConfigResponse(InitConfigResponse(phone: .init(screenPopEvent: .ringing)))),
        ("zcc-contact-search-response", .contactSearchResponse(ContactSearchResponse(items: [mary]))),
        ("zcc-contact-search-response.single", .contactSearchResponse(ContactSearchResponse(items: [mary], singleObject: true))),
        ("zcc-incomingPhone-response", .incomingPhoneResponse(IncomingLookupResponse(items: [john, mary]))),
        ("zcc-incomingEmail-response", .incomingEmailResponse(IncomingLookupResponse(items: [
            ContactItem(id: "51000000037", name: "Hans Müller", phone: "+49301234567", email: "hans@müller.de", entity: "contact"),
        ]))),
        ("onclicktoact", .clickToAct(ClickToAct(id: "0035g00000AbCdF", name: "Mary Smith", phone: "+16505550142", email: "Mary.Smith+crm@GoogleMail.com", userEntity: "contact"))),
    ]

    @Test(arguments: cases)
    func decodesGolden(name: String, expected: HostMessage) throws {
        let message = try JSONDecoder().decode(HostMessage.self, from: Data(try Golden.bytes(name)))
        #expect(message == expected)
    }

    @Test(arguments: cases)
    func encodesGoldenWithCodable(name: String, message: HostMessage) throws {
        #expect(try Golden.value(try Golden.encode(message)) == (try Golden.value(try Golden.bytes(name))))
    }

    /// The engine's own writer gives the same JSON as Codable, with `type` first.
    @Test(arguments: cases)
    func engineWriterMatchesGolden(name: String, message: HostMessage) throws {
        let written = ScreenPopEngine.encode(message)
        #expect(try Golden.value(written) == (try Golden.value(try Golden.bytes(name))))
        #expect(written.starts(with: Array("{\"type\":".utf8)) || name.hasPrefix("onclick"))
    }

    @Test func unknownHostTypeKeepsRawJSON() throws {
        // Keys out of order, spaces, and an integer a Double cannot hold.
        let json = #"{"type":"zcc-something-new", "data":{"z":12345678901234567890,"a":[1,true,null]}}"#
        let decoder = JSONDecoder()
        decoder.userInfo[.rawJSON] = RawJSON(json)
        let message = try decoder.decode(HostMessage.self, from: Data(json.utf8))
        guard case .unknown(let type, let raw) = message else {
            Issue.record("expected .unknown, got \(message)")
            return
        }
        #expect(type == "zcc-something-new")
        #expect(raw.isVerbatim)
        #expect(raw.text == json)
        #expect(try raw.value()["data"]?["a"] == .array([.number(1), .bool(true), .null]))
        // The engine's writer sends it back byte for byte.
        #expect(ScreenPopEngine.encode(message) == Array(json.utf8))
    }

    @Test func unknownHostTypeFromABareDecoderIsMarkedRewritten() throws {
        let json = #"{"type":"zcc-something-new","data":{"b":1,"a":2}}"#
        let message = try JSONDecoder().decode(HostMessage.self, from: Data(json.utf8))
        guard case .unknown(_, let raw) = message else {
            Issue.record("expected .unknown, got \(message)")
            return
        }
        #expect(!raw.isVerbatim)
        #expect(try raw.value() == (try Golden.value(Array(json.utf8))))
    }

    @Test func writerEscapesStrings() throws {
        let item = ContactItem(id: "q\"\\\n\u{1}é", name: nil)
        let written = ScreenPopEngine.encode(.incomingPhoneResponse(IncomingLookupResponse(items: [item])))
        let decoded = try JSONDecoder().decode(HostMessage.self, from: Data(written))
        #expect(decoded == .incomingPhoneResponse(IncomingLookupResponse(items: [item])))
    }
}
