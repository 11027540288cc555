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
}
