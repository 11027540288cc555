import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ScreenPopServer

/// The body of `PUT /v1/contacts/{id}` is read as a CSV row is: the same regions, and nothing
/// silently lost.
@Suite("Contact input")
struct ContactInputTests {
    static func put(_ client: some TestClientProtocol, _ id: String, _ body: String) async throws -> TestResponse {
        try await client.execute(uri: "/v1/contacts/\(id)", method: .put, headers: TestSidecar.authorized, body: ByteBuffer(string: body))
    }

    static func problems(_ response: TestResponse) throws -> [[String: Any]] {
        try #require(try jsonObject(response.body)["problems"] as? [[String: Any]])
    }

    @Test("a region written as a country name or alpha-3 code reads the phones as the CSV import does", arguments: ["Germany", "DEU", "deutschland", "DE"])
    func regionNames(region: String) async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.router) { client in
            let response = try await Self.put(client, "RG1", #"{"firstName":"Regina","phones":["030 1234567"],"region":"\#(region)"}"#)
            #expect(response.status == .created)
            #expect(try Self.problems(response).isEmpty)
            let stored = try #require(sidecar.directory.withDirectory { $0.contact(id: "RG1") })
            #expect(stored.region == "DE")
            #expect(stored.phones.first?.normalized?.e164 == "+49301234567")
        }
    }

    @Test("a region that names no country: the default region reads the phones, and a problem says so")
    func unknownRegion() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.router) { client in
            let response = try await Self.put(client, "RG5", #"{"firstName":"Nadia","phones":["(650) 555-7100"],"region":"Narnia"}"#)
            #expect(response.status == .created)
            let problems = try Self.problems(response)
            #expect(problems.count == 1)
            #expect(problems.first?["field"] as? String == "region")
            #expect(problems.first?["value"] as? String == "Narnia")
            #expect((problems.first?["message"] as? String)?.contains("default region") == true)
            let stored = try #require(sidecar.directory.withDirectory { $0.contact(id: "RG5") })
            #expect(stored.region == nil)
            #expect(stored.phones.first?.normalized?.e164 == "+16505557100")
        }
    }

    @Test("a key a record does not have: 400 unknown-field naming it and the key it probably meant; the record is kept")
    func unknownKeys() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.router) { client in
            let response = try await Self.put(client, "0035g00000AbCdE", #"{"first_name":"John","last_name":"Smith","phone":"+1 650 555 1234"}"#)
            #expect(response.status == .badRequest)
            #expect(try errorCode(response) == "unknown-field")
            let error = try #require(try jsonObject(response.body)["error"] as? [String: Any])
            #expect(error["field"] as? String == "first_name")
            #expect((error["message"] as? String)?.contains(#"did you mean "firstName""#) == true)
            #expect(sidecar.directory.withDirectory { $0.contact(id: "0035g00000AbCdE") }?.firstName == "John")
            #expect(ContactInput.meant(by: "phone") == "phones")
            #expect(ContactInput.meant(by: "Last-Name") == "lastName")
            #expect(ContactInput.meant(by: "shoeSize") == nil)
        }
    }

    @Test("a record with no name, phone, email or company: 400 empty-record, the record is kept", arguments: [#"{}"#, #"{"firstName":"  ","phones":[],"attributes":{"Title":"CFO"}}"#])
    func emptyRecord(body: String) async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.router) { client in
            let response = try await Self.put(client, "0035g00000AbCdE", body)
            #expect(response.status == .badRequest)
            #expect(try errorCode(response) == "empty-record")
            #expect(sidecar.directory.withDirectory { $0.contact(id: "0035g00000AbCdE") }?.phones.count == 1)
        }
    }
}
