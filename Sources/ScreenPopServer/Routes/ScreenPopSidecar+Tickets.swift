import Foundation
import Hummingbird

extension ScreenPopSidecar {
    /// `POST /v1/tickets` with an optional `{"agent":"…"}`: a single-use ticket for the agent's page
    /// to open `/v1/ws?ticket=…`. The host backend calls this with the token and hands the ticket
    /// to its own page; the token never reaches a browser.
    func addTicketRoutes(to router: Router<ServerRequestContext>) {
        router.post("/v1/tickets") { [self] request, _ in
            let body = try await request.collectBody(limit: 4096, what: "ticket request")
            var agent: String?
            if !body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                struct TicketRequest: Decodable { var agent: String? }
                do {
                    agent = try JSONDecoder().decode(TicketRequest.self, from: Data(body)).agent
                } catch {
                    throw APIError.malformed("the body is not {\"agent\": \"…\"}")
                }
            }
            if let name = agent { agent = try AgentName.validate(name) }
            let (ticket, _) = try tickets.mint(agent: agent)
            struct TicketResponse: Encodable {
                var ticket: String
                var agent: String?
                var expiresInSeconds: Int64
                var path: String
            }
            return JSONBody.response(
                TicketResponse(
                    ticket: ticket, agent: agent, expiresInSeconds: configuration.ticketLifetime.components.seconds,
                    path: "/v1/ws?ticket=\(ticket)"),
                status: .created)
        }
    }
}
