import ContactIndex
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ScreenPopServer

/// An import does not undo what the API wrote while the upload was read, and a merge changes
/// only the fields of the file's columns.
@Suite("Imports keep newer writes")
struct ImportKeepsWritesTests {
    @Test("a merge of a file with an id and a phone column keeps each record's names, emails and other phones")
    func mergeKeepsFieldsTheFileLacks() async throws {
        let sidecar = try TestSidecar.make()
        try await sidecar.makeApplication().test(.live) { client in
            let csv = "Id,Mobile\n0035g00000AbCdF,+1 650 555 0199\n0035g00000NeW01,+1 650 555 0177\n"
            let response = try await CSVImportTests.upload(client, csv, query: "?mode=merge")
            #expect(response.status == .ok)
            let done = try #require(try CSVImportTests.lines(response).last)
            #expect(done["event"] as? String == "done")
            let merged = try #require(done["merged"] as? [String: Any])
            #expect(merged["added"] as? Int == 1)
            #expect(merged["updated"] as? Int == 1)
            #expect(done["keptWrites"] as? Int == 0)
            let mary = try #require(sidecar.directory.withDirectory { $0.contact(id: "0035g00000AbCdF") })
            #expect(mary.firstName == "Mary")
            #expect(mary.lastName == "Smith")
            #expect(mary.company == "Acme Corp")
            #expect(mary.emails.map(\.raw) == ["mary.smith@example.com"])
            // The shared line stays; the mobile number is the file's.
            #expect(mary.phones.map { $0.normalized?.e164 } == ["+16505551234", "+16505550199"])
            #expect(sidecar.directory.withDirectory { $0.lookup(phone: "+16505550142") }.isEmpty)
        }
    }

    @Test("writes made while a replace upload is read are applied to the new directory")
    func replaceKeepsWritesDuringTheUpload() async throws {
        let sidecar = try TestSidecar.make()
        let directory = sidecar.directory
        let (chunks, feed) = AsyncStream.makeStream(of: ByteBuffer.self)
        // The export caught John and Hans as they were, and Mary; its second half comes later.
        feed.yield(ByteBuffer(string: "id,first_name,last_name,phone,country\n0035g00000AbCdE,John,Smith,(650) 555-1234,US\n"))
        let upload = Task {
            await CSVImport(directory: directory, mode: .replace, maximumBytes: 1 << 20).start(body: RequestBody(asyncSequence: chunks))
        }
        // The import holds its mark once it has started.
        for _ in 0..<2_000 where directory.writeMarksHeld == 0 { try await Task.sleep(for: .milliseconds(1)) }
        #expect(directory.writeMarksHeld == 1)
        // An agent renames John and deletes Hans through the API meanwhile.
        directory.upsert(Contact(id: "0035g00000AbCdE", firstName: "Johnny", lastName: "Smith", phones: [ContactPhone("+1 650 555 1234")]))
        directory.remove(id: "51000000037")
        feed.yield(ByteBuffer(string: "51000000037,Hans,Müller,030 1234567,DE\n0035g00000AbCdF,Mary,Smith,+1 650 555 0142,US\n"))
        feed.finish()
        guard case .streaming(let lines) = await upload.value else {
            Issue.record("the import failed")
            return
        }
        var last: [UInt8] = lines.held.last ?? []
        while let line = await lines.next() {
            if case .line(let bytes) = line { last = bytes }
        }
        let done = try jsonObject(String(decoding: last, as: UTF8.self))
        #expect(done["event"] as? String == "done")
        #expect(done["keptWrites"] as? Int == 2)
        directory.withDirectory { directory in
            #expect(directory.contact(id: "0035g00000AbCdE")?.firstName == "Johnny")
            #expect(directory.contact(id: "51000000037") == nil)
            #expect(directory.contact(id: "0035g00000AbCdF")?.firstName == "Mary")
            #expect(directory.count == 2)
        }
        #expect(directory.writeMarksHeld == 0, "the finished import still records writes")
    }
}
