import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ScreenPopServer

/// `POST /v1/contacts/import`: what an upload that loads nothing, fails, or lacks an id column
/// does to the directory and answers.
@Suite("CSV import")
struct CSVImportTests {
    static func upload(_ client: some TestClientProtocol, _ csv: String, query: String = "") async throws -> TestResponse {
        try await client.execute(
            uri: "/v1/contacts/import\(query)", method: .post, headers: TestSidecar.authorized, body: ByteBuffer(string: csv))
    }

    /// The `error` object of the stream's last line, or of the error body.
    static func lastErrorCode(_ response: TestResponse) throws -> String? {
        let last = try #require(String(buffer: response.body).split(separator: "\n").last)
        return (try jsonObject(String(last))["error"] as? [String: Any])?["code"] as? String
    }

    @Test("a replace whose every row is rejected keeps the directory")
    func everyRowRejected() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.live) { client in
            let response = try await Self.upload(client, "id,name,phone\n,Ann,+1 650 555 0001\n,Bob,+1 650 555 0002\n", query: "?mode=replace")
            #expect(try Self.lastErrorCode(response) == "nothing-loaded")
            #expect(sidecar.directory.count == 4)
        }
    }

    @Test("a replace whose header maps no name, phone, email or id keeps the directory")
    func noContactColumns() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.live) { client in
            let response = try await Self.upload(client, "color,size\nred,9\nblue,10\n", query: "?mode=replace")
            #expect(response.status == .unprocessableContent)
            #expect(try errorCode(response) == "no-contact-columns")
            #expect(sidecar.directory.count == 4)
        }
    }

    @Test("a header without rows empties the directory only with allowEmpty=true")
    func headerOnly() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.live) { client in
            let refused = try await Self.upload(client, "id,name,phone\n")
            #expect(try Self.lastErrorCode(refused) == "empty-file")
            #expect(sidecar.directory.count == 4)
            let badFlag = try await Self.upload(client, "id,name,phone\n", query: "?allowEmpty=yes")
            #expect(badFlag.status == .badRequest)
            let emptied = try await Self.upload(client, "id,name,phone\n", query: "?mode=replace&allowEmpty=true")
            #expect(emptied.status == .ok)
            #expect(sidecar.directory.count == 0)
        }
    }

    @Test("an import that fails before its answer streams gets its 4xx status and the error body; the directory is kept")
    func failuresHaveAStatus() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.live) { client in
            var zip = ByteBuffer(bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])
            zip.writeString(String(repeating: "x", count: 200))
            let workbook = try await client.execute(uri: "/v1/contacts/import", method: .post, headers: TestSidecar.authorized, body: zip)
            #expect(workbook.status == .unsupportedMediaType)
            #expect(try errorCode(workbook) == "not-csv")

            let empty = try await Self.upload(client, "")
            #expect(empty.status == .unprocessableContent)
            #expect(try errorCode(empty) == "missing-header")

            let rejected = try await Self.upload(client, "id,name,phone\n,Ann,+1 650 555 0001\n,Bob,+1 650 555 0002\n")
            #expect(rejected.status == .unprocessableContent)
            #expect(try errorCode(rejected) == "nothing-loaded")
            #expect(sidecar.directory.count == 4)

            let loaded = try await Self.upload(client, "id,name,phone\nA1,Ann,+1 650 555 0001\n", query: "?mode=merge")
            #expect(loaded.status == .ok)
            #expect(try Self.lines(loaded).last?["event"] as? String == "done")
            #expect(sidecar.directory.count == 5)
        }
    }

    static func lines(_ response: TestResponse) throws -> [[String: Any]] {
        try String(buffer: response.body).split(separator: "\n").map { try jsonObject(String($0)) }
    }

    @Test("a file without an id column loads as at start-up: ids from the first email, else phone, reachable by the API")
    func synthesizedIDs() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.live) { client in
            let csv = "Name,Given Name,Family Name,E-mail 1 - Value,Phone 1 - Value\nAnn Lee,Ann,Lee,ann@example.com,+1 650 555 0101\nBo Kim,Bo,Kim,,+1 650 555 0102\n"
            let response = try await Self.upload(client, csv, query: "?mode=merge")
            #expect(response.status == .ok)
            let lines = try Self.lines(response)
            let report = try #require(lines.first { $0["event"] as? String == "report" })
            #expect(report["rowsLoaded"] as? Int == 2)
            #expect(report["idSynthesis"] is String)
            #expect(lines.last?["event"] as? String == "done")
            #expect(sidecar.directory.count == 6)
            let ann = try await client.execute(uri: "/v1/contacts/email%3Aann%40example.com", method: .get, headers: TestSidecar.authorized)
            #expect(ann.status == .ok)
            #expect(try jsonObject(ann.body)["firstName"] as? String == "Ann")
            let bo = try await client.execute(uri: "/v1/contacts/phone%3A%2B16505550102", method: .delete, headers: TestSidecar.authorized)
            #expect(bo.status == .ok)
        }
    }
}
