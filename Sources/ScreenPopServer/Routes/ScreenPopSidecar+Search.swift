import ContactIndex
import Hummingbird
import ScreenPop

extension ScreenPopSidecar {
    /// `GET /v1/search?q=…&limit=…`: the ranked records for free text (an id, a number, an
    /// address, a name), as `zcc-contact-search-event` answers them, with score and reason.
    func addSearchRoutes(to router: Router<ServerRequestContext>) {
        router.get("/v1/search") { [self] request, _ in
            guard let query = request.uri.queryParameters.get("q"), !query.isEmpty else {
                throw APIError(.badRequest, code: "missing-query", message: "give the text to search as q", field: "q")
            }
            guard query.utf8.count <= 1024 else {
                throw APIError(.badRequest, code: "query-too-long", message: "the query is longer than 1024 bytes", field: "q")
            }
            var limit = engine.configuration.resultLimit
            if let text = request.uri.queryParameters.get("limit") {
                guard let value = Int(text), (1...100).contains(value) else {
                    throw APIError(.badRequest, code: "invalid-limit", message: "limit is 1 to 100", field: "limit")
                }
                limit = value
            }
            struct SearchResult: Encodable {
                var id: String
                var name: String?
                var phone: String?
                var email: String?
                var entity: String?
                var score: Double
                var reason: String
            }
            struct SearchResponse: Encodable {
                var query: String
                var results: [SearchResult]
            }
            let results = engine.search(query, limit: limit).map { match in
                let item = ContactItem(match: match)
                return SearchResult(
                    id: item.id, name: item.name, phone: item.phone, email: item.email, entity: item.entity,
                    score: match.score, reason: match.reason.rawValue)
            }
            return JSONBody.response(SearchResponse(query: query, results: results))
        }
    }
}
