import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ScreenPopServer

/// Ids and agent names in the path are percent-decoded, as a client that encodes them
/// (`encodeURIComponent`, `urllib.parse.quote`) writes them.
@Suite("Path segments")
struct PathSegmentTests {
    @Test(
        "decodes %XX escapes as UTF-8, keeps + and plain text",
        arguments: [
            ("ACME%20001", "ACME 001"), ("M%C3%BCller-7", "Müller-7"), ("a%2Fb", "a/b"), ("a+b", "a+b"),
            ("plain", "plain"), ("%25", "%"), ("%e2%82%ac", "€"),
        ])
    func decodes(raw: String, decoded: String) throws {
        #expect(try PathSegment.decode(raw, field: "id") == decoded)
    }

    @Test("a bad escape or bytes that are not UTF-8: 400 invalid-path-encoding", arguments: ["100%", "%2", "%zz", "a%C3", "%FF%FE"])
    func refuses(raw: String) {
        #expect(throws: APIError.self) { try PathSegment.decode(raw, field: "id") }
        do {
            _ = try PathSegment.decode(raw, field: "id")
        } catch {
            #expect(error.code == "invalid-path-encoding")
            #expect(error.status == .badRequest)
            #expect(error.field == "id")
        }
    }

    @Test("GET, PUT and DELETE find the record whose id was percent-encoded in the path")
    func contactRoutes() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.router) { client in
            let created = try await client.execute(
                uri: "/v1/contacts/ACME%20001", method: .put, headers: TestSidecar.authorized,
                body: ByteBuffer(string: #"{"firstName":"Spacey","lastName":"Idman","phones":["+1 650 555 0001"]}"#))
            #expect(created.status == .created)
            #expect(try jsonObject(created.body)["id"] as? String == "ACME 001")
            #expect(sidecar.directory.withDirectory { $0.contact(id: "ACME 001") } != nil)

            let replaced = try await client.execute(
                uri: "/v1/contacts/ACME%20001", method: .put, headers: TestSidecar.authorized,
                body: ByteBuffer(string: #"{"id":"ACME 001","firstName":"Spacey","lastName":"Renamed","phones":["+1 650 555 0001"]}"#))
            #expect(replaced.status == .ok)
            #expect(sidecar.directory.count == 5)

            let read = try await client.execute(uri: "/v1/contacts/ACME%20001", method: .get, headers: TestSidecar.authorized)
            #expect(read.status == .ok)
            #expect(try jsonObject(read.body)["lastName"] as? String == "Renamed")

            let umlaut = try await client.execute(uri: "/v1/contacts/M%C3%BCller-7", method: .put, headers: TestSidecar.authorized, body: ByteBuffer(string: #"{"lastName":"Umlaut"}"#))
            #expect(try jsonObject(umlaut.body)["id"] as? String == "Müller-7")

            let deleted = try await client.execute(uri: "/v1/contacts/ACME%20001", method: .delete, headers: TestSidecar.authorized)
            #expect(deleted.status == .ok)
            #expect(sidecar.directory.withDirectory { $0.contact(id: "ACME 001") } == nil)

            let bad = try await client.execute(uri: "/v1/contacts/100%25%ZZ", method: .get, headers: TestSidecar.authorized)
            #expect(bad.status == .badRequest)
            #expect(try errorCode(bad) == "invalid-path-encoding")
        }
    }

    @Test("an agent name with an encoded @ is the name with the @")
    func agentRoute() async throws {
        let app = try TestSidecar.make().makeApplication()
        try await app.test(.router) { client in
            let command = #"{"type":"onclicktoact","data":{"phone":"+16505551234"}}"#
            let response = try await client.execute(
                uri: "/v1/agents/ann%40example.com/commands", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: command))
            #expect(response.status == .notFound)
            #expect(try errorCode(response) == "agent-not-connected")
            #expect(String(buffer: response.body).contains("ann@example.com"))
        }
    }
}
