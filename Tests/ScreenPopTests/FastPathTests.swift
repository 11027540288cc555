import ContactIndex
import Foundation
import Testing
@testable import ScreenPop

/// The hot path (`FlatMessageScanner` + `fastDecode`, the engine's writer, `ContactItem.name(of:)`)
/// changes speed, never answers: whatever it decodes, `JSONDecoder` decodes the same; what it
/// gives up on still gets the general path's answer; the engine answers the same whichever path
/// a message takes.
@Suite struct FastPathTests {
    static func line(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Lines on and around the fast path's shape.
    static let variants: [[UInt8]] = [
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1","channel":"voice"}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1"}}"#),
        line(#"{"data":{"channel":"sms","engagementId":"E1","incomingPhoneNumber":"+16505551234"},"type":"zcc-incomingPhone-request"}"#),
        line(" {\n\t\"type\" : \"zcc-incomingPhone-request\" ,\r\n \"data\" : { \"incomingPhoneNumber\" : \"+16505551234\" , \"engagementId\" : \"E1\" } } \n"),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1","channel":"VOICE"}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1","channel":"Sms"}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1","channel":"chat"}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1","channel":"fax"}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1","engagementId":"E2"}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E\"1"}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"Émile-ü-文"}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1","note":"é"}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1","clé":"x"}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1","a":"1","b":"2","c":"3","d":"4","e":"5","f":"6"}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1","a":"1","b":"2","c":"3","d":"4","e":"5","f":"6","g":"7"}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":16505551234,"engagementId":"E1"}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234"}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1"}} x"#),
        line(#"{"type":"zcc-incomingPhone-request","type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+1","engagementId":"E1"}}"#),
        line(#"{"type":"zcc-incomingPhone-reques","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1"}}"#),
        line(#"{"type":"zcc-incomingPhone-requestt","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1"}}"#),
        line(#"{"type":"zcc-incomingEmail-request","data":{"email":"john@example.com","engagementId":"E2","channel":"chat"}}"#),
        line(#"{"type":"zcc-incomingEmail-request","data":{"email":"john@example.com","engagementId":"E2","channel":"Video"}}"#),
        line(#"{"type":"zcc-incomingEmail-request","data":{"email":"john@example.com","engagementId":"E2","channel":"voice"}}"#),
        line(#"{"type":"zcc-incomingEmail-request","data":{"email":"hans@müller.de","engagementId":"E2"}}"#),
        line(#"{"type":"zcc-call-ringing","data":{"engagementId":"E1"}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{}}"#),
        line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E1","channel":"voi\#u{212A}ce"}}"#),
        Array(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E"#.utf8) + [0xC3, 0x28] + Array(#""}}"#.utf8),
        Array(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":"E"#.utf8) + [0x01] + Array(#""}}"#.utf8),
    ]

    static func corpus() throws -> [[UInt8]] {
        try FuzzFindingsTests.inputs().map(\.bytes) + variants
    }

    @Test func whatTheFastPathDecodesJSONDecoderDecodesTheSame() throws {
        var fast = 0
        for bytes in try Self.corpus() {
            guard let decoded = ScreenPopEngine.fastDecode(bytes) else { continue }
            fast += 1
            let general = try? ScreenPopEngine.decode(json: bytes)
            #expect(general == decoded, "\(String(decoding: bytes, as: UTF8.self))")
        }
        // The plain shapes do take the fast path (the test above is not vacuous).
        #expect(fast >= 12)
        for index in [0, 1, 2, 3, 4, 5, 10, 11, 13, 21, 22, 24] {
            #expect(ScreenPopEngine.fastDecode(Self.variants[index]) != nil, "variant \(index)")
        }
        // Escapes, duplicates, bad UTF-8, control characters, non-ASCII keys, too many members,
        // trailing bytes and other types take the general path.
        for index in [8, 9, 12, 14, 15, 16, 17, 18, 19, 20, 25, 28, 29] {
            #expect(ScreenPopEngine.fastDecode(Self.variants[index]) == nil, "variant \(index)")
        }
    }

    /// Engagement ids of every length up to 40 bytes, with quotes, backslashes, control
    /// characters and non-ASCII text at random places, written into the line as they are: the
    /// scanner (eight bytes at a time) takes exactly the plain ones, and reads them as
    /// `JSONDecoder` does.
    @Test func theScannerTakesExactlyThePlainStrings() throws {
        var random = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "0", "-", " ", "\"", "\\", "\u{01}", "\u{1F}", "\t", "é", "文", "👩‍💻", "\u{7F}", "~"]
        var taken = 0
        for _ in 0..<3_000 {
            var id = ""
            while id.utf8.count < Int.random(in: 0...40, using: &random) { id += pieces.randomElement(using: &random)! }
            let bytes = Self.line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"+16505551234","engagementId":""# + id + #""}}"#)
            // A blank id is refused (`data.engagementId must not be empty`): the decoder says so.
            let plain = !id.unicodeScalars.contains { $0 == "\"" || $0 == "\\" || $0.value < 0x20 } && !CommandRules.isBlank(id)
            let decoded = ScreenPopEngine.fastDecode(bytes)
            #expect((decoded != nil) == plain, "\(id.debugDescription)")
            if let decoded {
                taken += 1
                #expect(decoded == (try? ScreenPopEngine.decode(json: bytes)), "\(id.debugDescription)")
                guard case .incomingPhoneRequest(let request) = decoded else { continue }
                #expect(request.engagementId == id)
            }
        }
        #expect(taken > 100)
    }

    /// Two engines fed the same lines, one through `handle(json:)` and one through the general
    /// decoder, `handle(_:)` and `encode`, give the same lines and actions, also with a tracker
    /// that evicts.
    @Test func theEngineAnswersTheSameWhicheverPathAMessageTakes() throws {
        let (clock, _) = EngineClock.manual()
        let fastEngine = TestDirectory.engine(clock: clock, engagementCapacity: 4)
        let generalEngine = TestDirectory.engine(clock: clock, engagementCapacity: 4)
        let numbers = [TestDirectory.shared, "+16505550142", "+4930 1234567", "+16505559999", "+493012345678"]
        var lines = try Self.corpus()
        for index in 0..<40 {
            lines.append(Self.line(#"{"type":"zcc-incomingPhone-request","data":{"incomingPhoneNumber":"\#(numbers[index % numbers.count])","engagementId":"R\#(index % 7)"}}"#))
            if index % 5 == 0 { lines.append(Self.line(#"{"type":"zcc-screen-pop","data":{"id":"C-MARY"}}"#)) }
        }
        for bytes in lines {
            let fast = fastEngine.handle(json: bytes)
            let generalLine: [UInt8]
            var generalActions: [HostAction] = []
            do {
                let message = try ScreenPopEngine.decode(json: bytes)
                let outcome = try generalEngine.handle(message)
                generalActions = outcome.actions
                generalLine = outcome.reply.map(ScreenPopEngine.encode) ?? Array("null".utf8)
            } catch {
                generalLine = JSONOutcome.encode(error)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(fast.line == generalLine, "\(text)")
            #expect(fast.actions == generalActions, "\(text)")
        }
        #expect(fastEngine.statistics == generalEngine.statistics)
    }

    @Test func theItemNameIsContactName() {
        let names: [String?] = [nil, "", "Ann", "Émile Zola"]
        for display in names {
            for first in names {
                for last in names {
                    for company in [nil, "", "Acme"] {
                        let contact = Contact(id: "ID-1", firstName: first, lastName: last, displayName: display, company: company)
                        #expect(ContactItem.name(of: contact) == contact.name, "\(String(describing: (display, first, last, company)))")
                    }
                }
            }
        }
    }

    @Test func theWriterEscapesLikeJSONEncoderReadsBack() throws {
        let texts = ["plain", "quote \" and \\ backslash", "line\nbreak\ttab\r", "\u{01}\u{1F}", "Ünïcödé 文字 🎉", ""]
        for text in texts {
            var writer = JSONWriter()
            writer.string(text)
            #expect(try JSONDecoder().decode(String.self, from: Data(writer.bytes)) == text)
            // A bridged or substring-backed text (no contiguous UTF-8) is written the same.
            var other = JSONWriter()
            other.string(String(Substring(text)))
            #expect(other.bytes == writer.bytes)
        }
    }

    @Test func theSizedReplyWriterWritesWhatTheEscapingWriterWrites() {
        let lists: [[ContactItem]] = [
            [],
            [ContactItem(id: "003A")],
            [ContactItem(id: "003A", name: "Ann Lee", phone: "+16505551234", email: "ann@example.com", entity: "contact"),
             ContactItem(id: "00QB", name: "Émile Zola 文", phone: "+33142685300;ext=12", email: nil, entity: "lead")],
            [ContactItem(id: "003A", name: "Ann \"The\" Lee", phone: "+16505551234")],
            [ContactItem(id: "003A", name: "Line\nbreak")],
            [ContactItem(id: "back\\slash")],
            [ContactItem(id: "003A", name: "Tab\there and more"), ContactItem(id: "0123456789abcdef\u{1F}")],
            [ContactItem(id: "003A", email: "a.very.long.address.with.a.\"quote@example.com")],
        ]
        for items in lists {
            var writer = JSONWriter()
            writer.raw("{\"type\":\"zcc-incomingPhone-response\",\"data\":")
            writer.items(items)
            writer.raw("}")
            let sized = ItemsReplyWriter.write(prefix: "{\"type\":\"zcc-incomingPhone-response\",\"data\":", PackedContactItems(items), suffix: "}")
            let needsEscaping = items.contains { item in
                [item.id, item.name, item.phone, item.email, item.entity].contains { $0?.unicodeScalars.contains(where: { $0 == "\"" || $0 == "\\" || $0.value < 0x20 }) == true }
            }
            if needsEscaping {
                #expect(sized == nil, "\(items)")
            } else {
                #expect(sized == writer.bytes, "\(items)")
            }
            #expect(ScreenPopEngine.encode(.incomingPhoneResponse(IncomingLookupResponse(items: items))) == writer.bytes, "\(items)")
        }
    }

    /// The word-at-a-time escape check (made while copying) against the byte-by-byte rule, on
    /// random bytes biased towards the bytes it must find and their neighbours, at every length
    /// and alignment.
    @Test func theEscapeCheckIsTheByteRule() {
        var random = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF, 0x41]
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...40, using: &random)
            let bytes: [UInt8] = (0..<count).map { _ in
                Bool.random(using: &random) ? interesting.randomElement(using: &random)! : 0x41 + UInt8.random(in: 0...25, using: &random)
            }
            bytes.withUnsafeBytes { buffer in
                for start in 0...min(3, buffer.count) {
                    let slice = UnsafeRawBufferPointer(rebasing: buffer[start...])
                    let rule = slice.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
                    // The same answer as the rule, and a plain text copied whole.
                    var copy = [UInt8](repeating: 0, count: slice.count + 1)
                    let plain = copy.withUnsafeMutableBytes { JSONEscaping.copyIfPlain(slice, to: $0.baseAddress!) }
                    #expect(plain == !rule, "\(bytes) from \(start)")
                    if plain { #expect(copy.prefix(slice.count).elementsEqual(slice), "\(bytes) from \(start)") }
                    #expect(copy[slice.count] == 0, "nothing written past the text: \(bytes) from \(start)")
                }
            }
        }
    }

    @Test func thePhoneReasonSwitchIsTheSet() {
        let reasons = MatchReason.allCases
        #expect(reasons.count > 3)
        for reason in reasons {
            #expect(DirectoryQueries.isPhoneReason(reason) == DirectoryQueries.phoneReasons.contains(reason), "\(reason)")
        }
    }
}
