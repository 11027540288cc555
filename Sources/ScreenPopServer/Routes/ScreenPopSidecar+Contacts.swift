import ContactIndex
import Hummingbird
import Synchronization

extension ScreenPopSidecar {
    /// `GET`, `PUT` and `DELETE /v1/contacts/{id}` for one record, and
    /// `POST /v1/contacts/import?mode=replace|merge[&allowEmpty=true]` for a CSV upload (`mode`
    /// is `replace` when absent; `allowEmpty`: see `CSVImport`). Writes go to the live
    /// directory: look-ups never wait for them, and every look-up that starts after a write
    /// returned sees it.
    func addContactRoutes(to router: Router<ServerRequestContext>) {
        router.get("/v1/contacts/{id}") { [self] _, context in
            let id = try Self.contactID(context)
            guard let contact = directory.withDirectory({ $0.contact(id: id) }) else { throw Self.noContact(id) }
            return JSONBody.response(contact)
        }
        router.put("/v1/contacts/{id}") { [self] request, context in
            let id = try Self.contactID(context)
            let input = try ContactInput.decode(try await request.collectBody(limit: configuration.maximumContactBytes, what: "contact"))
            if let bodyID = input.id, bodyID != id {
                throw APIError(.badRequest, code: "id-mismatch", message: "the body's id \(bodyID.debugDescription) is not the path's \(id.debugDescription)", field: "id")
            }
            guard input.hasIdentity else { throw ContactInput.emptyRecord }
            let existed = directory.withDirectory { $0.contact(id: id) != nil }
            let (contact, inputProblems) = input.contact(id: id)
            let problems = directory.upsert(contact)
            metrics.contactWrite("upsert")
            struct UpsertResponse: Encodable {
                var id: String
                var created: Bool
                var problems: [ContactInputProblem]
            }
            let answer = UpsertResponse(
                id: id, created: !existed,
                problems: inputProblems + problems.map { ContactInputProblem(field: $0.field, value: $0.value, message: $0.description) })
            return JSONBody.response(answer, status: existed ? .ok : .created)
        }
        router.delete("/v1/contacts/{id}") { [self] _, context in
            let id = try Self.contactID(context)
            guard directory.remove(id: id) != nil else { throw Self.noContact(id) }
            metrics.contactWrite("delete")
            struct DeleteResponse: Encodable {
                var id: String
                var removed: Bool
            }
            return JSONBody.response(DeleteResponse(id: id, removed: true))
        }
        router.post("/v1/contacts/import") { [self] request, _ in
            let modeText = request.uri.queryParameters.get("mode") ?? ImportMode.replace.rawValue
            guard let mode = ImportMode(rawValue: modeText) else {
                throw APIError(.badRequest, code: "invalid-mode", message: "mode is replace or merge", field: "mode")
            }
            let allowsEmpty: Bool
            switch request.uri.queryParameters.get("allowEmpty") {
            case nil, "false": allowsEmpty = false
            case "true": allowsEmpty = true
            default: throw APIError(.badRequest, code: "invalid-allow-empty", message: "allowEmpty is true or false", field: "allowEmpty")
            }
            if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > configuration.maximumImportBytes {
                throw APIError.tooLarge(limit: configuration.maximumImportBytes, what: "upload")
            }
            guard importRunning.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
                throw APIError(.conflict, code: "import-in-progress", message: "another upload is being loaded; try again when it is done")
            }
            metrics.contactWrite("import")
            let job = CSVImport(directory: directory, mode: mode, maximumBytes: configuration.maximumImportBytes, allowsEmpty: allowsEmpty)
            // Released when the response body is done with, written or not (the client may leave
            // before it is written), or when the import failed before its answer began.
            let lease = ImportLease(sidecar: self)
            switch await job.start(body: request.body) {
            case .failed(let error):
                lease.end()
                throw error
            case .streaming(let lines):
                return Response(
                    status: .ok,
                    headers: [.contentType: "application/x-ndjson; charset=utf-8", .cacheControl: "no-store"],
                    body: ResponseBody { writer in
                        defer { lease.end() }
                        try await lines.write(to: &writer)
                    })
            }
        }
    }

    /// The path's id, percent-decoded (`PathSegment`): the 1-to-256-byte limit is the decoded id's.
    private static func contactID(_ context: ServerRequestContext) throws(APIError) -> String {
        let id = try PathSegment.decode(context.parameters.get("id") ?? "", field: "id")
        guard !id.isEmpty, id.utf8.count <= 256 else {
            throw APIError(.badRequest, code: "invalid-id", message: "a contact id is 1 to 256 bytes", field: "id")
        }
        return id
    }

    private static func noContact(_ id: String) -> APIError {
        APIError(.notFound, code: "unknown-contact", message: "no contact has the id \(id.debugDescription)")
    }
}

/// Holds the sidecar's one import slot; gives it back when the import ends, or when the lease
/// is freed without the import having run.
final class ImportLease: Sendable {
    let sidecar: ScreenPopSidecar
    private let ended = Atomic<Bool>(false)

    init(sidecar: ScreenPopSidecar) {
        self.sidecar = sidecar
    }

    /// Gives the slot back (once).
    func end() {
        if ended.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged {
            sidecar.importRunning.store(false, ordering: .releasing)
        }
    }

    deinit {
        end()
    }
}
