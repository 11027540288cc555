import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ScreenPopServer

/// Contacts change while the engine serves: one record at a time, or a whole CSV upload.
@Suite("Contacts")
struct ContactRouteTests {
    static func message(_ client: some TestClientProtocol, phone: String) async throws -> [String] {
        let response = try await client.execute(uri: "/v1/messages", method: .post, headers: TestSidecar.authorized, body: TestSidecar.incomingPhone(phone))
        #expect(response.status == .ok)
        return try replyIDs(jsonObject(response.body))
    }

    @Test("PUT creates then replaces, GET reads, DELETE removes; look-ups see each change")
    func upsertAndDelete() async throws {
        let app = try TestSidecar.make().makeApplication()
        try await app.test(.router) { client in
            #expect(try await Self.message(client, phone: "+14155550123") == [])
            let body = #"{"firstName":"Zoë","lastName":"Nguyen","phones":["(415) 555-0123",{"number":"+44 20 7946 0958","label":"london"}],"emails":["zoe@example.com"],"company":"Bay Ltd","region":"US"}"#
            let created = try await client.execute(uri: "/v1/contacts/0035g00000NeW01", method: .put, headers: TestSidecar.authorized, body: ByteBuffer(string: body))
            #expect(created.status == .created)
            #expect(try jsonObject(created.body)["created"] as? Bool == true)
            #expect(try await Self.message(client, phone: "+14155550123") == ["0035g00000NeW01"])
            #expect(try await Self.message(client, phone: "+442079460958") == ["0035g00000NeW01"])

            let replaced = try await client.execute(
                uri: "/v1/contacts/0035g00000NeW01", method: .put, headers: TestSidecar.authorized,
                body: ByteBuffer(string: #"{"firstName":"Zoë","lastName":"Nguyen","phones":["not a number"],"emails":["zoe@"]}"#))
            #expect(replaced.status == .ok)
            let answer = try jsonObject(replaced.body)
            #expect(answer["created"] as? Bool == false)
            let problems = try #require(answer["problems"] as? [[String: Any]])
            #expect(Set(problems.compactMap { $0["field"] as? String }) == ["phones[0]", "emails[0]"])
            #expect(try await Self.message(client, phone: "+14155550123") == [])

            let read = try await client.execute(uri: "/v1/contacts/0035g00000NeW01", method: .get, headers: TestSidecar.authorized)
            #expect(read.status == .ok)
            #expect(try jsonObject(read.body)["firstName"] as? String == "Zoë")

            let deleted = try await client.execute(uri: "/v1/contacts/0035g00000AbCdF", method: .delete, headers: TestSidecar.authorized)
            #expect(deleted.status == .ok)
            #expect(try await Self.message(client, phone: "+16505551234") == ["0035g00000AbCdE", "00Q5g00000LeAd1"])
            let again = try await client.execute(uri: "/v1/contacts/0035g00000AbCdF", method: .delete, headers: TestSidecar.authorized)
            #expect(again.status == .notFound)
            #expect(try errorCode(again) == "unknown-contact")
        }
    }

    @Test("a bad record: 400 naming the field; an id that disagrees with the path: 400")
    func badRecords() async throws {
        let app = try TestSidecar.make().makeApplication()
        try await app.test(.router) { client in
            let wrongType = try await client.execute(
                uri: "/v1/contacts/x1", method: .put, headers: TestSidecar.authorized, body: ByteBuffer(string: #"{"phones":[42]}"#))
            #expect(wrongType.status == .badRequest)
            #expect(try errorCode(wrongType) == "malformed")
            #expect((try jsonObject(wrongType.body)["error"] as? [String: Any])?["field"] as? String == "phones[0]")
            let mismatch = try await client.execute(
                uri: "/v1/contacts/x1", method: .put, headers: TestSidecar.authorized, body: ByteBuffer(string: #"{"id":"x2"}"#))
            #expect(mismatch.status == .badRequest)
            #expect(try errorCode(mismatch) == "id-mismatch")
            let notJSON = try await client.execute(uri: "/v1/contacts/x1", method: .put, headers: TestSidecar.authorized, body: ByteBuffer(string: "id,name"))
            #expect(notJSON.status == .badRequest)
        }
    }

    /// The NDJSON lines of an import response.
    static func lines(_ response: TestResponse) throws -> [[String: Any]] {
        try String(buffer: response.body).split(separator: "\n").map { try jsonObject(String($0)) }
    }

    @Test("a CSV upload replaces the directory: progress, the report with problems, then done")
    func importReplaces() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.live) { client in
            var csv = "Id,FirstName,LastName,Phone,Email,MailingCountry\n"
            for index in 0..<3000 {
                csv += "003X\(index),Ana,Garcia\(index),+1 212 555 \(String(format: "%04d", index)),ana\(index)@example.com,US\n"
            }
            csv += ",No,Id,+1 212 555 9999,,US\n"
            csv += "003Xbad,Bad,Phone,call me,,US\n"
            let response = try await client.execute(
                uri: "/v1/contacts/import?mode=replace", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: csv))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/x-ndjson") == true)
            let lines = try Self.lines(response)
            #expect(lines.first?["event"] as? String == "progress")
            let report = try #require(lines.first { $0["event"] as? String == "report" })
            #expect(report["rowsRead"] as? Int == 3002)
            #expect(report["rowsLoaded"] as? Int == 3001)
            #expect(report["rowsRejected"] as? Int == 1)
            let problems = try #require(report["problems"] as? [[String: Any]])
            #expect(problems.contains { $0["line"] as? Int == 3002 })
            #expect(problems.contains { $0["contactId"] as? String == "003Xbad" })
            let done = try #require(lines.last)
            #expect(done["event"] as? String == "done")
            #expect(done["contacts"] as? Int == 3001)
            #expect(sidecar.directory.count == 3001)
            #expect(try await Self.message(client, phone: "+12125550042") == ["003X42"])
            #expect(try await Self.message(client, phone: "+16505551234") == [])
        }
    }

    @Test("merge keeps the other records; a mode other than replace or merge is refused")
    func importMergesAndRefuses() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.live) { client in
            let csv = "id,first_name,last_name,phone,country\n0035g00000AbCdF,Mary,Smith-Jones,+1 650 555 7777,US\nN1,New,Person,+1 650 555 8888,US\n"
            let merged = try await client.execute(
                uri: "/v1/contacts/import?mode=merge", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: csv))
            #expect(try Self.lines(merged).last?["event"] as? String == "done")
            #expect(sidecar.directory.count == 5)
            #expect(try await Self.message(client, phone: "+16505557777") == ["0035g00000AbCdF"])
            #expect(try await Self.message(client, phone: "+16505551234") == ["0035g00000AbCdE", "00Q5g00000LeAd1"])

            let badMode = try await client.execute(uri: "/v1/contacts/import?mode=append", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: csv))
            #expect(badMode.status == .badRequest)
            #expect(try errorCode(badMode) == "invalid-mode")
        }
    }

    @Test("an upload over the limit changes nothing")
    func importTooLarge() async throws {
        let sidecar = try TestSidecar.make { $0.maximumImportBytes = 1000 }
        try await sidecar.makeApplication().test(.live) { client in
            let csv = "id,name,phone\n" + (0..<200).map { "R\($0),Name \($0),+1 650 555 \(1000 + $0)" }.joined(separator: "\n")
            let response = try await client.execute(uri: "/v1/contacts/import", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: csv))
            #expect(response.status == .contentTooLarge)
            #expect(try errorCode(response) == "body-too-large")
            #expect(sidecar.directory.count == 4)
        }
    }

    @Test("search ranks records for free text, with score and reason")
    func search() async throws {
        let app = try TestSidecar.make().makeApplication()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/v1/search?q=hans%20m%C3%BCller", method: .get, headers: TestSidecar.authorized)
            #expect(response.status == .ok)
            let results = try #require(try jsonObject(response.body)["results"] as? [[String: Any]])
            #expect(results.first?["id"] as? String == "51000000037")
            #expect(results.first?["reason"] is String)
            #expect(results.first?["score"] is Double)
            let missing = try await client.execute(uri: "/v1/search", method: .get, headers: TestSidecar.authorized)
            #expect(missing.status == .badRequest)
            #expect(try errorCode(missing) == "missing-query")
            let badLimit = try await client.execute(uri: "/v1/search?q=a&limit=0", method: .get, headers: TestSidecar.authorized)
            #expect(try errorCode(badLimit) == "invalid-limit")
        }
    }
}
