import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import Testing

@testable import ScreenPopServer

/// Each agent's softphone is read against that agent's engagements: a selection, a note, a call
/// transferred under the same `engagementId`, an unsolicited selection.
@Suite("Agent engines")
struct AgentEnginesTests {
    /// Sends one softphone message on a page's socket and returns the outcome frame.
    static func exchange(
        _ text: String, _ outbound: WebSocketOutboundWriter, _ iterator: inout WebSocketInboundMessageStream.AsyncIterator
    ) async throws -> [String: Any] {
        try await outbound.write(.text(text))
        guard case .text(let frame) = try await iterator.next() else { throw CancellationError() }
        return try jsonObject(frame)
    }

    /// The actions of an outcome frame.
    static func actions(_ outcome: [String: Any]) throws -> [[String: Any]] {
        try #require(outcome["actions"] as? [[String: Any]], "not an outcome: \(outcome)")
    }

    static func connected(_ engagement: String) -> String {
        #"{"type":"zcc-call-connected","data":{"engagementId":"\#(engagement)","direction":"inbound"}}"#
    }

    static let shared = TestSidecar.softphonePhone  // three records: the agent chooses

    @Test("an agent's selection and note go to that agent's engagement, not to another agent's newer one")
    func selectionAndNoteStayWithTheAgent() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.live) { client in
            let bobTicket = try await WebSocketTests.ticket(client, agent: "bob")
            let aliceTicket = try await WebSocketTests.ticket(client, agent: "alice")
            _ = try await client.ws("/v1/ws?ticket=\(bobTicket)", configuration: WebSocketTests.pageHeaders) { inbound, outbound, _ in
                var bob = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                _ = try await bob.next()  // hello
                let offer = try await Self.exchange(String(buffer: TestSidecar.incomingPhone(Self.shared, engagement: "ENG-B")), outbound, &bob)
                #expect(try Self.actions(offer).first?["action"] as? String == "chooseAmong")
                _ = try await Self.exchange(Self.connected("ENG-B"), outbound, &bob)

                // Alice gets a call from the same number afterwards, and connects it.
                _ = try await client.ws("/v1/ws?ticket=\(aliceTicket)", configuration: WebSocketTests.pageHeaders) { inbound, outbound, _ in
                    var alice = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                    _ = try await alice.next()  // hello
                    let offer = try await Self.exchange(String(buffer: TestSidecar.incomingPhone(Self.shared, engagement: "ENG-A")), outbound, &alice)
                    #expect(try Self.actions(offer).first?["engagementId"] as? String == "ENG-A")
                    _ = try await Self.exchange(Self.connected("ENG-A"), outbound, &alice)
                    try await outbound.close(.normalClosure, reason: nil)
                }

                let selection = try await Self.exchange(#"{"type":"zcc-screen-pop","data":{"id":"0035g00000AbCdF"}}"#, outbound, &bob)
                let pop = try #require(try Self.actions(selection).first)
                #expect(pop["action"] as? String == "pop")
                #expect(pop["reason"] as? String == "agent-selection")
                #expect(pop["engagementId"] as? String == "ENG-B")

                let note = try await Self.exchange(#"{"type":"zcc-add-note","data":{"comment":"bob's note"}}"#, outbound, &bob)
                #expect(try Self.actions(note).first?["engagementId"] as? String == "ENG-B")
                try await outbound.close(.normalClosure, reason: nil)
            }
        }
        // Alice's engagement was not linked to Bob's choice.
        #expect(sidecar.engines.engine(for: "alice").engagement("ENG-A")?.chosenContactID == nil)
        #expect(sidecar.engines.engine(for: "bob").engagement("ENG-B")?.chosenContactID == "0035g00000AbCdF")
    }

    @Test("a call transferred to another agent under the same engagementId pops for that agent; so does a record another agent selected unsolicited")
    func transferredCallPopsForTheSecondAgent() async throws {
        let sidecar = try TestSidecar.make()
        let mary = "+16505550142"  // Mary's own mobile: one record
        try await sidecar.makeApplication().test(.live) { client in
            let frankTicket = try await WebSocketTests.ticket(client, agent: "frank")
            _ = try await client.ws("/v1/ws?ticket=\(frankTicket)", configuration: WebSocketTests.pageHeaders) { inbound, outbound, _ in
                var frank = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                _ = try await frank.next()  // hello
                let offer = try await Self.exchange(String(buffer: TestSidecar.incomingPhone(mary, engagement: "TX-1")), outbound, &frank)
                #expect(try Self.actions(offer).first?["action"] as? String == "pop")
                _ = try await Self.exchange(Self.connected("TX-1"), outbound, &frank)
                _ = try await Self.exchange(#"{"type":"zcc-call-ended","data":{"engagementId":"TX-1","completeTs":5}}"#, outbound, &frank)
                let log = try await Self.exchange(
                    #"{"type":"zcc-phone-call-log","data":{"engagementId":"TX-1","objectRecord":{"callType":"inbound","type":"phone"}}}"#, outbound, &frank)
                #expect(try Self.actions(log).first?["action"] as? String == "logEngagement")
                let hans = try await Self.exchange(#"{"type":"zcc-screen-pop","data":{"id":"51000000037"}}"#, outbound, &frank)
                #expect(try Self.actions(hans).first?["unsolicited"] as? Bool == true)
                try await outbound.close(.normalClosure, reason: nil)
            }

            let ginaTicket = try await WebSocketTests.ticket(client, agent: "gina")
            _ = try await client.ws("/v1/ws?ticket=\(ginaTicket)", configuration: WebSocketTests.pageHeaders) { inbound, outbound, _ in
                var gina = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                _ = try await gina.next()  // hello
                _ = try await Self.exchange(
                    #"{"type":"zcc-call-ringing","data":{"channel":1,"createTs":6,"engagementId":"TX-1","from":"\#(mary)","isTransfer":true}}"#,
                    outbound, &gina)
                let offer = try await Self.exchange(String(buffer: TestSidecar.incomingPhone(mary, engagement: "TX-1")), outbound, &gina)
                let pop = try #require(try Self.actions(offer).first, "no pop for the agent the call was transferred to")
                #expect(pop["action"] as? String == "pop")
                #expect(pop["engagementId"] as? String == "TX-1")
                #expect((pop["contact"] as? [String: Any])?["id"] as? String == "0035g00000AbCdF")
                _ = try await Self.exchange(Self.connected("TX-1"), outbound, &gina)
                let note = try await Self.exchange(#"{"type":"zcc-add-note","data":{"comment":"gina's note"}}"#, outbound, &gina)
                #expect(try Self.actions(note).first?["engagementId"] as? String == "TX-1")
                let hans = try await Self.exchange(#"{"type":"zcc-screen-pop","data":{"id":"51000000037"}}"#, outbound, &gina)
                #expect(try Self.actions(hans).first?["action"] as? String == "pop")
                try await outbound.close(.normalClosure, reason: nil)
            }
        }
    }

    @Test("POST /v1/messages?agent= relays for one agent; a bad agent name is 400")
    func relayNamesTheAgent() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.router) { client in
            func post(_ body: String, agent: String) async throws -> TestResponse {
                try await client.execute(uri: "/v1/messages?agent=\(agent)", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: body))
            }
            _ = try await post(String(buffer: TestSidecar.incomingPhone(Self.shared, engagement: "H-B")), agent: "bob")
            _ = try await post(String(buffer: TestSidecar.incomingPhone(Self.shared, engagement: "H-A")), agent: "alice")
            let selection = try await post(#"{"type":"zcc-screen-pop","data":{"id":"0035g00000AbCdF"}}"#, agent: "bob")
            #expect(selection.status == .ok)
            let pop = try #require((try jsonObject(selection.body)["actions"] as? [[String: Any]])?.first)
            #expect(pop["engagementId"] as? String == "H-B")

            let bad = try await post(#"{"type":"zcc-init-config-request"}"#, agent: "not%20valid")
            #expect(bad.status == .badRequest)
            #expect(try errorCode(bad) == "invalid-agent")
        }
    }

    @Test("at most maximumAgents engines are kept; the one used least recently goes")
    func enginesAreBounded() throws {
        let sidecar = try TestSidecar.make { $0.maximumAgents = 2 }
        let first = sidecar.engines.engine(for: "a")
        _ = sidecar.engines.engine(for: "b")
        #expect(sidecar.engines.engine(for: "a") === first)  // "a" is now the most recent
        _ = sidecar.engines.engine(for: "c")  // evicts "b"
        #expect(sidecar.engines.count == 2)
        #expect(sidecar.engines.evicted == 1)
        #expect(sidecar.engines.engine(for: "a") === first)
        #expect(sidecar.engines.engine(for: nil) === sidecar.engine)
    }
}
