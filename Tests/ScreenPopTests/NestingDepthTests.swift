import ContactIndex
import Foundation
import Testing
@testable import ScreenPop

/// Open JSON fields (`relateTo`, `channelUpgradeInfo`, a ringing call's `channel`) nested
/// deeper than `JSONValue.maximumDepth` are refused, not decoded level by level.
@Suite struct NestingDepthTests {
    static func callLog(relateToDepth depth: Int) -> String {
        let nested = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        return #"{"type":"zcc-phone-call-log","data":{"engagementId":"E1","relateTo":[\#(nested)]}}"#
    }

    @Test func aDeepArrayIsRefusedWithAnError() {
        let engine = ScreenPopEngine(directory: ContactDirectory(TestDirectory.contacts()))
        let outcome = engine.handle(json: Self.callLog(relateToDepth: 400))
        #expect(outcome.error != nil)
        #expect(outcome.reply == nil)
        #expect(outcome.error?.message.contains("nested more than 64 levels") == true, "\(String(describing: outcome.error))")
        let verdict = MessageValidation(json: Array(Self.callLog(relateToDepth: 400).utf8))
        #expect(!verdict.ok)
    }

    @Test func aShallowTreeIsKept() throws {
        let json = Data(Self.callLog(relateToDepth: 20).utf8)
        let message = try JSONDecoder().decode(JSONValue.self, from: json)
        var value = message["data"]?["relateTo"]
        var depth = 0
        while case .array(let items)? = value, let first = items.first {
            value = first
            depth += 1
        }
        #expect(depth == 21)
        #expect(value == .number(1))
    }

    @Test func theBoundIsOnTheDepthInTheDocument() throws {
        let limit = JSONValue.maximumDepth
        let atLimit = String(repeating: "[", count: limit) + "0" + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { try JSONDecoder().decode(JSONValue.self, from: Data(atLimit.utf8)) }
        let over = "[" + atLimit + "]"
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JSONValue.self, from: Data(over.utf8)) }
        // Objects count as arrays do.
        let objects = String(repeating: #"{"a":"#, count: limit + 1) + "0" + String(repeating: "}", count: limit + 1)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JSONValue.self, from: Data(objects.utf8)) }
    }
}
